"""What the user is told when something cannot be done: one line, in English and in Chinese."""

from __future__ import annotations


class UserError(Exception):
    """An error whose message is for the user: `str(error)` is the English line, `message_zh`
    the Chinese one."""

    def __init__(self, message_en: str, message_zh: str) -> None:
        super().__init__(message_en)
        self.message_en = message_en
        self.message_zh = message_zh

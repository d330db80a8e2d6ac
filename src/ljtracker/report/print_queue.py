"""What the print system says of a queue: whether it takes jobs, and whether it is paused.

Qt hands a job to CUPS and reports nothing back: a queue that refuses jobs lost the report
while the window said it was sent. `lpstat` is asked instead; where there is none, nothing is
known, and the job is sent as before.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from ljtracker.domain.errors import UserError


class QueueRefuses(UserError):
    """The print queue does not take jobs."""


def _lpstat(*args: str) -> str:
    program = shutil.which("lpstat")
    if program is None:
        return ""
    try:
        done = subprocess.run(
            [program, *args],
            capture_output=True,
            text=True,
            timeout=3,
            env={**os.environ, "LC_ALL": "C", "LANG": "C"},
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout


def check_queue(name: str) -> bool:
    """QueueRefuses when the queue `name` refuses jobs (cupsreject); else whether it holds
    them (cupsdisable), to print once it resumes. One call, however slow the print system."""
    said = _lpstat("-a", name, "-p", name)
    if " not accepting requests" in said:
        raise QueueRefuses(
            f"the printer {name} is not accepting jobs; nothing was sent",
            f"打印机 {name} 当前不接受打印任务；未发送任何内容",
        )
    return " disabled since" in said

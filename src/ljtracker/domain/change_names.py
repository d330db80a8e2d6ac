"""What each kind of change is called in the history and on the undo menu, in English and in
Chinese. Both are recorded with the change, so the history reads in the language it is shown
in, whichever language the change was made in."""

from __future__ import annotations

from dataclasses import dataclass

from ljtracker.domain.explain import METHOD_NAMES
from ljtracker.domain.model import Area, Quality, Settings


@dataclass(frozen=True)
class ChangeName:
    en: str
    zh: str = ""  # empty: not recorded in Chinese (a change made before both were kept)

    def text(self, lang: str) -> str:
        if lang == "zh":
            return self.zh or self.en
        return self.en or self.zh


def _area(area: Area) -> tuple[str, str]:
    return area.name_en or area.name_zh, area.name_zh or area.name_en


# --- plans, areas and targets ----------------------------------------------------------------


def add_plan(code: str) -> ChangeName:
    return ChangeName(f"Add plan {code}", f"添加规划 {code}")


def follow_on_plan(code: str, earlier: str) -> ChangeName:
    return ChangeName(f"Add plan {code} after {earlier}", f"在 {earlier} 之后添加规划 {code}")


def edit_plan(code: str) -> ChangeName:
    return ChangeName(f"Edit plan {code}", f"编辑规划 {code}")


def delete_plan(code: str) -> ChangeName:
    return ChangeName(f"Delete plan {code}", f"删除规划 {code}")


def add_area(area: Area) -> ChangeName:
    en, zh = _area(area)
    return ChangeName(f"Add area {en}", f"添加领域 {zh}")


def rename_area(area: Area) -> ChangeName:
    en, zh = _area(area)
    return ChangeName(f"Rename area {en}", f"重命名领域 {zh}")


def delete_area(area: Area) -> ChangeName:
    en, zh = _area(area)
    return ChangeName(f"Delete area {en}", f"删除领域 {zh}")


def move_area(area: Area, up: bool) -> ChangeName:
    en, zh = _area(area)
    if up:
        return ChangeName(f"Move area {en} up", f"上移领域 {zh}")
    return ChangeName(f"Move area {en} down", f"下移领域 {zh}")


def add_target(code: str) -> ChangeName:
    return ChangeName(f"Add target {code}", f"添加指标 {code}")


def edit_target(code: str) -> ChangeName:
    return ChangeName(f"Edit target {code}", f"编辑指标 {code}")


def delete_target(code: str) -> ChangeName:
    return ChangeName(f"Delete target {code}", f"删除指标 {code}")


def move_target(code: str, up: bool) -> ChangeName:
    if up:
        return ChangeName(f"Move target {code} up", f"上移指标 {code}")
    return ChangeName(f"Move target {code} down", f"下移指标 {code}")


# --- yearly figures ------------------------------------------------------------------------

QUALITY_WORDS: dict[Quality, tuple[str, str]] = {
    Quality.OFFICIAL: ("official", "正式"),
    Quality.PRELIMINARY: ("preliminary", "初步"),
    Quality.ESTIMATE: ("estimate", "估算"),
}


def set_figure(code: str, year: int, *, new: bool = True) -> ChangeName:
    if new:
        return ChangeName(f"Set the {year} figure of {code}", f"设置 {code} 的 {year}年数据")
    return ChangeName(f"Change the {year} figure of {code}", f"修改 {code} 的 {year}年数据")


def mark_figure(code: str, year: int, quality: Quality) -> ChangeName:
    en, zh = QUALITY_WORDS[quality]
    return ChangeName(
        f"Mark the {year} figure of {code} as {en}", f"将 {code} 的 {year}年数据标为{zh}"
    )


def set_source(code: str, year: int) -> ChangeName:
    return ChangeName(
        f"Set the source of the {year} figure of {code}", f"设置 {code} 的 {year}年数据来源"
    )


def set_note(code: str, year: int) -> ChangeName:
    return ChangeName(
        f"Set the note on the {year} figure of {code}", f"设置 {code} 的 {year}年数据备注"
    )


def remove_figure(code: str, year: int) -> ChangeName:
    return ChangeName(f"Remove the {year} figure of {code}", f"删除 {code} 的 {year}年数据")


def clear_source(code: str, year: int) -> ChangeName:
    return ChangeName(
        f"Clear the source of the {year} figure of {code}", f"清除 {code} 的 {year}年数据来源"
    )


def clear_note(code: str, year: int) -> ChangeName:
    return ChangeName(
        f"Clear the note on the {year} figure of {code}", f"清除 {code} 的 {year}年数据备注"
    )


def edit_figure_details(code: str, year: int) -> ChangeName:
    return ChangeName(
        f"Edit the quality, source or note of the {year} figure of {code}",
        f"编辑 {code} 的 {year}年数据的质量、来源或备注",
    )


def clear_source_and_note(code: str, year: int) -> ChangeName:
    return ChangeName(
        f"Clear the source and note of the {year} figure of {code}",
        f"清除 {code} 的 {year}年数据来源和备注",
    )


def remove_figures(count: int) -> ChangeName:
    return ChangeName(f"Remove {count} figures", f"删除 {count} 条数据")


def clear_figures(count: int) -> ChangeName:
    return ChangeName(f"Clear cells of {count} figures", f"清除 {count} 条数据的单元格")


def set_figures(count: int) -> ChangeName:
    return ChangeName(f"Set {count} figures", f"设置 {count} 条数据")


def paste_figure(code: str, year: int) -> ChangeName:
    return ChangeName(f"Paste the {year} figure of {code}", f"粘贴 {code} 的 {year}年数据")


def paste_figures(count: int, code: str | None = None, year: int | None = None) -> ChangeName:
    """Figures of one target, or for one year, or neither."""
    if code is not None:
        return ChangeName(f"Paste {count} figures of {code}", f"粘贴 {code} 的 {count} 条数据")
    if year is not None:
        return ChangeName(f"Paste {count} figures for {year}", f"粘贴 {year}年的 {count} 条数据")
    return ChangeName(f"Paste {count} figures", f"粘贴 {count} 条数据")


# --- the whole workbook ----------------------------------------------------------------------


def change_settings(old: Settings, new: Settings) -> ChangeName:
    """ "Change the progress method from growth ratio to projection", the method named before
    and after; thresholds, many numbers, are named as changed (the history gives them)."""
    if old.method is new.method:
        return ChangeName("Change the progress thresholds", "更改进展评估阈值")
    (was_en, was_zh), (now_en, now_zh) = METHOD_NAMES[old.method], METHOD_NAMES[new.method]
    changed = old.thresholds != new.thresholds
    return ChangeName(
        f"Change the progress method from {was_en} to {now_en}"
        + (" and its thresholds" if changed else ""),
        f"将进展评估方法由{was_zh}改为{now_zh}" + ("，并更改阈值" if changed else ""),
    )


def import_file(file_name: str) -> ChangeName:
    return ChangeName(f"Import {file_name}", f"导入 {file_name}")


def restore_backup(file_name: str) -> ChangeName:
    return ChangeName(f"Restore the backup {file_name}", f"恢复备份 {file_name}")


def create_demo() -> ChangeName:
    return ChangeName("Create the demo workbook", "创建示例工作簿")


# --- undoing ---------------------------------------------------------------------------------


_UNDO = ("Undo: ", "撤销：")
_REDO = ("Redo: ", "重做：")


def _stepped(prefix: tuple[str, str], name: ChangeName) -> ChangeName:
    return ChangeName(prefix[0] + name.text("en"), prefix[1] + name.text("zh"))


def _without(prefix: tuple[str, str], name: ChangeName) -> ChangeName | None:
    """The name an undo or redo step was named after, or None when it names no such step."""
    en, zh = name.text("en"), name.text("zh")
    if not (en.startswith(prefix[0]) and zh.startswith(prefix[1])):
        return None
    return ChangeName(en.removeprefix(prefix[0]), zh.removeprefix(prefix[1]))


def names_a_step(text: str) -> bool:
    """Whether a change's name, in either language, is that of an undo or a redo step."""
    return text.startswith((*_UNDO, *_REDO))


def undo(name: ChangeName) -> ChangeName:
    """What undoing the change called `name` is called: undoing "Undo: X" redoes X, and
    undoing "Redo: X" undoes X, rather than "Undo: Redo: X"."""
    if (undone := _without(_UNDO, name)) is not None:
        return _stepped(_REDO, undone)
    if (redone := _without(_REDO, name)) is not None:
        return _stepped(_UNDO, redone)
    return _stepped(_UNDO, name)


def redo(name: ChangeName) -> ChangeName:
    """What redoing the change called `name` is called: redoing "Undo: X" undoes X again,
    and redoing "Redo: X" redoes it, rather than "Redo: Undo: X"."""
    if _without(_UNDO, name) is not None or _without(_REDO, name) is not None:
        return name
    return _stepped(_REDO, name)


def revert(name: ChangeName) -> ChangeName:
    return ChangeName(f"Revert: {name.text('en')}", f"撤回：{name.text('zh')}")

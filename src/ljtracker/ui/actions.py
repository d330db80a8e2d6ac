"""Every command of the window, declared once: text, shortcut, tooltip and icon."""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QCoreApplication, QObject, QPointF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QStyle, QWidget

Key = QKeySequence.StandardKey
Pixmap = QStyle.StandardPixmap
ThemeIcon = QIcon.ThemeIcon
translate = QCoreApplication.translate


class Act(Enum):
    NEW = auto()
    OPEN = auto()
    SAVE_COPY = auto()
    PRINT_PREVIEW = auto()
    PRINT = auto()
    EXPORT_PDF = auto()
    IMPORT = auto()
    EXPORT = auto()
    BACKUPS = auto()
    CLOSE = auto()
    QUIT = auto()
    UNDO = auto()
    REDO = auto()
    COPY = auto()
    PASTE = auto()
    EDIT_FIGURE = auto()
    FIND = auto()
    NEW_PLAN = auto()
    NEXT_PLAN = auto()
    NEW_AREA = auto()
    NEW_TARGET = auto()
    EDIT_ITEM = auto()
    DELETE_ITEM = auto()
    MOVE_UP = auto()
    MOVE_DOWN = auto()
    PREFERENCES = auto()
    VIEW_DASHBOARD = auto()
    VIEW_YEAR_ENTRY = auto()
    SHOW_NAVIGATOR = auto()
    METHOD_HELP = auto()
    ABOUT = auto()


# what changes the workbook: closed while it is open read-only
WRITING = frozenset(
    {
        Act.IMPORT,
        Act.PASTE,
        Act.EDIT_FIGURE,
        Act.NEW_PLAN,
        Act.NEXT_PLAN,
        Act.NEW_AREA,
        Act.NEW_TARGET,
        Act.EDIT_ITEM,
        Act.DELETE_ITEM,
        Act.MOVE_UP,
        Act.MOVE_DOWN,
    }
)


# Keys every desktop gives these commands, for a platform whose theme names none (or only
# one): Redo is Ctrl+Shift+Z as often as Ctrl+Y.
_ALSO: dict[Key, tuple[str, ...]] = {
    Key.Redo: ("Ctrl+Y", "Ctrl+Shift+Z"),
    Key.Close: ("Ctrl+W",),
    Key.Quit: ("Ctrl+Q",),
}


def shortcuts(keys: Key | str) -> list[QKeySequence]:
    """All the keys of a command: each the platform binds to a standard one, and those of
    _ALSO it leaves out."""
    if isinstance(keys, str):
        return [QKeySequence(keys)]
    found = list(QKeySequence.keyBindings(keys))
    for text in _ALSO.get(keys, ()):
        sequence = QKeySequence(text)
        if sequence not in found:
            found.append(sequence)
    return found


@dataclass(frozen=True)
class ActionSpec:
    text: str
    tip: str
    keys: Key | str | None = None
    icon: ThemeIcon | None = None
    fallback_icon: Pixmap | None = None
    needs_workbook: bool = True
    module: str | None = None  # the window module that carries the action out, when optional
    checkable: bool = False
    role: QAction.MenuRole = QAction.MenuRole.NoRole


def _file_specs() -> dict[Act, ActionSpec]:
    report = "ljtracker.ui.report_dialog"
    return {
        Act.NEW: ActionSpec(
            translate("Actions", "&New Workbook…"),
            translate("Actions", "Create a new, empty workbook file"),
            Key.New,
            ThemeIcon.DocumentNew,
            Pixmap.SP_FileIcon,
            needs_workbook=False,
        ),
        Act.OPEN: ActionSpec(
            translate("Actions", "&Open…"),
            translate("Actions", "Open a workbook file"),
            Key.Open,
            ThemeIcon.DocumentOpen,
            Pixmap.SP_DialogOpenButton,
            needs_workbook=False,
        ),
        Act.SAVE_COPY: ActionSpec(
            translate("Actions", "Save a &Copy As…"),
            translate(
                "Actions",
                "Write a copy of this workbook to another file; you keep working in this one",
            ),
            Key.SaveAs,
            ThemeIcon.DocumentSaveAs,
            Pixmap.SP_DialogSaveButton,
        ),
        Act.PRINT_PREVIEW: ActionSpec(
            translate("Actions", "Print Pre&view…"),
            translate("Actions", "Preview the progress report before printing it"),
            "Ctrl+Shift+P",
            ThemeIcon.DocumentPrintPreview,
            Pixmap.SP_FileDialogContentsView,
            module=report,
        ),
        Act.PRINT: ActionSpec(
            translate("Actions", "&Print…"),
            translate("Actions", "Print the progress report"),
            Key.Print,
            ThemeIcon.DocumentPrint,
            None,
            module=report,
        ),
        Act.EXPORT_PDF: ActionSpec(
            translate("Actions", "Export P&DF…"),
            translate("Actions", "Write the progress report as a PDF file"),
            "Ctrl+Shift+D",
            None,
            None,
            module=report,
        ),
        Act.IMPORT: ActionSpec(
            translate("Actions", "&Import Spreadsheet…"),
            translate("Actions", "Bring figures or targets in from a spreadsheet file"),
            None,
            None,
            None,
            module="ljtracker.ui.import_wizard",
        ),
        Act.EXPORT: ActionSpec(
            translate("Actions", "&Export Spreadsheet…"),
            translate("Actions", "Write plans, targets and figures to a spreadsheet file"),
            None,
            None,
            None,
            module="ljtracker.ui.export_dialog",
        ),
        Act.BACKUPS: ActionSpec(
            translate("Actions", "&Backups…"),
            translate("Actions", "See this workbook's backups and restore one"),
            None,
            None,
            None,
            module="ljtracker.ui.backups_dialog",
        ),
        Act.CLOSE: ActionSpec(
            translate("Actions", "C&lose"),
            translate("Actions", "Close this workbook (every change is already saved)"),
            Key.Close,
            None,
            Pixmap.SP_DialogCloseButton,
        ),
        Act.QUIT: ActionSpec(
            translate("Actions", "&Quit"),
            translate("Actions", "Quit ljtracker (every change is already saved)"),
            Key.Quit,
            ThemeIcon.ApplicationExit,
            None,
            needs_workbook=False,
            role=QAction.MenuRole.QuitRole,
        ),
    }


def _edit_specs() -> dict[Act, ActionSpec]:
    return {
        Act.UNDO: ActionSpec(
            translate("Actions", "&Undo"),
            translate("Actions", "Undo the last change"),
            Key.Undo,
            ThemeIcon.EditUndo,
            Pixmap.SP_ArrowBack,
        ),
        Act.REDO: ActionSpec(
            translate("Actions", "&Redo"),
            translate("Actions", "Redo the change you undid"),
            Key.Redo,
            ThemeIcon.EditRedo,
            Pixmap.SP_ArrowForward,
        ),
        Act.COPY: ActionSpec(
            translate("Actions", "&Copy"),
            translate("Actions", "Copy the selected cells as tab-separated text"),
            Key.Copy,
            ThemeIcon.EditCopy,
            None,
        ),
        Act.PASTE: ActionSpec(
            translate("Actions", "&Paste"),
            translate(
                "Actions",
                "Paste a block of cells copied from a spreadsheet into the table (one change)",
            ),
            Key.Paste,
            ThemeIcon.EditPaste,
            None,
        ),
        Act.EDIT_FIGURE: ActionSpec(
            translate("Actions", "Edit F&igure…"),
            translate(
                "Actions",
                "Edit the current year's figure whole: value, quality, source and note, as one"
                " change (a statistics revision)",
            ),
            "Ctrl+Shift+E",
            None,
            None,
        ),
        Act.FIND: ActionSpec(
            translate("Actions", "&Find Target…"),
            translate("Actions", "Find a target by its code or name"),
            Key.Find,
            ThemeIcon.EditFind,
            None,
        ),
        Act.NEW_PLAN: ActionSpec(
            translate("Actions", "New P&lan…"),
            translate("Actions", "Add a plan to this workbook"),
            None,
            None,
            Pixmap.SP_FileDialogNewFolder,
            module="ljtracker.ui.plan_dialogs",
        ),
        Act.NEXT_PLAN: ActionSpec(
            translate("Actions", "Ne&xt Plan After This One…"),
            translate(
                "Actions",
                "Add the plan that follows the selected one, with its areas and indicators,"
                " measured from its figures of the year before the new period",
            ),
            None,
            None,
            None,
            module="ljtracker.ui.plan_dialogs",
        ),
        Act.NEW_AREA: ActionSpec(
            translate("Actions", "New &Area…"),
            translate("Actions", "Add an area to the selected plan"),
            None,
            None,
            None,
            module="ljtracker.ui.plan_dialogs",
        ),
        Act.NEW_TARGET: ActionSpec(
            translate("Actions", "New &Target…"),
            translate("Actions", "Add a target to the selected plan or area"),
            "Ctrl+Shift+N",
            ThemeIcon.ListAdd,
            None,
            module="ljtracker.ui.plan_dialogs",
        ),
        Act.EDIT_ITEM: ActionSpec(
            translate("Actions", "&Edit Selected…"),
            translate("Actions", "Edit the selected plan, area or target"),
            "Ctrl+E",
            ThemeIcon.DocumentProperties,
            None,
            module="ljtracker.ui.plan_dialogs",
        ),
        Act.DELETE_ITEM: ActionSpec(
            translate("Actions", "&Delete Selected…"),
            translate("Actions", "Delete the selected plan, area or target (asks first)"),
            "Ctrl+Delete",
            ThemeIcon.EditDelete,
            Pixmap.SP_TrashIcon,
            module="ljtracker.ui.plan_dialogs",
        ),
        Act.MOVE_UP: ActionSpec(
            translate("Actions", "&Move Up"),
            translate("Actions", "Move the selected target or area up"),
            "Ctrl+Shift+Up",
            ThemeIcon.GoUp,
            Pixmap.SP_ArrowUp,
            module="ljtracker.ui.plan_dialogs",
        ),
        Act.MOVE_DOWN: ActionSpec(
            translate("Actions", "Move Do&wn"),
            translate("Actions", "Move the selected target or area down"),
            "Ctrl+Shift+Down",
            ThemeIcon.GoDown,
            Pixmap.SP_ArrowDown,
            module="ljtracker.ui.plan_dialogs",
        ),
        Act.PREFERENCES: ActionSpec(
            translate("Actions", "Prefere&nces…"),
            translate("Actions", "Language, progress method and thresholds, number format"),
            Key.Preferences,
            None,
            None,
            needs_workbook=False,
            role=QAction.MenuRole.PreferencesRole,
        ),
    }


def _view_help_specs() -> dict[Act, ActionSpec]:
    return {
        Act.VIEW_DASHBOARD: ActionSpec(
            translate("Actions", "&Dashboard"),
            translate("Actions", "Show the plan dashboard: every target's status at a glance"),
            "Ctrl+1",
            None,
            Pixmap.SP_FileDialogDetailedView,
            checkable=True,
            module="ljtracker.ui.dashboard",
        ),
        Act.VIEW_YEAR_ENTRY: ActionSpec(
            translate("Actions", "&Year Entry"),
            translate("Actions", "Enter one year's figures for every target of the plan"),
            "Ctrl+2",
            None,
            Pixmap.SP_FileDialogListView,
            checkable=True,
            module="ljtracker.ui.year_entry",
        ),
        Act.SHOW_NAVIGATOR: ActionSpec(
            translate("Actions", "&Navigator"),
            translate("Actions", "Show or hide the list of plans, areas and targets"),
            "Ctrl+0",
            None,
            None,
            needs_workbook=False,
            checkable=True,
        ),
        Act.METHOD_HELP: ActionSpec(
            translate("Actions", "How &Progress Is Judged"),
            translate("Actions", "The method and thresholds this workbook uses"),
            Key.HelpContents,
            ThemeIcon.HelpAbout,
            Pixmap.SP_MessageBoxQuestion,
            needs_workbook=False,
        ),
        Act.ABOUT: ActionSpec(
            translate("Actions", "&About ljtracker"),
            translate("Actions", "Version and licence"),
            None,
            None,
            None,
            needs_workbook=False,
            role=QAction.MenuRole.AboutRole,
        ),
    }


def action_specs() -> dict[Act, ActionSpec]:
    """The specs in the current language (call again after the language changes)."""
    return {**_file_specs(), **_edit_specs(), **_view_help_specs()}


def button_text(menu_text: str) -> str:
    """A menu text as a toolbar button shows it: no mnemonic, no "(&O)", no ellipsis."""
    return re.sub(r"\(&\w\)", "", menu_text).replace("&", "").removesuffix("…").strip()


def module_available(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def _plus_icon(size: int = 16) -> QIcon:
    """A plus sign, for "add" where the desktop has no icon theme."""
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor("#2e7d32"), 2.4 * scale)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        middle, margin = size * scale / 2, 3 * scale
        painter.drawLine(QPointF(middle, margin), QPointF(middle, size * scale - margin))
        painter.drawLine(QPointF(margin, middle), QPointF(size * scale - margin, middle))
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        icon.addPixmap(pixmap)
    return icon


def _icon(spec: ActionSpec) -> QIcon:
    if spec.icon is not None and QIcon.hasThemeIcon(spec.icon):
        return QIcon.fromTheme(spec.icon)
    if spec.fallback_icon is not None:
        return QApplication.style().standardIcon(spec.fallback_icon)
    if spec.icon is ThemeIcon.ListAdd:
        return _plus_icon()
    return QIcon()


class ActionRegistry(QObject):
    """Owns one QAction per `Act`, added to the window so shortcuts work everywhere."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._actions: dict[Act, QAction] = {}
        self._available: dict[Act, bool] = {}
        for act, spec in action_specs().items():
            action = QAction(window)
            action.setObjectName(f"action_{act.name.lower()}")
            action.setCheckable(spec.checkable)
            action.setMenuRole(spec.role)
            action.setIcon(_icon(spec))
            if spec.keys is not None:
                action.setShortcuts(shortcuts(spec.keys))
            self._available[act] = spec.module is None or module_available(spec.module)
            window.addAction(action)
            self._actions[act] = action
        self.retranslate()

    def __getitem__(self, act: Act) -> QAction:
        return self._actions[act]

    def available(self, act: Act) -> bool:
        """False when the part of the window that carries the action out is not installed."""
        return self._available[act]

    def retranslate(self) -> None:
        missing = translate("Actions", "Not available in this installation")
        for act, spec in action_specs().items():
            action = self._actions[act]
            action.setText(spec.text)
            action.setIconText(button_text(spec.text))
            tip = spec.tip if self._available[act] else f"{spec.tip} ({missing})"
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
            action.setStatusTip(tip)

    def set_workbook_open(self, is_open: bool, *, writable: bool = True) -> None:
        specs = action_specs()
        for act, action in self._actions.items():
            usable = self._available[act] and (is_open or not specs[act].needs_workbook)
            action.setEnabled(usable and (writable or act not in WRITING))

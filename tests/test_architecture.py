"""Domain and storage never import Qt; services never import the window."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "ljtracker"
FORBIDDEN = {
    "domain": (
        "PySide6",
        "pyqtgraph",
        "sqlite3",
        "sqlite_utils",
        "ljtracker.storage",
        "ljtracker.services",
        "ljtracker.ui",
        "ljtracker.report",
        "ljtracker.cli",
    ),
    "storage": (
        "PySide6",
        "pyqtgraph",
        "ljtracker.services",
        "ljtracker.ui",
        "ljtracker.report",
        "ljtracker.cli",
    ),
    "services": ("PySide6", "pyqtgraph", "ljtracker.ui", "ljtracker.cli"),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_stay_in_their_lane(layer: str) -> None:
    offences = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        for name in imported_modules(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[layer])
    ]
    assert offences == []


def test_the_walk_sees_the_modules() -> None:
    assert len(list((PACKAGE / "domain").rglob("*.py"))) >= 4

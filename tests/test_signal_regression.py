"""PySide6 6.12 on Python 3.11 aborted after some thousand signal emissions (PYSIDE-3474).

The dependency markers keep 3.11 on an older PySide6; this guards against a regression."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    value = Signal(object)
    flag = Signal(bool)

app = QCoreApplication([])
emitter = Emitter()
seen = []
emitter.value.connect(lambda v: seen.append(v))
emitter.flag.connect(lambda b: seen.append(b))
for i in range(20000):
    emitter.value.emit(None)
    emitter.flag.emit(i % 2 == 0)
assert len(seen) == 40000, len(seen)
print("ok")
"""


def test_many_signal_emissions_do_not_crash_the_interpreter() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"

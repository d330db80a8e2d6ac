"""A child process that writes one plan's progress report as PDF and reports time and memory.

`python -m ljtracker.bench.report_probe WORKBOOK PLAN OUT.pdf` prints one JSON line: the
seconds from reading the workbook to the finished file, the number of pages, the resident
memory just before (VmRSS) and the peak after (VmHWM), in MB.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: report_probe WORKBOOK PLAN OUT.pdf", file=sys.stderr)
        return 2
    path, plan_code, output = argv
    from ljtracker.cli.commands_report import ensure_gui_application

    ensure_gui_application()
    from ljtracker.report.builder import ReportOptions, build_report
    from ljtracker.report.render import write_pdf
    from ljtracker.storage.workbook import Workbook

    before = _status_mb("VmRSS")
    start = time.perf_counter()
    with Workbook.open(path, read_only=True) as wb:
        document = build_report(wb, ReportOptions(plan_code=plan_code))
    pages = write_pdf(document, output)
    elapsed = time.perf_counter() - start
    result = {
        "seconds": elapsed,
        "pages": pages,
        "rss_before_mb": before,
        "peak_rss_mb": _status_mb("VmHWM"),
    }
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

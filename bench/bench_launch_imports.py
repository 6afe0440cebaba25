"""What the launch's imports cost, by who they belong to: `annotator` started as
`bench_launch.py` starts it (Xvfb, xcb, a warm copy of the checkout) with Python's import
profiler on (PYTHONPROFILEIMPORTTIME), the self time of every module imported before the
editor's first paint summed per owner: SQLAlchemy, PySide6 (with shiboken and its signature
loader), our `annotator`, and the rest (the standard library and small dependencies).

The profiler's own cost inflates every figure alike, so the shares are what to read, not the
seconds; medians over RUNS runs, with the load average before and after.

Run: .venv/bin/python bench/bench_launch_imports.py [--runs 5] [--save-as launch_imports]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_launch import Launch, copy_checkout, load_average, start_xvfb  # noqa: E402
from common import REPO, median, save  # noqa: E402

IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)")
OWNERS = {"sqlalchemy": "sqlalchemy", "PySide6": "pyside6", "shiboken6": "pyside6",
          "shibokensupport": "pyside6", "signature_bootstrap": "pyside6",
          "annotator": "annotator"}


def owner_of(module: str) -> str:
    return OWNERS.get(module.split(".")[0], "other")


def self_times(lines: list[str]) -> dict[str, float]:
    """Seconds of import self time per owner, from the profiler's lines."""
    totals = dict.fromkeys(("sqlalchemy", "pyside6", "annotator", "other"), 0.0)
    for line in lines:
        found = IMPORT_LINE.match(line)
        if found:
            totals[owner_of(found.group(2))] += int(found.group(1)) / 1e6
    return totals


def profiled_launch(checkout: Path, home: Path, display: str) -> dict[str, float]:
    os.environ["PYTHONPROFILEIMPORTTIME"] = "1"  # Launch passes the environment on
    try:
        launch = Launch(checkout, home, display)
    finally:
        del os.environ["PYTHONPROFILEIMPORTTIME"]
    launch.wait_for("window")
    before_paint = list(launch.other_lines)
    cpu = launch.finish()
    return {**self_times(before_paint), "cpu_s": cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--save-as", default="launch_imports")
    args = parser.parse_args()
    server, display = start_xvfb()
    loads = [load_average()]
    try:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            checkout = copy_checkout(REPO, root / "checkout")
            home = root / "home"
            launch = Launch(checkout, home, display)  # the sample built, the name given
            launch.wait_for("identity")
            launch.key_to("Who is annotating", "Return")
            launch.wait_for("window")
            launch.finish()
            runs = [profiled_launch(checkout, home, display) for _ in range(args.runs)]
    finally:
        server.terminate()
        server.wait()
    loads.append(load_average())
    owners = ("sqlalchemy", "pyside6", "annotator", "other")
    totals = [sum(run[owner] for owner in owners) for run in runs]
    result: dict[str, object] = {
        "platform": "xcb (Xvfb 1920x1080x24), warm, PYTHONPROFILEIMPORTTIME=1",
        "runs": args.runs, "load_average_1min": loads,
        "import_self_s": round(median(totals), 3),
        **{f"{owner}_share": round(median([run[owner] / total
                                           for run, total in zip(runs, totals, strict=True)]), 3)
           for owner in owners},
        **{f"{owner}_s": round(median([run[owner] for run in runs]), 3) for owner in owners},
        "cpu_s_with_profiler": round(median([run["cpu_s"] for run in runs]), 3),
    }
    for key, value in result.items():
        print(f"{key}: {value}")
    save(args.save_as, result)


if __name__ == "__main__":
    main()

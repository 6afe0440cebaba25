"""The document list sorted by status, spans and suggestions, old and new side by side
(issue 13): the list model (`DocumentListModel`, offscreen) over the projects of
bench_scale.py (one annotation per document by `bench`, 5 spans each, statuses mixed).

- new: the counters of migration 0014 (`annotator/store/counted_order.py`): each part of the
  list read by pages over an index of `annotation_counts`;
- old: the same code with the counters switched off (`counted_order.serves` false), i.e. the
  general statements the list used before: status parts walked in project order joined to the
  annotations, the spans and suggestions orders as every id sorted by a count per document.
Per order and direction, alternately old / new in each round: sort (the list reset, counted and
its first page read: what a click on a header costs), the last page (a deep page, as when the
scroll bar is dragged to the end) and the middle page. Medians of the rounds, wall and CPU
(process) time, the load average before and after each size; growth exponent from the smallest
to the largest size (0: independent of the corpus size).

Run: python bench/bench_list_sorts.py [--sizes 1000,10000,100000,1000000] [--projects DIR]
     [--rounds 5] [--save-as list_sorts]
A project missing from DIR is generated as bench_scale.py does (minutes at 1M); one made by an
older schema is upgraded when first opened (timed as `upgrade_s`).
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import generate  # noqa: E402
from common import median, save  # noqa: E402

ORDERS = ("status", "spans", "suggestions")
FIGURES = ("sort_ms", "last_page_ms", "middle_page_ms")


def timed(function: Callable[[], object]) -> tuple[float, float]:
    """(wall ms, CPU ms) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def measure(path: Path, rounds: int) -> dict[str, object]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from annotator.app.project import Project
    from annotator.store import counted_order
    from annotator.ui.document_list_model import DocumentListModel

    QApplication.instance() or QApplication([])
    t0 = time.perf_counter()
    Project.open(path).close()  # an older schema is upgraded here (0012 -> 0014 fills counters)
    upgrade_s = time.perf_counter() - t0
    project = Project.open(path)
    model = DocumentListModel(project, "bench")
    serves = counted_order.serves
    columns = {"status": DocumentListModel.STATUS, "spans": DocumentListModel.SPANS,
               "suggestions": DocumentListModel.SUGGESTIONS}
    samples: dict[str, dict[str, list[float]]] = {}
    load_before = os.getloadavg()[0]
    for _ in range(rounds):
        for order in ORDERS:
            for descending in (False, True):
                for side in ("old", "new"):
                    counted_order.serves = serves if side == "new" else (  # type: ignore[assignment]
                        lambda _c, _q: False)
                    model.sort(DocumentListModel.POSITION)
                    way = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
                    key = f"{side}_{order}_{'descending' if descending else 'ascending'}"
                    found = samples.setdefault(key, {})
                    for figure, call in (
                            ("sort", lambda c=columns[order], w=way: (model.sort(c, w),
                                                                      model.id_at(0))),
                            ("last_page", lambda: model.id_at(model.rowCount() - 1)),
                            ("middle_page", lambda: model.id_at(model.rowCount() // 2))):
                        wall, cpu = timed(call)
                        found.setdefault(f"{figure}_ms", []).append(wall)
                        found.setdefault(f"{figure}_cpu_ms", []).append(cpu)
                    assert model.rowCount() == project.store.stats()["documents"]
    counted_order.serves = serves  # type: ignore[assignment]
    project.close()
    medians = {key: {f: round(median(v), 2) for f, v in figures.items()}
               for key, figures in samples.items()}
    ratios = {key.removeprefix("new_"): {
        f: round(medians[key][f] / max(medians["old" + key[3:]][f], 1e-6), 4) for f in FIGURES}
        for key in medians if key.startswith("new_")}
    return {"documents": int(path.stem.split("_")[-1]), "upgrade_s": round(upgrade_s, 2),
            "rounds": rounds, "median": medians, "ratio_new_to_old": ratios,
            "load_average_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)]}


def growth(runs: list[dict], side: str) -> dict[str, dict[str, float]]:  # type: ignore[type-arg]
    small, large = runs[0], runs[-1]
    scale = math.log(large["documents"] / small["documents"])
    return {key.removeprefix(side + "_"): {figure: round(math.log(
        max(large["median"][key][figure], 1e-3) / max(small["median"][key][figure], 1e-3))
        / scale, 2) for figure in FIGURES} for key in large["median"] if key.startswith(side)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--projects", type=Path, default=Path("/tmp/list_sorts_projects"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--save-as", default="list_sorts")
    args = parser.parse_args()
    args.projects.mkdir(parents=True, exist_ok=True)
    runs = []
    for size in (int(s) for s in args.sizes.split(",")):
        path = args.projects / f"scale_{size}.db"
        if not path.exists():
            generate(path, size)
        run = measure(path, args.rounds)
        runs.append(run)
        new = run["median"]  # type: ignore[index]
        print(f"{size:>9,} docs (load {run['load_average_before_after']}): " + "; ".join(
            f"{k}: " + ", ".join(f"{f} {new[k][f]:.1f}" for f in FIGURES)  # type: ignore[index]
            for k in sorted(new)), flush=True)  # type: ignore[arg-type]
    exponents = {"new": growth(runs, "new"), "old": growth(runs, "old")}
    print("growth exponents (new):", exponents["new"])
    save(args.save_as, {"sizes": {str(r["documents"]): r for r in runs},
                        "growth_exponent": exponents,
                        "load_average_1min": round(os.getloadavg()[0], 2)})


if __name__ == "__main__":
    main()

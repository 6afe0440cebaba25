"""Painting search matches, the old way beside the new, in the main window (offscreen, dark).

Old: a translucent yellow laid over the finished text, glyphs included (the text on it read
below 4.5:1). New: each block's matches laid out again on the highlight, as Qt draws a
selection (`QTextLayout.draw` clipped to the matches), so the text keeps its colour.

For each window height the text view is repainted (`viewport().repaint()`, synchronous) with
no search, with the old painting and with the new, in turns within one process, on the seed
article repeated, a frequent word searched (every visible occurrence a match, every other
occurrence as a word a span). Figures: CPU time (`time.process_time`, steadier on a shared machine) and wall time
per repaint, medians of RUNS rounds; the matches' own cost (a repaint less the one with no
search), new/old ratios, and the growth exponent of that cost with the matches on screen.
The load average is recorded before and after.

Run: .venv/bin/python bench/bench_search_paint.py [--runs 30]
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time
from bisect import bisect_left
from pathlib import Path
from types import MethodType

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, SEED, median, save  # noqa: E402

HEIGHTS = (400, 800, 1600)
WORD = " في "  # a frequent word, searched: many matches on screen, every other one a span


def old_paint_matches(self, painter, block, origin, start, end):  # type: ignore[no-untyped-def]
    """The painter's `_paint_matches` before the change, as it was."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPen

    from annotator.ui.editor.span_style import CURRENT_SEARCH_COLOR, SEARCH_COLOR

    matches = self.state.matches
    if not matches:
        return
    i = bisect_left(matches, (start, -1))
    if i > 0 and matches[i - 1][1] > start:
        i -= 1
    highlight = QColor(SEARCH_COLOR)
    highlight.setAlpha(140)
    while i < len(matches) and matches[i][0] < end:
        m_start, m_end = matches[i]
        current = i == self.state.current_match
        painter.setPen(QPen(CURRENT_SEARCH_COLOR, 2) if current else Qt.PenStyle.NoPen)
        painter.setBrush(highlight)
        for rect in self.range_rects(block, origin, max(m_start, start), min(m_end, end)):
            painter.drawRect(rect.adjusted(0, 2, 0, -2))
        i += 1


def build(folder: Path):  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(REPO))
    from annotator.app.project import Project
    from annotator.core.model import SourceDocument, SpanState
    from annotator.store.ingest import IngestOptions, ingest

    text = "\n\n".join([SEED.read_text(encoding="utf-8")] * 6)
    project = Project.create(folder / "bench.db", labels=["PERS", "LOC", "ORG", "MISC"])
    with project.store.engine.begin() as c:
        ingest(c, [SourceDocument(text, source="seed.txt")], project.info().overlap_policy,
               IngestOptions(annotator="amal", span_state=SpanState.ACCEPTED))
    from annotator.core.operations import AddSpan

    annotation = project.annotation_id(project.document_ids()[0], "amal")
    start = -1
    for n in range(2000):  # every other occurrence of the word a LOC span
        start = text.find(WORD, start + 1)
        if start < 0:
            break
        if n % 2 == 0:
            project.apply(AddSpan(annotation, start + 1, start + len(WORD) - 1, "LOC",
                                  state=SpanState.ACCEPTED))
    return project


def cpu_and_wall(repaint, runs: int) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    cpu, wall = [], []
    for _ in range(runs):
        c0, w0 = time.process_time(), time.perf_counter()
        repaint()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return cpu, wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    os.environ["XDG_CONFIG_HOME"] = str(folder)  # the user's settings are not touched
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from annotator.ui.appearance import scheme_palette
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import AppSettings

    app.setStyle("Fusion")
    app.setPalette(scheme_palette("dark"))
    project = build(folder)
    window = MainWindow(project, "amal", AppSettings())
    window.remember_layout = False
    window.background_work = False
    window.open_position(1)
    window.show()
    view, search = window.editor.view, window.editor.search
    painter = view.painter
    load_before = os.getloadavg()
    rows = []
    for height in HEIGHTS:
        window.resize(1320, height + 260)
        for _ in range(5):
            app.processEvents()
        visible = view.viewport().rect()
        search.open_bar()
        search.field.setText("")
        search.search_now()
        app.processEvents()
        none_cpu, none_wall, old_cpu, old_wall, new_cpu, new_wall = [], [], [], [], [], []
        search.field.setText(WORD.strip())
        search.search_now()
        app.processEvents()
        matches = list(painter.state.matches)
        on_screen = sum(_shown(view, s, visible) for s, _e in matches)
        for _round in range(args.runs // 5):  # in turns: a busy spell hits all three alike
            painter.state.matches = []
            c, w = cpu_and_wall(view.viewport().repaint, 5)
            none_cpu += c
            none_wall += w
            painter.state.matches = matches
            painter._paint_matches = MethodType(old_paint_matches, painter)
            c, w = cpu_and_wall(view.viewport().repaint, 5)
            old_cpu += c
            old_wall += w
            del painter._paint_matches  # the class's own, the new way
            c, w = cpu_and_wall(view.viewport().repaint, 5)
            new_cpu += c
            new_wall += w
        ms = {k: median(v) * 1000 for k, v in (("none_cpu", none_cpu), ("old_cpu", old_cpu),
                                               ("new_cpu", new_cpu), ("none_wall", none_wall),
                                               ("old_wall", old_wall), ("new_wall", new_wall))}
        row = {"viewport_height_px": visible.height(), "matches_on_screen": on_screen,
               **{f"{k}_ms": round(v, 3) for k, v in ms.items()},
               "old_matches_cpu_ms": round(ms["old_cpu"] - ms["none_cpu"], 3),
               "new_matches_cpu_ms": round(ms["new_cpu"] - ms["none_cpu"], 3),
               "new_over_old_cpu": round(ms["new_cpu"] / ms["old_cpu"], 3),
               "new_over_old_wall": round(ms["new_wall"] / ms["old_wall"], 3)}
        rows.append(row)
        print(row)
    first, last = rows[0], rows[-1]
    growth = {}
    for way in ("old", "new"):
        a, b = first[f"{way}_matches_cpu_ms"], last[f"{way}_matches_cpu_ms"]
        if a > 0 and b > 0 and last["matches_on_screen"] > first["matches_on_screen"]:
            growth[way] = round(math.log(b / a) / math.log(
                last["matches_on_screen"] / first["matches_on_screen"]), 2)
    figures = {"runs": args.runs, "searched": WORD.strip(), "scheme": "dark", "rows": rows,
               "growth_exponent_matches_cpu_vs_matches_on_screen": growth,
               "load_average_before": load_before, "load_average_after": os.getloadavg()}
    print(figures["growth_exponent_matches_cpu_vs_matches_on_screen"], load_before, os.getloadavg())
    save("search_paint", figures)
    window.close()
    project.close()
    return 0


def _shown(view, offset: int, visible) -> bool:  # type: ignore[no-untyped-def]
    """Whether the character at OFFSET is inside the viewport's rectangle."""
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_qt(offset))
    return visible.intersects(view.cursorRect(cursor))


if __name__ == "__main__":
    raise SystemExit(main())

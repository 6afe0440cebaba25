"""The Spans panel on large documents: filter changes, and a label keystroke with the panel
filtered, in the whole main window (offscreen Qt).

At two sizes of the same density (0.4 MB with 4,000 spans, 4 MB with 40,000), half of the
spans suggestions, the main window is opened on the document and then:
- filter changes, each from "everything" (the box set, the model refilled, the list's screen
  painted), p50/p95: by label, by state, by label and state (two box changes, two refills),
  by text (a word, normalised for matching, that some spans hold; the normalised texts are
  kept per extent, so the first text filter is timed apart from the later ones: at the first
  size it also builds the normaliser's translation table, once per process), and back to
  everything;
- label keystrokes (hotkey on a selection -> span stored -> window refreshed -> the repaint),
  p50/p95, with the panel unfiltered and with it filtered by the label the key gives (each
  keystroke inserts a row) and by another label (no row), interleaved in rounds so the
  ratios are side by side;
- the list following the editor (it waits 40 ms after the editor): a span far from the last
  one chosen in the editor (editor repainted), then the list's follow (row selected, scrolled
  to, its screen painted), p50/p95 of each.

Run: .venv/bin/python bench/bench_spans_panel.py [--keys 60] [--filters 9]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_editor import SPANS, TARGET_BYTES, StoreTimer, keystrokes, make_project, make_text  # noqa: E402
from common import median, peak_rss_mb, percentile, save  # noqa: E402


def open_window(app, store):  # type: ignore[no-untyped-def]
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import AppSettings

    t0 = time.perf_counter()
    window = MainWindow(store, "bench", AppSettings())
    window.remember_layout = False
    window.background_work = False
    window.open_position(1)
    window.resize(1400, 860)
    window.show()
    for _ in range(3):
        app.processEvents()
    return window, (time.perf_counter() - t0) * 1000


def set_filter(app, window, label: int, state: int, words: str) -> float:  # type: ignore[no-untyped-def]
    """Set the boxes (index in each) and the text, as the user does; ms to the list painted."""
    filters, table = window.spans_pane.filters, window.span_panel
    t0 = time.perf_counter()
    filters.label.setCurrentIndex(label)
    filters.state.setCurrentIndex(state)
    if filters.words.text() != words:
        filters.words.setText(words)
        filters.apply()  # what Return (or the pause after typing) does
    app.processEvents()
    table.viewport().repaint()
    return (time.perf_counter() - t0) * 1000


def clear(app, window) -> float:  # type: ignore[no-untyped-def]
    """Back to every span: ms to the list painted."""
    return set_filter(app, window, 0, 0, "")


def filter_figures(app, window, runs: int, word: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    cases = {"label": (2, 0, ""), "state": (0, 2, ""), "label_and_state": (2, 2, ""),
             "text": (0, 0, word)}
    times: dict[str, list[float]] = {name: [] for name in (*cases, "clear")}
    rows: dict[str, int] = {}
    clear(app, window)
    first_text = set_filter(app, window, 0, 0, word)  # normalises every span's text once
    clear(app, window)
    for _ in range(runs):
        for name, case in cases.items():
            times[name].append(set_filter(app, window, *case))
            rows[name] = window.span_model.rowCount()
            times["clear"].append(clear(app, window))
    rows["clear"] = window.span_model.rowCount()
    figures: dict[str, float] = {"filter_text_first_ms": round(first_text, 2)}
    for name, values in times.items():
        figures[f"filter_{name}_p50_ms"] = round(percentile(values, 50), 2)
        figures[f"filter_{name}_p95_ms"] = round(percentile(values, 95), 2)
        figures[f"filter_{name}_rows"] = rows[name]
    return figures


def keystroke_figures(app, window, store_timer, free, keys: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Rounds of KEYS // 6 keystrokes: unfiltered, filtered by LOC (the key's label: a row in),
    filtered by PERS (no row); the medians of each kind."""
    kinds = {"unfiltered": 0, "filtered_same_label": 2, "filtered_other_label": 1}
    samples: dict[str, list[dict[str, float]]] = {k: [] for k in kinds}
    rounds, per = 3, max(4, keys // 9)
    rng = random.Random(5)
    pool = rng.sample(free, rounds * len(kinds) * per)
    for r in range(rounds):
        for i, (kind, label) in enumerate(kinds.items()):
            set_filter(app, window, label, 0, "")
            start = (r * len(kinds) + i) * per
            samples[kind].append(keystrokes(app, window.editor, pool[start:start + per], per,
                                            store_timer, undo=False))
    clear(app, window)
    figures: dict[str, float] = {}
    for kind, runs in samples.items():
        p50 = [run["label_p50_ms"] for run in runs]
        p95 = [run["label_p95_ms"] for run in runs]
        figures[f"key_{kind}_p50_ms"] = round(median(p50), 2)
        figures[f"key_{kind}_p95_ms"] = round(median(p95), 2)
    for kind in ("filtered_same_label", "filtered_other_label"):
        figures[f"key_{kind}_to_unfiltered_p50"] = round(
            figures[f"key_{kind}_p50_ms"] / figures["key_unfiltered_p50_ms"], 2)
    figures["keystrokes"] = rounds * len(kinds) * per
    return figures


def follow_figures(app, window, count: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    spans = list(window.session.index)
    rng = random.Random(9)
    editor_ms, follow_ms = [], []
    for span in rng.sample(spans, count):
        t0 = time.perf_counter()
        window.editor.select_span(span)
        app.processEvents()
        t1 = time.perf_counter()
        window.span_panel.follow_now()
        app.processEvents()
        follow_ms.append((time.perf_counter() - t1) * 1000)
        editor_ms.append((t1 - t0) * 1000)
        assert window.span_panel.selectionModel().selectedRows()[0].row() == \
            window.span_model.row_of(span)
    return {"jump_editor_p50_ms": round(percentile(editor_ms, 50), 2),
            "jump_editor_p95_ms": round(percentile(editor_ms, 95), 2),
            "follow_p50_ms": round(percentile(follow_ms, 50), 2),
            "follow_p95_ms": round(percentile(follow_ms, 95), 2)}


def one_size(app, spans: int, keys: int, runs: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from sqlalchemy import text as sql

    text = make_text(12, TARGET_BYTES * spans // SPANS)
    with tempfile.TemporaryDirectory() as folder:
        store, free = make_project(Path(folder) / "bench.db", text, spans, 0)
        with store.store.engine.begin() as c:  # half of them suggestions
            c.execute(sql("UPDATE span SET state = 'suggested', origin = 'pretagger' WHERE id % 2 = 0"))
        store_timer = StoreTimer(store)
        window, open_ms = open_window(app, store)
        assert window.span_model.rowCount() == spans
        first = list(window.session.index)[: spans // 50]  # a common word's first 4 letters
        word = max({text[s.start:s.end] for s in first}, key=lambda w: text.count(w))[:4]
        figures: dict[str, object] = {
            "document_bytes": len(text.encode("utf-8")), "spans": spans,
            "window_open_ms": round(open_ms, 1), "text_filter": word}
        figures.update(filter_figures(app, window, runs, word))
        figures.update(keystroke_figures(app, window, store_timer, free, keys))
        figures.update(follow_figures(app, window, 40))
        window.close()
        window.deleteLater()
        app.processEvents()
        store.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keys", type=int, default=60, help="keystrokes per size")
    parser.add_argument("--filters", type=int, default=9, help="runs of each filter change")
    parser.add_argument("--save-as", default="spans_panel")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    settings = tempfile.TemporaryDirectory()
    os.environ["XDG_CONFIG_HOME"] = settings.name
    app = QApplication.instance() or QApplication([])
    from annotator.ui.app import freeze_startup_objects

    freeze_startup_objects()
    load_before = os.getloadavg()[0]
    figures: dict[str, object] = {}
    for spans in (SPANS * 4 // 10, SPANS * 4):
        sized = one_size(app, spans, args.keys, args.filters)
        figures[f"spans_{spans}"] = sized
        for key, value in sized.items():
            print(f"{spans:6} {key:40} {value}")
    figures["peak_rss_mb"] = round(peak_rss_mb(), 1)
    figures["load_average_1min"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    settings.cleanup()
    print(f"saved {save(args.save_as, figures)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

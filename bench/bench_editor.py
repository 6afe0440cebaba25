"""The annotation editor on a 1 MB Arabic document with 10,000 spans, 2,000 of them nested
inside another (a project that allows overlaps), and on a 4 MB one with 40,000 (offscreen Qt).

Figures (medians of several runs; ratios measured side by side in this one process):
- bare text: a QPlainTextEdit laying out and painting the text (right to left), nothing else;
- open: spans and text read from the store, editor built, first screen painted; and its ratio
  to the bare text (start-up objects frozen out of the GC first, as `run_app` does);
- label keystroke: hotkey on a selection -> AddSpan stored (committed) -> the repaint it
  schedules done, p50/p95: wall clock, the process's CPU time (steady on a busy machine), and
  the wall clock split into the store's part (`store.apply`) and the UI's; the same for undo;
  a forced repaint of the whole screen; then the same keystrokes in the whole main window
  (span list, document list, status bar: `window_*`);
- launch: `run_app(PROJECT, screenshot=...)` in a fresh process, from its start to the window
  saved (as BMP: PNG compression alone takes 90 ms and is no part of a usable window), split
  into interpreter start, PySide6 import, store import, UI modules import and run_app (open
  the project, build the window, load the document, paint, save), with the process's CPU time
  to that point (near the wall time on an idle machine); beside `python -c pass`, and whether
  spaCy was imported;
- the project tokenizer on the document (runs on a worker thread after the first paint);
- open the 4 MB document with 40,000 spans (8,000 nested), beside its bare text.

`--save-as editor_before` runs the same figures against another checkout (PYTHONPATH) to
compare before and after a change.

Run: .venv/bin/python bench/bench_editor.py [--runs 5] [--keys 200] [--nested 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, arabic_sentences, median, peak_rss_mb, percentile, save  # noqa: E402

TARGET_BYTES = 1_000_000
SPANS = 10_000
LABELS = ["PERS", "LOC", "ORG", "MISC"]
WORD = re.compile(r"[^\s\d\W]{3,}")


def make_text(seed: int = 11, target_bytes: int = TARGET_BYTES) -> str:
    """About TARGET_BYTES of UTF-8 Arabic in paragraphs of 3 to 6 sentences."""
    rng = random.Random(seed)
    sentences = arabic_sentences()
    paragraphs: list[str] = []
    size = 0
    while size < target_bytes:
        paragraph = ". ".join(rng.choice(sentences) for _ in range(rng.randint(3, 6))) + "."
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(paragraphs)


def make_project(path: Path, text: str, spans_wanted: int = SPANS,  # type: ignore[no-untyped-def]
                 nested: int = 0):
    """SPANS_WANTED spans on words; NESTED of those words sit inside an outer span over the
    word and the next one (a project that allows overlaps), the rest are flat."""
    from annotator.core.model import OverlapPolicy, SourceDocument, Span, Status
    from annotator.store.ingest import IngestOptions, ingest
    from annotator.store.project_store import ProjectStore

    words = [m.span() for m in WORD.finditer(text)]
    flat = spans_wanted - nested
    step = len(words) // flat
    spans = [Span(*words[i * step], LABELS[i % 4]) for i in range(flat)]
    every = flat // nested if nested else 0
    spans += [Span(words[i * step][0], words[i * step + 1][1], "ORG")
              for i in range(0, flat, every)][:nested] if nested else []
    policy = OverlapPolicy.ALLOW if nested else OverlapPolicy.REFUSE
    store = ProjectStore.create(path, labels=LABELS, overlap_policy=policy)
    with store.engine.begin() as c:
        ingest(c, [SourceDocument(text, source="bench.txt", spans=spans)], policy,
               IngestOptions(annotator="bench", status=Status.IN_PROGRESS))
    free = [words[i * step + step // 2] for i in range(flat)]  # words without a span
    from annotator.app.project import Project

    return Project(store), free


def bare_text(app, text: str) -> float:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QTextOption
    from PySide6.QtWidgets import QPlainTextEdit

    start = time.perf_counter()
    edit = QPlainTextEdit()
    edit.setReadOnly(True)
    edit.setFont(QFont("DejaVu Sans", 15))
    option = QTextOption(edit.document().defaultTextOption())
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setAlignment(Qt.AlignmentFlag.AlignRight)
    edit.document().setDefaultTextOption(option)
    edit.setPlainText(text)
    edit.resize(1000, 800)
    edit.show()
    app.processEvents()
    edit.viewport().repaint()
    elapsed = time.perf_counter() - start
    edit.close()
    edit.deleteLater()
    app.processEvents()
    return elapsed


def open_editor(app, store, doc_id: int):  # type: ignore[no-untyped-def]
    from annotator.core.model import Direction
    from annotator.ui.editor.editor_widget import EditorWidget
    from annotator.ui.fonts import text_font
    from annotator.ui.session import DocumentSession

    start = time.perf_counter()
    editor = EditorWidget(store.labels(), text_font("DejaVu Sans", 15), "ar")
    session = DocumentSession(store, doc_id, "bench")
    editor.open_session(session, Direction.AUTO)
    editor.resize(1000, 800)
    editor.show()
    app.processEvents()
    editor.view.viewport().repaint()
    return time.perf_counter() - start, editor


class StoreTimer:
    """Wraps a store's `apply` to time the store's part of each edit (checked, written,
    committed): the rest of a keystroke is the UI's."""

    def __init__(self, store) -> None:  # type: ignore[no-untyped-def]
        self.apply = store.apply
        self.last_ms = 0.0
        store.apply = self

    def __call__(self, operation):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        try:
            return self.apply(operation)
        finally:
            self.last_ms = (time.perf_counter() - t0) * 1000


def keystrokes(app, editor, free: list[tuple[int, int]], count: int,  # type: ignore[no-untyped-def]
               store_timer: StoreTimer, prefix: str = "", undo: bool = True) -> dict[str, float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    view = editor.view
    rng = random.Random(3)
    label_ms: list[float] = []
    label_cpu_ms: list[float] = []
    store_ms: list[float] = []
    full_ms: list[float] = []
    undo_ms: list[float] = []
    paints = []
    original = view.paintEvent

    def counting(event):  # type: ignore[no-untyped-def]
        paints.append(1)
        original(event)

    view.paintEvent = counting  # type: ignore[method-assign]
    for start, end in rng.sample(free, count):
        view.select_range(start, end)
        view.centerCursor()
        app.processEvents()
        view.viewport().repaint()
        app.processEvents()  # whatever the scroll left pending is not the keystroke's
        before = len(editor.session.index)
        paints.clear()
        t0, c0 = time.perf_counter(), time.process_time()
        QTest.keyClick(view, Qt.Key.Key_2)
        app.processEvents()  # the repaint the edit scheduled (its blocks only)
        label_ms.append((time.perf_counter() - t0) * 1000)
        label_cpu_ms.append((time.process_time() - c0) * 1000)
        store_ms.append(store_timer.last_ms)
        assert paints, "the keystroke did not repaint"
        assert len(editor.session.index) == before + 1, "the keystroke did not add a span"
        t0 = time.perf_counter()
        view.viewport().repaint()  # for comparison: the whole screen
        full_ms.append((time.perf_counter() - t0) * 1000)
        if undo and len(undo_ms) < count // 4:
            t0 = time.perf_counter()
            editor.undo()  # what Ctrl+Z triggers in the main window
            app.processEvents()
            undo_ms.append((time.perf_counter() - t0) * 1000)
            assert len(editor.session.index) == before, "undo did not remove the span"
    ui_ms = [total - stored for total, stored in zip(label_ms, store_ms, strict=True)]
    figures = {
        "label_p50_ms": percentile(label_ms, 50), "label_p95_ms": percentile(label_ms, 95),
        "label_max_ms": max(label_ms),
        "label_cpu_p50_ms": percentile(label_cpu_ms, 50),
        "label_cpu_p95_ms": percentile(label_cpu_ms, 95),
        "label_store_p50_ms": percentile(store_ms, 50),
        "label_store_p95_ms": percentile(store_ms, 95),
        "label_ui_p50_ms": percentile(ui_ms, 50), "label_ui_p95_ms": percentile(ui_ms, 95),
        "full_screen_repaint_p50_ms": percentile(full_ms, 50),
        "full_screen_repaint_p95_ms": percentile(full_ms, 95),
    }
    if undo_ms:
        figures.update(undo_p50_ms=percentile(undo_ms, 50), undo_p95_ms=percentile(undo_ms, 95))
    figures["keystrokes"] = count
    return {prefix + key: round(value, 2) for key, value in figures.items()}


def main_window_keystrokes(app, store, free: list[tuple[int, int]], count: int,  # type: ignore[no-untyped-def]
                           store_timer: StoreTimer) -> dict[str, float]:
    """The same keystrokes in the whole main window (span list, document list, status bar)."""
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import AppSettings

    window = MainWindow(store, "bench", AppSettings())
    window.remember_layout = False
    window.background_work = False
    window.open_position(1)
    window.resize(1400, 860)
    window.show()
    for _ in range(3):
        app.processEvents()
    figures = keystrokes(app, window.editor, free, count, store_timer, "window_", undo=False)
    window.close()
    window.deleteLater()
    app.processEvents()
    return figures


LAUNCH_CODE = """\
import json, sys, time
marks = {"interpreter": time.perf_counter()}
import PySide6.QtWidgets
marks["pyside6"] = time.perf_counter()
import annotator.app.project
marks["store"] = time.perf_counter()
import annotator.ui.app, annotator.ui.main_window
marks["ui_modules"] = time.perf_counter()
annotator.ui.app.run_app(PROJECT, document=1, screenshot=PNG)
marks["window_saved"] = time.perf_counter()
cpu = time.process_time()  # the process's CPU time since it started: steady on a busy machine
print(json.dumps({"marks": marks, "cpu": cpu, "spacy": "spacy" in sys.modules}))
"""


def launch(project: Path, runs: int) -> dict[str, object]:
    """Process start to the window saved as a PNG, split by stage (perf_counter is one
    monotonic clock for all processes here); interpreter teardown is left out."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    stages = ["interpreter", "pyside6", "store", "ui_modules", "window_saved"]
    with tempfile.TemporaryDirectory() as settings:
        env["XDG_CONFIG_HOME"] = settings
        code = LAUNCH_CODE.replace("PROJECT", repr(str(project))).replace(
            "PNG", repr(settings + "/s.bmp"))  # BMP: image compression is not the window's
        python, total, cpu, spacy_loaded = [], [], [], []
        split: dict[str, list[float]] = {stage: [] for stage in stages}
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], check=True)
            python.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=REPO,
                                  capture_output=True, text=True)
            report = json.loads(done.stdout.strip().splitlines()[-1])
            previous = t0
            for stage in stages:
                split[stage].append(report["marks"][stage] - previous)
                previous = report["marks"][stage]
            total.append(report["marks"]["window_saved"] - t0)
            cpu.append(report["cpu"])
            spacy_loaded.append(report["spacy"])
    return {"launch_to_window_s": round(median(total), 3),
            "launch_cpu_s": round(median(cpu), 3),
            "launch_stages_s": {stage: round(median(v), 3) for stage, v in split.items()},
            "python_startup_s": round(median(python), 3),
            "spacy_imported_before_window": any(spacy_loaded)}


def open_large(app, runs: int, nested_share: float) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Open the 4 MB document with 40,000 spans, beside its bare text, side by side."""
    text = make_text(12, 4 * TARGET_BYTES)
    with tempfile.TemporaryDirectory() as folder:
        store, _free = make_project(Path(folder) / "large.db", text, 4 * SPANS,
                                    int(4 * SPANS * nested_share))
        doc_id = store.document_ids()[0]
        bare, opened = [], []
        for _ in range(runs):
            bare.append(bare_text(app, text))
            seconds, editor = open_editor(app, store, doc_id)
            opened.append(seconds)
            editor.close()
            editor.deleteLater()
            app.processEvents()
        store.close()
    return {"large_document_bytes": len(text.encode("utf-8")), "large_spans": 4 * SPANS,
            "large_nested": int(4 * SPANS * nested_share),
            "large_bare_text_ms": round(median(bare) * 1000, 1),
            "large_open_ms": round(median(opened) * 1000, 1),
            "large_open_to_bare_ratio": round(
                median([o / b for o, b in zip(opened, bare, strict=True)]), 2)}


def tokenizer_seconds(text: str) -> float:
    from annotator.ui.tokens import project_token_offsets

    t0 = time.perf_counter()
    project_token_offsets("ar", text)
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--nested", type=int, default=2000,
                        help="of the 10,000 spans, how many sit inside another (0: flat)")
    parser.add_argument("--save-as", default="editor", help="result file name (bench/results)")
    parser.add_argument("--no-launch", action="store_true", help="skip the launch figures")
    parser.add_argument("--no-freeze", action="store_true",
                        help="leave the start-up objects to the cyclic GC (run_app freezes them)")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    settings = tempfile.TemporaryDirectory()
    os.environ["XDG_CONFIG_HOME"] = settings.name  # the window's settings: not the user's
    app = QApplication.instance() or QApplication([])
    if not args.no_freeze:  # as run_app does before the window opens
        from annotator.ui.app import freeze_startup_objects

        freeze_startup_objects()
    text = make_text()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "bench.db"
        store, free = make_project(project, text, SPANS, args.nested)
        store_timer = StoreTimer(store)
        doc_id = store.document_ids()[0]
        bare, opened = [], []
        editor = None
        for _ in range(args.runs):  # side by side: bare text then the editor, in turns
            bare.append(bare_text(app, text))
            seconds, editor = open_editor(app, store, doc_id)
            opened.append(seconds)
            if _ < args.runs - 1:
                editor.close()
                editor.deleteLater()
                app.processEvents()
        figures: dict[str, object] = {
            "document_bytes": len(text.encode("utf-8")), "document_chars": len(text),
            "paragraphs": text.count("\n\n") + 1, "spans": SPANS, "nested_spans": args.nested,
            "bare_text_ms": round(median(bare) * 1000, 1),
            "open_ms": round(median(opened) * 1000, 1),
            "open_to_bare_ratio": round(median([o / b for o, b in zip(opened, bare, strict=True)]), 2),
        }
        assert editor is not None
        figures.update(keystrokes(app, editor, free[0::2], args.keys, store_timer))
        editor.close()
        editor.deleteLater()
        app.processEvents()
        figures.update(main_window_keystrokes(app, store, free[1::2], args.keys // 2, store_timer))
        figures["tokenizer_1mb_s"] = round(tokenizer_seconds(text), 3)
        store.close()
        if not args.no_launch:
            figures.update(launch(project, max(3, args.runs // 2)))
    figures.update(open_large(app, max(3, args.runs // 2), args.nested / SPANS))
    figures["peak_rss_mb"] = round(peak_rss_mb(), 1)
    figures["gc_frozen_at_start"] = not args.no_freeze
    figures["load_average_1min"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    settings.cleanup()
    for key, value in figures.items():
        print(f"{key:32} {value}")
    print(f"saved {save(args.save_as, figures)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

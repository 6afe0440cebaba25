"""The annotation editor on a 1 MB Arabic document with 10,000 spans (offscreen Qt).

Figures (medians of several runs; ratios measured side by side in this one process):
- bare text: a QPlainTextEdit laying out and painting the text (right to left), nothing else;
- open: spans and text read from the store, editor built, first screen painted; and its ratio
  to the bare text;
- label keystroke: hotkey on a selection -> AddSpan stored (committed) -> the repaint it
  schedules done, p50/p95; the same for undo; and a forced repaint of the whole screen;
- launch: `python -m annotator gui PROJECT --screenshot` from process start to the PNG,
  beside `python -c pass`, and whether spaCy was imported;
- the project tokenizer on the document (runs on a worker thread after the first paint).

Run: .venv/bin/python bench/bench_editor.py [--runs 5] [--keys 200]
"""

from __future__ import annotations

import argparse
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


def make_text(seed: int = 11) -> str:
    """About 1 MB of UTF-8 Arabic in paragraphs of 3 to 6 sentences."""
    rng = random.Random(seed)
    sentences = arabic_sentences()
    paragraphs: list[str] = []
    size = 0
    while size < TARGET_BYTES:
        paragraph = ". ".join(rng.choice(sentences) for _ in range(rng.randint(3, 6))) + "."
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(paragraphs)


def make_project(path: Path, text: str):  # type: ignore[no-untyped-def]
    from annotator.core.model import SourceDocument, Span, Status
    from annotator.store.ingest import IngestOptions, ingest
    from annotator.store.project_store import ProjectStore

    words = [m.span() for m in WORD.finditer(text)]
    step = len(words) // SPANS
    spans = [Span(*words[i * step], LABELS[i % 4]) for i in range(SPANS)]
    store = ProjectStore.create(path, labels=LABELS)
    with store.engine.begin() as c:
        ingest(c, [SourceDocument(text, source="bench.txt", spans=spans)],
               store.project().overlap_policy,
               IngestOptions(annotator="bench", status=Status.IN_PROGRESS))
    free = [words[i * step + step // 2] for i in range(SPANS)]  # words without a span
    return store, free


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


def keystrokes(app, editor, free: list[tuple[int, int]], count: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    view = editor.view
    rng = random.Random(3)
    label_ms: list[float] = []
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
        before = len(editor.session.index)
        paints.clear()
        t0 = time.perf_counter()
        QTest.keyClick(view, Qt.Key.Key_2)
        app.processEvents()  # the repaint the edit scheduled (its blocks only)
        label_ms.append((time.perf_counter() - t0) * 1000)
        assert paints, "the keystroke did not repaint"
        assert len(editor.session.index) == before + 1, "the keystroke did not add a span"
        t0 = time.perf_counter()
        view.viewport().repaint()  # for comparison: the whole screen
        full_ms.append((time.perf_counter() - t0) * 1000)
        if len(undo_ms) < count // 4:
            t0 = time.perf_counter()
            editor.undo()  # what Ctrl+Z triggers in the main window
            app.processEvents()
            undo_ms.append((time.perf_counter() - t0) * 1000)
            assert len(editor.session.index) == before, "undo did not remove the span"
    return {"label_p50_ms": round(percentile(label_ms, 50), 2),
            "label_p95_ms": round(percentile(label_ms, 95), 2),
            "label_max_ms": round(max(label_ms), 2),
            "full_screen_repaint_p50_ms": round(percentile(full_ms, 50), 2),
            "full_screen_repaint_p95_ms": round(percentile(full_ms, 95), 2),
            "undo_p50_ms": round(percentile(undo_ms, 50), 2),
            "undo_p95_ms": round(percentile(undo_ms, 95), 2), "keystrokes": count}


def launch(project: Path, runs: int) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as settings:
        env["XDG_CONFIG_HOME"] = settings
        python, app, spacy_loaded = [], [], []
        code = ("import sys\nfrom annotator.ui.app import run_app\n"
                f"run_app({str(project)!r}, document=1, screenshot={settings + '/s.png'!r})\n"
                "print('spacy' in sys.modules)")
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], check=True)
            python.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=REPO,
                                  capture_output=True, text=True)
            app.append(time.perf_counter() - t0)
            spacy_loaded.append(done.stdout.strip() == "True")
    return {"launch_to_window_s": round(median(app), 3),
            "python_startup_s": round(median(python), 3),
            "spacy_imported_before_window": any(spacy_loaded)}


def tokenizer_seconds(text: str) -> float:
    from annotator.ui.tokens import project_token_offsets

    t0 = time.perf_counter()
    project_token_offsets("ar", text)
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=200)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    text = make_text()
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "bench.db"
        store, free = make_project(project, text)
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
            "paragraphs": text.count("\n\n") + 1, "spans": SPANS,
            "bare_text_ms": round(median(bare) * 1000, 1),
            "open_ms": round(median(opened) * 1000, 1),
            "open_to_bare_ratio": round(median([o / b for o, b in zip(opened, bare, strict=True)]), 2),
        }
        figures.update(keystrokes(app, editor, free, args.keys))
        figures["tokenizer_1mb_s"] = round(tokenizer_seconds(text), 3)
        store.close()
        figures.update(launch(project, max(3, args.runs // 2)))
    figures["peak_rss_mb"] = round(peak_rss_mb(), 1)
    for key, value in figures.items():
        print(f"{key:32} {value}")
    print(f"saved {save('editor', figures)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

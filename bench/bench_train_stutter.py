"""Does training from the app make the editor stutter? In-thread (the old path) versus a
separate process (the app's path since issue 14), side by side, offscreen Qt.

A project holds 200 ANERcorp sentences as done documents of `amal` (what is trained on) and the
seed article as a new document, open in the main window for annotator `bench`. Each arm runs
the Train dialog exactly as the app does (Tools > Train a model: `TrainDialog.start`,
`in_process` False = a Worker thread, True = a child process) and, until training has
finished, drives the window from a single-shot QTimer every 20 ms:

- tick lateness: how long after it was due each tick ran (the event loop's delay: what a user
  feels as a frozen window);
- label keystrokes: every 3rd tick a word is selected and `1` pressed (QTest.keyClick on the
  editor, then the repaint it scheduled), timed from the key to the repaint done; the next
  tick undoes it (Ctrl+Z's path), so every keystroke adds a span to the same empty document.

An `idle` arm (no training) gives the floor. Arms alternate thread, process, thread, process
... (--rounds); the figures per arm are the medians over rounds of each round's p50 / p95 /
max, and the ratios thread / process are taken round by round (side by side) then medianed.
The pipeline: spaCy's efficiency NER config with the project tokenizer (tok2vec width 96, depth
4, spaCy's defaults), --epochs epochs, CPU. The machine is shared (2 cores): the load average
is saved with the figures.

    .venv/bin/python bench/bench_train_stutter.py [--rounds 3] [--epochs 3]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import ANERCORP, SEED, median, percentile, save  # noqa: E402

TICK_MS = 20
WORD = re.compile(r"[\u0621-\u064A]{3,}")
SENTENCES = 200


def anercorp_documents(limit: int) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """The first LIMIT sentences as (text, IOB2 entities as offsets) from the ANERcorp sample."""
    documents: list[tuple[str, list[tuple[int, int, str]]]] = []
    words: list[tuple[str, str]] = []
    for line in ANERCORP.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("-DOCSTART-"):
            continue
        if line.strip():
            words.append((line.split()[0], line.split()[-1]))
            continue
        if not words:
            continue
        text, spans, current = "", [], None
        for token, tag in words:
            start = len(text) + (1 if text else 0)
            text = f"{text} {token}" if text else token
            if tag.startswith("B-") or (tag.startswith("I-") and (current is None or current[2] != tag[2:])):
                if current:
                    spans.append(tuple(current))
                current = [start, len(text), tag[2:]]
            elif tag.startswith("I-") and current is not None:
                current[1] = len(text)
            else:
                if current:
                    spans.append(tuple(current))
                current = None
        if current:
            spans.append(tuple(current))
        documents.append((text, spans))  # type: ignore[arg-type]
        words = []
        if len(documents) == limit:
            break
    return documents


def make_project(path: Path):  # type: ignore[no-untyped-def]
    from annotator.app.project import Project
    from annotator.core.model import SourceDocument, Span, Status
    from annotator.store.ingest import IngestOptions, ingest

    store = Project.create(path, labels=["PERS", "LOC", "ORG", "MISC"])
    done = [SourceDocument(text, source=f"s{i}", annotated=True,
                           spans=[Span(s, e, label) for s, e, label in spans])
            for i, (text, spans) in enumerate(anercorp_documents(SENTENCES))]
    with store.store.write() as c:
        ingest(c, done, store.info().overlap_policy,
               IngestOptions(annotator="amal", status=Status.DONE))
        ingest(c, [SourceDocument(SEED.read_text(encoding="utf-8"), source="seed")],
               store.info().overlap_policy, IngestOptions())
    return store


class Driver:
    """Single-shot ticks every TICK_MS: lateness of each, a label keystroke every 3rd, undone
    on the next."""

    def __init__(self, app, window, words: list[tuple[int, int]]) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QTimer

        self.app, self.window, self.words = app, window, words
        self.lateness_ms: list[float] = []
        self.keystroke_ms: list[float] = []
        self.tick = 0
        self.due = 0.0
        self.running = False
        self.timer = QTimer()
        self.timer.setSingleShot(True)
        self.timer.setTimerType(self.timer.timerType().PreciseTimer)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.running = True
        self._schedule()

    def stop(self) -> None:
        self.running = False
        self.timer.stop()
        if self.tick % 3 == 1:  # a keystroke not yet undone
            self.window.editor.undo()

    def _schedule(self) -> None:
        self.due = time.perf_counter() + TICK_MS / 1000
        self.timer.start(TICK_MS)

    def _tick(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        self.lateness_ms.append(max(0.0, (time.perf_counter() - self.due) * 1000))
        editor = self.window.editor
        phase = self.tick % 3
        if phase == 0:
            start, end = self.words[(self.tick // 3) % len(self.words)]
            editor.view.select_range(start, end)
            before = len(editor.session.index)
            t0 = time.perf_counter()
            QTest.keyClick(editor.view, Qt.Key.Key_1)
            self.app.processEvents()  # the repaint the edit scheduled
            self.keystroke_ms.append((time.perf_counter() - t0) * 1000)
            assert len(editor.session.index) == before + 1, "the keystroke added no span"
        elif phase == 1:
            editor.undo()
        self.tick += 1
        if self.running:
            self._schedule()


def run_arm(app, window, arm: str, out: Path, options, words, idle_seconds: float):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEventLoop, QTimer

    from annotator.ui.dialogs.train_dialog import TrainDialog

    driver = Driver(app, window, words)
    loop = QEventLoop()
    dialog = None
    outcome: list[str] = []
    started = time.perf_counter()
    if arm == "idle":
        QTimer.singleShot(int(idle_seconds * 1000), loop.quit)
    else:
        dialog = TrainDialog(window.project, "amal", window)
        dialog.base_options = options
        dialog.epochs.setValue(options.max_epochs)
        dialog.in_process = arm == "process"
        dialog.out.set_text(str(out))
        dialog.panel.done.connect(lambda _r: (outcome.append("done"), loop.quit()))
        dialog.panel.error.connect(lambda m: (outcome.append(m), loop.quit()))
        dialog.show()
    driver.start()
    if dialog is not None:
        dialog.start()
    loop.exec()
    driver.stop()
    seconds = time.perf_counter() - started
    if dialog is not None:
        if outcome != ["done"] or dialog.report is None or dialog.report.cancelled:
            raise SystemExit(f"{arm}: training did not finish: {outcome}")
        dialog.close()
        dialog.deleteLater()
        shutil.rmtree(out, ignore_errors=True)
    app.processEvents()
    figures = {"seconds": round(seconds, 1), "ticks": len(driver.lateness_ms),
               "keystrokes": len(driver.keystroke_ms)}
    for name, values in (("keystroke", driver.keystroke_ms), ("tick_lateness", driver.lateness_ms)):
        figures.update({f"{name}_p50_ms": round(percentile(values, 50), 2),
                        f"{name}_p95_ms": round(percentile(values, 95), 2),
                        f"{name}_max_ms": round(max(values), 2)})
    print(f"  {arm:8} {figures}")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=3)
    args = parser.parse_args()
    if not ANERCORP.exists():
        raise SystemExit(f"the ANERcorp sample is not at {ANERCORP}")
    from PySide6.QtWidgets import QApplication

    settings = tempfile.TemporaryDirectory()
    os.environ["XDG_CONFIG_HOME"] = settings.name  # the window's settings: not the user's
    app = QApplication.instance() or QApplication([])
    from annotator.app.training import TrainOptions
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import AppSettings

    options = TrainOptions(max_epochs=args.epochs, eval_frequency=100, seed=1)
    load_before = os.getloadavg()[0]
    runs: dict[str, list[dict[str, float]]] = {"idle": [], "thread": [], "process": []}
    with tempfile.TemporaryDirectory() as folder:
        store = make_project(Path(folder) / "stutter.db")
        seed_id = store.document_ids()[-1]
        text = store.document_text(seed_id)
        words = [(m.start(), m.end()) for m in WORD.finditer(text)][:60]
        window = MainWindow(store, "bench", AppSettings())
        window.remember_layout = False
        window.background_work = False
        window.open_document(seed_id)
        window.resize(1320, 860)
        window.show()
        for _ in range(5):
            app.processEvents()
        for round_ in range(args.rounds):
            print(f"round {round_ + 1} of {args.rounds}")
            for arm in ("thread", "process"):
                runs[arm].append(run_arm(app, window, arm, Path(folder) / "models" / arm,
                                         options, words, 0))
            idle_seconds = median([r["seconds"] for r in runs["process"]]) / 3
            runs["idle"].append(run_arm(app, window, "idle", Path(folder), options, words,
                                        idle_seconds))
        window.close()
        store.close()
    figures: dict[str, object] = {
        "documents_trained_on": SENTENCES, "epochs": args.epochs, "rounds": args.rounds,
        "tick_ms": TICK_MS, "pipeline": "spaCy efficiency ner, tok2vec width 96 depth 4, CPU",
        "runs": runs,
    }
    keys = [k for k in runs["thread"][0] if k.endswith("_ms") or k == "seconds"]
    for arm, values in runs.items():
        figures[arm] = {k: round(median([r[k] for r in values]), 2) for k in keys}
    figures["thread_over_process"] = {
        k: round(median([t[k] / p[k] for t, p in zip(runs["thread"], runs["process"], strict=True)
                         if p[k] > 0]), 2) for k in keys}
    figures["load_average_1min"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    figures["cpu_count"] = os.cpu_count()
    settings.cleanup()
    for arm in ("idle", "thread", "process", "thread_over_process"):
        print(f"{arm:20} {figures[arm]}")
    save("train_stutter", figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

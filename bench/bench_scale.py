"""The app and the store at size: projects of 1k, 10k and 100k short Arabic documents.

Each size runs in its own process (so its peak memory is its own). The project is written
straight into the store with sqlite3 `executemany` (~550-character documents, 5 accepted
spans each, one annotation per document by the annotator `bench`, statuses mixed), then
measured (offscreen Qt, medians / percentiles):
- open: `MainWindow` built on the project, first document open, first screen painted;
- label keystroke in the main window: hotkey on a selection -> AddSpan stored (committed)
  -> document list, progress and editor repainted, p50/p95; its CPU time (all threads, less
  moved by the machine's other work than the wall clock), and the durable-commit floor: a
  plain sqlite3 insert + commit (WAL, synchronous=FULL) timed between the keystrokes;
- stats: `Project.stats()` (what `annotator stats` prints);
- search: a word typed into the document list's search box, the list filtered and repainted
  (rare words of 3+ characters, rare ones of 1-2, and words found in most titles of either
  length; with the CPU time and the documents each word lists);
- sort: the list sorted by title, by status and by spans (the database sorts), then back to
  order;
- next undone: `MainWindow.next_undone()` from a document near the end (wrapping);
- peak RSS of the process.
The growth exponent of each figure is the slope of log(figure) over log(documents) between
the smallest and the largest size (1: linear, 0: independent of the corpus size).

Run: python bench/bench_scale.py [--sizes 1000,10000,100000] [--save-as scale]
The 1M run is separate (minutes on this machine, ~2 GB of database):
     python bench/bench_scale.py --sizes 1000,1000000 --save-as scale_1m
`--projects DIR` keeps each generated project in DIR and reuses it in later runs (opening an
older one upgrades it first, timed as `open_project_s`, outside the open figure).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import arabic_sentences, median, peak_rss_mb, percentile, save  # noqa: E402

LABELS = ["PERS", "LOC", "ORG", "MISC"]
STATUSES = ["new", "in_progress", "done", "skipped"]
DOC_CHARS = 550
KEYSTROKES = 30
SPAN_WORDS = (0, 10, 20, 30, 40)  # the words of each document that carry its 5 spans
SEARCHED = ("(7", "(12", "(99", "(3")  # typed in the list's search box (the figure since stop 22)
SEARCHED_LONG = ("(12", "(99", "(345", "(60")  # 3 characters or more: the trigram index
SEARCHED_SHORT = ("(7", "(3")  # too short for it (since 0015: the word index, word starts)
SEARCHED_COMMON = ("الم", "على")  # 3+ characters in most titles
SEARCHED_SHORT_COMMON = ("في", "من")  # 1-2 characters in most titles (Arabic: in, from)


def words_of(text: str) -> list[tuple[int, int]]:
    found, position = [], 0
    for word in text.split(" "):
        if len(word) >= 3:
            found.append((position, position + len(word)))
        position += len(word) + 1
    return found


def generate(path: Path, count: int) -> None:
    """COUNT documents with 5 spans each, written with executemany (seconds per 100k)."""
    from annotator.store import ProjectStore

    ProjectStore.create(path, labels=LABELS).close()
    rng = random.Random(7)
    sentences = arabic_sentences()
    now = "2026-01-01 00:00:00.000000"
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO annotator (id, name, role, created_at) "
                 "VALUES (1, 'bench', 'annotator', ?)", (now,))
    batch = 10_000
    for first in range(0, count, batch):
        docs, annotations, spans = [], [], []
        for i in range(first, min(count, first + batch)):
            parts, size = [], 0
            while size < DOC_CHARS:
                sentence = rng.choice(sentences)
                parts.append(sentence)
                size += len(sentence) + 2
            text = f"({i}) " + ". ".join(parts)[:DOC_CHARS]
            doc_id = i + 1
            docs.append((doc_id, len(text), hashlib.sha256(text.encode()).hexdigest(),
                         f"doc{i}.txt", "{}", i, now, text))
            status = "new" if i < 10 or i % 4 == 0 else STATUSES[i % 4]
            annotations.append((doc_id, doc_id, 1, status, 0, now, now))
            words = words_of(text)
            for k, w in enumerate(SPAN_WORDS):
                if w < len(words):
                    spans.append((doc_id, words[w][0], words[w][1], LABELS[k % 4], "accepted",
                                  "manual", None, now, now))
        conn.executemany("INSERT INTO document (id, length, content_hash, source, meta, "
                         "position, created_at, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", docs)
        conn.executemany("INSERT INTO annotation (id, document_id, annotator_id, status, "
                         "version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         annotations)
        conn.executemany('INSERT INTO span (annotation_id, start, "end", label, state, origin, '
                         "score, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         spans)
        conn.commit()
    conn.close()


def forget_keystrokes(path: Path) -> None:
    """Take off a kept project's first document the spans an earlier run's keystrokes added
    (on the words after the 5 generated spans), so the keystrokes add spans again."""
    conn = sqlite3.connect(path)
    text = conn.execute("SELECT text FROM document WHERE id = 1").fetchone()[0]
    conn.execute("DELETE FROM span WHERE annotation_id = 1 AND start >= ?",
                 (words_of(text)[SPAN_WORDS[-1] + 1][0],))
    conn.commit()
    conn.close()


class CommitFloor:
    """A durable commit alone: one row inserted and committed by plain sqlite3 into a file
    beside the project, WAL and `synchronous=FULL` as the project's, timed between the
    keystrokes. A keystroke cannot be faster than the fsync its commit waits for; on a shared
    disk that wait moves from run to run, and this says by how much in the same run."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode = WAL", "synchronous = FULL"):
            self.db.execute("PRAGMA " + pragma)
        self.db.execute("CREATE TABLE IF NOT EXISTS floor (x INTEGER)")

    def commit_ms(self) -> float:
        t0 = time.perf_counter()
        self.db.execute("BEGIN IMMEDIATE")
        self.db.execute("INSERT INTO floor VALUES (1)")
        self.db.execute("COMMIT")
        return (time.perf_counter() - t0) * 1000

    def close(self) -> None:
        self.db.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)


def timed_ms(function) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    function()
    return (time.perf_counter() - t0) * 1000


def measure(count: int, projects: Path | None = None) -> dict[str, object]:
    """Every figure for one size, in this process; the project is kept in PROJECTS (and taken
    from there when it is already made: opening it first upgrades an older schema)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = (projects or Path(tmp)) / f"scale_{count}.db"
        generate_s = None
        if not path.exists():
            t0 = time.perf_counter()
            generate(path, count)
            generate_s = round(time.perf_counter() - t0, 2)
        else:
            forget_keystrokes(path)
        rss_before_app = peak_rss_mb()

        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        from annotator.app.project import Project
        from annotator.ui.document_list_model import DocumentListModel
        from annotator.ui.main_window import MainWindow
        from annotator.ui.settings import AppSettings

        app = QApplication.instance() or QApplication([])
        t0 = time.perf_counter()
        Project.open(path).close()  # a kept project of an older schema is upgraded here
        upgrade_s = time.perf_counter() - t0
        project = Project.open(path)
        t0 = time.perf_counter()
        window = MainWindow(project, "bench", AppSettings())
        window.remember_layout = False
        window.background_work = False
        window.open_position(1)
        window.resize(1400, 860)
        window.show()
        app.processEvents()
        window.repaint()
        app.processEvents()
        open_s = time.perf_counter() - t0

        view = window.editor.view
        free = words_of(window.session.text)[41:41 + KEYSTROKES]  # after the spanned words
        label_ms, label_cpu_ms, floor_ms = [], [], []
        spans_before = len(window.session.index)
        floor = CommitFloor(path.parent / f"floor_{count}.db")
        for start, end in free:
            view.select_range(start, end)
            app.processEvents()
            floor_ms.append(floor.commit_ms())  # between keystrokes: the disk as they meet it
            t0, c0 = time.perf_counter(), time.process_time()
            QTest.keyClick(view, Qt.Key.Key_2)
            app.processEvents()
            label_ms.append((time.perf_counter() - t0) * 1000)
            label_cpu_ms.append((time.process_time() - c0) * 1000)
        floor.close()
        added = len(window.session.index) - spans_before
        assert added == len(free), f"the keystrokes added {added} spans, not {len(free)}"

        stats_ms = [timed_ms(project.stats) for _ in range(5)]
        panel = window.document_panel
        words = panel.words  # the list's search box, as a person types in it (then a pause)
        search_ms: dict[str, list[float]] = {}
        search_cpu_ms: dict[str, list[float]] = {}
        search_rows: dict[str, int] = {}  # the documents each word lists
        for kind, typed in (("mixed", SEARCHED), ("trigram", SEARCHED_LONG),
                            ("short", SEARCHED_SHORT), ("common", SEARCHED_COMMON),
                            ("short_common", SEARCHED_SHORT_COMMON)):
            search_ms[kind], search_cpu_ms[kind] = [], []
            for word in typed:
                cpu = time.process_time()
                search_ms[kind].append(timed_ms(lambda w=word: (
                    words.setText(w), panel.apply_filter(), app.processEvents())))
                search_cpu_ms[kind].append((time.process_time() - cpu) * 1000)
                search_rows[word] = window.documents.rowCount()
                words.setText("")
                panel.apply_filter()
                app.processEvents()
        sort_ms: dict[str, list[float]] = {"title": [], "status": [], "spans": []}
        for _ in range(3):
            for name, column in (("title", DocumentListModel.TITLE),
                                 ("status", DocumentListModel.STATUS),
                                 ("spans", DocumentListModel.SPANS)):
                sort_ms[name].append(timed_ms(lambda c=column: (
                    panel.table.sortByColumn(c, Qt.SortOrder.AscendingOrder),
                    app.processEvents())))
                panel.table.sortByColumn(DocumentListModel.POSITION, Qt.SortOrder.AscendingOrder)
                app.processEvents()
        near_end = window.documents.id_at(window.documents.rowCount() - 2)
        next_ms = []
        for _ in range(5):
            window.open_document(near_end)
            next_ms.append(timed_ms(window.next_undone))
        window.close()
        project.close()
        return {
            "documents": count, "generate_s": generate_s,
            "kept_project": projects is not None, "open_project_s": round(upgrade_s, 2),
            "open_s": round(open_s, 3),
            "label_p50_ms": round(percentile(label_ms, 50), 2),
            "label_p95_ms": round(percentile(label_ms, 95), 2),
            "label_cpu_p50_ms": round(percentile(label_cpu_ms, 50), 2),
            "label_cpu_p95_ms": round(percentile(label_cpu_ms, 95), 2),
            "commit_floor_p50_ms": round(percentile(floor_ms, 50), 2),
            "commit_floor_p95_ms": round(percentile(floor_ms, 95), 2),
            "stats_ms": round(median(stats_ms), 2),
            "search_ms": round(median(search_ms["mixed"]), 2),
            "search_trigram_ms": round(median(search_ms["trigram"]), 2),
            "search_short_ms": round(median(search_ms["short"]), 2),
            "search_common_ms": round(median(search_ms["common"]), 2),
            "search_short_common_ms": round(median(search_ms["short_common"]), 2),
            "search_cpu_ms": {k: round(median(v), 2) for k, v in search_cpu_ms.items()},
            "search_rows": search_rows,
            "sort_by_title_ms": round(median(sort_ms["title"]), 2),
            "sort_by_status_ms": round(median(sort_ms["status"]), 2),
            "sort_by_spans_ms": round(median(sort_ms["spans"]), 2),
            "list_pages_read": window.documents.pages_read,
            "next_undone_ms": round(median(next_ms), 2),
            "peak_rss_mb": round(peak_rss_mb(), 1),
            "peak_rss_mb_before_app": round(rss_before_app, 1),
            "load_average_1min": round(os.getloadavg()[0], 2),  # others' work on the machine
        }


FIGURES = ("open_s", "label_p50_ms", "label_p95_ms", "label_cpu_p50_ms", "label_cpu_p95_ms",
           "commit_floor_p50_ms", "commit_floor_p95_ms", "stats_ms", "search_ms", "search_trigram_ms",
           "search_short_ms", "search_common_ms", "search_short_common_ms", "next_undone_ms",
           "sort_by_title_ms", "sort_by_status_ms", "sort_by_spans_ms", "peak_rss_mb")


def growth(small: dict[str, float], large: dict[str, float], figure: str) -> float:
    ratio_docs = large["documents"] / small["documents"]
    return round(math.log(max(large[figure], 1e-6) / max(small[figure], 1e-6))
                 / math.log(ratio_docs), 2)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--save-as", default="scale")
    parser.add_argument("--projects", type=Path,
                        help="keep the generated projects in this folder and reuse them")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child: one size
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.projects)))
        return
    runs: dict[str, dict[str, float]] = {}
    for size in (int(s) for s in args.sizes.split(",")):
        kept = ["--projects", str(args.projects)] if args.projects else []
        out = subprocess.run([sys.executable, __file__, "--one", str(size), *kept], check=True,
                             capture_output=True, text=True).stdout
        runs[str(size)] = json.loads(out.strip().splitlines()[-1])
        print(f"{size:>9,} docs: " + ", ".join(f"{k} {runs[str(size)][k]}" for k in FIGURES))
    sizes = list(runs.values())
    exponents = {f: growth(sizes[0], sizes[-1], f) for f in FIGURES} if len(sizes) > 1 else {}
    print("growth exponents:", exponents)
    save(args.save_as, {"sizes": runs, "growth_exponent": exponents,
                        "load_average_1min": round(os.getloadavg()[0], 2),
                        "keystrokes": KEYSTROKES})


if __name__ == "__main__":
    main()

"""Python function calls per unit of work: a figure that does not move with the machine's load.

Counted with cProfile (one process, this checkout's code): label keystrokes in the whole main
window on the editor benchmark's 1 MB document (after 10 warm-up keystrokes), and the spaCy
DocBin export of 500 documents of 500 tokens (the export benchmark's corpus), after one export
to warm the imports and caches. Run it under
`bench/side_by_side.py` to compare two checkouts: the ratio of calls says whether a change added
work, where timings on a shared machine can only suggest it.

    python bench/python_calls.py [--keys 60] [--docs 500]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
import bench_editor  # noqa: E402
import bench_export  # noqa: E402
from common import save  # noqa: E402


def _calls(profile: cProfile.Profile) -> int:
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


def keystroke_calls(app: Any, keys: int) -> float:
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import AppSettings

    text = bench_editor.make_text()
    store, free = bench_editor.make_project(Path(tempfile.mkdtemp()) / "bench.db", text)
    timer = bench_editor.StoreTimer(store)
    window = MainWindow(store, "bench", AppSettings())
    window.remember_layout = False
    window.background_work = False
    window.open_position(1)
    window.resize(1400, 860)
    window.show()
    for _ in range(3):
        app.processEvents()
    words = free[1::2]
    bench_editor.keystrokes(app, window.editor, words[:10], 10, timer, "warm_", undo=False)
    profile = cProfile.Profile()
    profile.enable()
    bench_editor.keystrokes(app, window.editor, words[10:], keys, timer, "x_", undo=False)
    profile.disable()
    window.close()
    return _calls(profile) / keys


def export_calls(docs: int) -> float:
    folder = Path(tempfile.mkdtemp())
    project, _data, _tokens = bench_export.build(folder, docs, 500)
    try:
        from annotator.app.exporting import ExportOptions, export_project
        from annotator.app.project import Project as Opener
    except ImportError:  # a checkout from before the application layer
        from annotator.formats.exporting import (  # type: ignore[no-redef]
            ExportOptions,
            export_project,
        )

        from annotator.store.project_store import ProjectStore as Opener  # type: ignore[assignment]
    opened = Opener.open(project)
    export_project(opened, folder / "warm.spacy", ExportOptions(format="spacy"))  # type: ignore[arg-type]
    profile = cProfile.Profile()
    profile.enable()
    export_project(opened, folder / "out.spacy", ExportOptions(format="spacy"))  # type: ignore[arg-type]
    profile.disable()
    opened.close()
    return _calls(profile) / docs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", type=int, default=60)
    parser.add_argument("--docs", type=int, default=500)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()
    exported = export_calls(args.docs)  # first: nothing of the window's left in the process
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    figures = {"keystrokes": args.keys, "export_documents": args.docs,
               "calls_per_keystroke_in_window": round(keystroke_calls(app, args.keys), 1),
               "calls_per_exported_document": round(exported, 1)}
    for key, value in figures.items():
        print(f"{key:32} {value}")
    save("python_calls", figures)


if __name__ == "__main__":
    main()

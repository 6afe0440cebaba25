"""Screenshots of the Spans panel filtered and following the editor, with the Counts panel
(issue 15): docs/screenshot-spans-panel-en.png and -ar.png, the seed document with every
word a suggestion and every third accepted, the panel filtered to accepted LOC spans, and the
editor's current span (reached by Tab) selected in the list.

    .venv/bin/python tools/make_spans_panel_screenshots.py [--out-dir docs] [--size 1320x860]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "lavrov_north_korea_ar.txt"
LABELS = ["PERS", "LOC", "ORG", "MISC"]


def shoot(language: str, out: Path, size: tuple[int, int]) -> None:
    from PySide6.QtWidgets import QApplication  # noqa: TID251  (a screenshot tool drives the window)

    from annotator.app.project import Project
    from annotator.core.model import SourceDocument, Span, SpanState, Status
    from annotator.core.operations import AcceptSuggestion
    from annotator.store.ingest import IngestOptions, ingest
    from annotator.ui.i18n import install_language
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import AppSettings

    app = QApplication.instance() or QApplication([])
    install_language(app, language)
    text = SEED.read_text(encoding="utf-8")
    spans = [Span(m.start(), m.end(), LABELS[i % 4])
             for i, m in enumerate(re.finditer(r"[\u0621-\u064a]{4,}", text))]
    with tempfile.TemporaryDirectory() as folder:
        project = Project.create(Path(folder) / "p.db", labels=LABELS)
        with project.store.engine.begin() as c:
            ingest(c, [SourceDocument(text, source="seed.txt", spans=spans),
                       SourceDocument("وصل لافروف إلى وونسان.", source="short.txt")],
                   project.info().overlap_policy,
                   IngestOptions(annotator="amal", status=Status.NEW,
                                 span_state=SpanState.SUGGESTED, origin="pretagger"))
        annotation = project.annotation_id(project.document_ids()[0], "amal")
        for span in project.spans(annotation)[::3]:
            project.apply(AcceptSuggestion(span.id))
        window = MainWindow(project, "amal", AppSettings())
        window.remember_layout = False
        window.background_work = False
        window.open_position(1)
        window.resize(*size)
        window.show()
        app.processEvents()
        filters = window.spans_pane.filters
        filters.label.setCurrentIndex(filters.label.findData("LOC"))
        filters.state.setCurrentIndex(1)  # accepted
        view = window.editor.view
        view.setFocus()
        view.place_cursor(len(text) // 3)
        window.editor.step_span(True)
        while (span := window.editor.current_span()) is not None and (
                span.label != "LOC" or span.state is not SpanState.ACCEPTED):
            window.editor.step_span(True)
        waited = time.monotonic() + 0.3  # the list follows the editor after a pause
        while time.monotonic() < waited:
            app.processEvents()
        window.grab().save(str(out))
        window.close()
        project.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out-dir", type=Path, default=REPO / "docs")
    parser.add_argument("--size", default="1320x860")
    parser.add_argument("--language", help="one language in this process (used by the loop)")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    if args.language:
        shoot(args.language, args.out_dir / f"screenshot-spans-panel-{args.language}.png",
              (width, height))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   XDG_CONFIG_HOME=folder)
        for language in ("en", "ar"):  # one process each: the translator comes first
            subprocess.run([sys.executable, __file__, "--language", language, "--out-dir",
                            str(args.out_dir), "--size", args.size], check=True, env=env)
            print(f"saved {args.out_dir / f'screenshot-spans-panel-{language}.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Make docs/screenshot-editor.png: the editor on the seed document with spans of several
labels, one pre-tagger suggestion and one character-mode span after a proclitic.

    .venv/bin/python tools/make_screenshot.py [--out docs/screenshot-editor.png] [--arabic-ui]
        [--appearance light|dark]

Builds a throwaway project from seeds/, then runs `annotator gui PROJECT --document 1
--screenshot OUT` (offscreen; the user's settings are not touched).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "lavrov_north_korea_ar.txt"

# (text, label, occurrence, characters to skip at the start: a proclitic left out)
SPANS = [
    ("لافروف", "PERS", 0, 0), ("سيرجي لافروف", "PERS", 0, 0), ("كوريا الشمالية", "LOC", 0, 0),
    ("كيم جونغ أون", "PERS", 0, 0), ("وونسان", "LOC", 0, 0), ("فلاديمير بوتين", "PERS", 0, 0),
    ("وبيونج يانغ", "LOC", 0, 1), ("Wonsan", "LOC", 0, 0), ("تاس", "ORG", 0, 0),
    ("تشوي سون هوي", "PERS", 0, 0), ("كورسك", "LOC", 0, 0),
]
SUGGESTIONS = [("موسكو", "LOC", 0, 0), ("أوكرانيا", "LOC", 1, 0)]


def build(project: Path) -> None:
    sys.path.insert(0, str(REPO))
    from annotator.core.model import SourceDocument, SpanState
    from annotator.core.operations import AddSpan
    from annotator.store.ingest import IngestOptions, ingest
    from annotator.store.project_store import ProjectStore

    text = SEED.read_text(encoding="utf-8")
    from annotator.app.sample import SAMPLE_GUIDELINES as guidelines
    store = ProjectStore.create(project, name="sample", labels=["PERS", "LOC", "ORG", "MISC"],
                                guidelines=guidelines)
    with store.engine.begin() as c:
        ingest(c, [SourceDocument(text, source=SEED.name)], store.project().overlap_policy,
               IngestOptions())
    annotation = store.annotation_id(store.document_ids()[0], "amal")
    for items, state in ((SPANS, SpanState.ACCEPTED), (SUGGESTIONS, SpanState.SUGGESTED)):
        for words, label, nth, skip in items:
            start = -1
            for _ in range(nth + 1):
                start = text.index(words, start + 1)
            store.apply(AddSpan(annotation, start + skip, start + len(words), label, state=state,
                                origin="manual" if state is SpanState.ACCEPTED else "pretagger",
                                replace_overlapping=True))
    store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshot-editor.png")
    parser.add_argument("--arabic-ui", action="store_true", help="the interface in Arabic")
    parser.add_argument("--appearance", choices=("system", "light", "dark"), default="system",
                        help="View › Appearance (the Fusion style with its light or dark palette)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "screenshot.db"
        build(project)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=folder)
        settings = Path(folder) / "annotator" / "annotator.conf"
        settings.parent.mkdir(parents=True, exist_ok=True)
        language = "ar" if args.arabic_ui else "en"
        settings.write_text(f"[ui]\nlanguage={language}\nappearance={args.appearance}\n",
                            encoding="utf-8")
        subprocess.run([sys.executable, "-m", "annotator", "gui", str(project), "--annotator",
                        "amal", "--document", "1", "--screenshot", str(args.out.resolve())],
                       check=True, cwd=REPO, env=env)
    print(f"saved {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

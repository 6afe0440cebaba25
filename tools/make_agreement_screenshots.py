"""Make docs/screenshot-agreement.png, docs/screenshot-disagreements.png and
docs/screenshot-adjudication.png: the team views on the seed article, annotated by three people;
and the same three with the interface in Arabic (docs/screenshot-agreement-ar.png, ...).

    .venv/bin/python tools/make_agreement_screenshots.py [--out docs] [--lang en,ar]

Builds a throwaway project (amal, badr and carim finished the seed and agree on part of it; cora
curates; the labels are declared an ordered scale with quadratic weights, so the Agreement view
shows Gwet's AC2 beside AC1), renders each view offscreen at 1300 px and saves it. The user's
settings are not touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "lavrov_north_korea_ar.txt"
SECOND = "زار الرئيس بوتين مدينة موسكو أمس، ثم عاد إلى الكرملين."
AGREED = [("لافروف", 0, "PERS"), ("كوريا الشمالية", 0, "LOC"), ("كيم جونغ أون", 0, "PERS"),
          ("فلاديمير بوتين", 0, "PERS"), ("تاس", 0, "ORG")]
SPANS = {  # (words, characters skipped at the start, label)
    "amal": [("سيرجي لافروف", 0, "PERS"), ("موسكو", 0, "LOC"), ("وونسان", 0, "LOC"),
             ("وبيونج يانغ", 1, "LOC")],
    "badr": [("سيرجي لافروف", 0, "PERS"), ("موسكو", 0, "ORG"), ("وونسان", 0, "LOC"),
             ("وبيونج يانغ", 0, "LOC")],
    "carim": [("سيرجي لافروف", 6, "PERS"), ("وونسان", 0, "LOC"), ("وبيونج يانغ", 1, "LOC")],
}


def build(path: Path):  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(REPO))
    from annotator.app.agreement import set_agreement_weights
    from annotator.app.project import Project
    from annotator.core.model import Role, SourceDocument, Status
    from annotator.core.operations import AddSpan, SetStatus
    from annotator.store.ingest import IngestOptions, ingest
    from annotator.store.project_store import ProjectStore

    text = SEED.read_text(encoding="utf-8")
    store = ProjectStore.create(path, name="sample", labels=["PERS", "LOC", "ORG", "MISC"])
    with store.engine.begin() as c:
        ingest(c, [SourceDocument(text, source=SEED.name), SourceDocument(SECOND, source="b.txt")],
               store.project().overlap_policy, IngestOptions())
    first, second = store.document_ids()
    for name, own in SPANS.items():
        annotation = store.annotation_id(first, name)
        for words, skip, label in [(w, 0, lab) for w, _n, lab in AGREED] + own:
            start = text.index(words)
            store.apply(AddSpan(annotation, start + skip, start + len(words), label))
        store.apply(SetStatus(annotation, Status.DONE))
    for name, label in (("amal", "PERS"), ("badr", "PERS")):
        annotation = store.annotation_id(second, name)
        start = SECOND.index("بوتين")
        store.apply(AddSpan(annotation, start, start + 5, label))
        store.apply(SetStatus(annotation, Status.DONE))
    store.annotator_id("cora", role=Role.CURATOR)
    project = Project(store)
    set_agreement_weights(project, "quadratic")
    return project


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs")
    parser.add_argument("--lang", default="en,ar",
                        help="interface languages, comma-separated (default en,ar)")
    args = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = folder
        project = build(Path(folder) / "team.db")
        from annotator.ui.agreement.screenshots import save_team_screenshots

        for language in args.lang.split(","):
            suffix = "" if language == "en" else f"-{language}"
            for path in save_team_screenshots(project, "cora", args.out, language, suffix):
                print(f"saved {path}")
        project.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

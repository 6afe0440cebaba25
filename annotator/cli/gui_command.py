"""annotator gui [PROJECT]: the desktop app (Qt is imported only here, when asked for)."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    gui = subparsers.add_parser("gui", help="open the desktop app (default: the sample project)")
    gui.add_argument("project", nargs="?", help="project file or database URL")
    gui.add_argument("--annotator", help="work as this annotator (default: remembered, or your login name)")
    gui.add_argument("--document", type=int, help="open this document (1-based position)")
    gui.add_argument("--screenshot", type=Path, help="render offscreen, save a PNG, exit")
    gui.set_defaults(run=run_gui)


def ensure_sample_project() -> Path:
    """corpus/sample.db, created from seeds/ on first use."""
    from annotator.core.model import Status
    from annotator.formats.importing import import_paths
    from annotator.formats.registry import ReadOptions
    from annotator.paths import sample_project_path, seeds_dir
    from annotator.store.ingest import IngestOptions
    from annotator.store.project_store import ProjectStore

    path = sample_project_path()
    if path.exists():
        return path
    store = ProjectStore.create(path, name="sample", language="ar",
                                labels=["PERS", "LOC", "ORG", "MISC"],
                                guidelines=SAMPLE_GUIDELINES)
    seeds = sorted(p for p in seeds_dir().glob("*.txt"))
    if seeds:
        import_paths(store, seeds, "txt", ReadOptions(split="file"),
                     IngestOptions(status=Status.NEW))
    # the starter gazetteer, so Tools > Pre-tag works on the sample from the first run
    from annotator.nlp.gazetteer import import_names, read_name_file, starter_gazetteer_path

    import_names(store, read_name_file(starter_gazetteer_path("ar"))[0])
    store.close()
    return path


SAMPLE_GUIDELINES = """\
PERS: people, by name (سيرجي لافروف، كيم جونغ أون).
LOC: countries, cities, regions and other places (موسكو، كوريا الشمالية، وونسان).
ORG: organisations, institutions, companies, media (KCTV، الأمم المتحدة).
MISC: other named things: events, nationalities used as names, titles of works.
Mark the name only: leave out a proclitic (و، ل، ب، ف، ك) and final punctuation; use
character mode (hold Alt while selecting) for an entity that starts inside a word."""


def run_gui(args: argparse.Namespace) -> int:
    project = args.project or str(ensure_sample_project())
    from annotator.ui.app import run_app

    return run_app(project, annotator=args.annotator, document=args.document,
                   screenshot=args.screenshot)

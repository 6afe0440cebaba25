"""The sample project: `corpus/sample.db`, made from `seeds/` the first time the app starts
without a project, with the starter gazetteer, so pre-tagging works from the first run."""

from __future__ import annotations

from pathlib import Path

from annotator import paths
from annotator.app.gazetteer import import_name_files
from annotator.app.importing import import_paths
from annotator.app.project import Project
from annotator.core.model import Status
from annotator.formats.registry import ReadOptions
from annotator.store.ingest import IngestOptions

SAMPLE_LABELS = ["PERS", "LOC", "ORG", "MISC"]
SAMPLE_GUIDELINES = """\
PERS: people, by name (سيرجي لافروف، كيم جونغ أون).
LOC: countries, cities, regions and other places (موسكو، كوريا الشمالية، وونسان).
ORG: organisations, institutions, companies, media (KCTV، الأمم المتحدة).
MISC: other named things: events, nationalities used as names, titles of works.
Mark the name only: leave out a proclitic (و، ل، ب، ف، ك) and final punctuation; use
character mode (hold Alt while selecting) for an entity that starts inside a word."""


def ensure_sample_project() -> Path:
    """corpus/sample.db, created from seeds/ on first use."""
    path = paths.sample_project_path()
    if path.exists():
        return path
    with Project.create(path, name="sample", language="ar", labels=SAMPLE_LABELS,
                        guidelines=SAMPLE_GUIDELINES) as project:
        seeds = sorted(p for p in paths.seeds_dir().glob("*.txt"))
        if seeds:
            import_paths(project, seeds, "txt", ReadOptions(split="file"),
                         IngestOptions(status=Status.NEW))
        import_name_files(project, [], starter=True)
    return path

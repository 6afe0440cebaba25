"""The sample project: `corpus/sample.db`, made from `seeds/` the first time the app starts
without a project, with the starter gazetteer, so pre-tagging works from the first run.

The project is made before anyone has said who they are, and suggestions belong to one
annotator's annotation; so the seed documents are pre-tagged with the project gazetteer for each
annotator the first time they open the sample (`suggest_for_newcomer`): the window then opens on
the seed article with the starter gazetteer's suggestions to accept or reject.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from annotator import paths
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.store.database import project_url

if TYPE_CHECKING:
    from annotator.app.pretagging import PretagReport

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
    from annotator.app.gazetteer import import_name_files  # only when the sample is made
    from annotator.app.importing import import_paths
    from annotator.core.model import Status
    from annotator.formats.registry import ReadOptions
    from annotator.store.ingest import IngestOptions

    with Project.create(path, name="sample", language="ar", labels=SAMPLE_LABELS,
                        guidelines=SAMPLE_GUIDELINES) as project:
        seeds = sorted(p for p in paths.seeds_dir().glob("*.txt"))
        if seeds:
            import_paths(project, seeds, "txt", ReadOptions(split="file"),
                         IngestOptions(status=Status.NEW))
        import_name_files(project, [], starter=True)
    return path


def is_sample_project(project: Project) -> bool:
    return project.url == project_url(paths.sample_project_path())


def suggest_for_newcomer(project: Project, annotator: str) -> PretagReport | None:
    """When PROJECT is the sample project and ANNOTATOR has not worked in it yet: pre-tag its
    documents for ANNOTATOR with the project gazetteer (the starter list). None otherwise."""
    if not is_sample_project(project):
        return None
    if any(name == annotator for _id, name, _role in project.annotators()):
        return None
    from annotator.app.pretagging import load_pretagger_for, pretag_documents

    try:
        pretagger = load_pretagger_for(project, "gazetteer", "project")
    except AnnotatorError:  # the gazetteer was emptied (E411): the sample opens as it is
        return None
    return pretag_documents(project, pretagger, annotator=annotator)

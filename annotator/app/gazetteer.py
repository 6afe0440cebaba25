"""The project gazetteer as users change it: from the editor, from files, the starter list.

Names are matched by the gazetteer pre-tagger (`nlp.gazetteer`); they are stored in the project
(`store.gazetteer`). Every change returns what changed, for the views.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from annotator.app.project import Project
from annotator.core.changes import ProjectChanges
from annotator.core.errors import AnnotatorError, E
from annotator.core.model import Name
from annotator.nlp.gazetteer import read_name_file
from annotator.paths import starter_gazetteer_path
from annotator.store.gazetteer import add_names, gazetteer_names, remove_name

GAZETTEER_CHANGED = ProjectChanges(gazetteer=True)


@dataclass(frozen=True)
class NamesImported:
    added: int  # names new to the gazetteer
    read: int  # names in the file
    token_patterns_skipped: int  # token patterns (lists) a names file cannot hold
    file: str

    @property
    def changes(self) -> ProjectChanges:
        return GAZETTEER_CHANGED if self.added else ProjectChanges()


def gazetteer_entries(project: Project) -> list[Name]:
    return gazetteer_names(project.store)


def add_to_gazetteer(project: Project, text: str, label: str) -> bool:
    """Add TEXT (trimmed of whitespace and invisible marks) as a LABEL name; False when the
    gazetteer already has it. What the editor's "Add to gazetteer" calls."""
    return add_names(project.store, [Name(text, label)]) == 1


def remove_from_gazetteer(project: Project, text: str, label: str) -> bool:
    return remove_name(project.store, text, label)


def import_names(project: Project, names: Iterable[Name],
                 label_map: dict[str, str] | None = None) -> int:
    """Add NAMES in one transaction; how many were new (see `store.gazetteer.add_names`)."""
    return add_names(project.store, names, label_map)


def import_name_files(project: Project, files: Iterable[str | Path], starter: bool = False,
                      label_map: dict[str, str] | None = None) -> NamesImported:
    """Add the names of JSONL FILES (and, with STARTER, the starter gazetteer for the project's
    language) in one transaction."""
    paths = [Path(f) for f in files]
    if starter:
        paths.append(starter_gazetteer_path(project.info().language))
    if not paths:
        raise AnnotatorError(E.E212, file="(no file; give FILE or --starter)")
    names: list[Name] = []
    skipped = 0
    for path in paths:
        found, token_patterns = read_name_file(path)
        names += found
        skipped += token_patterns
    added = add_names(project.store, names, label_map)
    return NamesImported(added, len(names), skipped, ", ".join(map(str, paths)))

"""Copy a whole project between databases (SQLite file to PostgreSQL and back): the use-case
behind `annotator db copy`. Everything is copied row for row in one transaction and verified
by digest before it commits (`store.copy`); a failed copy leaves the target as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.store.copy import CopyReport, copy_database
from annotator.store.copy import project_digest as _project_digest

__all__ = ["CopyReport", "copy_project", "project_digest"]


def copy_project(source: str | Path, target: str | Path,
                 progress: Callable[[str, int], None] | None = None) -> CopyReport:
    """Copy the project at SOURCE into the empty database or new file TARGET;
    PROGRESS(table, rows copied so far)."""
    return copy_database(source, target, progress)


def project_digest(project: str | Path) -> dict[str, str]:
    """Table -> digest of its rows, the same function the copy is verified with."""
    return _project_digest(project)

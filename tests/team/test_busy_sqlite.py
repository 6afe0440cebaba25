"""A SQLite project kept locked by another writer past the busy timeout: the edit is refused with
a message saying to try again, nothing changes, and trying again works."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.operations import AddSpan


def test_an_edit_refused_as_busy_changes_nothing_and_can_be_redone(project):
    annotation = project.annotation_id(project.document_ids()[0], "amal")
    with project.store.engine.connect() as c:  # the pooled connection: wait 0.2 s, not 10 s
        c.exec_driver_sql("PRAGMA busy_timeout = 200")
    other = sqlite3.connect(project.url.removeprefix("sqlite:///"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a colleague's write, still running
    with pytest.raises(AnnotatorError, match="E119.*busy.*try the edit again"):
        project.apply(AddSpan(annotation, 0, 4, "LOC"))
    other.execute("ROLLBACK")
    other.close()
    assert project.spans(annotation) == []
    added = project.apply(AddSpan(annotation, 0, 4, "LOC")).added
    assert [(s.start, s.end) for s in project.spans(annotation)] == [(0, 4)] == \
        [(s.start, s.end) for s in added]

"""Fixtures for team-mode tests: one project that several sessions ("desktops") open."""

from __future__ import annotations

import pytest

from annotator.core.model import SourceDocument
from annotator.store import ProjectStore
from annotator.store.ingest import IngestOptions, ingest


def create_project(url: str, texts: list[str]) -> ProjectStore:
    store = ProjectStore.create(url, labels=["PERS", "LOC", "ORG", "MISC"])
    with store.write() as c:
        ingest(c, [SourceDocument(text, source=f"doc{i}") for i, text in enumerate(texts)],
               store.project().overlap_policy, IngestOptions())
    return store


@pytest.fixture
def shared_project(fresh_project_url, seed_text):
    """A project (SQLite file or PostgreSQL database) with the seed text and a short document."""
    store = create_project(fresh_project_url, [seed_text, "نص ثان قصير عن موسكو"])
    yield store
    store.close()

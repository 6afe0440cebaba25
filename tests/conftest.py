"""Shared fixtures. Qt runs offscreen in every test; nothing touches the user's settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# In CI, property tests draw the same examples every run (a red build is then reproducible);
# on a developer's machine they explore new ones each time.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI", "").lower() in ("1", "true"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
SEED = REPO / "seeds" / "lavrov_north_korea_ar.txt"


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"third-party data folder {SHARED_DATA} is not present beside the project")
    return SHARED_DATA


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path):
    """A fresh SQLite project with the four ANERcorp labels and the seed document."""
    from annotator.app.project import Project
    from annotator.core.model import SourceDocument
    from annotator.store.ingest import IngestOptions, ingest

    store = Project.create(tmp_path / "project.db", labels=["PERS", "LOC", "ORG", "MISC"])
    policy = store.info().overlap_policy
    with store.store.write() as c:
        ingest(c, [SourceDocument(SEED.read_text(encoding="utf-8"), source=SEED.name)],
               policy, IngestOptions())
    yield store
    store.close()


# PostgreSQL: `postgres_server` (session), `pg_url`, `fresh_project_url` (sqlite + postgresql)
from pg_server import fresh_project_url, pg_url, postgres_server  # noqa: E402, F401


@pytest.fixture
def seed_store(fresh_project_url, seed_text):  # noqa: F811 (the fixture imported above)
    """The seed document in a fresh ProjectStore with the four ANERcorp labels, on each backend
    (SQLite, and PostgreSQL where its binaries are)."""
    from annotator.core.model import SourceDocument
    from annotator.store import ProjectStore
    from annotator.store.ingest import IngestOptions, ingest

    store = ProjectStore.create(fresh_project_url, labels=["PERS", "LOC", "ORG", "MISC"])
    with store.write() as c:
        ingest(c, [SourceDocument(seed_text, source="seed")], store.project().overlap_policy,
               IngestOptions())
    yield store
    store.close()

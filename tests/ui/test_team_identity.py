"""The app on a team server: the database role says who you are, and no password reaches the
settings file."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from annotator.app import team
from annotator.app.project import Project
from annotator.core.model import Role, SourceDocument
from annotator.store.ingest import IngestOptions, ingest
from annotator.store.tables import Annotation, Annotator, table_of

A, N = table_of(Annotator), table_of(Annotation)

PASSWORD = "s3cret-Pa55"


def as_role(owner_url: str, role: str) -> str:
    head, rest = owner_url.split("://", 1)
    return f"{head}://{role}:{PASSWORD}@{rest.split('@', 1)[1]}"


def test_settings_keep_no_password_and_one_key_per_project() -> None:
    from annotator.ui.settings import AppSettings

    settings = AppSettings()
    url = "postgresql+psycopg://amal:" + PASSWORD + "@db.example.org/news"
    settings.last_project = url
    settings.set_project_annotator(url, "amal")
    assert PASSWORD not in settings.last_project
    assert settings.last_project.startswith("postgresql+psycopg://amal:")
    assert settings.project_annotator("postgresql+psycopg://amal:other@db.example.org/news") == "amal"
    settings.last_project = "corpus/news.db"
    assert settings.last_project == "corpus/news.db"


@pytest.mark.postgres
def test_the_app_on_a_team_server_works_as_the_connections_member(pg_url, seed_text,
                                                                  tmp_path: Path) -> None:
    from annotator.ui.app import run_app

    store = Project.create(pg_url, labels=["PERS", "LOC"])
    with store.store.write() as c:
        ingest(c, [SourceDocument(seed_text, source="seed")], store.info().overlap_policy,
               IngestOptions())
    team.add_member(store, "amal", Role.ANNOTATOR, password=PASSWORD)
    team.set_blind(store, True)

    names_before = {name for _id, name, _role in store.annotators()}
    # no --annotator: this machine's login name is not a member and may not become one
    assert run_app(as_role(pg_url, "amal"), screenshot=tmp_path / "amal.png") == 0
    assert {name for _id, name, _role in store.annotators()} == names_before
    with store.store.engine.connect() as c:
        opened = c.execute(select(N.c.id).join(A, A.c.id == N.c.annotator_id)
                           .where(A.c.name == "amal")).all()
    assert len(opened) == 1  # the window opened amal's annotation of the document
    store.close()

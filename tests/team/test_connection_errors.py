"""Opening a PostgreSQL project that cannot be reached says so, and no message shows a password."""

from __future__ import annotations

import sys

import pytest
from sqlalchemy.engine import make_url

from annotator.cli import main
from annotator.core.errors import AnnotatorError
from annotator.store import ProjectStore

pytestmark = pytest.mark.postgres


def test_a_wrong_password_is_a_connection_error_without_the_password(pg_url, capsys):
    ProjectStore.create(pg_url, labels=["LOC"]).close()
    wrong = make_url(pg_url).set(password="Wr0ngPassw0rd").render_as_string(hide_password=False)
    with pytest.raises(AnnotatorError, match="E158.*password authentication failed") as err:
        ProjectStore.open(wrong)
    assert "Wr0ngPassw0rd" not in str(err.value) and ":***@" in str(err.value)
    assert main(["stats", wrong]) != 0
    assert "Wr0ngPassw0rd" not in capsys.readouterr().err


def test_an_empty_database_or_an_existing_project_names_the_url_without_the_password(pg_url):
    password = str(make_url(pg_url).password)
    with pytest.raises(AnnotatorError, match="E103") as empty:
        ProjectStore.open(pg_url)
    ProjectStore.create(pg_url, labels=["LOC"]).close()
    with pytest.raises(AnnotatorError, match="E102") as taken:
        ProjectStore.create(pg_url, labels=["LOC"])
    for err in (empty, taken):
        assert password not in str(err.value) and ":***@" in str(err.value)


def test_without_the_driver_a_postgresql_url_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if psycopg were not installed
    with pytest.raises(AnnotatorError, match=r"E158.*annotator\[postgres\]") as err:
        ProjectStore.open("postgresql://amal:Secret123@db.example.org/ner_team")
    assert "Secret123" not in str(err.value)

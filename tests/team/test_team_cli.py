"""`annotator team ...` as docs/TEAM.md walks a manager through it: members with generated or
given passwords, blind mode, whoami, remove and re-add, sync after a copy; and on a SQLite file."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy.engine import make_url

from annotator.cli import main
from annotator.core.model import SourceDocument
from annotator.store import ProjectStore
from annotator.store.ingest import IngestOptions, ingest


def as_role(url: str, role: str, password: str) -> str:
    return make_url(url).set(username=role, password=password).render_as_string(
        hide_password=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def project_url(pg_url, seed_text):
    with ProjectStore.create(pg_url, labels=["PERS", "LOC"]) as store, store.write() as c:
        ingest(c, [SourceDocument(seed_text, source="seed")], store.project().overlap_policy,
               IngestOptions())
    return pg_url


@pytest.mark.postgres
def test_the_managers_walk_through(project_url, capsys):
    code, out, _ = run(capsys, "team", "add-user", project_url, "cli_amal")
    assert code == 0 and "Added cli_amal (annotator) as database role cli_amal" in out
    generated = re.search(r"Password \(shown once; pass it on privately\): (\S+)", out)
    assert generated is not None
    amal = as_role(project_url, "cli_amal", generated.group(1))
    for name, role in (("cli_badr", "annotator"), ("cli_cora", "curator")):
        code, out, _ = run(capsys, "team", "add-user", project_url, name, "--role", role,
                           "--password", f"{name}-Pa55word")
        assert code == 0 and "Password" not in out  # given, so not printed
    assert run(capsys, "team", "blind", project_url, "on")[1] == "Blind mode on\n"
    code, out, _ = run(capsys, "team", "list", project_url, "--json")
    listed = json.loads(out)
    assert listed["blind"] is True
    assert {(m["name"], m["role"], m["db_role"]) for m in listed["members"]} >= {
        ("cli_amal", "annotator", "cli_amal"), ("cli_badr", "annotator", "cli_badr"),
        ("cli_cora", "curator", "cli_cora")}
    assert run(capsys, "team", "whoami", amal)[1] == \
        "cli_amal (annotator), database role cli_amal\n"
    badr = as_role(project_url, "cli_badr", "cli_badr-Pa55word")
    code, _, err = run(capsys, "team", "add-user", badr, "cli_zaid")  # not the owner
    assert code != 0 and "E155" in err
    code, out, _ = run(capsys, "team", "remove-user", project_url, "cli_badr")
    assert code == 0 and "role cli_badr kept" in out
    code, _, err = run(capsys, "stats", badr)
    assert code != 0 and "E158" in err and "cli_badr-Pa55word" not in err
    assert "Mapped cli_badr" in run(capsys, "team", "add-user", project_url, "cli_badr")[1]
    assert run(capsys, "stats", badr)[0] == 0


@pytest.mark.postgres
def test_a_copied_project_gets_its_team_back_with_sync(project_url, postgres_server, capsys):
    run(capsys, "team", "add-user", project_url, "cli_dina", "--password", "dina-Pa55word")
    run(capsys, "team", "blind", project_url, "on")
    copy_url = postgres_server.owner_url(postgres_server.create_database())
    code, _, err = run(capsys, "db", "copy", project_url, copy_url)
    assert code == 0 and "team sync" in err
    dina = as_role(copy_url, "cli_dina", "dina-Pa55word")
    assert run(capsys, "stats", dina)[0] != 0  # no access to the copy yet
    code, out, _ = run(capsys, "team", "sync", copy_url)
    assert code == 0 and "1 member role(s) joined their groups" in out
    assert run(capsys, "team", "whoami", dina)[1].startswith("cli_dina (annotator)")
    postgres_server.admin(f'DROP DATABASE "{make_url(copy_url).database}" WITH (FORCE)')


def test_on_a_sqlite_file_members_have_no_database_roles(tmp_path, capsys):
    path = str(tmp_path / "p.db")
    ProjectStore.create(path, labels=["LOC"]).close()
    assert run(capsys, "team", "add-user", path, "amal", "--role", "curator")[0] == 0
    code, _, err = run(capsys, "team", "add-user", path, "badr", "--password", "x-Pa55word")
    assert code != 0 and "E152" in err
    listed = json.loads(run(capsys, "team", "list", path, "--json")[1])
    assert {"name": "amal", "role": "curator", "db_role": None} in listed["members"]
    assert "not mapped" in run(capsys, "team", "whoami", path)[1]

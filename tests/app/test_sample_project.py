"""The sample project shows what the tool does: built by the app's first start from a clean copy
of the checkout (as the README's first command does), its seed document opens with the starter
gazetteer's suggestions, once per annotator."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.app.project import Project
from annotator.app.sample import ensure_sample_project, suggest_for_newcomer
from annotator.core.model import SpanState
from annotator.core.operations import RejectSuggestion

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "lavrov_north_korea_ar.txt"


def suggested_texts(path: Path, annotator: str) -> list[tuple[str, str, str]]:
    """(text, label, origin) of ANNOTATOR's suggestions on the seed document of PATH."""
    with sqlite3.connect(path) as c:
        return c.execute(
            "SELECT substr(d.text, s.start + 1, s.\"end\" - s.start), s.label, s.origin "
            "FROM span s JOIN annotation a ON a.id = s.annotation_id "
            "JOIN annotator n ON n.id = a.annotator_id JOIN document d ON d.id = a.document_id "
            "WHERE n.name = ? AND s.state = 'suggested' AND d.source LIKE '%lavrov%'",
            (annotator,)).fetchall()


def test_the_first_start_from_a_clean_copy_builds_the_sample_with_suggestions(tmp_path):
    clone = tmp_path / "clone"
    for part in ("annotator", "seeds", "resources"):
        shutil.copytree(REPO / part, clone / part, ignore=shutil.ignore_patterns("__pycache__"))
    (clone / "corpus").mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "XDG_"))}
    env.update(PYTHONPATH=str(clone), HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    shot = tmp_path / "first.png"
    done = subprocess.run([sys.executable, "-m", "annotator", "gui", "--annotator", "amal",
                           "--screenshot", str(shot)], cwd=clone, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    sample = clone / "corpus" / "sample.db"
    assert sample.exists() and shot.stat().st_size > 10_000
    found = suggested_texts(sample, "amal")
    assert len(found) >= 10
    assert {"موسكو", "أوكرانيا", "كوريا الشمالية"} <= {text for text, _l, _o in found}
    assert {origin for _t, _l, origin in found} == {"gazetteer/project:" + found[0][2].split(":")[1]}
    assert {label for _t, label, _o in found} == {"LOC"}


@pytest.fixture
def sample(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr("annotator.paths.sample_project_path", lambda: tmp_path / "sample.db")
    with Project.open(ensure_sample_project()) as project:
        yield project


def test_each_newcomer_gets_suggestions_once_and_a_decision_stays_made(sample):
    report = suggest_for_newcomer(sample, "amal")
    assert report is not None and report.suggestions.added >= 10
    doc_id = sample.store.document_ids()[0]
    spans = sample.spans(sample.annotation_id(doc_id, "amal"))
    assert all(s.state is SpanState.SUGGESTED for s in spans)
    sample.apply(RejectSuggestion(spans[0].id))
    assert suggest_for_newcomer(sample, "amal") is None  # amal has been here: nothing again
    assert len(sample.spans(sample.annotation_id(doc_id, "amal"))) == len(spans) - 1
    other = suggest_for_newcomer(sample, "badr")  # a second annotator gets their own
    assert other is not None and other.suggestions.added == report.suggestions.added


def test_another_project_is_left_as_it_is(tmp_path):
    with Project.create(tmp_path / "mine.db", labels=["LOC"]) as project:
        assert suggest_for_newcomer(project, "amal") is None
        assert project.annotators() == []

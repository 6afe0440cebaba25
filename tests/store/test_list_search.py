"""What the list's search box finds (migration 0015, `store/list_search.py`): a word of three
characters or more anywhere in the title or source, case aside; a shorter one at the start of
a word (SQLite's word index); punctuation alone by LIKE. The list read from one index alone
(words only, project order) equals the list read through `document`, the indexes follow every
edit of the documents, and a project of revision 0012 with documents upgrades to them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.app.importing import import_paths
from annotator.app.project import DocumentQuery, Project
from annotator.store import schema

ME = "ali"
TITLES = ["في المدينة القديمة", "وفي البيت ماء", "فيها ماء كثير", "(7) Élan Straße", "(70) رقم",
          "((x)) أقواس", "كَتَبَ الولد", "نص بلا شيء"]


def _import(project: Project, folder: Path, titles: list[str]) -> None:
    source = folder / "docs.jsonl"
    source.write_text("".join(json.dumps({"text": t, "source": f"src{i}.txt"},
                                         ensure_ascii=False) + "\n"
                              for i, t in enumerate(titles)), encoding="utf-8")
    import_paths(project, [source])


@pytest.fixture()
def project(tmp_path: Path) -> Project:
    made = Project.create(tmp_path / "p.db", labels=["LOC"])
    _import(made, tmp_path, TITLES)
    yield made
    made.close()


def found(project: Project, words: str, **query: object) -> list[str]:
    """The titles the list shows for WORDS, read by pages, after checking it against the whole
    list read through `document` (the two ways must agree)."""
    asked = DocumentQuery(ME, words=" ".join(words.casefold().split()), **query)  # type: ignore[arg-type]
    whole = list(project.listed_document_ids(asked))
    assert project.listed_count(asked) == len(whole)
    assert project.listed_page(asked, 0, 100) == whole
    assert project.listed_page(asked, 1, 2) == whole[1:3]
    assert [project.listed_row(asked, d) for d in whole] == list(range(len(whole)))
    titles = {s.id: s.title for s in project.document_summaries(ME, whole)}
    return [titles[d] for d in whole]


def test_long_words_are_substrings_and_short_ones_begin_a_word(project: Project) -> None:
    assert found(project, "في") == ["في المدينة القديمة", "فيها ماء كثير"]  # not وفي
    assert found(project, "وفي") == ["وفي البيت ماء"]
    assert found(project, "يها") == ["فيها ماء كثير"]  # 3 characters: anywhere
    # and the source "docs.jsonl:7", whose word "7" begins with 7
    assert found(project, "(7") == ["(7) Élan Straße", "(70) رقم", "كَتَبَ الولد"]
    assert found(project, "7") == found(project, "(7")
    assert found(project, "ما") == ["وفي البيت ماء", "فيها ماء كثير"]
    assert found(project, "ÉLAN") == ["(7) Élan Straße"]  # case aside, beyond ASCII
    assert found(project, "jsonl:3") == ["فيها ماء كثير"]  # the source too
    assert found(project, "d") == found(project, "DOCS") == TITLES  # every source


def test_marks_stay_inside_words_and_punctuation_alone_is_matched_anywhere(
        project: Project) -> None:
    assert found(project, "كَ") == ["كَتَبَ الولد"]
    assert found(project, "((") == ["((x)) أقواس"]
    assert found(project, ")") == ["(7) Élan Straße", "(70) رقم", "((x)) أقواس"]


def test_words_of_both_kinds_together_and_other_filters(project: Project) -> None:
    assert found(project, "ماء في") == ["فيها ماء كثير"]  # a long and a short word
    assert found(project, "في ماء") == ["فيها ماء كثير"]
    assert found(project, "في", descending=True) == ["فيها ماء كثير", "في المدينة القديمة"]
    assert found(project, "في", sort="title") == ["في المدينة القديمة", "فيها ماء كثير"]
    assert found(project, "في", status="new") == ["في المدينة القديمة", "فيها ماء كثير"]
    assert found(project, "في", status="done") == []
    assert found(project, "nothing-like-this") == []


def test_the_indexes_follow_every_edit_of_the_documents(project: Project) -> None:
    with project.store.write() as c:
        c.exec_driver_sql("UPDATE document SET text = 'من جديد', length = 7 "
                          "WHERE text = 'نص بلا شيء'")
        c.exec_driver_sql("UPDATE document SET source = 'renamed.txt' "
                          "WHERE source = 'docs.jsonl:1'")
    assert found(project, "من") == ["من جديد"]
    assert found(project, "بلا") == []
    assert found(project, "renamed") == ["في المدينة القديمة"]
    assert found(project, "jsonl:1") == []
    with project.store.write() as c:
        c.exec_driver_sql("UPDATE document SET position = 100 WHERE text = 'فيها ماء كثير'")
        c.exec_driver_sql("DELETE FROM document WHERE text = 'وفي البيت ماء'")
    assert found(project, "ماء") == ["فيها ماء كثير"]
    assert found(project, "في") == ["في المدينة القديمة", "فيها ماء كثير"]
    with project.store.engine.connect() as c:
        counts = [c.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
                  for t in ("document", "document_search", "document_words")]
    assert counts == [len(TITLES) - 1] * 3


def test_a_project_of_revision_0012_with_documents_upgrades(project: Project) -> None:
    from alembic import command

    location = project.store.url
    with project.store.engine.begin() as c:  # back to 0012, documents kept
        command.downgrade(schema._alembic_config(c), "0012")
    with project.store.engine.connect() as c:
        assert c.exec_driver_sql("SELECT count(*) FROM document_search_content").scalar() == len(
            TITLES)  # 0012's trigram index, keyed by id
        assert c.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name = "
                                 "'document_words'").scalar() == 0
    project.close()
    reopened = Project.open(location)
    try:
        assert schema.current_revision(reopened.store.engine) == schema.HEAD == "0015"
        assert found(reopened, "في") == ["في المدينة القديمة", "فيها ماء كثير"]
        assert found(reopened, "وفي") == ["وفي البيت ماء"]
        with reopened.store.write() as c:
            c.exec_driver_sql("DELETE FROM document WHERE text = 'وفي البيت ماء'")
        assert found(reopened, "وفي") == []
    finally:
        reopened.close()

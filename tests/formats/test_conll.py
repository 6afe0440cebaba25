"""CoNLL import and export: real ANERcorp data, layouts, schemes, exact text, hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest
from format_helpers import contents, export_import, make_project

from annotator.app.exporting import ExportOptions, export_project
from annotator.app.importing import import_paths
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.formats.registry import ReadOptions
from annotator.formats.writing import WriteOptions
from annotator.store.ingest import IngestOptions


@pytest.fixture
def store(tmp_path):
    s = Project.create(tmp_path / "p.db", labels=["PERS", "LOC", "ORG", "MISC", "PER"])
    yield s
    s.close()


def token_lines(path: Path) -> list[str]:
    """Token and tag of every line (blank lines kept, -DOCSTART- lines dropped)."""
    lines = path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
    out = []
    for line in lines:
        if line.startswith("-DOCSTART-"):
            continue
        columns = line.split()
        out.append(f"{columns[0]} {columns[-1]}" if columns else "")
    return "\n".join(out).strip("\n").split("\n")


def test_anercorp_round_trip_gives_the_same_tokens_and_tags(store, tmp_path, shared_data):
    source = shared_data / "arabic" / "anercorp_sample.conll"
    report = import_paths(store, [source])
    assert report.formats[str(source)] == "conll"
    assert report.ingest.spans_added == 617 + 483 + 272 + 171
    out = tmp_path / "out.conll"
    export = export_project(store, out, ExportOptions(format="conll", write=WriteOptions(docstart=True)))
    assert token_lines(out) == token_lines(source)
    assert export.token_splits == [] and export.misaligned == []
    assert out.read_text(encoding="utf-8").startswith("-DOCSTART- O\n\n")


@pytest.mark.parametrize("scheme", ["iob1", "bilou"])
def test_anercorp_through_another_scheme_and_back(store, tmp_path, shared_data, scheme):
    source = shared_data / "arabic" / "anercorp_sample.conll"
    import_paths(store, [source])
    other = tmp_path / f"out.{scheme}"
    export_project(store, other, ExportOptions(format="conll", write=WriteOptions(scheme=scheme)))
    if scheme == "bilou":
        assert "U-LOC" in other.read_text(encoding="utf-8")
    second = Project.create(tmp_path / "second.db", labels=["PERS", "LOC", "ORG", "MISC"])
    notes = import_paths(second, [other], "conll").notes
    assert any(f"scheme {scheme} (detected)" in m for m in notes.messages)
    back = tmp_path / "back.conll"
    export_project(second, back, ExportOptions(format="conll"))
    assert token_lines(back) == token_lines(source)


LAYOUTS = {
    "space_lf": "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n",
    "tab_crlf": "EU\tB-ORG\r\nrejects\tO\r\nGerman\tB-MISC\r\n\r\nPeter\tB-PER\r\nBlackburn\tI-PER\r\n",
    "three_columns_no_final_newline": "EU NNP B-ORG\nrejects VBZ O\nGerman JJ B-MISC\n\n\n\nPeter NNP B-PER\nBlackburn NNP I-PER",
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_layouts(store, tmp_path, layout):
    path = tmp_path / f"{layout}.conll"
    path.write_bytes(LAYOUTS[layout].encode("utf-8"))
    import_paths(store, [path], "conll", ReadOptions(), IngestOptions(create_labels=True))
    [(text, spans)] = contents(store)
    assert text == "EU rejects German\nPeter Blackburn"
    assert [(text[s.start:s.end], s.label) for s in spans] == [
        ("EU", "ORG"), ("German", "MISC"), ("Peter Blackburn", "PER")]


def test_split_per_sentence_and_invalid_tags_counted(store, tmp_path):
    path = tmp_path / "bad.conll"
    path.write_text("a O\nb I-PER\nc I-PER\n\nd B-PER\ne I-LOC\n", encoding="utf-8")
    report = import_paths(store, [path], "conll", ReadOptions(split="sentence"),
                          IngestOptions(create_labels=True))
    assert report.ingest.added == 2
    assert report.notes.counts == {
        "conll: I-/L- tags opening an entity, read as its start (conlleval)": 2}
    docs = contents(store)
    assert [(t[s.start:s.end], s.label) for t, spans in docs for s in spans] == [
        ("b c", "PER"), ("d", "PER"), ("e", "LOC")]


def test_space_column_gives_back_the_exact_text(tmp_path):
    text = "  قال لافروف:\tموسكو.\r\n\r\nكيم جونغ أون 😀  في وونسان \n"
    spans = [("لافروف", "PERS"), ("موسكو", "LOC"), ("كيم جونغ أون", "PERS"), ("وونسان", "LOC")]
    from annotator.core.model import Span

    marked = [Span(text.index(m), text.index(m) + len(m), label) for m, label in spans]
    store = make_project(tmp_path / "a.db", [(text, marked)])
    back = export_import(store, tmp_path, "conll",
                         write=WriteOptions(docstart=True, columns=("start", "end", "space")))
    assert contents(back) == [(text, sorted(marked))]


@pytest.mark.parametrize("body,line,what", [
    ("a O\nb B-PER extra\n", 2, "E216"),  # wrong column count
    ("a O\nlonely\n", 2, "E216"),
    ("lonely\n", 1, "E211"),
    ("a O\nb B-\n", 2, "E211"),  # a tag without a type
    ("a O\nb Q\n\nc X-Y-\n", None, None),  # unprefixed tags: read as I-
])
def test_hostile_conll_names_file_and_line_and_changes_nothing(store, tmp_path, body, line, what):
    path = tmp_path / "hostile.conll"
    path.write_text(body, encoding="utf-8")
    before = store.document_count()
    if what is None:
        import_paths(store, [path], "conll", ReadOptions(), IngestOptions(create_labels=True))
        return
    with pytest.raises(AnnotatorError) as err:
        import_paths(store, [path], "conll")
    assert what in str(err.value) and f"line {line}" in str(err.value) and "hostile.conll" in str(err.value)
    assert store.document_count() == before


def test_unknown_label_and_binary_file(store, tmp_path):
    path = tmp_path / "x.conll"
    path.write_text("Paris B-CITY\n", encoding="utf-8")
    with pytest.raises(AnnotatorError, match="E214.*CITY"):
        import_paths(store, [path], "conll")
    binary = tmp_path / "b.conll"
    binary.write_bytes(b"\x00\x01\x02BINARY\x00" * 100)
    with pytest.raises(AnnotatorError, match="E202"):
        import_paths(store, [binary], "conll")
    assert store.document_count() == 0

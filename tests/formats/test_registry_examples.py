"""Every format is registered with a reader and a writer, and has a golden example file under
examples/: importing it gives the expected documents, and exporting them gives the file back."""

from __future__ import annotations

from pathlib import Path

import pytest
from format_helpers import contents, make_project

from annotator.app.exporting import ExportOptions, export_project
from annotator.app.importing import import_paths
from annotator.app.project import Project
from annotator.core.model import Span
from annotator.formats.registry import load_formats, readable_formats, writable_formats
from annotator.formats.writing import WriteOptions

EXAMPLES = Path(__file__).parent / "examples"
FILES = {
    "conll": "example.conll", "spacy": "example.spacy", "jsonl": "example.jsonl",
    "doccano": "example.doccano.jsonl", "prodigy": "example.prodigy.jsonl",
    "labelstudio": "example.labelstudio.json", "brat": "brat",
}
TEXTS = ["قال لافروف في موسكو. 😀 زار كيم جونغ أون لكوريا الشمالية.",
         "Peter Blackburn visited Paris."]
MENTIONS = [[("لافروف", "PERS"), ("موسكو", "LOC"), ("كيم جونغ أون", "PERS"), ("كوريا الشمالية", "LOC")],
            [("Peter Blackburn", "PERS"), ("Paris", "LOC")]]


def expected() -> list[tuple[str, list[Span]]]:
    return [(text, sorted(Span(text.index(m), text.index(m) + len(m), label) for m, label in mentions))
            for text, mentions in zip(TEXTS, MENTIONS, strict=True)]


def test_registry_lists_every_format_with_reader_and_writer():
    formats = load_formats()
    for name in FILES:
        assert formats[name].reader is not None and formats[name].writer is not None, name
    assert set(FILES) <= set(readable_formats()) and set(FILES) <= set(writable_formats())
    assert formats["brat"].reads_folders and formats["brat"].writes_folders
    assert formats["spacy"].needs_tokens and not formats["doccano"].needs_tokens


@pytest.mark.parametrize("fmt", sorted(FILES))
def test_golden_example_imports(tmp_path, fmt):
    store = Project.create(tmp_path / "p.db", labels=["PERS", "LOC"])
    report = import_paths(store, [EXAMPLES / FILES[fmt]])  # format detected
    assert set(report.formats.values()) == {fmt}
    if fmt == "conll":  # CoNLL keeps tokens, not the exact spacing
        assert [" ".join(t.split()) for t, _ in contents(store)] == [
            "قال لافروف في موسكو . 😀 زار كيم جونغ أون ل كوريا الشمالية .",
            "Peter Blackburn visited Paris ."]
        return
    assert contents(store) == expected()


@pytest.mark.parametrize("fmt", sorted(set(FILES) - {"spacy"}))
def test_exporting_gives_the_golden_file_back(tmp_path, fmt):
    store = make_project(tmp_path / "p.db", expected(), labels=["PERS", "LOC"])
    out = tmp_path / "out"
    export_project(store, out, ExportOptions(format=fmt, write=WriteOptions(docstart=True)))
    golden = EXAMPLES / FILES[fmt]
    if fmt == "brat":
        produced = {p.name.replace("000001", "1").replace("000002", "2"): p.read_text(encoding="utf-8")
                    for p in out.iterdir()}
        assert produced == {p.name: p.read_text(encoding="utf-8") for p in golden.iterdir()}
    else:
        assert out.read_text(encoding="utf-8") == golden.read_text(encoding="utf-8")

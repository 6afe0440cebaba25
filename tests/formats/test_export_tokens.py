"""Export tokens without spaCy Docs: the same tokens as doc_from_offsets, the same DocBin bytes
as spaCy's DocBin, and the invisible-mark rules (a recorded mark token is a word and survives a
CoNLL round trip; a mark between project tokens is a gap, never a CoNLL line, never an entity
edge)."""

from __future__ import annotations

import zlib

import pytest
from format_helpers import make_project
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import DocBin

from annotator.app.exporting import ExportOptions, export_project
from annotator.app.importing import import_paths
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.formats import spacy_docbin
from annotator.formats.alignment import align
from annotator.formats.spacy_docbin import DocBinWriter
from annotator.formats.tokens import tokens_from_offsets
from annotator.formats.writing import ExportDocument, WriteOptions
from annotator.text.tokenizer import ProjectTokenizer, doc_from_offsets

TOKENIZER = ProjectTokenizer("ar", ["كوريا"])
PIECES = ["كلمة", "لكوريا", "Hello", "x", "موسكو.", "😀", " ", "  ", "\n", "\r\n", "\t", "\u200f",
          " \u200f", "\u200f ", "\n\n", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_tokens_are_those_of_doc_from_offsets(pieces):
    text = "".join(pieces)
    offsets = TOKENIZER.token_offsets(text)
    doc = doc_from_offsets(TOKENIZER.vocab, text, offsets)
    tokens = tokens_from_offsets(text, offsets, TOKENIZER.vocab)
    assert tokens.starts == [t.idx for t in doc]
    assert tokens.ends == [t.idx + len(t) for t in doc]
    assert tokens.spaces == [bool(t.whitespace_) for t in doc]
    assert tokens.words() == [t.text for t in doc]
    assert {tokens.starts[i] for i in tokens.gaps} | {s for s, _e in offsets} == set(tokens.starts)
    assert tokens.to_doc().text == text


TEXTS = ["لكوريا  Hello\n\nWorld \u200fموسكو.", "", " ", "x", "ABC def ghi " * 40, "\u200f كلمة \u200f"]


@pytest.mark.parametrize("repeat_chunk", [4096, 7])  # 7: per-document entries cut in chunks
@pytest.mark.parametrize("count", [1, 3, 20, 300])  # msgpack headers change size at 16 and 256
def test_docbin_writer_writes_the_bytes_spacy_writes(tmp_path, count, repeat_chunk, monkeypatch):
    monkeypatch.setattr(spacy_docbin, "_REPEAT_CHUNK", repeat_chunk)
    path = tmp_path / "out.spacy"
    writer = DocBinWriter(path, WriteOptions())
    reference = DocBin()
    for i in range(count):
        text = TEXTS[i % len(TEXTS)]
        spans = [Span(1, 6, "LOC"), Span(8, 13, "ORG")] if text.startswith("لكوريا") else []
        aligned = align(i, "s", text, spans, TOKENIZER)
        assert len(aligned.spans) == len(spans)
        writer.write(ExportDocument(i, "s", text, {}, aligned.spans, aligned.tokens))
        reference.add(aligned.tokens.to_doc())
    assert writer.close() == [path]
    assert zlib.decompress(path.read_bytes()) == zlib.decompress(reference.to_bytes())
    docs = list(DocBin().from_disk(path).get_docs(TOKENIZER.vocab))
    assert [d.text for d in docs] == [TEXTS[i % len(TEXTS)] for i in range(count)]
    assert [(e.text, e.label_) for e in docs[0].ents] == [("كوريا", "LOC"), ("Hello", "ORG")]


def test_a_split_inside_a_word_is_listed_once_and_gaps_are_never_split():
    text = "قال لموسكو\u200f\u200fو"  # موسكو is not in the lexicon: لموسكو is one token
    spans = [Span(5, 10, "LOC"), Span(11, 13, "MISC")]  # the second starts between the marks
    aligned = align(1, "s", text, spans, TOKENIZER)
    assert [(s.offset, s.token) for s in aligned.splits] == [(5, "لموسكو")]
    assert [(p.start, p.reason) for p in aligned.problems] == [
        (11, "a span edge falls inside a token")]
    assert [(text[aligned.tokens.starts[a]:aligned.tokens.ends[b - 1]], label)
            for a, b, label in aligned.tokens.entities] == [("موسكو", "LOC")]


def test_a_span_starting_with_an_invisible_mark_between_words_is_reported():
    text = "قال \u200fموسكو اليوم"
    aligned = align(1, "s", text, [Span(4, 10, "LOC")], TOKENIZER)
    assert aligned.spans == [] and [(p.start, p.end) for p in aligned.problems] == [(4, 10)]
    assert "invisible mark" in aligned.problems[0].reason
    assert align(1, "s", text, [Span(5, 10, "LOC")], TOKENIZER).spans == [Span(5, 10, "LOC")]


def test_a_recorded_mark_token_is_a_word_and_may_end_an_entity(tmp_path):
    """ANERcorp has tokens made only of U+200F; one inside an entity comes back as it was."""
    source = tmp_path / "in.conll"
    source.write_text("قال O\nجامعة B-ORG\nحلوان I-ORG\n\u200f I-ORG\n. O\n\n\u200f O\nتم O\n\n",
                      encoding="utf-8")
    store = Project.create(tmp_path / "p.db", labels=["ORG"])
    import_paths(store, [source], "conll")
    out = tmp_path / "out.conll"
    report = export_project(store, out, ExportOptions(format="conll"))
    assert out.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
    assert report.misaligned == [] and report.token_splits == []


def test_marks_between_project_tokens_are_no_conll_lines(tmp_path):
    """An RLM before a space (common in web Arabic) used to be written as a token holding the
    separator, which stopped the export; it is text between tokens, like a space."""
    text = "زار لافروف\u200f موسكو\u200f"
    store = make_project(tmp_path / "p.db", [(text, [Span(4, 10, "PERS"), Span(12, 17, "LOC")])])
    out = tmp_path / "out.conll"
    export_project(store, out, ExportOptions(format="conll"))
    assert out.read_text(encoding="utf-8") == "زار O\nلافروف B-PERS\nموسكو B-LOC\n\n"
    spaced = tmp_path / "spaced.conll"
    export_project(store, spaced, ExportOptions(format="conll",
                                                write=WriteOptions(columns=("space",))))
    back = Project.create(tmp_path / "back.db", labels=["PERS", "LOC"])
    import_paths(back, [spaced], "conll")
    assert back.document_text(back.document_ids()[0]) == text  # exact with the space column


def test_span_edges_on_marks_stop_the_export(tmp_path):
    store = make_project(tmp_path / "p.db", [("قال \u200fموسكو", [Span(4, 10, "LOC")])])
    with pytest.raises(AnnotatorError) as error:
        export_project(store, tmp_path / "out.spacy", ExportOptions(format="spacy"))
    assert "invisible mark" in str(error.value.details["first"])
    report = export_project(store, tmp_path / "out.spacy",
                            ExportOptions(format="spacy", skip_misaligned=True))
    assert [(p.start, p.end) for p in report.misaligned] == [(4, 10)] and report.spans == 0


@pytest.mark.parametrize("count", [1, 20, 300])
def test_docbin_writer_packs_nested_span_groups_as_spacy_does(tmp_path, count):
    """doc.spans (nested spans under the span key) packed without a Doc: the same bytes as
    spaCy's DocBin of Docs whose doc.spans hold them."""
    from spacy.tokens import Span as SpacySpan

    path = tmp_path / "out.spacy"
    options = WriteOptions()
    writer = DocBinWriter(path, options)
    reference = DocBin(store_user_data=False)
    for i in range(count):
        text = TEXTS[i % len(TEXTS)]
        spans = [Span(1, 6, "LOC"), Span(8, 13, "ORG")] if text.startswith("لكوريا") else []
        aligned = align(i, "s", text, spans, TOKENIZER)
        tokens = aligned.tokens
        if spans:  # a nested pair too: the whole of the first two words, and each of them
            tokens.spans = [*tokens.entities, (tokens.entities[0][0], tokens.entities[1][1], "MISC")]
        writer.write(ExportDocument(i, "s", text, {}, aligned.spans, tokens))
        doc = tokens.to_doc()
        if tokens.spans:
            doc.spans[options.span_key] = [SpacySpan(doc, first, last, label=label)
                                           for first, last, label in tokens.spans]
        reference.add(doc)
    writer.close()
    assert zlib.decompress(path.read_bytes()) == zlib.decompress(reference.to_bytes())
    docs = list(DocBin().from_disk(path).get_docs(TOKENIZER.vocab))
    assert [(s.text, s.label_) for s in docs[0].spans[options.span_key]] == [
        ("كوريا", "LOC"), ("Hello", "ORG"), ("كوريا  Hello", "MISC")]

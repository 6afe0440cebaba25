"""Multi-tag CoNLL (Wojood layout `token TAG [TAG ...]`): every tag column read as a layer of
(nested) entities, a different number of tags per line allowed; constant-column files as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from format_helpers import contents, make_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.app.exporting import ExportOptions, export_project
from annotator.app.importing import import_paths
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError, E
from annotator.core.model import OverlapPolicy, Span
from annotator.formats.conll import is_bio_tag, nesting
from annotator.formats.conll_writer import stack_layers
from annotator.formats.schemes import Chunk
from annotator.store.ingest import IngestOptions


def nested_project(path: Path) -> Project:
    return Project.create(path, labels=["PERS", "LOC", "ORG", "GPE", "OCC"],
                          overlap_policy=OverlapPolicy.ALLOW)


def test_wojood_sample_imports_every_entity_and_reports_the_nesting(tmp_path, shared_data):
    source = shared_data / "arabic" / "wojood_sample_train.txt"
    project = nested_project(tmp_path / "w.db")
    report = import_paths(project, [source], "conll", ingest_options=IngestOptions(create_labels=True))
    assert report.ingest.spans_added == 2883
    # the file holds 571 B- tags in its second to fourth tag columns: each one an inner entity
    message = next(m for m in report.notes.messages if "multi-tag" in m)
    assert "2883 entities, 571 of them inside another entity, nested up to 4 deep" in message
    assert "1: 2312, 2: 515, 3: 55, 4: 1" in message
    project.close()


def test_one_to_three_tags_a_token(tmp_path):
    source = tmp_path / "nested.conll"
    source.write_text("سكرتير B-OCC\nاللجنة I-OCC B-ORG\nفي I-OCC I-ORG\nنابلس I-OCC I-ORG B-GPE\n"
                      "قال O\n\nزار O\nسامي B-PERS\n", encoding="utf-8")
    project = nested_project(tmp_path / "p.db")
    import_paths(project, [source])
    [(text, spans)] = contents(project)
    assert text == "سكرتير اللجنة في نابلس قال\nزار سامي"
    found = {(text[s.start:s.end], s.label) for s in spans}
    assert found == {("سكرتير اللجنة في نابلس", "OCC"), ("اللجنة في نابلس", "ORG"),
                     ("نابلس", "GPE"), ("سامي", "PERS")}
    project.close()


def test_constant_columns_still_need_the_same_count(tmp_path):
    source = tmp_path / "c.conll"
    source.write_text("EU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP\n", encoding="utf-8")
    project = nested_project(tmp_path / "p.db")
    with pytest.raises(AnnotatorError) as err:
        import_paths(project, [source], "conll")
    assert err.value.code is E.E216
    project.close()


def test_a_constant_pos_column_is_not_read_as_tags():
    assert not is_bio_tag("NNP") and not is_bio_tag("B-") and is_bio_tag("B-LOC")
    assert is_bio_tag("O") and is_bio_tag("I_ORG") and is_bio_tag("E-GPE")


def test_nesting_counts_containment_and_depth():
    chunks = [Chunk(0, 4, "OCC"), Chunk(1, 4, "ORG"), Chunk(3, 4, "GPE"), Chunk(5, 6, "PERS")]
    assert nesting(chunks) == (2, 3)
    assert nesting([Chunk(0, 2, "A"), Chunk(0, 2, "B")]) == (1, 2)
    assert nesting([]) == (0, 0)


# ------------------------------------------------------------------------------- export
def round_trip(project: Project, tmp_path: Path, name: str) -> tuple[Path, Project]:
    out = tmp_path / f"{name}.conll"
    report = export_project(project, out, ExportOptions(format="conll"))
    assert report.misaligned == []
    back = Project.create(tmp_path / f"{name}-back.db", overlap_policy=OverlapPolicy.ALLOW)
    import_paths(back, [out], "conll", ingest_options=IngestOptions(create_labels=True))
    return out, back


def test_wojood_exports_the_same_tokens_sentences_and_entities(tmp_path, shared_data):
    source = shared_data / "arabic" / "wojood_sample_train.txt"
    project = nested_project(tmp_path / "w.db")
    import_paths(project, [source], "conll", ingest_options=IngestOptions(create_labels=True))
    out, back = round_trip(project, tmp_path, "w")
    assert contents(back) == contents(project)
    original = [line.split() for line in source.read_text(encoding="utf-8").splitlines()]
    written = [line.split() for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row[:1] for row in written[:len(original)]] == [row[:1] for row in original]
    differing = [n for n, (a, b) in enumerate(zip(original, written, strict=False)) if a != b]
    assert len(differing) == 1  # the one I-FAC that opens an entity, written back as B-FAC
    assert original[differing[0]][1] == "I-FAC" and written[differing[0]][1] == "B-FAC"
    project.close()
    back.close()


@st.composite
def nested_sentences(draw: st.DrawFn) -> tuple[list[str], list[tuple[int, int, str]]]:
    words = draw(st.lists(st.sampled_from(["مدينة", "البيرة", "Paris", "في", "٢٠٢٦", "جامعة"]),
                          min_size=1, max_size=8))
    chunks: set[tuple[int, int, str]] = set()
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, len(words) - 1))
        end = draw(st.integers(start + 1, len(words)))
        chunks.add((start, end, draw(st.sampled_from(["LOC", "ORG", "GPE"]))))
    return words, sorted(chunks)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(nested_sentences())
def test_nested_and_overlapping_spans_round_trip(tmp_path_factory, sentence):
    tmp_path = tmp_path_factory.mktemp("h")
    words, chunks = sentence
    starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    text = " ".join(words)
    spans = [Span(starts[a], starts[b - 1] + len(words[b - 1]), label) for a, b, label in chunks]
    project = make_project(tmp_path / "p.db", [(text, spans)], labels=["LOC", "ORG", "GPE"],
                           overlap=OverlapPolicy.ALLOW)
    _out, back = round_trip(project, tmp_path, "h")
    [(back_text, back_spans)] = contents(back)
    assert back_text == text
    assert sorted(back_spans) == sorted(set(spans))
    project.close()
    back.close()


def test_stack_layers_puts_outer_entities_first():
    outer, inner, after = Chunk(0, 4, "OCC"), Chunk(1, 3, "ORG"), Chunk(4, 5, "GPE")
    assert stack_layers([inner, after, outer]) == [[outer, after], [inner]]


def test_an_empty_token_in_a_multi_tag_file_is_skipped_and_its_line_reported(tmp_path):
    source = tmp_path / "e.conll"
    source.write_text("Paris\tB-LOC\n\tO\tB-LOC\nis\tO\n", encoding="utf-8")
    project = nested_project(tmp_path / "p.db")
    report = import_paths(project, [source], "conll")
    assert any("1 line(s) with an empty token skipped (tags O B-LOC), lines 2" in m
               for m in report.notes.messages)
    assert contents(project) == [("Paris is", [Span(0, 5, "LOC")])]
    project.close()

"""Multi-tag CoNLL (Wojood layout `token TAG [TAG ...]`): every tag column read as a layer of
(nested) entities, a different number of tags per line allowed; constant-column files as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from format_helpers import contents

from annotator.app.importing import import_paths
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError, E
from annotator.core.model import OverlapPolicy
from annotator.formats.conll import is_bio_tag, nesting
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

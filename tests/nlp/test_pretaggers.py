"""spaCy pre-taggers: scores stored where the pipeline gives one, origins with name and version."""

from __future__ import annotations

import spacy
from pretag_support import add_plain_documents, make_project
from spacy.language import Language
from spacy.tokens import Span

from annotator.app.pretagging import pretag_documents
from annotator.nlp.pretaggers import SpacyPretagger

TEXT = "زار لافروف كوريا ومصر"  # tokens: زار لافروف كوريا ومصر


@Language.component("test_scored_entities")
def scored_entities(doc):  # type: ignore[no-untyped-def]
    """Entities lafrov (PERS) and korea (LOC); a span group scores lafrov only."""
    doc.ents = [Span(doc, 1, 2, "PERS"), Span(doc, 2, 3, "LOC")]
    doc.spans["sc"] = [Span(doc, 1, 2, "PERS"), Span(doc, 3, 4, "LOC")]
    doc.spans["sc"].attrs["scores"] = [0.875, 0.5]
    doc.spans["unscored"] = [Span(doc, 2, 3, "LOC")]
    return doc


def _pipeline():  # type: ignore[no-untyped-def]
    nlp = spacy.blank("ar")
    nlp.add_pipe("test_scored_entities", name="ner")
    nlp.meta.update(name="scored", version="1.2.3")
    return nlp


def test_scores_from_span_groups_and_the_origin_names_pipeline_and_version(tmp_path):
    pretagger = SpacyPretagger(_pipeline(), "scored")
    assert pretagger.origin == "spacy/ar_scored:1.2.3"
    [found] = list(pretagger.suggest([TEXT]))
    assert [(s.start, s.end, s.label, s.score) for s in found] == [
        (4, 10, "PERS", 0.875), (11, 16, "LOC", None)]

    store = make_project(tmp_path / "p.db", [], labels=["PERS", "LOC"])
    add_plain_documents(store, [TEXT])
    pretag_documents(store, pretagger, annotator="amal")
    stored = store.spans(store.annotation_id(1, "amal"))
    assert [(s.label, s.score, s.origin) for s in stored] == [
        ("PERS", 0.875, "spacy/ar_scored:1.2.3"), ("LOC", None, "spacy/ar_scored:1.2.3")]


def test_a_score_extension_on_entities_wins():
    registered_before = Span.has_extension("score")  # other test modules register it too
    Span.set_extension("score", default=None, force=True)
    try:
        nlp = _pipeline()

        @Language.component("test_entity_score_extension")
        def set_scores(doc):  # type: ignore[no-untyped-def]
            for entity in doc.ents:
                entity._.score = 0.25
            return doc

        nlp.add_pipe("test_entity_score_extension")
        [found] = list(SpacyPretagger(nlp, "scored").suggest([TEXT]))
        assert [s.score for s in found] == [0.25, 0.25]
    finally:
        if not registered_before:
            Span.remove_extension("score")

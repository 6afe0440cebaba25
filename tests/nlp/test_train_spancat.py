"""`annotator train` on a project with nested spans trains spaCy's span categorizer (spancat,
doc.spans["sc"]), reports per-label P/R/F1 as for ner, and the trained pipeline used as a
pre-tagger suggests nested spans."""

from __future__ import annotations

from pretag_support import make_project

from annotator.app.pretagging import pretag_documents
from annotator.app.training import TrainOptions, train_model
from annotator.core.model import OverlapPolicy, Span
from annotator.nlp.pretaggers import load_pretagger

CITIES = ["القاهرة", "نابلس", "بيروت", "دمشق", "عمان", "تونس"]
VERBS = ["درس", "عمل", "تخرج", "حاضر"]
TINY = TrainOptions(max_epochs=30, width=32, depth=2, embed_rows=(2000, 500, 500, 500),
                    eval_frequency=20, seed=1, holdout=0.25)


def _sentence(n: int) -> tuple[str, list[Span]]:
    verb, city = VERBS[n % len(VERBS)], CITIES[n % len(CITIES)]
    text = f"{verb} في جامعة {city} ثم عاد ."
    start = text.index("جامعة")
    end = start + len("جامعة ") + len(city)
    return text, [Span(start, end, "ORG"), Span(end - len(city), end, "LOC")]


def test_nested_spans_train_a_spancat_that_suggests_nested_spans(tmp_path):
    project = make_project(tmp_path / "p.db", [_sentence(n) for n in range(40)],
                           labels=["ORG", "LOC"], overlap_policy=OverlapPolicy.ALLOW)
    report = train_model(project, tmp_path / "model", TINY)
    assert report.pipeline == "spancat" and report.span_key == "sc"
    assert report.labels == ["LOC", "ORG"] and set(report.scores) == {"LOC", "ORG"}
    assert report.scores["ORG"].support == report.scores["LOC"].support == report.documents["test"]
    assert report.overall is not None and report.overall.f1 > 0.5
    pretagger = load_pretagger("spacy", str(tmp_path / "model"))
    assert pretagger.labels() == ["LOC", "ORG"]
    text = "درس في جامعة دمشق ثم عاد ."
    found = {(text[s.start:s.end], s.label) for s in next(iter(pretagger.suggest([text])))}
    assert {("جامعة دمشق", "ORG"), ("دمشق", "LOC")} <= found
    # into the project: the nested suggestions are stored (the policy allows them)
    stored = pretag_documents(project, pretagger, annotator="badr")
    distinct = project.document_count()  # 12: identical texts are one document
    assert stored.documents_tagged == distinct and stored.suggestions.added >= 2 * distinct
    assert stored.suggestions.overlapping_suggested == 0
    project.close()


def test_flat_spans_still_train_ner(tmp_path):
    documents = [(t, [s[0]]) for t, s in (_sentence(n) for n in range(12))]
    project = make_project(tmp_path / "p.db", documents, labels=["ORG", "LOC"])
    report = train_model(project, tmp_path / "model", TrainOptions(
        max_epochs=2, width=32, depth=2, embed_rows=(2000, 500, 500, 500), eval_frequency=20))
    assert report.pipeline == "ner" and "ORG" in report.scores
    project.close()

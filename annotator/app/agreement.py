"""Agreement over a project: the measures' input read from the store (streamed), computed by
`annotator.agreement`. What `annotator agreement` and the app's Agreement view call.

Rules (the same for the CLI, the app and the HTML report):

* an annotator's annotation of a document counts only when its status is done; any other
  status (new, in progress, skipped) or no annotation at all makes it MISSING for that
  annotator (never "all O");
* only accepted spans count; suggestions a person has not confirmed are not annotations;
* the adjudicated gold set (annotator "gold") is never compared;
* a document is handed in when at least one of the compared annotators finished it (the
  report counts documents by how many finished them); documents nobody finished are left out;
* tokens are those of the project tokenizer (`ProjectTokenizer(language).token_offsets`), the
  tokens the editor snaps selections to.

`project_agreement` reads the input as columns in a fixed number of statements, with each
document's tokens kept in the store once made (`agreement_columns`, `store.finished_columns`):
arrays of the whole project (at 1M tokens 25 MB, with a peak of 95 MB while reading). `agreement_documents`
streams documents in batches in project order, tokenizing each text; a caller with its own
tokenizer (TOKENIZE) goes that way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from annotator.agreement import (
    CSV_COLUMNS,
    AgreementDocument,
    AgreementReport,
    CorpusColumns,
    Figure,
    GammaOptions,
    PairAgreement,
    compute_agreement,
)
from annotator.agreement.bootstrap import Interval
from annotator.agreement.text_report import format_report
from annotator.agreement.weighted import WEIGHTS, check_weights
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError, E
from annotator.core.model import GOLD_ANNOTATOR
from annotator.store.finished import (
    annotators_with_finished_work,
    documents_finished,
    finished_by,
    finished_spans,
    texts,
    titles,
)
from annotator.store.finished_columns import ReadCounts, finished_columns
from annotator.text.token_key import tokenizer_key
from annotator.text.tokenizer import ProjectTokenizer

__all__ = ["CSV_COLUMNS", "WEIGHTS", "AgreementReport", "Figure", "GammaOptions", "Interval",
           "PairAgreement", "ReadCounts", "agreement_annotators", "agreement_columns",
           "agreement_documents", "agreement_weights",
           "check_labels", "set_agreement_weights", "document_titles", "format_report", "project_agreement",
           "project_tokenize", "render_html"]

Tokenize = Callable[[str], Sequence[tuple[int, int]]]
BATCH = 200
WEIGHTS_SETTING = "agreement_weights"  # the project's label set is ordered: AC2's weights


def render_html(report: AgreementReport, *, titles: Mapping[int, str] | None = None,
                lang: str = "en", title: str = "", worst: int = 20) -> str:
    """The self-contained HTML report (`agreement.html_report.render_html`), imported only
    when a page is asked for: the command line's other outputs do without it."""
    from annotator.agreement.html_report import render_html as render

    return render(report, titles=titles, lang=lang, title=title, worst=worst)


def agreement_weights(project: Project) -> str | None:
    """The weights of Gwet's AC2 the project declares (its labels in their order are an
    ordered scale after "O"), or None: the labels are nominal, no AC2. E514 if the setting
    names unknown weights."""
    value = project.info().settings.get(WEIGHTS_SETTING)
    return None if value is None else check_weights(str(value))


def set_agreement_weights(project: Project, weights: str | None) -> None:
    """Declare the label set ordered with WEIGHTS for AC2 (None: nominal again)."""
    project.update_settings(**{WEIGHTS_SETTING: None if weights is None
                               else check_weights(weights)})


def project_tokenize(language: str) -> Tokenize:
    """Token offsets of the project tokenizer for LANGUAGE (one tokenizer, its cache shared)."""
    return ProjectTokenizer(language).token_offsets


def agreement_annotators(project: Project) -> list[str]:
    """Annotators (gold excluded) who finished at least one document, sorted by name."""
    with project.store.engine.connect() as c:
        return annotators_with_finished_work(c)


def agreement_documents(project: Project, annotators: Sequence[str] | None = None, *,
                        tokenize: Tokenize | None = None,
                        batch: int = BATCH) -> Iterator[AgreementDocument]:
    """The documents at least one of ANNOTATORS (default: all but gold) finished, in project
    order, each with every compared annotator's accepted spans (None where not done)."""
    tokenize = tokenize or project_tokenize(project.info().language)
    done = finished_by(annotators)
    with project.store.engine.connect() as c:
        doc_ids = documents_finished(c, done)
    for first in range(0, len(doc_ids), batch):
        part = doc_ids[first:first + batch]
        with project.store.engine.connect() as c:
            found, spans = texts(c, part), finished_spans(c, part, done)
        for doc_id in part:
            text = found[doc_id]
            yield AgreementDocument(doc_id, len(text), tokenize(text),
                                    {name: sorted(s) for name, s in spans[doc_id].items()})


def agreement_columns(project: Project, annotators: Sequence[str] | None = None
                      ) -> tuple[CorpusColumns, ReadCounts]:
    """The same input as `agreement_documents` with the project tokenizer, as columns read in
    a fixed number of statements; tokens kept in the store (SQLite) are read instead of made,
    and those made are kept (`store.finished_columns`). Also what the read did."""
    tokenizer = ProjectTokenizer(project.info().language)
    with project.store.engine.connect() as c:
        found, counts = finished_columns(c, annotators, tokenizer.token_offsets,
                                         tokenizer_key(tokenizer))
    return CorpusColumns(
        doc_ids=found.doc_ids, doc_lengths=found.doc_lengths, tokens=found.tokens,
        token_counts=found.token_counts, annotators=found.annotators, present=found.present,
        span_annotator=found.span_annotator, span_doc=found.span_doc,
        span_start=found.span_start, span_end=found.span_end, span_label=found.span_label,
        label_names=found.label_names,
    ), counts


def check_labels(project: Project, labels: Sequence[str] | None) -> None:
    """Refuse a label filter naming a label the project does not have (E104)."""
    if labels is None:
        return
    known = [spec.name for spec in project.labels()]
    for label in labels:
        if label not in known:
            raise AnnotatorError(E.E104, label=label, known=", ".join(known) or "(none)")


def project_agreement(project: Project, annotators: Sequence[str] | None = None,
                      labels: Sequence[str] | None = None, *,
                      tokenize: Tokenize | None = None, bootstrap: int = 0,
                      seed: int = 0,
                      gamma: GammaOptions | None = GammaOptions(),
                      weights: str | None = None) -> AgreementReport:
    """Every agreement measure of the project (see `annotator.agreement.report` for the JSON).

    ANNOTATORS selects and orders the annotators compared (default: everyone who finished a
    document, gold excluded); LABELS the labels (default: every label found); BOOTSTRAP > 0
    adds 95% intervals from that many resamples of the documents, seeded by SEED; GAMMA the
    gamma settings (None: no gamma); WEIGHTS adds Gwet's AC2 with those weights on the scale
    "O" then the project's labels in their order (None: no AC2; `agreement_weights` reads the
    project's own choice). Without TOKENIZE (the project tokenizer) the input is read as
    columns (`agreement_columns`), the same documents, tokens and spans in fewer steps."""
    check_labels(project, labels)
    if annotators is not None and GOLD_ANNOTATOR in annotators:
        raise AnnotatorError(E.E116, value=GOLD_ANNOTATOR, what="--annotators",
                             reason="the gold set is the adjudicated result, not an annotator")
    documents: Iterable[AgreementDocument] | CorpusColumns = (
        agreement_documents(project, annotators, tokenize=tokenize) if tokenize is not None
        else agreement_columns(project, annotators)[0])
    return compute_agreement(documents, annotators=annotators, labels=labels,
                             bootstrap=bootstrap, seed=seed, gamma=gamma, weights=weights,
                             scale=[spec.name for spec in project.labels()] if weights else None)


def document_titles(project: Project, doc_ids: Sequence[int]) -> dict[int, str]:
    """A short title (the first words) of each document, for lists and reports."""
    with project.store.engine.connect() as c:
        return titles(c, doc_ids)

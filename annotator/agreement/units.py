"""The input contract of the agreement measures, and its flattening into numpy arrays.

`AgreementDocument` is what callers (the store, the CLI, the UI) hand in: one document, its
length, its tokens and, per annotator, the accepted spans or None when that annotator did not
finish the document. `prepare_corpus` validates the documents and lays them end to end on one
continuum of code points ("global offsets": document d occupies [offset[d], offset[d] + length[d]))
so that every measure works on flat arrays instead of Python objects.

Conventions used by every module of the package:

* label code 0 is "O" (outside any entity); entity labels are codes 1..K in `Corpus.labels` order;
* a document an annotator did not finish (None, or the annotator absent from the mapping) is
  MISSING for that annotator: it is never read as "all O";
* spans of one annotator are deduplicated (an exact repeat counts once, and is counted).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter, itemgetter

import numpy as np
import numpy.typing as npt

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import Span

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]

# Token offsets as the tokenizer gives them: a sequence of (start, end) pairs, or an int array
# of shape (n, 2) (faster for large corpora: no Python tuples to unpack).
TokenOffsets = Sequence[tuple[int, int]] | npt.NDArray[np.integer]

OUTSIDE = "O"


@dataclass(frozen=True)
class AgreementDocument:
    """One document as the agreement measures see it.

    `annotations` maps an annotator name to that annotator's accepted spans, or to None when the
    annotator did not finish the document (missing, not "all O"). An annotator absent from the
    mapping is missing too. Offsets are code points, like everywhere in the project.
    """

    doc_id: int
    length: int
    tokens: TokenOffsets
    annotations: Mapping[str, Sequence[Span] | None]


@dataclass(frozen=True)
class CorpusColumns:
    """The same input as a sequence of `AgreementDocument`s, as arrays (what a store reads in a
    few statements): D documents in order, T tokens, S spans of the annotators named.

    `present[a, d]`: annotator a finished document d (an annotator with no finished document
    may be named; she is known, as one mapped to None is in `AgreementDocument`). Spans are
    document-local; `span_label` indexes `label_names`."""

    doc_ids: IntArray  # (D,)
    doc_lengths: IntArray  # (D,)
    tokens: IntArray  # (T, 2) document-local
    token_counts: IntArray  # (D,)
    annotators: tuple[str, ...]  # (A,)
    present: BoolArray  # (A, D)
    span_annotator: IntArray  # (S,)
    span_doc: IntArray  # (S,)
    span_start: IntArray  # (S,)
    span_end: IntArray  # (S,)
    span_label: IntArray  # (S,)
    label_names: tuple[str, ...]


@dataclass(frozen=True)
class AnnotatorSpans:
    """One annotator's spans over the whole corpus, deduplicated, sorted by (label, start, end).

    `start` and `end` are global offsets; `doc` the document index; `label` the code (1..K).
    """

    start: IntArray
    end: IntArray
    label: IntArray
    doc: IntArray
    given: int = 0  # spans handed in for finished documents, before filtering and deduplication
    duplicates: int = 0  # exact repeats (same start, end, label) dropped
    outside_label_filter: int = 0  # spans whose label is not among the selected labels
    overlapping: int = 0  # spans overlapping an earlier span of the same annotator (any label)

    def __len__(self) -> int:
        return int(self.start.size)

    def take(self, mask: BoolArray) -> AnnotatorSpans:
        """The spans where `mask` is true (the counters are kept as they are)."""
        return AnnotatorSpans(
            self.start[mask], self.end[mask], self.label[mask], self.doc[mask],
            self.given, self.duplicates, self.outside_label_filter, self.overlapping,
        )


@dataclass(frozen=True)
class Corpus:
    """All documents laid end to end, as arrays. Built by `prepare_corpus`."""

    annotators: tuple[str, ...]
    labels: tuple[str, ...]  # entity labels; code i + 1 is labels[i], code 0 is "O"
    doc_ids: IntArray  # (D,)
    doc_lengths: IntArray  # (D,)
    doc_offsets: IntArray  # (D,) global offset of each document's first code point
    present: BoolArray  # (R, D): annotator r finished document d
    token_start: IntArray  # (T,) global
    token_end: IntArray  # (T,) global
    token_doc: IntArray  # (T,) document index of each token
    doc_token_counts: IntArray  # (D,)
    spans: tuple[AnnotatorSpans, ...] = field(default=())  # one per annotator

    @property
    def total_length(self) -> int:
        return int(self.doc_lengths.sum())

    @property
    def category_names(self) -> tuple[str, ...]:
        """Names of the token categories, by code: "O" then the entity labels."""
        return (OUTSIDE, *self.labels)


def _stack_tokens(docs: Sequence[AgreementDocument]) -> tuple[IntArray, IntArray]:
    """All token offsets, shape (T, 2) in document-local offsets, and the count per document."""
    counts = np.fromiter((len(d.tokens) for d in docs), dtype=np.int64, count=len(docs))
    if all(isinstance(d.tokens, np.ndarray) for d in docs):
        arrays = [np.asarray(d.tokens, dtype=np.int64).reshape(-1, 2) for d in docs]
        stacked = np.concatenate(arrays) if arrays else np.zeros((0, 2), dtype=np.int64)
        return stacked, counts
    pairs = (d.tokens.tolist() if isinstance(d.tokens, np.ndarray) else d.tokens for d in docs)
    total = int(counts.sum())
    flat = np.fromiter(chain.from_iterable(chain.from_iterable(pairs)), dtype=np.int64, count=2 * total)
    return flat.reshape(total, 2), counts


def _check_tokens(
    doc_ids: IntArray, stacked: IntArray, token_doc: IntArray, lengths: IntArray
) -> None:
    """Every token non-empty, inside its document, after the previous token of the document."""
    start, end = stacked[:, 0], stacked[:, 1]
    bad = (start < 0) | (end <= start) | (end > lengths[token_doc])
    bad[1:] |= (start[1:] < end[:-1]) & (token_doc[1:] == token_doc[:-1])
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        d = int(token_doc[i])
        first_of_doc = int(np.searchsorted(token_doc, d))
        raise AnnotatorError(
            E.E504, doc_id=int(doc_ids[d]), index=i - first_of_doc, start=int(start[i]),
            end=int(end[i]), length=int(lengths[d]),
        )


def columns_of(documents: Iterable[AgreementDocument]) -> CorpusColumns:
    """`documents` as columns (every annotator any document mentions, sorted by name)."""
    docs = list(documents)
    names: set[str] = set()
    for doc in docs:
        names.update(doc.annotations)
    annotators = tuple(sorted(names))
    n_docs = len(docs)
    tokens, counts = _stack_tokens(docs)
    present = np.zeros((len(annotators), n_docs), dtype=np.bool_)
    rows: list[tuple[int, int, str]] = []  # (start, end, label)
    owners: list[tuple[int, int, int]] = []  # (annotator, doc index, span count)
    for r, name in enumerate(annotators):
        for d, doc in enumerate(docs):
            spans = doc.annotations.get(name)
            if spans is None:
                continue
            present[r, d] = True
            if spans:
                rows.extend(map(_SPAN_FIELDS, spans))
                owners.append((r, d, len(spans)))
    n = len(rows)
    label_code: dict[str, int] = {}
    labels = np.fromiter((label_code.setdefault(row[2], len(label_code)) for row in rows),
                         dtype=np.int64, count=n)
    owner = np.asarray(owners, dtype=np.int64).reshape(-1, 3)
    return CorpusColumns(
        doc_ids=np.fromiter((d.doc_id for d in docs), dtype=np.int64, count=n_docs),
        doc_lengths=np.fromiter((d.length for d in docs), dtype=np.int64, count=n_docs),
        tokens=tokens, token_counts=counts, annotators=annotators, present=present,
        span_annotator=np.repeat(owner[:, 0], owner[:, 2]),
        span_doc=np.repeat(owner[:, 1], owner[:, 2]),
        span_start=np.fromiter(map(itemgetter(0), rows), dtype=np.int64, count=n),
        span_end=np.fromiter(map(itemgetter(1), rows), dtype=np.int64, count=n),
        span_label=labels, label_names=tuple(label_code),
    )


def prepare_corpus(
    documents: Iterable[AgreementDocument] | CorpusColumns,
    annotators: Sequence[str] | None = None,
    labels: Sequence[str] | None = None,
) -> Corpus:
    """Validate `documents` (or the same as `CorpusColumns`) and flatten them into a `Corpus`.

    `annotators` selects and orders the annotators (default: every name found, sorted); naming
    one that no document mentions is an error (E505). `labels` selects and orders the entity
    labels (default: every label found, sorted); spans with other labels are left out (they
    become "O" for the token measures) and counted per annotator.
    Raises AnnotatorError E501 (fewer than two annotators), E502 (a document given twice),
    E503 (a span outside its document), E504 (bad token offsets).
    """
    columns = documents if isinstance(documents, CorpusColumns) else columns_of(documents)
    known = sorted(columns.annotators)
    if annotators is None:
        names = tuple(known)
    else:
        names = tuple(dict.fromkeys(annotators))
        unknown = [n for n in names if n not in known]
        if unknown:
            raise AnnotatorError(E.E505, names=", ".join(unknown), known=", ".join(known) or "-")
    if len(names) < 2:
        raise AnnotatorError(E.E501, count=len(names), names=", ".join(names) or "-")

    doc_ids = columns.doc_ids
    if np.unique(doc_ids).size < doc_ids.size:
        ids = doc_ids.tolist()
        seen: set[int] = set()
        for doc_id in ids:
            if doc_id in seen:
                raise AnnotatorError(E.E502, doc_id=doc_id)
            seen.add(doc_id)

    n_docs = doc_ids.size
    lengths = columns.doc_lengths
    offsets = np.zeros(n_docs, dtype=np.int64)
    if n_docs:
        np.cumsum(lengths[:-1], out=offsets[1:])

    stacked, counts = columns.tokens, columns.token_counts
    token_doc = np.repeat(np.arange(n_docs, dtype=np.int64), counts)
    _check_tokens(doc_ids, stacked, token_doc, lengths)
    shift = offsets[token_doc]

    index_of = {name: a for a, name in enumerate(columns.annotators)}
    chosen = [index_of[name] for name in names]
    present = columns.present[chosen].reshape(len(names), n_docs)
    mine = [np.flatnonzero(columns.span_annotator == a) for a in chosen]
    label_names = _choose_labels(columns, mine, labels)
    spans = tuple(
        _finish_spans(columns, names[r], mine[r], label_names, offsets)
        for r in range(len(names))
    )
    return Corpus(
        annotators=names,
        labels=label_names,
        doc_ids=doc_ids,
        doc_lengths=lengths,
        doc_offsets=offsets,
        present=present,
        token_start=stacked[:, 0] + shift,
        token_end=stacked[:, 1] + shift,
        token_doc=token_doc,
        doc_token_counts=counts,
        spans=spans,
    )


_SPAN_FIELDS = attrgetter("start", "end", "label")


def _choose_labels(columns: CorpusColumns, mine: Sequence[IntArray],
                   labels: Sequence[str] | None) -> tuple[str, ...]:
    if labels is not None:
        return tuple(dict.fromkeys(lbl for lbl in labels if lbl != OUTSIDE))
    used = np.unique(np.concatenate([columns.span_label[m] for m in mine]))
    found = {columns.label_names[int(code)] for code in used.tolist()}
    found.discard(OUTSIDE)
    return tuple(sorted(found))


def _finish_spans(
    columns: CorpusColumns,
    name: str,
    mine: IntArray,
    label_names: tuple[str, ...],
    offsets: IntArray,
) -> AnnotatorSpans:
    n = int(mine.size)
    lengths = columns.doc_lengths
    start, end, doc = columns.span_start[mine], columns.span_end[mine], columns.span_doc[mine]
    given_labels = columns.span_label[mine]
    bad = (start < 0) | (end <= start) | (end > lengths[doc])
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise AnnotatorError(
            E.E503, doc_id=int(columns.doc_ids[int(doc[i])]), start=int(start[i]),
            end=int(end[i]), label=columns.label_names[int(given_labels[i])], annotator=name,
            length=int(lengths[doc[i]]),
        )
    codes_of = {lbl: i + 1 for i, lbl in enumerate(label_names)}
    code_of_given = np.array([codes_of.get(lbl, 0) for lbl in columns.label_names],
                             dtype=np.int64).reshape(-1)
    label = code_of_given[given_labels] if n else np.zeros(0, dtype=np.int64)
    kept = label > 0
    outside_filter = n - int(kept.sum())
    start, end, label, doc = start[kept] + offsets[doc[kept]], end[kept] + offsets[doc[kept]], label[kept], doc[kept]

    order = np.lexsort((end, start, label))
    start, end, label, doc = start[order], end[order], label[order], doc[order]
    repeat = np.zeros(start.size, dtype=np.bool_)
    repeat[1:] = (start[1:] == start[:-1]) & (end[1:] == end[:-1]) & (label[1:] == label[:-1])
    unique = ~repeat
    start, end, label, doc = start[unique], end[unique], label[unique], doc[unique]
    return AnnotatorSpans(
        start, end, label, doc,
        given=n,
        duplicates=int(repeat.sum()),
        outside_label_filter=outside_filter,
        overlapping=_count_overlapping(start, end),
    )


def _count_overlapping(start: IntArray, end: IntArray) -> int:
    """How many spans overlap an earlier one (by start) of the same annotator, any label."""
    if start.size < 2:
        return 0
    order = np.lexsort((end, start))
    reach = np.maximum.accumulate(end[order])
    return int((start[order][1:] < reach[:-1]).sum())

"""Export a project: choose documents and annotations, align spans to tokens, write a format.

`export_project(project, out, options, progress)` is what the CLI's `annotator export` and the
app's Export dialog call. Documents stream from the store in batches (the corpus is never held
in memory); each goes to the writer of its split. Output is written beside OUT under a
temporary name and moved into place only when everything succeeded, so a failed export leaves
nothing half-written. No span is dropped silently: spans that cannot be aligned to tokens stop
the export (E301) unless `skip_misaligned`, and then each is listed in the report.
"""

from __future__ import annotations

import os
import random
import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from annotator.app.project import Project
from annotator.app.sentence_units import cut_into_pieces
from annotator.core.errors import AnnotatorError, E
from annotator.core.model import Span
from annotator.formats.alignment import SpanProblem, TokenSplit, align
from annotator.formats.flatten import FLATTEN_LAYERS, flatten_spans
from annotator.formats.registry import Format, get_format, writable_formats
from annotator.formats.tokens import (
    TokenizerLike,
    project_tokenizer,
    recorded_offsets,
    recorded_sentence_starts,
)
from annotator.formats.writing import DocumentWriter, ExportDocument, WriteOptions
from annotator.store.export_source import (
    BATCH,
    MERGE_RULES,
    AnnotationSource,
    annotation_source,
    document_total,
    project_lexicon,
    read_documents,
    selected_documents,
)
from annotator.text.sentences import sentence_offsets

__all__ = ["MERGE_RULES", "ExportOptions", "ExportReport", "WriteOptions", "assign_splits",
           "export_format", "export_project", "format_for_output", "merge_spans", "parse_split", "writable_formats"]


@dataclass
class ExportOptions:
    format: str = "spacy"
    annotator: str | None = None  # one annotator's annotations
    gold: bool = False  # the adjudicated set (annotator GOLD_ANNOTATOR)
    merge: str | None = None  # union | intersection | majority over the annotators
    all_documents: bool = False  # documents in any status, not only done ones
    suggestions: bool = False  # export suggested spans too, not only accepted ones
    skip_misaligned: bool = False  # export without spans that do not align (each is listed)
    split_at_spans: bool = True  # split tokens at span edges inside them (each is listed)
    retokenize: bool = False  # ignore tokens recorded at import; use the project tokenizer
    splits: dict[str, float] | None = None  # {"train": 0.8, "dev": 0.2}; split by document
    seed: int = 0
    sentences_per_doc: int = 0  # >0: pieces of N sentences are the units of split and output
    overwrite: bool = False
    flatten: str | None = None  # outermost | innermost: write one layer of non-overlapping spans
    write: WriteOptions = field(default_factory=WriteOptions)


@dataclass
class ExportReport:
    format: str
    source: str = ""  # whose annotations: "annotator NAME", "gold", "majority of A, B"
    files: list[str] = field(default_factory=list)
    documents: dict[str, int] = field(default_factory=dict)  # per split ("all" without)
    spans: int = 0
    tokens: int = 0
    documents_left_out: int = 0  # not done (without --all)
    token_splits: list[TokenSplit] = field(default_factory=list)
    misaligned: list[SpanProblem] = field(default_factory=list)  # skipped (or stopping) spans
    ents_left_out: list[SpanProblem] = field(default_factory=list)  # in doc.spans only (spaCy)
    trimmed: list[SpanProblem] = field(default_factory=list)  # edges on whitespace, trimmed
    flattened_out: list[SpanProblem] = field(default_factory=list)  # not written (--flatten)
    flatten: str | None = None
    sentence_joins: int = 0  # sentence ends inside an entity, not written (CoNLL)
    notes: list[str] = field(default_factory=list)  # what the user should know about the files
    split_documents: dict[str, list[int]] = field(default_factory=dict)  # split -> document ids
    split_pieces: dict[str, list[list[int]]] = field(default_factory=dict)  # split -> [doc, start, end]
    sentences_per_doc: int = 0  # the pieces' size when split over sentences (0: by document)

    def to_dict(self) -> dict[str, object]:
        return {
            "format": self.format, "source": self.source, "files": self.files,
            "documents": self.documents, "spans": self.spans, "tokens": self.tokens,
            "documents_left_out": self.documents_left_out,
            "token_splits": [s.to_dict() for s in self.token_splits],
            "misaligned_spans_skipped": [p.to_dict() for p in self.misaligned],
            "spans_not_in_doc_ents": [p.to_dict() for p in self.ents_left_out],
            "spans_trimmed": [p.to_dict() for p in self.trimmed],
            "flatten": self.flatten,
            "spans_left_out_by_flatten": [p.to_dict() for p in self.flattened_out],
            "sentence_boundaries_inside_entities": self.sentence_joins, "notes": self.notes,
            "sentences_per_doc": self.sentences_per_doc,
        }


def parse_split(value: str) -> dict[str, float]:
    """'train=0.8,dev=0.2' -> {'train': 0.8, 'dev': 0.2}; ratios must add up to 1."""
    splits: dict[str, float] = {}
    for part in value.split(","):
        name, _, ratio = part.partition("=")
        name = name.strip()
        if not re.fullmatch(r"[A-Za-z0-9_-]+", name) or name in splits:
            raise AnnotatorError(E.E305, value=value, reason=f"bad or repeated name {name!r}")
        try:
            splits[name] = float(ratio)
        except ValueError as err:
            raise AnnotatorError(E.E305, value=value, reason=f"{ratio!r} is not a number") from err
        if not 0 <= splits[name] <= 1:
            raise AnnotatorError(E.E305, value=value, reason="ratios are between 0 and 1")
    if abs(sum(splits.values()) - 1) > 1e-6:
        raise AnnotatorError(E.E305, value=value, reason="the ratios must add up to 1")
    return splits


def assign_splits(doc_ids: Sequence[int], splits: dict[str, float], seed: int) -> dict[int, str]:
    """Each document to a split: a seeded shuffle, then cut by the ratios (largest remainder)."""
    shuffled = list(doc_ids)
    random.Random(seed).shuffle(shuffled)
    total = len(shuffled)
    sizes = {name: int(ratio * total) for name, ratio in splits.items()}
    remainders = sorted(splits, key=lambda n: (-(splits[n] * total - sizes[n]), list(splits).index(n)))
    for name in remainders[: total - sum(sizes.values())]:
        sizes[name] += 1
    assignment: dict[int, str] = {}
    position = 0
    for name in splits:
        for doc_id in shuffled[position:position + sizes[name]]:
            assignment[doc_id] = name
        position += sizes[name]
    return assignment


def export_project(project: Project, out: str | Path, options: ExportOptions,
                   progress: Callable[[int, int], None] | None = None) -> ExportReport:
    """Write the chosen documents and annotations of PROJECT to OUT; PROGRESS(done, total)."""
    store = project.store
    fmt = get_format(options.format, out)
    if fmt.writer is None:
        raise AnnotatorError(E.E307, fmt=fmt.name, known=", ".join(writable_formats()))
    if options.flatten is not None and options.flatten not in FLATTEN_LAYERS:
        raise AnnotatorError(E.E315, value=options.flatten, known=", ".join(FLATTEN_LAYERS))
    out = Path(out)
    _check_target(out, options.overwrite)
    report = ExportReport(format=fmt.name, flatten=options.flatten)
    with store.engine.connect() as c:
        source = annotation_source(c, options.gold, options.annotator, options.merge)
        report.source = source.description
        doc_ids = selected_documents(c, source, options.all_documents)
        report.documents_left_out = document_total(c) - len(doc_ids)
    if not doc_ids:
        raise AnnotatorError(E.E303, reason=f"no document has a done annotation ({report.source});"
                                            " use --all to export documents in any status")
    per_piece = options.sentences_per_doc
    if not per_piece and options.splits and _too_few(len(doc_ids), options.splits):
        per_piece = 1  # fewer documents than the split needs: split over sentences
    report.sentences_per_doc = per_piece
    assignment = assign_splits(doc_ids, options.splits, options.seed) \
        if options.splits and not per_piece else {}
    for doc_id, split_name in assignment.items():
        report.split_documents.setdefault(split_name, []).append(doc_id)
    split_names = list(options.splits) if options.splits else ["all"]
    tokenizer: TokenizerLike | None = None
    if fmt.needs_tokens or per_piece:
        with store.engine.connect() as c:
            tokenizer = project_tokenizer(store.project().language, project_lexicon(c))
    write_options = options.write
    if not write_options.annotator and report.source.startswith("annotator "):
        write_options.annotator = report.source.removeprefix("annotator ")
    if not write_options.labels:
        write_options.labels = tuple(label.name for label in project.labels())
    temporary = out.with_name(f".{out.name}.partial-{os.getpid()}")
    _remove(temporary)
    writers: dict[str, DocumentWriter] = {}
    try:
        if options.splits:
            temporary.mkdir(parents=True)
        for name in split_names:
            target = temporary / f"{name}{'' if fmt.writes_folders else fmt.suffix}" \
                if options.splits else temporary
            writers[name] = cast(DocumentWriter, fmt.writer(target, write_options))
            report.documents[name] = 0
        done = 0
        units: Iterator[tuple[ExportDocument, list[Span], str]] = (
            (document, spans, assignment.get(document.id, "all"))
            for document, spans in _documents(project, doc_ids, source, options))
        if per_piece:
            assert tokenizer is not None
            units = _pieces(units, tokenizer, per_piece, options, report)
        for document, spans, split in units:
            spans = trim_edges(document, spans, report)
            if options.flatten:
                spans = _flatten(document, spans, options.flatten, report)
            if tokenizer is not None and fmt.needs_tokens:
                _tokenize(document, spans, tokenizer, options, report, fmt.carries_overlaps,
                          has_ents=fmt.writes_ents)
            else:
                document.spans = sorted(set(spans), key=lambda s: (s.start, s.end, s.label))
            report.spans += len(document.spans)
            writers[split].write(document)
            report.documents[split] += 1
            done += 1
            if progress and (done % 50 == 0 or done == len(doc_ids)):
                progress(min(done, len(doc_ids)), len(doc_ids))
        files: list[Path] = []
        for writer in writers.values():
            files += writer.close()
            report.sentence_joins += int(getattr(writer, "sentence_joins", 0))
            report.notes += getattr(writer, "notes", [])
        if report.misaligned and not options.skip_misaligned:
            raise AnnotatorError(E.E301, count=len(report.misaligned),
                                 first=str(report.misaligned[0]), problems=report.misaligned)
        _move_into_place(temporary, out, options.overwrite)
        report.files = [str(out / f.relative_to(temporary)) if f != temporary else str(out)
                        for f in files]
    except BaseException as error:
        for writer in writers.values():
            handle = getattr(writer, "handle", None)
            if handle is not None and not handle.closed:
                handle.close()
        _remove(temporary)
        if isinstance(error, AnnotatorError) and temporary in error.details.values():
            raise AnnotatorError(error.code, **{key: out if value == temporary else value
                                                for key, value in error.details.items()}) from None
        raise
    return report


def _flatten(document: ExportDocument, spans: list[Span], layer: str,
             report: ExportReport) -> list[Span]:
    """SPANS reduced to one LAYER; each span left out goes into the report."""
    kept, left_out = flatten_spans(spans, layer)
    reason = ("inside or overlapping an outer span" if layer == "outermost" else
              "holds or overlaps an inner span") + f" (--flatten {layer})"
    report.flattened_out += [SpanProblem(document.id, document.source, span.start, span.end,
                                         span.label, document.text[span.start:span.end], reason)
                             for span in left_out]
    return kept


def _too_few(documents: int, splits: dict[str, float]) -> bool:
    """Whether a split by document leaves a share with a ratio above 0 empty."""
    cut = assign_splits(list(range(documents)), splits, 0)
    return any(ratio > 0 and name not in cut.values() for name, ratio in splits.items())


def _pieces(units: Iterator[tuple[ExportDocument, list[Span], str]], tokenizer: TokenizerLike,
            per_piece: int, options: ExportOptions, report: ExportReport,
            ) -> Iterator[tuple[ExportDocument, list[Span], str]]:
    """The documents cut into pieces of PER_PIECE sentences and, with splits, each piece given
    a split: a seeded shuffle of the pieces, as of documents. (All pieces are cut before the
    first is written, so the shuffle can see them all.)"""
    pieces = [piece for document, spans, _split in units
              for piece in cut_into_pieces(document, spans, tokenizer, per_piece)]
    assignment: dict[int, str] = {}
    if options.splits:
        assignment = assign_splits(list(range(len(pieces))), options.splits, options.seed)
    for number, piece in enumerate(pieces):
        name = assignment.get(number, "all")
        report.split_pieces.setdefault(name, []).append([piece.document_id, piece.start, piece.end])
        if piece.document_id not in report.split_documents.setdefault(name, []):
            report.split_documents[name].append(piece.document_id)
        yield piece.document, piece.spans, name


def _tokenize(document: ExportDocument, spans: list[Span], tokenizer: TokenizerLike,
              options: ExportOptions, report: ExportReport, overlaps: bool = False,
              has_ents: bool = False) -> None:
    recorded = None if options.retokenize else recorded_offsets(document.text, document.meta)
    aligned = align(document.id, document.source, document.text, spans, tokenizer,
                    recorded, options.split_at_spans, overlaps)
    if has_ents:  # a writer with a doc.ents layer (registry flag writes_ents) leaves spans out
        report.ents_left_out += aligned.left_out
    document.tokens, document.spans = aligned.tokens, aligned.spans
    report.tokens += len(aligned.tokens) - len(aligned.tokens.gaps)  # words, not line breaks
    report.token_splits += aligned.splits
    report.misaligned += aligned.problems
    text, meta, words = document.text, document.meta, aligned.offsets

    def sentence_starts() -> list[int]:
        """Recorded sentences, else the project's rule-based ones over its own tokens (the
        words before any split at a span edge, as the tokenizer's sentence_offsets)."""
        starts = None if options.retokenize else recorded_sentence_starts(text, meta)
        if starts is not None:
            return starts
        if recorded is not None:
            return [start for start, _end in tokenizer.sentence_offsets(text)]
        return [start for start, _end in sentence_offsets(text, words)]

    document.sentence_starts = sentence_starts


def _documents(project: Project, doc_ids: Sequence[int], source: AnnotationSource,
               options: ExportOptions) -> Iterator[tuple[ExportDocument, list[Span]]]:
    """The documents to write, read in batches, each with its spans merged by the rule."""
    for first in range(0, len(doc_ids), BATCH):
        with project.store.engine.connect() as c:
            rows = list(read_documents(c, doc_ids[first:first + BATCH], source,
                                       options.all_documents, options.suggestions))
        for row in rows:
            yield (ExportDocument(row.id, row.source, row.text, row.meta, []),
                   merge_spans(row.spans, source.rule))


def trim_edges(document: ExportDocument, spans: list[Span], report: ExportReport) -> list[Span]:
    """SPANS with whitespace at an edge trimmed off, each one listed in the report; a span of
    whitespace only is left out, listed too. The editor refuses such spans (E170); older projects may hold them."""
    kept: list[Span] = []
    for span in spans:
        start, end = _trim_whitespace(document.text, span.start, span.end)
        if (start, end) == (span.start, span.end):
            kept.append(span)
            continue
        mention = document.text[span.start:span.end]
        reason = (f"starts or ends with whitespace: exported as [{start}, {end})" if start < end
                  else "only whitespace: left out")
        report.trimmed.append(SpanProblem(document.id, document.source, span.start, span.end,
                                          span.label, mention, reason))
        if start < end:
            kept.append(Span(start, end, span.label))
    return kept


def _trim_whitespace(text: str, start: int, end: int) -> tuple[int, int]:
    """[START, END) without whitespace at either end ((start, start) when nothing is left).
    Invisible marks stay: a recorded token made only of one (ANERcorp) is a word, and
    alignment reports a span on a mark between words."""
    first, last = start, end
    while first < last and text[first].isspace():
        first += 1
    while last > first and text[last - 1].isspace():
        last -= 1
    return (first, last) if first < last else (start, start)


def merge_spans(sets: list[set[Span]], rule: str) -> list[Span]:
    """One span list from several annotators' sets by RULE."""
    if not sets:
        return []
    if rule in ("single", "union", "none"):
        return sorted(set().union(*sets), key=_span_order)
    counts = Counter(span for spans in sets for span in spans)
    needed = len(sets) if rule == "intersection" else len(sets) // 2 + 1
    return sorted((span for span, count in counts.items() if count >= needed), key=_span_order)


def _span_order(span: Span) -> tuple[int, int, str]:
    """Span's own order (start, end, label) as a tuple key: sorts several times faster."""
    return span.start, span.end, span.label


# ------------------------------------------------------------------ files
def _check_target(out: Path, overwrite: bool) -> None:
    if out.exists() and not overwrite:
        if out.is_file() or any(out.iterdir()):
            raise AnnotatorError(E.E306, path=out)
    if not out.parent.exists():
        try:
            out.parent.mkdir(parents=True)
        except OSError as err:
            raise AnnotatorError(E.E302, path=out, reason=str(err)) from err


def _move_into_place(temporary: Path, out: Path, overwrite: bool) -> None:
    if out.exists():
        if out.is_dir() and (overwrite or not any(out.iterdir())):
            shutil.rmtree(out)
        elif overwrite:
            out.unlink()
    try:
        os.replace(temporary, out)
    except OSError as err:
        raise AnnotatorError(E.E302, path=out, reason=str(err)) from err


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists():
        path.unlink()


def format_for_output(out: str | Path) -> str:
    """The format an export to OUT writes when none is named: the writable format whose
    extensions hold OUT's (of several, the one named like it: `.jsonl` is `jsonl`, not doccano
    or prodigy); spaCy's DocBin for a path without an extension; E413 for another extension,
    rather than a DocBin under a misleading name."""
    suffix = Path(out).suffix.lower()
    if not suffix:
        return "spacy"
    candidates = [name for name in writable_formats() if suffix in get_format(name).extensions]
    if len(candidates) > 1:
        candidates = [name for name in candidates if f".{name}" == suffix]
    if len(candidates) != 1:
        raise AnnotatorError(E.E413, out=out, suffix=suffix, known=", ".join(writable_formats()))
    return candidates[0]


def export_format(name: str) -> Format:
    """The registered format NAME, checked to be writable (for dialogs and the CLI)."""
    fmt = get_format(name)
    if fmt.writer is None:
        raise AnnotatorError(E.E307, fmt=name, known=", ".join(writable_formats()))
    return fmt

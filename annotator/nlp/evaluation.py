"""Score a spaCy pipeline against gold spans: its predictions, token tags, errors by kind.

Each text is tokenized by the pipeline (a model `annotator train` saved tokenizes with the
project tokenizer) and tagged twice in IOB2, from the gold spans and from the pipeline's
entities (`doc.ents`, or the `sc` span group of a span categorizer, its highest-scored
non-overlapping layer). Gold spans that do not align to the pipeline's tokens are widened to
the tokens they touch and counted. Sentences come from the project's rule-based splitter over
the same tokens, so the `token gold predicted` file reads like any CoNLL evaluation file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import Span
from annotator.text.plain import is_separator_text
from annotator.text.sentences import sentence_offsets


@dataclass(frozen=True)
class TaggedSentence:
    tokens: tuple[str, ...]
    gold: tuple[str, ...]
    predicted: tuple[str, ...]


@dataclass(frozen=True)
class SpanError:
    """One way the pipeline got a document wrong."""

    kind: str  # missed | spurious | wrong label | wrong boundary
    gold: Span | None
    predicted: Span | None


@dataclass
class DocumentEvaluation:
    doc_id: int
    sentences: list[TaggedSentence] = field(default_factory=list)
    predicted: list[Span] = field(default_factory=list)
    gold: list[Span] = field(default_factory=list)  # what it was scored against
    errors: list[SpanError] = field(default_factory=list)
    gold_widened: int = 0  # gold spans widened to whole tokens to be compared


def predicted_spans(doc: Any) -> list[Span]:
    """The pipeline's entities: `doc.ents`, else its span categorizer's best layer."""
    if doc.ents or "sc" not in doc.spans:
        return [Span(e.start_char, e.end_char, e.label_) for e in doc.ents]
    group = doc.spans["sc"]
    scores = list(group.attrs.get("scores", [1.0] * len(group)))
    taken: list[Any] = []
    for _score, span in sorted(zip(scores, group, strict=True), key=lambda x: -float(x[0])):
        if all(span.end <= t.start or span.start >= t.end for t in taken):
            taken.append(span)
    return sorted(Span(s.start_char, s.end_char, s.label_) for s in taken)


def _tags(doc: Any, spans: Sequence[Span]) -> tuple[list[str], int]:
    tags = ["O"] * len(doc)
    widened = 0
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        found = doc.char_span(span.start, span.end, label=span.label)
        if found is None:
            found = doc.char_span(span.start, span.end, label=span.label,
                                  alignment_mode="expand")
            widened += 1
        if found is None or any(tags[i] != "O" for i in range(found.start, found.end)):
            continue  # outside every token, or over a tagged one: one layer is scored
        tags[found.start] = f"B-{span.label}"
        for i in range(found.start + 1, found.end):
            tags[i] = f"I-{span.label}"
    return tags, widened


def span_errors(gold: Sequence[Span], predicted: Sequence[Span]) -> list[SpanError]:
    """Each gold span not predicted exactly, and each predicted span not in the gold, by kind:
    the same extent with another label is a wrong label; overlapping, a wrong boundary."""
    exact = set(gold) & set(predicted)
    errors: list[SpanError] = []
    matched: set[Span] = set()
    for g in sorted(set(gold) - exact):
        same_extent = [p for p in predicted if (p.start, p.end) == (g.start, g.end)
                       and p not in exact]
        overlapping = [p for p in predicted if p.overlaps(g) and p not in exact]
        if same_extent:
            errors.append(SpanError("wrong label", g, same_extent[0]))
            matched.add(same_extent[0])
        elif overlapping:
            errors.append(SpanError("wrong boundary", g, overlapping[0]))
            matched.update(overlapping)
        else:
            errors.append(SpanError("missed", g, None))
    errors += [SpanError("spurious", None, p) for p in sorted(set(predicted) - exact - matched)]
    return errors


def evaluate_documents(nlp: Any, documents: Iterable[tuple[int, str, list[Span]]],
                       batch_size: int = 32) -> Iterator[DocumentEvaluation]:
    """For each (id, text, gold spans): tagged sentences, predictions and errors."""
    items = list(documents) if not isinstance(documents, list) else documents
    texts = (text for _id, text, _gold in items)
    for (doc_id, text, gold), doc in zip(items, nlp.pipe(texts, batch_size=batch_size),
                                         strict=True):
        predicted = predicted_spans(doc)
        gold_tags, widened = _tags(doc, gold)
        predicted_tags, _ = _tags(doc, predicted)
        words = [i for i, token in enumerate(doc) if not token.is_space
                 and not is_separator_text(token.text)]
        result = DocumentEvaluation(doc_id, predicted=predicted, gold=sorted(gold),
                                    errors=span_errors(gold, predicted), gold_widened=widened)
        offsets = [(doc[i].idx, doc[i].idx + len(doc[i].text)) for i in words]
        position = 0
        for start, end in sentence_offsets(text, offsets):
            inside = []
            while position < len(words) and offsets[position][0] < end:
                if offsets[position][0] >= start:
                    inside.append(words[position])
                position += 1
            if inside:
                result.sentences.append(TaggedSentence(
                    tuple(doc[i].text for i in inside), tuple(gold_tags[i] for i in inside),
                    tuple(predicted_tags[i] for i in inside)))
        yield result

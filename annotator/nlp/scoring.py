"""Entity-level precision, recall and F1 exactly as conlleval.pl computes them.

The CoNLL shared tasks' `conlleval` reads one tag sequence per sentence and finds chunks with its
own rules (`startOfChunk` / `endOfChunk`): a chunk starts at a `B-`, at an `I-` after `O` or
after a chunk of another type (a stray `I-` starts a chunk: conlleval reads IOB1 and IOB2
alike), and ends where the next tag cannot continue it. A predicted chunk is correct when it
starts and ends where a gold chunk does, with the same type. Precision, recall and F1 are
reported per type and overall; conlleval prints percentages with two decimals, so figures are
compared with it at that precision (`conlleval_line`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


def _split(tag: str) -> tuple[str, str]:
    if tag == "O" or "-" not in tag:
        return ("O" if tag == "O" else tag), ""
    prefix, _, kind = tag.partition("-")
    return prefix, kind


def _end_of_chunk(prev_tag: str, tag: str, prev_type: str, type_: str) -> bool:
    if (prev_tag, tag) in {("B", "B"), ("B", "O"), ("I", "B"), ("I", "O"), ("E", "E"),
                           ("E", "I"), ("E", "O")}:
        return True
    if prev_tag not in ("O", ".") and prev_type != type_:
        return True
    return prev_tag in ("]", "[")


def _start_of_chunk(prev_tag: str, tag: str, prev_type: str, type_: str) -> bool:
    if (prev_tag, tag) in {("B", "B"), ("I", "B"), ("O", "B"), ("O", "I"), ("E", "E"),
                           ("E", "I"), ("O", "E")}:
        return True
    if tag not in ("O", ".") and prev_type != type_:
        return True
    return tag in ("[", "]")


def chunks(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first token, last token + 1, type) of every chunk conlleval finds in one sentence."""
    found: list[tuple[int, int, str]] = []
    prev_tag, prev_type, start = "O", "", -1
    for i, raw in enumerate([*tags, "O"]):
        tag, type_ = _split(raw)
        if start >= 0 and _end_of_chunk(prev_tag, tag, prev_type, type_):
            found.append((start, i, prev_type))
            start = -1
        if _start_of_chunk(prev_tag, tag, prev_type, type_):
            start = i
        prev_tag, prev_type = tag, type_
    return found


@dataclass(frozen=True)
class Score:
    precision: float  # 0 to 1
    recall: float
    f1: float
    support: int  # gold chunks
    predicted: int = 0
    correct: int = 0

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "support": self.support, "predicted": self.predicted, "correct": self.correct}


def _score(correct: int, predicted: int, gold: int) -> Score:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, gold, predicted, correct)


@dataclass
class Scores:
    overall: Score
    per_label: dict[str, Score] = field(default_factory=dict)
    tokens: int = 0
    token_accuracy: float = 0.0  # share of tokens whose tag is right, as conlleval prints it


def score_sentences(sentences: Iterable[tuple[Sequence[str], Sequence[str]]]) -> Scores:
    """conlleval's figures for (gold tags, predicted tags) of each sentence."""
    correct: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    tokens = right = 0
    for gold_tags, predicted_tags in sentences:
        if len(gold_tags) != len(predicted_tags):
            raise ValueError("a sentence has different numbers of gold and predicted tags")
        tokens += len(gold_tags)
        right += sum(g == p for g, p in zip(gold_tags, predicted_tags, strict=True))
        gold_chunks = chunks(gold_tags)
        predicted_chunks = chunks(predicted_tags)
        gold.update(kind for _s, _e, kind in gold_chunks)
        predicted.update(kind for _s, _e, kind in predicted_chunks)
        correct.update(kind for _s, _e, kind in set(gold_chunks) & set(predicted_chunks))
    labels = sorted(set(gold) | set(predicted))
    per_label = {label: _score(correct[label], predicted[label], gold[label]) for label in labels}
    overall = _score(sum(correct.values()), sum(predicted.values()), sum(gold.values()))
    return Scores(overall, per_label, tokens, right / tokens if tokens else 0.0)


def conlleval_line(score: Score) -> str:
    """The figures as conlleval prints them: percentages with two decimals."""
    return (f"precision: {100 * score.precision:6.2f}%; recall: {100 * score.recall:6.2f}%; "
            f"FB1: {100 * score.f1:6.2f}")

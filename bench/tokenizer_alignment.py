"""How many ANERcorp entity boundaries fall inside a token, and how often proclitics are split
off words that merely start with و ف ب ل ك: spaCy blank("ar") against the project tokenizer.

ANERcorp tags whole words, clitics included ("وفلسطين" B-LOC). The gold boundary used here
is the one an annotator marks in this tool: after the proclitics of entity-initial words listed
in bench/anercorp_proclitic_gold.tsv (judged by hand), and inside invisible marks and glued
punctuation ("لمصر\u200f", "كابول؛"). Text: the sentences joined by spaces and line breaks.

Lexicons (the project lexicon holds the texts of annotated spans and gazetteer names):
- "held-out": two halves of the corpus; each half is tokenized with the lexicon from the
  other half's entities (a new document, with names annotated in earlier ones);
- "in-corpus": the lexicon from all entities (training and export of an annotated corpus).
Over-splitting: a split inside a word that the gold does not have. Entity-initial words are
judged by the gold table; every other split word is printed for review (see TOKENIZER.md).

usage: python bench/tokenizer_alignment.py
"""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import ANERCORP, save  # noqa: E402

from annotator.text.arabic import proclitic_splits  # noqa: E402
from annotator.text.tokenizer import ProjectTokenizer  # noqa: E402

GOLD = Path(__file__).parent / "anercorp_proclitic_gold.tsv"
REVIEW = Path(__file__).parent / "anercorp_split_review.tsv"
Offsets = list[tuple[int, int]]


def read_sentences(path: Path) -> list[list[tuple[str, str]]]:
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] != "-DOCSTART-":
            current.append((parts[0], parts[1]))
        elif not parts and current:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def read_gold() -> dict[str, str]:
    return {row[0]: row[1] for row in _rows(GOLD)}


def read_review() -> dict[tuple[str, str], str]:
    return {(row[0], row[1]): row[2] for row in _rows(REVIEW)}


def _is_trimmed(char: str) -> bool:
    return unicodedata.category(char)[0] in "PZC"  # punctuation, spaces, invisible marks


@dataclass
class Corpus:
    text: str
    words: Offsets
    entities: list[tuple[int, int, int]]  # gold start, gold end, index of the first word
    sentence_starts: list[int]  # offset of each sentence


def build_corpus(sentences: list[list[tuple[str, str]]], gold: dict[str, str]) -> Corpus:
    words: Offsets = []
    tags: list[str] = []
    sentence_of_word: list[int] = []
    sentence_starts: list[int] = []
    position = 0
    for number, sentence in enumerate(sentences):
        sentence_starts.append(position)
        for word, tag in sentence:
            words.append((position, position + len(word)))
            tags.append(tag)
            sentence_of_word.append(number)
            position += len(word) + 1
    text = "\n".join(" ".join(word for word, _tag in sentence) for sentence in sentences) + "\n"

    def gold_span(first: int, last: int) -> tuple[int, int, int]:
        start, first_end = words[first]
        word = text[start:first_end]
        while start < first_end and _is_trimmed(text[start]):
            start += 1
        start += len(gold.get(word, ""))
        last_start, end = words[last]
        while end > last_start and _is_trimmed(text[end - 1]):
            end -= 1
        return start, end, first

    entities: list[tuple[int, int, int]] = []
    first = last = -1
    for index, tag in enumerate([*tags, "O"]):
        if (
            tag.startswith("I-")
            and first >= 0
            and tags[first][2:] == tag[2:]
            and sentence_of_word[index] == sentence_of_word[first]
        ):
            last = index
            continue
        if first >= 0:
            entities.append(gold_span(first, last))
        first = last = index if tag != "O" else -1
    return Corpus(text, words, entities, sentence_starts)


def misalignment(tokens: Offsets, corpus: Corpus) -> dict[str, object]:
    starts = {start for start, _ in tokens}
    ends = {end for _, end in tokens}
    examples = Counter(
        corpus.text[corpus.words[first][0] : corpus.words[first][1]]
        for start, end, first in corpus.entities
        if start not in starts or end not in ends
    )
    bad_starts = sum(start not in starts for start, _, _ in corpus.entities)
    bad_ends = sum(end not in ends for _, end, _ in corpus.entities)
    bad_entities = sum(
        start not in starts or end not in ends for start, end, _ in corpus.entities
    )
    return {
        "entities": len(corpus.entities),
        "misaligned_starts": bad_starts,
        "misaligned_ends": bad_ends,
        "misaligned_entities": bad_entities,
        "tokens": len(tokens),
        "misaligned_examples": [f"{word} x{n}" for word, n in examples.most_common(12)],
    }


def split_review(
    tokens: Offsets, base: Offsets, corpus: Corpus, gold: dict[str, str]
) -> tuple[dict[str, object], Counter[tuple[str, str]]]:
    """Classify the splits `tokens` made inside the words of `base`."""
    from bisect import bisect_right

    base_starts = {start for start, _ in base}
    first_words = {first for _, _, first in corpus.entities}
    word_starts = [start for start, _ in corpus.words]
    made = right = wrong_entity_initial = 0
    others: Counter[tuple[str, str]] = Counter()
    review = read_review()
    for start, _end in tokens:
        if start in base_starts:
            continue
        made += 1
        index = bisect_right(word_starts, start) - 1
        word_start, word_end = corpus.words[index]
        word = corpus.text[word_start:word_end]
        cut = word[: start - word_start]
        if index in first_words:
            if gold.get(word) == cut:
                right += 1
            else:
                wrong_entity_initial += 1
        else:
            others[(word, cut)] += 1
    verdicts: Counter[str] = Counter()
    for key, count in others.items():
        verdicts[review.get(key, "unjudged")] += count
    wrong = wrong_entity_initial + verdicts["wrong"]
    figures: dict[str, object] = {
        "splits": made,
        "entity_initial_right": right,
        "entity_initial_wrong": wrong_entity_initial,
        "other_words_ok": verdicts["ok"],
        "other_words_wrong": verdicts["wrong"],
        "other_words_unjudged": verdicts["unjudged"],
        "wrong_splits": wrong,
        "wrong_per_1000_words": round(1000 * wrong / len(corpus.words), 2),
    }
    return figures, others


def naive_split(base: Offsets, text: str, min_remainder: int = 3) -> Offsets:
    """The rule without a lexicon: split one proclitic off every word it could start."""
    out: Offsets = []
    for start, end in base:
        splits = [
            split
            for split in proclitic_splits(text[start:end], min_remainder)
            if not split.splits_article and len(split.proclitics) == 1
        ]
        if splits and text[start:end].isalpha():
            out.append((start, start + splits[0].cut))
            out.append((start + splits[0].cut, end))
        else:
            out.append((start, end))
    return out


def held_out_tokens(corpus: Corpus) -> Offsets:
    """Each half of the corpus tokenized with the lexicon from the other half."""
    middle = corpus.sentence_starts[len(corpus.sentence_starts) // 2]
    halves = (
        [e for e in corpus.entities if e[0] < middle],
        [e for e in corpus.entities if e[0] >= middle],
    )
    tokens: Offsets = []
    for own, other in ((0, 1), (1, 0)):
        lexicon = [corpus.text[start:end] for start, end, _ in halves[other]]
        tokenized = ProjectTokenizer("ar", lexicon).token_offsets(corpus.text)
        tokens += [t for t in tokenized if (t[0] < middle) == (own == 0)]
    return tokens


def main() -> None:
    if not ANERCORP.exists():
        sys.exit(f"ANERcorp sample not found at {ANERCORP}")
    gold = read_gold()
    corpus = build_corpus(read_sentences(ANERCORP), gold)
    text = corpus.text
    import spacy

    blank = spacy.blank("ar")
    spacy_tokens = [(t.idx, t.idx + len(t.text)) for t in blank(text) if not t.is_space]
    base = ProjectTokenizer("ar", split_proclitics=False).token_offsets(text)
    entity_texts = [text[start:end] for start, end, _ in corpus.entities]
    in_corpus = ProjectTokenizer("ar", entity_texts)
    edges = [edge for start, end, _ in corpus.entities for edge in (start, end)]
    variants: dict[str, Offsets] = {
        "spacy_blank_ar": spacy_tokens,
        "project_no_proclitics": base,
        "project_no_lexicon": ProjectTokenizer("ar").token_offsets(text),
        "naive_proclitic_rule": naive_split(base, text),
        "project_lexicon_held_out": held_out_tokens(corpus),
        "project_lexicon_in_corpus": in_corpus.token_offsets(text),
        "project_with_span_boundaries": in_corpus.token_offsets(text, edges),
    }
    figures: dict[str, object] = {"words": len(corpus.words), "gold_table_words": len(gold)}
    for name, tokens in variants.items():
        row: dict[str, object] = dict(misalignment(tokens, corpus))
        if name not in ("spacy_blank_ar", "project_no_proclitics"):
            review, others = split_review(tokens, base, corpus, gold)
            row.update(review)
            row["other_split_words"] = [
                f"{word} ({cut}+) x{count}" for (word, cut), count in others.most_common()
            ]
        figures[name] = row
        print(f"{name:30} " + "  ".join(
            f"{key}={value}" for key, value in row.items() if not isinstance(value, list)
        ))
    save("tokenizer_alignment", figures)


if __name__ == "__main__":
    main()

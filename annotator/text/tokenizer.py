"""The project tokenizer: one tokenization for snapping, training, pre-tagging and export.

`ProjectTokenizer(lang)` reproduces spaCy's rule-based tokenizer for the language (for Arabic
without importing spaCy; see tokenizer_rules.py), with project rules on top:

- invisible format characters (bidi marks, ZWSP, BOM; see text.plain.INVISIBLE_SEPARATORS)
  separate tokens like whitespace and never belong to one;
- Arabic proclitics (و ف ب ل ك and clusters such as وب ول فب) are split off a word when the
  rest is in the project lexicon (annotated span texts and gazetteer names), or when they are
  glued to Latin letters or digits. The article ال stays with its word. See TOKENIZER.md;
- Arabic: a final full stop splits off after any letter, digit or closing quote (EXTRA_SUFFIXES).

`boundaries` force extra splits (the edges of annotated spans) when building training and
export documents, so every annotated span aligns to tokens.

Importing this module does not import spaCy; only make_doc(), nlp() and languages without a
snapshot of their rules do.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from annotator.core.errors import AnnotatorError, E
from annotator.text import sentences
from annotator.text.arabic import (
    PROCLITIC_LETTERS,
    lexicon_forms,
    normalise_for_matching,
    proclitic_cut,
    proclitic_splits,
)
from annotator.text.plain import INVISIBLE_SEPARATORS, SEPARATOR_CLASS
from annotator.text.tokenizer_rules import AffixTokenizer, load_rules

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

TOKENIZER_NAME = "annotator.ProjectTokenizer.v1"
SERIAL_FORMAT = "annotator.ProjectTokenizer"
SERIAL_VERSION = 1
_CHUNK = re.compile(f"[^{SEPARATOR_CLASS}]+")
_MAX_CACHE = 200_000
# Project additions to spaCy's suffix rules. spaCy's Arabic rules split a final full stop only
# after two letters, so "2024." "Wonsan." "«الجزيرة»." stayed single tokens and a name at the
# end of a sentence could not be annotated; here a final "." also splits off after a digit,
# any letter or mark, or a closing quote or bracket (exceptions such as "د." still win).
EXTRA_SUFFIXES: dict[str, tuple[str, ...]] = {
    "ar": (r"(?<=[\w\u0610-\u061a\u064b-\u065f\u0670)\]}»”’\"'›%])\.$",),
}
Offsets = list[tuple[int, int]]


class ProjectTokenizer:
    """Tokens as code-point offsets, and spaCy Docs made of exactly those tokens."""

    def __init__(
        self,
        lang: str,
        lexicon: Iterable[str] = (),
        *,
        split_proclitics: bool = True,
        vocab: Vocab | None = None,
    ) -> None:
        self.lang = lang
        self._split_proclitics = split_proclitics
        self._lexicon = lexicon_forms(lexicon)
        self._vocab = vocab
        self._affix_split: Callable[[str], list[str]] | None = None
        self._spacy_tokenizer: Callable[[str], Doc] | None = None
        self._keep_whole: frozenset[str] = frozenset()  # function words never split (كان, لدى)
        self._cache: dict[str, tuple[tuple[int, int], ...]] = {}
        self._head_cuts: dict[str, tuple[int, ...]] = {}

    def __repr__(self) -> str:
        return f"ProjectTokenizer({self.lang!r}, lexicon of {len(self._lexicon)} forms)"

    # --- lexicon --------------------------------------------------------------------------------

    @property
    def lexicon(self) -> frozenset[str]:
        """Normalised word forms that license a proclitic split (see text.arabic)."""
        return self._lexicon

    def set_lexicon(self, entries: Iterable[str]) -> None:
        """Replace the lexicon with the words of `entries` (names, span texts, gazetteer)."""
        self._lexicon = lexicon_forms(entries)
        self._cache.clear()

    @property
    def split_proclitics(self) -> bool:
        """Whether Arabic proclitics are split off (see the module docstring)."""
        return self._split_proclitics

    @split_proclitics.setter
    def split_proclitics(self, value: bool) -> None:
        self._split_proclitics = value
        self._cache.clear()

    @property
    def _splits_proclitics(self) -> bool:
        return self._split_proclitics and self.lang == "ar"

    # --- tokens ---------------------------------------------------------------------------------

    def token_offsets(self, text: str, boundaries: Iterable[int] = ()) -> Offsets:
        """Code-point [start, end) of every token; no token contains whitespace or an invisible
        separator. Each offset in `boundaries` that falls strictly inside a token splits it."""
        offsets = self._base_offsets(text)
        cuts = sorted({cut for cut in boundaries if 0 < cut < len(text)})
        return split_at(offsets, cuts) if cuts else offsets

    def _base_offsets(self, text: str) -> Offsets:
        if self._affix_split is None and self._spacy_tokenizer is None:
            self._load_rules()
        if self._affix_split is None:
            return self._offsets_from_spacy(text)
        cache = self._cache
        offsets: Offsets = []
        append = offsets.append
        for match in _CHUNK.finditer(text):
            chunk = match.group()
            pieces = cache.get(chunk)
            if pieces is None:
                pieces = self._split_chunk(chunk)
                if len(cache) >= _MAX_CACHE:
                    cache.clear()
                cache[chunk] = pieces
            if len(pieces) == 1:
                append(match.span())
            else:
                base = match.start()
                offsets.extend([(base + start, base + end) for start, end in pieces])
        return offsets

    def _split_chunk(self, chunk: str) -> tuple[tuple[int, int], ...]:
        assert self._affix_split is not None
        pieces: list[tuple[int, int]] = []
        position = 0
        for token in self._affix_split(chunk):
            end = position + len(token)
            cut = (
                proclitic_cut(token, self._lexicon, self._keep_whole)
                if self._splits_proclitics
                else 0
            )
            if cut:
                pieces.append((position, position + cut))
                pieces.append((position + cut, end))
            else:
                pieces.append((position, end))
            position = end
        return tuple(pieces)

    def _load_rules(self) -> None:
        try:
            rules = load_rules(self.lang)
        except ImportError as error:  # a language code spaCy does not know
            raise AnnotatorError(E.E116, value=self.lang, what="language", reason=error) from error
        if rules is None:  # a language with its own tokenizer (zh, ja, ko, th ...)
            self._spacy_tokenizer = self._blank().tokenizer
            return
        self._keep_whole = frozenset(normalise_for_matching(word) for word in rules.stop_words)
        rules = rules.with_extra_suffixes(EXTRA_SUFFIXES.get(self.lang, ()))
        self._affix_split = AffixTokenizer(rules).split

    def _offsets_from_spacy(self, text: str) -> Offsets:
        assert self._spacy_tokenizer is not None
        offsets: Offsets = []
        for token in self._spacy_tokenizer(text):
            start, end = token.idx, token.idx + len(token.text)
            while start < end and (text[start].isspace() or text[start] in INVISIBLE_SEPARATORS):
                start += 1
            while end > start and (text[end - 1].isspace() or text[end - 1] in INVISIBLE_SEPARATORS):
                end -= 1
            if start < end:
                offsets.append((start, end))
        return offsets

    def selection_offsets(self, text: str, boundaries: Iterable[int] = ()) -> Offsets:
        """Units for snapping a drag selection in the editor: token_offsets split further after
        every grammatical proclitic head of an Arabic word (و، وب، ل ...), known to the lexicon
        or not, so that بيونج can be selected inside وبيونج the first time it is met. A span
        made that way aligns in training and export through its edges (`boundaries`)."""
        offsets = self.token_offsets(text, boundaries)
        if not self._splits_proclitics:
            return offsets
        cuts: list[int] = []
        for start, end in offsets:
            if text[start] in PROCLITIC_LETTERS:
                word = text[start:end]
                heads = self._head_cuts.get(word)
                if heads is None:
                    heads = tuple(s.cut for s in proclitic_splits(word) if not s.splits_article)
                    if len(self._head_cuts) >= _MAX_CACHE:
                        self._head_cuts.clear()
                    self._head_cuts[word] = heads
                cuts.extend(start + cut for cut in heads)
        return split_at(offsets, cuts) if cuts else offsets

    def sentence_offsets(self, text: str) -> Offsets:
        """Rule-based sentences: after . ! ? ؟ … (with closing quotes) and at line breaks."""
        return sentences.sentence_offsets(text, self._base_offsets(text))

    # --- spaCy ----------------------------------------------------------------------------------

    def _blank(self) -> Language:
        import spacy

        try:
            return spacy.blank(self.lang)
        except Exception as error:  # spaCy raises ImportError or its own ValueError (E048)
            raise AnnotatorError(E.E116, value=self.lang, what="language", reason=error) from error

    @property
    def vocab(self) -> Vocab:
        """The vocabulary Docs are made with: the pipeline's, or a blank one made on first use."""
        if self._vocab is None:
            self._vocab = self._blank().vocab
        return self._vocab

    @vocab.setter
    def vocab(self, vocab: Vocab) -> None:
        self._vocab = vocab

    def make_doc(self, text: str, boundaries: Iterable[int] = ()) -> Doc:
        """A Doc with `doc.text == text` whose tokens are token_offsets(text, boundaries), plus
        spaCy's usual whitespace tokens for gaps other than one space (a run of spaces, a line
        break) and tokens for invisible separators; `is_separator_text(token.text)` tells
        those apart."""
        return doc_from_offsets(self.vocab, text, self.token_offsets(text, boundaries))

    def __call__(self, text: str) -> Doc:
        return self.make_doc(text)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self.make_doc(text)

    def nlp(self) -> Language:
        """A new blank pipeline for this language using this tokenizer (and its lexicon). It
        saves with nlp.to_disk and loads again with `load_pipeline` (or spacy.load once the
        tokenizer is registered)."""
        import spacy

        register_with_spacy()
        tokenizer_config = {"@tokenizers": TOKENIZER_NAME, "split_proclitics": self.split_proclitics}
        try:
            pipeline = spacy.blank(self.lang, config={"nlp": {"tokenizer": tokenizer_config}})
        except Exception as error:
            raise AnnotatorError(E.E116, value=self.lang, what="language", reason=error) from error
        cast(ProjectTokenizer, pipeline.tokenizer)._lexicon = self._lexicon
        return pipeline

    # --- serialisation (spaCy calls these when saving and loading a pipeline) -------------------

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        data = {
            "format": SERIAL_FORMAT,
            "version": SERIAL_VERSION,
            "lang": self.lang,
            "split_proclitics": self.split_proclitics,
            "lexicon": sorted(self._lexicon),
        }
        return json.dumps(data, ensure_ascii=False, indent=0).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> ProjectTokenizer:
        loaded = json.loads(data.decode("utf-8"))
        if loaded.get("format") != SERIAL_FORMAT:
            raise ValueError(f"not a {SERIAL_FORMAT} file (format {loaded.get('format')!r})")
        self.split_proclitics = bool(loaded.get("split_proclitics", True))
        self._lexicon = frozenset(loaded.get("lexicon", ()))
        self._cache.clear()
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ProjectTokenizer:
        return self.from_bytes(Path(path).read_bytes())


def split_at(offsets: Sequence[tuple[int, int]], cuts: Sequence[int]) -> Offsets:
    """`offsets` with every token that strictly contains one of the sorted `cuts` split there."""
    result: Offsets = []
    first_cut = 0
    for start, end in offsets:
        first_cut = bisect_right(cuts, start, lo=first_cut)
        position = start
        while first_cut < len(cuts) and cuts[first_cut] < end:
            result.append((position, cuts[first_cut]))
            position = cuts[first_cut]
            first_cut += 1
        result.append((position, end))
    return result


def snap_to_tokens(offsets: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to whole tokens of `offsets` (sorted, as token_offsets returns).

    Every token the selection overlaps is taken whole. A caret (start == end) inside or at the
    start of a token gives that token. A selection that touches no token (only whitespace)
    gives the empty range (start, start), which callers treat as "nothing to annotate".
    """
    if start > end:
        start, end = end, start
    first = bisect_right(offsets, start, key=lambda token: token[1])  # first token ending after start
    if start == end:
        if first < len(offsets) and offsets[first][0] <= start:
            return offsets[first]
        return start, start
    last = bisect_left(offsets, end, key=lambda token: token[0]) - 1  # last token starting before end
    if first > last:
        return start, start
    return offsets[first][0], offsets[last][1]


def doc_from_offsets(vocab: Vocab, text: str, offsets: Sequence[tuple[int, int]]) -> Doc:
    """A Doc with exactly `text` whose non-gap tokens are `offsets` (sorted, disjoint). A gap
    of one space becomes the previous token's trailing space, as in spaCy; any other gap
    (more spaces, line breaks, invisible marks) becomes a token of its own."""
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    position = 0
    for start, end in [*offsets, (len(text), len(text))]:
        gap = text[position:start]
        if gap.startswith(" ") and words and not spaces[-1]:
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            words.append(gap)
            spaces.append(False)
        if start < end:
            words.append(text[start:end])
            spaces.append(False)
        position = end
    return Doc(vocab, words=words, spaces=spaces)


def create_project_tokenizer(split_proclitics: bool = True) -> Callable[[Language], ProjectTokenizer]:
    """The function registered as "annotator.ProjectTokenizer.v1" in spaCy's tokenizers
    registry; its lexicon travels in the pipeline's "tokenizer" file (to_disk/from_disk)."""

    def make(nlp: Language) -> ProjectTokenizer:
        return ProjectTokenizer(nlp.lang or "xx", split_proclitics=split_proclitics, vocab=nlp.vocab)

    return make


def register_with_spacy() -> None:
    """Make "annotator.ProjectTokenizer.v1" known to spaCy (idempotent)."""
    from spacy.util import registry

    registry.tokenizers.register(TOKENIZER_NAME, func=create_project_tokenizer)


def load_pipeline(path: str | Path, **kwargs: Any) -> Language:
    """spacy.load for pipelines trained with the project tokenizer."""
    import spacy

    register_with_spacy()
    return spacy.load(path, **kwargs)

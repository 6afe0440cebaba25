"""CoNLL: one token and its tag per line, a blank line between sentences, `-DOCSTART-` lines
between documents. Two or more columns (token first, tag last), tab or space separated, CRLF
or LF. Tags in IOB1, IOB2 or BILOU/BIOES, detected or given; invalid sequences are read the
way conlleval reads them and counted.

Import rebuilds each document's text: tokens joined by a space, sentences by a line break,
and records the token and sentence offsets (meta `tokenization`), so exporting it again gives
back the same tokens and sentences. A file written with the extra column `space` (the
whitespace after each token) gives back the exact original text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError, E
from annotator.core.model import SourceDocument, Span
from annotator.formats.conll_repairs import (
    Repairs,
    is_invisible,
    is_sentence_final,
    suffix_to_prefix,
    survey,
)
from annotator.formats.registry import ReadOptions, reader
from annotator.formats.schemes import (
    Chunk,
    DecodeNotes,
    SchemeEvidence,
    decode,
    normalise_scheme,
    split_tag,
)
from annotator.formats.tokens import TOKENIZATION_KEY
from annotator.text.decoding import iter_lines

DOCSTART = "-DOCSTART-"
HEADER = "# global.columns ="
EXTRA_COLUMNS = ("start", "end", "space")
# meta: the columns of each token that are no entity tags (POS, chunk), in file order, one list
# per recorded token; the writer puts them back between the token and its tag
OTHER_COLUMNS_KEY = "conll_columns"
_ESCAPES = {" ": "\\s", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def escape_space(gap: str) -> str:
    if not gap:
        return "_"
    return "".join(_ESCAPES.get(ch, f"\\u{ord(ch):04x}") for ch in gap)


def unescape_space(value: str, path: Path, line: int) -> str:
    if value == "_":
        return ""
    out, i = [], 0
    reverse = {v: k for k, v in _ESCAPES.items()}
    while i < len(value):
        pair = value[i:i + 2]
        if pair in reverse:
            out.append(reverse[pair])
            i += 2
        elif pair == "\\u" and len(value) >= i + 6:
            out.append(chr(int(value[i + 2:i + 6], 16)))
            i += 6
        else:
            raise AnnotatorError(E.E211, file=path, line=line,
                                 reason=f"cannot read the space column value {value!r}")
    return "".join(out)


# ------------------------------------------------------------------------------- reading
@dataclass
class _Sentence:
    tokens: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)  # the first (outermost) tag of each token
    layers: list[list[str]] = field(default_factory=list)  # every tag of each token
    spaces: list[str | None] = field(default_factory=list)  # from a `space` column
    others: list[list[str]] = field(default_factory=list)  # columns that are no tags (POS, chunk)
    line: int = 0


@dataclass
class _Layout:
    columns: int = 0
    separator: str | None = None  # "\t" or None (any run of spaces)
    token: int = 0
    tag: int = -1
    space: int | None = None
    multi_tag: bool = False  # `token TAG [TAG ...]`: every column after the token is a tag
    others: tuple[int, ...] = ()  # columns kept as they are (CoNLL-2003's POS and chunk)


def is_bio_tag(value: str) -> bool:
    """O, or a B-/I-/L-/U-/E-/S- prefix (or _) and a label: a column of these holds entities."""
    return value == "O" or (len(value) > 2 and value[0] in "BILUES" and value[1] in "-_")


def _split(line: str, layout: _Layout) -> list[str]:
    if layout.separator == "\t":
        return line.split("\t")
    return line.split()


def _has_empty_token(line: str, columns: list[str], layout: _Layout) -> bool:
    """` O`: a tag line whose token is empty (ANERcorp has five)."""
    if layout.separator == "\t":
        return len(columns) > 1 and not columns[0].strip()
    return (line[:1].isspace() and all(is_bio_tag(c) for c in columns)
            and (len(columns) == 1 or (not layout.multi_tag and len(columns) < layout.columns)))


def _events(path: Path, options: ReadOptions,
            repairs: Repairs | None = None) -> Iterator[tuple[str, object]]:
    """('doc', (line, leading whitespace)) and ('sentence', _Sentence), in file order; the
    rules of conll_repairs applied on the way and recorded in REPAIRS."""
    shape = survey(iter_lines(path)[1])
    repairs = repairs if repairs is not None else Repairs()
    repairs.splitting = not shape.sentence_breaks
    encoding, lines = iter_lines(path)
    options.report.encodings[str(path)] = encoding
    layout = _Layout()
    sentence = _Sentence()
    for number, raw in lines:
        line = raw.rstrip("\r\n")
        if number == 1 and line.lstrip("\ufeff").startswith(HEADER):
            names = line.lstrip("\ufeff")[len(HEADER):].split()
            upper = [n.upper() for n in names]
            if "TOKEN" not in upper or "TAG" not in upper:
                raise AnnotatorError(E.E211, file=path, line=number,
                                     reason="the columns header needs TOKEN and TAG")
            layout.columns, layout.separator = len(names), "\t" if "\t" in raw else None
            layout.token, layout.tag = upper.index("TOKEN"), upper.index("TAG")
            layout.space = upper.index("SPACE") if "SPACE" in upper else None
            layout.others = tuple(i for i, name in enumerate(upper)
                                  if name not in ("TOKEN", "TAG", "SPACE", "START", "END"))
            continue
        if not line.strip():
            if sentence.tokens:
                yield "sentence", sentence
                sentence = _Sentence()
            continue
        if layout.columns == 0:
            layout.separator = "\t" if "\t" in line else None
        columns = _split(line, layout)
        if columns[0] == DOCSTART:
            if sentence.tokens:
                yield "sentence", sentence
                sentence = _Sentence()
            leading = ""
            if layout.space is not None and len(columns) == layout.columns:
                leading = unescape_space(columns[layout.space], path, number)
            yield "doc", (number, leading)
            continue
        columns = repairs.clean(number, columns)
        if _has_empty_token(line, columns, layout):
            repairs.empty_tokens.append((number, " ".join(c for c in columns if c.strip())))
            continue
        if layout.space is None and layout.tag == -1:
            columns = columns[:1] + repairs.tags(columns[1:], shape.suffix_style)
        elif -len(columns) <= layout.tag < len(columns):
            columns[layout.tag] = repairs.tags([columns[layout.tag]], shape.suffix_style)[0]
        if layout.columns == 0:
            if len(columns) < 2:
                raise AnnotatorError(E.E211, file=path, line=number,
                                     reason="a token line needs at least a token and a tag "
                                            f"(got {line[:60]!r})")
            layout.columns = len(columns)
            layout.multi_tag = all(is_bio_tag(c) for c in columns[1:])
            if not layout.multi_tag:
                layout.others = tuple(range(1, len(columns) - 1))
        if layout.multi_tag and len(columns) >= 2 and all(is_bio_tag(c) for c in columns[1:]):
            if not columns[0].strip():
                raise AnnotatorError(E.E211, file=path, line=number,
                                     reason=f"a token line with no token (got {line[:60]!r})")
            if not sentence.tokens:
                sentence.line = number
            sentence.tokens.append(columns[0])
            sentence.tags.append(columns[1])
            sentence.layers.append(columns[1:])
            sentence.spaces.append(None)
            if repairs.splitting and is_sentence_final(columns[0]):
                yield "sentence", sentence
                sentence = _Sentence()
            continue
        if len(columns) != layout.columns:
            raise AnnotatorError(E.E216, file=path, line=number, got=len(columns),
                                 expected=layout.columns)
        token, tag = columns[layout.token], columns[layout.tag].strip()
        prefix, label = split_tag(tag)
        if not token or (prefix != "O" and not label.strip()) or (prefix == "O" and tag != "O"):
            raise AnnotatorError(E.E211, file=path, line=number,
                                 reason=f"cannot read token {token!r} with tag {tag!r}")
        if not sentence.tokens:
            sentence.line = number
        sentence.tokens.append(token)
        sentence.tags.append(tag)
        sentence.layers.append([tag])
        sentence.spaces.append(unescape_space(columns[layout.space], path, number)
                               if layout.space is not None else None)
        if layout.others:
            sentence.others.append([columns[i] for i in layout.others])
        if repairs.splitting and layout.space is None and is_sentence_final(token):
            yield "sentence", sentence
            sentence = _Sentence()
    if sentence.tokens:
        yield "sentence", sentence


def _layer_tags(sentence: _Sentence) -> list[list[str]]:
    """One tag sequence per tag column (layer 0 first); a token with fewer tags is O there."""
    depth = max(len(tags) for tags in sentence.layers)
    return [[tags[k] if k < len(tags) else "O" for tags in sentence.layers]
            for k in range(depth)]


def depths(chunks: list[Chunk]) -> list[int]:
    """Each chunk's depth: 1 for an outermost entity, 2 inside one, ... (as `nesting`)."""
    return [1 + sum(1 for j, other in enumerate(chunks) if j != i
                    and other.start <= chunk.start and chunk.end <= other.end
                    and (other.end - other.start > chunk.end - chunk.start or j < i))
            for i, chunk in enumerate(chunks)]


def nesting(chunks: list[Chunk]) -> tuple[int, int]:
    """(entities inside another entity, deepest level) of one sentence's chunks: a chunk is
    inside another when the other covers all its tokens (an identical extent counts once)."""
    nested, deepest = 0, 1 if chunks else 0
    for i, chunk in enumerate(chunks):
        outer = sum(1 for j, other in enumerate(chunks) if j != i
                    and other.start <= chunk.start and chunk.end <= other.end
                    and (other.end - other.start > chunk.end - chunk.start or j < i))
        nested += outer > 0
        deepest = max(deepest, outer + 1)
    return nested, deepest


def _scheme(path: Path, options: ReadOptions) -> str:
    if options.scheme:
        try:
            return normalise_scheme(options.scheme)
        except ValueError as err:
            raise AnnotatorError(E.E220, file=path, scheme=options.scheme) from err
    evidence = SchemeEvidence()
    for kind, item in _events(path, options):
        if kind == "sentence":
            assert isinstance(item, _Sentence)
            for tags in _layer_tags(item):
                evidence.add(tags)
    return evidence.scheme()


class _DocumentBuilder:
    def __init__(self, path: Path, line: int, leading: str) -> None:
        self.path, self.line = path, line
        self.parts: list[str] = [leading]
        self.length = len(leading)
        self.tokens: list[int] = []
        self.sentence_starts: list[int] = []
        self.spans: list[Span] = []
        self.exact = True  # tokens are the whitespace-separated pieces, sentences the lines
        self.sentences = 0
        self.others: list[list[str]] = []  # per token: the columns that are no tags

    def add(self, sentence: _Sentence, chunks: list[Chunk]) -> None:
        explicit = sentence.spaces[0] is not None
        if self.sentences and not explicit:
            self._append("\n")
        self.sentences += 1
        self.sentence_starts.append(self.length)
        starts = []
        for i, token in enumerate(sentence.tokens):
            if i and not explicit:
                self._append(" ")
            starts.append(self.length)
            self._append(token)
            self.tokens += [starts[-1], self.length]
            if any(ch.isspace() for ch in token):
                self.exact = False
            if explicit:
                self._append(sentence.spaces[i] or "")
        if explicit:
            self.exact = False
        self.others += sentence.others
        for chunk in chunks:
            start = starts[chunk.start]
            end = starts[chunk.end - 1] + len(sentence.tokens[chunk.end - 1])
            self.spans.append(Span(start, end, chunk.label))

    def _append(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)

    def document(self, scheme: str) -> SourceDocument:
        tokenization: dict[str, object] = (
            {"tokens": "whitespace", "sentences": "lines"} if self.exact and not self.parts[0]
            else {"tokens": self.tokens, "sentences": self.sentence_starts})
        meta: dict[str, object] = {"line": self.line, "scheme": scheme,
                                   TOKENIZATION_KEY: tokenization}
        if self.others:
            meta[OTHER_COLUMNS_KEY] = self.others
        return SourceDocument("".join(self.parts), source=f"{self.path.name}:{self.line}",
                              meta=meta, spans=self.spans, annotated=True)


def _sniff_conll(_path: Path, head: bytes) -> bool:
    try:
        text = head.decode("utf-8", "ignore")
    except Exception:  # pragma: no cover
        return False
    lines = [x for x in text.splitlines()[:200] if x.strip() and not x.startswith(DOCSTART)]
    if len(lines) < 2:
        return False
    tagged = 0
    for line in lines[:-1]:  # the last line may be cut
        columns = [c for c in line.split() if not is_invisible(c)]
        if line[:1].isspace() and len(columns) == 1:
            columns = ["", *columns]  # an empty token (see conll_repairs)
        if len(columns) >= 2:
            tag = suffix_to_prefix(columns[-1])
            prefix, label = split_tag(tag)
            if tag == "O" or (tag[1:2] in "-_" and prefix != "I") or \
                    tag.startswith(("I-", "I_")):
                tagged += 1
    return tagged >= 0.9 * (len(lines) - 1)


@reader("conll", "CoNLL: token and tag per line, blank line between sentences (IOB1/IOB2/BILOU)",
        extensions=(".conll", ".conll03", ".conllx", ".iob", ".iob2", ".bio", ".bilou", ".bioes"),
        sniff=_sniff_conll, claims_by_content=(".txt",))
def read_conll(path: Path, options: ReadOptions) -> Iterator[SourceDocument]:
    scheme = _scheme(path, options)
    notes = DecodeNotes()
    per_sentence = options.split in ("sentence", "paragraph", "line")
    builder: _DocumentBuilder | None = None
    sentences = 0
    layers: dict[int, int] = {}  # tag column -> entities read from it
    nested = deepest = kept_columns = 0
    per_depth: dict[int, int] = {}  # depth -> entities at it
    repairs = Repairs()
    for kind, item in _events(path, options, repairs):
        if kind == "doc":
            assert isinstance(item, tuple)
            if builder is not None and builder.sentences:
                yield builder.document(scheme)
            builder = _DocumentBuilder(path, item[0], item[1])
            continue
        assert isinstance(item, _Sentence)
        sentences += 1
        chunks = []
        for layer, tags in enumerate(_layer_tags(item)):
            decoded = decode(tags, scheme, notes)
            layers[layer] = layers.get(layer, 0) + len(decoded)
            chunks += decoded
        for depth in depths(chunks):
            per_depth[depth] = per_depth.get(depth, 0) + 1
        inside, deep = nesting(chunks)
        nested, deepest = nested + inside, max(deepest, deep)
        if item.others:
            kept_columns = max(kept_columns, len(item.others[0]))
        if builder is None or (per_sentence and builder.sentences):
            if builder is not None and builder.sentences:
                yield builder.document(scheme)
            builder = _DocumentBuilder(path, item.line, "")
        builder.add(item, chunks)
    if builder is not None and builder.sentences:
        yield builder.document(scheme)
    report = options.report
    report.messages.append(f"{path}: {sentences} sentence(s), tagging scheme {scheme}"
                           + ("" if options.scheme else " (detected)"))
    if repairs.splitting and sentences > 1:
        repairs.split_sentences = sentences
    report.messages += repairs.messages(path)
    if len(layers) > 1:
        report.messages.append(
            f"{path}: {len(layers)} tag columns (multi-tag CoNLL): {sum(layers.values())} "
            f"entities, {nested} of them inside another entity, nested up to {deepest} deep; "
            "entities per tag column: "
            + ", ".join(f"{layer + 1}: {n}" for layer, n in sorted(layers.items()))
            + "; entities per depth: "
            + ", ".join(f"{depth}: {n}" for depth, n in sorted(per_depth.items())))
    if kept_columns:
        report.messages.append(
            f"{path}: {kept_columns} column(s) between token and tag that are no entity tags "
            f"(POS, chunk) kept per token (document meta {OTHER_COLUMNS_KEY!r}) and written "
            "back on CoNLL export")
    if notes.invalid_starts:
        report.count("conll: I-/L- tags opening an entity, read as its start (conlleval)",
                      notes.invalid_starts)
    if notes.unclosed:
        report.count("conll: BILOU entities without L-, closed where they stop", notes.unclosed)
    if notes.unprefixed:
        report.count("conll: tags without a B-/I- prefix, read as I-", notes.unprefixed)

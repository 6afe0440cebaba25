"""Token tagging schemes for CoNLL-style files: IOB1, IOB2 and BILOU (alias BIOES).

`encode` turns entity chunks (token index ranges with a label) into tags; `decode` reads tags
back into chunks the way conlleval does: a chunk starts at B-, at I- after O, after another
type or at the start of a sentence, and at any prefix that cannot continue the chunk before it
(so an invalid `I-` is a new chunk, never a silently dropped or merged one). Every repair of an
invalid sequence is counted, so importers can report them.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

SCHEMES = ("iob1", "iob2", "bilou")
SCHEME_ALIASES = {"bioes": "bilou", "iobes": "bilou", "bio": "iob2", "iob": "iob2"}
# Prefixes: BILOU's L/U are BIOES's E/S; both are read, BILOU's letters are written.
_PREFIX = {"B": "B", "I": "I", "L": "L", "E": "L", "U": "U", "S": "U"}


def normalise_scheme(name: str) -> str:
    key = name.strip().lower()
    key = SCHEME_ALIASES.get(key, key)
    if key not in SCHEMES:
        raise ValueError(f"unknown tagging scheme {name!r}; use iob1, iob2 or bilou")
    return key


@dataclass(frozen=True, slots=True)
class Chunk:
    """Tokens [start, end) carry LABEL."""

    start: int
    end: int
    label: str


def split_tag(tag: str) -> tuple[str, str]:
    """('B'|'I'|'L'|'U'|'O', label). A tag with no prefix (IO style) reads as I-tag."""
    if tag == "O" or tag == "":
        return "O", ""
    if len(tag) >= 2 and tag[1] in "-_" and tag[0] in _PREFIX:
        return _PREFIX[tag[0]], tag[2:]
    return "I", tag


def encode(chunks: Iterable[Chunk], length: int, scheme: str,
           sentence_starts: Container[int] = ()) -> list[str]:
    """Tags for LENGTH tokens; CHUNKS must not overlap. IOB1 marks a chunk B- only right after
    a chunk of its type in the same sentence (token indices in SENTENCE_STARTS open one)."""
    tags = ["O"] * length
    previous: Chunk | None = None
    for chunk in sorted(chunks, key=lambda c: c.start):
        label, size = chunk.label, chunk.end - chunk.start
        if scheme == "bilou":
            if size == 1:
                tags[chunk.start] = f"U-{label}"
            else:
                tags[chunk.start] = f"B-{label}"
                for i in range(chunk.start + 1, chunk.end - 1):
                    tags[i] = f"I-{label}"
                tags[chunk.end - 1] = f"L-{label}"
        else:
            first = "B"
            if scheme == "iob1" and not (previous is not None and previous.end == chunk.start
                                         and previous.label == label
                                         and chunk.start not in sentence_starts):
                first = "I"
            tags[chunk.start] = f"{first}-{label}"
            for i in range(chunk.start + 1, chunk.end):
                tags[i] = f"I-{label}"
        previous = chunk
    return tags


@dataclass
class DecodeNotes:
    """What decoding had to repair (counted per file by the importers)."""

    invalid_starts: int = 0  # I-/L- (IOB2, BILOU) opening a chunk: read as its start (conlleval)
    unclosed: int = 0  # BILOU B-/I- chunk not ended by L-: closed where it stops
    unprefixed: int = 0  # tags without a B-/I- prefix, read as I-


def decode(tags: Sequence[str], scheme: str, notes: DecodeNotes | None = None) -> list[Chunk]:
    """Chunks of one sentence's TAGS, read as conlleval reads them."""
    notes = notes if notes is not None else DecodeNotes()
    chunks: list[Chunk] = []
    open_start, open_label, open_prefix = -1, "", "O"
    for i, tag in enumerate(tags):
        prefix, label = split_tag(tag)
        if prefix == "I" and tag and tag[:2] not in ("I-", "I_"):
            notes.unprefixed += 1
        continues = (open_start >= 0 and label == open_label and prefix in ("I", "L")
                     and open_prefix in ("B", "I"))
        if scheme == "iob1" and prefix == "B":
            continues = False
        if scheme != "bilou" and prefix in ("L", "U"):
            # BILOU letters in an IOB file: still read them sensibly
            continues = continues and prefix == "L"
        if not continues and open_start >= 0:
            if scheme == "bilou" and open_prefix in ("B", "I"):
                notes.unclosed += 1
            chunks.append(Chunk(open_start, i, open_label))
            open_start = -1
        if prefix == "O":
            open_prefix = "O"
            continue
        if not continues:
            if prefix in ("I", "L") and scheme != "iob1":
                notes.invalid_starts += 1
            open_start, open_label = i, label
        open_prefix = prefix
        if prefix in ("L", "U"):
            chunks.append(Chunk(open_start, i + 1, open_label))
            open_start, open_prefix = -1, "O"
    if open_start >= 0:
        if scheme == "bilou" and open_prefix in ("B", "I"):
            notes.unclosed += 1
        chunks.append(Chunk(open_start, len(tags), open_label))
    return chunks


@dataclass
class SchemeEvidence:
    """Accumulates what the tags of a file show, to tell its scheme."""

    bilou: bool = False  # L-/U-/E-/S- seen
    i_opens: int = 0  # I- starting a chunk (after O, another type, or a sentence start)
    b_opens: int = 0  # B- starting a chunk after O, another type or a sentence start
    b_after_same: int = 0  # B- right after a tag of the same type

    def add(self, tags: Sequence[str]) -> None:
        previous_prefix, previous_label = "O", ""
        for tag in tags:
            prefix, label = split_tag(tag)
            if prefix in ("L", "U"):
                self.bilou = True
            same = previous_prefix != "O" and previous_label == label
            if prefix == "I" and not same:
                self.i_opens += 1
            elif prefix == "B":
                if same:
                    self.b_after_same += 1
                else:
                    self.b_opens += 1
            previous_prefix, previous_label = prefix, label

    def scheme(self) -> str:
        if self.bilou:
            return "bilou"
        if self.i_opens and not self.b_opens:
            return "iob1"  # chunks open with I-, B- only between two chunks of one type
        return "iob2"

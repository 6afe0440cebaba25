"""Token boundaries of the open document, for snapping selections to the project tokenizer.

The project tokenizer (`annotator.text.tokenizer.ProjectTokenizer`) may load spaCy for some
languages (about half a second), and tokenizing a 1 MB document takes a while, so it never runs
before the window is up: `start_in_background()` tokenizes on a worker thread after the first
paint, and the first snap waits for it if it is not ready yet.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable

Offsets = list[tuple[int, int]]

# Used only while annotator.text.tokenizer is not installed (it is built in parallel):
# runs of letters, digits and Arabic combining marks, or single other non-space characters.
_FALLBACK_TOKEN = re.compile(r"(?:[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640])+|[^\w\s]")


def project_token_offsets(language: str, text: str, lexicon: Iterable[str] = ()) -> Offsets:
    """Code-point (start, end) tokens of TEXT as the project's tokenizer splits it.

    LEXICON (names already annotated) lets the tokenizer split a proclitic off a known name."""
    try:
        from annotator.text.tokenizer import ProjectTokenizer
    except ImportError:  # only while the tokenizer is not installed in this checkout
        return [m.span() for m in _FALLBACK_TOKEN.finditer(text)]
    return ProjectTokenizer(language, lexicon).token_offsets(text)


class TokenBoundaries:
    """Tokens of one text, computed once (on a worker thread or on first use)."""

    def __init__(self, text: str, language: str, lexicon: Iterable[str] = (),
                 tokenize: Callable[[str, str, Iterable[str]], Offsets] = project_token_offsets
                 ) -> None:
        self._text = text
        self._language = language
        self._lexicon = list(lexicon)
        self._tokenize = tokenize
        self._lock = threading.Lock()
        self._starts: list[int] | None = None
        self._offsets: Offsets = []
        self._ends: list[int] = []

    @property
    def ready(self) -> bool:
        return self._starts is not None

    def start_in_background(self, done: Callable[[], None] | None = None) -> threading.Thread:
        def work() -> None:
            self._ensure()
            if done is not None:
                done()

        thread = threading.Thread(target=work, name="tokenize", daemon=True)
        thread.start()
        return thread

    def _ensure(self) -> list[int]:
        with self._lock:
            if self._starts is None:
                offsets = sorted(self._tokenize(self._language, self._text, self._lexicon))
                self._offsets = offsets
                self._ends = [e for _s, e in offsets]
                self._starts = [s for s, _e in offsets]
            return self._starts

    # ------------------------------------------------------------------ queries
    def snap(self, start: int, end: int) -> tuple[int, int]:
        """Widen [start, end) to whole tokens (the tokenizer's `snap_to_tokens` rule); a
        selection of whitespace alone gives an empty range."""
        self._ensure()
        try:
            from annotator.text.tokenizer import snap_to_tokens
        except ImportError:  # only while the tokenizer is not installed in this checkout
            first = bisect_right(self._ends, start)
            last = bisect_left(self._starts or [], end) - 1
            return (start, start) if first > last else (self._offsets[first][0], self._ends[last])
        return snap_to_tokens(self._offsets, start, end)

    def token_at(self, position: int) -> tuple[int, int] | None:
        """The token holding the character at POSITION, if any."""
        starts = self._ensure()
        i = bisect_right(starts, position) - 1
        if i >= 0 and self._ends[i] > position:
            return starts[i], self._ends[i]
        return None

    def step(self, position: int, anchor: int, forward: bool) -> int:
        """Where a selection's free end at POSITION goes on one token step (Shift+arrow):
        on the anchor's forward side it moves between token ends, on the other side between
        token starts, and it stops at the anchor when it crosses it."""
        starts = self._ensure()
        ends = self._ends
        if forward and position >= anchor:  # grow forward: the next token end
            i = bisect_right(ends, position)
            return ends[i] if i < len(ends) else position
        if forward:  # shrink a backward selection: the next token start, at most the anchor
            i = bisect_right(starts, position)
            return min(starts[i], anchor) if i < len(starts) else anchor
        if position > anchor:  # shrink a forward selection: the previous token end
            i = bisect_left(ends, position) - 1
            return max(ends[i], anchor) if i >= 0 else anchor
        i = bisect_left(starts, position) - 1  # grow backward: the previous token start
        return starts[i] if i >= 0 else position

    def nearest_boundary(self, position: int) -> int:
        """POSITION moved out of the token it falls inside, to that token's start."""
        token = self.token_at(position)
        return token[0] if token and token[0] < position else position

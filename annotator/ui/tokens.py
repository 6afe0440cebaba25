"""Token boundaries of the open document, for snapping selections to the project tokenizer.

The project tokenizer (`annotator.nlp.tokenizer.ProjectTokenizer`) may load spaCy, which takes
about half a second, so it never runs before the window is up: `start_in_background()` warms it
on a worker thread after the first paint, and the first snap waits for it if it is not ready.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable

Offsets = list[tuple[int, int]]

# Used only while annotator.nlp.tokenizer is not installed (it is built in parallel):
# runs of letters, digits and Arabic combining marks, or single other non-space characters.
_FALLBACK_TOKEN = re.compile(r"(?:[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640])+|[^\w\s]")


def project_token_offsets(language: str, text: str) -> Offsets:
    """Code-point (start, end) tokens of TEXT as the project's tokenizer splits it."""
    try:
        from annotator.nlp.tokenizer import ProjectTokenizer
    except ImportError:
        return [m.span() for m in _FALLBACK_TOKEN.finditer(text)]
    return [(int(s), int(e)) for s, e in ProjectTokenizer(language).token_offsets(text)]


class TokenBoundaries:
    """Tokens of one text, computed once (on a worker thread or on first use)."""

    def __init__(self, text: str, language: str,
                 tokenize: Callable[[str, str], Offsets] = project_token_offsets) -> None:
        self._text = text
        self._language = language
        self._tokenize = tokenize
        self._lock = threading.Lock()
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        self._boundaries: list[int] = []

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
                offsets = sorted(self._tokenize(self._language, self._text))
                self._ends = [e for _s, e in offsets]
                self._boundaries = sorted({x for pair in offsets for x in pair})
                self._starts = [s for s, _e in offsets]
            return self._starts

    # ------------------------------------------------------------------ queries
    def snap(self, start: int, end: int) -> tuple[int, int]:
        """Widen [start, end) to whole tokens; whitespace at either side is dropped.

        A selection holding no token at all is returned unchanged."""
        starts = self._ensure()
        first = bisect_right(self._ends, start)  # first token ending after start
        last = bisect_left(starts, end) - 1  # last token starting before end
        if first > last:
            return start, end
        return starts[first], self._ends[last]

    def token_at(self, position: int) -> tuple[int, int] | None:
        """The token holding the character at POSITION, if any."""
        starts = self._ensure()
        i = bisect_right(starts, position) - 1
        if i >= 0 and self._ends[i] > position:
            return starts[i], self._ends[i]
        return None

    def step(self, position: int, forward: bool) -> int:
        """The next token boundary after (or before) POSITION; POSITION itself at the ends."""
        self._ensure()
        bounds = self._boundaries
        if forward:
            i = bisect_right(bounds, position)
            return bounds[i] if i < len(bounds) else position
        i = bisect_left(bounds, position) - 1
        return bounds[i] if i >= 0 else position

    def nearest_boundary(self, position: int) -> int:
        """POSITION moved out of the token it falls inside, to that token's start."""
        token = self.token_at(position)
        return token[0] if token and token[0] < position else position

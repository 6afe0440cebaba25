"""Code points (the store's offsets) to and from UTF-16 units (Qt's text positions).

They differ only after a character outside the Basic Multilingual Plane (an emoji, some rare
scripts); for texts without one the map is the identity and costs nothing.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class OffsetMap:
    def __init__(self, text: str) -> None:
        # code-point positions of astral characters (each takes two UTF-16 units)
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if (
            len(text.encode("utf-16-le")) != 2 * len(text)) else []
        self._qt = [i + n + 1 for n, i in enumerate(self._astral)]  # Qt position after each

    @property
    def identity(self) -> bool:
        return not self._astral

    def to_qt(self, offset: int) -> int:
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        if not self._astral:
            return position
        return position - bisect_right(self._qt, position)

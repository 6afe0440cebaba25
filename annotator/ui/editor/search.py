"""Find a phrase in the document ignoring Arabic diacritics, tatweel and letter variants.

Matching runs on `annotator.text.arabic`'s normalised copy of the text, built once per document
on the first search; its offset map turns each match back into offsets of the stored text.
"""

from __future__ import annotations

from annotator.text.arabic import NormalisedText, normalise_with_offsets


class DocumentSearch:
    def __init__(self, text: str) -> None:
        self.text = text
        self._normalised: NormalisedText | None = None

    def find_all(self, query: str) -> list[tuple[int, int]]:
        """(start, end) of every match of QUERY, in order, as offsets into the stored text."""
        if not query.strip():
            return []
        if self._normalised is None:
            self._normalised = normalise_with_offsets(self.text)
        return self._normalised.find_all(query.strip())

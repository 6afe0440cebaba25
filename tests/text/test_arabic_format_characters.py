"""The matching form drops every format character: the planes scanned for them hold them all."""

from __future__ import annotations

import sys
import unicodedata

from annotator.text.arabic import format_characters, normalise_for_matching


def test_the_scanned_planes_hold_every_format_character_of_this_python():
    every = tuple(code for code in range(sys.maxunicode + 1)
                  if unicodedata.category(chr(code)) == "Cf")
    assert format_characters() == every
    assert len(every) > 100  # bidi marks, joiners, tags: this Unicode has them


def test_format_characters_from_every_plane_are_dropped_for_matching():
    marked = "\u200fمو\u200dسكو\u061c\U000110bd\U000e0041"  # RLM, ZWJ, ALM, Kaithi, a tag
    assert normalise_for_matching(marked) == "موسكو"

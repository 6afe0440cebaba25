"""The document list's id lookups give the same rows from Python's sort and numpy's."""

from __future__ import annotations

import random
import sys
from array import array

from annotator.ui import id_lookup


def test_small_and_large_lists_find_the_same_rows(monkeypatch):
    rng = random.Random(5)
    ids = array("q", rng.sample(range(1, 400), 300))
    small = id_lookup.sorted_with_rows(ids)
    assert isinstance(small[0], array)  # numpy was not needed
    monkeypatch.setattr(id_lookup, "SMALL", 10)
    large = id_lookup.sorted_with_rows(ids)
    assert "numpy" in sys.modules and not isinstance(large[0], array)
    for doc_id in range(0, 402):
        found = [id_lookup.position(ordered, doc_id) for ordered, _rows in (small, large)]
        assert found[0] == found[1]
        if doc_id in ids:
            assert found[0] is not None
            assert ids[small[1][found[0]]] == doc_id == ids[int(large[1][found[1]])]
        else:
            assert found[0] is None
    queue = [7, 3, 9]
    assert list(id_lookup.sorted_ids(queue)) == [3, 7, 9]
    assert id_lookup.position(id_lookup.sorted_ids(queue), 9) == 2
    assert id_lookup.position(id_lookup.empty(), 1) is None

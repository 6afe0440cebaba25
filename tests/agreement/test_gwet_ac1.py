"""Gwet's AC1 (nominal): a published example, irrCAC's values and the agreement report."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from annotator.agreement import fleiss_kappa, gwet_ac1, gwet_ac1_from_table

FIXTURE = Path(__file__).parent / "fixtures" / "irrcac_gwet.json"


def test_kappa_paradox_example_ac1_is_0_94() -> None:
    # Two raters, 125 units: 118 both "yes", 5 and 2 split, 0 both "no" (Gwet 2008; the
    # example Wongpakaran et al. 2013 cite): Cohen's kappa is about -0.02, AC1 0.94.
    first = np.array([1] * 118 + [1] * 5 + [0] * 2)
    second = np.array([1] * 118 + [0] * 5 + [1] * 2)
    ac1, used, left_out = gwet_ac1(np.stack([first, second]), 2)
    assert round(ac1, 2) == 0.94
    # by hand: pa = 118/125, pi_yes = 243/250, pe = 2 pi (1 - pi) / (2 - 1)
    pi = 243 / 250
    pe = 2 * pi * (1 - pi)
    assert ac1 == pytest.approx((118 / 125 - pe) / (1 - pe), abs=1e-12)
    assert (used, left_out) == (125, 0)


def test_agrees_with_irrcac_on_recorded_sets() -> None:
    recorded = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert len(recorded["sets"]) >= 3
    # irrCAC rounds its coefficients to 5 decimals
    for data in recorded["sets"]:
        categories = data["categories"]
        index = {c: k for k, c in enumerate(categories)}
        codes = np.array([[index[v] for v in row] for row in data["ratings"]]).T
        ac1, used, _ = gwet_ac1(codes, len(categories))
        assert ac1 == pytest.approx(data["gwet_ac1"], abs=5e-6), data["name"]
        kappa, _, _ = fleiss_kappa(codes, len(categories))
        assert kappa == pytest.approx(data["fleiss_kappa"], abs=5e-6), data["name"]
        table = np.stack([np.bincount(unit, minlength=len(categories)) for unit in codes.T])
        assert gwet_ac1_from_table(table) == pytest.approx(ac1, abs=1e-12)


def test_leaves_out_units_some_rater_missed_like_fleiss() -> None:
    codes = np.array([[0, 1, 1, -1, 2], [0, 1, 2, 2, 2], [0, 1, 1, 2, -1]])
    ac1, used, left_out = gwet_ac1(codes, 3)
    assert (used, left_out) == (3, 2)
    assert ac1 == pytest.approx(gwet_ac1(codes[:, :3], 3)[0], abs=1e-12)
    assert gwet_ac1(np.full((2, 3), -1), 3) == (None, 0, 3)

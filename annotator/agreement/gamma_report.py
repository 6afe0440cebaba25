"""Gamma of a prepared corpus, as the agreement report carries it (`AgreementReport.gamma`).

Units: the spans of the documents every compared annotator finished (like alpha_u), on the
code-point continuum, one section per document (units of two documents are never aligned).
See SCHEMA.md ("Gamma") for the method and `gamma.py` for the measure itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from annotator.agreement.gamma import Dissimilarity, compute_gamma, make_continuum
from annotator.agreement.report import Figure, GammaAgreement
from annotator.agreement.units import BoolArray, Corpus

UNIT = "span"


@dataclass(frozen=True)
class GammaOptions:
    """Settings of the gamma computation (`annotator agreement --gamma-samples/--gamma-seed`)."""

    samples: int = 30
    seed: int = 0
    alpha: float = 1.0
    beta: float = 1.0
    delta_empty: float = 1.0
    sample_units: int = 1000  # most units per annotator in one sampled continuum


def corpus_gamma(corpus: Corpus, options: GammaOptions) -> GammaAgreement:
    """Gamma, gamma-cat and gamma-k of CORPUS (raises E507-E513 on bad settings)."""
    dis = Dissimilarity(options.alpha, options.beta, options.delta_empty)
    complete: BoolArray = np.asarray(corpus.present.all(axis=0), dtype=bool)
    parts = [(r, s.take(complete[s.doc])) for r, s in enumerate(corpus.spans)]
    units = make_continuum(
        np.concatenate([np.full(len(s), r, dtype=np.int64) for r, s in parts]),
        np.concatenate([s.start for _, s in parts]), np.concatenate([s.end for _, s in parts]),
        np.concatenate([s.label for _, s in parts]) - 1,
        annotators=len(corpus.annotators), categories=max(len(corpus.labels), 1),
        section=np.concatenate([s.doc for _, s in parts]), section_start=corpus.doc_offsets)
    left_out = sum(len(s) for s in corpus.spans) - len(units)
    result = compute_gamma(units, dis, samples=options.samples, seed=options.seed,
                           sample_units=options.sample_units)
    documents = int(complete.sum())
    details = {"observed_disorder": result.observed, "expected_disorder": result.expected,
               "precision": result.precision, "samples": result.samples}
    overall = Figure(result.gamma, UNIT, len(units), {"missing_annotator": left_out},
                     result.reason, details)
    cat_reason = None if result.gamma_cat is not None else (result.reason or "no_variation")
    cat = Figure(result.gamma_cat, UNIT, len(units), {"missing_annotator": left_out}, cat_reason,
                 {"observed_disorder": result.observed_cat,
                  "expected_disorder": result.expected_cat, "samples": result.samples})
    per_label = {}
    for k, label in enumerate(corpus.labels):
        value, observed, expected = result.per_category[k]
        count = int((units.category == k).sum())
        reason = None if value is not None else ("no_units" if count == 0 else "no_variation")
        per_label[label] = Figure(value, UNIT, count, {}, reason,
                                  {"observed_disorder": observed, "expected_disorder": expected})
    return GammaAgreement(
        overall=overall, gamma_cat=cat, per_label=per_label, samples=result.samples,
        precision=result.precision, seed=options.seed, sample_units=options.sample_units,
        alpha=options.alpha, beta=options.beta, delta_empty=options.delta_empty,
        documents=documents, unitary_alignments=result.unitary_alignments,
        components=result.components, largest_component=result.largest_component)

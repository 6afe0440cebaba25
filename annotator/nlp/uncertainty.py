"""How unsure a pipeline is about a text, for uncertain-first queues.

A document's uncertainty is the least confidence of the pipeline on it, from 0 (sure) to 1:
- where the pipeline scores its entities (a `score` extension on `doc.ents`, or spancat-style
  span groups with `attrs["scores"]`), it is 1 - the score of its least sure entity;
- else, for spaCy's transition-based `ner` (which scores nothing), it is 1 - the probability
  of the best parse in a beam search (`ner.beam_parse`, beam width 8) over the whole text: the
  model's own probability mass spread over competing analyses;
- else (no entity scored, no beam) it is unknown (None).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from annotator.nlp.pretaggers import _score, _span_group_scores

BEAM_WIDTH = 8


def uncertainties(nlp: Any, texts: Iterable[str], beam_width: int = BEAM_WIDTH
                  ) -> Iterator[float | None]:
    """The uncertainty of each text under NLP, in order (see the module's docstring)."""
    from spacy.tokens import Span

    extension = Span.has_extension("score")
    for text in texts:
        doc = nlp(text)
        groups = _span_group_scores(doc) if doc.spans else {}
        scores = [s for s in (_score(e, groups, extension) for e in doc.ents) if s is not None]
        if scores:
            yield 1.0 - min(scores)
        else:
            yield beam_uncertainty(nlp, text, beam_width)


def beam_uncertainty(nlp: Any, text: str, beam_width: int = BEAM_WIDTH) -> float | None:
    """1 - the probability of the best of the beam's parses of TEXT by the pipeline's `ner`."""
    if "ner" not in nlp.pipe_names:
        return None
    ner = nlp.get_pipe("ner")
    if not hasattr(ner, "beam_parse"):
        return None
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:  # the components before ner, as nlp(text) runs them
        if name == "ner":
            break
        doc = component(doc)
    if not len(doc):
        return 0.0
    beams = ner.beam_parse([doc], beam_width=beam_width)
    parses = ner.moves.get_beam_parses(beams[0])
    return 1.0 - max((float(p) for p, _ents in parses), default=1.0)

"""Uncertain-first queues: a pipeline whose entity scores are known orders the unfinished
documents least sure first; spaCy's plain `ner` is scored by its beam; no model keeps the
project's order (cold start)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

sys.path.insert(0, str(Path(__file__).parents[1] / "formats"))
from format_helpers import make_project  # noqa: E402

from annotator.app.project import Project  # noqa: E402
from annotator.app.queue_order import ordered_queue  # noqa: E402
from annotator.cli import main  # noqa: E402
from annotator.core.errors import AnnotatorError  # noqa: E402
from annotator.core.model import Status  # noqa: E402
from annotator.nlp.uncertainty import beam_uncertainty  # noqa: E402

# the component scores the first word as an entity: the score is the number written in the text
TEXTS = ["نص 0.9 هنا", "نص 0.2 هنا", "نص 0.6 هنا", "نص 0.4 هنا"]

if not SpacySpan.has_extension("score"):
    SpacySpan.set_extension("score", default=None)


@Language.component("known_scores")
def known_scores(doc: Doc) -> Doc:
    entity = SpacySpan(doc, 0, 1, label="LOC")
    entity._.score = float(doc[1].text)
    doc.ents = [entity]
    return doc


def _pipeline() -> Language:
    nlp = spacy.blank("xx")
    nlp.add_pipe("known_scores")
    return nlp


def _project(tmp_path: Path) -> Project:
    return make_project(tmp_path / "p.db", [(t, []) for t in TEXTS], status=Status.IN_PROGRESS)


def test_known_scores_order_the_queue_least_sure_first(tmp_path: Path) -> None:
    entries = ordered_queue(_project(tmp_path), "ann", "uncertainty", nlp=_pipeline())
    assert [round(e.uncertainty or 0, 6) for e in entries] == [0.8, 0.6, 0.4, 0.1]
    assert [e.document.id for e in entries] == [2, 4, 3, 1]


def test_cold_start_keeps_the_project_order_and_done_documents_go_last(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert [(e.document.id, e.uncertainty) for e in ordered_queue(
        project, "ann", "uncertainty")] == [(1, None), (2, None), (3, None), (4, None)]
    done = make_project(tmp_path / "d.db", [(TEXTS[0], []), (TEXTS[1], [])])
    entries = ordered_queue(done, "ann", "uncertainty", nlp=_pipeline())
    assert all(e.uncertainty is None for e in entries)  # done documents are not scored
    with pytest.raises(AnnotatorError, match="E423"):
        ordered_queue(project, "ann", "random")


def test_plain_ner_is_scored_by_its_beam(tmp_path: Path) -> None:
    nlp = spacy.blank("xx")
    ner = nlp.add_pipe("ner")
    ner.add_label("LOC")
    nlp.initialize()
    value = beam_uncertainty(nlp, "ذهب إلى القاهرة ثم إلى دمشق")
    assert value is not None and 0.0 < value < 1.0  # an untrained model is unsure
    assert beam_uncertainty(spacy.blank("xx"), "نص") is None  # no ner: unknown


def test_cli_prints_the_order_and_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _project(tmp_path).close()
    model = tmp_path / "model"
    _pipeline().to_disk(model)
    # the folder names the component, registered above in this process
    assert main(["queue", str(tmp_path / "p.db"), "--annotator", "ann", "--order",
                 "uncertainty", "--model", str(model), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in out["documents"]] == [2, 4, 3, 1]
    assert main(["queue", str(tmp_path / "p.db"), "--annotator", "ann"]) == 0
    assert "#1" in capsys.readouterr().out.splitlines()[0]

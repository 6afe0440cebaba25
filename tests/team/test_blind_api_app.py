"""The app on blind mode's access path (migration 0008): an annotator's suggestions, time rows
and reports go through `annotator_api` unchanged; nothing of a colleague's shows."""

from __future__ import annotations

import pytest
from team_roles import as_role, team_store

from annotator.app.annotation_time import record_times, time_report
from annotator.app.project import Project
from annotator.core.errors import AnnotatorError
from annotator.core.model import Role, SourceDocument, SpanState
from annotator.core.operations import (
    AcceptAllSuggestions,
    AcceptSuggestion,
    AddSpan,
    RejectSuggestion,
)
from annotator.core.timing import Decision, DocumentTime, SpanTime

pytestmark = pytest.mark.postgres


@pytest.fixture
def blind_url(pg_url: str, seed_text: str) -> str:
    team_store(pg_url, ["PERS", "LOC", "ORG"], [SourceDocument(seed_text, source="seed")],
               [("amal", Role.ANNOTATOR), ("badr", Role.ANNOTATOR), ("cora", Role.CURATOR)]).close()
    return pg_url


def test_suggestions_are_accepted_and_rejected_through_the_views(blind_url):
    with Project.open(as_role(blind_url, "amal")) as amal:
        doc = amal.documents("amal")[0].id
        own = amal.annotation_id(doc, "amal")
        made = [amal.apply(AddSpan(own, s, e, "LOC", SpanState.SUGGESTED)).added[0]
                for s, e in ((0, 4), (5, 11), (12, 19), (20, 24))]
        amal.apply(AcceptSuggestion(made[0].id))
        amal.apply(RejectSuggestion(made[1].id))
        amal.apply(AcceptAllSuggestions(own))
        assert [(s.start, s.state) for s in amal.spans(own)] == [
            (0, SpanState.ACCEPTED), (12, SpanState.ACCEPTED), (20, SpanState.ACCEPTED)]
    with Project.open(as_role(blind_url, "badr")) as badr:
        assert badr.spans(own) == []
    with Project.open(blind_url) as owner:
        assert len(owner.spans(own)) == 3


def test_time_rows_are_her_own_on_the_views(blind_url):
    with Project.open(as_role(blind_url, "amal")) as amal:
        doc = amal.documents("amal")[0].id
        amal.annotation_id(doc, "amal")
        assert record_times(amal, [DocumentTime("amal", doc, 90.0, False),
                                   SpanTime("amal", doc, "LOC", Decision.CREATED, 4.0, False,
                                            None, 0, 4)]) == 2
        with pytest.raises(AnnotatorError, match=r"\[E183\].*own time"):
            record_times(amal, [DocumentTime("badr", doc, 5.0)])  # in a colleague's name
    with Project.open(as_role(blind_url, "badr")) as badr:
        badr.annotation_id(doc, "badr")
        record_times(badr, [DocumentTime("badr", doc, 30.0, False)])
        assert set(time_report(badr).annotators) == {"badr"}
    with Project.open(as_role(blind_url, "cora")) as cora:
        assert set(time_report(cora).annotators) == {"amal", "badr"}

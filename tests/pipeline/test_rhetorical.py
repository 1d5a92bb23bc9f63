"""A rhetorical question ("Who would believe X?") cites nobody: the writer denies X (attribution stage)."""

from __future__ import annotations

from claimtrack.pipeline import CLAIMS_KEY


def _claims(nlp, text: str):  # type: ignore[no-untyped-def]
    return list(nlp(text).spans[CLAIMS_KEY])


def test_a_who_question_is_rhetorical_and_has_no_source(nlp) -> None:  # type: ignore[no-untyped-def]
    spans = [s for s in _claims(nlp, "Who would believe that the ceasefire will hold?") if "ceasefire" in s.text]
    assert spans and spans[0]._.ct_rhetorical and spans[0]._.ct_source is None


def test_a_who_relative_clause_is_an_ordinary_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The envoy, who said the ceasefire would hold, left Geneva on Sunday."
    spans = [s for s in _claims(nlp, text) if "ceasefire" in s.text]
    assert spans and not spans[0]._.ct_rhetorical

"""The actors stage: the document's context is a value, passed on, never changed in place."""

from __future__ import annotations

import dataclasses

import pytest

from claimtrack.pipeline.actors import DocContext


def test_noting_gives_a_new_context_and_keeps_only_countries_as_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Officials in Lima said Peru would close the border.")
    start = DocContext.of(doc)
    after = start.noting(actor="Peru", place="Lima", at=3).noting(actor="the officials", place=None, at=5)
    assert start.actors == () and start.places == ()
    assert after.actors == ((3, "Peru"),)
    assert after.last_actor(10) == "Peru" and after.last_actor(2) is None
    assert after.places == ((3, "Lima"),)


def test_a_context_cannot_be_changed_in_place(nlp) -> None:  # type: ignore[no-untyped-def]
    context = DocContext.of(nlp("Chile said it would stay."))
    with pytest.raises(dataclasses.FrozenInstanceError):
        context.speaker = "Chile"  # type: ignore[misc]


def test_about_reads_the_claims_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    from claimtrack.pipeline import CLAIMS_KEY

    doc = nlp("The foreign minister of Chile said the embassy would stay open.")
    (span,) = doc.spans[CLAIMS_KEY]
    context = DocContext.of(doc).about(span)
    assert context.cue is not None and context.cue.text == "said"
    assert context.blocked and all(i < context.cue.start for i in context.blocked)

"""The events stage on parsed sentences of our own: triggers, participants, places, stance."""

from __future__ import annotations

from claimtrack.models import ArticleRef
from claimtrack.pipeline.records import claims_from_doc


def _events(nlp, text: str) -> list:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    claims = claims_from_doc(doc, ArticleRef(id="t", published="2019-05-02"), text=text)
    return [e for c in claims for e in c.events]


def _by_lemma(events: list, lemma: str):  # type: ignore[no-untyped-def]
    found = [e for e in events if e.lemma == lemma]
    assert found, [e.lemma for e in events]
    return found[0]


def test_a_verb_with_its_subject_and_place(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = _by_lemma(_events(nlp, "Government troops shelled the town of Belbeit on Saturday, residents said."), "shell")
    assert ev.subject == "Government troops" and ev.places == ["Belbeit"]
    assert not ev.negated and ev.modality == "actual"
    assert ev.time == "2019-04-27"  # the Saturday before the article


def test_offsets_point_at_the_trigger(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels said they had seized the airport of Karak."
    ev = _by_lemma(_events(nlp, text), "seize")
    assert text[ev.start : ev.end] == "seized"


def test_hyphenated_and_compound_nouns_are_one_word(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The army declared a cease-fire, and the minister went on sick leave, officials said.")
    assert _by_lemma(events, "cease-fire").subject == "army"
    assert "sick leave" in [e.lemma for e in events]


def test_no_sign_and_denying_words_negate(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _by_lemma(_events(nlp, "An official said there was no sign the minister had resigned."), "resign").negated
    events = _events(nlp, "The general told a crowd that he was well, confounding reports of his capture.")
    assert _by_lemma(events, "capture").negated


def test_forecasts_and_conditions(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _by_lemma(_events(nlp, "The minister said the army will withdraw from Karak."), "withdraw").modality == (
        "predicted"
    )
    ev = _by_lemma(_events(nlp, "It does not matter whether the rebels advance, the minister said."), "advance")
    assert ev.modality == "hypothetical"
    ev = _by_lemma(_events(nlp, "Officials are almost certain that the commander was killed on May 1."), "kill")
    assert ev.modality == "actual"  # a hedged report of a past event, not a forecast


def test_an_apposed_name_is_the_participant(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = _by_lemma(
        _events(nlp, "Officials confirmed that the president's son Adel Farouk had been captured."), "capture"
    )
    assert ev.object == "Adel Farouk"


def test_what_a_noun_of_pressure_or_planning_is_about_is_not_reported_done(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The governor kept his post despite growing pressure on him to resign, aides said."
    assert _by_lemma(_events(nlp, text), "resign").modality == "hypothetical"
    text = "Diplomats backed the proposal that the governor could stay in the country after quitting, officials said."
    assert _by_lemma(_events(nlp, text), "quit").modality == "hypothetical"
    text = "The governor resigned on Friday under growing pressure, aides said."
    assert _by_lemma(_events(nlp, text), "resign").modality == "actual"


def test_counts_in_words_and_digits(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _by_lemma(_events(nlp, "Forty people were killed in Maradi, a doctor said."), "kill").count == 40
    assert _by_lemma(_events(nlp, "Officials said 1,200 people were killed."), "kill").count == 1200
    assert _by_lemma(_events(nlp, "No one was killed in Maradi, the army said."), "kill").count == 0


def test_a_belief_is_no_denial(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = _by_lemma(
        _events(nlp, "Hundreds of people are believed to have been killed in Maradi, officials said."), "kill"
    )
    assert not ev.negated and ev.count is None  # "hundreds" is no count


def test_a_particle_read_as_an_adverb_still_makes_the_phrasal_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "stepping down" with "down" parsed as an adverb is "step down", and an intention's noun ("he has no
    intention of stepping down") gives it the subject of the clause around it."""
    text = "The governor said he has no intention of stepping down before the vote."
    ev = _by_lemma(_events(nlp, text), "step down")
    assert ev.negated and ev.modality == "intended" and ev.subject == "he"

"""General mechanisms of the semantics stage, on sentences of our own (none from the seeds)."""

from __future__ import annotations

import pytest

from claimtrack.lexicon import word_set
from claimtrack.models import ArticleRef, Claim
from claimtrack.pipeline.actors import homeward
from claimtrack.pipeline.polarity import failed_attempt, reverses
from claimtrack.pipeline.records import claims_from_doc


def _claims(nlp, text: str) -> list[Claim]:  # type: ignore[no-untyped-def]
    return list(claims_from_doc(nlp(text), ArticleRef(id="t", published="2021-03-04"), text=text))


def _claim(nlp, text: str, needle: str) -> Claim:  # type: ignore[no-untyped-def]
    found = [c for c in _claims(nlp, text) if needle in c.text]
    assert found, [c.text for c in _claims(nlp, text)]
    return found[0]


def _assert_reading(claim: Claim, **expected: object) -> None:
    prop = claim.proposition
    assert prop is not None
    assert {name: getattr(prop, name) for name in expected} == expected


# --------------------------------------------------------------------------- reversals


def test_the_reversal_table_comes_from_wordnet_and_holds_phrasal_verbs() -> None:
    table = word_set("reversal_verbs.txt")
    assert {"back down", "renege", "go back on"} <= table
    assert "say" not in table


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the ministry had backed down on plans to withdraw its troops from Mali.",
        "Analysts said the government had reneged on its pledge to withdraw from the border zone.",
    ],
)
def test_a_reversal_turns_the_plan_round_and_is_a_decision(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    _assert_reading(_claim(nlp, text, "withdraw"), predicate="withdraw", polarity=False, modality="intended")


def test_a_plain_plan_is_not_reversed(nlp) -> None:  # type: ignore[no-untyped-def]
    claim = _claim(nlp, "Officials said the ministry had drawn up plans to withdraw its troops from Mali.", "withdraw")
    assert claim.proposition is not None and claim.proposition.polarity is True


def test_reverses_reads_a_particle_on_a_hand_built_parse(make_doc) -> None:  # type: ignore[no-untyped-def]
    def backed(particle: str):  # type: ignore[no-untyped-def]
        words = ["They", "backed", particle, "."]
        deps = ["nsubj", "ROOT", "compound:prt", "punct"]
        pos = ["PRON", "VERB", "ADP", "PUNCT"]
        return make_doc(words, [1, 1, 1, 1], deps, pos=pos, lemmas=["they", "back", particle, "."])[1]

    assert reverses(backed("down"))
    assert not reverses(backed("up"))


# --------------------------------------------------------------------------- failed attempts


@pytest.mark.parametrize(
    "text, predicate",
    [
        ("Officials said that the rebels tried to capture the airport but failed.", "capture"),
        ("Witnesses said the militia tried to drive the villagers out of the valley but failed.", "withdraw"),
    ],
)
def test_a_failed_attempt_is_an_event_that_did_not_happen(nlp, text: str, predicate: str) -> None:  # type: ignore[no-untyped-def]
    _assert_reading(_claim(nlp, text, "tried"), predicate=predicate, polarity=False, modality="actual")


def test_an_attempt_that_did_not_fail_keeps_its_polarity(nlp) -> None:  # type: ignore[no-untyped-def]
    claim = _claim(nlp, "Officials said that the rebels tried to capture the airport on Monday.", "tried")
    assert claim.proposition is not None and claim.proposition.polarity is True


def test_failed_attempt_on_a_hand_built_parse(make_doc) -> None:  # type: ignore[no-untyped-def]
    words = ["They", "tried", "to", "leave", "but", "failed", "."]
    heads = [1, 1, 3, 1, 5, 3, 1]
    deps = ["nsubj", "ROOT", "mark", "xcomp", "cc", "conj", "punct"]
    doc = make_doc(
        words,
        heads,
        deps,
        pos=["PRON", "VERB", "PART", "VERB", "CCONJ", "VERB", "PUNCT"],
        lemmas=["they", "try", "to", "leave", "but", "fail", "."],
    )
    doc[1].set_morph("Tense=Past|VerbForm=Fin")
    assert failed_attempt(doc[1])
    doc[5].lemma_ = "succeed"
    assert not failed_attempt(doc[1])


# --------------------------------------------------------------------------- rhetorical questions


@pytest.mark.parametrize(
    "text",
    [
        "Who would believe that the army will withdraw from the north?",
        "How could anyone believe that the army will withdraw from the north?",
    ],
)
def test_a_rhetorical_question_denies_its_clause(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    claim = _claim(nlp, text, "army")
    assert claim.proposition is not None and claim.proposition.predicate == "withdraw"
    assert claim.proposition.polarity is False


def test_a_rhetorical_question_without_a_clause_denies_its_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    claim = _claim(nlp, "Who would trust the generals after this?", "trust")
    assert claim.proposition is not None and claim.proposition.predicate == "trust"
    assert claim.proposition.polarity is False


def test_an_open_question_is_not_a_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not [c for c in _claims(nlp, "When will the army withdraw from the north?") if "army" in c.text]


# --------------------------------------------------------------------------- arguments


def test_people_going_home_belong_to_that_country(nlp) -> None:  # type: ignore[no-untyped-def]
    claim = _claim(nlp, "The ambassador said the embassy staff were flying home to Peru.", "staff")
    assert claim.proposition is not None and claim.proposition.subject == "Peru"


def test_homeward_needs_a_return(make_doc) -> None:  # type: ignore[no-untyped-def]
    words = ["The", "staff", "went", "back", "to", "Peru", "."]
    heads = [1, 2, 2, 2, 5, 2, 2]
    deps = ["det", "nsubj", "ROOT", "advmod", "case", "obl", "punct"]
    pos = ["DET", "NOUN", "VERB", "ADV", "ADP", "PROPN", "PUNCT"]
    lemmas = ["the", "staff", "go", "back", "to", "Peru", "."]
    assert homeward(make_doc(words, heads, deps, pos=pos, lemmas=lemmas)[1]) == "Peru"
    words[3], lemmas[3] = "quickly", "quickly"
    assert homeward(make_doc(words, heads, deps, pos=pos, lemmas=lemmas)[1]) is None


def test_a_relational_verb_with_no_target_gives_way(nlp) -> None:  # type: ignore[no-untyped-def]
    claim = _claim(nlp, "The minister said Japan was willing to cooperate and withdraw its ships.", "Japan")
    assert claim.proposition is not None and claim.proposition.predicate == "withdraw"


@pytest.mark.parametrize(
    "text, mover, place",
    [
        (
            "Diplomats said the sanctions would squeeze the Russian firms out of Venezuela.",
            "Russian firms",
            "Venezuela",
        ),
        ("Officials said the coalition wants to get the militias out of Libya.", "militias", "Libya"),
    ],
)
def test_caused_motion_out_of_a_place_is_a_withdrawal_whatever_the_verb(  # type: ignore[no-untyped-def]
    nlp, text: str, mover: str, place: str
) -> None:
    claim = _claim(nlp, text, "out of")
    prop = claim.proposition
    assert prop is not None and prop.predicate == "withdraw"
    assert (prop.subject, prop.place) == (mover, place)


def test_carrying_out_is_not_a_withdrawal(nlp) -> None:  # type: ignore[no-untyped-def]
    claim = _claim(nlp, "Residents said the army carried out raids in Chad.", "raids")
    assert claim.proposition is None or claim.proposition.predicate != "withdraw"


# --------------------------------------------------------------------------- framing, stage by stage


def _content(nlp, text: str):  # type: ignore[no-untyped-def]
    from claimtrack.pipeline import CLAIMS_KEY

    (span,) = nlp(text).spans[CLAIMS_KEY]
    return span


def test_narrow_reads_inside_an_extraposed_adjective(nlp) -> None:  # type: ignore[no-untyped-def]
    from claimtrack.pipeline.semantics import narrow

    framing = narrow(_content(nlp, "It is unlikely that the strike will end before Friday."))
    assert framing.framed and framing.flip and framing.hedge == "unlikely"
    assert framing.root.lemma_ == "end"


def test_turn_reads_a_low_chance_as_a_hedged_denial(nlp) -> None:  # type: ignore[no-untyped-def]
    from claimtrack.pipeline.semantics import narrow, turn

    span = _content(nlp, "Analysts said there was little chance that the strike would end soon.")
    framing = turn(span, narrow(span))
    assert framing.flip and framing.chance and framing.hedge == "low probability"

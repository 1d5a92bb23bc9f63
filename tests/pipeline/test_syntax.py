"""The syntax helpers on hand-built parses (sentences of our own)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from claimtrack.pipeline.syntax import asks_rhetorically, core_np, strip_det, subject, subtree_span

Parse = Callable[[str], Doc]


def test_subject_of_a_controlled_infinitive_is_the_controller(parse: Parse) -> None:
    doc = parse("Oslo/PROPN/nsubj/1 wants/VERB/ROOT/1 to/PART/mark/3 leave/VERB/xcomp/1 ./PUNCT/punct/1")
    subj = subject(doc[3])
    assert subj is not None and subj.text == "Oslo"


def test_subject_of_an_object_controlled_infinitive_is_the_object(parse: Parse) -> None:
    doc = parse(
        "Rome/PROPN/nsubj/1 forced/VERB/ROOT/1 Bonn/PROPN/obj/1 to/PART/mark/4 pay/VERB/xcomp/1 ./PUNCT/punct/1"
    )
    subj = subject(doc[4])
    assert subj is not None and subj.text == "Bonn"


def test_a_that_clause_has_its_own_subject_or_none(parse: Parse) -> None:
    doc = parse("Ann/PROPN/nsubj/1 said/VERB/ROOT/1 that/SCONJ/mark/3 left/VERB/ccomp/1 ./PUNCT/punct/1")
    assert subject(doc[3]) is None  # not "Ann": the one who says is not the one who left


def test_core_np_and_strip_det(parse: Parse) -> None:
    doc = parse("the/DET/det/2 new/ADJ/amod/2 envoy/NOUN/ROOT/2")
    assert core_np(doc[2]).text.endswith("envoy")
    assert strip_det("The new envoy") == "new envoy"


def test_subtree_span_can_leave_tokens_out(parse: Parse) -> None:
    doc = parse("prices/NOUN/nsubj/1 rose/VERB/ROOT/1 sharply/ADV/advmod/1")
    assert subtree_span(doc[1]).text == "prices rose sharply"
    assert subtree_span(doc[1], exclude=[doc[2]]).text == "prices rose"


def test_asks_rhetorically_needs_a_question_and_an_asker(parse: Parse) -> None:
    who = parse("Who/PRON/nsubj/2 would/AUX/aux/2 believe/VERB/ROOT/2 it/PRON/obj/2 ?/PUNCT/punct/2")
    assert asks_rhetorically(who[0], who[2])
    how = parse(
        "How/ADV/advmod/3 could/AUX/aux/3 anyone/PRON/nsubj/3 trust/VERB/ROOT/3 them/PRON/obj/3 ?/PUNCT/punct/3"
    )
    assert asks_rhetorically(how[2], how[3])
    statement = parse("Who/PRON/nsubj/2 would/AUX/aux/2 believe/VERB/ROOT/2 it/PRON/obj/2 ./PUNCT/punct/2")
    assert not asks_rhetorically(statement[0], statement[2])
    plain = parse(
        "Why/ADV/advmod/3 would/AUX/aux/3 Kim/PROPN/nsubj/3 trust/VERB/ROOT/3 them/PRON/obj/3 ?/PUNCT/punct/3"
    )
    assert not asks_rhetorically(plain[2], plain[3])


def test_regular_bases_undo_the_regular_endings_and_a_doubled_consonant() -> None:
    from claimtrack.pipeline.syntax import regular_bases

    assert "blame" in regular_bases("blamed") and "hint" in regular_bases("hinted")
    assert "fuel" in regular_bases("fuelled") and "stop" in regular_bases("stopping")
    assert "carry" in regular_bases("carried") and regular_bases("say") == []


def test_the_lemma_stage_mends_a_verb_lemma_that_is_no_verb(parse: Parse) -> None:
    from claimtrack.pipeline.components import LemmaRepair

    doc = parse("Critics/NOUN/nsubj/1 blamed/VERB/ROOT/1/blam the/DET/det/3 banks/NOUN/obj/1 ./PUNCT/punct/1")
    doc[3].lemma_ = "bank"
    LemmaRepair()(doc)
    assert doc[1].lemma_ == "blame"  # the model's "blam" is no verb; "blame" is
    assert doc[3].lemma_ == "bank"  # not a verb: left alone


def test_the_lemma_stage_keeps_a_lemma_that_is_a_verb(parse: Parse) -> None:
    from claimtrack.pipeline.components import LemmaRepair

    doc = parse("They/PRON/nsubj/1 went/VERB/ROOT/1/go home/ADV/advmod/1")
    LemmaRepair()(doc)
    assert doc[1].lemma_ == "go"

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

"""The content rules of a verb cue, one at a time, on hand-built parses (sentences of our own)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from claimtrack.pipeline.attribution import (
    CONTENT_RULES,
    NOTHING,
    ContentQuery,
    after_a_colon,
    before_a_trailing_cue,
    clausal_complement,
    closed_quotation_before,
    controlled_complement,
    how_things_look,
    judged_object,
    quotation_next_to_cue,
    rest_of_clause,
)

Parse = Callable[[str], Doc]


def _query(doc: Doc, cue: int, cls: str, quotes: list[Span] | None = None) -> ContentQuery:
    return ContentQuery(doc, doc[cue], doc[cue : cue + 1], quotes or [], cls)


def _texts(found: tuple[list[Span], bool] | None) -> list[str] | None:
    return None if found is None else [s.text for s in found[0]]


def test_the_rules_are_named_once_and_in_order() -> None:
    names = [rule.__name__ for rule in CONTENT_RULES]
    assert len(names) == len(set(names))
    assert names[0] == "quotation_next_to_cue" and names[-1] == "closed_quotation_before"


def test_clausal_complement(parse: Parse) -> None:
    doc = parse("Smith/PROPN/nsubj/1 said/VERB/ROOT/1 fares/NOUN/nsubj/3 rose/VERB/ccomp/1 ./PUNCT/punct/1")
    assert _texts(clausal_complement(_query(doc, 1, "speech"))) == ["fares rose"]
    assert clausal_complement(_query(doc, 3, "speech")) is None  # "rose" has no complement


def test_controlled_complement_only_for_its_classes(parse: Parse) -> None:
    doc = parse("Jones/PROPN/nsubj/1 plans/VERB/ROOT/1 to/PART/mark/3 resign/VERB/xcomp/1 ./PUNCT/punct/1")
    assert _texts(controlled_complement(_query(doc, 1, "intention"))) == ["to resign"]
    assert controlled_complement(_query(doc, 1, "speech")) is None


def test_an_evidential_cue_without_a_subject_stops_with_nothing(parse: Parse) -> None:
    doc = parse("It/PRON/expl/1 seems/VERB/ROOT/1 so/ADV/advmod/1 ./PUNCT/punct/1")
    assert how_things_look(_query(doc, 1, "evidential")) == NOTHING
    assert how_things_look(_query(doc, 1, "speech")) is None


def test_an_evaluation_with_no_object_stops_with_nothing(parse: Parse) -> None:
    doc = parse("Critics/NOUN/nsubj/1 scoffed/VERB/ROOT/1 ./PUNCT/punct/1")
    assert judged_object(_query(doc, 1, "evaluation")) == NOTHING


def test_after_a_colon(parse: Parse) -> None:
    doc = parse(
        "Lee/PROPN/nsubj/1 warned/VERB/ROOT/1 :/PUNCT/punct/5 prices/NOUN/nsubj/5 will/AUX/aux/5"
        " rise/VERB/parataxis/1 ./PUNCT/punct/1",
    )
    found = after_a_colon(_query(doc, 1, "prediction"))
    assert found is not None and "prices will rise" in found[0][0].text


def test_rest_of_clause_for_a_verb_whose_object_is_what_is_said(parse: Parse) -> None:
    doc = parse(
        "Ito/PROPN/nsubj/1/Ito announced/VERB/ROOT/1/announce his/PRON/nmod:poss/3 resignation/NOUN/obj/1"
        " ./PUNCT/punct/1",
    )
    assert _texts(rest_of_clause(_query(doc, 1, "speech"))) == ["his resignation"]


def test_quotations_before_the_cue_open_or_closed(parse: Parse) -> None:
    doc = parse(
        "“/PUNCT/punct/2 We/PRON/nsubj/2 stay/VERB/ccomp/5 ,/PUNCT/punct/2 ”/PUNCT/punct/2"
        " said/VERB/ROOT/5 Ali/PROPN/nsubj/5 ./PUNCT/punct/5",
    )
    assert quotation_next_to_cue(_query(doc, 5, "speech", quotes=[doc[0:5]])) == ([doc[0:5]], True)
    closed = parse(
        "“/PUNCT/punct/2 We/PRON/nsubj/2 stay/VERB/ROOT/2 ./PUNCT/punct/2 ”/PUNCT/punct/2"
        " Ali/PROPN/nsubj/6 said/VERB/ROOT/6 ./PUNCT/punct/6",
    )
    query = _query(closed, 6, "speech", quotes=[closed[0:5]])
    assert quotation_next_to_cue(query) is None  # it closed its sentence: only a last resort
    assert closed_quotation_before(query) == ([closed[0:5]], True)


def test_a_quotation_that_ended_the_sentence_before_is_not_the_next_cues(parse: Parse) -> None:
    doc = parse(
        "It/PRON/nsubj/1 was/AUX/ROOT/1 “/PUNCT/punct/3 awful/ADJ/xcomp/1 ”/PUNCT/punct/3 ./PUNCT/punct/1"
        " He/PRON/nsubj/7 said/VERB/ROOT/7 talks/NOUN/nsubj/9 failed/VERB/ccomp/7 ./PUNCT/punct/7",
    )
    query = _query(doc, 7, "speech", quotes=[doc[2:5]])
    assert quotation_next_to_cue(query) is None
    assert _texts(clausal_complement(query)) == ["talks failed"]


def test_a_forecast_object_keeps_its_measure_and_date(parse: Parse) -> None:
    doc = parse(
        "Banks/NOUN/nsubj/1 predicted/VERB/ROOT/1/predict rates/NOUN/obj/1 at/ADP/case/4 4%/NUM/obl/1"
        " by/ADP/case/6 2030/NUM/obl/1 ./PUNCT/punct/1",
    )
    assert _texts(rest_of_clause(_query(doc, 1, "prediction"))) == ["rates at 4% by 2030"]
    assert rest_of_clause(_query(doc, 1, "speech")) is None  # a statement keeps its object alone: one word, none


def test_a_time_clause_before_a_cue_is_not_what_it_says(parse: Parse) -> None:
    clause = "Before/SCONJ/mark/2 talks/NOUN/nsubj/2 began/VERB/{dep}/6 ,/PUNCT/punct/2"
    rest = " the/DET/det/5 envoys/NOUN/nsubj/6 spoke/VERB/ROOT/6/speak ./PUNCT/punct/6"
    doc = parse(clause.format(dep="advcl") + rest)
    assert before_a_trailing_cue(_query(doc, 6, "speech")) is None  # when they spoke, not what
    fronted = parse(
        "Bus/NOUN/compound/1 fares/NOUN/nsubj/2 rose/VERB/ccomp/5 ,/PUNCT/punct/2 officials/NOUN/nsubj/5"
        " said/VERB/ROOT/5/say ./PUNCT/punct/5"
    )
    assert _texts(before_a_trailing_cue(_query(fronted, 5, "speech"))) == ["Bus fares rose"]


def test_a_demand_with_its_object_after_it_takes_nothing_before_it(parse: Parse) -> None:
    # the parser made the fronted participle the root: "Tired of delays, fishermen are demanding an end"
    doc = parse(
        "Tired/VERB/ROOT/0/tire of/ADP/case/2 delays/NOUN/obl/0 ,/PUNCT/punct/6 fishermen/NOUN/nsubj/6"
        " are/AUX/aux/6 demanding/VERB/parataxis/0/demand an/DET/det/8 end/NOUN/obj/6 ./PUNCT/punct/0"
    )
    assert before_a_trailing_cue(_query(doc, 6, "demand")) is None
    # a cue of saying with an object (its audience) still takes the clause before it
    doc = parse(
        "The/DET/det/1 talks/NOUN/nsubj/2 stalled/VERB/ccomp/5 ,/PUNCT/punct/2 officials/NOUN/nsubj/5"
        " told/VERB/ROOT/5/tell reporters/NOUN/obj/5 ./PUNCT/punct/5"
    )
    assert _texts(before_a_trailing_cue(_query(doc, 5, "speech"))) == ["The talks stalled"]

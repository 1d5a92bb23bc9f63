"""Which attributions carry a claim (``pipeline/sensible.py``), on hand-built parses and own sentences."""

from __future__ import annotations

from claimtrack.pipeline.attribution import Attribution
from claimtrack.pipeline.sensible import sensible, trimmed

from .test_records import claims_of


def _att(doc, cue: tuple[int, int], content: tuple[int, int], cls: str = "speech", **kw):  # type: ignore[no-untyped-def]
    return Attribution([doc[content[0] : content[1]]], doc[cue[0] : cue[1]], cls, **kw)


def test_a_noun_phrase_after_show_is_no_claim(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(
        ["Fans", "showed", "their", "support", "."],
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "nmod:poss", "obj", "punct"],
        pos=["NOUN", "VERB", "PRON", "NOUN", "PUNCT"],
        lemmas=["fan", "show", "their", "support", "."],
    )
    assert not sensible(_att(doc, (1, 2), (2, 4), source=doc[0:1]))


def test_a_clause_after_show_is_a_claim(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(
        ["Data", "show", "prices", "rose", "."],
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "nsubj", "ccomp", "punct"],
        pos=["NOUN", "VERB", "NOUN", "VERB", "PUNCT"],
        lemmas=["datum", "show", "price", "rise", "."],
    )
    assert sensible(_att(doc, (1, 2), (2, 4), source=doc[0:1]))


def test_a_quoted_noun_phrase_stays_a_claim(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(
        ["Fans", "showed", "“", "total", "support", "”"],
        [1, 1, 4, 4, 1, 4],
        ["nsubj", "ROOT", "punct", "amod", "obj", "punct"],
        pos=["NOUN", "VERB", "PUNCT", "ADJ", "NOUN", "PUNCT"],
        lemmas=["fan", "show", "“", "total", "support", "”"],
    )
    assert sensible(_att(doc, (1, 2), (2, 6), source=doc[0:1], quoted=True))


def test_an_indirect_question_is_no_claim(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(
        ["They", "announced", "which", "bid", "they", "chose", "."],
        [1, 1, 3, 5, 5, 1, 1],
        ["nsubj", "ROOT", "det", "obj", "nsubj", "ccomp", "punct"],
        pos=["PRON", "VERB", "DET", "NOUN", "PRON", "VERB", "PUNCT"],
        lemmas=["they", "announce", "which", "bid", "they", "choose", "."],
    )
    assert not sensible(_att(doc, (1, 2), (4, 6), source=doc[0:1]))


def test_an_adverbial_clause_is_no_claim(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(
        ["We", "argued", "because", "it", "rained", "."],
        [1, 1, 4, 4, 1, 1],
        ["nsubj", "ROOT", "mark", "nsubj", "advcl", "punct"],
        pos=["PRON", "VERB", "SCONJ", "PRON", "VERB", "PUNCT"],
        lemmas=["we", "argue", "because", "it", "rain", "."],
    )
    assert not sensible(_att(doc, (1, 2), (2, 5), source=doc[0:1]))


def test_according_to_at_the_end_is_cut_from_the_content(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(
        ["Sales", "rose", "sharply", ",", "according", "to", "Acme", "."],
        [1, 1, 1, 6, 6, 4, 1, 1],
        ["nsubj", "ROOT", "advmod", "punct", "case", "fixed", "obl", "punct"],
        pos=["NOUN", "VERB", "ADV", "PUNCT", "VERB", "ADP", "PROPN", "PUNCT"],
    )
    att = _att(doc, (4, 6), (0, 8), cls="according", source=doc[6:7])
    assert [p.text for p in trimmed(att).content] == ["Sales rose sharply"]


def test_a_parenthetical_source_keeps_the_content_whole(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(
        ["Prices", ",", "traders", "say", ",", "will", "fall", "."],
        [6, 3, 3, 6, 3, 6, 6, 6],
        ["nsubj", "punct", "nsubj", "parataxis", "punct", "aux", "ROOT", "punct"],
        pos=["NOUN", "PUNCT", "NOUN", "VERB", "PUNCT", "AUX", "VERB", "PUNCT"],
    )
    att = Attribution([doc[0:1], doc[5:7]], doc[3:4], "speech", source=doc[2:3])
    assert [p.text for p in trimmed(att).content] == ["Prices", "will fall"]


def test_a_content_running_into_a_quotation_ends_at_the_colon(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Ortega said the board had acted too late: "We warned them for months. Nobody listened."'
    said = [c for c in claims_of(nlp, text) if "board" in c.text]
    assert said and all("warned" not in c.text for c in said)


def test_discourse_markers_are_no_cues(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(nlp, "You know, the ferry timetable is a mess.", outlet="Daily Ledger")
    assert not [c for c in claims if c.cue is not None and c.cue.text == "know"]


def test_a_content_running_over_its_cue_ends_before_the_source(make_doc) -> None:  # type: ignore[no-untyped-def]
    # "Sales fell, the chairman told a news conference ." with the whole sentence taken as content
    doc = make_doc(
        ["Sales", "fell", ",", "the", "chairman", "told", "a", "news", "conference", "."],
        [1, 5, 5, 4, 5, 5, 8, 8, 5, 5],
        ["nsubj", "ccomp", "punct", "det", "nsubj", "ROOT", "det", "compound", "obl", "punct"],
        pos=["NOUN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "DET", "NOUN", "NOUN", "PUNCT"],
    )
    att = _att(doc, (5, 6), (0, 9), source=doc[3:5])
    assert [p.text for p in trimmed(att).content] == ["Sales fell"]


def test_one_word_left_after_the_cue_is_no_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(nlp, "The name of the new coach has yet to be revealed.", outlet="Gazette")
    assert all(c.text.strip() != "revealed" for c in claims)
    assert all(c.cue is None for c in claims)


def test_a_thing_denied_to_someone_is_no_denial(parse) -> None:  # type: ignore[no-untyped-def]
    # "The striker denied Arsenal their third win": two objects, a thing withheld from someone
    doc = parse(
        "The/DET/det/1 striker/NOUN/nsubj/2 denied/VERB/ROOT/2/deny Arsenal/PROPN/iobj/2 "
        "their/PRON/nmod:poss/6 third/ADJ/amod/6 win/NOUN/obj/2 ./PUNCT/punct/2"
    )
    assert not sensible(_att(doc, (2, 3), (4, 7), source=doc[0:2]))
    doc = parse(
        "The/DET/det/1 striker/NOUN/nsubj/2 denied/VERB/ROOT/2/deny Arsenal/PROPN/obj/2 "
        "their/PRON/nmod:poss/6 third/ADJ/amod/6 win/NOUN/obj/2 ./PUNCT/punct/2"
    )
    assert not sensible(_att(doc, (2, 3), (4, 7), source=doc[0:2]))
    # one object: "denied the charges" is a denial
    doc = parse("The/DET/det/1 minister/NOUN/nsubj/2 denied/VERB/ROOT/2/deny the/DET/det/4 charges/NOUN/obj/2")
    assert sensible(_att(doc, (2, 3), (3, 5), source=doc[0:2]))


def test_a_day_taken_for_an_object_withholds_nothing(parse) -> None:  # type: ignore[no-untyped-def]
    # "Moussa said Friday that ...", with "Friday" read as an indirect object
    doc = parse(
        "Moussa/PROPN/nsubj/1 said/VERB/ROOT/1/say Friday/PROPN/iobj/1 that/SCONJ/mark/5 "
        "reform/NOUN/nsubj/5 mattered/VERB/ccomp/1/matter ./PUNCT/punct/1"
    )
    assert sensible(_att(doc, (1, 2), (3, 6), source=doc[0:1]))


def test_a_notice_to_the_reader_is_no_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        'By clicking on "join" you agree that your details may be stored abroad.',
        "Please be aware that the information you submit is collected in another country.",
    ):
        assert all(c.cue is None for c in claims_of(nlp, text, outlet="Gazette")), text
    # a quoted "you agree" is someone's words
    quoted = claims_of(nlp, '"You agree that the plan is wrong," the minister told the mayor.')
    assert any(c.cue is not None and c.speaker.name == "minister" for c in quoted)


def test_a_cue_in_a_clause_of_time_after_the_content_is_its_time(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(nlp, "Letters are not read before they post.", outlet="Gazette")
    assert all(c.cue is None for c in claims)


def test_a_thing_written_or_told_is_no_claim_but_what_is_written_is(nlp) -> None:  # type: ignore[no-untyped-def]
    written = claims_of(nlp, "He wrote the score for a musical based on a novel.", outlet="Gazette")
    assert all(c.cue is None for c in written)
    said = claims_of(nlp, "She wrote that the plan had failed.", outlet="Gazette")
    assert any(c.cue is not None and c.text.startswith("that the plan") for c in said)


def test_a_topic_talked_about_is_no_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    from .test_records import claims_of

    for text in (
        "Harbour ministers met on Thursday, when they were to discuss a new ferry levy.",
        "The mayor talked about the weather on the pier.",
        "The mayor talked about the fishermen who had left the port.",
    ):
        assert all(c.cue is None for c in claims_of(nlp, text)), text
    # a topic with a clause of its own says what is wanted or planned
    assert [c.text for c in claims_of(nlp, "The mayor spoke of the plan to widen the pier.") if c.cue] == [
        "the plan to widen the pier"
    ]


def test_a_second_predicate_of_the_cue_subject_is_no_part_of_the_content(nlp) -> None:  # type: ignore[no-untyped-def]
    from .test_records import claims_of

    text = "The mayor announces that she has closed the pier and acknowledges the anger of the fishermen."
    (c,) = [c for c in claims_of(nlp, text) if c.cue is not None]
    assert c.text == "that she has closed the pier"
    # nor is it a claim of the writer's
    assert not [c for c in claims_of(nlp, text) if c.cue is None]
    # a second predicate of the content's own subject stays in it
    (c,) = claims_of(nlp, "She said that the rebels attacked the town and burned the market.")
    assert c.text.endswith("burned the market")

"""End to end on short articles with the bundled pipeline: the claims a reader would expect."""

from __future__ import annotations

from claimtrack.ingest import Source, extract


def claims_of(nlp, text: str, **meta):  # type: ignore[no-untyped-def]
    article, claims = extract(Source(label="t.txt", text=text, meta=meta), nlp)
    for c in claims:
        assert text[c.span.start : c.span.end] == c.text
        if c.cue is not None:
            assert text[c.cue.start : c.cue.end] == c.cue.text
        if c.speaker.mention is not None:
            assert text[c.speaker.mention.start : c.speaker.mention.end] == c.speaker.mention.text
    return claims


def one(claims, needle: str):  # type: ignore[no-untyped-def]
    found = [c for c in claims if needle in c.text]
    assert found, f"no claim contains {needle!r}: {[c.text for c in claims]}"
    return found[0]


def test_anonymous_source_and_event(nlp) -> None:  # type: ignore[no-untyped-def]
    c = one(claims_of(nlp, "Officials said Iranian forces were leaving Syria.", published="2024-12-06"), "leaving")
    assert (c.speaker.name, c.speaker.kind, c.cue.text) == ("Officials", "anonymous", "said")
    assert c.kind == "event"
    p = c.proposition
    assert (p.subject, p.predicate, p.place, p.polarity) == ("Iran", "withdraw", "Syria", True)


def test_quote_with_the_speaker_after_and_a_role(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“Iran cannot manage the situation in Syria right now,” said Mehdi Rahmati, an Iranian analyst."
    c = one(claims_of(nlp, text), "cannot manage")
    assert c.quoted and c.speaker.name == "Mehdi Rahmati" and c.speaker.kind == "person"
    assert c.speaker.role and "analyst" in c.speaker.role


def test_according_to_an_outlet(nlp) -> None:  # type: ignore[no-untyped-def]
    c = one(
        claims_of(nlp, "According to The New York Times, the withdrawal of Iranian forces has worsened the crisis."),
        "withdrawal",
    )
    assert (c.speaker.name, c.speaker.kind, c.cue.text) == ("The New York Times", "outlet", "According to")
    assert c.proposition and (c.proposition.subject, c.proposition.predicate) == ("Iran", "withdraw")


def test_a_pronoun_speaker_is_the_person_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Defence Minister Amir Hatami visited Damascus last week. He said that Iran would help Syria."
    c = one(claims_of(nlp, text), "help Syria")
    assert c.speaker.name == "Amir Hatami" and c.speaker.mention.text == "He"


def test_the_authors_own_claims_and_no_questions(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Iran has reportedly withdrawn its advisors from Syria. Does it mean a defeat?"
    claims = claims_of(nlp, text, author="Jane Doe")
    c = one(claims, "withdrawn")
    assert (c.speaker.name, c.speaker.kind, c.cue) == ("Jane Doe", "author", None)
    assert c.hedge == "reportedly" and c.kind == "event"
    assert not [c for c in claims if "defeat" in c.text]


def test_prediction_with_negating_hedge(nlp) -> None:  # type: ignore[no-untyped-def]
    c = one(claims_of(nlp, "It is unlikely that Iran will leave Syria."), "leave")
    assert c.kind == "prediction" and c.hedge == "unlikely"
    assert (c.proposition.subject, c.proposition.predicate, c.proposition.polarity) == ("Iran", "withdraw", False)


def test_staying_is_not_withdrawing(nlp) -> None:  # type: ignore[no-untyped-def]
    c = one(
        claims_of(nlp, "The United States stated that it would keep some forces in Syria.", published="2019-03-18"),
        "keep",
    )
    assert c.kind == "intention" and c.speaker.name == "United States"
    p = c.proposition
    assert (p.subject, p.predicate, p.place, p.polarity) == ("United States", "withdraw", "Syria", False)


def test_time_resolution_in_context(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Last month, the United States stated that it would keep some forces in Syria."
    c = one(claims_of(nlp, text, published="2019-03-18"), "keep")
    assert c.time == "2019-02" and c.time_text.lower() == "last month"


def test_demand_names_the_one_asked_to_act(nlp) -> None:  # type: ignore[no-untyped-def]
    c = one(claims_of(nlp, "Iran urged the United States to pull out its troops from Syria."), "pull out")
    assert c.kind == "demand" and c.speaker.name == "Iran"
    assert (c.proposition.subject, c.proposition.predicate) == ("United States", "withdraw")


def test_page_furniture_gives_no_claims(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Officials said the talks had failed.\n\nThe talks are expected to resume in May, analysts said.\n\n"
        "Check Also\n\nIran plans to ramp up oil exports despite sanctions …\n\nLeave a Reply\n\n"
        "Your email address will not be published.\n"
    )
    claims = claims_of(nlp, text)
    assert claims and all("exports" not in c.text and "email" not in c.text for c in claims)


def test_a_denial_turns_the_content_around(nlp) -> None:  # type: ignore[no-untyped-def]
    c = one(claims_of(nlp, "Iran denied that its forces were leaving Syria."), "leaving")
    assert (c.proposition.subject, c.proposition.predicate, c.proposition.polarity) == ("Iran", "withdraw", False)
    c = one(claims_of(nlp, "Officials did not say that Iranian forces were leaving Syria."), "leaving")
    assert c.proposition.polarity is False


def test_a_view_with_should_is_an_opinion_a_statement_with_should_a_demand(nlp) -> None:  # type: ignore[no-untyped-def]
    view = one(claims_of(nlp, "Smith believes the army should leave the city."), "leave")
    said = one(claims_of(nlp, "Smith said the army should leave the city."), "leave")
    assert (view.kind, said.kind) == ("opinion", "demand")


def test_names_are_kept_whole_in_propositions(nlp) -> None:  # type: ignore[no-untyped-def]
    c = one(claims_of(nlp, "England captain Jonny Wilkinson will leave the club next year."), "leave")
    assert c.proposition.subject and c.proposition.subject.endswith("Jonny Wilkinson")


def test_things_do_not_speak(nlp) -> None:  # type: ignore[no-untyped-def]
    c = one(claims_of(nlp, "The rebel offensive threatens to sever the supply route.", author="Jane Doe"), "sever")
    assert c.speaker.kind == "author"


def test_a_trailing_cue_owns_the_clause_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Russian forces invaded Ukraine on Thursday, Ukrainian officials said, as explosions were heard in Kyiv."
    c = one(claims_of(nlp, text), "invaded")
    assert c.speaker.name == "Ukrainian officials" and c.kind == "event"
    assert (c.proposition.subject, c.proposition.predicate, c.proposition.polarity) == ("Russia", "attack", True)


def test_a_speaker_speaking_of_itself(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Explosions were heard in Kyiv. The United States said it would not send troops to Ukraine."
    c = one(claims_of(nlp, text), "send troops")
    assert c.proposition.subject == "United States" and c.kind == "intention"


def test_the_one_attacked_is_not_the_attacker(nlp) -> None:  # type: ignore[no-untyped-def]
    c = one(claims_of(nlp, "Iran was attacked by Israel on Monday."), "attacked")
    assert (c.proposition.subject, c.proposition.predicate) == ("Israel", "attack")
    c = one(claims_of(nlp, "Iran was attacked on Monday."), "attacked")
    assert c.proposition.subject is None


def test_who_is_expected_to_act(nlp) -> None:  # type: ignore[no-untyped-def]
    c = one(claims_of(nlp, "The minister expected Russia to withdraw its troops from Syria."), "withdraw")
    assert (c.proposition.subject, c.proposition.predicate) == ("Russia", "withdraw")


def test_a_condition_is_a_hypothesis(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The budget will not contain the tax rises that Labour must introduce if it wins the election."
    c = one(claims_of(nlp, text), "budget")
    assert c.proposition is None or c.proposition.predicate != "win" or c.proposition.modality == "hypothetical"


def test_a_time_clause_before_a_cue_is_not_what_the_cue_says(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(nlp, "When the ferry docked, the captain said the crossing had been rough.")
    said = one(claims, "crossing")
    assert said.speaker.name == "captain" and "docked" not in said.text
    # what a concessive or time clause tells is still the author's report ("though the centre was held by ...")
    assert [c.text for c in claims if c.cue is None] == ["When the ferry docked"]

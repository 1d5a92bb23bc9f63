"""Frames: spelling-tolerant keys, sides, deadlines. Pure functions, sentences of our own."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.frames import (
    ArticleContext,
    Gazetteer,
    due_by,
    name_key,
    not_before,
    person_of,
    same_person,
    side_of,
)


@pytest.mark.parametrize(
    "variants",
    [
        ("Gadhafi", "Gaddafi", "Qaddafi", "Kadhafi"),
        ("Zawiya", "Zawiyah", "al-Zawiya"),
        ("Misrata", "Misurata"),
        ("Moussa", "Musa"),
    ],
)
def test_transliterations_share_a_key(variants: tuple[str, ...]) -> None:
    assert len({name_key(v) for v in variants}) == 1


@pytest.mark.parametrize("a, b", [("Ban", "Bani"), ("Zawiya", "Zuwara"), ("Sirte", "Sabha"), ("Hamid", "Ahmed")])
def test_different_names_keep_apart(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


CHAD = ArticleContext(country="Chad", full_names={})


@pytest.mark.parametrize(
    "phrase, side",
    [
        ("rebels", "side:opp:Chad"),
        ("the armed opposition", "side:opp:Chad"),
        ("government troops", "side:gov:Chad"),
        ("the regime", "side:gov:Chad"),
        ("Chadian forces", "side:gov:Chad"),
        ("Chadian state television", "side:gov:Chad"),
        ("forces loyal to Erdogan", "side:gov:Turkey"),
        ("pro-Putin forces", "side:gov:Russia"),
        ("anti-Putin fighters", "side:opp:Russia"),
        ("Putin's troops", "side:gov:Russia"),
        ("residents", None),
        ("the town", None),
    ],
)
def test_sides(phrase: str, side: str | None) -> None:
    assert side_of(phrase, CHAD) == side


def test_generic_sides_need_the_articles_country() -> None:
    unclear = ArticleContext(country=None, full_names={})
    assert side_of("government troops", unclear) is None
    assert side_of("rebels", unclear) is None


def test_a_surname_takes_the_full_name_the_article_gave() -> None:
    ctx = ArticleContext.of([])
    ctx.full_names.update({name_key("Sallah"): (name_key("Omar"), name_key("Sallah"))})
    gaz = Gazetteer()
    assert person_of("Sallah", ctx, gaz) == person_of("Defence Minister Omar Sallah", ctx, gaz)
    assert same_person(person_of("Omar", ctx, gaz), person_of("Omar Sallah", ctx, gaz))
    assert not same_person(person_of("Omar Sallah", ctx, gaz), person_of("Hamid Sallah", ctx, gaz))


@pytest.mark.parametrize(
    "text, due",
    [
        ("the rebels will be crushed within two days", date(2019, 5, 4)),
        ("we will win in a matter of hours", date(2019, 5, 3)),
        ("the truce holds until Saturday", date(2019, 5, 4)),
        ("the army will withdraw within 3 weeks", date(2019, 5, 23)),
        ("the army will withdraw", None),
    ],
)
def test_deadlines(text: str, due: date | None) -> None:
    found = due_by(text, "2019-05-02")  # a Thursday
    assert found == (due.toordinal() if due else None)


@given(st.text(max_size=30))
def test_any_text_has_a_key(text: str) -> None:
    key = name_key(text)
    assert isinstance(key, str) and key == name_key(text)


def _claim(text: str):  # type: ignore[no-untyped-def]
    from claimtrack.models import ArticleRef, Claim, SpanRef, Speaker, claim_id

    span = SpanRef(start=0, end=len(text), text=text)
    return Claim(
        id=claim_id("a", 0, len(text)),
        article=ArticleRef(id="a", path="a.txt", published="2020-02-01"),
        span=span,
        text=text,
        sentence=span,
        speaker=Speaker(name="Example Wire", kind="outlet"),
        kind="statement",
    )


def test_a_title_alone_names_the_one_person_the_article_gives_it() -> None:
    ctx = ArticleContext.of(
        [
            _claim("Nigerien President Ali Garba spoke in Niamey, Niger, on Monday."),
            _claim("French President Anne Morel said Niger must hold elections."),
            _claim("Niger's Prime Minister Sani Issa met the opposition in Niger."),
        ]
    )
    gaz = Gazetteer()
    assert ctx.country == "Niger"
    assert person_of("the president", ctx, gaz) == person_of("Ali Garba", ctx, gaz)
    assert person_of("the French president", ctx, gaz) == person_of("Anne Morel", ctx, gaz)
    assert person_of("the prime minister", ctx, gaz) == person_of("Sani Issa", ctx, gaz)
    assert person_of("the governor", ctx, gaz) is None  # a title no one is given here names no one


def _facts(text: str, events: list[dict], published: str = "2020-02-01", cue: str | None = None):  # type: ignore[no-untyped-def]
    from claimtrack.frames import facts
    from claimtrack.models import ArticleRef, Claim, Event, SpanRef, Speaker, claim_id

    span = SpanRef(start=0, end=len(text), text=text)
    evs = []
    for e in events:
        start = text.index(e.pop("word"))
        evs.append(Event(start=start, end=start + len(e["lemma"].split()[0]) + 2, **e))
    claim = Claim(
        id=claim_id("a", 0, len(text)),
        article=ArticleRef(id="a", path="a.txt", published=published),
        span=span,
        text=text,
        sentence=span,
        speaker=Speaker(name="aides", kind="anonymous"),
        cue=SpanRef(start=0, end=len(cue), text=cue) if cue else None,
        kind="event",
        events=evs,
    )
    return facts([claim])


def test_a_subjunctive_or_bare_infinitive_is_not_a_report() -> None:
    wanted = _facts(
        "The rebels insist that Garba step down.",
        [{"word": "step", "lemma": "step down", "pos": "v", "subject": "Garba"}],
    )
    assert wanted == []
    done = _facts(
        "Garba stepped down on Friday.", [{"word": "stepped", "lemma": "step down", "pos": "v", "subject": "Garba"}]
    )
    assert [f.stance for f in done] == ["asserts"]
    plural = _facts(
        "Rebel Forces withdraw from Maradi.",
        [{"word": "withdraw", "lemma": "withdraw", "pos": "v", "subject": "Rebel Forces"}],
    )
    assert [f.stance for f in plural] == ["asserts"]  # a plural's present is its bare form


def test_the_subject_of_kill_is_the_victim_only_in_the_passive() -> None:
    killer = _facts(
        "Garba killed on Monday, witnesses said.", [{"word": "killed", "lemma": "kill", "pos": "v", "subject": "Garba"}]
    )
    assert [f.patient for f in killer] == [None]
    victim = _facts(
        "Garba was killed on Monday, witnesses said.",
        [{"word": "killed", "lemma": "kill", "pos": "v", "subject": "Garba"}],
    )
    assert [f.patient for f in victim] == [f"person:{name_key('Garba')}"]


def test_a_conditional_claim_reports_nothing() -> None:
    text = "Even if the talks fail and Garba is killed, the war will go on."
    assert _facts(text, [{"word": "killed", "lemma": "kill", "pos": "v", "subject": "Garba"}]) == []


def test_a_supposition_reports_nothing() -> None:
    text = "Let us say Garba resigns."
    assert _facts(text, [{"word": "resigns", "lemma": "resign", "pos": "v", "subject": "Garba"}]) == []


def test_what_a_phrase_names_is_read_again_once_the_gazetteer_learns_more() -> None:
    from claimtrack.frames import participant
    from claimtrack.models import ClaimView

    def claim(places: list[str]) -> ClaimView:
        return ClaimView.model_validate(
            {
                "id": "c1",
                "article": {"id": "a1", "published": "2011-03-01"},
                "text": "they entered Sallah",
                "speaker": {"name": "Reuters", "kind": "outlet"},
                "kind": "event",
                "events": [{"lemma": "enter", "pos": "v", "start": 5, "end": 12, "object": "Sallah", "places": places}],
            }
        )

    gaz, ctx = Gazetteer(), ArticleContext(country=None, full_names={})
    bare = claim([])
    key = name_key("Sallah")
    assert participant("Sallah", bare, bare.events[0], ctx, gaz) == f"person:{key}"
    gaz.learn(claim(["Sallah"]))  # a name after "in", "into": a place after all
    assert participant("Sallah", bare, bare.events[0], ctx, gaz) == f"place:{key}"


def test_a_not_read_in_a_clause_of_time_takes_no_side() -> None:
    text = "He met the envoy the day before Garba stepped down, aides said."
    event = {"word": "stepped", "lemma": "step down", "pos": "v", "subject": "Garba", "negated": True}
    assert _facts(text, [event]) == []
    text = "After days of not saying much while Garba stepped down, the envoy spoke."
    event = {"word": "stepped", "lemma": "step down", "pos": "v", "subject": "Garba", "negated": True}
    assert _facts(text, [event]) == []


def test_a_condition_of_until_or_unless_reports_nothing() -> None:
    text = "The opposition said it would not negotiate until Garba resigned."
    assert _facts(text, [{"word": "resigned", "lemma": "resign", "pos": "v", "subject": "Garba"}]) == []
    told = "Officials did not announce that Garba had resigned."
    event = {"word": "resigned", "lemma": "resign", "pos": "v", "subject": "Garba", "negated": True, "head": "announce"}
    assert _facts(told, [event]) == []


def test_a_telling_denied_is_no_denial_of_what_was_told() -> None:
    """ "did not confirm that Garba had resigned" says nothing of the resignation; "did not think" means "thought
    not" and denies it."""
    event = {"word": "resigned", "lemma": "resign", "pos": "v", "subject": "Garba", "negated": True}
    assert _facts("that Garba had resigned", [dict(event)], cue="did not confirm") == []
    assert _facts("that Garba had resigned", [dict(event)], cue="has not said") == []
    (thought,) = _facts("that Garba had resigned", [dict(event)], cue="did not think")
    assert thought.stance == "denies"
    mention = {"word": "stepping", "lemma": "step down", "pos": "v", "subject": "Garba", "negated": True}
    assert _facts("Garba made no mention of stepping down.", [mention]) == []


def test_a_course_of_events_imagined_is_not_reported() -> None:
    scenario = "And then Garba resigns and a general takes over, and that would be the end of it."
    assert _facts(scenario, [{"word": "resigns", "lemma": "resign", "pos": "v", "subject": "Garba"}]) == []
    headline = "Garba resigns as protests grow."
    (reported,) = _facts(headline, [{"word": "resigns", "lemma": "resign", "pos": "v", "subject": "Garba"}])
    assert reported.stance == "asserts"


def test_not_until_a_day_is_refuted_only_before_it() -> None:
    assert not_before("he will not step down until September", "2020-02-01") == date(2020, 8, 31).toordinal()
    assert not_before("he would not resign before Friday", "2020-02-03") == date(2020, 2, 6).toordinal()
    assert not_before("they would not leave until he was freed", "2020-02-01") is None
    text = "Garba will not step down until September."
    event = {"word": "step", "lemma": "step down", "pos": "v", "subject": "Garba", "negated": True}
    (pledge,) = _facts(text, [{**event, "modality": "intended"}])
    assert pledge.stance == "intends" and pledge.deadline == date(2020, 8, 31).toordinal()
    assert _facts("Garba will not step down until he is cleared.", [{**event, "modality": "intended"}]) == []


def test_a_titled_person_of_a_place_is_the_person() -> None:
    from claimtrack.models import Speaker

    ctx, gaz = ArticleContext(country=None, full_names={}), Gazetteer()
    assert person_of("President Ali Garba of Niger", ctx, gaz) == person_of("Ali Garba", ctx, gaz)
    assert person_of("Ali Garba of Niger", ctx, gaz) != person_of("Ali Garba", ctx, gaz)  # a name not known to speak
    gaz.learn(_claim("Ali Garba said so.").model_copy(update={"speaker": Speaker(name="Ali Garba", kind="person")}))
    assert person_of("Ali Garba of Niger", ctx, gaz) == person_of("Ali Garba", ctx, gaz)


def test_what_an_option_or_a_demand_is_is_not_reported() -> None:
    text = "The only option the envoy would accept was Garba stepping down from power."
    event = {"word": "stepping", "lemma": "step down", "pos": "v", "subject": "Garba"}
    assert _facts(text, [event]) == []
    done = "The envoy said the crisis was over after Garba stepped down."
    assert [f.stance for f in _facts(done, [{**event, "word": "stepped"}])] == ["asserts"]


def test_he_is_the_speaker_of_reported_speech_but_not_of_a_quotation() -> None:
    from claimtrack.frames import _resolve_pronoun
    from claimtrack.models import Event, Speaker

    reported = _claim("he would call a truce").model_copy(
        update={"speaker": Speaker(name="Ana Ruiz Lopez", kind="person")}
    )
    quoted = reported.model_copy(update={"quoted": True})
    ev = Event(start=9, end=13, lemma="call", pos="v", subject="he")
    ctx, gaz = ArticleContext.of([reported]), Gazetteer()
    assert _resolve_pronoun("he", reported, ev, ctx, gaz) == person_of("Ana Ruiz Lopez", ctx, gaz)
    assert _resolve_pronoun("he", quoted, ev, ctx, gaz) is None

"""Frames: spelling-tolerant keys, sides, deadlines. Pure functions, sentences of our own."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.frames import ArticleContext, Gazetteer, due_by, name_key, person_of, same_person, side_of


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

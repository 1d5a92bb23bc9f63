from __future__ import annotations

import pytest

from claimtrack.lexicon import country_of, is_outlet_name, predicate_patterns, reporting_verbs


@pytest.mark.parametrize(
    ("mention", "country"),
    [
        ("Tehran", "Iran"),
        ("Iranian forces", "Iran"),
        ("the Iranian Regime", "Iran"),
        ("Washington", "United States"),
        ("the Americans", "United States"),
        ("U.S.", "United States"),
        ("The Trump administration", "United States"),
        ("the Damascus regime", "Syria"),
        ("Syrian", "Syria"),
        ("the Kremlin", "Russia"),
        ("British", "United Kingdom"),
        ("Beijing", "China"),
        ("Kyiv", "Ukraine"),
    ],
)
def test_countries_demonyms_capitals_and_governments(mention: str, country: str) -> None:
    assert country_of(mention) == country


@pytest.mark.parametrize("mention", ["rebel forces", "the regime", "officials", "", "Hezbollah", "the"])
def test_other_mentions_are_not_countries(mention: str) -> None:
    assert country_of(mention) is None


def test_outlets() -> None:
    assert is_outlet_name("The New York Times")
    assert is_outlet_name("Reuters")
    assert is_outlet_name("the Iranian Students' News Agency")
    assert not is_outlet_name("the defence ministry")


def test_lexicons_are_loaded_from_package_data() -> None:
    verbs = reporting_verbs()
    assert verbs["say"] == "speech" and verbs["warn"] == "prediction" and verbs["urge"] == "demand"
    withdraw = {" ".join(p.words) for p in predicate_patterns() if p.cls == "withdraw" and p.positive}
    assert {"pull out", "move out", "withdrawal"} <= withdraw
    stay = {" ".join(p.words) for p in predicate_patterns() if p.cls == "withdraw" and not p.positive}
    assert {"stay", "keep", "maintain"} <= stay


def test_a_closed_compound_with_a_doer_for_its_head_is_an_agent_noun() -> None:
    from claimtrack.lexicon import is_agent_noun

    assert is_agent_noun("policymaker") and is_agent_noun("peacekeeper") and is_agent_noun("reporter")
    # a word that merely ends in a short agent noun ("-king", "-ally", "-nation") is none
    assert not any(is_agent_noun(w) for w in ("working", "especially", "nomination", "evidence", "estimate"))

"""Word patterns: the substring test in front of the regex never changes what the regex finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.conflicts import CONCESSIVE
from claimtrack.contradictions import _CONTRAST
from claimtrack.frames import _BY, _NOT_BEFORE, _WITHIN
from claimtrack.patterns import WordPattern

SHIPPED = {"concessive": CONCESSIVE, "contrast": _CONTRAST, "by": _BY, "not before": _NOT_BEFORE, "within": _WITHIN}
PIECES = [
    "but", "BUT", "Yet", "although", "though", "despite", "in spite", "only to", "violated", "breaches", "broke",
    "Continuing", "before", "Until", "till", "by", "within", "in", "two", "a matter of", "Days", "hours", "week",
    "month", "Saturday", "September 5", "next", "the", "rebels", "fighting", "ceasefire", "’s", ",", ".", "\n",
    "\u212aelvin", "deſpite", "İn", "ıt", "buty", "abut", "daybreak", "é", "—",
]  # fmt: skip


@pytest.mark.parametrize("name", sorted(SHIPPED))
@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(PIECES), max_size=14), sep=st.sampled_from([" ", "  ", "\t", ""]))
def test_a_shipped_pattern_finds_what_its_regex_finds(name: str, words: list[str], sep: str) -> None:
    pattern = SHIPPED[name]
    text = sep.join(words)
    fast, slow = pattern.search(text), pattern.regex.search(text)
    assert (fast and (fast.span(), fast.groups())) == (slow and (slow.span(), slow.groups()))


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_the_test_turns_away_a_text_with_none_of_the_words(name: str) -> None:
    assert not SHIPPED[name].may_match("The rebels said the army had left the port of Tessa.")


def test_a_letter_the_regex_folds_differently_is_not_turned_away() -> None:
    pattern = WordPattern(r"\bdespite\b", needles=["despite"])
    assert re.search(r"\bdespite\b", "deſpite", re.I)  # the long s matches "s" under IGNORECASE
    assert pattern.search("deſpite the truce") is not None


@pytest.mark.parametrize(
    ("needles", "flags"),
    [([], re.I), (["But"], re.I), (["é"], re.I), (["but"], 0)],
    ids=["none", "upper", "non-ascii", "cased"],
)
def test_needles_must_be_lower_case_ascii_of_an_ignore_case_pattern(needles: list[str], flags: int) -> None:
    with pytest.raises(ValueError):
        WordPattern(r"\bbut\b", needles=needles, flags=flags)

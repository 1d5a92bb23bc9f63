from __future__ import annotations

import pytest

from claimtrack.timeref import resolve


@pytest.mark.parametrize(
    ("expr", "published", "want"),
    [
        ("in December", "2019-03-18", "2018-12"),  # a past December, in an article of March
        ("Last month", "2019-03-18", "2019-02"),
        ("last month", "2019-01-10", "2018-12"),
        ("On Monday", "2019-03-18", "2019-03-18"),  # published on a Monday
        ("on Friday", "2019-03-18", "2019-03-15"),
        ("last week", "2018-08-28", "2018-08-21"),
        ("in 2011", "2024-12-06", "2011"),
        ("December 5, 2018", None, "2018-12-05"),
        ("yesterday", "2019-03-18", "2019-03-17"),
        ("two years ago", "2019-03-18", "2017"),
        ("next month", "2019-03", "2019-04"),
    ],
)
def test_resolution_against_the_publication_date(expr: str, published: str | None, want: str) -> None:
    assert resolve(expr, published) == want


def test_a_future_claim_reads_a_bare_month_forward() -> None:
    assert resolve("in January", "2019-03-18", future=True) == "2020-01"
    assert resolve("in December", "2019-03-18", future=True) == "2019-12"


def test_unplaceable_expressions() -> None:
    assert resolve("last month", None) is None
    assert resolve("last month", "2019") is None  # a year is too coarse for a month back
    assert resolve(None, "2019-03-18") is None

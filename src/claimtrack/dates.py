"""Partial dates ("2018", "2018-12", "2018-12-05") as ranges, for filters and ordering."""

from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache


@lru_cache(maxsize=65536)
def bounds(partial: str) -> tuple[date, date]:
    """First and last day a partial date may stand for."""
    parts = [int(p) for p in partial.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
    d = date(parts[0], parts[1], parts[2])
    return d, d


def midpoint(partial: str) -> date:
    lo, hi = bounds(partial)
    return lo + (hi - lo) / 2


@lru_cache(maxsize=65536)
def days_between(a: str, b: str) -> int:
    """Days from the middle of ``a`` to the middle of ``b``."""
    return (midpoint(b) - midpoint(a)).days


def on_or_after(partial: str | None, since: str) -> bool:
    """Whether ``partial`` may fall on or after ``since`` (unknown dates never pass)."""
    return partial is not None and bounds(partial)[1] >= bounds(since)[0]


def on_or_before(partial: str | None, until: str) -> bool:
    return partial is not None and bounds(partial)[0] <= bounds(until)[1]

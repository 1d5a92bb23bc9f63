"""Resolve time expressions ("last month", "in December", "on Monday") against a publication date.

Pure date arithmetic (python-dateutil): no spaCy. The result is a partial date
as precise as the expression: "in December" -> "2018-12", "on Monday" -> a day.
"""

from __future__ import annotations

import re
from datetime import date

from dateutil.relativedelta import relativedelta
from dateutil.relativedelta import weekday as Weekday

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def anchor(published: str | None) -> tuple[date, int] | None:
    """A publication date as a day and its precision (1 year, 2 month, 3 day)."""
    if not published:
        return None
    parts = [int(p) for p in published.split("-")]
    if len(parts) == 1:
        return date(parts[0], 7, 1), 1
    if len(parts) == 2:
        return date(parts[0], parts[1], 15), 2
    return date(parts[0], parts[1], parts[2]), 3


def _month(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def resolve(expression: str | None, published: str | None, *, future: bool = False) -> str | None:
    """The partial date an expression refers to, or None when it cannot be placed.

    Args:
        expression: the time expression as written.
        published: the article's publication date (YYYY, YYYY-MM or YYYY-MM-DD).
        future: the claim looks ahead (a bare "in December" then means the next one).
    """
    if not expression:
        return None
    text = expression.lower().strip()
    explicit_year = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
    month = next((i + 1 for i, m in enumerate(MONTHS) if re.search(rf"\b{m}\b", text)), None)
    day = re.search(r"\b(\d{1,2})\b(?!\d)", re.sub(r"\b(1[89]\d\d|20\d\d)\b", "", text))
    if explicit_year and month:
        if day and 1 <= int(day.group(1)) <= 31:
            try:
                return date(int(explicit_year.group(1)), month, int(day.group(1))).isoformat()
            except ValueError:
                return f"{int(explicit_year.group(1)):04d}-{month:02d}"
        return f"{int(explicit_year.group(1)):04d}-{month:02d}"
    if explicit_year and not month:
        return explicit_year.group(1)
    base = anchor(published)
    if base is None:
        return None
    ref, precision = base
    if month:
        year = ref.year
        if not future and (month > ref.month or (month == ref.month and "last" in text)):
            year -= 1
        if future and month < ref.month:
            year += 1
        if day and 1 <= int(day.group(1)) <= 31 and precision >= 2:
            try:
                return date(year, month, int(day.group(1))).isoformat()
            except ValueError:
                pass
        return f"{year:04d}-{month:02d}"
    if precision < 2:
        return None
    for unit, delta, fmt in (
        ("month", relativedelta(months=1), _month),
        ("year", relativedelta(years=1), lambda d: f"{d.year:04d}"),
        ("week", relativedelta(weeks=1), lambda d: d.isoformat() if precision == 3 else _month(d)),
    ):
        if re.search(rf"\b(last|past|previous) {unit}\b", text):
            return fmt(ref - delta)
        if re.search(rf"\b(next|coming) {unit}\b", text):
            return fmt(ref + delta)
        if re.search(rf"\b(this|earlier this|later this) {unit}\b", text):
            return fmt(ref)
    weekday = next((i for i, w in enumerate(WEEKDAYS) if w in text), None)
    if weekday is not None and precision == 3:
        if "next" in text or future:
            return (ref + relativedelta(days=1, weekday=Weekday(weekday)(+1))).isoformat()
        # the most recent such day, the publication day included
        return (ref + relativedelta(weekday=Weekday(weekday)(-1))).isoformat()
    if precision == 3:
        if text == "yesterday":
            return (ref - relativedelta(days=1)).isoformat()
        if text == "today":
            return ref.isoformat()
        if text == "tomorrow":
            return (ref + relativedelta(days=1)).isoformat()
    ago = re.match(r"(a|an|one|two|three|four|five|six|\d+) (day|week|month|year)s? ago", text)
    if ago:
        n = _NUMBERS.get(ago.group(1)) or int(ago.group(1))
        unit = ago.group(2)
        then = (
            ref
            - {
                "day": relativedelta(days=n),
                "week": relativedelta(weeks=n),
                "month": relativedelta(months=n),
                "year": relativedelta(years=n),
            }[unit]
        )
        return (
            then.isoformat()
            if unit in ("day", "week") and precision == 3
            else (_month(then) if unit != "year" else f"{then.year:04d}")
        )
    if text == "today":
        return _month(ref)
    return None

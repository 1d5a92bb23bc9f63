"""Filters over stored records, shared by the listing commands."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property

from claimtrack.dates import on_or_after, on_or_before
from claimtrack.lexicon import country_of, names_of
from claimtrack.models import Contradiction
from claimtrack.views import AnyClaim, AnyProposition


def _fold(text: str | None) -> str:
    return " ".join((text or "").replace("’", "'").lower().split())


@dataclass(frozen=True, eq=False)
class About:
    """A topic: matches the claim's text or its proposition's actors and place.

    "Iranian", "Tehran" and "Iran" are one topic: names of a country, its people
    and its capital fold into the country.
    """

    raw: str

    @property
    def country(self) -> str | None:
        return country_of(self.raw)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        names = names_of(self.country) if self.country else {_fold(self.raw)}
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        return re.compile(rf"(?<!\w)({alternatives})(?!\w)")

    def matches_proposition(self, p: AnyProposition | None) -> bool:
        if p is None:
            return False
        want = {_fold(self.raw)} | ({_fold(self.country)} if self.country else set())
        return any(_fold(v) in want for v in (p.subject, p.object, p.place) if v) or _fold(self.raw) == p.predicate

    def matches(self, claim: AnyClaim) -> bool:
        if self.matches_proposition(claim.proposition):
            return True
        return bool(self.pattern.search(_fold(claim.text)))


def _speaker_matches(name: str, wanted: str) -> bool:
    return _fold(wanted) in _fold(name) or (country_of(wanted) is not None and country_of(wanted) == name)


@dataclass
class ClaimFilter:
    speaker: str | None = None
    kind: tuple[str, ...] = ()
    about: str | None = None
    article: str | None = None
    since: str | None = None
    until: str | None = None

    def __call__(self, claims: Iterable[AnyClaim]) -> Iterator[AnyClaim]:
        about = About(self.about) if self.about else None
        for c in claims:
            if self.speaker and not _speaker_matches(c.speaker.name, self.speaker):
                continue
            if self.kind and c.kind not in self.kind:
                continue
            if self.article and not (c.article.id.startswith(self.article) or self.article in (c.article.path or "")):
                continue
            when = c.time or c.article.published
            if self.since and not on_or_after(when, self.since):
                continue
            if self.until and not on_or_before(when, self.until):
                continue
            if about and not about.matches(c):
                continue
            yield c


def filter_contradictions(
    records: Iterable[Contradiction],
    claims: Mapping[str, AnyClaim],
    *,
    types: tuple[str, ...] = (),
    speaker: str | None = None,
    about: str | None = None,
    since: str | None = None,
    min_confidence: float = 0.0,
) -> Iterator[Contradiction]:
    topic = About(about) if about else None
    for r in records:
        if types and r.type not in types:
            continue
        if r.confidence < min_confidence:
            continue
        involved = [claims[i] for i in [r.earlier, *r.later] if i in claims]
        if speaker and not any(_speaker_matches(c.speaker.name, speaker) for c in involved):
            continue
        if topic and not (topic.matches_proposition(r.proposition) or any(topic.matches(c) for c in involved)):
            continue
        if since and not any(on_or_after(d, since) for d in [r.earlier_date, *r.later_dates]):
            continue
        yield r

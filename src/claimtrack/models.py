"""Typed records: what claimtrack stores and prints.

Every record is a frozen pydantic model that forbids unknown fields, so a typo
in a stored line fails loudly. Offsets are Python string indices (code points)
into the article's original text, end exclusive.
"""

from __future__ import annotations

import hashlib
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

SpeakerKind = Literal["person", "organization", "outlet", "anonymous", "author", "unresolved"]
ClaimKind = Literal["prediction", "event", "statement", "intention", "demand", "opinion"]
Modality = Literal["actual", "predicted", "intended", "demanded", "hypothetical"]
ContradictionType = Literal["prediction_contradicted", "reversal", "conflicting_reports"]
PredictionStatus = Literal["contradicted", "confirmed", "open"]

from claimtrack.names import CLAIM_KINDS, CONTRADICTION_TYPES  # noqa: E402, F401  (re-exported; light for --help)

_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _check_partial_date(value: str) -> str:
    if not _PARTIAL_DATE.match(value):
        raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    return value


PartialDate = Annotated[str, AfterValidator(_check_partial_date)]
"""A date known to the year, the month or the day: "2018", "2018-12", "2018-12-05"."""


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class SpanRef(Record):
    """A piece of the article: ``text == article_text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class ArticleRef(Record):
    """Where a claim comes from: the article and what is known about it."""

    id: str
    path: str | None = None
    published: PartialDate | None = None
    outlet: str | None = None
    author: str | None = None
    title: str | None = None
    url: str | None = None
    feed_id: str | None = None  # the item's own "id" in a JSON Lines feed


class Article(Record):
    """One ingested article (stored in ``articles.jsonl`` beside the claims)."""

    schema_version: int = SCHEMA_VERSION
    id: str
    path: str | None = None
    published: PartialDate | None = None
    outlet: str | None = None
    author: str | None = None
    title: str | None = None
    url: str | None = None
    feed_id: str | None = None  # the item's own "id" in a JSON Lines feed
    sha1: str
    chars: int
    claims: int = 0
    ingested_at: str
    text: str | None = None
    """The text that was read (for a web page, its article body): every claim's offsets point into it."""

    def ref(self) -> ArticleRef:
        return ArticleRef(
            id=self.id,
            path=self.path,
            published=self.published,
            outlet=self.outlet,
            author=self.author,
            title=self.title,
            url=self.url,
        )


class Speaker(Record):
    """Who makes the claim. ``name`` is canonical ("Iran" for "Tehran")."""

    name: str
    kind: SpeakerKind
    mention: SpanRef | None = None
    role: str | None = None


class Proposition(Record):
    """Who does what (where), normalised so that claims can be compared.

    ``predicate`` is a predicate class ("withdraw" for "pull out", "head for the
    exits"); opposites are folded into polarity ("stay in Syria" is withdraw,
    polarity false). ``modality`` says whether the claim holds it as having
    happened, as predicted, as intended, as demanded or as a hypothesis.
    """

    subject: str | None
    predicate: str
    object: str | None = None
    place: str | None = None
    polarity: bool = True
    modality: Modality = "actual"
    lexical: bool = True
    """True when the predicate class comes from the lexicon, False when it is the bare verb lemma."""


class Event(Record):
    """An event or state a claim speaks of, as the parse reads it ("forces have continued to fight in Misrata").

    ``lemma`` is the trigger word ("fight", "cease-fire", "pull out"); ``start``/``end``
    locate it in the article. ``negated`` is the claim's stance: it says the event is
    not so (its own "not", "no sign that", or a denying cue). The event's class is looked up
    when contradictions are sought, so that better tables need no new extraction.
    """

    lemma: str
    pos: Literal["v", "n", "a"]
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    negated: bool = False
    modality: Modality = "actual"
    subject: str | None = None
    object: str | None = None
    owner: str | None = None
    places: list[str] = Field(default_factory=list)
    count: int | None = None
    time: PartialDate | None = None
    """When the claim says this event happened ("killed on August 27"), if it says."""
    time_text: str | None = None
    head: str | None = None
    """The word that governs the trigger in the claim ("declare" for "declared a cease-fire")."""


class Claim(Record):
    """An attributed claim: who claims what, through which cue, where in the text."""

    schema_version: int = SCHEMA_VERSION
    id: str
    article: ArticleRef
    span: SpanRef
    text: str
    sentence: SpanRef
    speaker: Speaker
    cue: SpanRef | None = None
    via: str | None = None
    quoted: bool = False
    kind: ClaimKind
    polarity: bool = True
    hedge: str | None = None
    time: PartialDate | None = None
    time_text: str | None = None
    proposition: Proposition | None = None
    events: list[Event] = Field(default_factory=list)


class View(BaseModel):
    """A read-only subset of a stored record: unknown fields are skipped, not refused."""

    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)


class ArticleView(View):
    id: str
    path: str | None = None
    published: PartialDate | None = None


class SpeakerView(View):
    name: str
    kind: SpeakerKind
    mention: SpanRef | None = None


class ClaimView(View):
    """What the contradiction finder and the track records read of a claim.

    Reading this subset of ``claims.jsonl`` costs well under half of reading
    whole :class:`Claim` records, which matters for stores of 100,000 claims.
    """

    schema_version: int = SCHEMA_VERSION
    id: str
    article: ArticleView
    text: str
    sentence: SpanRef | None = None
    speaker: SpeakerView
    cue: SpanRef | None = None
    quoted: bool = False
    kind: ClaimKind
    hedge: str | None = None
    time: PartialDate | None = None
    proposition: Proposition | None = None
    events: list[Event] = Field(default_factory=list)


class Evidence(Record):
    claim: str
    speaker: str
    date: str | None = None
    text: str


class Contradiction(Record):
    """Later claims that go against an earlier one, with the reasons for the call."""

    schema_version: int = SCHEMA_VERSION
    id: str
    type: ContradictionType
    earlier: str
    later: list[str]
    later_count: int = 0
    """How many later claims there are in all (``later`` lists the earliest of them)."""
    proposition: Proposition
    confidence: float = Field(ge=0.0, le=1.0)
    rule: str | None = None
    """Which judgement made the record: "same event", "ceasefire/attack" (incompatible.tsv), "proposition" ..."""
    reasons: list[str]
    explanation: str
    earlier_speaker: str
    earlier_date: str | None = None
    later_dates: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    also: list[str] = Field(default_factory=list)
    """Other claims on the earlier side of the same dispute: reports that every later claim of this record
    disputes as well (one record is kept per dispute, from its first report)."""


class Prediction(Record):
    """A prediction or stated intention with what later claims say of it."""

    claim: str
    kind: ClaimKind
    speaker: str
    date: str | None = None
    text: str
    proposition: Proposition | None = None
    status: PredictionStatus
    contradicted_by: list[str] = Field(default_factory=list)
    confirmed_by: list[str] = Field(default_factory=list)


class SpeakerRecord(Record):
    """A speaker's track record."""

    speaker: str
    kind: SpeakerKind
    claims: int
    predictions: int
    contradicted: int
    confirmed: int
    open: int
    articles: int
    first: str | None = None
    last: str | None = None


def short_hash(*parts: object) -> str:
    """A stable 16-hex-digit id from identity fields."""
    key = "\x1f".join(str(p) for p in parts)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def article_id(text: str) -> str:
    """Articles are identified by their text, so the same text twice is one article."""
    return short_hash("article", text)


def claim_id(article: str, start: int, end: int) -> str:
    return short_hash("claim", article, start, end)

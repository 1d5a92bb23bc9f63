"""Claims as the read-only commands read them: a fast decoder for the subset of a stored claim they need.

:class:`claimtrack.models.ClaimView` is the schema of that subset and the one that
explains a bad line; the rows here decode the same JSON with msgspec, into
slotted structs that the cyclic collector never visits. On 100,000 claims this
reads the store about four times faster than pydantic and keeps a fifth of the
memory, which is what lets ``claimtrack contradictions`` stay within its
budget (``benchmarks/contradictions_scale.py``). A line the rows refuse is
handed to the pydantic schema, so errors read as they always have, and a test
holds the two field for field (``tests/test_views.py``).

Rows are frozen; :func:`replaced` makes an edited copy of a row or of a pydantic
record alike, and :func:`as_proposition` turns a row's proposition into the
record type that contradiction records embed.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeVar

import msgspec

from claimtrack.models import (
    _PARTIAL_DATE,
    SCHEMA_VERSION,
    Claim,
    ClaimKind,
    ClaimView,
    Event,
    Modality,
    Proposition,
    SpeakerKind,
)

PartialDate = Annotated[str, msgspec.Meta(pattern=_PARTIAL_DATE.pattern)]
NonNegative = Annotated[int, msgspec.Meta(ge=0)]


class Row(msgspec.Struct, frozen=True, gc=False):
    """A decoded subset of a stored record; unknown fields are skipped, as in :class:`claimtrack.models.View`."""


class SpanRow(Row, frozen=True, gc=False):
    start: NonNegative
    end: NonNegative
    text: str


class ArticleRow(Row, frozen=True, gc=False):
    id: str
    path: str | None = None
    published: PartialDate | None = None


class SpeakerRow(Row, frozen=True, gc=False):
    name: str
    kind: SpeakerKind
    mention: SpanRow | None = None


class PropositionRow(Row, frozen=True, gc=False):
    subject: str | None
    predicate: str
    object: str | None = None
    place: str | None = None
    polarity: bool = True
    modality: Modality = "actual"
    lexical: bool = True


class EventRow(Row, frozen=True, gc=False):
    lemma: str
    pos: Literal["v", "n", "a"]
    start: NonNegative
    end: NonNegative
    negated: bool = False
    modality: Modality = "actual"
    subject: str | None = None
    object: str | None = None
    owner: str | None = None
    places: list[str] = msgspec.field(default_factory=list)
    count: int | None = None
    time: PartialDate | None = None
    time_text: str | None = None
    head: str | None = None


class ClaimRow(Row, frozen=True, gc=False):
    id: str
    article: ArticleRow
    text: str
    speaker: SpeakerRow
    kind: ClaimKind
    schema_version: int = SCHEMA_VERSION
    sentence: SpanRow | None = None
    cue: SpanRow | None = None
    quoted: bool = False
    hedge: str | None = None
    time: PartialDate | None = None
    proposition: PropositionRow | None = None
    events: list[EventRow] = msgspec.field(default_factory=list)


AnyProposition = Proposition | PropositionRow
"""A proposition as stored (a record) or as read (a row): the same fields."""
AnyEvent = Event | EventRow
AnyClaim = Claim | ClaimView | ClaimRow
"""A claim as the pure core reads it: a whole record, the schema's subset, or a decoded row."""

DECODER = msgspec.json.Decoder(ClaimRow)
DecodeError = msgspec.DecodeError  # a ValidationError is a DecodeError too


def decode(raw: bytes) -> ClaimRow:
    """One stored claim line as a row; raises :data:`DecodeError` for a line the schema refuses."""
    return DECODER.decode(raw)


def row(data: dict[str, Any]) -> ClaimRow:
    """A row from a claim as a dict (tests, records built in code)."""
    return msgspec.convert(data, ClaimRow)


T = TypeVar("T")


def replaced(record: T, **changes: Any) -> T:
    """A copy of a row or of a pydantic record with some fields changed."""
    if isinstance(record, msgspec.Struct):
        return msgspec.structs.replace(record, **changes)
    return record.model_copy(update=changes)  # type: ignore[attr-defined, no-any-return]


def as_proposition(p: AnyProposition) -> Proposition:
    """The record type of a proposition, from a row's or a record's."""
    if isinstance(p, Proposition):
        return p
    return Proposition.model_validate(msgspec.structs.asdict(p))

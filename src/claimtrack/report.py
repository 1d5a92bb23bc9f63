"""``claimtrack report``: one self-contained HTML page a person would rather read than a table.

The contradictions (most confident first, both sides quoted in their sentence,
with speaker, outlet, date and link), a timeline of each prediction and the
reports that bear on it (inline SVG), each speaker's track record, and every
claim shown highlighted in its article paragraph. The page is rendered by
Jinja2 with autoescaping on, so article text stays text; it loads nothing
(no scripts, fonts or images from anywhere) and its Content-Security-Policy
forbids scripts and network requests even if something slipped through.
Nothing here imports spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from typing import Any

from claimtrack.models import Article, Claim, Contradiction, Prediction, SpeakerRecord

TEMPLATE = "report.html.j2"


@dataclass(frozen=True)
class Context:
    """A claim in its paragraph: the text before, the claim itself, the text after."""

    before: str
    claim: str
    after: str
    whole_paragraph: bool
    """False when the article text was not stored (older stores): the sentence stands in."""


def in_context(claim: Claim, text: str | None) -> Context:
    """The claim's paragraph of ``text`` (the stored article), cut around the claim's span."""
    start, end = claim.span.start, claim.span.end
    if text is None or text[start:end] != claim.span.text:
        s = claim.sentence
        rel0, rel1 = max(0, start - s.start), max(0, end - s.start)
        return Context(s.text[:rel0], s.text[rel0:rel1], s.text[rel1:], whole_paragraph=False)
    p0 = text.rfind("\n\n", 0, start)
    p0 = 0 if p0 < 0 else p0 + 2
    p1 = text.find("\n\n", end)
    p1 = len(text) if p1 < 0 else p1
    return Context(text[p0:start], text[start:end], text[end:p1], whole_paragraph=True)


def safe_link(url: str | None) -> str | None:
    """Only web addresses become links (never ``javascript:`` or ``data:``)."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


def _day(value: str | None) -> date | None:
    """A partial date ("2018", "2018-12") as its first day."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    try:
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


@dataclass(frozen=True)
class Mark:
    x: float
    label: str
    kind: str  # "prediction", "contradicts" or "confirms"
    claim: str


@dataclass(frozen=True)
class Timeline:
    prediction: Prediction
    marks: list[Mark]
    axis: list[tuple[float, str]]
    """Year ticks: x position and label."""


TIMELINE_WIDTH = 760.0


def timeline(pred: Prediction, claims: dict[str, Claim]) -> Timeline | None:
    """The prediction and the reports that bear on it, placed on a time axis (None without dated evidence)."""
    points: list[tuple[date, str, str]] = []
    start = _day(pred.date)
    if start is None:
        return None
    points.append((start, "prediction", pred.claim))
    for kind, ids in (("contradicts", pred.contradicted_by), ("confirms", pred.confirmed_by)):
        for cid in ids:
            c = claims.get(cid)
            d = _day(c.time or c.article.published) if c else None
            if d is not None:
                points.append((d, kind, cid))
    if len(points) < 2:
        return None
    lo = min(p[0] for p in points).replace(month=1, day=1)
    hi = max(p[0] for p in points)
    hi = date(hi.year + 1, 1, 1)
    span = (hi - lo).days or 1

    def x(d: date) -> float:
        return round(20 + (TIMELINE_WIDTH - 40) * (d - lo).days / span, 1)

    marks = [Mark(x(d), d.isoformat(), kind, cid) for d, kind, cid in sorted(points, key=lambda p: (p[0], p[1]))]
    years = list(range(lo.year, hi.year + 1))
    step = max(1, len(years) // 8)
    axis = [(x(date(y, 1, 1)), str(y)) for y in years[::step]]
    return Timeline(pred, marks, axis)


def render(
    *,
    contradictions: Sequence[Contradiction],
    predictions: Sequence[Prediction],
    speakers: Sequence[SpeakerRecord],
    claims: dict[str, Claim],
    articles: Iterable[Article],
    store: str,
    n_claims: int,
    generated: str,
) -> str:
    """The report as one HTML document."""
    from jinja2 import Environment, select_autoescape

    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True), trim_blocks=True)
    template = env.from_string(files("claimtrack").joinpath("templates").joinpath(TEMPLATE).read_text(encoding="utf-8"))
    texts = {a.id: a.text for a in articles}
    shown: dict[str, Claim] = {}
    for record in contradictions:
        for cid in (record.earlier, *record.later):
            if cid in claims:
                shown[cid] = claims[cid]
    timelines = [t for p in predictions if (t := timeline(p, claims)) is not None]
    for t in timelines:
        for mark in t.marks:
            if mark.claim in claims:
                shown[mark.claim] = claims[mark.claim]
    context: dict[str, Any] = {
        "contradictions": sorted(contradictions, key=lambda r: -r.confidence),
        "timelines": timelines,
        "width": TIMELINE_WIDTH,
        "speakers": speakers,
        "claims": claims,
        "shown": sorted(shown.values(), key=lambda c: (c.article.published or "", c.article.id, c.span.start)),
        "context": {cid: in_context(c, texts.get(c.article.id)) for cid, c in shown.items()},
        "link": safe_link,
        "store": store,
        "generated": generated,
        "n_claims": n_claims,
    }
    return template.render(**context)

"""Confidence: how likely a record is a contradiction a reader would accept, from weights fitted to audits.

Each record is described by a few features (which judgement made it, how many independent
sources stand behind the later side, hedges, whether both sides come from one article or
from an article's own author, how far apart they are, how alike the two claims read). The
confidence is a logistic model of those features; ``training/fit_confidence.py`` fits its
weights to the judged samples in ``benchmarks/audits/`` and writes
``resources/confidence.json`` with the data, the fit and how precision falls with the
score. The reasons of a record list each feature's contribution, so the number can be read.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from functools import cache
from importlib import resources

from claimtrack.contradictions import ANY_HEDGE
from claimtrack.models import ClaimView, Contradiction
from claimtrack.similarity import similarity

HEDGES = ANY_HEDGE | {"unlikely", "likely"}
"""Hedges of the features: the contradiction finder's, and the two adjectives of likelihood."""


OWN_TEXT = frozenset({"author", "outlet"})
"""Speakers of a page's own text: its author, or its outlet when it names no author."""


def rule_group(rule: str | None) -> str:
    """Rules with few audited examples share a weight with their kind."""
    if not rule:
        return "proposition"
    if "/" in rule:
        return "excluded:" + rule
    return rule


def features(record: Contradiction, claims: Mapping[str, ClaimView]) -> dict[str, float]:
    """The features of one record (names as in ``confidence.json``)."""
    earlier = claims.get(record.earlier)
    later = [claims[i] for i in record.later if i in claims]
    out: dict[str, float] = {"bias": 1.0, f"rule={rule_group(record.rule)}": 1.0, f"type={record.type}": 1.0}
    sources = {(c.speaker.name, c.article.id) for c in later}
    out["extra sources"] = float(min(3, max(0, len(sources) - 1)))
    if earlier is not None:
        out["earlier hedged"] = float(earlier.hedge in HEDGES)
        out["author on earlier side"] = float(earlier.speaker.kind in OWN_TEXT)
        out["one article"] = float(earlier.article.id in {c.article.id for c in later})
        if later:
            out["text similarity"] = max(similarity(earlier.text, c.text) for c in later[:3])
    if later:
        out["later all hedged"] = float(all(c.hedge in HEDGES for c in later))
        out["author on later side"] = float(all(c.speaker.kind in OWN_TEXT for c in later))
    if record.earlier_date and record.later_dates:
        from claimtrack.dates import days_between

        gap = max(0, days_between(record.earlier_date, record.later_dates[0]))
        out["log days apart"] = math.log1p(gap) / 5
    return out


@cache
def weights() -> dict[str, float]:
    path = resources.files("claimtrack.pipeline.resources").joinpath("confidence.json")
    try:
        return dict(json.loads(path.read_text(encoding="utf-8"))["weights"])
    except FileNotFoundError:
        return {}


def rank(record: Contradiction, claims: Mapping[str, ClaimView]) -> Contradiction:
    """The record with its fitted confidence and the reasons behind it (unchanged if no weights ship)."""
    w = weights()
    if not w:
        return record
    feats = features(record, claims)
    parts = [(name, w.get(name, 0.0) * value) for name, value in feats.items() if w.get(name, 0.0) and value]
    z = sum(p for _, p in parts)
    confidence = round(1 / (1 + math.exp(-z)), 2)
    why = record.reasons[0].split(" ", 1)[-1] if record.reasons else record.type
    reasons = [f"judged: {why}"] + [
        f"{p:+.2f} {name}{'' if feats[name] == 1.0 else f' ({feats[name]:.2f})'}"
        for name, p in sorted(parts, key=lambda x: -abs(x[1]))
    ]
    return record.model_copy(update={"confidence": min(0.99, max(0.01, confidence)), "reasons": reasons})

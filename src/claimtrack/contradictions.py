"""Contradictions between stored claims. Pure logic over records: no spaCy, no click.

Claims are compared only within a block of the same canonical subject and
predicate class (the proposition), so the work grows with the size of the
blocks, not with the square of the store. Within a block:

* ``prediction_contradicted``: an earlier prediction or stated intention, and
  later reported events that say the opposite;
* ``reversal``: an actor's stated intention or decision, later turned round by
  a new intention or decision of the same actor;
* ``conflicting_reports``: reports of the same event, about the same time,
  that disagree.

Agreement is never flagged; demands, opinions and questions are never taken
for predictions; hypothetical propositions ("its withdrawal would be a defeat")
take no part.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice
from operator import attrgetter

from claimtrack.dates import bounds, days_between
from claimtrack.lexicon import country_of, hedges, names_of, target_classes, word_set
from claimtrack.models import (
    Contradiction,
    Prediction,
    Proposition,
    SpeakerRecord,
    short_hash,
)
from claimtrack.patterns import WordPattern
from claimtrack.store import paused_gc
from claimtrack.views import AnyClaim, AnyProposition, as_proposition

CONFLICT_WINDOW_DAYS = 31
"""Reports this close in time are "about the same time"."""
STALE_INTENTION_DAYS = 730
WEAK_HEDGES = frozenset(word for word, effect in hedges().items() if effect == "hedge")
"""Words that only weaken a claim ("may", "apparently"), as ``resources/hedges.tsv`` lists them."""
SECOND_HAND = frozenset(word for word, effect in hedges().items() if effect == "report")
"""Words that make a claim second-hand ("reportedly")."""
ANY_HEDGE = WEAK_HEDGES | SECOND_HAND


MAX_EVIDENCE = 20
"""At most this many later claims are listed in one record (all are counted)."""
QUOTED_EVIDENCE = 3
"""The earliest later claims are quoted in full in ``evidence``."""


@dataclass(frozen=True)
class Item:
    claim: AnyClaim
    date: str
    start: int  # first and last day the claim's date may stand for, as ordinals
    end: int
    role: str
    key: tuple[str | None, str | None]  # (place, object): None matches anything
    polarity: bool
    order: tuple[int, str]  # (start, claim id): the order within a block


def _date(claim: AnyClaim) -> str | None:
    return claim.time or claim.article.published


def _compatible(p: Proposition, q: Proposition) -> tuple[bool, list[tuple[float, str]]]:
    """Whether two propositions of one block speak of the same thing, with the reasons."""
    reasons: list[tuple[float, str]] = []
    if p.predicate in target_classes() and not (p.object and q.object):
        return False, []  # raising taxes is not cutting jobs: a class with targets needs both to be named
    if p.place and q.place:
        if p.place != q.place:
            return False, []
        reasons.append((0.15, f"same place ({p.place})"))
    elif p.place or q.place:
        reasons.append((-0.05, "the place is stated on one side only"))
    if p.object and q.object:
        if p.object.lower() != q.object.lower():
            return False, []
        reasons.append((0.05, f"same object ({p.object})"))
    return True, reasons


def _named(actor: str) -> bool:
    """An actor that means the same in every article: a country, a name ("Gordon Brown", "Hamas").

    "the government" or "the club" differ from one article to the next, so they are never
    compared across the store.
    """
    return actor[:1].isupper() or country_of(actor) is not None


@cache
def _names_pattern(country: str) -> re.Pattern[str]:
    names = sorted(names_of(country), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


PRONOUN_MENTIONS = frozenset({"he", "she", "it", "they", "we", "i"})
_GOVERNMENT_OF = re.compile(r"[A-Z][\w\-]+(?:'s)? (?:administration|government|regime)")


def _state_actor(claim: AnyClaim) -> bool:
    """Whether a claim's proposition is about a state by its own name ("Iran", "the United States").

    Propositions are compared by their predicate class alone; for people ("Gaddafi leaves power",
    "his departure") that mixes too many senses, and frames (claimtrack.frames) judge them instead.
    """
    p = claim.proposition
    if p is None or p.subject is None or country_of(p.subject) != p.subject:
        return False
    # named in the claim itself ("Iran", "Iranian forces", "the Trump administration"), or the speaker speaking
    # of itself ("the US stated it would keep ..."); not found through "it" or the article's context
    mention = claim.speaker.mention
    if claim.speaker.name == p.subject and not (mention and mention.text.lower() in PRONOUN_MENTIONS):
        return True  # the state speaking of itself; one found only through "they" may be anyone
    if claim.events:
        # the state is who does it: some event's own subject names it ("Iranian forces are moving out"), not
        # just any word of the claim ("the ousted Libyan leader's family")
        # for an intention, the one who means to do it ("the coalition's effort to halt Libya's attacks" is not Libya's)
        return any(
            _names_state(ev.subject if claim.kind == "intention" else ev.subject or ev.owner, p.subject)
            for ev in claim.events
        )
    return _names_state(claim.text, p.subject)


@lru_cache(maxsize=1 << 16)
def _names_state(phrase: str | None, state: str) -> bool:
    if not phrase:
        return False
    if phrase.endswith("s") and " " not in phrase.strip() and country_of(phrase[:-1]) == state:
        return False  # "Americans" are a country's people, not its state
    head = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip().lower())
    if country_of(phrase) == state or _names_pattern(state).match(head):
        return True  # "Iran", "Iranian forces", "Iran's Revolutionary Guard"; not "the rebels, whose stronghold is..."
    return any(country_of(m) == state for m in _GOVERNMENT_OF.findall(phrase))


def _role(claim: AnyClaim) -> str | None:
    """How a claim may take part: as a forecast, a position of the actor, a report, or not at all."""
    p = claim.proposition
    if p is None or not p.lexical or not p.subject or claim.kind in ("demand", "opinion"):
        return None
    if not _named(p.subject):
        return None
    if p.predicate in target_classes() and not p.object:
        return None  # "support" with no one supported cannot be compared
    if p.modality in ("hypothetical", "demanded"):
        return None
    if claim.kind == "prediction":
        return "forecast"
    if claim.kind == "intention":
        return "position"
    if claim.kind == "event":
        if p.modality == "intended":
            return "position"
        reported = p.modality == "actual" and _reported_done(claim) and not _CONTRAST.search(claim.text)
        return "report" if reported else None
    return None


_CONTRAST = WordPattern(
    r"\b(?:but|yet|although|though|despite|only to)\b", needles=("but", "yet", "though", "despite", "only")
)
"""A report that turns on itself ("withdrew its staff, but maintains contacts") says both things."""


def _reported_done(claim: AnyClaim) -> bool:
    """Whether a report's event reading agrees that what its proposition says happened is said to have happened:
    "the need to prevent Libya collapsing" is no report that Libya fell."""
    from claimtrack.frames import _classes, _stance

    p = claim.proposition
    assert p is not None
    for ev in claim.events:
        if p.predicate in _classes(ev.lemma, ev.pos) or ev.lemma == p.predicate:
            return _stance(claim, ev) in ("asserts", "denies")
    return not any(ev.head in word_set("non_factive_heads.txt") for ev in claim.events)


def takes_part(claim: AnyClaim) -> bool:
    """Whether a claim can be one side of a contradiction (the rest need not even be kept in memory)."""
    return (bool(claim.events) or _role(claim) is not None) and _date(claim) is not None


def _blocks(claims: Iterable[AnyClaim]) -> dict[tuple[str, str], list[Item]]:
    """Claims that can take part, by (subject, predicate class), in date order."""
    blocks: dict[tuple[str, str], list[Item]] = defaultdict(list)
    for claim in claims:
        role = _role(claim)
        if role is None:
            continue
        when = _date(claim)
        if when is None:
            continue
        lo, hi = bounds(when)
        p = claim.proposition
        assert p is not None and p.subject
        key = (p.place, p.object.lower() if p.object else None)
        blocks[(p.subject.lower(), p.predicate)].append(
            Item(claim, when, lo.toordinal(), hi.toordinal(), role, key, p.polarity, (lo.toordinal(), claim.id))
        )
    for items in blocks.values():
        items.sort(key=attrgetter("order"))
    return blocks


class _Index:
    """Items of one block, grouped by object and place and sorted by date, for range queries.

    Objects must be equal (classes with targets always have one, the others never);
    a place matches the same place, and a claim that names no place matches any.
    """

    def __init__(self, items: Iterable[Item]) -> None:
        groups: dict[str | None, dict[str | None, list[Item]]] = defaultdict(lambda: defaultdict(list))
        for it in items:
            place, obj = it.key
            groups[obj][place].append(it)
        self.groups = {
            obj: {place: (v, [it.start for it in v]) for place, v in by_place.items()}
            for obj, by_place in groups.items()
        }

    def _matching(self, key: tuple[str | None, str | None]) -> list[tuple[list[Item], list[int]]]:
        place, obj = key
        by_place = self.groups.get(obj)
        if not by_place:
            return []
        if place is None:
            return list(by_place.values())
        return [g for g in (by_place.get(place), by_place.get(None)) if g is not None]

    def between(self, key: tuple[str | None, str | None], lo: int, hi: int | None = None) -> tuple[list[Item], int]:
        """Compatible items whose date starts in [lo, hi], the earliest MAX_EVIDENCE of them, and how many."""
        parts, total = [], 0
        for items, starts in self._matching(key):
            i = bisect_left(starts, lo)
            j = len(starts) if hi is None else bisect_right(starts, hi)
            if j > i:
                total += j - i
                parts.append(items[i : min(j, i + MAX_EVIDENCE)])
        if len(parts) == 1:
            return parts[0], total
        # a lazy k-way merge touches only the earliest MAX_EVIDENCE items, however many groups match
        return list(islice(heapq.merge(*parts, key=attrgetter("order")), MAX_EVIDENCE)), total


def find_contradictions(claims: Iterable[AnyClaim], *, ranked: bool = True, jobs: int = 1) -> list[Contradiction]:
    """All contradictions among ``claims``, most confident first.

    Args:
        ranked: give each record the confidence fitted to audits (``claimtrack.ranking``); False keeps
            the judgement's own weights (what ``training/fit_confidence.py`` starts from).
        jobs: processes a large store's frames are read in (the records are the same for any number).
    """
    from claimtrack.conflicts import frame_contradictions

    claims = claims if isinstance(claims, list) else list(claims)
    out: list[Contradiction] = []
    with paused_gc():
        # propositions compare states by name only: what a state (a country, its government) does
        # (and claims stored before event mentions existed, which have nothing else to compare)
        # (a claim of no role is left out of every block: it need not be looked at more closely)
        compared = [c for c in claims if (not c.events or _state_actor(c)) and _role(c) is not None]
        for items in _blocks(compared).values():
            out.extend(_in_block(items))
        covered = {(c.type, c.earlier, frozenset(c.later)) for c in out}
        out.extend(
            c for c in frame_contradictions(claims, jobs=jobs) if (c.type, c.earlier, frozenset(c.later)) not in covered
        )
        if ranked:
            from claimtrack.ranking import rank

            by_id = {c.id: c for c in claims}
            out = [rank(c, by_id) for c in out]  # type: ignore[arg-type]
        out = _one_per_dispute(out)
        out.sort(key=lambda c: (-c.confidence, c.type, c.earlier_date or "", c.id))
    return out


def _one_per_dispute(records: list[Contradiction]) -> list[Contradiction]:
    """Conflicting reports that the same later claims dispute are one dispute ("Koussa resigned", said by four
    reports, against "Koussa is on sick leave"): one record, from the first report named, the others in ``also``."""
    groups: dict[tuple, list[Contradiction]] = defaultdict(list)
    out: list[Contradiction] = []
    for r in records:
        if r.type == "conflicting_reports":
            groups[(r.rule, r.proposition.predicate, frozenset(r.later))].append(r)
        else:
            out.append(r)
    for group in groups.values():
        group.sort(key=lambda r: (r.earlier_date or "", r.earlier_speaker == "unresolved", -r.confidence, r.id))
        first, rest = group[0], group[1:]
        if rest:
            others = f" {len(rest)} other report{'s' if len(rest) > 1 else ''} on the earlier side say the same."
            first = first.model_copy(
                update={"also": [r.earlier for r in rest], "explanation": first.explanation + others}
            )
        out.append(first)
    return out


def _in_block(items: Sequence[Item]) -> list[Contradiction]:
    out: list[Contradiction] = []
    reports = {pol: _Index(it for it in items if it.role == "report" and it.polarity is pol) for pol in (True, False)}
    positions = {
        pol: _Index(it for it in items if it.role == "position" and it.polarity is pol) for pol in (True, False)
    }
    for a in items:
        if a.claim.kind in ("prediction", "intention"):
            later, total = reports[not a.polarity].between(a.key, a.end + 1)
            if later:
                out.append(_record("prediction_contradicted", a, later, total))
        if a.role == "position":
            later, total = positions[not a.polarity].between(a.key, a.end + 1)
            if later:
                out.append(_record("reversal", a, later, total))
    used: set[str] = set()
    for a in items:
        if a.role != "report" or a.claim.id in used:
            continue
        near, _ = reports[not a.polarity].between(a.key, a.start, a.start + CONFLICT_WINDOW_DAYS)
        later = [
            b
            for b in near
            if b.claim.id not in used
            and (b.start, b.claim.id) > (a.start, a.claim.id)
            and (a.claim.speaker.name != b.claim.speaker.name or a.claim.article.id != b.claim.article.id)
        ]
        if later:
            used.update(b.claim.id for b in later)
            used.add(a.claim.id)
            out.append(_record("conflicting_reports", a, later, len(later)))
    return out


def _record(type_: str, a: Item, later: list[Item], total: int) -> Contradiction:
    earlier = a.claim
    pa = earlier.proposition
    assert pa is not None
    later_claims = [b.claim for b in later]
    score = 0.5
    reasons = [f"+0.50 same actor ({pa.subject}) and predicate class ({pa.predicate}), opposite polarity"]
    pairs = [_compatible(pa, c.proposition)[1] for c in later_claims[:QUOTED_EVIDENCE]]  # type: ignore[arg-type]
    for delta, why in max(pairs, key=lambda rs: sum(d for d, _ in rs)):
        score += delta
        reasons.append(f"{delta:+.2f} {why}")
    speakers = [c.speaker.name for c in later_claims]
    articles = [c.article.id for c in later_claims]
    n_sources = len(set(zip(speakers, articles, strict=True)))
    if n_sources > 1:
        delta = min(0.15, 0.05 * (n_sources - 1))
        score += delta
        reasons.append(f"{delta:+.2f} {n_sources} independent reports")
    if earlier.hedge in WEAK_HEDGES:
        score -= 0.1
        reasons.append(f"-0.10 the earlier claim is hedged ({earlier.hedge})")
    if all(c.hedge in ANY_HEDGE for c in later_claims):
        score -= 0.1
        reasons.append("-0.10 every later claim is hedged")
    name = earlier.speaker.name
    if type_ == "reversal" and earlier.speaker.kind != "author" and all(s == name for s in speakers):
        score += 0.1
        reasons.append("+0.10 the same source states both positions")
    if type_ != "conflicting_reports" and earlier.kind == "intention":
        gap = days_between(a.date, later[0].date)
        if gap > STALE_INTENTION_DAYS:
            score -= 0.15
            reasons.append(f"-0.15 the intention is {gap // 365} years older than the evidence")
    if type_ != "reversal" and earlier.article.id in articles:
        score -= 0.05
        reasons.append("-0.05 both sides come from one article")
    later_ids = [c.id for c in later_claims]
    dates = sorted({b.date for b in later})
    # validating a dict runs in pydantic's core: faster than building the models field by field
    return Contradiction.model_validate(
        {
            "id": short_hash(type_, earlier.id, *later_ids),
            "type": type_,
            "earlier": earlier.id,
            "later": later_ids,
            "later_count": total,
            "proposition": as_proposition(pa),
            "confidence": round(min(0.99, max(0.05, score)), 2),
            "rule": "proposition",
            "reasons": reasons,
            "explanation": explain(type_, earlier, later_claims, total, dates),
            "earlier_speaker": name,
            "earlier_date": a.date,
            "later_dates": dates,
            "evidence": [
                {"claim": b.claim.id, "speaker": b.claim.speaker.name, "date": b.date, "text": b.claim.text}
                for b in later[:QUOTED_EVIDENCE]
            ],
        }
    )


# --------------------------------------------------------------------------- explanations

_IRREGULAR_ING = {
    "withdraw": "withdrawing",
    "support": "supporting",
    "capture": "capturing",
    "win": "winning",
    "ban": "banning",
    "agree": "agreeing",
    "meet": "meeting",
    "fall": "falling",
}
_PLACE_PREP = {"withdraw": "from"}


def _ing(verb: str) -> str:
    if verb in _IRREGULAR_ING:
        return _IRREGULAR_ING[verb]
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    return verb + "ing"


def _tail(p: AnyProposition) -> str:
    out = ""
    if p.object:
        out += f" {p.object}"
    if p.place:
        out += f" {_PLACE_PREP.get(p.predicate, 'in')} {p.place}"
    return out


def _name(name: str) -> str:
    """Speakers as a sentence can carry them: "(author of x.txt)" reads "the author of x.txt"."""
    return "the " + name[1:-1] if name.startswith("(author of ") and name.endswith(")") else name


def _when(date: str) -> str:
    return f"on {date}" if len(date) == 10 else f"in {date}"


def _who(claims: list[AnyClaim], limit: int = 3) -> str:
    names = list(dict.fromkeys(_name(c.speaker.name) for c in claims))
    shown = ", ".join(names[:limit])
    return shown + (", ..." if len(names) > limit else "")


def _span(dates: list[str]) -> str:
    dates = sorted(set(dates))
    if not dates:
        return "an unknown date"
    return dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}"


def explain(
    type_: str, earlier: AnyClaim, later: list[AnyClaim], total: int | None = None, dates: list[str] | None = None
) -> str:
    """One sentence a reader can check against the claims."""
    p = earlier.proposition
    assert p is not None
    subj = p.subject or "the actor"
    verb = p.predicate
    not_ = "" if p.polarity else " not"
    e_date = _date(earlier) or "an unknown date"
    l_dates = _span(dates if dates is not None else [d for c in later if (d := _date(c))])
    n = total or len(later)
    if type_ == "prediction_contradicted":
        said = "predicted" if earlier.kind == "prediction" else "said"
        opposite = "is" if not p.polarity else "is not"
        return (
            f"{_name(earlier.speaker.name)} ({e_date}) {said} {subj} would{not_} {verb}{_tail(p)}; "
            f"{n} report{'s' if n > 1 else ''} from {l_dates} say{'s' if n == 1 else ''} {subj} {opposite} "
            f"{_ing(verb)} ({_who(later)})."
        )
    if type_ == "reversal":
        lp = later[0].proposition
        assert lp is not None
        later_not = "" if lp.polarity else " not"
        return (
            f"{subj} reversed course: {_when(e_date)} it would{not_} {verb}{_tail(p)} "
            f"({_name(earlier.speaker.name)}); {_when(l_dates) if ' to ' not in l_dates else 'from ' + l_dates} "
            f"it would{later_not} {verb} ({_who(later)})."
        )
    yes, no = (_name(earlier.speaker.name), _who(later)) if p.polarity else (_who(later), _name(earlier.speaker.name))
    yes_date, no_date = (e_date, l_dates) if p.polarity else (l_dates, e_date)
    return (
        f"Reports disagree on whether {subj} is {_ing(verb)}{_tail(p)}: yes according to {yes} ({yes_date}), "
        f"no according to {no} ({no_date})."
    )


# --------------------------------------------------------------------------- track records


def predictions(claims: Sequence[AnyClaim], contradictions: Sequence[Contradiction]) -> list[Prediction]:
    """Every prediction and intention with its status and evidence."""
    contradicted: dict[str, list[str]] = defaultdict(list)
    for c in contradictions:
        if c.type in ("prediction_contradicted", "reversal"):
            contradicted[c.earlier].extend(c.later)
    confirmations: dict[str, list[str]] = {}
    for items in _blocks(claims).values():
        reports = {
            pol: _Index(it for it in items if it.role == "report" and it.polarity is pol) for pol in (True, False)
        }
        for a in items:
            if a.claim.kind in ("prediction", "intention"):
                agree, _ = reports[a.polarity].between(a.key, a.end + 1)
                if agree:
                    confirmations[a.claim.id] = [b.claim.id for b in agree]
    out = []
    for claim in claims:
        if claim.kind not in ("prediction", "intention"):
            continue
        against = list(dict.fromkeys(contradicted.get(claim.id, [])))
        for_ = confirmations.get(claim.id, [])
        status = "contradicted" if against else ("confirmed" if for_ else "open")
        out.append(
            Prediction(
                claim=claim.id,
                kind=claim.kind,
                speaker=claim.speaker.name,
                date=_date(claim),
                text=claim.text,
                proposition=as_proposition(claim.proposition) if claim.proposition else None,
                status=status,  # type: ignore[arg-type]
                contradicted_by=against,
                confirmed_by=for_,
            )
        )
    return out


def speaker_records(claims: Sequence[AnyClaim], preds: Sequence[Prediction]) -> list[SpeakerRecord]:
    """Per speaker: claims made, predictions, and how they fared.

    A columnist quoted in one article and the author of another is one speaker;
    the kind shown is the one the speaker has most often, other than author.
    """
    by_claim = {p.claim: p for p in preds}
    acc: dict[str, dict] = {}
    for claim in claims:
        row = acc.setdefault(
            claim.speaker.name,
            {
                "claims": 0,
                "predictions": 0,
                "contradicted": 0,
                "confirmed": 0,
                "open": 0,
                "articles": set(),
                "dates": [],
                "kinds": Counter(),
            },
        )
        row["claims"] += 1
        row["kinds"][claim.speaker.kind] += 1
        row["articles"].add(claim.article.id)
        if (d := _date(claim)) is not None:
            row["dates"].append(d)
        pred = by_claim.get(claim.id)
        if pred is not None:
            row["predictions"] += 1
            row[pred.status] += 1
    out = []
    for name, row in acc.items():
        kinds = row["kinds"]
        named = [k for k, _ in kinds.most_common() if k != "author"]
        out.append(
            SpeakerRecord(
                speaker=name,
                kind=named[0] if named else "author",
                claims=row["claims"],
                predictions=row["predictions"],
                contradicted=row["contradicted"],
                confirmed=row["confirmed"],
                open=row["open"],
                articles=len(row["articles"]),
                first=min(row["dates"], default=None),
                last=max(row["dates"], default=None),
            )
        )
    out.sort(key=lambda r: (-r.predictions, -r.claims, r.speaker))
    return out

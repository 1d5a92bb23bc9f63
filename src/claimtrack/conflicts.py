"""Contradictions between frames: the same participants, incompatible events. Pure logic over facts.

Facts (see :mod:`claimtrack.frames`) are indexed by (class, participant), so a
fact meets only the facts that share its class, or a class its class excludes,
and one of its participants; each lookup is then cut to a date range by
bisection. Nothing is compared pair by pair across the store.

Three judgements, each with its reasons:

* the same event, opposite stance: "X will not enter the cities" and, later,
  "X entered Zuwara";
* incompatible events (``incompatible.tsv``): a truce, then hostilities by the
  same side; one person both captured and free; one town held by opposing sides
  in the same days;
* a one-time event (a death, a capture) of one named person reported at dates
  days apart.

A kept promise and a prediction that came true agree with their evidence and
are never flagged; a town that changes hands over weeks is not held by two
sides "at the same time".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from claimtrack.contradictions import ANY_HEDGE as HEDGES
from claimtrack.dates import days_between
from claimtrack.forked import fork_map, shares
from claimtrack.frames import (
    PRONOUNS,
    UNDERGOER_CLASSES,
    AnyClaim,
    ArticleContext,
    Fact,
    _classes,
    _country,
    denial,
    facts,
    incompatibilities,
    name_key,
    same_person,
    side_of,
    speaker_side,
)
from claimtrack.lexicon import word_set
from claimtrack.models import Contradiction, Proposition, short_hash
from claimtrack.patterns import WordPattern

FORECASTS = frozenset({"predicts", "intends"})
CONFLICT_WINDOW_DAYS = 31
"""Reports this close in time speak of the same state of affairs."""
ONCE_WINDOW_DAYS = 3
"""A one-time event reported at dates further apart than this is reported twice, differently."""
ONCE_CLASSES = frozenset({"die", "capture"})
"""Events that happen to a person once (or almost never twice in a few weeks)."""
TOLL_CLASSES = frozenset({"die", "casualty"})
TOLL_RATIO = 3
"""Two death tolls of one place and day this far apart (or none against some) cannot both be true."""
ONCE_OR_STATE_OF_PERSON = frozenset({"die", "capture", "defect", "resign", "free", "alive", "on_leave"})
"""What happens to one person and stays so: reports weeks apart still speak of the same fact."""


class Match:
    """One candidate pair: an earlier fact, a later one, the judgement and why."""

    __slots__ = ("a", "b", "type", "why", "weight", "rule")

    def __init__(self, a: Fact, b: Fact, type_: str, why: str, weight: float, rule: str = "same event") -> None:
        self.a, self.b, self.type, self.why, self.weight, self.rule = a, b, type_, why, weight, rule


class _Index:
    """Facts by class and participant key, each list sorted by first day, for date-range queries."""

    def __init__(self, items: Iterable[Fact]) -> None:
        # sorted once, by (first day, claim id), ties in the order the facts came: every group is then built in order
        self.groups: dict[str, dict[str, tuple[list[Fact], list[int]]]] = defaultdict(dict)
        groups = self.groups
        for f in sorted(items, key=_order):
            keys = _keys(f)
            if not keys:
                continue
            start = f.start
            for cls in f.classes:
                by_key = groups[cls]
                for key in keys:
                    group = by_key.get(key)
                    if group is None:
                        group = by_key[key] = ([], [])
                    group[0].append(f)
                    group[1].append(start)

    def between(self, cls: str, key: str, lo: int, hi: int) -> list[Fact]:
        by_key = self.groups.get(cls)
        found = by_key.get(key) if by_key else None
        if not found:
            return []
        items, starts = found
        return items[bisect_left(starts, lo) : bisect_right(starts, hi)]


def _order(f: Fact) -> tuple[int, str]:
    return f.start, f.claim.id


def _keys(f: Fact) -> set[str]:
    patient = f.patient
    keys = {k for k in (f.actor, patient, f.place, f.holder) if k}
    if f.country:
        keys.add("country:" + f.country)
    if patient and patient.startswith("person:"):
        keys.add("person:" + patient[7:].split("-", 1)[0])  # "Khamis" finds "Khamis Gaddafi"
    return keys


def _lookup_key(p: str) -> str:
    return "person:" + p[7:].split("-")[0] if p.startswith("person:") else p


def _same(p: str | None, q: str | None) -> bool:
    if p is None or q is None:
        return False
    if p.startswith("person:") and q.startswith("person:"):
        return same_person(p, q)
    return p == q


def _compatible(a: Fact, b: Fact) -> bool:
    """Participants named on both sides agree (a side not named matches any)."""
    for p, q in ((a.place, b.place), (a.patient, b.patient)):
        if p and q and not _same(p, q):
            return False
    return True


def _rivals(p: str | None, q: str | None) -> bool:
    """Opposing sides of one country: side:gov:Libya and side:opp:Libya."""
    if not p or not q or not p.startswith("side:") or not q.startswith("side:"):
        return False
    return p != q and p.split(":")[2] == q.split(":")[2]


def _other_side(side: str | None) -> str | None:
    if not side or not side.startswith("side:"):
        return None
    _, camp, country = side.split(":", 2)
    return f"side:{'opp' if camp == 'gov' else 'gov'}:{country}"


def _independent(a: Fact, b: Fact) -> bool:
    return a.claim.speaker.name != b.claim.speaker.name or a.claim.article.id != b.claim.article.id


def matches(all_facts: list[Fact], *, jobs: int = 1) -> list[Match]:
    """Every judged pair among the facts; with ``jobs`` > 1, a large store's facts are looked up in that many
    processes, all sharing one index (the pairs, and their order, are the same)."""
    index = _Index(all_facts)
    parts = shares(range(len(all_facts)), jobs, len(all_facts))

    def work(part: Sequence[int]) -> list[Match]:
        out: list[Match] = []
        for i in part:
            a = all_facts[i]
            out.extend(_same_event(a, index))
            if not a.event.negated:
                for cls_a, cls_b, shared, window, days, why in _rules_for(a.classes):
                    out.extend(_excluded(a, f"{cls_a}/{cls_b}", cls_b, shared, window, days, why, index))
            out.extend(_once(a, index))
            out.extend(_tolls(a, index))
        return out

    def pack(part: Sequence[int], found: list[Match]) -> list[tuple[int, int, str, str, float, str]]:
        where = {id(f): i for i, f in enumerate(all_facts)}  # the pairs, with facts named by position
        return [(where[id(m.a)], where[id(m.b)], m.type, m.why, m.weight, m.rule) for m in found]

    def unpack(part: Sequence[int], packed: list[tuple[int, int, str, str, float, str]]) -> list[Match]:
        return [
            Match(all_facts[a], all_facts[b], type_, why, weight, rule) for a, b, type_, why, weight, rule in packed
        ]

    return [m for found in fork_map(work, parts, pack=pack, unpack=unpack) for m in found]


@lru_cache(maxsize=1 << 12)
def _rules_for(classes: frozenset[str]) -> tuple[tuple[str, str, tuple[str, ...], str, int, str], ...]:
    """The rules of ``incompatible.tsv`` a fact of these classes is judged by, in the table's order."""
    return tuple(rule for rule in incompatibilities() if rule[0] in classes)


CHANGES = ONCE_OR_STATE_OF_PERSON - {"alive"}
"""What can come to be after a report that it has not (one cannot come to be alive after being dead)."""
SAME_EVENT_CLASSES = ONCE_OR_STATE_OF_PERSON | {"enter", "withdraw"}
"""Classes whose opposite stance on one frame is judged: what happens to one named person, and the moves of a
side into or out of a place. Activities that go on and off ("attack", "control") and bare verbs are too often
"not so here, so there" to be judged by stance alone (audited: none of 26 such records on the Libya feed held)."""
JUDGED_CLASSES = (
    SAME_EVENT_CLASSES | ONCE_CLASSES | TOLL_CLASSES | {c for rule in incompatibilities() for c in rule[:2]}
)
"""Every class a judgement looks at, on either side: facts of no such class are never built."""


def _same_event(a: Fact, index: _Index) -> Iterator[Match]:
    """The same event of the same participants, the other way round."""
    key = a.actor if a.actor else a.patient
    if not key or not (a.actor or "").startswith(("side:", "person:")) and not (a.patient or "").startswith("person:"):
        return
    for cls in sorted(a.classes & SAME_EVENT_CLASSES):  # in a fixed order: the first reason found is kept
        if cls in ("enter", "withdraw") and not (a.stance in FORECASTS and (a.actor or "").startswith("side:")):
            continue  # a side's pledge to stay out of (or leave) a place, against what it later did
        lo = a.end + 1 if a.stance in FORECASTS else a.start
        hi = a.end + (3650 if a.stance in FORECASTS else CONFLICT_WINDOW_DAYS)
        for b in index.between(cls, _lookup_key(key), lo, hi):
            if b.claim.id == a.claim.id or b.event.negated == a.event.negated or _both_ways(b):
                continue  # "he was stepping down and he didn't step down" tells a story, it takes no side
            if not (_same(a.actor, b.actor) or (a.actor is None and _same(a.patient, b.patient))):
                continue
            if not _compatible(a, b):
                continue
            if cls in ONCE_OR_STATE_OF_PERSON and not (_same_person_both(a, b) and (a.explicit or b.explicit)):
                continue  # "will not kill civilians", "killed 19 civilians": many events; one named person's is one
            if cls.startswith("lemma:") and not _named_alike(a, b):
                continue  # a bare verb means too many things: it must be said of the same named thing or place
            what = cls.removeprefix("lemma:")
            universal = a.stance in FORECASTS and a.event.negated
            if universal and not _named_alike(a, b) and not b.place:
                continue  # "will not enter the cities": refuted by entering a named place, not "its fourth week"
            if not _named_alike(a, b) and not (a.actor or "").startswith("person:") and not universal:
                # "will attack" and "is not attacking" are one event only of one named place or person; but one
                # entry into one town refutes "will not enter the cities"
                continue
            if a.stance in FORECASTS and b.stance in ("asserts", "denies"):
                if not a.event.negated and (a.deadline is None or b.start <= a.deadline):
                    continue  # "will step down in September": not having done so yet refutes nothing before then
                if a.event.negated and a.deadline is not None and b.start > a.deadline:
                    continue  # "will not step down until September": stepping down in September keeps the word
                yield Match(
                    a, b, "prediction_contradicted", f"the same event ({what}), said the other way round later", 0.55
                )
            elif a.stance == "intends" and b.stance == "intends" and _own(a) and _own(b):
                yield Match(a, b, "reversal", f"the same actor's own stated intention ({what}), turned round", 0.55)
            elif a.stance in ("asserts", "denies") and b.stance in ("asserts", "denies") and _independent(a, b):
                if not _named_alike(a, b):
                    continue  # fighting somewhere and none elsewhere is no dispute: one place or person, named
                if b.start - a.end > ONCE_WINDOW_DAYS and not (a.classes & ONCE_OR_STATE_OF_PERSON):
                    continue  # fighting one week and none the next is a change, not a dispute
                if a.classes & ONCE_OR_STATE_OF_PERSON and not (a.explicit or b.explicit):
                    continue
                no, yes = (a, b) if a.event.negated else (b, a)
                if cls in CHANGES and yes.start >= no.start and not denial(no.claim):
                    # "he has not stepped down" on Monday, "he stepped down" on Friday (or later that day): a change,
                    # not a dispute; a report that dates the event before the "not" still disputes it, and so does
                    # any report against a denial ("there was no sign he had defected": what was denied was said)
                    continue
                if _presupposed(a) or _presupposed(b):
                    continue  # "his resignation is what they demand" mentions a resignation, it does not report one
                if _both_ways(a):
                    continue
                if cls in ONCE_CLASSES and b.event.time and b.start > a.end:
                    continue  # "killed on August 27" is not the death a report of August 6 denied
                if (b.start, b.claim.id) > (a.start, a.claim.id):
                    yield Match(a, b, "conflicting_reports", f"reports of the same event ({what}) that disagree", 0.5)


_BEFORE_DEADLINE = re.compile(r"\b(?:before|ahead\s+of)\s+(?:the|its|their|a|\w+['’]s)\s+(?:\w+\s+)?deadline\b", re.I)
"""A later report that dates what it tells before a truce's end: "fighting erupted a day before the deadline"."""
CONCESSIVE = WordPattern(
    r"\b(despite|in spite|but|although|though|violat\w*|breach\w*|br[eo]k\w*|continu\w*)\b",
    needles=("despite", "spite", "but", "though", "violat", "breach", "brek", "brok", "continu"),
)


def _reports_the_truce(f: Fact) -> bool:
    """A claim that names the truce itself ("declared a cease-fire in its fighting") reports the truce, not a
    breach, unless it says the fighting went on despite it."""
    return any(e.lemma in ("ceasefire", "cease-fire", "truce", "armistice") for e in f.claim.events) and not (
        CONCESSIVE.search(f.claim.text)
    )


def _is_country(place: str) -> bool:
    name = place.removeprefix("place:")
    return _country(name) == name


def _presupposed(f: Fact) -> bool:
    """A noun of the event owned by "his" or "their", said to be so: a mention of the event, not a report of it
    ("celebrations of his resignation"); a denial ("disproved the report of his death") or a named owner
    ("Khamis's death") takes a side."""
    return f.event.pos == "n" and not f.explicit and not f.event.negated


def _both_ways(f: Fact) -> bool:
    """Whether the claim says the fact's event both happened and did not ("he had no intention of stepping down;
    his resignation is what the protesters demand")."""
    head = f.event.lemma.split()[0]  # "stepping down" may be read as "step"
    same = [ev for ev in f.claim.events if ev.lemma.split()[0] == head or _classes(ev.lemma, ev.pos) & f.classes]
    return len({ev.negated for ev in same}) > 1


def _same_person_both(a: Fact, b: Fact) -> bool:
    """Both sides name the one person the event happens to."""
    return bool(a.patient and b.patient and a.patient.startswith("person:") and _same(a.patient, b.patient))


def _named_alike(a: Fact, b: Fact) -> bool:
    """Both name the same place or the same person the event happens to."""
    return bool(a.place and b.place and _same(a.place, b.place)) or bool(
        a.patient and b.patient and a.patient.startswith(("person:", "place:")) and _same(a.patient, b.patient)
    )


def _speaks_for(f: Fact) -> bool:
    """Whether the claim's speaker speaks for the fact's actor ("a regime official" for the government)."""
    return bool(f.actor) and speaker_side(f.claim, ArticleContext(f.country, {})) == f.actor


def _own(f: Fact) -> bool:
    """Whether an intention is the actor's own word: its speaker is the actor or speaks for the actor's side."""
    if not f.actor:
        return False
    speaker = f.claim.speaker
    ctx = ArticleContext(None, {})
    return f.actor == side_of(speaker.name, ctx) or (
        f.actor.startswith("person:") and speaker.kind == "person" and f.actor.split("-")[-1] in speaker.name.lower()
    )


def _excluded(
    a: Fact, rule: str, cls_b: str, shared: tuple[str, ...], window: str, days: int, why: str, index: _Index
) -> Iterator[Match]:
    if "rival" in shared or shared == ("place",):
        key = a.place
        if "rival" in shared and key and _is_country(key):
            return  # a country is held in parts ("rebels hold the east"): only a town is held by one side
    elif "winner" in shared or "loser" in shared:
        winner = a.actor if a.event.pos == "v" and a.actor and a.event.object else (_other_side(a.patient) or a.actor)
        key = winner if "winner" in shared else _other_side(winner)
    elif "country" in shared:
        key = f"country:{a.country}" if a.country else None
    elif "patient" in shared:
        # what one named person is (dead, captured, resigned), as reported, not forecast; a death or capture found
        # only through "he" is not compared
        named = a.stance == "asserts" and (a.explicit or not a.classes & ONCE_CLASSES)
        key = a.patient if named and a.patient and a.patient.startswith("person:") else None
    else:
        key = a.actor
    if not key or (shared == ("actor",) and not key.startswith(("side:", "person:"))):
        return
    if "ceasefire" in a.classes and a.event.head is not None and a.event.head not in word_set("commitment_heads.txt"):
        return  # a truce supported, considered or called for binds no one; a declared one does
    if "ceasefire" in a.classes and window == "after" and CONCESSIVE.search(a.claim.text):
        return  # "announced cease-fires before, only to continue to attack": it reports the breach, it pledges nothing
    if shared == ("place",) and (a.actor or a.deadline is None):
        return  # a truce by a named side is judged by that side's acts; a truce for a place, until a stated day
    if "place" in shared and not a.place:
        return
    if cls_b == "attack" and "withdraw" in a.classes and a.stance == "asserts" and not _speaks_for(a):
        return  # a retreat reported by others, then shelling from outside: only a side's own word is broken
    if window == "past_deadline":
        if a.deadline is None or a.stance not in FORECASTS:
            return
        lo, hi = a.deadline + 1, a.deadline + days
    elif window == "after":
        lo, hi = a.end + 1, a.end + days
    else:
        lo, hi = a.start - days, a.end + days
    ends = a.deadline if "ceasefire" in a.classes and window == "after" else None
    for b in index.between(cls_b, _lookup_key(key), lo, hi):
        if b.claim.id == a.claim.id or b.event.negated:
            continue
        if ends is not None and b.start > ends and not _BEFORE_DEADLINE.search(b.claim.text):
            continue  # "a truce until Saturday": fighting after Saturday breaks nothing; "before the deadline" does
        if b.stance != "asserts" and not (b.stance == "intends" and "patient" in shared and window == "near"):
            continue  # a state is reported; for one person's post, asking for leave is a report of holding it
        if "ceasefire" in a.classes and _reports_the_truce(b):
            continue
        if "rival" in shared:
            holder_a = a.holder if "control" in a.classes else a.actor
            if not (b.place == a.place and _rivals(holder_a, b.holder)):
                continue
            if (b.start, b.claim.id) < (a.start, a.claim.id):
                continue  # the pair is judged once, from its earlier side
        elif "patient" in shared:
            if not _same(a.patient, b.patient) or not (a.explicit or b.explicit):
                continue  # one side at least names the person; "he" and "he" may be two people
        elif "winner" in shared:
            if not _same(key, b.actor):
                continue
        elif "loser" in shared:
            if not (_same(key, b.holder) or _same(key, b.actor)):
                continue
        elif "country" in shared:
            if a.country != b.country:
                continue
        else:
            if "actor" in shared and not _same(a.actor, b.actor):
                continue
            if "place" in shared and not _same(a.place, b.place):
                continue
        if a.stance in FORECASTS or window in ("after", "past_deadline") and a.stance == "intends":
            type_ = "prediction_contradicted"
        elif "ceasefire" in a.classes and window == "after":
            type_ = "prediction_contradicted"  # a declared truce is a pledge
        elif _independent(a, b):
            type_ = "conflicting_reports"
        else:
            continue
        yield Match(a, b, type_, why, 0.6, rule)


def _toll(f: Fact) -> int | None:
    """The number of dead or hurt a fact reports, as counted ("no one was killed" counts 0); none for a claim read
    as a denial, whose "not" may belong to anything in the sentence."""
    return None if f.event.negated or f.stance != "asserts" else f.event.count


def _tolls(a: Fact, index: _Index) -> Iterator[Match]:
    """Numbers that cannot both be true of one event: casualties counted at one named place on one day by two
    sources, one none and the other some ("no one was killed" / "48 killed"), or a threefold gap."""
    n = _toll(a)
    if n is None or not a.place:
        return
    for cls in sorted(a.classes & TOLL_CLASSES):
        for b in index.between(cls, a.place, a.start, a.end + 1):
            m = _toll(b)
            if m is None or b.place != a.place or not _independent(a, b):
                continue
            if (b.start, b.claim.id) <= (a.start, a.claim.id):
                continue  # the pair is judged once, from its earlier side
            low, high = sorted((n, m))
            if high >= 3 and (low == 0 or high >= TOLL_RATIO * low):
                why = f"casualty counts for one place and day ({n} / {m}) that disagree"
                yield Match(a, b, "conflicting_reports", why, 0.5, "toll")


def _once(a: Fact, index: _Index) -> Iterator[Match]:
    """A one-time event of one named person, reported at dates days apart (both stated in the text)."""
    a_time = a.event.time or a.claim.time
    if a.stance != "asserts" or a.event.negated or not a_time or len(a_time) != 10:
        return
    if not (a.patient and a.patient.startswith("person:")):
        return
    for cls in sorted(a.classes & ONCE_CLASSES):
        for b in index.between(cls, _lookup_key(a.patient), a.start - 120, a.end + 120):
            if b.stance != "asserts" or b.event.negated or not _same(a.patient, b.patient):
                continue
            b_time = b.event.time
            if b_time is None or len(b_time) != 10 or not _independent(a, b):
                continue  # only a date the text gives the event itself says when it happened
            if not days_between(a_time, b_time) > ONCE_WINDOW_DAYS:
                continue
            yield Match(
                a, b, "conflicting_reports", f"one {cls} of one person, reported on dates days apart", 0.5, "once"
            )


# --------------------------------------------------------------------------- records

MAX_LINKED = 1000
"""At most this many later claims are linked to one earlier claim (a bound, not a sample: the Libya feed's
largest record links 133)."""
QUOTED_EVIDENCE = 3


def _display(key: str | None, fallback: str | None) -> str | None:
    """A participant as a reader knows it: the country or side it stands for, else the claim's words."""
    if key and key.startswith("side:"):
        camp, country = key.split(":")[1:]
        return country if camp == "gov" else f"{country} opposition"
    return fallback


_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w'’\-]+")


def _subject(f: Fact) -> str | None:
    """Who a record says the fact is of: the person it happens to ("Mubarak would not step down", not "Egypt"),
    else the actor as a reader knows it."""
    if f.patient and f.patient.startswith("person:") and f.classes & UNDERGOER_CLASSES:
        named = f.event.subject if f.patient == f.actor or f.event.object is None else f.event.object
        if named and named.lower() not in PRONOUNS:
            return named
        speaker = f.claim.speaker
        surname = f.patient.removeprefix("person:").split("-")[-1]
        if speaker.kind == "person" and surname == name_key(speaker.name.split()[-1]):
            return speaker.name  # "he will not step down", he says
        sentence = f.claim.sentence.text if f.claim.sentence is not None else f.claim.text
        # "Mubarak was clear that he had no intention of stepping down": the name "he" stands for
        return next((w for w in _CAPITALISED_WORD.findall(sentence) if name_key(w) == surname), named)
    return _display(f.actor, f.event.subject)


def _proposition(f: Fact) -> Proposition:
    cls = sorted(c for c in f.classes if not c.startswith("lemma:"))
    return Proposition(
        subject=_subject(f),
        predicate=cls[0] if cls else f.event.lemma,
        object=f.event.object,
        place=f.event.places[0] if f.event.places else None,
        polarity=not f.event.negated,
        modality=f.event.modality,
        lexical=bool(cls),
    )


def _confidence(m: Match, later: list[Match]) -> tuple[float, list[str]]:
    score = m.weight
    reasons = [f"{m.weight:+.2f} {m.why}"]
    shared = [
        name
        for name, p, q in (
            ("actor", m.a.actor, m.b.actor),
            ("person", m.a.patient, m.b.patient),
            ("place", m.a.place, m.b.place),
        )
        if p and q and _same(p, q)
    ]
    if shared:
        delta = 0.05 * len(shared)
        score += delta
        reasons.append(f"{delta:+.2f} shared {', '.join(shared)}")
    sources = {(x.b.claim.speaker.name, x.b.claim.article.id) for x in later}
    if len(sources) > 1:
        delta = min(0.15, 0.05 * (len(sources) - 1))
        score += delta
        reasons.append(f"{delta:+.2f} {len(sources)} independent reports")
    if m.a.claim.hedge in HEDGES:
        score -= 0.1
        reasons.append(f"-0.10 the earlier claim is hedged ({m.a.claim.hedge})")
    if all(x.b.claim.hedge in HEDGES for x in later):
        score -= 0.1
        reasons.append("-0.10 every later claim is hedged")
    if m.a.claim.article.id in {x.b.claim.article.id for x in later}:
        score -= 0.05
        reasons.append("-0.05 both sides come from one article")
    return round(min(0.99, max(0.05, score)), 2), reasons


def _say(f: Fact) -> str:
    who = _subject(f) or _display(f.patient, f.event.object) or "someone"
    word = f.event.lemma
    place = f" ({f.event.places[0]})" if f.event.places else ""
    stance = {"predicts": "would", "intends": "would", "asserts": "", "denies": "not"}[f.stance]
    if f.event.negated and f.stance in FORECASTS:
        stance += " not"
    return " ".join(x for x in (who, stance, word) if x) + place


def _explain(m: Match, later: list[Match]) -> str:
    a = m.a
    dates = sorted({x.b.date for x in later})
    span = dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}"
    speakers = ", ".join(list(dict.fromkeys(x.b.claim.speaker.name for x in later))[:3])
    verb = {"prediction_contradicted": "said", "reversal": "said", "conflicting_reports": "reported"}[m.type]
    return (
        f"{a.claim.speaker.name} ({a.date}) {verb}: {_say(a)}; "
        f"{len(later)} later report{'s' if len(later) > 1 else ''} ({speakers}, {span}): {_say(m.b)}. "
        f"Judged incompatible: {m.why}."
    )


def _strength(a: Fact, x: Match) -> tuple[int, int, str]:
    """How well a later claim shows the contradiction: it names the same place or person, names who did it,
    reports an event, and is not hedged or said by someone unknown. Ties go to the earlier report."""
    b = x.b
    score = 2 * _named_alike(a, b) + bool(b.actor) + (b.claim.kind == "event") + (b.event.time is not None)
    score -= (b.claim.hedge in HEDGES) + 2 * (b.claim.speaker.kind == "unresolved")
    return (-score, b.start, b.claim.id)


def _quoted(a: Fact, later: list[Match]) -> list[Match]:
    """The later claims a record quotes: the strongest, one per speaker while others remain, in date order."""
    ranked = sorted(later, key=lambda x: _strength(a, x))
    picked: list[Match] = []
    speakers: set[str] = set()
    for x in ranked:
        if x.b.claim.speaker.name not in speakers:
            picked.append(x)
            speakers.add(x.b.claim.speaker.name)
        if len(picked) == QUOTED_EVIDENCE:
            break
    for x in ranked:
        if len(picked) == QUOTED_EVIDENCE:
            break
        if x not in picked:
            picked.append(x)
    return sorted(picked, key=lambda x: (x.b.start, x.b.claim.id))


def frame_contradictions(claims: Iterable[AnyClaim], *, jobs: int = 1) -> list[Contradiction]:
    """Contradictions found through frames, one record per earlier claim and type (``jobs``: processes to use)."""
    grouped: dict[tuple[str, str], list[Match]] = defaultdict(list)
    for m in matches(facts(claims, JUDGED_CLASSES, jobs=jobs), jobs=jobs):
        grouped[(m.type, m.a.claim.id)].append(m)
    out: list[Contradiction] = []
    for (type_, _), group in grouped.items():
        seen: dict[str, Match] = {}
        for m in sorted(group, key=lambda x: (-x.weight, x.b.start, x.b.claim.id)):
            seen.setdefault(m.b.claim.id, m)
        later = sorted(seen.values(), key=lambda x: (x.b.start, x.b.claim.id))[:MAX_LINKED]
        quoted = _quoted(group[0].a, later)
        best = min(quoted, key=lambda x: (-x.weight, _strength(x.a, x)))
        confidence, reasons = _confidence(best, later)
        a = best.a.claim
        out.append(
            Contradiction.model_validate(
                {
                    "id": short_hash(type_, a.id, *(x.b.claim.id for x in later)),
                    "type": type_,
                    "earlier": a.id,
                    "later": [x.b.claim.id for x in later],
                    "later_count": len(seen),
                    "proposition": _proposition(best.a),
                    "confidence": confidence,
                    "rule": best.rule,
                    "reasons": reasons,
                    "explanation": _explain(best, later),
                    "earlier_speaker": a.speaker.name,
                    "earlier_date": best.a.date,
                    "later_dates": sorted({x.b.date for x in later}),
                    "evidence": [
                        {
                            "claim": x.b.claim.id,
                            "speaker": x.b.claim.speaker.name,
                            "date": x.b.date,
                            "text": x.b.claim.text,
                        }
                        for x in quoted
                    ],
                }
            )
        )
    return out

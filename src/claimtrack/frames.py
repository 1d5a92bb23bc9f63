"""Frames: what each stored event mention means, with canonical participants. Pure logic, no spaCy.

A claim's :class:`~claimtrack.models.Event` mentions hold the words as written
("Pro-Gadhafi forces", "Zawiyah", "he"). A :class:`Fact` is one mention read
for comparison across articles:

* its **classes**, from the WordNet-derived table (``attack``, ``ceasefire``,
  ``capture`` ...), or the bare verb for words outside every class;
* its **actor**, **patient** and **place** as keys that survive spelling and
  paraphrase: ``side:gov:Libya`` for "Gadhafi's forces", "government troops",
  "the regime" and "Libyan state TV" in an article about Libya;
  ``side:opp:Libya`` for "rebels" and "the opposition"; ``person:...`` for a
  person by name, whatever the transliteration (Gadhafi, Gaddafi, Qaddafi);
  ``place:...`` for a place (Zawiya, Zawiyah, al-Zawiya);
* the speaker's **stance**: asserts, denies, predicts or intends.

Which participants an article means by "the government" or "he" is read from
that article alone (:class:`ArticleContext`); names and places are learned from
the whole store (:class:`Gazetteer`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, NamedTuple

from claimtrack.dates import bounds
from claimtrack.forked import fork_map, shares
from claimtrack.lexicon import _leaders, _lines, antonyms, event_words, word_set
from claimtrack.lexicon import country_of as _country  # cached: names recur across a store
from claimtrack.patterns import WordPattern
from claimtrack.views import AnyClaim, AnyEvent, replaced

OPPOSITION_WORDS = frozenset(
    {
        "rebel",
        "rebels",
        "opposition",
        "insurgent",
        "insurgents",
        "revolutionaries",
        "revolution",
        "uprising",
        "anti-government",
    }
)
"""Words that name the side fighting a country's government."""
GOVERNMENT_WORDS = frozenset(
    {"government", "regime", "army", "military", "authorities", "loyalists", "pro-government", "junta", "state"}
)
"""Words that name a country's government or its forces when the article's country is clear."""
FORCE_WORDS = (
    r"(?:forces|troops|loyalists|army|military|regime|government|militias?|men|fighters|soldiers|units|supporters"
    r"|tanks|brigades?|planes|jets|warplanes|aircraft|ships|navy|air force|artillery|snipers)"
)
_PRO = re.compile(
    rf"^(?:pro-|forces loyal to |troops loyal to |fighters loyal to |loyal to )(?P<who>.+?)(?:\s+{FORCE_WORDS})?$", re.I
)
_OWNED = re.compile(rf"^(?P<who>.+?)(?:'s?|’s?)?\s+{FORCE_WORDS}$", re.I)
_ANTI = re.compile(rf"^anti-(?P<who>[\w\-]+)(?:\s+{FORCE_WORDS}|\s+\w+)?$", re.I)
_STATE_MEDIA = re.compile(r"\bstate(?:-run)?\s+(?:tv|television|media|news agency|radio)\b", re.I)
_ROLE_TAIL = re.compile(
    r"\s+(?:spokesman|spokeswoman|spokesperson|official|officials|source|sources|commander|commanders|"
    r"representative|envoy|minister|leader|leaders|member|members)$",
    re.I,
)
_RELATIVE = re.compile(r"^.*?\b(?:son|daughter|brother|sister|wife|husband|father|mother|cousin|nephew|heir)\s+", re.I)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’\-]*|al-\w+|el-\w+|bin|ibn|al|el|de|van|von)$")
NOT_NAMES = frozenset(
    "some many most others other all both few several each any these those this that they we it he she one none "
    "no there here his her its their our my your who what which".split()
)
"""Words that are capitalised only because they start a sentence."""
PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "de", "van", "von", "abu"})
"""Words inside Arabic and European names that spellings keep or drop ("Saif al Islam", "Saif Al-Islam")."""
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
SELF_PRONOUNS = frozenset({"i", "we", "me", "us", "our", "my", "its", "it", "they", "their"})
PRONOUNS = PERSON_PRONOUNS | SELF_PRONOUNS


# --------------------------------------------------------------------------- spelling-tolerant keys


@lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'")


@lru_cache(maxsize=1 << 18)
def name_key(word: str) -> str:
    """A key that transliterations of one name share: Gadhafi, Gaddafi, Qaddafi -> "kdf"; Zawiya, Zawiyah -> "zwy".

    Consonants carry a transliterated name; vowels, doubled letters, a final
    "h", an "al-" prefix and the voiced/unvoiced k-sounds vary between spellings.
    Short names keep their vowels, so "Ban" and "Bani" stay apart.
    """
    w = _fold(word)
    w = re.sub(r"^(?:al|el|ad|as|ash|an|ar)[\-\s]", "", w)
    w = re.sub(r"[^a-z]", "", w)
    if not w:
        return ""
    for a, b in (
        ("ou", "u"),
        ("ee", "i"),
        ("oo", "u"),
        ("dh", "d"),
        ("th", "t"),
        ("kh", "k"),
        ("gh", "g"),
        ("ph", "f"),
        ("ck", "k"),
        ("q", "k"),
        ("g", "k"),
        ("c", "k"),
    ):
        w = w.replace(a, b)
    w = re.sub(r"(.)\1+", r"\1", re.sub(r"(?<=.)h$", "", w))
    skeleton = w[0] + re.sub(r"[aeiouy]", "", w[1:])
    skeleton = re.sub(r"(.)\1+", r"\1", skeleton)
    return skeleton if len(skeleton) >= 3 else w


def _names(text: str) -> list[str]:
    return list(_name_run(text))


@lru_cache(maxsize=1 << 18)
def _first_last_keys(text: str) -> tuple[str, str] | None:
    """The keys of the first and the last word of the name a phrase ends with, if it ends with one."""
    names = _name_run(text)
    return (name_key(names[0]), name_key(names[-1])) if names else None


@lru_cache(maxsize=1 << 18)
def _name_keys(text: str) -> tuple[str, ...]:
    """The keys of the name a phrase ends with, particles left out: "Saif al-Islam Gaddafi" -> ("sf", "slm", "kdf")."""
    return tuple(name_key(n) for n in _name_run(text) if n.lower() not in PARTICLES)


@lru_cache(maxsize=1 << 18)
def _name_run(text: str) -> tuple[str, ...]:
    """The trailing run of capitalised words of a phrase: "Libyan Foreign Minister Moussa Koussa" -> Moussa Koussa."""
    text = _RELATIVE.sub("", text.strip())
    text = _SPLIT_APOSTROPHE.sub(r"\1'\2", text)  # "Mo 'tassim", as the tokenizer left it
    tokens = text.replace("’", "'").split()
    run: list[str] = []
    for tok in reversed(tokens):
        bare = tok.strip(",.;:\"'()")
        if bare.endswith("'s"):
            break
        if _NAME_TOKEN.match(bare) and bare.lower().rstrip(".") not in _honorifics():
            run.append(bare)
        else:
            break
    run.reverse()
    while run and run[0].lower() in NOT_NAMES:
        run.pop(0)  # "Some are being arrested": a capital that starts a sentence, not a name
    roles = [
        i for i, w in enumerate(run) if w.lower().rstrip(".") in _roles() or w.lower().rstrip(".") in _honorifics()
    ]
    if roles and roles[-1] < len(run) - 1:
        run = run[roles[-1] + 1 :]  # "Defence Minister Omar Sallah": the name comes after the title
    while run and _country(run[0]) is not None:
        run.pop(0)  # "Libyan"
    return tuple(run[-4:])


@cache
def _honorifics() -> frozenset[str]:
    """Titles before a name ("Col.", "Brig."), as ``resources/honorifics.txt`` lists them, without their dots."""
    return frozenset(w.rstrip(".") for w in word_set("honorifics.txt"))


@cache
def _roles() -> frozenset[str]:
    return frozenset(w for line in word_set("person_roles.txt") for w in line.split())


@cache
def _leader_keys() -> dict[str, str]:
    return {name_key(name): country for name, country in _leaders().items()}


# --------------------------------------------------------------------------- the store's gazetteer


@dataclass
class Gazetteer:
    """Names learned from the whole store: which are people and which are places.

    A name that speaks ("Koussa said") or bears a title is a person; a name after
    "in", "into", "from" ... or entered, bombarded or held is a place.
    """

    people: Counter = field(default_factory=Counter)
    places: Counter = field(default_factory=Counter)
    memo: dict[tuple[str | None, ...], object] = field(default_factory=dict, repr=False, compare=False)
    """Answers that follow from the counts alone (what a phrase names), kept until the next :meth:`learn`."""

    learned: int = 0
    """How many claims the counts have learned from: what was read from them before is stale once it grows."""

    def learn(self, claim: AnyClaim) -> None:
        self.learned += 1
        if self.memo:
            self.memo.clear()  # the counts change: so may what a phrase names
        if claim.speaker.kind == "person":
            first_last = _first_last_keys(claim.speaker.name)
            if first_last:
                self.people[first_last[1]] += 2
                self.people[first_last[0]] += 1
        places = self.places
        for ev in claim.events:
            for place in ev.places:
                first_last = _first_last_keys(place)
                if first_last:
                    places[first_last[1]] += 1

    def is_place(self, name: str) -> bool:
        key = name_key(name)
        return self.places[key] > self.people[key]

    def is_person(self, name: str) -> bool:
        key = name_key(name)
        return self.people[key] > 0 and self.people[key] >= self.places[key]


# --------------------------------------------------------------------------- one article's context


_CAPITALISED = re.compile(r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?")


@dataclass
class ArticleContext:
    """What one article makes clear: its country, and the people it names in full."""

    country: str | None
    full_names: dict[str, tuple[str, ...]]  # surname or first-name key -> the whole name's keys
    claims: Sequence[AnyClaim] = ()
    _titles: dict[tuple[str, str | None], tuple[str, ...]] | None = field(default=None, repr=False)
    participants: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)
    """What each phrase that names someone or somewhere stands for in this article, once read (with the
    gazetteer as it was after ``read_with`` claims)."""
    read_with: int = field(default=-1, repr=False, compare=False)

    @property
    def titles(self) -> dict[tuple[str, str | None], tuple[str, ...]]:
        """(role, country) -> the one person the article gives that title: ("president", "Egypt") -> Hosni Mubarak.
        Read from the article's sentences the first time a bare title needs it."""
        if self._titles is None:
            self._titles = _titles(self.claims)
        return self._titles

    @classmethod
    def of(cls, claims: Sequence[AnyClaim]) -> ArticleContext:
        countries: Counter = Counter()
        full: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        phrases: set[str | None] = set()
        for c in claims:
            for word in _CAPITALISED.findall(c.text):
                found = _country(word)
                if found:
                    countries[found] += 1
            phrases.add(c.speaker.name)
            for ev in c.events:
                phrases.update((ev.subject, ev.object, ev.owner))
        for phrase in phrases:
            if phrase and len(keys := _name_keys(phrase)) >= 2:
                full[keys[-1]].add(keys)
                full[keys[0]].add(keys)
        total = sum(countries.values())
        top = countries.most_common(1)
        country = top[0][0] if top and top[0][1] * 2 > total else None
        # a surname two people of the article share ("Saif al-Arab Gaddafi", "Muammar Gaddafi") completes to neither
        unique = {k: next(iter(v)) for k, v in full.items() if len(v) == 1}
        return cls(country, unique, claims)


_CAPITAL_RUN = re.compile(r"(?:[A-Z][\w'’\-]*\s){2,7}[A-Z][\w'’\-]*")
_THE_ROLE = re.compile(r"^(?:[Tt]he\s+)?(?:(?P<adj>[A-Z][a-z]+)\s+)?(?P<role>[A-Za-z][a-z]+(?:\s[a-z]+)?)$")


def _title_end(words: list[str]) -> tuple[int, str] | None:
    """Where a title ends in a run of capitalised words, and its role: "Egyptian Vice President | Omar Suleiman"
    -> (3, "vice president")."""
    roles = word_set("person_roles.txt")
    for end in range(len(words) - 2, 0, -1):
        for i in range(max(0, end - 3), end):
            role = " ".join(words[i:end]).lower()
            if role in roles:
                return end, role
    return None


def _titles(claims: Sequence[AnyClaim]) -> dict[tuple[str, str | None], tuple[str, ...]]:
    """Who holds each title the article gives before a full name ("Egyptian President Hosni Mubarak",
    "Foreign Minister Grace Okafor"), by role and country (the title's own country word, else the country the
    person leads): a title two people hold in one article resolves to no one."""
    holders: dict[tuple[str, str | None], set[tuple[str, ...]]] = defaultdict(set)
    seen: set[str] = set()
    for c in claims:
        sentence = getattr(c, "sentence", None)
        text = sentence.text if sentence is not None else c.text
        if text in seen:
            continue
        seen.add(text)
        for m in _CAPITAL_RUN.finditer(text):
            words = m.group(0).split()
            title = _title_end(words)
            if title is None:
                continue
            cut, role = title
            names = [n for n in _names(" ".join(words[cut:])) if n.lower() not in PARTICLES]
            if len(names) < 2:
                continue
            keys = tuple(name_key(n) for n in names)
            country = next((_country(w) for w in words[:cut] if _country(w)), None) or _leader_keys().get(keys[-1])
            holders[(role, country)].add(keys)
            holders[(role, None)].add(keys)
    return {k: next(iter(v)) for k, v in holders.items() if len(v) == 1}


def _titled(phrase: str, ctx: ArticleContext) -> str | None:
    """ "the president", "the Egyptian president", "the minister": the one person the article titles so (in
    an article about one country, a bare title is that country's)."""
    title = _bare_title(phrase)
    if title is None:
        return None
    role, adj, country = title
    if adj:
        keys = ctx.titles.get((role, country)) if country else None
    else:
        keys = ctx.titles.get((role, ctx.country) if ctx.country else (role, None))
    return "person:" + "-".join(keys) if keys else None


@lru_cache(maxsize=1 << 16)
def _bare_title(phrase: str) -> tuple[str, bool, str | None] | None:
    """A phrase that is a title alone, as (role, whether a word qualifies it, that word's country): "the Egyptian
    president" -> ("president", True, "Egypt"); None for anything else (read once per phrase: phrases recur)."""
    m = _THE_ROLE.match(phrase.strip())
    if not m or m.group("role").lower() not in word_set("person_roles.txt"):
        return None
    adj = m.group("adj")
    return m.group("role").lower(), bool(adj), _country(adj) if adj else None


# --------------------------------------------------------------------------- participants


def side_of(phrase: str | None, ctx: ArticleContext) -> str | None:
    """The side a phrase names, if any: ``side:gov:Libya``, ``side:opp:Libya``."""
    if not phrase:
        return None
    return _side(phrase, ctx.country)


@lru_cache(maxsize=1 << 18)
def _side(phrase: str, country: str | None) -> str | None:
    ctx = ArticleContext(country, {})
    text = re.sub(r"^(?:the|its|their|his|her|our)\s+", "", phrase.strip(), flags=re.I)
    low = _fold(text)
    words = set(re.findall(r"[a-z\-]+", low))
    m = _ANTI.match(low)
    if m:
        inner = _person_side(m.group("who"), ctx) or (
            f"side:gov:{_country(m.group('who'))}" if _country(m.group("who")) else None
        )
        if inner and inner.startswith("side:gov:"):
            return "side:opp:" + inner[len("side:gov:") :]
    if words & OPPOSITION_WORDS and not words & {"pro-government"}:
        named = next((c for w in text.split() if (c := _country(w.strip(",.'’s"))) is not None), None)
        country = named or ctx.country  # "Libyan rebels" in a report from Washington
        return f"side:opp:{country}" if country else None
    m = _PRO.match(low) or _OWNED.match(low)
    if m:
        who = m.group("who")
        found = _person_side(who, ctx) or (f"side:gov:{_country(who)}" if _country(who) else None)
        if found:
            return found
        if who in GOVERNMENT_WORDS or who in ("government", "security"):
            return f"side:gov:{ctx.country}" if ctx.country else None
    if _STATE_MEDIA.search(low):
        owner = _country(low.split()[0])
        return f"side:gov:{owner or ctx.country}" if (owner or ctx.country) else None
    found = _country(_ROLE_TAIL.sub("", text))
    if found:
        return f"side:gov:{found}"
    bare = _ROLE_TAIL.sub("", low)
    if bare in GOVERNMENT_WORDS or bare in {
        "government forces",
        "government troops",
        "security forces",
        "regime forces",
        "armed forces",
    }:
        return f"side:gov:{ctx.country}" if ctx.country else None
    return _person_side(text, ctx) if len(text.split()) <= 3 else None


def _person_side(text: str, ctx: ArticleContext) -> str | None:
    """A leader stands for his government: "Gadhafi" -> gov:Libya (heads of state and government since 2000)."""
    words = re.findall(r"[\w\-']+", text.replace("’", "'"))
    if not words or len(words) > 4:
        return None
    key = name_key(re.sub(r"'s?$", "", words[-1]))
    country = _leader_keys().get(key)
    if country:
        return f"side:gov:{country}"
    return None


def _leader_side(person: str) -> str | None:
    country = _leader_keys().get(person.split("-")[-1].removeprefix("person:"))
    return f"side:gov:{country}" if country else None


def person_of(phrase: str | None, ctx: ArticleContext, gaz: Gazetteer) -> str | None:
    """A named person, as a key of name tokens completed from the article: "Koussa" -> person:ms-ks; a title
    alone names the one person the article gives it ("the president")."""
    if not phrase:
        return None
    return _titled(phrase, ctx) or _completed(_person_keys(phrase, gaz), ctx)


_POSSESSOR = re.compile(r"^.*?[A-Z][\w\-]*['’]s\s+(?P<rest>.+)$")
_OF_PLACE = re.compile(
    r"^(?P<who>.*?[A-Z][\w'’\-]*)\s+of\s+(?:the\s+)?(?P<where>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)$"
)


def _person_keys(phrase: str, gaz: Gazetteer) -> tuple[str, ...]:
    """The name keys of the person a phrase names, before the article completes them; () for no person."""
    owned = _POSSESSOR.match(phrase)
    if owned:
        phrase = owned.group("rest")  # "Gaddafi's youngest son, Saif al-Arab" is the son; "Gaddafi's son" no one
    of_place = _OF_PLACE.match(phrase)
    if of_place and _person_of_place(of_place.group("who"), of_place.group("where"), gaz):
        phrase = of_place.group("who")  # "President Ali Garba of Niger" is Ali Garba
    names = _name_run(phrase)
    if not names or gaz.is_place(names[-1]) or _country(" ".join(names)):
        return ()
    if names[-1].lower().rstrip("'s’") in word_set("time_words.txt"):
        return ()  # "Friday's killings" name no one
    return _name_keys(phrase)


def _person_of_place(who: str, where: str, gaz: Gazetteer) -> bool:
    """ "President Ali Garba of Niger": a person (titled, or a name known to speak) of a named place; not "the Bank
    of England"."""
    if not (_country(where) or gaz.is_place(where)):
        return False
    words = who.split()
    return words[0].lower().rstrip(".") in _honorifics() | _roles() or gaz.is_person(words[-1])


def _completed(keys: tuple[str, ...], ctx: ArticleContext) -> str | None:
    if not keys:
        return None
    if len(keys) == 1 and keys[0] in ctx.full_names and keys[0] not in _leader_keys():
        keys = ctx.full_names[keys[0]]  # "Koussa" -> Moussa Koussa; a leader's bare name is the leader
    return "person:" + "-".join(keys)


def place_of(phrase: str | None, gaz: Gazetteer, *, trusted: bool = False) -> str | None:
    """A place by name: "al-Zawiya", "Zawiyah" and "the city of Zawiya" share ``place:zwy``."""
    if not phrase:
        return None
    key = ("trusted" if trusted else "place", phrase)
    found = gaz.memo.get(key, gaz)
    if found is gaz:
        found = gaz.memo[key] = _place_of(phrase, gaz, trusted)
    return found  # type: ignore[return-value]


def _place_of(phrase: str, gaz: Gazetteer, trusted: bool) -> str | None:
    whole = _country(phrase)
    if whole is not None and phrase[:1].isupper():
        return f"place:{whole}"  # a country, its capital
    names = _names(re.sub(r"\b(?:city|town|port|village|capital) of\s+", "", phrase))
    if not names:
        return None
    name = names[-1] if len(names) == 1 else " ".join(names)
    if not trusted and not gaz.is_place(names[-1]):
        return None
    found = _country(name)
    return f"place:{found}" if found else "place:" + "-".join(name_key(n) for n in names)


def same_person(a: str, b: str) -> bool:
    """Person keys of one person: equal, or one name is the other's first or whole surname-and-first part."""
    if a == b:
        return True
    x, y = a[7:].split("-"), b[7:].split("-")
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    if len(short) == 1:
        return short[0] == long_[0]
    return short[0] == long_[0] and short[-1] == long_[-1]


# --------------------------------------------------------------------------- facts


STANCES = ("asserts", "denies", "predicts", "intends")


class Fact(NamedTuple):
    """One event mention of one claim, read for comparison (a named tuple: a store has hundreds of thousands)."""

    claim: AnyClaim
    event: AnyEvent
    classes: frozenset[str]
    actor: str | None  # a side, a person or None
    patient: str | None  # a person, a place or None
    place: str | None
    holder: str | None  # for control: the side that holds the place
    stance: str
    date: str
    start: int  # ordinal days
    end: int
    deadline: int | None = None  # ordinal day a forecast or pledge is due by ("within two days", "until Saturday")
    explicit: bool = True  # the patient is named in the claim, not found through a pronoun
    country: str | None = None  # the article's country, when it is clear
    mention: int = 0  # the event's position among its claim's events

    @property
    def positive(self) -> bool:
        return self.stance != "denies"


def _stance(claim: AnyClaim, ev: AnyEvent) -> str | None:
    """How the claim's speaker stands toward one of its events, or None where it reports nothing of it."""
    return None if _imagined(claim) else _event_stance(claim, ev)


def _imagined(claim: AnyClaim) -> bool:
    """ "Even if the unlikely occurs and Gadhafi ... are killed", "Let's say he resigns": nothing in it is reported."""
    sentence = getattr(claim, "sentence", None)
    return bool(_CONDITIONAL_CLAIM.match(claim.text) or (sentence is not None and _SUPPOSITION.match(sentence.text)))


def _event_stance(claim: AnyClaim, ev: AnyEvent) -> str | None:
    """:func:`_stance` of a claim that is not :func:`_imagined` (read once per claim, not per event)."""
    if (
        claim.kind == "demand"
        and ev.modality != "intended"
        or (claim.kind == "opinion" and ev.modality not in ("intended", "predicted"))
    ):
        return None  # what someone urges or judges is not what anyone said happens (but "asked for leave" is)
    if ev.modality in ("hypothetical", "demanded"):
        return None
    if ev.head in word_set("non_factive_heads.txt"):
        return None  # "needs to step down", "tried to storm", "to protect civilians from attack": not reported done
    before = _before(claim, ev)  # the sentence's words before the event word, read once for the tests below
    if before is not None and _CONDITION_CLAUSE.search(before):
        return None  # "they would not negotiate until Mubarak resigned": a condition, not a report
    if ev.negated and (ev.head in word_set("unconfirming_heads.txt") or _untold(claim, before)):
        return None  # "did not confirm a report that he had resigned" denies the telling, not the resignation
    if ev.negated and before is not None and _TIME_CLAUSE.search(before):
        return None  # "the day before he stepped down" presupposes it; a "not" read there is a misreading
    if _bare_verb(claim, ev, before):
        return None  # "the rebels insist that Gaddafi step down", "seeing him step down": wanted, not reported
    if _scenario(claim, ev):
        return None  # "and then Mubarak resigns and that would be ...": a course of events imagined, not reported
    if before is not None and _copular_unfactual().search(before):
        # "the only option the United States would entertain was Gadhafi stepping down", "their demand is that he
        # resign": an event a copula gives as what a noun of pressing, offering or hoping is (a parse often misses
        # the link): an option, not a report
        return None
    if ev.modality == "predicted":
        return "predicts"
    if ev.modality == "intended":
        return "intends"
    return "denies" if ev.negated else "asserts"


_NOT = re.compile(r"\b(?:not|never)\b|n[’']t\b", re.I)


def _untold(claim: AnyClaim, before: str | None) -> bool:
    """Whether the event is what a telling denied tells of: "did not confirm that he had resigned", "has not said
    whether", "made no mention of stepping down" deny that it was told, not what was told (unlike "did not think",
    which means "thought not")."""
    heads = word_set("unconfirming_heads.txt")
    cue = claim.cue
    if cue is not None and _NOT.search(cue.text):
        if any(_inflected(w, heads) for w in re.findall(r"[a-z]+", cue.text.lower())):
            return True
    told = _NO_TELLING.search(before) if before else None
    return told is not None and any(told.group("noun").lower().startswith(h) for h in heads)


_NO_TELLING = re.compile(r"\bno\s+(?P<noun>[a-z]+)\s+of\s+(?:\w+\s+){0,2}$", re.I)


def _inflected(word: str, lemmas: frozenset[str]) -> bool:
    """ "confirmed", "says", "said": a form of one of ``lemmas`` (the irregular ones are listed with them)."""
    if word.endswith(("ied", "ies")) and word[:-3] + "y" in lemmas:
        return True  # "denied", "denies"
    return word in lemmas or any(word.startswith(w) and word[len(w) :] in ("s", "d", "ed", "es", "ing") for w in lemmas)


def denial(claim: AnyClaim) -> bool:
    """Whether a claim rejects something said ("denied that he had resigned", "there was no sign he had defected"),
    rather than telling how things stand ("he has not stepped down")."""
    cue = claim.cue.text.lower() if claim.cue is not None else ""
    if any(_inflected(w, word_set("denying_cues.txt")) for w in re.findall(r"[a-z]+", cue)):
        return True
    nouns = "|".join(sorted(word_set("no_evidence_nouns.txt")))
    return bool(re.search(rf"\bno\s+(?:\w+\s+)?(?:{nouns})s?\b", claim.text, re.I))


@cache
def _copular_unfactual() -> re.Pattern[str]:
    nouns = "|".join(sorted(word_set("non_factive_nouns.txt")))
    return re.compile(
        rf"\b(?:{nouns})s?\b(?:\s+[\w'’,-]+){{0,12}}?\s+(?:is|was|are|were|remains|remained)\s+(?:[\w'’-]+\s+){{0,3}}$",
        re.I,
    )


_CONDITIONAL_MODAL = re.compile(r"\b(?:would|could|might)\b", re.I)


def _scenario(claim: AnyClaim, ev: AnyEvent) -> bool:
    """A change told in the simple present beside a "would" or "could": a course of events imagined ("and then
    Mubarak resigns and an interim president is appointed, and that would be the speaker"), not a report (a headline's
    "Mubarak resigns" has no such modal)."""
    sentence = getattr(claim, "sentence", None)
    if ev.pos != "v" or ev.modality != "actual" or sentence is None or not sentence.start <= ev.start < sentence.end:
        return False
    words = sentence.text[ev.start - sentence.start : ev.end - sentence.start].lower().split()
    word, head = (words[0] if words else ""), ev.lemma.split()[0]
    present = word in (head + "s", head + "es", head[:-1] + "ies") and word != head
    return present and bool(_CONDITIONAL_MODAL.search(sentence.text))


_CONDITIONAL_CLAIM = re.compile(r"^\W*(?:even\s+)?(?:if|unless|whether|should)\b|^\W*even\s+had\b", re.I)
_SUPPOSITION = re.compile(
    r"^\W*(?:(?:let'?s|let\s+us)\s+(?:say|suppose|imagine|assume)|suppose|imagine|assume)\b", re.I
)
_DO_SUPPORT = re.compile(r"\b(?:do|does|did|didn't|doesn't|don't|not|never)\s+(?:\w+\s+)?$", re.I)


_TIME_CLAUSE = re.compile(r"\b(?:before|after|since|until|till|when|while|once)\s+(?:[\w'’-]+\s+){0,3}$", re.I)


_CONDITION_CLAUSE = re.compile(r"\b(?:until|till|unless)\s+(?:[\w'’-]+\s+){0,3}$", re.I)


def _before(claim: AnyClaim, ev: AnyEvent) -> str | None:
    """The words of the claim's sentence before the event word (None when the event is not in that sentence)."""
    sentence = getattr(claim, "sentence", None)
    if sentence is None or not sentence.start <= ev.start <= sentence.end:
        return None
    return sentence.text[: ev.start - sentence.start]


def _bare_verb(claim: AnyClaim, ev: AnyEvent, before: str | None) -> bool:
    """A verb in its bare form whose subject is one named person or "he"/"she": a subjunctive or an infinitive
    ("that Gaddafi step down", "for him to step down"), not a report ("Gaddafi steps down", "did not step down")."""
    sentence = getattr(claim, "sentence", None)
    if ev.pos != "v" or not ev.subject or sentence is None or before is None:
        return False
    words = ev.subject.split()
    singular = ev.subject.lower() in ("he", "she", "him", "her") or (
        all(w[:1].isupper() for w in words) and not words[-1].endswith("s")
    )
    if not singular:
        return False  # "Gadhafi's forces withdraw": a plural's present is its bare form
    trigger = sentence.text[len(before) : ev.end - sentence.start].split()
    if not trigger or trigger[0].lower() != ev.lemma.split()[0]:
        return False
    return not _DO_SUPPORT.search(before)


@lru_cache(maxsize=1 << 16)
def _classes(lemma: str, pos: str) -> frozenset[str]:
    """An event word's classes, or its bare verb."""
    found = event_words().get((lemma, pos))
    if found:
        return found
    return frozenset({f"lemma:{lemma}"}) if pos == "v" else frozenset()


def _resolve_pronoun(word: str, claim: AnyClaim, ev: AnyEvent, ctx: ArticleContext, gaz: Gazetteer) -> str | None:
    """ "he" -> the person named last before it in the sentence, else the speaker of reported speech (in a
    quotation "he" is someone else); "we", "its" -> the speaker."""
    low = word.lower()
    if low in PERSON_PRONOUNS:
        sentence = getattr(claim, "sentence", None)
        before = ""
        if sentence is not None and sentence.start <= ev.start:
            before = _SPLIT_APOSTROPHE.sub(r"\1'\2", sentence.text[: ev.start - sentence.start])
        for m in reversed(list(_NAME_CHUNK.finditer(before))):
            if _MODIFIER_AFTER.match(before[m.end() :]):
                continue  # "Gadhafi forces assassinated him": a name that qualifies a noun is no antecedent
            person = person_of(m.group(0).strip(), ctx, gaz)
            if person and gaz.is_person(_names(m.group(0))[-1]):
                return person
        if claim.speaker.kind == "person" and not claim.quoted:
            return person_of(claim.speaker.name, ctx, gaz)  # "Cameron said he would", not "'He lied,' Cameron said"
        return None
    if low in ("i", "me", "my") and claim.speaker.kind == "person":
        return person_of(claim.speaker.name, ctx, gaz)
    if low in ("we", "us", "our"):
        return speaker_side(claim, ctx)  # the speaker's own side; "they" and "it" are someone else
    return None


_SPLIT_APOSTROPHE = re.compile(r"(\w) ['’](\w)")
_NAME_CHUNK = re.compile(r"(?:(?:[A-Z][\w'’\-]+|al-\w+|el-\w+|al\s|el\s|bin\s|ibn\s)\s?){1,5}")
_MODIFIER_AFTER = re.compile(r"^(?:forces|troops|loyalists|supporters|regime|government|administration|family)\b")


def speaker_side(claim: AnyClaim, ctx: ArticleContext) -> str | None:
    """The side a speaker speaks for: its name ("the Libyan government"), or how the sentence introduces it
    ("Libyan government spokesman Majid al-Dursi", "a rebel commander, Col. Fheid")."""
    found = side_of(claim.speaker.name, ctx)
    if found or claim.speaker.kind not in ("person", "anonymous", "unresolved"):
        return found
    sentence = getattr(claim, "sentence", None)
    first = claim.speaker.name.split()[0] if claim.speaker.name.split() else ""
    if sentence is None or len(first) < 3:
        return None
    at = sentence.text.find(first)
    if at <= 0:
        return None
    before = sentence.text[:at].split()[-4:]  # the words that introduce the speaker
    if not any(w.lower().strip(",") in _roles() for w in before):
        return None
    return side_of(" ".join(w.strip(",") for w in before), ctx)


_POSSESSED_FORCES = re.compile(rf"^(?:its|their|our)\s+(?:own\s+)?{FORCE_WORDS}$", re.I)


def participant(phrase: str | None, claim: AnyClaim, ev: AnyEvent, ctx: ArticleContext, gaz: Gazetteer) -> str | None:
    if not phrase:
        return None
    if phrase.lower() in PRONOUNS:
        return _resolve_pronoun(phrase, claim, ev, ctx, gaz)
    if ctx.read_with != gaz.learned:
        ctx.participants.clear()  # the store's names were learned further since: read again
        ctx.read_with = gaz.learned
    known = ctx.participants.get(phrase, _UNREAD)
    if known is not _UNREAD:
        return known  # type: ignore[return-value]
    key = ("named", phrase, ctx.country)
    named = gaz.memo.get(key)
    if named is None:
        named = gaz.memo[key] = _named(phrase, ctx, gaz)
    assert isinstance(named, _Named)
    if named.speakers:
        return speaker_side(claim, ctx)  # "a regime official said its troops had withdrawn"
    # "the president" is the article's own: looked up here, never remembered across articles
    found = named.side or _titled(phrase, ctx) or _completed(named.person, ctx) or named.place
    ctx.participants[phrase] = found
    return found


_UNREAD = object()


class _Named(NamedTuple):
    """What a phrase names in an article about one country, whoever says it: the first of a side, a person (whose
    keys the article's full names complete) and a place; or, for "its troops", the speaker's side."""

    side: str | None = None
    person: tuple[str, ...] = ()
    place: str | None = None
    speakers: bool = False


def _named(phrase: str, ctx: ArticleContext, gaz: Gazetteer) -> _Named:
    if _POSSESSED_FORCES.match(phrase):
        return _Named(speakers=True)
    side = side_of(phrase, ctx)
    if side:
        return _Named(side=side)
    person = _person_keys(phrase, gaz)
    return _Named(person=person) if person else _Named(place=place_of(phrase, gaz))


UNDERGOER_CLASSES = frozenset({"die", "alive", "free", "resign", "on_leave", "defect"})
"""Classes whose subject is the one they happen to."""
PLACE_CLASSES = frozenset({"attack", "enter", "withdraw", "capture", "control", "release"})
"""Classes whose object may be a place ("entered Zuwara", "captured Zawiya")."""


_FIRST_PERSON = re.compile(r"\b(I|[Mm]e|[Mm]y|[Yy]ou|[Yy]our|[Yy]ours)\b")


def _commentary(claim: AnyClaim) -> bool:
    """A page's own text in the first or second person ("I pray...", "Get a clue"): a reader's comment or a
    column's aside, not something the outlet reports; and a speaker found only as "I"."""
    if claim.speaker.name in ("I", "you", "we"):
        return True
    return claim.speaker.kind in ("author", "outlet") and bool(_FIRST_PERSON.search(claim.text))


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|gets|got)\s+(?:\w+ly\s+)?$", re.I)


def _undergoes(ev: AnyEvent, claim: AnyClaim) -> bool:
    """Whether an event's subject is who it happens to: a verb or adjective with no object, and for a verb
    that takes one ("kill", "capture"), only in the passive ("was killed"); "Gadhafi killed" in a headline,
    "the people he's killed" or "he would fight to the death" say nothing of his own death."""
    if ev.pos == "n":  # "Koussa asked for sick leave"; but "he would fight to the death"
        return "die" not in _classes(ev.lemma, ev.pos)
    if ev.pos == "v" and ev.object:
        return False
    if ev.pos != "v" or ev.lemma in word_set("undergoer_verbs.txt"):
        return True
    before = _before(claim, ev)
    return before is not None and bool(_PASSIVE_BEFORE.search(before))


def facts_of_article(
    claims: Sequence[AnyClaim], gaz: Gazetteer, classes_read: frozenset[str] | None = None
) -> list[Fact]:
    """The facts of one article's claims (with ``classes_read``, only those that may be of one of these classes)."""
    ctx = ArticleContext.of(claims)
    out: list[Fact] = []
    takes_place = word_set("place_taking_verbs.txt")
    loss_heads = word_set("loss_heads.txt")
    for claim in claims:
        if not claim.events or (claim.time or claim.article.published) is None or _commentary(claim):
            continue
        if _imagined(claim):
            continue
        said = claim.article.published or claim.time
        due: list[int | None] = []  # the claim's deadline, read once if a forecast needs it
        events: Sequence[AnyEvent] = claim.events
        for mention, ev in enumerate(events):
            if ev.head in loss_heads:
                ev = replaced(ev, negated=not ev.negated)  # "lost control of the city"
            classes = _classes(ev.lemma, ev.pos)
            if not classes:
                continue
            if classes_read is not None and classes_read.isdisjoint(classes) and ev.lemma not in takes_place:
                continue  # of no class the caller reads (a verb that takes a place may yet be a capture)
            stance = _event_stance(claim, ev)
            if stance is None:
                continue
            # a report is dated by when it says the event happened; a forecast by when it was made
            when = (ev.time or claim.time or said) if stance in ("asserts", "denies") else (said or ev.time)
            assert when is not None
            start, end = _days(when)
            actor = person = participant(ev.subject, claim, ev, ctx, gaz)
            undergoer = not classes.isdisjoint(UNDERGOER_CLASSES)
            if undergoer and actor and actor.startswith("side:"):
                person = person_of(ev.subject, ctx, gaz) or actor  # "President Mubarak resigned": the man, not the side
            if actor and actor.startswith("person:"):
                actor = _leader_side(actor) or actor  # a head of government acts for the government
            patient = object_key = participant(ev.object, claim, ev, ctx, gaz)
            if ev.pos != "v" and patient is None and ev.owner:
                owner = participant(ev.owner, claim, ev, ctx, gaz)  # "X's resignation", "rebel attacks"
                if owner and owner.startswith("side:"):
                    actor = actor or owner
                else:
                    patient = owner
            if undergoer and patient is None and _undergoes(ev, claim):
                # "Khamis died", "Mubarak resigned": the subject is who it happens to (not "X killed Y"), as a person
                # even when a leader acts for the government
                patient = person
            place = _first_place(ev.places, gaz)
            if place and ev.lemma in takes_place:
                classes = classes | {"capture"}  # "rebels took the town of Belbeit"
            if place is None and not classes.isdisjoint(PLACE_CLASSES):
                place = patient if patient and patient.startswith("place:") else place_of(ev.object, gaz)
            holder = None
            if "control" in classes:
                holder = side_of(ev.owner, ctx) or (actor if actor and actor.startswith("side:") else None)
                if place is None:
                    place = place_of(ev.subject, gaz, trusted=True) or place_of(ev.object, gaz, trusted=True)
            if "capture" in classes and place and actor is None:
                actor = speaker_side(claim, ctx)  # "Zawiya has been captured", says the government
            if place is None and "ceasefire" in classes:
                # "a truce until Saturday to allow surrenders at Bani Walid": the truce is about where the claim says
                place = next((p for e in claim.events if (p := _first_place(e.places, gaz))), None)
            deadline = None
            if stance in ("predicts", "intends"):
                if not due:
                    due.append(due_by(claim.text, claim.article.published))
                deadline = due[0]
            if ev.negated and stance in ("predicts", "intends") and _NOT_BEFORE.search(claim.text):
                # "he would not step down before the September elections" says when, not whether: it is refuted
                # only by the event before that day, and says nothing when the day is no date ("until he is freed")
                deadline = not_before(claim.text, claim.article.published)
                if deadline is None:
                    continue
            named = (
                ev.object
                if ev.object and patient and patient == object_key
                else ev.subject
                if patient in (actor, person)
                else ev.owner or ev.object
            )
            explicit = named is not None and named.lower() not in PRONOUNS
            out.append(
                Fact(
                    claim,
                    ev,
                    classes,
                    actor,
                    patient,
                    place,
                    holder,
                    stance,
                    when,
                    start,
                    end,
                    deadline,
                    explicit,
                    ctx.country,
                    mention,
                )
            )
    return out


def _first_place(phrases: list[str], gaz: Gazetteer) -> str | None:
    """The first of an event's places that names one."""
    for phrase in phrases:
        place = place_of(phrase, gaz, trusted=True)
        if place:
            return place
    return None


@lru_cache(maxsize=1 << 16)
def _days(when: str) -> tuple[int, int]:
    """The first and last day a partial date may stand for, as ordinals."""
    lo, hi = bounds(when)
    return lo.toordinal(), hi.toordinal()


_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "ten": 10,
    "few": 3,
    "several": 5,
    "couple": 2,
}
_UNIT_DAYS = {"hour": 1, "day": 1, "week": 7, "month": 30}
_WITHIN = WordPattern(
    r"\b(?:within|in)\s+(?:the\s+next\s+|a\s+matter\s+of\s+|a\s+)?(?P<n>\d+|a|an|one|two|three|four|five|six|seven|ten|few|several|couple)?"
    r"\s*(?:of\s+)?(?P<unit>hour|day|week|month)s?\b",
    needles=("hour", "day", "week", "month"),
)
_BY = WordPattern(
    r"\b(?:by|until|before)\s+(?P<when>(?:next\s+)?[A-Z][a-z]+(?:\s+\d{1,2})?)", needles=("by", "until", "before")
)


_NOT_BEFORE = WordPattern(r"\b(?:before|until|till)\b", needles=("before", "until", "till"))
_NOT_BEFORE_DAY = re.compile(r"\b(?:before|until|till)\s+(?:the\s+)?(?P<when>(?:next\s+)?[A-Z][a-z]+(?:\s+\d{1,2}\b)?)")


def not_before(text: str, published: str | None) -> int | None:
    """The last day a "not until" or "not before" forecast rules the event out: the day before the one it names
    ("he will not step down until September": August 31), if it names one."""
    m = _NOT_BEFORE_DAY.search(text)
    if not published or not m:
        return None
    from claimtrack.timeref import resolve

    when = resolve(m.group("when"), published, future=True)
    if not when:
        return None
    day = bounds(when)[0].toordinal() - 1
    return day if day > bounds(published)[1].toordinal() else None


def due_by(text: str, published: str | None) -> int | None:
    """The day a forecast or pledge falls due, if it says so: "within two days", "until Saturday"."""
    if not published:
        return None
    start = bounds(published)[1].toordinal()
    m = _WITHIN.search(text)
    if m:
        n = m.group("n")
        count = int(n) if n and n.isdigit() else _NUMBERS.get((n or "a").lower(), 1)
        days = count * _UNIT_DAYS[m.group("unit").lower()]
        return start + max(1, days if m.group("unit").lower() != "hour" else 1)
    m = _BY.search(text)
    if m:
        from claimtrack.timeref import resolve

        when = resolve(m.group("when"), published, future=True)
        if when and len(when) == 10:
            return bounds(when)[1].toordinal()
    return None


def facts(claims: Iterable[AnyClaim], classes_read: frozenset[str] | None = None, *, jobs: int = 1) -> list[Fact]:
    """Every fact of a store, article by article; with ``classes_read``, only those that may be of these classes.

    With ``jobs`` > 1, a large store's articles are read in that many processes (:mod:`claimtrack.forked`):
    the facts, and their order, are the same."""
    by_article: dict[str, list[AnyClaim]] = defaultdict(list)
    gaz = Gazetteer()
    events = 0
    for claim in claims:
        if claim.events:
            by_article[claim.article.id].append(claim)
            gaz.learn(claim)
            events += len(claim.events)
    groups = list(by_article.values())
    parts = shares(groups, jobs, events, weight=len)

    def work(part: Sequence[list[AnyClaim]]) -> list[Fact]:
        return [f for group in part for f in facts_of_article(group, gaz, classes_read)]

    return [f for found in fork_map(work, parts, pack=_pack_facts, unpack=_unpack_facts) for f in found]


def _pack_facts(part: Sequence[list[AnyClaim]], found: list[Fact]) -> list[tuple[Any, ...]]:
    """Facts as tuples that name their claim by position in ``part``: small to send between processes."""
    where = {id(c): i for i, c in enumerate(c for group in part for c in group)}
    # an event copied for a "lost" head (its stance turned) is sent whole; the others by their position
    return [(where[id(f.claim)], f.event if f.event is not f.claim.events[f.mention] else None, *f[2:]) for f in found]


def _unpack_facts(part: Sequence[list[AnyClaim]], packed: list[tuple[Any, ...]]) -> list[Fact]:
    claims = [c for group in part for c in group]
    out = []
    for entry in packed:
        claim = claims[entry[0]]
        out.append(Fact(claim, entry[1] or claim.events[entry[-1]], *entry[2:]))
    return out


def opposite_lemmas(a: str, b: str) -> bool:
    """WordNet antonyms ("win" / "lose", "enter" / "exit")."""
    return b in antonyms().get(a, frozenset())


@cache
def incompatibilities() -> tuple[tuple[str, str, tuple[str, ...], str, int, str], ...]:
    """The rules of ``incompatible.tsv``: (class a, class b, shared, window kind, days, why)."""
    out = []
    for line in _lines("incompatible.tsv"):
        a, b, shared, window, why = line.split("\t")
        kind, _, days = window.partition(":")
        out.append((a, b, tuple(shared.split(",")), kind, int(days), why))
    return tuple(out)

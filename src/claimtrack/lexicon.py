"""Lexicons and the gazetteer of countries, with no spaCy in sight.

Countries, their demonyms, capitals and other names come from the
``countryinfo`` package; the rest are package data files in
``claimtrack/pipeline/resources`` (reporting verbs, hedges, predicate classes,
...). Each is parsed once and cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

RESOURCES = "claimtrack.pipeline.resources"


def _lines(name: str) -> list[str]:
    text = resources.files(RESOURCES).joinpath(name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@cache
def word_set(name: str) -> frozenset[str]:
    """A one-entry-per-line resource as a lower-cased set."""
    return frozenset(line.strip().lower() for line in _lines(name) if not line.startswith("@"))


@cache
def is_agent_noun(word: str) -> bool:
    """A noun for a person, a group of people or an organisation (``agent_nouns.txt``), or a closed compound
    whose head is a doer's noun of five letters or more: "policymaker" ("maker"), "peacekeeper" ("keeper")."""
    agents = word_set("agent_nouns.txt")
    word = word.lower()
    if word in agents:
        return True
    return word.isalpha() and any(
        word[k:] in agents and word[k:].endswith(AGENT_ENDINGS) for k in range(3, len(word) - 4)
    )


AGENT_ENDINGS = ("er", "or", "ist", "man", "woman", "person", "ian")
"""How the head of a closed compound for a doer ends: "-maker", "-keeper", "-spokesperson"."""


@cache
def word_classes(name: str) -> dict[str, str]:
    """A ``word<TAB>class`` resource as a mapping."""
    out: dict[str, str] = {}
    for line in _lines(name):
        word, cls = line.split("\t")[:2]
        out[word.strip().lower()] = cls.strip()
    return out


def reporting_verbs() -> dict[str, str]:
    return word_classes("reporting_verbs.tsv")


def nominal_cues() -> dict[str, str]:
    return word_classes("nominal_cues.tsv")


def hedges() -> dict[str, str]:
    return word_classes("hedges.tsv")


@cache
def event_words() -> dict[tuple[str, str], frozenset[str]]:
    """(lemma, part of speech v/n/a) -> the event classes it belongs to (derived from WordNet 3.0)."""
    out: dict[tuple[str, str], frozenset[str]] = {}
    for line in _lines("event_classes.tsv"):
        word, pos, classes = line.split("\t")
        out[(word, pos)] = frozenset(classes.split(","))
    return out


@cache
def antonyms() -> dict[str, frozenset[str]]:
    """Lemma -> its WordNet 3.0 antonyms ("win" -> "lose"), both ways."""
    pairs: dict[str, set[str]] = {}
    for line in _lines("antonyms.tsv"):
        a, b = line.split("\t")
        pairs.setdefault(a, set()).add(b)
        pairs.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in pairs.items()}


@cache
def outlet_heads() -> frozenset[str]:
    return frozenset(line[6:].strip().lower() for line in _lines("outlets.txt") if line.startswith("@head "))


@cache
def outlet_names() -> frozenset[str]:
    return frozenset(_norm(line) for line in _lines("outlets.txt") if not line.startswith("@"))


@dataclass(frozen=True)
class PredicatePattern:
    cls: str
    positive: bool
    words: tuple[str, ...]
    noun: bool = False
    needs_place: bool = False
    objects: frozenset[str] | None = None

    @property
    def causative(self) -> bool:
        return "x" in self.words


def _directive(name: str) -> frozenset[str]:
    for line in _lines("predicates.tsv"):
        if line.startswith(name + "\t"):
            return frozenset(line.split("\t")[1].split())
    return frozenset()


@cache
def target_classes() -> frozenset[str]:
    """Predicate classes whose object matters when comparing claims."""
    return _directive("@targets")


@cache
def weak_classes() -> frozenset[str]:
    """Broad predicate classes that give way to a more specific one."""
    return _directive("@weak")


@cache
def predicate_patterns() -> tuple[PredicatePattern, ...]:
    """Predicate classes, longest patterns first so "pull out" wins over "pull"."""
    out = []
    for line in _lines("predicates.tsv"):
        if line.startswith("@"):
            continue
        cols = line.split("\t")
        cls, pol, pattern = cols[0], cols[1], cols[2]
        flags = cols[3].split() if len(cols) > 3 else []
        objects = None
        for flag in flags:
            if flag.startswith("obj:"):
                objects = frozenset(w for w in flag[4:].split("|") if w)
        out.append(
            PredicatePattern(
                cls=cls,
                positive=pol == "+",
                words=tuple(pattern.lower().split()),
                noun="noun" in flags,
                needs_place="place" in flags,
                objects=objects,
            )
        )
    return tuple(sorted(out, key=lambda p: -len(p.words)))


@cache
def patterns_by_head() -> dict[str, tuple[PredicatePattern, ...]]:
    """Predicate patterns by their first word, longest first: built once, looked up per token."""
    out: dict[str, list[PredicatePattern]] = {}
    for p in predicate_patterns():
        out.setdefault(p.words[0], []).append(p)
    return {k: tuple(v) for k, v in out.items()}


@cache
def predicate_classes() -> frozenset[str]:
    return frozenset(p.cls for p in predicate_patterns())


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("\u00a0", " ")
    text = re.sub(r"\s+", " ", text.strip()).lower()
    return re.sub(r"^the ", "", text)


@cache
def _gazetteer() -> dict[str, str]:
    """Lower-cased name, demonym, capital or alias -> country name."""
    from countryinfo import all_countries

    table: dict[str, str] = {}
    skip_codes = re.compile(r"^[A-Z]{2,3}$")
    # where two countries share a name ("American"), the more populous one has it
    infos = sorted((c.info() for c in all_countries()), key=lambda i: -(i.get("population") or 0))
    for info in infos:
        name = info.get("name")
        if not name or "," in name or "(" in name:
            continue
        names = {name}
        for alt in info.get("altSpellings") or []:
            if not skip_codes.match(alt) and alt.isascii() and "," not in alt:
                names.add(alt)
        capitals: str | list[str] = info.get("capital") or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            names.add(capital)
            names.add(re.sub(r",?\s*D\.?C\.?$", "", capital))
        demonym = info.get("demonym") or ""
        if demonym:
            names.add(demonym)
            if not demonym.endswith(("ese", "ss", "ish", "ch")):
                names.add(demonym + "s")
        for n in names:
            if _norm(n):
                table.setdefault(_norm(n), name)
    for line in _lines("country_aliases.tsv"):
        alias, country = line.split("\t")
        table[_norm(alias)] = country
    return table


@cache
def _leaders() -> dict[str, str]:
    return {_norm(k): v for k, v in (line.split("\t") for line in _lines("leaders.tsv"))}


_GOV_WORDS = (
    r"(regime|government|administration|authorities|forces|troops|military|army|leadership|state|side|officials"
    r"|diplomats|militias|advisors|advisers|commanders|fighters|soldiers|personnel|navy|air force)"
)
_GOV_SUFFIX = re.compile(rf"^(?P<core>.+?)(?:'s?)?\s+{_GOV_WORDS}$")
_LEADER_SUFFIX = re.compile(
    r"^(?P<name>[\w\-]+(?:\s[\w\-]+)?)(?:'s?)?\s+(administration|government|regime|cabinet|white house)$"
)


@lru_cache(maxsize=1 << 18)
def country_of(text: str | None) -> str | None:
    """The country a mention stands for: "Tehran", "Iranian forces", "the Iranian regime" -> "Iran".

    Returns None for a mention that is not a country, its capital, its people or
    its government and forces.
    """
    if not text:
        return None
    norm = _norm(text)
    norm = re.sub(r"'s?$", "", norm)
    if not norm:
        return None
    table = _gazetteer()
    if norm in table:
        return table[norm]
    m = _GOV_SUFFIX.match(norm)
    if m:
        core = re.sub(r"^(the|its|their|his|her)\s+", "", m.group("core"))
        core = re.sub(r"^(elite|former|current|new|official|regular|foreign|military)\s+", "", core)
        if core in table:
            return table[core]
        if core.split()[-1] in table and len(core.split()) <= 3:
            return table[core.split()[-1]]
    m = _LEADER_SUFFIX.match(norm)
    if m:
        name = m.group("name").split()[-1]
        return _leaders().get(name)
    return None


@cache
def names_of(country: str) -> frozenset[str]:
    """Every lower-cased name the gazetteer knows for a country: "iran", "iranian", "tehran", ..."""
    return frozenset(k for k, v in _gazetteer().items() if v == country) | {_norm(country)}


def is_outlet_name(text: str) -> bool:
    norm = _norm(text)
    if norm in outlet_names():
        return True
    words = norm.split()
    return bool(words) and words[-1] in outlet_heads() and any(w[:1].isalpha() for w in words)

"""Actors: who does the claimed thing, to whom, and where.

Countries, demonyms, capitals and governments fold into one canonical actor;
pronouns are resolved from what the document said before, or given up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from claimtrack.lexicon import (
    PredicatePattern,
    country_of,
    word_set,
)
from claimtrack.pipeline.syntax import (
    child,
    children,
    core_np,
    dep,
    person_name,
    strip_det,
    subject,
)

PERSONNEL = word_set("personnel_nouns.txt")


PLACE_CASES = frozenset({"from", "in", "of", "out", "into", "inside", "within", "across", "to", "toward", "towards"})


@dataclass(frozen=True)
class DocContext:
    """What the document has said before a claim, and who makes the claim.

    It never changes: ``about(span)`` gives the context of one claim, ``noting(...)`` the
    context after a claim named an actor or a place.
    """

    doc: Doc
    people: tuple[tuple[int, str], ...] = ()
    countries: tuple[tuple[int, str], ...] = ()
    actors: tuple[tuple[int, str], ...] = ()  # the countries claims have named as actors, by position
    places: tuple[tuple[int, str], ...] = ()
    blocked: frozenset[int] = frozenset()  # the claim's source: never its actor
    cue: Span | None = None
    speaker: str | None = None
    speaker_is_actor: bool = False
    quoted: bool = False

    @classmethod
    def of(cls, doc: Doc) -> DocContext:
        """The context at the start of ``doc``: its people and countries, nothing said yet."""
        people = []
        for ent in doc.ents:
            if ent.label_ == "PER":
                toks = person_name(ent) or list(ent)
                people.append((ent.start, doc[toks[0].i : toks[-1].i + 1].text))
        countries = []
        for tok in doc:
            if tok.pos_ == "PROPN" or tok.pos_ == "ADJ" and tok.text[:1].isupper():
                c = country_of(proper_np(tok) if tok.pos_ == "PROPN" else tok.text) or country_of(core_np(tok).text)
                if c:
                    countries.append((tok.i, c))
        return cls(doc, tuple(people), tuple(countries))

    def about(self, span: Span) -> DocContext:
        """The context of the claim ``span``: its source, cue and speaker."""
        speaker, source = span._.ct_speaker, span._.ct_source
        return replace(
            self,
            blocked=frozenset(t.i for t in source) if source is not None else frozenset(),
            cue=span._.ct_cue,
            speaker=speaker["name"] if speaker else None,
            speaker_is_actor=bool(speaker and speaker["kind"] in ("person", "organization")),
            quoted=bool(span._.ct_quoted),
        )

    def noting(self, *, actor: str | None, place: str | None, at: int) -> DocContext:
        """The context after a claim at ``at`` named ``actor`` (kept if a country) and ``place``."""
        actors = ((at, actor),) if actor and country_of(actor) else ()
        places = ((at, place),) if place else ()
        return replace(self, actors=self.actors + actors, places=self.places + places)

    def last_place(self, before: int) -> str | None:
        """The last country named as a place ("from Syria", "in Syria") before a token."""
        doc = self.doc
        for tok in reversed(doc[max(0, before - 120) : before]):
            if tok.pos_ == "PROPN" and tok.i > 0 and doc[tok.i - 1].lower_ in PLACE_CASES:
                c = country_of(proper_np(tok))
                if c:
                    return c
        found = [p for i, p in self.places if i < before]
        return found[-1] if found else None

    def last_actor(self, before: int) -> str | None:
        found = [a for i, a in self.actors if i < before]
        return found[-1] if found else None

    def last_country(self, before: int, *, not_: str | None = None, near: Token | None = None) -> str | None:
        """The last country named before a token; with ``near``, only in its sentence or the one before."""
        floor = -1
        if near is not None:
            sent = near.sent
            floor = self.doc[sent.start - 1].sent.start if sent.start > 0 else 0
        found = [c for i, c in self.countries if floor <= i < before and c != not_]
        return found[-1] if found else None

    def last_person(self, tok: Token) -> str | None:
        """The person last named in this sentence or the one before ("he" after "Amir Hatami")."""
        sent = tok.sent
        floor = self.doc[sent.start - 1].sent.start if sent.start > 0 else 0
        found = [name for i, name in self.people if floor <= i < tok.i]
        return found[-1] if found else None


def proper_np(tok: Token) -> str:
    doc = tok.doc
    lo = tok.i
    while lo - 1 >= 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].head == tok:
        lo -= 1
    return doc[lo : tok.i + 1].text


def phrase(tok: Token) -> str:
    return re.sub(r"^(the|a|an|some|other|its|their)\s+", "", _phrase_text(tok).strip(), flags=re.I)


def _phrase_text(tok: Token) -> str:
    doc = tok.doc
    toks = [
        t
        for t in tok.subtree
        if dep(t) not in ("acl:relcl", "punct")
        and not any(
            a.dep_ == "acl:relcl"
            for a in t.ancestors
            if a.i in range(tok.left_edge.i, tok.right_edge.i + 1) and a != tok
        )
    ]
    if not toks:
        return tok.text
    end = tok.i + 1
    while end < len(doc) and dep(doc[end]) in ("flat", "flat:name", "compound") and doc[end].head.i == tok.i:
        end += 1  # "Jonny Wilkinson", not "Jonny"
    span = doc[toks[0].i : min(toks[-1].i + 1, end if tok.i >= toks[0].i else toks[-1].i + 1)]
    while len(span) > 1 and dep(span[0]) in ("case", "mark", "cc"):
        span = span[1:]
    return span.text


SELF_PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our", "it", "its", "they", "their", "he", "she", "his", "her"})


PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})


THING_PRONOUNS = frozenset({"it", "its", "they", "their", "them", "itself", "themselves"})


def canonical(tok: Token, context: DocContext | None, *, speaker: str | None = None) -> str | None:
    """A canonical actor name for the noun phrase headed by ``tok``, or None when it cannot be told.

    Pronouns are resolved or given up: a "he" or a "we" must never become an actor of its own,
    or every "he" in the archive would be one person.
    """
    low = tok.lower_
    if tok.pos_ == "PRON" or low in SELF_PRONOUNS | THING_PRONOUNS:
        if context is None:
            return None
        if (
            low in SELF_PRONOUNS
            and context.speaker_is_actor
            and context.speaker
            and (context.cue is not None and tok.i > context.cue.end or context.quoted)
        ):
            return context.speaker  # "The United States said it would ...", "“We will stay,” said X"
        if low in PERSON_PRONOUNS:
            return context.last_person(tok)
        if low in THING_PRONOUNS:
            return context.last_country(tok.i, near=tok)
        return None
    for cand in (core_np(tok).text, tok.text, phrase(tok)):
        found = country_of(cand)
        if found:
            return found
    if tok.lemma_.lower() in PERSONNEL:
        home = homeward(tok)
        if home:
            return home  # "the diplomats were flying home to Peru" are Peru's diplomats
    poss = child(tok, "nmod:poss")
    if poss is not None and tok.lemma_.lower() in PERSONNEL | {"force", "regime", "government", "army", "military"}:
        owner = canonical(poss, context)
        if owner:
            return owner
    for c in children(tok, "nmod"):
        if tok.lemma_.lower() in PERSONNEL and any(x.lower_ == "of" for x in children(c, "case")):
            got = country_of(proper_np(c)) if c.pos_ == "PROPN" else None
            if got:
                return got
    for a in children(tok, "amod", "compound"):
        nation = country_of(a.text)
        if nation and tok.lemma_.lower() in PERSONNEL | {
            "force",
            "regime",
            "government",
            "army",
            "military",
            "official",
            "leadership",
        }:
            return nation
    if tok.lemma_.lower() in PERSONNEL and context is not None:
        prior = context.last_actor(tok.sent.start)
        if prior and any(d.lower_ in ("other", "remaining", "these", "those") for d in children(tok, "amod", "det")):
            return prior
    return phrase(tok)


def headline_subject(tok: Token) -> Token | None:
    """A headline's subject, for an event noun whose verb the parser missed: "Rebels Eye Retreat".

    Headlines drop articles and auxiliaries, so their parse is often wrong; their subject is
    still the proper name nearest before the noun, in its part of the line (after the last comma).
    """
    doc = tok.doc
    lo = tok.i
    while lo > tok.sent.start and doc[lo - 1].text not in (",", ":", ";", "–", "-"):
        lo -= 1
    names = [t for t in doc[lo : tok.i] if t.pos_ == "PROPN" and (country_of(t.text) or t.ent_type_ in ("PER", "ORG"))]
    return names[-1] if names else None


def homeward(tok: Token) -> str | None:
    """The country people go back to, read off the parse: "the crew returned to Chile", "troops head home to X"."""
    first = tok
    while dep(first) == "conj" and first.head.i != first.i:
        first = first.head  # "the crew and their families were flying home"
    verbs = [first.head] if dep(first) in ("nsubj", "nsubj:pass") else []
    verbs += list(children(tok, "acl", "acl:relcl"))
    # and the motions that go on from there: "leaving Chad, flying back to Peru"
    verbs += [c for v in list(verbs) for c in children(v, "advcl", "conj", "xcomp")]
    for verb in verbs:
        homeward = (
            verb.lemma_.lower() == "return"
            or verb.lower_ in ("back", "home")  # the parser may make the adverb the head: "or back to Iran"
            or any(c.lower_ in ("back", "home") for c in children(verb, "advmod", "compound:prt", "obl:unmarked"))
        )
        if not homeward:
            continue
        for goal in children(verb, "obl"):
            if goal.pos_ == "PROPN" and any(x.lower_ == "to" for x in children(goal, "case")):
                found = country_of(proper_np(goal))
                if found:
                    return found
    return None


def actor_of(
    causee: Token | None,
    tok: Token,
    pattern: PredicatePattern | None,
    speaker: str | None,
    context: DocContext,
    scope: Span,
    *,
    title: bool = False,
) -> str | None:
    """Who does what ``tok`` says: the causee, the doer of an event noun, the agent, the subject, or the speaker."""
    if causee is not None:
        return canonical(causee, context)
    if pattern is not None and not pattern.noun and tok.pos_ in ("NOUN", "PROPN"):
        modifier = _headline_verb_subject(tok)
        if modifier is not None:
            return canonical(modifier, context)
    if pattern is not None and pattern.noun or tok.pos_ == "NOUN":
        doer = _noun_doer(tok, title=title)
    elif child(tok, "nsubj:pass") is not None or "Pass" in tok.morph.get("Voice", []) and subject(tok) is not None:
        doer = _passive_doer(tok, pattern)
    else:
        doer = _active_doer(tok, context)
        if doer is None:
            return speaker if context.speaker_is_actor else None
    return canonical(doer, context) if doer is not None else None


def _headline_verb_subject(tok: Token) -> Token | None:
    """A headline verb read as a noun: its "modifier" is the subject ("Rebels Eye Retreat")."""
    before = [
        c
        for c in tok.children
        if c.i < tok.i and c.pos_ in ("PROPN", "NOUN") and dep(c) in ("compound", "nsubj", "amod", "nmod:poss")
    ]
    if before:
        return before[-1]
    return tok.doc[tok.i - 1] if tok.i > 0 and tok.doc[tok.i - 1].pos_ == "PROPN" else None


def _noun_doer(tok: Token, *, title: bool) -> Token | None:
    """Who does an event noun: "Iran's withdrawal", "the withdrawal of X", "X completed its withdrawal"."""
    poss = child(tok, "nmod:poss")
    if poss is not None:
        return poss
    for c in children(tok, "nmod"):
        if any(x.lower_ in ("of", "by") for x in children(c, "case")):
            return c
    head = tok.head
    if dep(tok) == "obj" and head.pos_ == "VERB":
        subj = subject(head)
        if subj is not None:
            return subj
    return headline_subject(tok) if title else None


def _passive_doer(tok: Token, pattern: PredicatePattern | None) -> Token | None:
    """ "I am being attacked": who acts is the agent ("by X"), not the passive subject."""
    agent = next(
        (c for c in children(tok, "obl", "obl:agent") if any(x.lower_ == "by" for x in children(c, "case"))), None
    )
    if agent is not None:
        return agent
    passive = child(tok, "nsubj:pass")
    moved = passive if passive is not None else subject(tok)
    if pattern is not None and pattern.cls == "withdraw":
        return moved  # "troops were withdrawn": those moved out
    return None


def _active_doer(tok: Token, context: DocContext) -> Token | None:
    """The subject of an active verb, passing over the claim's own source ("The forces, reports say, ...")."""
    subj = subject(tok)
    if subj is not None and subj.i in context.blocked:
        others = [c for c in children(subj.head, "nsubj", "nsubj:pass") if c.i not in context.blocked]
        subj = others[0] if others else None
    if subj is not None and subj.lower_ in ("who", "which", "that") and dep(subj.head) in ("acl:relcl",):
        subj = subj.head.head
    if subj is not None and subj.lower_ not in ("it", "there") or subj is not None and context.last_country(subj.i):
        return subj
    cue = context.cue
    if cue is not None:
        # "The forces, reports say, have been moving": the parse may hang the actor on the cue
        extra = [c for c in children(cue.root, "nsubj") if c.i not in context.blocked and c.i < cue.root.i]
        if extra:
            return extra[0]
    return None


TARGET_CASES = frozenset({"on", "against", "with", "to", "for"})


def object_of(tok: Token, pattern: PredicatePattern | None) -> str | None:
    obj = child(tok, "obj")
    if obj is not None and pattern is not None and pattern.objects:
        # the object is part of the predicate ("lift sanctions", "sign a deal"): the target is what it is on
        hosts = [obj, tok]
        obj = next(
            (
                c
                for h in hosts
                for c in children(h, "nmod", "obl")
                if c.i > tok.i and any(x.lower_ in TARGET_CASES for x in children(c, "case"))
            ),
            None,
        )
        if obj is None:
            return None
    if obj is None and tok.pos_ == "NOUN":
        # "sanctions on Venezuela", "support for Assad", "an attack on Iran"
        obj = next(
            (c for c in children(tok, "nmod") if any(x.lower_ in TARGET_CASES for x in children(c, "case"))), None
        )
    if obj is None or (pattern is not None and pattern.causative):
        return None
    poss = child(obj, "nmod:poss")
    target = poss if poss is not None else obj
    if target.pos_ == "PRON":
        return None  # "help him": who "him" is is not known here
    return country_of(proper_np(target) if target.pos_ == "PROPN" else target.text) or phrase(target)


def place_of(tok: Token, pattern: PredicatePattern | None, context: DocContext | None) -> str | None:
    cands: list[Token] = []
    for c in tok.children:
        if dep(c) in ("obl", "nmod", "advmod", "obj") and c.i > tok.i:
            cases = {x.lower_ for x in children(c, "case")}
            if dep(c) == "obj" and tok.lemma_.lower() in ("leave", "exit", "evacuate", "quit"):
                cands.append(c)
            elif cases & PLACE_CASES or c.lower_ in ("there", "here"):
                cands.append(c)
    for c in tok.children:  # "move out of the country": the place hangs off the particle
        if dep(c) == "compound:prt":
            cands.extend(x for x in c.children if dep(x) in ("obl", "nmod"))
    for c in cands:
        if c.lower_ in ("there", "here"):
            if context is not None:
                return context.last_place(c.i) or context.last_country(tok.i)
            return "there"
        name = country_of(proper_np(c)) if c.pos_ == "PROPN" else None
        if name:
            return name
        if c.pos_ == "PROPN" and c.ent_type_ != "ORG" and c.text[:1].isupper():
            return strip_det(core_np(c).text)
        if c.lemma_.lower() in ("country", "nation") and context is not None:
            # "the country": the last country named as a place, else the last one that is not the actor
            actor = subject(tok)
            return context.last_place(c.i) or context.last_country(
                tok.i, not_=country_of(actor.text) if actor is not None else None
            )
    return None

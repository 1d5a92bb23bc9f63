"""The proposition frame: which predicate class a claim is about.

A claim's verbs and event nouns are matched against ``resources/predicates.tsv``
("pull out", "withdrawal" -> withdraw); the best match is the claim's predicate.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimtrack.lexicon import (
    PredicatePattern,
    patterns_by_head,
    target_classes,
    weak_classes,
)
from claimtrack.pipeline.actors import TARGET_CASES, place_of
from claimtrack.pipeline.syntax import (
    child,
    children,
    dep,
)

ANY_VERB = "*"
"""The head of a predicate pattern that any verb fills: "* X out of" (caused motion)."""


def matches_pattern(tok: Token, pattern: PredicatePattern, title: bool = False) -> tuple[bool, Token | None]:
    words = pattern.words
    if words[0] == ANY_VERB:
        if tok.pos_ != "VERB":
            return False, None  # "* X out": any verb that moves its object out ("lure them out of")
    elif (
        tok.lemma_.lower() != words[0] and tok.lower_ != words[0] and not (title and tok.lower_.rstrip("s") == words[0])
    ):
        return False, None
    nominal = tok.pos_ in ("NOUN", "PROPN")
    # headlines drop auxiliaries, and a parser may take their verbs for nouns: "Iran Heads For the Exits"
    if pattern.noun != nominal and not (title and nominal and not pattern.noun and len(words) > 1):
        return False, None
    if not pattern.noun and not nominal and tok.pos_ not in ("VERB", "AUX"):
        return False, None  # "full-back", "back home": not the verb "back"
    causee: Token | None = None
    rest = list(words[1:])
    pos = tok.i + 1
    doc = tok.doc
    for w in rest:
        if w == "x":
            obj = child(tok, "obj")
            if obj is None or obj.i < tok.i:
                return False, None
            causee = obj
            if obj.i >= pos:
                pos = obj.right_edge.i + 1
            continue
        found = False
        for j in range(pos, min(pos + 4, len(doc))):
            t = doc[j]
            if w in (t.lemma_.lower(), t.lower_, t.lower_[:-1] if t.lower_.endswith("s") else None):
                pos = j + 1
                found = True
                break
            if t.pos_ not in ("DET", "ADJ", "PRON", "ADV", "PART") and dep(t) not in ("det", "amod", "nmod:poss"):
                break
        if not found:
            return False, None
    if (
        len(words) == 1
        and not pattern.noun
        and any(
            dep(c) == "compound:prt" or (c.i == tok.i + 1 and c.lower_ in ("down", "off", "away", "up", "out"))
            for c in tok.children
        )
    ):
        return False, None  # a phrasal verb of its own: "give up" is not "give"
    if pattern.objects:
        objs = [c for c in tok.children if dep(c) in ("obj", "obl", "nsubj:pass")]
        if not any(o.lemma_.lower() in pattern.objects for o in objs):
            return False, None
    if pattern.needs_place and place_of(tok, pattern, None) is None:
        return False, None
    return True, causee


def best_predicate(
    scope: Span, root: Token, title: bool = False
) -> tuple[Token, PredicatePattern, Token | None] | None:
    best: tuple[int, Token, PredicatePattern, Token | None] | None = None
    by_head = patterns_by_head()
    for tok in scope:
        cands = by_head.get(tok.lemma_.lower(), ()) or by_head.get(tok.lower_, ())
        if title and not cands:
            cands = by_head.get(tok.lower_.rstrip("s"), ())
        if tok.pos_ == "VERB":
            cands = (*cands, *by_head.get(ANY_VERB, ()))
        for pattern in cands:
            ok, causee = matches_pattern(tok, pattern, title)
            if not ok:
                continue
            score = 0
            score += 6 if tok == root else 0
            score += 3 if tok.pos_ == "VERB" else 0
            score += len(pattern.words)
            score -= _depth(tok, root)
            if pattern.cls in weak_classes() or untargeted(tok, pattern):
                score -= 6
            if title and not pattern.noun:
                score += 3
            if pattern.noun and not _noun_has_actor(tok):
                score -= 4
            if best is None or score > best[0]:
                best = (score, tok, pattern, causee)
            break
    return None if best is None else (best[1], best[2], best[3])


def untargeted(tok: Token, pattern: PredicatePattern) -> bool:
    """A relational verb with nobody it relates to ("ready to cooperate and pull back"): it gives way.

    The classes whose object matters (``@targets``) say little without one; nouns
    ("the election") name theirs with "of", so only verbs are judged.
    """
    if pattern.noun or pattern.cls not in target_classes():
        return False
    for c in tok.children:
        if c.i < tok.i:
            continue
        if dep(c) == "obj" or dep(c) in ("obl", "nmod") and any(x.lower_ in TARGET_CASES for x in children(c, "case")):
            return False
    return True


def _noun_has_actor(tok: Token) -> bool:
    return any(dep(c) in ("nmod:poss", "nmod") for c in tok.children)


def _depth(tok: Token, root: Token) -> int:
    """How far below the claim's root a token is (3 when it is not below it at all)."""
    d = 0
    cur = tok
    while cur != root and cur.head.i != cur.i and d < 10:
        cur = cur.head
        d += 1
    return d if cur == root else 3

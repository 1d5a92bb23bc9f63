"""Polarity and hedging: whether a claim says its event happens, and how surely.

Negators, verbs that turn their clause round ("refused to", "backed down on", "tried
but failed"), denying cues, rhetorical questions, evaluated chances and hedges.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimtrack.lexicon import (
    hedges,
    word_set,
)
from claimtrack.pipeline.syntax import (
    ADVERBIAL_MARKS,
    asks_rhetorically,
    child,
    children,
    dep,
)

NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor"})


NEGATING_HEADS = word_set("negating_heads.txt")


_CHANCE = r"(?:possibilit|chance|odd|likelihood|prospect|probabilit)\w*"


_LOW = r"(?:low|slim|remote|small|poor|minimal|dim|nil|negligible|little|scant)"


_HIGH = r"(?:high|good|strong|excellent|real|great)"


CHANCE_LOW = re.compile(
    rf"\b{_CHANCE}\s+(?:of|for|that)\s+(?:\w+\s+){{0,12}}?(?:are|is|seem|seems|look|looks|remain|remains)\s+(?:very\s+)?{_LOW}\b"
    rf"|\b(?:a\s+|very\s+)?{_LOW}\s+{_CHANCE}\s+(?:of|that|for)\b",
    re.I,
)
"""An evaluation of how likely something is, low: "the chances of a deal are slim", "little chance that ..."."""


CHANCE_HIGH = re.compile(
    rf"\b{_CHANCE}\s+(?:of|for|that)\s+(?:\w+\s+){{0,12}}?(?:are|is|seem|seems|look|looks|remain|remains)\s+(?:very\s+)?{_HIGH}\b"
    rf"|\b(?:a\s+|very\s+)?{_HIGH}\s+{_CHANCE}\s+(?:of|that|for)\b",
    re.I,
)


ATTEMPT_HEADS = frozenset({"try", "attempt"})


def scope_root(span: Span) -> Token:
    """The head of the span's main clause."""
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    verbs = [t for t in roots if t.pos_ in ("VERB", "AUX") or child(t, "cop", "nsubj") is not None]
    return (verbs or roots or [span.root])[0]


def extraposed(root: Token) -> tuple[Token, Token] | None:
    """ "it is unlikely that X": the adjective and X's head."""
    if root.pos_ != "ADJ":
        return None
    has_it = any(c.lower_ in ("it", "that", "this") for c in children(root, "nsubj", "expl"))
    inner = next((c for c in children(root, "ccomp", "csubj") if c.i > root.i), None)
    if inner is None or not has_it:
        return None
    return root, inner


def rhetorical_clause(scope: Span) -> Token | None:
    """A question that expects the answer "nobody": the head of what it denies, or None.

    "Who would believe (that) X?" and "How could anyone trust X?" ask nothing: a verb of
    belief or trust (``rhetorical_verbs.txt``) under a modal, asked by "who" or by "how"
    with a generic subject. What is denied is the verb's clause ("X"), else the verb
    itself ("How could anyone trust them?": nobody can).
    """
    for tok in scope:
        if tok.lemma_.lower() not in word_set("rhetorical_verbs.txt"):
            continue
        if not any(c.lower_ in ("will", "would", "could", "can") for c in children(tok, "aux")):
            continue
        if any(asks_rhetorically(c, tok) for c in children(tok, "nsubj")):
            return child(tok, "ccomp") or tok
    return None


DENYING_CUES = word_set("denying_cues.txt")


def denies(cue: Token) -> bool:
    """A cue that says the content is not so: negated ("did not say"), or a verb of denial."""
    if cue.lemma_.lower() in DENYING_CUES:
        return True
    return cue.pos_ in ("VERB", "AUX") and any(
        c.lower_ in ("not", "n't", "never") for c in cue.children if dep(c) in ("advmod", "neg")
    )


def find_hedge(span: Span) -> str | None:
    table = hedges()
    for tok in span:
        low = tok.lower_
        if low in table and (tok.pos_ in ("ADV", "ADJ", "AUX") or low in ("expected",)):
            return low
        if tok.lemma_.lower() in ("seem", "appear") and tok.pos_ == "VERB":
            return tok.lemma_.lower()
    return None


def governors(tok: Token, stop: Token) -> list[Token]:
    """``tok`` and its governors up to the claim's root (inclusive)."""
    out = [tok]
    cur = tok
    while cur != stop and cur.head.i != cur.i and len(out) < 10:
        cur = cur.head
        out.append(cur)
    return out


def negated(tok: Token, scope: Span) -> bool:
    flips = 0
    path = governors(tok, scope_root(scope)) if scope.start <= tok.i < scope.end else [tok]
    for n, t in enumerate(path):
        if t.i < scope.start or t.i >= scope.end:
            break
        if n and clause_boundary(path[n - 1]):
            break  # "it will not contain what Labour needs if it wins": the "not" stays in its clause
        if any(
            c.lower_ in NEGATORS or c.lemma_.lower() in NEGATORS
            for c in t.children
            if dep(c) in ("advmod", "det", "neg", "aux", "cc:preconj")
        ):
            flips += 1
        if t.i != tok.i and t.lemma_.lower() in NEGATING_HEADS:
            flips += 1
        if t.i != tok.i and reverses(t):
            flips += 1  # "backed down on raising taxes", "reneged on its pledge to withdraw"
        if t.i != tok.i and failed_attempt(t):
            flips += 1  # "they tried to reach a deal but failed": the deal was not reached
        if any(c.lower_ in ("longer",) and any(g.lower_ == "no" for g in c.children) for c in t.children):
            flips += 1
    return flips % 2 == 1


def reverses(tok: Token) -> bool:
    """A reversal verb (``reversal_verbs.txt``): its subject gives up what it meant to do."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    following = [t.lower_ for t in tok.doc[tok.i + 1 : tok.i + 4]]
    for entry in word_set("reversal_verbs.txt"):
        head, *particles = entry.split()
        if head == lemma and _in_order(particles, following):
            return True
    return False


def _in_order(words: list[str], tokens: list[str]) -> bool:
    """Whether ``words`` occur in ``tokens`` in this order, gaps allowed."""
    rest = iter(tokens)
    return all(w in rest for w in words)


def failed_attempt(tok: Token) -> bool:
    """A past attempt that the text says failed: "tried to X but failed", "attempted X and failed"."""
    if tok.lemma_.lower() not in ATTEMPT_HEADS or "Past" not in tok.morph.get("Tense", []):
        return False
    # the parser hangs "failed" on the attempt or on what was attempted
    tried = [tok, *children(tok, "xcomp", "obj")]
    return any(c.lemma_.lower() == "fail" for t in tried for c in children(t, "conj"))


CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "once", "when", "should"})


def clause_boundary(tok: Token) -> bool:
    """Whether negation and tense of the governing clause stop at ``tok``: relative and adverbial clauses."""
    d = dep(tok)
    if d in ("acl:relcl", "parataxis", "conj", "csubj", "nsubj", "nsubj:pass"):
        return True
    return d in ("advcl", "obl", "acl") and any(
        m.lower_ in ADVERBIAL_MARKS | CONDITIONAL_MARKS for m in children(tok, "mark")
    )

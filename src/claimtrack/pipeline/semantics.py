"""What a claim says: its kind, polarity, hedge, time and proposition.

The proposition is found by matching the claim's verbs and event nouns
against the predicate classes in ``resources/predicates.tsv`` ("pull out",
"move out", "withdrawal" -> withdraw; "stay in", "keep forces in" ->
withdraw with the polarity turned), then reading its subject, object and place
off the parse and folding countries, demonyms, capitals and governments into
one canonical actor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimtrack.lexicon import (
    PredicatePattern,
    country_of,
    hedges,
    patterns_by_head,
    reporting_verbs,
    target_classes,
    weak_classes,
    word_set,
)
from claimtrack.pipeline.syntax import (
    ADVERBIAL_MARKS,
    asks_rhetorically,
    child,
    children,
    core_np,
    dep,
    person_name,
    strip_det,
    subject,
)

NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
NEGATING_HEADS = frozenset(
    {
        "fail",
        "refuse",
        "decline",
        "reject",
        "stop",
        "cease",
        "avoid",
        "halt",
        "abandon",
        "unable",
        "unwilling",
        "deny",
        "prevent",
        "block",
        "veto",
        "oppose",
        "resist",
    }
)
INTENTION_HEADS = frozenset(
    {
        "plan",
        "intend",
        "want",
        "decide",
        "aim",
        "seek",
        "try",
        "promise",
        "pledge",
        "vow",
        "threaten",
        "desire",
        "intention",
        "decision",
        "mean",
        "prepare",
        "determine",
        "commit",
        "attempt",
        "effort",
        "bid",
        "wish",
        "resolve",
        "agree",
        "offer",
        "opt",
        "choose",
        "consider",
        "plot",
        "scheme",
    }
)
DEMAND_HEADS = frozenset(
    {"urge", "demand", "call", "appeal", "ask", "request", "press", "order", "condition", "insistence"}
)
PREDICTION_HEADS = frozenset(
    {
        "willing",
        "likely",
        "unlikely",
        "expect",
        "set",
        "poised",
        "bound",
        "certain",
        "sure",
        "able",
        "ready",
        "going",
        "predict",
        "forecast",
    }
)
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may"})
OPINION_AUX = frozenset({"should", "ought", "must"})
PERSONNEL = frozenset(
    {
        "staff",
        "personnel",
        "force",
        "forces",
        "troop",
        "troops",
        "adviser",
        "advisor",
        "diplomat",
        "commander",
        "fighter",
        "soldier",
        "militia",
        "official",
        "officer",
        "family",
        "member",
        "unit",
        "contingent",
    }
)
PLACE_CASES = frozenset({"from", "in", "of", "out", "into", "inside", "within", "across", "to", "toward", "towards"})
_CHANCE = r"(?:possibilit|chance|odd|likelihood|prospect|probabilit)\w*"
_LOW = r"(?:low|slim|remote|small|poor|minimal|dim|nil|negligible|little|scant)"
_HIGH = r"(?:high|good|strong|excellent|real|great)"
_SUCCESS_LOW = re.compile(
    rf"\b{_CHANCE}\s+(?:of|for|that)\s+(?:\w+\s+){{0,12}}?(?:are|is|seem|seems|look|looks|remain|remains)\s+(?:very\s+)?{_LOW}\b"
    rf"|\b(?:a\s+|very\s+)?{_LOW}\s+{_CHANCE}\s+(?:of|that|for)\b",
    re.I,
)
"""An evaluation of how likely something is, low: "the chances of a deal are slim", "little chance that ..."."""
_SUCCESS_HIGH = re.compile(
    rf"\b{_CHANCE}\s+(?:of|for|that)\s+(?:\w+\s+){{0,12}}?(?:are|is|seem|seems|look|looks|remain|remains)\s+(?:very\s+)?{_HIGH}\b"
    rf"|\b(?:a\s+|very\s+)?{_HIGH}\s+{_CHANCE}\s+(?:of|that|for)\b",
    re.I,
)
_CORRELATIVE = re.compile(r"\bthe (sooner|more|less|faster|earlier)\b.*,\s*the (better|worse|more|less)\b", re.I)
_TIME = re.compile(
    r"\b((last|next|this|past|coming|previous) (week|month|year|weekend|summer|winter|spring|autumn|fall)"
    r"|(on|last|this|next) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(earlier|later) this (week|month|year)"
    r"|(in|since|during|by|until|from) (early |mid-|late )?"
    r"(january|february|march|april|may|june|july|august|september|october|november|december)( \d{4})?"
    r"|(january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2}(, \d{4})?"
    r"|\d{1,2} (january|february|march|april|may|june|july|august|september|october|november|december)( \d{4})?"
    r"|(in|since|during|by|until) \d{4}"
    r"|yesterday|today|tomorrow|(a|one|two|three|four|five|six|\d+) (days|weeks|months|years) ago)\b",
    re.I,
)
ANY_VERB = "*"
"""The head of a predicate pattern that any verb fills: "* X out of" (caused motion)."""
ATTEMPT_HEADS = frozenset({"try", "attempt"})


@dataclass
class Reading:
    kind: str | None  # None: not a claim (a question)
    polarity: bool
    hedge: str | None
    proposition: dict | None
    time_text: str | None


def scope_root(span: Span) -> Token:
    """The head of the span's main clause."""
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    verbs = [t for t in roots if t.pos_ in ("VERB", "AUX") or child(t, "cop", "nsubj") is not None]
    return (verbs or roots or [span.root])[0]


def read_claim(
    span: Span,
    *,
    cue_class: str,
    quoted: bool,
    rhetorical: bool,
    title: bool,
    speaker_name: str | None,
    context: DocContext,
) -> Reading:
    """Type a claim and find its proposition."""
    text = span.text
    sent = span[0].sent
    root = scope_root(span)
    scope = span
    hedge: str | None = None
    flip = False
    # "it's unlikely that X", "it shouldn't be surprising that X": X is the claim
    framed = _extraposed(root)
    if framed is not None:
        adj, inner = framed
        word = adj.lemma_.lower()
        if hedges().get(word) in ("negate", "predict", "hedge"):
            hedge = word
        if hedges().get(word) == "negate":
            flip = True
        scope = span.doc[max(inner.left_edge.i, span.start) : min(inner.right_edge.i + 1, span.end)]
        root = inner
    # "Who would believe (that) X?": X is denied
    rhet = _rhetorical(scope)
    if rhet is not None:
        scope = span.doc[max(rhet.left_edge.i, span.start) : min(rhet.right_edge.i + 1, span.end)]
        root = rhet
        rhetorical = True
    is_question = sent.text.rstrip().rstrip("\u201d\"'’ ").endswith("?") or text.rstrip("\u201d\"' ").endswith("?")
    if cue_class == "question" or (is_question and not rhetorical):
        return Reading(None, True, None, None, None)
    if rhetorical:
        flip = not flip
    cue = span._.ct_cue
    if cue is not None and _denies(cue.root):
        flip = not flip  # "X does not believe that ...", "X denied that ..."
    success_low = bool(_SUCCESS_LOW.search(text))
    success_high = bool(_SUCCESS_HIGH.search(text))
    if success_low:
        flip = not flip
        hedge = hedge or "low probability"
    hedge = hedge or _hedge(span)
    if hedge and hedges().get(hedge) == "negate" and framed is None and not success_low:
        flip = not flip

    match = _best_predicate(scope, root, title)
    prop = None
    modality = "actual"
    if match is not None:
        tok, pattern, causee = match
        modality = _modality(tok, root, cue_class, span, speaker_name, context)
        if success_low or success_high or rhetorical:
            modality = "predicted" if modality == "actual" else modality
        polarity = pattern.positive
        if _negated(tok, scope):
            polarity = not polarity
        if flip:
            polarity = not polarity
        prop = {
            "subject": _actor(causee, tok, pattern, speaker_name, context, scope, title=title),
            "predicate": pattern.cls,
            "object": _object(tok, pattern) if pattern.cls in target_classes() else None,
            "place": _place(tok, pattern, context),
            "polarity": polarity,
            "modality": modality,
            "lexical": True,
        }
    elif root.pos_ in ("VERB", "AUX") and root.lemma_.lower() not in ("be", "have"):
        modality = _modality(root, root, cue_class, span, speaker_name, context)
        polarity = not _negated(root, scope)
        if flip:
            polarity = not polarity
        prop = {
            "subject": _actor(None, root, None, speaker_name, context, scope),
            "predicate": root.lemma_.lower(),
            "object": _object(root, None),
            "place": _place(root, None, context),
            "polarity": polarity,
            "modality": modality,
            "lexical": False,
        }
    polarity = bool(prop["polarity"]) if prop else (not flip)
    kind = _kind(
        span,
        root,
        match[0] if match else None,
        prop,
        cue_class=cue_class,
        quoted=quoted,
        title=title,
        rhetorical=rhetorical or success_low or success_high,
        speaker_name=speaker_name,
    )
    if prop is not None and isinstance(prop["subject"], str):
        context.note_actor(prop["subject"], span.start)
    if prop is not None and isinstance(prop.get("place"), str):
        context.note_place(str(prop["place"]), span.start)
    return Reading(kind, polarity, hedge, prop, _time_text(span, root))


def event_stance(
    span: Span, *, cue_class: str, speaker_name: str | None, context: DocContext
) -> tuple[Callable[[Token], bool], Callable[[Token], str]]:
    """How the claim holds each of its events: ``negated(token)`` and ``modality(token)``.

    A denying cue ("X denied that ...") turns every event of the content round.
    """
    root = scope_root(span)
    cue = span._.ct_cue
    denied = cue is not None and _denies(cue.root)
    return (
        lambda tok: _negated(tok, span) != denied,
        lambda tok: _modality(tok, root, cue_class, span, speaker_name, context),
    )


# --------------------------------------------------------------------------- frames


def _extraposed(root: Token) -> tuple[Token, Token] | None:
    """ "it is unlikely that X": the adjective and X's head."""
    if root.pos_ != "ADJ":
        return None
    has_it = any(c.lower_ in ("it", "that", "this") for c in children(root, "nsubj", "expl"))
    inner = next((c for c in children(root, "ccomp", "csubj") if c.i > root.i), None)
    if inner is None or not has_it:
        return None
    return root, inner


def _rhetorical(scope: Span) -> Token | None:
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


DENYING_CUES = frozenset({"deny", "reject", "dismiss", "dispute", "doubt", "refute", "contest"})


def _denies(cue: Token) -> bool:
    """A cue that says the content is not so: negated ("did not say"), or a verb of denial."""
    if cue.lemma_.lower() in DENYING_CUES:
        return True
    return cue.pos_ in ("VERB", "AUX") and any(
        c.lower_ in ("not", "n't", "never") for c in cue.children if dep(c) in ("advmod", "neg")
    )


def _hedge(span: Span) -> str | None:
    table = hedges()
    for tok in span:
        low = tok.lower_
        if low in table and (tok.pos_ in ("ADV", "ADJ", "AUX") or low in ("expected",)):
            return low
        if tok.lemma_.lower() in ("seem", "appear") and tok.pos_ == "VERB":
            return tok.lemma_.lower()
    return None


# --------------------------------------------------------------------------- predicates


def _matches(tok: Token, pattern: PredicatePattern, title: bool = False) -> tuple[bool, Token | None]:
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
    if pattern.needs_place and _place(tok, pattern, None) is None:
        return False, None
    return True, causee


def _best_predicate(
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
            ok, causee = _matches(tok, pattern, title)
            if not ok:
                continue
            score = 0
            score += 6 if tok == root else 0
            score += 3 if tok.pos_ == "VERB" else 0
            score += len(pattern.words)
            score -= _depth(tok, root)
            if pattern.cls in weak_classes() or _untargeted(tok, pattern):
                score -= 6
            if title and not pattern.noun:
                score += 3
            if pattern.noun and not _noun_has_actor(tok):
                score -= 4
            if best is None or score > best[0]:
                best = (score, tok, pattern, causee)
            break
    return None if best is None else (best[1], best[2], best[3])


def _untargeted(tok: Token, pattern: PredicatePattern) -> bool:
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


def _chain(tok: Token, stop: Token) -> list[Token]:
    """``tok`` and its governors up to the claim's root (inclusive)."""
    out = [tok]
    cur = tok
    while cur != stop and cur.head.i != cur.i and len(out) < 10:
        cur = cur.head
        out.append(cur)
    return out


def _negated(tok: Token, scope: Span) -> bool:
    flips = 0
    chain = _chain(tok, scope_root(scope)) if scope.start <= tok.i < scope.end else [tok]
    for n, t in enumerate(chain):
        if t.i < scope.start or t.i >= scope.end:
            break
        if n and _clause_boundary(chain[n - 1]):
            break  # "it will not contain what Labour needs if it wins": the "not" stays in its clause
        if any(
            c.lower_ in NEGATORS or c.lemma_.lower() in NEGATORS
            for c in t.children
            if dep(c) in ("advmod", "det", "neg", "aux", "cc:preconj")
        ):
            flips += 1
        if t.i != tok.i and t.lemma_.lower() in NEGATING_HEADS:
            flips += 1
        if t.i != tok.i and _reverses(t):
            flips += 1  # "backed down on raising taxes", "reneged on its pledge to withdraw"
        if t.i != tok.i and _failed_attempt(t):
            flips += 1  # "they tried to reach a deal but failed": the deal was not reached
        if any(c.lower_ in ("longer",) and any(g.lower_ == "no" for g in c.children) for c in t.children):
            flips += 1
    return flips % 2 == 1


def _reverses(tok: Token) -> bool:
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


def _failed_attempt(tok: Token) -> bool:
    """A past attempt that the text says failed: "tried to X but failed", "attempted X and failed"."""
    if tok.lemma_.lower() not in ATTEMPT_HEADS or "Past" not in tok.morph.get("Tense", []):
        return False
    # the parser hangs "failed" on the attempt or on what was attempted
    tried = [tok, *children(tok, "xcomp", "obj")]
    return any(c.lemma_.lower() == "fail" for t in tried for c in children(t, "conj"))


CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "once", "when", "should"})


def _clause_boundary(tok: Token) -> bool:
    """Whether negation and tense of the governing clause stop at ``tok``: relative and adverbial clauses."""
    d = dep(tok)
    if d in ("acl:relcl", "parataxis", "conj", "csubj", "nsubj", "nsubj:pass"):
        return True
    return d in ("advcl", "obl", "acl") and any(
        m.lower_ in ADVERBIAL_MARKS | CONDITIONAL_MARKS for m in children(tok, "mark")
    )


def _modality(tok: Token, root: Token, cue_class: str, span: Span, speaker: str | None, context: DocContext) -> str:
    chain = _chain(tok, root)
    if any(m.lower_ in ("if", "unless") for t in chain for m in children(t, "mark")):
        return "hypothetical"  # "... if it wins the election"
    lemmas = {t.lemma_.lower() for t in chain}
    auxes = {c.lower_ for t in chain for c in t.children if dep(c) in ("aux", "aux:pass")}
    if cue_class == "demand" or lemmas & DEMAND_HEADS or auxes & OPINION_AUX:
        return "demanded"
    heads = lemmas & INTENTION_HEADS
    if heads <= ATTEMPT_HEADS and any(
        t.lemma_.lower() in ATTEMPT_HEADS and "Past" in t.morph.get("Tense", []) for t in chain
    ):
        heads = set()  # "they tried to calm the markets": an attempt made, not an intention
    if cue_class == "intention" or heads or any(_reverses(t) for t in chain[1:]):
        return "intended"  # giving a plan up is a decision: "X backed down on raising taxes"
    if auxes & FUTURE_AUX or lemmas & PREDICTION_HEADS or cue_class == "prediction":
        return "predicted"
    if "would" in auxes:
        subj = subject(tok)
        # "the ministry said it would cut fares": what the speaker says it will do is an intention
        self_ref = (
            subj is None
            or subj.lower_ in ("it", "they", "we", "i", "he", "she")
            or bool(speaker and canonical(subj, context) == speaker)
        )
        if self_ref and context.speaker_is_actor:
            return "intended" if cue_class in ("speech", "according") else "predicted"
        return "predicted"
    if auxes & HYPOTHETICAL_AUX:
        return "hypothetical"
    if tok.pos_ == "NOUN":
        # an event noun under a future or modal verb is a hypothesis, not a report
        head_aux = {c.lower_ for t in chain[1:] for c in t.children if dep(c) in ("aux", "aux:pass")}
        if head_aux & (FUTURE_AUX | HYPOTHETICAL_AUX | {"would"}) or any(
            t.lemma_.lower() == "condition" for t in chain
        ):
            return "hypothetical"
    return "actual"


# --------------------------------------------------------------------------- arguments


class DocContext:
    """What the document has said so far: the actors and places last mentioned."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.blocked: set[int] = set()
        self.cue: Span | None = None
        self.speaker: str | None = None
        self.speaker_is_actor = False
        self.quoted = False
        self.people: list[tuple[int, str]] = []
        for ent in doc.ents:
            if ent.label_ == "PER":
                toks = person_name(ent) or list(ent)
                self.people.append((ent.start, doc[toks[0].i : toks[-1].i + 1].text))
        self.actors: list[tuple[int, str]] = []
        self.places: list[tuple[int, str]] = []
        self.countries: list[tuple[int, str]] = []
        for tok in doc:
            if tok.pos_ == "PROPN" or tok.pos_ == "ADJ" and tok.text[:1].isupper():
                c = country_of(_np(tok) if tok.pos_ == "PROPN" else tok.text) or country_of(core_np(tok).text)
                if c:
                    self.countries.append((tok.i, c))

    def note_actor(self, actor: str, at: int) -> None:
        if country_of(actor):
            self.actors.append((at, actor))

    def note_place(self, place: str, at: int) -> None:
        self.places.append((at, place))

    def last_place(self, before: int) -> str | None:
        """The last country named as a place ("from Syria", "in Syria") before a token."""
        doc = self.doc
        for tok in reversed(doc[max(0, before - 120) : before]):
            if tok.pos_ == "PROPN" and tok.i > 0 and doc[tok.i - 1].lower_ in PLACE_CASES:
                c = country_of(_np(tok))
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


def _np(tok: Token) -> str:
    doc = tok.doc
    lo = tok.i
    while lo - 1 >= 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].head == tok:
        lo -= 1
    return doc[lo : tok.i + 1].text


def _phrase(tok: Token) -> str:
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
    for cand in (core_np(tok).text, tok.text, _phrase(tok)):
        found = country_of(cand)
        if found:
            return found
    if tok.lemma_.lower() in PERSONNEL:
        home = _homeward(tok)
        if home:
            return home  # "the diplomats were flying home to Peru" are Peru's diplomats
    poss = child(tok, "nmod:poss")
    if poss is not None and tok.lemma_.lower() in PERSONNEL | {"force", "regime", "government", "army", "military"}:
        owner = canonical(poss, context)
        if owner:
            return owner
    for c in children(tok, "nmod"):
        if tok.lemma_.lower() in PERSONNEL and any(x.lower_ == "of" for x in children(c, "case")):
            got = country_of(_np(c)) if c.pos_ == "PROPN" else None
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
    return _phrase(tok)


def _headline_subject(tok: Token) -> Token | None:
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


def _homeward(tok: Token) -> str | None:
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
                found = country_of(_np(goal))
                if found:
                    return found
    return None


def _actor(
    causee: Token | None,
    tok: Token,
    pattern: PredicatePattern | None,
    speaker: str | None,
    context: DocContext,
    scope: Span,
    *,
    title: bool = False,
) -> str | None:
    if causee is not None:
        return canonical(causee, context)
    if pattern is not None and not pattern.noun and tok.pos_ in ("NOUN", "PROPN"):
        # a headline verb read as a noun: its "modifier" is the subject ("Iran Heads For the Exits")
        before = [
            c
            for c in tok.children
            if c.i < tok.i and c.pos_ in ("PROPN", "NOUN") and dep(c) in ("compound", "nsubj", "amod", "nmod:poss")
        ]
        if before:
            return canonical(before[-1], context)
        if tok.i > 0 and tok.doc[tok.i - 1].pos_ == "PROPN":
            return canonical(tok.doc[tok.i - 1], context)
    if pattern is not None and pattern.noun or tok.pos_ == "NOUN":
        poss = child(tok, "nmod:poss")
        if poss is not None:
            return canonical(poss, context)
        for c in children(tok, "nmod"):
            if any(x.lower_ in ("of", "by") for x in children(c, "case")):
                return canonical(c, context)
        # "Iran completed its withdrawal", "X announced the pullout": the one who does it to the noun
        head = tok.head
        if dep(tok) == "obj" and head.pos_ == "VERB":
            subj = subject(head)
            if subj is not None:
                return canonical(subj, context)
        if title:
            mover = _headline_subject(tok)
            if mover is not None:
                return canonical(mover, context)
        return None
    passive = child(tok, "nsubj:pass")
    if passive is not None or "Pass" in tok.morph.get("Voice", []) and subject(tok) is not None:
        # "I am being attacked": who acts is the agent ("by X"), not the passive subject
        agent = next(
            (c for c in children(tok, "obl", "obl:agent") if any(x.lower_ == "by" for x in children(c, "case"))), None
        )
        if agent is not None:
            return canonical(agent, context)
        moved = passive if passive is not None else subject(tok)
        if pattern is not None and pattern.cls == "withdraw" and moved is not None:
            return canonical(moved, context)  # "troops were withdrawn": those moved out
        return None
    subj = subject(tok)
    if subj is not None and subj.i in context.blocked:
        # the source of the claim ("The forces, reports say, ...") is not who acts
        others = [c for c in children(subj.head, "nsubj", "nsubj:pass") if c.i not in context.blocked]
        subj = others[0] if others else None
    if subj is not None and subj.lower_ in ("who", "which", "that") and dep(subj.head) in ("acl:relcl",):
        subj = subj.head.head
    if subj is not None and subj.lower_ not in ("it", "there") or subj is not None and context.last_country(subj.i):
        return canonical(subj, context)
    cue = context.cue
    if cue is not None:
        # "The forces, reports say, have been moving": the parse may hang the actor on the cue
        extra = [c for c in children(cue.root, "nsubj") if c.i not in context.blocked and c.i < cue.root.i]
        if extra:
            return canonical(extra[0], context)
    return speaker if context.speaker_is_actor else None


TARGET_CASES = frozenset({"on", "against", "with", "to", "for"})


def _object(tok: Token, pattern: PredicatePattern | None) -> str | None:
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
    return country_of(_np(target) if target.pos_ == "PROPN" else target.text) or _phrase(target)


def _place(tok: Token, pattern: PredicatePattern | None, context: DocContext | None) -> str | None:
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
        name = country_of(_np(c)) if c.pos_ == "PROPN" else None
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


# --------------------------------------------------------------------------- kinds and times


def _kind(
    span: Span,
    root: Token,
    pred: Token | None,
    prop: dict | None,
    *,
    cue_class: str,
    quoted: bool,
    title: bool,
    rhetorical: bool,
    speaker_name: str | None,
) -> str:
    text = span.text
    modality = prop["modality"] if prop else "actual"
    root_aux = {c.lower_ for c in root.children if dep(c) in ("aux", "aux:pass")}
    if cue_class == "demand":
        return "demand"
    if cue_class == "evaluation":
        return "opinion"
    if _CORRELATIVE.search(text) or (root_aux & OPINION_AUX and cue_class == "author"):
        return "opinion"
    if root_aux & OPINION_AUX:
        # "X said Iran should leave" asks for something; "X believes Iran should leave" is a view
        return "opinion" if cue_class in ("cognition", "evaluation") else "demand"
    if cue_class == "intention":
        return "intention"
    if rhetorical or cue_class == "prediction":
        return "prediction"
    if modality == "intended":
        past_decision = root.morph.get("Tense", []) == ["Past"] or any(
            c.lower_ in ("has", "have", "had") for c in children(root, "aux")
        )
        if cue_class == "author" and past_decision:
            return "event"
        return "intention"
    if modality == "predicted":
        return "prediction"
    if root_aux & FUTURE_AUX:
        return "prediction"
    if modality == "demanded":
        return "demand"
    if quoted:
        return "statement"
    main = pred or root
    tense = main.morph.get("Tense", []) or root.morph.get("Tense", [])
    aspect = main.morph.get("Aspect", []) or []
    perfect = any(c.lower_ in ("has", "have", "had") for c in children(root, "aux")) or any(
        c.lower_ in ("has", "have", "had") for c in children(main, "aux")
    )
    eventive = (prop is not None and prop.get("lexical")) or main.lemma_.lower() in word_set("event_verbs.txt")
    if eventive and modality == "actual":
        participle = "Part" in main.morph.get("VerbForm", []) or "Ger" in main.morph.get("VerbForm", [])
        if title or perfect or "Past" in tense or "Prog" in aspect or main.pos_ == "NOUN" or participle:
            return "event"
    return "statement"


def _time_text(span: Span, root: Token) -> str | None:
    sent = span[0].sent
    text = sent.text
    best = None
    cue, source = span._.ct_cue, span._.ct_source
    cue_zone = None
    if cue is not None:
        lo = min(cue.start_char, source.start_char) if source is not None else cue.start_char
        cue_zone = (lo, cue.end_char)
    for m in _TIME.finditer(text):
        start = sent.start_char + m.start()
        tok = span.doc.char_span(start, sent.start_char + m.end(), alignment_mode="expand")
        if tok is None:
            continue
        head = tok.root.head
        # inside the claim, an expression counts when it dates the claim's main verb, not a relative clause
        inside = span.start_char <= start < span.end_char and (
            head == root or head.head == root and head.pos_ != "VERB"
        )
        in_cue = cue_zone is not None and cue_zone[0] <= start < cue_zone[1]
        attaches = (
            in_cue
            or head == root
            or head in root.ancestors
            or (head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in reporting_verbs())
        )
        if inside or attaches:
            best = m.group(0)
            if inside:
                break
    return best

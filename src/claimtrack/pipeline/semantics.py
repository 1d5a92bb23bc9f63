"""What a claim says: its kind, polarity, hedge, time and proposition.

The proposition is found by matching the claim's verbs and event nouns
against the predicate classes in ``resources/predicates.tsv`` ("pull out",
"move out", "withdrawal" -> withdraw; "stay in", "keep forces in" ->
withdraw with the polarity turned), then reading its subject, object and place
off the parse and folding countries, demonyms, capitals and governments into
one canonical actor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from claimtrack.lexicon import (
    PredicatePattern,
    hedges,
    target_classes,
)
from claimtrack.pipeline.actors import DocContext, actor_of, object_of, place_of
from claimtrack.pipeline.frame import best_predicate
from claimtrack.pipeline.modality import claim_kind, modality_of, time_text
from claimtrack.pipeline.polarity import (
    CHANCE_HIGH,
    CHANCE_LOW,
    denies,
    extraposed,
    find_hedge,
    negated,
    rhetorical_clause,
    scope_root,
)
from claimtrack.pipeline.syntax import ends_in_question_mark

__all__ = ["DocContext", "Framing", "Reading", "event_stance", "narrow", "read_claim", "remember", "scope_root", "turn"]


@dataclass
class Reading:
    kind: str | None  # None: not a claim (a question)
    polarity: bool
    hedge: str | None
    proposition: dict | None
    time_text: str | None


@dataclass(frozen=True)
class Framing:
    """Where a claim's own content lies and how it is turned, before its predicate is read."""

    scope: Span  # the claim's own content: "X" in "it is unlikely that X", "Who would believe X?"
    root: Token
    hedge: str | None = None
    flip: bool = False  # the content is said not to be so
    framed: bool = False  # by an extraposed adjective ("it is unlikely that ...")
    rhetorical: bool = False
    chance: bool = False  # an evaluated chance ("little chance that ...")


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
    framing = narrow(span, rhetorical=rhetorical)
    if cue_class == "question" or (_is_question(span) and not framing.rhetorical):
        return Reading(None, True, None, None, None)
    framing = turn(span, framing)
    match = best_predicate(framing.scope, framing.root, title)
    prop = _proposition(span, framing, match, cue_class=cue_class, title=title, speaker=speaker_name, context=context)
    polarity = bool(prop["polarity"]) if prop else (not framing.flip)
    kind = claim_kind(
        span,
        framing.root,
        match[0] if match else None,
        prop,
        cue_class=cue_class,
        quoted=quoted,
        title=title,
        rhetorical=framing.rhetorical or framing.chance,
        speaker_name=speaker_name,
    )
    return Reading(kind, polarity, framing.hedge, prop, time_text(span, framing.root))


def remember(context: DocContext, reading: Reading, at: int) -> DocContext:
    """The context after a claim at ``at``: the actor and place its proposition named."""
    prop = reading.proposition or {}
    subject, place = prop.get("subject"), prop.get("place")
    return context.noting(
        actor=subject if isinstance(subject, str) else None, place=place if isinstance(place, str) else None, at=at
    )


def narrow(span: Span, *, rhetorical: bool = False) -> Framing:
    """The claim's own content: inside "it is unlikely that X" and "Who would believe X?"."""
    framing = Framing(span, scope_root(span), rhetorical=rhetorical)
    framed = extraposed(framing.root)
    if framed is not None:
        adj, inner = framed
        word = adj.lemma_.lower()
        effect = hedges().get(word)
        framing = replace(
            framing,
            scope=_within(span, inner),
            root=inner,
            hedge=word if effect in ("negate", "predict", "hedge") else None,
            flip=effect == "negate",
            framed=True,
        )
    asked = rhetorical_clause(framing.scope)
    if asked is not None:
        framing = replace(framing, scope=_within(span, asked), root=asked, rhetorical=True)
    return framing


def turn(span: Span, framing: Framing) -> Framing:
    """How the claim turns its content: a rhetorical question, a denying cue, a low chance, a hedge."""
    flip = framing.flip
    if framing.rhetorical:
        flip = not flip
    cue = span._.ct_cue
    if cue is not None and denies(cue.root):
        flip = not flip  # "X does not believe that ...", "X denied that ..."
    low = bool(CHANCE_LOW.search(span.text))
    hedge = framing.hedge
    if low:
        flip = not flip
        hedge = hedge or "low probability"
    hedge = hedge or find_hedge(span)
    if hedge and hedges().get(hedge) == "negate" and not framing.framed and not low:
        flip = not flip
    return replace(framing, hedge=hedge, flip=flip, chance=low or bool(CHANCE_HIGH.search(span.text)))


def _proposition(
    span: Span,
    framing: Framing,
    match: tuple[Token, PredicatePattern, Token | None] | None,
    *,
    cue_class: str,
    title: bool,
    speaker: str | None,
    context: DocContext,
) -> dict | None:
    """Subject, predicate, object, place, polarity and modality of the claim, or None."""
    scope, root = framing.scope, framing.root
    if match is not None:
        tok, pattern, causee = match
    elif root.pos_ in ("VERB", "AUX") and root.lemma_.lower() not in ("be", "have"):
        tok, pattern, causee = root, None, None
    else:
        return None
    modality = modality_of(tok, root, cue_class, span, speaker, context)
    if pattern is not None and (framing.chance or framing.rhetorical) and modality == "actual":
        modality = "predicted"
    positive = pattern.positive if pattern is not None else True
    polarity = (positive != negated(tok, scope)) != framing.flip  # each turn flips it
    return {
        "subject": actor_of(causee, tok, pattern, speaker, context, scope, title=title and pattern is not None),
        "predicate": pattern.cls if pattern is not None else tok.lemma_.lower(),
        "object": object_of(tok, pattern) if pattern is None or pattern.cls in target_classes() else None,
        "place": place_of(tok, pattern, context),
        "polarity": polarity,
        "modality": modality,
        "lexical": pattern is not None,
    }


def _is_question(span: Span) -> bool:
    return ends_in_question_mark(span[0].sent) or span.text.rstrip("\u201d\"' ").endswith("?")


def _within(span: Span, head: Token) -> Span:
    """The part of ``span`` that ``head``'s subtree covers."""
    return span.doc[max(head.left_edge.i, span.start) : min(head.right_edge.i + 1, span.end)]


def event_stance(
    span: Span, *, cue_class: str, speaker_name: str | None, context: DocContext
) -> tuple[Callable[[Token], bool], Callable[[Token], str]]:
    """How the claim holds each of its events: ``negated(token)`` and ``modality(token)``.

    A denying cue ("X denied that ...") turns every event of the content round.
    """
    root = scope_root(span)
    cue = span._.ct_cue
    denied = cue is not None and denies(cue.root)
    return (
        lambda tok: negated(tok, span) != denied,
        lambda tok: modality_of(tok, root, cue_class, span, speaker_name, context),
    )

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
from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimtrack.lexicon import (
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

__all__ = ["DocContext", "Reading", "event_stance", "read_claim", "scope_root"]


@dataclass
class Reading:
    kind: str | None  # None: not a claim (a question)
    polarity: bool
    hedge: str | None
    proposition: dict | None
    time_text: str | None


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
    framed = extraposed(root)
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
    rhet = rhetorical_clause(scope)
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
    if cue is not None and denies(cue.root):
        flip = not flip  # "X does not believe that ...", "X denied that ..."
    success_low = bool(CHANCE_LOW.search(text))
    success_high = bool(CHANCE_HIGH.search(text))
    if success_low:
        flip = not flip
        hedge = hedge or "low probability"
    hedge = hedge or find_hedge(span)
    if hedge and hedges().get(hedge) == "negate" and framed is None and not success_low:
        flip = not flip

    match = best_predicate(scope, root, title)
    prop = None
    modality = "actual"
    if match is not None:
        tok, pattern, causee = match
        modality = modality_of(tok, root, cue_class, span, speaker_name, context)
        if success_low or success_high or rhetorical:
            modality = "predicted" if modality == "actual" else modality
        polarity = pattern.positive
        if negated(tok, scope):
            polarity = not polarity
        if flip:
            polarity = not polarity
        prop = {
            "subject": actor_of(causee, tok, pattern, speaker_name, context, scope, title=title),
            "predicate": pattern.cls,
            "object": object_of(tok, pattern) if pattern.cls in target_classes() else None,
            "place": place_of(tok, pattern, context),
            "polarity": polarity,
            "modality": modality,
            "lexical": True,
        }
    elif root.pos_ in ("VERB", "AUX") and root.lemma_.lower() not in ("be", "have"):
        modality = modality_of(root, root, cue_class, span, speaker_name, context)
        polarity = not negated(root, scope)
        if flip:
            polarity = not polarity
        prop = {
            "subject": actor_of(None, root, None, speaker_name, context, scope),
            "predicate": root.lemma_.lower(),
            "object": object_of(root, None),
            "place": place_of(root, None, context),
            "polarity": polarity,
            "modality": modality,
            "lexical": False,
        }
    polarity = bool(prop["polarity"]) if prop else (not flip)
    kind = claim_kind(
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
    return Reading(kind, polarity, hedge, prop, time_text(span, root))


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

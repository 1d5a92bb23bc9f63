"""Claim kind and modality: actual, intended, demanded, predicted or hypothetical; and when.

The modality is read off the governors of the claim's event ("plans to", "should",
"will"), the kind off the modality, the cue and tense; the time off date expressions.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimtrack.lexicon import (
    reporting_verbs,
    word_set,
)
from claimtrack.pipeline.actors import DocContext, canonical
from claimtrack.pipeline.polarity import ATTEMPT_HEADS, governors, reverses
from claimtrack.pipeline.syntax import (
    children,
    dep,
    subject,
)

INTENTION_HEADS = word_set("intention_heads.txt")


DEMAND_HEADS = word_set("demand_heads.txt")


PREDICTION_HEADS = word_set("prediction_heads.txt")


FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})


HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may"})


OPINION_AUX = frozenset({"should", "ought", "must"})


CORRELATIVE = re.compile(r"\bthe (sooner|more|less|faster|earlier)\b.*,\s*the (better|worse|more|less)\b", re.I)


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


def modality_of(tok: Token, root: Token, cue_class: str, span: Span, speaker: str | None, context: DocContext) -> str:
    path = governors(tok, root)
    if any(m.lower_ in ("if", "unless") for t in path for m in children(t, "mark")):
        return "hypothetical"  # "... if it wins the election"
    lemmas = {t.lemma_.lower() for t in path}
    auxes = {c.lower_ for t in path for c in t.children if dep(c) in ("aux", "aux:pass")}
    if cue_class == "demand" or lemmas & DEMAND_HEADS or auxes & OPINION_AUX:
        return "demanded"
    heads = lemmas & INTENTION_HEADS
    if heads <= ATTEMPT_HEADS and any(
        t.lemma_.lower() in ATTEMPT_HEADS and "Past" in t.morph.get("Tense", []) for t in path
    ):
        heads = set()  # "they tried to calm the markets": an attempt made, not an intention
    if cue_class == "intention" or heads or any(reverses(t) for t in path[1:]):
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
        head_aux = {c.lower_ for t in path[1:] for c in t.children if dep(c) in ("aux", "aux:pass")}
        if head_aux & (FUTURE_AUX | HYPOTHETICAL_AUX | {"would"}) or any(t.lemma_.lower() == "condition" for t in path):
            return "hypothetical"
    return "actual"


def claim_kind(
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
    if CORRELATIVE.search(text) or (root_aux & OPINION_AUX and cue_class == "author"):
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


def time_text(span: Span, root: Token) -> str | None:
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

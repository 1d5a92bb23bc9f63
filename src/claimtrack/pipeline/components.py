"""claimtrack's spaCy components, one per stage: quotes, cues, attribution, speakers, semantics.

Each is a ``@Language.factory`` with a small class; the logic lives in the
modules they call, so each stage can be tested on hand-built Docs.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimtrack.lexicon import word_set
from claimtrack.pipeline import CLAIMS_KEY, CUES_KEY, QUOTES_KEY
from claimtrack.pipeline.attribution import Attribution, author_claims, find_attributions, find_cues
from claimtrack.pipeline.boundaries import finish_clauses, redraw
from claimtrack.pipeline.events import find_events
from claimtrack.pipeline.extensions import register_extensions
from claimtrack.pipeline.learned import attributions_from_roles, combine
from claimtrack.pipeline.quotes import find_quotes
from claimtrack.pipeline.roles import make_role_tagger  # noqa: F401  (registers the role tagger)
from claimtrack.pipeline.semantics import DocContext, event_stance, read_claim, remember
from claimtrack.pipeline.sensible import before_cue_conjunct, sensible, substantial, trimmed
from claimtrack.pipeline.speakers import resolve_speakers
from claimtrack.pipeline.syntax import base_form, split_clauses, trim


class ParagraphSplitter:
    """A line break ends a sentence, so headlines, bylines and paragraphs never run into each other;
    and a line with no sentence-final punctuation inside (a headline) is one sentence."""

    def __call__(self, doc: Doc) -> Doc:
        line: list[Token] = []
        for tok in doc:
            if tok.is_space and "\n" in tok.text:
                self._close(line)
                line = []
                continue
            line.append(tok)
        self._close(line)
        return doc

    @staticmethod
    def _close(line: list[Token]) -> None:
        words = [t for t in line if not t.is_space]
        if not words:
            return
        words[0].is_sent_start = True
        if len(words) <= 30 and not any(t.text in (".", "!", "?", ";") for t in words[:-1]):
            for t in words[1:]:
                t.is_sent_start = False


class QuoteFinder:
    def __call__(self, doc: Doc) -> Doc:
        spans = [doc.char_span(s, e, alignment_mode="expand") for s, e in find_quotes(doc.text)]
        doc.spans[QUOTES_KEY] = [s for s in spans if s is not None]
        return doc


class CueFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[CUES_KEY] = find_cues(doc, list(doc.spans.get(QUOTES_KEY, [])))
        return doc


def title_end(text: str) -> int:
    """Where the headline ends: the first line, when it reads like a headline (no final period)."""
    m = re.match(r"\s*([^\n]{3,200})\n", text)
    if not m:
        return 0
    line = m.group(1).strip()
    if line.endswith((".", "!", "\u201d", '"')) or len(line.split()) > 25:
        return 0
    return m.end(1)


class Attributor:
    """Attributions of the rules and of the learned role tagger, combined (``learned.combine``).

    ``mode`` is "combined" (the default: the rules where both found an attribution),
    "combined-model" (the model where both did), "rules" or "model" (for ablations);
    without the role tagger in the pipeline it is the rules alone. With ``boundaries``
    (the default) each content is then redrawn by ``boundaries.redraw``.
    """

    MODES = ("combined", "combined-model", "rules", "model")

    def __init__(self, mode: str = "combined", boundaries: bool = True) -> None:
        if mode not in self.MODES:
            raise ValueError(f"attribution mode {mode!r}: expected one of {', '.join(self.MODES)}")
        self.mode = mode
        self.boundaries = boundaries

    def __call__(self, doc: Doc) -> Doc:
        quotes = list(doc.spans.get(QUOTES_KEY, []))
        atts = find_attributions(doc, quotes, list(doc.spans.get(CUES_KEY, [])))
        roles = doc._.ct_roles if Doc.has_extension("ct_roles") else None
        if roles is not None and self.mode != "rules":
            learned = attributions_from_roles(doc, roles, quotes)
            if self.mode == "model":
                atts = learned
            else:
                prefer = "model" if self.mode == "combined-model" else "rules"
                atts = combine(atts, learned, prefer=prefer, quotes=quotes)
        if self.boundaries:
            atts = redraw(doc, atts)
        atts = [t for t in (trimmed(a) for a in atts if sensible(a)) if substantial(t)]
        atts = [before_cue_conjunct(a) for a in finish_clauses(doc, atts)]
        first = doc.user_data.get("claimtrack_first_piece", True)
        atts += author_claims(doc, atts, title_end(doc.text) if first else 0, quotes)
        claims: list[Span] = []
        for att in sorted(atts, key=lambda a: a.content[0].start):
            claims.extend(_claim_spans(doc, att))
        doc.spans[CLAIMS_KEY] = claims
        return doc


def _claim_spans(doc: Doc, att: Attribution) -> list[Span]:
    """One span per sentence of the content, so that a long quotation gives one claim per sentence."""
    start, end = att.content[0].start, att.content[-1].end
    # per sentence, from its first piece to its last: a cue between two sentences' pieces
    # ("A," she said. "B.") is in no claim
    by_sent: dict[int, tuple[int, int]] = {}
    for piece in att.content:
        for sent in piece.sents:  # type: ignore[attr-defined]
            lo, hi = max(sent.start, piece.start), min(sent.end, piece.end)
            first, _ = by_sent.get(sent.start, (lo, hi))
            by_sent[sent.start] = (first, hi)
    pieces: list[Span] = []
    for lo, hi in by_sent.values():
        part = trim(doc[lo:hi])
        if len(part) and any(t.is_alpha for t in part):
            pieces.append(part)
    if len(pieces) <= 1 or len(att.content) > 1 and all(p.sent == att.content[0].sent for p in att.content):
        pieces = [doc[start:end]]
    elif att.quoted:
        # a quotation of several sentences: one claim per sentence, and per main clause
        pieces = [
            c for p in pieces for c in (split_clauses(p) if p.start == p.sent.start or p.end == p.sent.end else [p])
        ]
    out = []
    for part in pieces:
        if part.end <= part.start:
            continue
        span = Span(doc, part.start, part.end)
        span._.ct_source = att.source
        span._.ct_cue = att.cue
        span._.ct_cue_class = att.cue_class
        span._.ct_pieces = [p for p in att.content if p.start < part.end and part.start < p.end] or [part]
        span._.ct_quoted = att.quoted
        span._.ct_via = att.via
        span._.ct_rhetorical = att.rhetorical
        span._.ct_title = att.title
        out.append(span)
    return out


class LemmaRepair:
    """A verb's lemma that is no verb, where a regular base form of the word is one: the bundled lemmatizer's
    slips ("blamed" -> "blam", "insisted" -> "insiste") would hide the word from every lexicon lookup after it.
    The verbs are WordNet's (``resources/verb_lemmas.txt``). Runs after the attribution tagger, which was
    trained on the lemmatizer's own output."""

    def __call__(self, doc: Doc) -> Doc:
        verbs = word_set("verb_lemmas.txt")
        for tok in doc:
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() not in verbs:
                base = base_form(tok, verbs)
                if base in verbs:
                    tok.lemma_ = base
        return doc


class SpeakerFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[CLAIMS_KEY] = resolve_speakers(doc, list(doc.spans.get(CLAIMS_KEY, [])))
        return doc


class Reader:
    def __call__(self, doc: Doc) -> Doc:
        said_before = DocContext.of(doc)
        for span in doc.spans.get(CLAIMS_KEY, []):
            speaker = span._.ct_speaker
            context = said_before.about(span)
            reading = read_claim(
                span,
                cue_class=span._.ct_cue_class or "author",
                quoted=span._.ct_quoted,
                rhetorical=span._.ct_rhetorical,
                title=span._.ct_title,
                speaker_name=speaker["name"] if speaker else None,
                context=context,
            )
            said_before = remember(said_before, reading, span.start)
            context = said_before.about(span)
            span._.ct_kind = reading.kind
            span._.ct_polarity = reading.polarity
            span._.ct_hedge = reading.hedge
            span._.ct_proposition = reading.proposition
            span._.ct_time_text = reading.time_text
            if reading.kind is not None:
                negated, modality = event_stance(
                    span, cue_class=span._.ct_cue_class or "author", speaker_name=context.speaker, context=context
                )
                cue = span._.ct_cue
                blocked = set(context.blocked) | ({t.i for t in cue} if cue is not None else set())
                span._.ct_events = find_events(span, blocked=blocked, negated=negated, modality=modality)
        return doc


@Language.factory("claimtrack_paragraphs", assigns=["token.is_sent_start"])
def make_paragraph_splitter(nlp: Language, name: str) -> ParagraphSplitter:
    return ParagraphSplitter()


@Language.factory("claimtrack_lemmas", assigns=["token.lemma"])
def make_lemma_repair(nlp: Language, name: str) -> LemmaRepair:
    return LemmaRepair()


@Language.factory("claimtrack_quotes", assigns=["doc.spans"])
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    register_extensions()
    return QuoteFinder()


@Language.factory("claimtrack_cues", requires=["token.dep", "token.lemma"], assigns=["doc.spans"])
def make_cue_finder(nlp: Language, name: str) -> CueFinder:
    register_extensions()
    return CueFinder()


@Language.factory(
    "claimtrack_attribution",
    requires=["token.dep", "doc.sents"],
    assigns=["doc.spans"],
    default_config={"mode": "combined", "boundaries": True},
)
def make_attributor(nlp: Language, name: str, mode: str, boundaries: bool) -> Attributor:
    register_extensions()
    return Attributor(mode, boundaries)


@Language.factory("claimtrack_speakers", requires=["token.dep", "doc.ents"], assigns=["span._.ct_speaker"])
def make_speaker_finder(nlp: Language, name: str) -> SpeakerFinder:
    register_extensions()
    return SpeakerFinder()


@Language.factory("claimtrack_semantics", requires=["token.dep", "token.morph"], assigns=["span._.ct_proposition"])
def make_reader(nlp: Language, name: str) -> Reader:
    register_extensions()
    return Reader()

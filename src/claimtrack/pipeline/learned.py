"""Attributions from the learned role tagger, and where they meet the rules.

Input: ``doc._.ct_roles`` (one BIO label per token, from ``roles.py``).
Output: ``Attribution`` records, the same the rules give.

Grouping: every cue span opens an attribution; each content span joins the
nearest cue of its own sentences (a content of several sentences may have its
cue in any of them, or in the sentence just before or after); each cue takes
the nearest source span of its sentence. A cue left with no content, or a
content with no cue, is dropped.

``combine`` is the one place where the model and the rules meet: headlines and
"according to" clauses stay with the rules; elsewhere one side is preferred
where both found an attribution, and each adds what the other did not find.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from claimtrack.lexicon import nominal_cues, reporting_verbs, word_set
from claimtrack.pipeline.attribution import Attribution, wish_says_nothing
from claimtrack.pipeline.speakers import cue_source
from claimtrack.pipeline.syntax import dep, is_finite_verb, regular_bases

REPORTED = frozenset({"speech", "cognition", "prediction", "according", "question"})
"""Cue classes the learned attributions are kept for: reported speech, belief and forecasts."""


def role_spans(doc: Doc, labels: list[str]) -> list[tuple[str, Span]]:
    """(role, span) for each run of a BIO sequence; an I- label with no B- before it opens a run, and a
    paragraph break ends one."""
    out: list[tuple[str, Span]] = []
    role, start = None, 0
    for i, lab in enumerate([*labels, "O"]):
        kind = lab[2:] if lab != "O" else None
        if kind is not None and i < len(doc) and doc[i].is_space and doc[i].text.count("\n") > 1:
            kind = None  # no role runs over a paragraph break: each paragraph's quotation is one content
        if role is not None and (kind != role or lab.startswith("B-")):
            span = _strip_space(doc[start:i])
            if len(span) and any(not t.is_punct for t in span):
                out.append((role, span))
            role = None
        if kind is not None and role is None:
            role, start = kind, i
    return out


def _strip_space(span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    return span.doc[start:end]


def cue_class(cue: Span) -> str:
    """The class of a cue the model found: from the reporting verbs and nominal cues of ``resources/``."""
    words = [t for t in cue if not t.is_punct]
    if any(t.lower_ == "according" for t in words):
        return "according"
    verbs, nouns = reporting_verbs(), nominal_cues()
    for tok in sorted(words, key=lambda t: (t.pos_ not in ("VERB", "NOUN"), -t.i)):
        lemma = tok.lemma_.lower()
        if wish_says_nothing(tok, lemma):
            return NO_CUE  # "travellers who want to stay", "she may wish to stand": no claim
        if lemma in verbs:
            return verbs[lemma] if verbs[lemma] != "question" else "speech"
        if lemma in nouns:
            return nouns[lemma]
    if any(_cue_word(t) or t.pos_ == "AUX" and _cue_word(t.head) for t in words):
        return "speech"  # "slammed", "hinted", "have | charged": a word of communication or cognition
    return NO_CUE  # "shaking off cabin fever", "the deal sees X receive": the tagger misread a verb as a cue


def _cue_word(tok: Token) -> bool:
    """A verb or noun of communication or cognition (``cue_words.tsv``), or an adjective ("is confident")."""
    if tok.pos_ == "ADJ":
        return True
    pos, cues = POS.get(tok.pos_, ""), word_set("cue_words.tsv")
    return any(f"{form}\t{pos}" in cues for form in _forms(tok))


def _forms(tok: Token) -> set[str]:
    """The lemma, and the base forms the word's ending allows, for the lemmatizer's slips ("hinted" -> "hinte")."""
    return {tok.lemma_.lower(), tok.lower_, *regular_bases(tok.lower_)}


NO_CUE = "none"
"""The class of a learned cue that is no word of saying or thinking: its attribution is dropped."""
POS = {"VERB": "v", "AUX": "v", "NOUN": "n", "PROPN": "n"}


def _sent_range(span: Span) -> tuple[int, int]:
    return span[0].sent.start, span[-1].sent.end


def _gap(a: Span, b: Span) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


def _near_sentences(doc: Doc, span: Span) -> tuple[int, int]:
    """The span's sentences, widened by one sentence either side."""
    lo, hi = _sent_range(span)
    if lo > 0:
        lo = doc[lo - 1].sent.start
    if hi < len(doc):
        hi = doc[hi].sent.end
    return lo, hi


def _later_paragraph(doc: Doc, content: Span, cue: Span) -> bool:
    """A cue in a paragraph after the content's introduces nothing of it (a quotation ending one paragraph is
    not what "Before delivering a statement, ..." opening the next one delivers)."""
    return cue.start >= content.end and "\n" in doc[content.end : cue.start].text


def attributions_from_roles(doc: Doc, labels: list[str], quotes: list[Span]) -> list[Attribution]:
    """Group the tagged spans into attributions (see the module docstring)."""
    spans = role_spans(doc, labels)
    cues = [s for r, s in spans if r == "CUE"]
    if not cues:
        return []
    contents: dict[int, list[Span]] = {}
    for role, span in spans:
        if role != "CONTENT":
            continue
        lo, hi = _sent_range(span)
        own = [c for c in cues if lo <= c.start < hi]
        if not own:
            wlo, whi = _near_sentences(doc, span)
            own = [c for c in cues if wlo <= c.start < whi and not _later_paragraph(doc, span, c)]
        if own:
            cue = min(own, key=lambda c: (_gap(c, span), c.start < span.start))
            contents.setdefault(cue.start, []).append(span)
    sources = [s for r, s in spans if r == "SOURCE"]
    out = []
    for cue in cues:
        pieces = contents.get(cue.start)
        if not pieces:
            continue
        sent = cue[0].sent
        near = [
            s
            for s in sources
            if s[0].sent == sent and not any(p.start <= s.start < p.end for p in pieces) and not _addressee(s, cue)
        ]
        source = min(near, key=lambda s: _gap(s, cue)) if near else None
        pieces = sorted(pieces, key=lambda p: p.start)
        quoted = _mostly_quoted(pieces, quotes)
        out.append(Attribution(pieces, cue, cue_class(cue), source, quoted=quoted, extra={"learned": True}))
    return out


ADDRESSEE_CASES = frozenset({"to", "for", "with", "at", "on", "in", "into", "about"})


def _addressee(source: Span, cue: Span) -> bool:
    """ "appealed to the voters": a noun after a preposition is who is spoken to or of, not who speaks (but
    "according to X" names its source so); nor is a stretch with no noun or pronoun in it."""
    if any(t.lower_ == "according" for t in cue):
        return False
    if not any(t.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET") for t in source):
        return True  # "to" alone: the tagger's slip, no one ("many", "some" are someone)
    root = source.root
    return any(dep(c) == "case" and c.lower_ in ADDRESSEE_CASES for c in root.children) or (
        source.start > 0 and source.doc[source.start - 1].lower_ in ADDRESSEE_CASES
    )


def _mostly_quoted(pieces: list[Span], quotes: Sequence[Span]) -> bool:
    n = sum(len(p) for p in pieces)
    covered = sum(
        min(q.end, p.end) - max(q.start, p.start) for p in pieces for q in quotes if q.start < p.end and p.start < q.end
    )
    return covered >= 0.5 * n


def _tokens(att: Attribution) -> set[int]:
    return {t.i for p in att.content for t in p}


def combine(
    rules: list[Attribution], learned: list[Attribution], prefer: str = "rules", quotes: Sequence[Span] = ()
) -> list[Attribution]:
    """The attributions of both, one per stretch of text (see the module docstring).

    Headline and "according to" attributions of the rules always win over a
    learned one they overlap. Otherwise, where a rule attribution and a learned
    one share content, the ``prefer``-red side ("rules" or "model") is kept; each
    side's attributions that overlap nothing of the other are kept as they are.
    """
    fixed = [a for a in rules if a.title or a.cue_class == "according"]
    others = [a for a in rules if a not in fixed]
    # what someone wants or means to do ("decided to stay") is read by the rules, which give it its own kind
    # and a content with no verb of its own ("her presence", "(decided) to stay") is no claim to store
    learned = [a for a in learned if a.cue_class in REPORTED and _proposition(a)]
    nesting, others = _nesting(others, learned)
    first, second = (others, learned) if prefer == "rules" else (learned, others)
    kept = list(fixed)
    taken = set().union(*(_tokens(a) | _cue_tokens(a) for a in kept)) if kept else set()
    kept += [a for a in nesting if not ((_tokens(a) | _cue_tokens(a)) & taken)]
    for group in (first, second):
        taken = set().union(*(_tokens(a) | _cue_tokens(a) for a in kept)) if kept else set()
        kept += [a for a in group if not ((_tokens(a) | _cue_tokens(a)) & taken)]
    kept += _quotations_of_kept_cues(kept, learned, quotes)
    kept = [_with_source(a, learned) for a in kept if not _fragment(a)]
    return sorted(kept, key=lambda a: a.content[0].start)


NESTED_CLASSES = frozenset({"intention", "demand"})
"""Cue classes the tagger may nest inside another cue's content against the rules: what someone plans or asks
is what reported speech most often carries ("reported that the funds were planning to ..."); a verb of saying
or believing with a subject of its own is a claim of its own far more often than the tagger's long content."""


def _nesting(rules: list[Attribution], learned: list[Attribution]) -> tuple[list[Attribution], list[Attribution]]:
    """Where the tagger nests a rule cue inside the content of a cue of the same sentence, the parse misread the
    sentence ("The Sunday Times reported that hedge | funds ... were planning to demand ...", "X had no choice
    but to ask Y to leave, Z has said" with "said" hung from "ask"): the tagger's attribution is kept, and the
    rules' attributions of the nested cue and of its own cue go. Returns (the tagger's kept, the rules' left)."""
    kept: list[Attribution] = []
    drop: set[int] = set()
    for other in learned:
        if other.cue is None:
            continue
        cue, content = _cue_tokens(other), _tokens(other)
        sent = other.cue[0].sent
        inner = [
            r
            for r in rules
            if r.cue is not None
            and r.cue_class in NESTED_CLASSES
            and r.cue[0].sent == sent
            and _cue_tokens(r) <= content
            and not (_cue_tokens(r) & cue)
            and (_tokens(r) <= content or _tokens(r) & cue)
        ]
        if not inner:
            continue
        own = [r for r in rules if _cue_tokens(r) & cue]
        if any(not _tokens(r) <= content for r in own):
            continue  # the rules' attribution of this cue reaches past the tagger's: nothing to mend
        kept.append(other if other.source is not None or not own else replace(other, source=own[0].source))
        drop |= {id(r) for r in inner + own}
    return kept, [r for r in rules if id(r) not in drop]


def _quotations_of_kept_cues(
    kept: list[Attribution], learned: list[Attribution], quotes: Sequence[Span]
) -> list[Attribution]:
    """ "X said the plan was wrong. “It will fail.”": where the rules' attribution of a cue won, a quotation the
    tagger also gave that cue, which nothing kept covers, is that cue's too (the boundary stage joins the two)."""
    taken = set().union(*(_tokens(a) | _cue_tokens(a) for a in kept)) if kept else set()
    out = []
    for other in learned:
        if other in kept or other.cue is None:
            continue
        owner = next((a for a in kept if _cue_tokens(a) & _cue_tokens(other)), None)
        if owner is None:
            continue
        pieces = [p for p in other.content if not ({t.i for t in p} & taken) and _mostly_quoted([p], quotes)]
        if pieces:
            out.append(replace(owner, content=pieces, quoted=True, extra={"learned": True}))
            taken |= {t.i for p in pieces for t in p}
    return out


def _fragment(att: Attribution) -> bool:
    """Reported content of a few words with no verb and no quotation marks ("Market indexes",
    "a format"): a misread cue, not a claim. Evaluations ("called it a disgrace") name their object."""
    if att.quoted or att.title or att.cue_class not in REPORTED:
        return False
    words = [t for p in att.content for t in p if not (t.is_punct or t.is_space)]
    return len(words) < 5 and not any(t.pos_ in ("VERB", "AUX") for t in words)


def _with_source(att: Attribution, learned: list[Attribution]) -> Attribution:
    """A rule attribution whose source neither the rules nor the parse give takes the tagger's, for the same cue."""
    if att.source is not None or att.cue is None or att.rhetorical or att.cue_class in ("evidential", "according"):
        return att
    if cue_source(att.cue, att.content, att.cue_class)[0] is not None:
        return att  # the parse names one ("X appealed to the voters, saying ..."): the speaker stage takes it
    cue = _cue_tokens(att)
    for other in learned:
        if other.source is not None and _cue_tokens(other) & cue:
            if not ({t.i for t in other.source} & _tokens(att)):
                return replace(att, source=other.source)
    return att


def _proposition(att: Attribution) -> bool:
    """A quotation, or content with a finite verb: something that can be true or false."""
    return att.quoted or any(is_finite_verb(t) for p in att.content for t in p)


def _cue_tokens(att: Attribution) -> set[int]:
    return {t.i for t in att.cue} if att.cue is not None else set()

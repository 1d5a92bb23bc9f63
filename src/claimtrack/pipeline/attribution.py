"""Cues, then content and source: who claims what, through which cue.

The design follows a staged quote-attribution pipeline: first the cues
(reporting verbs, "according to", nominal cues such as "Russia's declaration
that ..."), then for each cue its content (a clausal complement, an adjacent
quotation, or the rest of the sentence around a parenthetical "reports say")
and its source (the subject, the "according to" object, the possessor), then
the claims nobody is cited for: the author's own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimtrack.lexicon import country_of, nominal_cues, outlet_heads, patterns_by_head, reporting_verbs, word_set
from claimtrack.pipeline.syntax import (
    ADVERBIAL_MARKS,
    asks_rhetorically,
    base_form,
    child,
    children,
    dep,
    is_finite_verb,
    split_clauses,
    subject,
    subtree_span,
    trim,
)

# nouns that frame an intention inside a claim rather than cite a source
FRAME_NOUNS = word_set("frame_nouns.txt")
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X", "ADJ", "DET"})
REPORTED_ALSO = ("reported", "reports", "reporting")


@dataclass
class Attribution:
    content: list[Span]
    cue: Span | None
    cue_class: str
    source: Span | None = None
    quoted: bool = False
    via: str | None = None
    rhetorical: bool = False
    title: bool = False
    extra: dict[str, object] = field(default_factory=dict)


# --------------------------------------------------------------------------- cues


def find_cues(doc: Doc, quotes: list[Span]) -> list[Span]:
    """Cue spans, each with ``span._.ct_cue_class`` set."""
    verbs, nouns = reporting_verbs(), nominal_cues()
    inside_quote = {t.i for q in quotes for t in q}
    cues: list[Span] = []
    for tok in doc:
        if tok.i in inside_quote:
            continue  # nested attributions are part of the quoted content
        lemma = tok.lemma_.lower()
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            span = doc[tok.i : tok.i + 2]
            span._.ct_cue_class = "according"
            cues.append(span)
        elif (tok.pos_ in ("VERB", "AUX") or _verb_read_as_noun(tok)) and (lemma := base_form(tok, verbs)) in verbs:
            if lemma == "point" and not any(c.lower_ == "out" for c in tok.children):
                continue
            cls = verbs[lemma]
            if lemma in ("call", "press"):
                if any(c.lower_ in ("for", "on", "upon") for c in tok.children) or any(
                    c.lower_ in ("for", "on", "upon") for c in children(tok, "obl") for c in c.children
                ):
                    cls = "demand"
                elif lemma == "call" and _names_something(tok):
                    cls = "evaluation"  # "called the show a disgrace"
                else:
                    continue
            if lemma == "add" and child(tok, "obj") is not None and child(tok, "ccomp") is None:
                continue
            if cls == "question" and child(tok, "xcomp") is not None:
                cls = "demand"  # "asked Congress to act" asks for something; "asked whether" is a question
            if wish_says_nothing(tok, lemma):
                continue
            span = _verb_group(tok)
            span._.ct_cue_class = cls
            cues.append(span)
        elif (
            tok.lemma_.lower() == "make"
            and any(
                c.lower_ in ("clear", "plain", "known") and dep(c) in ("xcomp", "obj", "advmod", "amod")
                for c in tok.children
            )
            and child(tok, "ccomp", "xcomp") is not None
        ):
            span = _verb_group(tok)  # "made clear that ..."
            span._.ct_cue_class = "speech"
            cues.append(span)
        elif tok.pos_ in ("NOUN",) and lemma in nouns and lemma not in FRAME_NOUNS:
            if _noun_content(tok) is None:
                continue
            span = doc[tok.i : tok.i + 1]
            span._.ct_cue_class = nouns[lemma]
            cues.append(span)
    return cues


def wish_says_nothing(verb: Token, lemma: str) -> bool:
    """ "Those protesters who want to remain there", "any citizen wishing to leave", "Ghonim may wish to be a
    candidate": a verb of wanting that describes a noun, or that is only possible, claims nothing."""
    if lemma not in word_set("desire_verbs.txt"):
        return False
    if dep(verb) in ("acl", "acl:relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return True
    before = verb.doc[verb.i - 1] if verb.i else None
    if verb.lower_.endswith("ing") and before is not None and before.pos_ in ("NOUN", "PROPN"):
        if not any(dep(c).startswith("nsubj") for c in verb.children):
            return True  # "any citizen wishing to leave", however the parser hung the participle
    return any(dep(c) == "aux" and c.lower_ in ("may", "might", "could") for c in verb.children)


def _verb_read_as_noun(tok: Token) -> bool:
    """ "Kremlin denies plans": a "noun" with a subject of its own is a verb the tagger missed (headlines);
    so is one in "Rashed cautions: “...”" (see ``_colon_verb``)."""
    return tok.pos_ == "NOUN" and (child(tok, "nsubj") is not None and dep(tok) == "root" or _colon_verb(tok))


def _colon_verb(tok: Token) -> bool:
    """ "However, Rashed cautions: “...”": a word in -s between a name and the colon that opens a quotation is
    the verb that introduces it, whatever the tagger made of it."""
    doc = tok.doc
    if not (tok.lower_.endswith("s") and 0 < tok.i < len(doc) - 2):
        return False
    before, colon, after = doc[tok.i - 1], doc[tok.i + 1], doc[tok.i + 2]
    named = before.text[:1].isupper() and not before.is_sent_start or before.pos_ == "PRON"
    return named and colon.text == ":" and after.is_quote


def _names_something(verb: Token) -> bool:
    """ "called the show a disgrace", "calling him a “talented guy”", "called Trump “crazy”"."""
    obj = child(verb, "obj")
    if obj is None:
        return False
    if child(verb, "xcomp") is not None or child(verb, "iobj") is not None:
        return True
    after = [c for c in obj.children if c.i > obj.i and c.pos_ in ("ADJ", "NOUN") and dep(c) in ("amod", "appos")]
    return bool(after) or (obj.right_edge.i + 1 < len(verb.doc) and verb.doc[obj.right_edge.i + 1].is_quote)


def _verb_group(tok: Token) -> Span:
    """The verb with its auxiliaries, negation and particles: "has not said", "pointed out"."""
    doc = tok.doc
    lo, hi = tok.i, tok.i
    for c in tok.children:
        if dep(c) in ("aux", "aux:pass", "advmod", "compound:prt") and abs(c.i - tok.i) <= 3:
            if dep(c) == "advmod" and c.i > tok.i:
                continue
            if all(
                doc[j].dep_ in ("aux", "aux:pass", "advmod", "compound:prt") or j == tok.i
                for j in range(min(c.i, tok.i), max(c.i, tok.i) + 1)
            ):
                lo, hi = min(lo, c.i), max(hi, c.i)
    for c in tok.children:  # "spoke of", "called for"
        if dep(c) == "compound:prt" and c.i == hi + 1:
            hi = c.i
    return doc[lo : hi + 1]


NOUN_CONTENT_CASES = frozenset({"of", "on", "about", "for", "against", "over"})


def _noun_owner(noun: Token) -> Token | None:
    """Whose statement it is: "Russia's declaration", "a call by the UN"."""
    owner = child(noun, "nmod:poss")
    if owner is not None and owner.pos_ != "PRON" or owner is not None and owner.lower_ in ("his", "her", "their"):
        return owner
    by = next((c for c in children(noun, "nmod") if any(x.lower_ in ("by", "from") for x in children(c, "case"))), None)
    if by is not None:
        return by
    if dep(noun) in ("obj", "obl") and noun.head.pos_ == "VERB":
        # "the union issued a statement that ...", "UKIP, which campaigned on a slogan of ...": whoever does it
        return child(noun.head, "nsubj")
    return None


def _noun_content(noun: Token) -> Token | None:
    """What a nominal cue introduces: a that-clause, or, when it has an owner, what it is about."""
    for c in noun.children:
        if dep(c) in ("acl", "ccomp") and any(m.lower_ == "that" for m in children(c, "mark")):
            return c
    if _noun_owner(noun) is not None:
        # "Trump's call for a ban on Muslims", "the minister's comments on the deal"
        for c in children(noun, "nmod", "acl"):
            if c.i > noun.i and any(x.lower_ in NOUN_CONTENT_CASES for x in children(c, "case", "mark")):
                return c
    return None


# --------------------------------------------------------------------------- content and source


def find_attributions(doc: Doc, quotes: list[Span], cues: list[Span]) -> list[Attribution]:
    """The attributed claims of ``doc``, one per cue that has content, plus quote continuations."""
    out: list[Attribution] = []
    used_quotes: set[int] = set()
    for cue in cues:
        att = _attribute(doc, cue, quotes)
        if att is None:
            continue
        for q in quotes:
            if any(q.start <= p.start and p.end <= q.end or p.start <= q.start and q.end <= p.end for p in att.content):
                used_quotes.add(q.start)
        out.append(att)
    out = _drop_overlaps(out)
    out += _colon_headlines(doc, out)
    out += _headline_cues(doc, out)
    out += _continuations(doc, quotes, out, used_quotes)
    _attach_via(doc, out)
    return sorted(out, key=lambda a: a.content[0].start)


def _attribute(doc: Doc, cue: Span, quotes: list[Span]) -> Attribution | None:
    cls = cue._.ct_cue_class
    if cls == "according":
        return _according(doc, cue)
    head = cue.root
    if head.pos_ == "NOUN" and not _colon_verb(head):
        content_tok = _noun_content(head)
        if content_tok is None:
            return None
        owner = _noun_owner(head)
        span = subtree_span(content_tok)
        return Attribution([span], cue, cls, _source_span(owner, cue, [span]), quoted=_is_quoted(span, quotes))
    content, quoted = _verb_content(doc, head, cue, quotes, cls)
    if not content:
        return None
    source_tok = None if cls == "evidential" else _source_token(head)
    if (
        cls in ("intention", "demand", "prediction", "cognition")
        and source_tok is not None
        and not _animate(source_tok)
    ):
        source_tok = None  # "the offensive threatens to sever this link": nobody is cited, the author says it
    att = Attribution(content, cue, cls, _source_span(source_tok, cue, content), quoted=quoted)
    if source_tok is not None and asks_rhetorically(source_tok, head):
        att.rhetorical = True
        att.source = None
    return att


@dataclass(frozen=True)
class ContentQuery:
    """What a content rule sees: the cue, its verb, its class, and the quotations of the document."""

    doc: Doc
    head: Token
    cue: Span
    quotes: list[Span]
    cls: str

    @property
    def sent(self) -> Span:
        return self.head.sent

    @property
    def subject_tokens(self) -> set[int]:
        return {t.i for s_ in _subjects(self.head) for t in s_.subtree}

    def found(self, span: Span) -> Found:
        return [span], _is_quoted(span, self.quotes)


Found = tuple[list[Span], bool]
"""The content spans and whether they are quoted; ``([], False)`` ends the search with nothing."""
NOTHING: Found = ([], False)


def _quotes_before(q: ContentQuery) -> Iterator[tuple[Span, Span]]:
    """Quotations that end just before the cue, with only punctuation and the source between."""
    subj_tokens = q.subject_tokens
    for quote in q.quotes:
        if not (quote.end <= q.cue.start and q.cue.start - quote.end <= 12 and quote.start >= q.sent.start - 200):
            continue
        gap = q.doc[quote.end : q.cue.start]
        if all(t.is_punct or t.is_space or t.i in subj_tokens for t in gap) and _quote_near_sentence(quote, q.sent):
            if "\n" not in gap.text:  # not across a paragraph break
                yield quote, gap


def quotation_next_to_cue(q: ContentQuery) -> Found | None:
    """ "“...,” said X", "“...,” X said", "X wrote: “...”": a quotation right before or after the cue."""
    # not a quotation that ended the sentence before: 'was "sickening". He said ...'
    before = {quote.start: quote for quote, gap in _quotes_before(q) if not any(t.text in ".!?" for t in gap)}
    for quote in q.quotes:
        if quote.start in before and not quote.text.rstrip("\u201d\"' ").endswith("."):
            return [quote], True
        if not (quote.start >= q.cue.end and quote.start - q.cue.end <= 6):
            continue
        between = q.doc[q.cue.end : quote.start]
        if any(t.text == ":" for t in between) and not any(t.text in (".", "!", "?") for t in between):
            return [quote], True  # "Cruz called them on it: “...”"
        colon = any(t.text in (":", ",") for t in between) or (len(between) == 0)
        if colon and all(
            t.is_punct
            or t.is_space
            or dep(t) in ("nsubj", "obj", "obl", "flat", "compound", "det")
            or t.pos_ == "PROPN"
            for t in between
        ):
            return [quote], True
    return None


def clausal_complement(q: ContentQuery) -> Found | None:
    """ "X said (that) Y", "Y, X said"; not an adverbial clause the parser took for one ("said, as ...")."""
    comp = child(q.head, "ccomp")
    if comp is None or comp.i > q.head.i and any(m.lower_ in ADVERBIAL_MARKS for m in children(comp, "mark")):
        return None
    return q.found(subtree_span(comp, exclude=_other_cues(comp)))


def how_things_look(q: ContentQuery) -> Found | None:
    """ "The army appears to be pulling back": for an evidential cue, its subject and clause, or nothing."""
    if q.cls != "evidential":
        return None
    xcomp = child(q.head, "xcomp")
    subj = child(q.head, "nsubj")
    if xcomp is not None and reporting_verbs().get(xcomp.lemma_.lower()) in ("speech", "cognition"):
        return NOTHING  # "Mubarak appeared to be saying that ...": his claim, through the inner cue
    if xcomp is not None and xcomp.pos_ in ("VERB", "AUX") and subj is not None and subj.lower_ != "it":
        # one stretch, from the subject's first word to the clause's last: the parser may hang part of the
        # subject from the verb ("Ireland coach | Eddie O'Sullivan appears to have done that")
        return [q.doc[min(subj.left_edge.i, q.head.i) : subtree_span(xcomp).end]], False
    return NOTHING


def controlled_complement(q: ContentQuery) -> Found | None:
    """ "X plans to leave", "X urged Y to leave": the infinitive (with its addressee for a demand)."""
    if q.cls not in ("intention", "demand", "prediction", "cognition"):
        return None
    xcomp = child(q.head, "xcomp")
    if xcomp is None:
        return None
    obj = child(q.head, "obj") if q.cls == "demand" else None
    span = subtree_span(xcomp)
    if obj is not None and obj.i < xcomp.i:
        span = trim(q.doc[obj.left_edge.i : span.end])
    return q.found(span)


def content_noun(q: ContentQuery) -> Found | None:
    """ "declared its plan to ...", "voiced the hope that ...": a nominal object that carries the content."""
    nouns = FRAME_NOUNS | set(nominal_cues())
    for c in q.head.children:
        if dep(c) in ("obj", "obl") and c.pos_ == "NOUN" and c.i > q.head.i and c.lemma_.lower() in nouns:
            if any(dep(x) in ("acl", "ccomp", "xcomp") for x in c.children):
                return q.found(subtree_span(c))
    return None


def judged_object(q: ContentQuery) -> Found | None:
    """ "X called the plan a disaster": the object and what it is judged to be; an evaluation stops here."""
    judged = _judgement(q.head)
    if q.cls != "evaluation" and judged is None:
        return None
    obj = child(q.head, "obj")
    if obj is not None and obj.i > q.head.i:
        end = max(obj.right_edge.i, judged.right_edge.i if judged is not None else 0)
        for c in q.head.children:
            as_of = any(x.lower_ in ("as", "for", "of") for x in children(c, "case", "mark"))
            if c.i > obj.i and (dep(c) == "xcomp" or dep(c) in ("obl", "advcl") and as_of):
                end = max(end, c.right_edge.i)
        span = trim(q.doc[obj.left_edge.i : end + 1])
        if len(span) > 1 or span.root.pos_ not in ("PRON", "DET"):
            return q.found(span)
    return NOTHING if q.cls == "evaluation" else None


def spoken_about(q: ContentQuery) -> Found | None:
    """ "spoke of the plan to ...", "talked about the strike": what a speech verb is about."""
    if q.cls != "speech":
        return None
    for c in children(q.head, "obl"):
        if c.i > q.head.i and any(x.lower_ in ("of", "about") for x in children(c, "case")):
            return q.found(trim(q.doc[c.left_edge.i : max(c.right_edge.i, _clause_end(q.head)) + 1]))
    return None


def after_a_colon(q: ContentQuery) -> Found | None:
    """ "X cautions: theoretically ...": a parataxis after a colon."""
    para = next(
        (c for c in children(q.head, "parataxis") if c.i > q.head.i and c.lemma_.lower() not in reporting_verbs()),
        None,
    )
    if para is not None and any(t.text == ":" for t in q.doc[q.head.i : para.left_edge.i + 1]):
        return [subtree_span(para)], False
    return None


def parenthetical_cue(q: ContentQuery) -> Found | None:
    """ "The talks, officials say, have stalled": the host clause around a short inserted cue."""
    head, subs = q.head, _subjects(q.head)
    if not (dep(head) in ("parataxis", "ccomp", "advcl", "conj") and subs and head.head.i != head.i):
        return None
    host = head.head
    # a second subject of the cue ("The talks, officials say") belongs to the host clause
    own = {t.i for t in head.subtree} - {t.i for far in subs[1:] for t in far.subtree}
    if len(own) > 12 or host.lemma_.lower() in reporting_verbs():
        return None
    pieces = _pieces(q.doc, host, own)
    return (pieces, any(_is_quoted(p, q.quotes) for p in pieces)) if pieces else None


def before_a_trailing_cue(q: ContentQuery) -> Found | None:
    """ "The strike is over, union leaders said.": what comes before a cue that ends the sentence (not a cue that
    names what it wants or judges after it: "Fed up with ..., thousands are demanding an end to his rule")."""
    obj = child(q.head, "obj")
    if q.cls in ("demand", "intention", "evaluation") and obj is not None and obj.i > q.head.i:
        return None
    trailing = _before_trailing_cue(q.doc, q.head, _subjects(q.head))
    return q.found(trailing) if trailing is not None else None


def farther_subject(q: ContentQuery) -> Found | None:
    """ "The rebels advancing on the city, sources said": the farther of two subjects is what is said."""
    subs = _subjects(q.head)
    if len(subs) >= 2 and subs[-1].i < q.head.i:
        return q.found(subtree_span(subs[-1]))
    return None


def clause_before_root_cue(q: ContentQuery) -> Found | None:
    """A clause the parser hung before a root cue: "Talks have stalled ... he says"."""
    if dep(q.head) != "root" or not _subjects(q.head):
        return None
    prior = [c for c in children(q.head, "parataxis", "ccomp", "dep") if c.i < q.head.i]
    return q.found(subtree_span(prior[0])) if prior else None


def clause_after_comma(q: ContentQuery) -> Found | None:
    """ "The Post observed, Republicans now control ...": a clause after the comma of an opening cue."""
    doc, sent, cue = q.doc, q.sent, q.cue
    subj_tokens = q.subject_tokens
    lead_in = [t for t in doc[sent.start : cue.start] if t.i not in subj_tokens and not (t.is_punct or t.is_space)]
    if not (
        q.cls in ("speech", "cognition", "prediction")
        and len(lead_in) <= 1  # the cue opens the sentence: not ", officials said, as explosions ..."
        and cue.end < sent.end
        and doc[cue.end].text in (",", ":")
    ):
        return None
    tail = trim(doc[cue.end + 1 : _sentence_end(sent)])
    if (
        len(tail) >= 3
        and any(dep(t) in ("nsubj", "nsubj:pass") for t in tail)
        and any(t.pos_ in ("VERB", "AUX") for t in tail)
    ):
        return q.found(tail)
    return None


def reported_passive_subject(q: ContentQuery) -> Found | None:
    """ "The merger was first reported by the Times": what was reported is the passive subject."""
    passive = child(q.head, "nsubj:pass")
    if passive is not None and q.cls == "speech" and passive.pos_ in ("NOUN", "PROPN"):
        return q.found(subtree_span(passive))
    return None


def stray_that_clause(q: ContentQuery) -> Found | None:
    """ "said during the debate that ...": a "that" clause the parser hung elsewhere."""
    if q.cls not in ("speech", "cognition", "prediction"):
        return None
    for tok in q.doc[q.cue.end : min(q.sent.end, q.cue.end + 12)]:
        if tok.lower_ == "that" and dep(tok) == "mark" and tok.head.i > tok.i:
            span = trim(q.doc[tok.i : _sentence_end(q.sent)])
            return q.found(span) if len(span) >= 3 else None
    return None


def rest_of_clause(q: ContentQuery) -> Found | None:
    """ "appealed to the UN to send aid", "announced his resignation": what follows the verb in its clause."""
    head, cls = q.head, q.cls
    np_verbs = word_set("np_content_verbs.txt")
    if cls not in ("evaluation", "demand", "intention") and base_form(head, np_verbs) not in np_verbs:
        return None
    rest = [c for c in head.children if c.i > head.i and _carries_content(c, cls)]
    if not rest:
        return None
    if cls == "prediction":
        # "predicting gas at $5 a gallon by 2012": what is forecast keeps its measure and its date
        rest += [c for c in head.children if c.i > rest[0].i and dep(c) == "obl"]
    span = trim(q.doc[min(c.left_edge.i for c in rest) : max(c.right_edge.i for c in rest) + 1])
    words = [t for t in span if not t.is_punct]
    if cls in ("demand", "intention"):
        if len(span) >= 3 and any(t.pos_ in ("VERB", "AUX") for t in span):
            return q.found(span)
    elif len(words) >= 2 and not all(t.pos_ == "PRON" or t.is_stop for t in words):
        return q.found(span)
    return None


def _carries_content(c: Token, cls: str) -> bool:
    """A dependent of the cue that belongs to what is said: an object, a complement, "about X", "to do Y"."""
    d = dep(c)
    if d in ("obj", "iobj", "xcomp", "ccomp", "compound:prt"):
        return True
    if d == "advcl":
        return cls in ("demand", "intention") and any(m.lower_ == "to" for m in children(c, "mark"))
    return d == "obl" and not _is_time(c) and any(x.lower_ in ABOUT_CASES for x in children(c, "case"))


def closed_quotation_before(q: ContentQuery) -> Found | None:
    """ "“... is missing.” Smith said.": a quotation that closed its sentence, if the cue has nothing else."""
    closed = [quote for quote, _ in _quotes_before(q) if quote.text.rstrip("\u201d\"' ").endswith(".")]
    if closed and not any(dep(c) in ("obj", "ccomp", "xcomp") for c in q.head.children):
        return [closed[-1]], True
    return None


CONTENT_RULES: tuple[Callable[[ContentQuery], Found | None], ...] = (
    quotation_next_to_cue,
    clausal_complement,
    how_things_look,
    controlled_complement,
    content_noun,
    judged_object,
    spoken_about,
    after_a_colon,
    parenthetical_cue,
    before_a_trailing_cue,
    farther_subject,
    clause_before_root_cue,
    clause_after_comma,
    reported_passive_subject,
    stray_that_clause,
    rest_of_clause,
    closed_quotation_before,
)
"""The content rules of a verb cue, in order: the first that answers decides (``NOTHING`` stops the search)."""


def _verb_content(doc: Doc, head: Token, cue: Span, quotes: list[Span], cls: str) -> Found:
    query = ContentQuery(doc, head, cue, quotes, cls)
    for rule in CONTENT_RULES:
        found = rule(query)
        if found is not None:
            return found
    return NOTHING


ABOUT_CASES = frozenset({"about", "of", "on", "over", "regarding", "as", "to", "for", "against", "with"})


def _is_time(tok: Token) -> bool:
    return tok.lemma_.lower() in word_set("time_words.txt") or tok.ent_type_ == "DATE"


JUDGING_VERBS = frozenset(
    {"see", "view", "regard", "consider", "describe", "deem", "judge", "rate", "rank", "brand", "portray", "cast"}
)


def _judgement(head: Token) -> Token | None:
    """ "see the campaign as unfair", "described the field as very good": the "as" phrase, if any."""
    if head.lemma_.lower() not in JUDGING_VERBS or child(head, "obj") is None:
        return None
    for c in head.children:
        if c.i > head.i and (dep(c) == "xcomp" or any(x.lower_ == "as" for x in children(c, "case", "mark"))):
            return c
    return None


def _sentence_end(sent: Span) -> int:
    end = sent.end
    while end > sent.start and (
        sent.doc[end - 1].is_punct and sent.doc[end - 1].text not in "\u201d\"'" or sent.doc[end - 1].is_space
    ):
        end -= 1
    return end


def _clause_end(head: Token) -> int:
    """The last token of the verb's clause that is not a new clause or final punctuation."""
    end = head.i
    for c in head.children:
        if (
            c.i > head.i
            and dep(c) not in ("conj", "cc", "parataxis")
            and not (dep(c) == "punct" and c.i == c.sent.end - 1)
        ):
            end = max(end, c.right_edge.i)
    return end


def _before_trailing_cue(doc: Doc, head: Token, subs: list[Token]) -> Span | None:
    """ "<clause>, officials said (on condition of anonymity)." : the clause before the comma is the content."""
    if not subs or any(dep(c) in ("ccomp", "xcomp") and c.i > head.i for c in head.children):
        return None
    src = subs[0]
    left = min(src.left_edge.i, head.i)
    lo = left - 1
    while lo >= head.sent.start and doc[lo].is_space:
        lo -= 1
    if lo <= head.sent.start or doc[lo].text not in (",", "\u2014", "\u2013", "-"):
        return None
    span = trim(doc[head.sent.start : lo])
    if len(span) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in span):
        return None
    if dep(span.root) == "advcl" and _opens_with_mark(span):
        return None  # "Even before the war began, experts were predicting ...": when, not what, they said
    return span


def _other_cues(comp: Token) -> list[Token]:
    """Reporting verbs with their own subject coordinated into a complement: separate attributions."""
    verbs = reporting_verbs()
    return [
        c
        for c in comp.subtree
        if c is not comp and dep(c) == "conj" and c.lemma_.lower() in verbs and child(c, "nsubj") is not None
    ]


def _quote_near_sentence(q: Span, sent: Span) -> bool:
    return q.end >= sent.start - 2


def _pieces(doc: Doc, host: Token, own: set[int]) -> list[Span]:
    idx = [t.i for t in host.subtree if t.i not in own]
    if not idx:
        return []
    pieces: list[Span] = []
    run = [idx[0]]
    for i in idx[1:]:
        if i == run[-1] + 1:
            run.append(i)
        else:
            pieces.append(trim(doc[run[0] : run[-1] + 1]))
            run = [i]
    pieces.append(trim(doc[run[0] : run[-1] + 1]))
    return [p for p in pieces if len(p) and any(not t.is_punct for t in p)]


def _is_quoted(span: Span, quotes: list[Span]) -> bool:
    covered = sum(
        min(q.end, span.end) - max(q.start, span.start) for q in quotes if q.start < span.end and span.start < q.end
    )
    return covered >= 0.5 * len(span)


def _subjects(head: Token) -> list[Token]:
    """Subjects of a cue, nearest first (a parse may give "The forces, reports say" two)."""
    subs = [c for c in children(head, "nsubj") if c.pos_ in NOMINAL]
    return sorted(subs, key=lambda c: abs(head.i - c.i))


def _source_token(head: Token) -> Token | None:
    if head.pos_ == "NOUN" and _colon_verb(head):
        return head.doc[head.i - 1]  # "Rashed | cautions: “...”"
    subs = _subjects(head)
    subj = subs[0] if subs else None
    if subj is not None and subj.lower_ not in ("it", "there"):
        return subj
    if child(head, "nsubj:pass") is not None:
        agent = next(
            (c for c in children(head, "obl", "obl:agent") if any(x.lower_ == "by" for x in children(c, "case"))), None
        )
        return agent
    if subj is None and dep(head) == "conj":
        before = _noun_right_before(head)
        if before is not None:
            return before  # "The US is struggling with a deficit and analysts said ...": not the US
    if subj is None and dep(head) in ("xcomp", "advcl", "conj", "acl"):
        found = subject(head)
        if found is not None and found.lower_ not in ("it", "there"):
            return found
    # “...,” said Mehdi Rahmati, an analyst: the speaker right after an inverted verb
    doc = head.doc
    if subj is None and any(t.is_quote for t in doc[max(head.sent.start, head.i - 3) : head.i]):
        nxt = head.i + 1
        while nxt < len(doc) and doc[nxt].pos_ in ("DET", "ADJ") and nxt - head.i < 3:
            nxt += 1
        if nxt < len(doc) and doc[nxt].pos_ in ("PROPN", "NOUN", "PRON") and doc[nxt].sent == head.sent:
            tok = doc[nxt]
            while tok.i + 1 < len(doc) and tok.pos_ == "PROPN" and doc[tok.i + 1].pos_ == "PROPN":
                tok = doc[tok.i + 1]
            return tok
    return None


def _noun_right_before(verb: Token) -> Token | None:
    """A conjoined cue verb's own subject that the parser hung elsewhere: a noun for people right before the verb
    and after "and" ("... a deficit and analysts said"), which cannot be the subject it shares with its head."""
    doc = verb.doc
    if verb.i < 2:
        return None
    noun, cc = doc[verb.i - 1], doc[verb.i - 2]
    if noun.pos_ not in ("NOUN", "PROPN") or cc.lower_ not in ("and", "but", "while") or dep(noun).startswith("nsubj"):
        return None
    return noun if _animate(noun) and noun.head.i != verb.i else None


def _animate(tok: Token) -> bool:
    """Whether a subject can hold a view or an intention: people, groups, countries, not "the offensive"."""
    if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PER", "ORG"):
        return True
    lemma = tok.lemma_.lower()
    return (
        lemma in word_set("person_roles.txt")
        or lemma in word_set("anonymous_sources.txt")
        or lemma in word_set("organizations.txt")
        or lemma in outlet_heads()
        or country_of(tok.text) is not None
        or any(country_of(c.text) for c in tok.children if dep(c) in ("amod", "compound"))
    )


def _source_span(tok: Token | None, cue: Span, content: list[Span]) -> Span | None:
    if tok is None:
        return None
    blocked = {t.i for p in content for t in p} | {t.i for t in cue}
    doc = tok.doc
    idx = [t.i for t in tok.subtree if t.i not in blocked]
    if tok.i in blocked or not idx:
        return None
    lo, hi = tok.i, tok.i
    while lo - 1 >= min(idx) and lo - 1 not in blocked:
        lo -= 1
    while hi + 1 <= max(idx) and hi + 1 not in blocked:
        hi += 1
    span = trim(doc[lo : hi + 1])
    return span if len(span) else doc[tok.i : tok.i + 1]


def _according(doc: Doc, cue: Span) -> Attribution | None:
    src_head = cue[0].head if cue[0].head.i != cue[0].i else None
    if src_head is None or src_head.i < cue.end - 1:
        return None
    source = trim(doc[cue.end : src_head.right_edge.i + 1])
    sent = cue[0].sent
    own = set(range(cue.start, source.end))
    idx = [i for i in range(sent.start, sent.end) if i not in own]
    pieces: list[Span] = []
    run: list[int] = []
    for i in idx:
        if run and i != run[-1] + 1:
            pieces.append(trim(doc[run[0] : run[-1] + 1]))
            run = []
        run.append(i)
    if run:
        pieces.append(trim(doc[run[0] : run[-1] + 1]))
    pieces = [p for p in pieces if len(p) >= 2]
    if not pieces:
        return None
    return Attribution(pieces, cue, "according", source)


def _colon_headlines(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """ "Trump: ‘I’m the Worst Thing That Ever Happened’": a short name, a colon, what the name says."""
    out = []
    taken = {t.i for a in atts for p in a.content for t in p}
    for sent in doc.sents:
        colon = next((t for t in sent[:8] if t.text == ":"), None)
        if colon is None or colon.i == sent.start or colon.i in taken:
            continue
        name = trim(doc[sent.start : colon.i])
        rest = trim(doc[colon.i + 1 : sent.end])
        if not (1 <= len(name) <= 6 and all(t.pos_ in ("PROPN", "NOUN", "ADJ", "DET", "PUNCT", "ADP") for t in name)):
            continue
        # a name: a proper noun, or capitalised words past the start of the line ("Hacker Guccifer: ...")
        if not any(t.pos_ == "PROPN" or (t.text[:1].isupper() and t.i > sent.start) for t in name) and not (
            len(name) == 1 and name[0].text[:1].isupper()
        ):
            continue
        if name.text.lower().rstrip("'s ") in word_set("text_labels.txt"):
            continue  # "Update:", "Editor's note:", "Answer:" label the text, nobody says it
        if any(_is_time(t) for t in name):
            continue  # "PERU, noon ET:": a live blog's time stamp labels the entry
        if len([t for t in rest if not t.is_punct]) < 3 or any(t.i in taken for t in rest):
            continue
        cue = doc[colon.i : colon.i + 1]
        out.append(Attribution([rest], cue, "speech", name, quoted=rest[0].is_quote if len(rest) else False))
    return out


def _headline_cues(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """ "Clinton Says Russians Hacked DNC": in a title-case headline the verb may be read as a name."""
    verbs = reporting_verbs()
    taken = {t.i for a in atts for p in a.content for t in p} | {t.i for a in atts if a.cue is not None for t in a.cue}
    out = []
    for sent in doc.sents:
        words = [t for t in sent if not (t.is_space or t.is_punct)]
        if not (4 <= len(words) <= 20) or sent.text.rstrip().endswith((".", "?")):
            continue
        if sum(w.text[:1].isupper() for w in words) < 0.7 * len(words) or any(t.i in taken for t in sent):
            continue
        for w in words[1:-1]:
            base = w.lower_[:-1] if w.lower_.endswith("s") else w.lower_
            if w.pos_ in ("PROPN", "NOUN") and verbs.get(base) in ("speech", "demand", "prediction", "evaluation"):
                source = trim(doc[sent.start : w.i])
                content = trim(doc[w.i + 1 : sent.end])
                if len(source) and len(content) >= 2:
                    cue = doc[w.i : w.i + 1]
                    out.append(Attribution([content], cue, verbs[base], source, title=True))
                break
    return out


def _drop_overlaps(atts: list[Attribution]) -> list[Attribution]:
    """Keep outermost attributions: one whose cue lies in another's content is nested."""
    keep = []
    for a in atts:
        nested = False
        for b in atts:
            if a is b or a.cue is None or b.cue is None:
                continue
            if any(p.start <= a.cue.start and a.cue.end <= p.end for p in b.content) and not any(
                q.start <= b.cue.start and b.cue.end <= q.end for q in a.content
            ):
                nested = True
                break
        if not nested:
            keep.append(a)
    return keep


def _continuations(doc: Doc, quotes: list[Span], atts: list[Attribution], used: set[int]) -> list[Attribution]:
    """A quotation sentence right after a quoted claim continues it: “...,” said X. “This option is off.”
    (Not after an indirect claim, "X said the reasons were political. “If you file ...”": the attribution stage
    would merge the two into one content of that cue, which PolNeAR's annotators keep apart: -0.005 strict content
    F1 on its dev split.)"""
    out: list[Attribution] = []
    quoted = sorted((a for a in atts if a.quoted), key=lambda a: a.content[-1].end)
    for q in quotes:
        if q.start in used or len(q) < 4:
            continue
        # the opening mark may end the sentence before ("... in the box. "Playing three up ..."): the
        # quotation's sentence is its first word's
        sent = (q[1] if len(q) > 1 and q[0].is_quote else q[0]).sent
        lead = [t for t in doc[sent.start : q.start] if not (t.is_space or t.is_punct)]
        if lead or len(q) < 0.6 * len(sent):
            continue  # only a quotation that makes up its own sentence continues the last one
        prev = [a for a in quoted if a.content[-1].end <= q.start and q.start - a.content[-1].end <= 40]
        if not prev:
            continue
        p = prev[-1]
        out.append(Attribution([q], p.cue, p.cue_class, p.source, quoted=True))
    return out


def _attach_via(doc: Doc, atts: list[Attribution]) -> None:
    """ "as reported by X" names a secondary source for the claims of its sentence."""
    for tok in doc:
        if tok.lower_ in REPORTED_ALSO and tok.pos_ == "VERB" and any(m.lower_ == "as" for m in children(tok, "mark")):
            agent = next(
                (
                    c
                    for c in tok.children
                    if dep(c) in ("obl", "obl:agent") and any(x.lower_ == "by" for x in children(c, "case"))
                ),
                None,
            )
            if agent is None:
                continue
            name = _via_name(agent)
            for a in atts:
                if a.cue is not None and a.cue.sent == tok.sent and a.via is None:
                    a.via = name
                    a.extra["via_span"] = trim(doc[tok.left_edge.i : tok.right_edge.i + 1])


def _via_name(tok: Token) -> str:
    # an acronym in brackets is what readers know the source by: "the Iranian Students' News Agency (ISNA)"
    for c in tok.subtree:
        if dep(c) == "appos" and c.text.isupper() and len(c.text) >= 2:
            return c.text
    span = trim(tok.doc[tok.left_edge.i : tok.right_edge.i + 1])
    text = span.text
    return text[4:] if text.lower().startswith("the ") else text


# --------------------------------------------------------------------------- the author's own claims


UNCITED_QUOTE_MIN = 6
"""A quotation of this many tokens or more is someone's words, cited or not: never the author's claim (a shorter
one may be a phrase the author quotes: a slogan, a title, scare quotes)."""


def author_claims(doc: Doc, atts: list[Attribution], title_end: int, quotes: Sequence[Span] = ()) -> list[Attribution]:
    """Sentences (or their uncited parts) that nobody is cited for, outside quotations: the author's claims."""
    covered: set[int] = set()
    for q in quotes:
        if len(q) >= UNCITED_QUOTE_MIN and q.start_char >= title_end:
            covered.update(range(q.start, q.end))
    for a in atts:
        for p in a.content:
            covered.update(range(p.start, p.end))
        for s in (a.cue, a.source, a.extra.get("via_span"), a.extra.get("cut_span")):
            if isinstance(s, Span):
                covered.update(range(s.start, s.end))
    out: list[Attribution] = []
    for sent in doc.sents:
        text = sent.text.strip()
        if not text or not any(t.is_alpha for t in sent):
            continue
        is_title = sent.start_char < title_end
        runs: list[list[int]] = []
        for t in sent:
            if t.i in covered or t.is_space:
                if runs and runs[-1]:
                    runs.append([])
                continue
            if not runs:
                runs.append([])
            runs[-1].append(t.i)
        for run in runs:
            if not run:
                continue
            span = trim(doc[run[0] : run[-1] + 1])
            if len(span) == 0:
                continue
            words = [t for t in span if not t.is_punct]
            if len(words) < 4 and not (is_title and len(words) >= 3):
                continue
            if not any(is_finite_verb(t) for t in span) and not (is_title and any(t.pos_ == "VERB" for t in span)):
                if not (is_title and _headline_predicate(span)):
                    continue
            for clause in split_clauses(span):
                out.append(Attribution([clause], None, "author", None, title=is_title))
    return out


def _opens_with_mark(span: Span) -> bool:
    """Whether a clause opens with a subordinating word of time, reason or concession ("when", "even before")."""
    words = [t for t in span if not t.is_punct][:2]
    return any(t.lower_ in word_set("adverbial_marks.txt") for t in words)


def _headline_predicate(span: Span) -> bool:
    """Headlines drop auxiliaries and the parser may miss their verb: "Iran Heads For the Exits"."""
    heads = patterns_by_head()

    def verb_head(word: str) -> bool:
        return any(not p.noun for p in heads.get(word, ()))

    return any(verb_head(t.lemma_.lower()) or verb_head(t.lower_.rstrip("s")) for t in span)

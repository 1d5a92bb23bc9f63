"""Which attributions carry a claim, and where their content really ends.

Input: the ``Attribution`` records of the rules and the tagger, as combined.
Output: the same records, less those whose content is no claim, and with
contents cut back where they run into their own cue or source.

A content is no claim when it is

- a noun phrase after a verb that reports only with a clause ("show their
  support", "found a way to"; ``clause_content_verbs.txt``), or the subject of
  a passive cue with no agent ("details ... were not disclosed");
- an indirect question ("announce which format it backs");
- an adverbial clause ("because I am sitting in class", "we are discussing"):
  the reason or time of the cue, not what was said;
- a clause that governs its own cue through a modifier ("If I said something,
  I apologise"), or is followed by a cue in a clause of time or condition ("Comments
  are not pre-screened before they post"): the cue is inside the content's condition
  or time, not its source;
- a page's notice to its reader ("you agree that ...", "please be aware that ...";
  ``reader_address_verbs.txt``);
- the object of a discourse marker ("You know, ...", "I mean, ...");
- a single word that is not quoted ("has yet to be revealed"), or a noun phrase given to someone
  ("denied Elvis his fourth number one");
- a clause that holds its own cue ("the car was found in a car park": the cue is the event itself), or
  what follows a cue whose object is reflexive ("the firm found itself in trouble").

Quotations, headlines and "according to" attributions are kept as they are:
what someone is quoted as saying is a claim whatever its shape.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from claimtrack.lexicon import word_set
from claimtrack.pipeline import QUOTES_KEY
from claimtrack.pipeline.attribution import Attribution
from claimtrack.pipeline.syntax import dep

CUE_OWN_DEPS = frozenset({"obj", "iobj", "obl", "obl:tmod", "obl:npmod", "advmod", "nmod:tmod"})
"""Relations of what a cue verb takes after it that are no part of its content (its audience, place or time)."""
CLAUSE_CUES = frozenset({"speech", "cognition", "prediction"})
"""Cue classes whose content must be a clause (or a quotation) to be a claim."""
CLAUSE_DEPS = frozenset({"nsubj", "nsubj:pass", "csubj", "csubj:pass", "cop", "expl", "aux", "aux:pass"})
WH_WORDS = frozenset({"what", "which", "who", "whom", "whose", "how", "why", "where", "when"})
EMBEDDING = frozenset({"advcl", "csubj"})
"""Relations through which a content's verb can govern a cue that is not its own (its condition, a relative)."""


def sensible(att: Attribution) -> bool:
    """Whether the attribution's content is a claim (see the module docstring)."""
    if att.title or att.cue is None or att.cue_class == "according":
        return True
    tokens = _words(att)
    if not tokens:
        return False
    root = _root(att)
    if _discourse_marker(att.cue):
        return False
    if _addresses_reader(att.cue):
        return False  # "By clicking you agree that ...", "please be aware that ..."
    if att.quoted:
        return True
    cue = att.cue
    inside = att.content[0].start <= cue.start and cue.end <= att.content[-1].end
    # with no one named, a passive cue that heads its content or stands inside it is the event itself: "the car
    # was found in a car park", "firms that have been seen as suitors include ..." ("X, he said, Y" has a source)
    if att.source is None and _passive(cue) and (cue.start <= root.i < cue.end or inside):
        return False
    if _reflexive(cue):
        return False  # "the firm found itself in trouble"
    if _adverbial(root) or att.cue.end <= att.content[0].start and _governs_cue(root, att.cue):
        return False  # "If I said something, I apologise"
    if att.content[-1].end <= att.cue.start and _cue_in_adverbial(att.cue):
        return False  # "Comments are not pre-screened before they post": the cue is the content's time
    if att.cue_class in CLAUSE_CUES or all(t.is_punct for t in att.cue):
        if _indirect_question(root) or any(t.lower_ in WH_WORDS for t in _between(att.cue, att.content[0])):
            return False  # "announced which format it backs", "see what we are looking for"
        if not _clausal(root) and _withholds(att.cue):
            return False  # "denied Elvis his fourth number one": a thing withheld from someone, not a denial
        if not _clausal(root) and not _small_clause(att, root) and _names_a_topic(att.cue, root):
            return False  # "to discuss a fuel tax", "talk about the prisoners"
        needs_clause = _clause_only(att.cue) or all(t.is_punct for t in att.cue)
        if (
            not _clausal(root)
            and not _small_clause(att, root)
            and (needs_clause or att.source is None and _passive(att.cue))
        ):
            return False  # "show their support", "details were not disclosed", "Leeds: Balshaw; Rees, ..."
    return True


def substantial(att: Attribution) -> bool:
    """Whether a content, as trimmed, says more than one word: "has yet to be | revealed", "restored" are
    no claims; a quoted word, a headline and "according to" are kept."""
    if att.title or att.quoted or att.cue is None or att.cue_class == "according":
        return True
    return len(_words(att)) > 1


def _words(att: Attribution) -> list[Token]:
    """The content's words, without punctuation and spaces."""
    return [t for p in att.content for t in p if not (t.is_punct or t.is_space)]


def trimmed(att: Attribution) -> Attribution:
    """The attribution with its content ending before its own cue or source, and before a colon that
    opens a quotation ("said the club was sad: "We are disappointed...")."""
    if att.title:
        return att
    if att.quoted:
        return _before_quote_colon(att)
    own = {t.i for t in att.cue} if att.cue is not None else set()
    if att.source is not None:
        own |= {t.i for t in att.source}
    cue_root = att.cue.root if att.cue is not None else None
    if cue_root is not None and any(p.start <= cue_root.i < p.end for p in att.content):
        # a content that runs over its own cue: what the verb takes after it goes too ("... told | a news conference")
        for c in cue_root.children:
            if c.i > cue_root.i and dep(c) in CUE_OWN_DEPS:
                own |= {t.i for t in c.subtree}
    pieces = []
    source_words = {t.i for t in att.source.root.subtree} if att.source is not None else set()
    for piece in att.content:
        if (
            piece.start in source_words
            or att.cue_class == "according"
            and att.source
            and piece.start > att.source.start
        ):
            continue  # "Y, according to X, a group that studies and translates ...": the rest is the source's
        end = piece.end
        inside = [i for i in range(piece.start + 3, piece.end) if i in own]
        trailing = inside and all(i in own or piece.doc[i].is_punct for i in range(min(inside), piece.end))
        if inside and (trailing or att.cue_class == "according"):
            end = min(inside)  # "Y, according to X, who ...": the content is Y ("Y, reports say, Z" stays whole)
        for tok in piece.doc[piece.start : end]:
            if tok.text == ":" and tok.i + 1 < end and _opens_quote(piece.doc[tok.i + 1]) and tok.i > piece.start:
                end = tok.i
                break
        while end > piece.start and (piece.doc[end - 1].is_punct and piece.doc[end - 1].text in ",;:-\u2013\u2014"):
            end -= 1
        if end > piece.start:
            pieces.append(piece.doc[piece.start : end])
    if not pieces or [(p.start, p.end) for p in pieces] == [(p.start, p.end) for p in att.content]:
        return att
    return replace(att, content=pieces)


def before_cue_conjunct(att: Attribution) -> Attribution:
    """The attribution with each content piece after its cue ending before a second predicate of the cue's
    subject (see ``_cue_conjunct``); quotations and headlines as they are (a quotation inside an indirect
    content is not one: 'warned that "the police can stop it" and called ...')."""
    if att.title or att.cue is None:
        return att
    cue = att.cue.root
    pieces = []
    cut = None
    for piece in att.content:
        quotation = _opens_quote(piece[0])
        end = _cue_conjunct(piece, cue) if cue.i < piece.start and not quotation else piece.end
        if end < piece.end:
            cut = piece.doc[end : piece.end]
        while piece.start + 1 < end < piece.end and piece.doc[end - 1].is_punct:
            end -= 1
        pieces.append(piece.doc[piece.start : end])
    if cut is None:
        return att
    # the second predicate is the cue's subject's, not the writer's: no claim of the author's is made of it
    return replace(att, content=pieces, extra={**att.extra, "cut_span": cut})


def _cue_conjunct(piece: Span, cue: Token) -> int:
    """Where a content ends that ran on into a second predicate of its cue's subject: "warned that the police can
    stop them | and called the efforts ineffective", "announces that he has fired his Cabinet | and acknowledges
    ...". The parser hung the verb from the content's; its finite form is the cue's and not its host's, and it
    has no subject of its own. Returns the piece's end when there is none."""
    tense = cue.morph.get("Tense", [])
    if not tense or "Fin" not in cue.morph.get("VerbForm", []):
        return piece.end
    for tok in piece[1:]:
        host = tok.head
        if (
            dep(tok) == "conj"
            and tok.pos_ == "VERB"
            and host.i >= piece.start
            and tok.morph.get("Tense", []) == tense
            and "Fin" in tok.morph.get("VerbForm", [])
            and (host.morph.get("Tense", []) != tense or "Fin" not in host.morph.get("VerbForm", []))
            and not any(dep(c).startswith("nsubj") for c in tok.children)
        ):
            cc = [c for c in tok.children if dep(c) == "cc" and c.i < tok.i]
            return cc[0].i if cc else tok.i
    return piece.end


def _before_quote_colon(att: Attribution) -> Attribution:
    """A content that opens unquoted and runs on through a colon into a quotation ends at the colon."""
    first = att.content[0]
    if _opens_quote(first[0]):
        return att
    for tok in first[1:]:
        if tok.text == ":" and tok.i + 1 < first.end and _opens_quote(first.doc[tok.i + 1]):
            return replace(att, content=[first.doc[first.start : tok.i]], quoted=False)
    return att


def _root(att: Attribution) -> Token:
    doc = att.content[0].doc
    return doc[att.content[0].start : att.content[-1].end].root


def _clausal(root: Token) -> bool:
    if root.pos_ in ("VERB", "AUX"):
        return True
    return any(dep(c) in CLAUSE_DEPS for c in root.children)


def _adverbial(root: Token) -> bool:
    """A clause opened by "because", "when", "although"...: the cue's reason or time, not its content."""
    marks = [c for c in root.children if dep(c) == "mark" and c.i < root.i]
    return any(m.lower_ in word_set("adverbial_marks.txt") for m in marks)


def _governs_cue(root: Token, cue: Span) -> bool:
    """The content's own verb governs the cue through a modifier: "If you were hurt by what I said, I apologise"."""
    cur = cue.root
    path = []
    while cur.head.i != cur.i and cur.i != root.i:
        path.append(dep(cur))
        cur = cur.head
    return cur.i == root.i and bool(path) and any(d in EMBEDDING for d in path)


def _cue_in_adverbial(cue: Span) -> bool:
    """The cue verb opens a clause with an adverbial mark: "before they post", "if you asked", ", when they were
    to discuss" (a relative "when", "where" or "while" hangs from the verb as an adverb)."""
    marks = word_set("adverbial_marks.txt")
    return any(
        dep(c) == "mark" and c.lower_ in marks or dep(c) == "advmod" and c.lower_ in marks and c.i < cue.root.i
        for c in cue.root.children
    )


def _addresses_reader(cue: Span) -> bool:
    """A page's notice to its reader, outside any quotation: "you agree that ...", "please be aware that"."""
    verb = cue.root
    words = word_set("reader_address_verbs.txt")
    if not any(t.lemma_.lower() in words or t.lower_ in words for t in cue):
        return False
    doc = cue.doc
    if any(q.start <= verb.i < q.end for q in doc.spans.get(QUOTES_KEY, [])):
        return False
    subjects = [c for c in verb.children if dep(c) in ("nsubj", "nsubj:pass")]
    if subjects:
        return subjects[0].lower_ == "you"
    return any(t.lower_ == "please" for t in doc[max(verb.sent.start, verb.i - 3) : verb.i])


def _discourse_marker(cue: Span) -> bool:
    """ "You know, ..." / "I mean, ...": a pronoun, the cue verb and a comma, with no complement of its own."""
    verb = cue.root
    doc = cue.doc
    subj = [c for c in verb.children if dep(c) == "nsubj"]
    if not subj or subj[0].lower_ not in ("you", "i") or len(cue) > 1:
        return False
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    own = [c for c in verb.children if dep(c) in ("ccomp", "obj", "xcomp")]
    return (
        after is not None and after.text in (",", "\u2014", "-") and not own and verb.lemma_.lower() in ("know", "mean")
    )


REFLEXIVES = frozenset({"itself", "himself", "herself", "themselves", "myself", "ourselves", "yourself"})


def _withholds(cue: Span) -> bool:
    """A cue verb with an indirect object and a noun phrase after it gives or withholds a thing ("denied
    Elvis his fourth number one", "told him the news"): no content is asserted."""
    verb = cue.root
    # "said Friday that ...": a day the parser took for an object is no one given anything
    objects = [
        c
        for c in verb.children
        if dep(c) in ("iobj", "obj")
        and c.ent_type_ not in ("DATE", "TIME")
        and c.lower_ not in word_set("time_words.txt")
    ]
    return any(dep(c) == "iobj" for c in objects) or len(objects) >= 2


def _reflexive(cue: Span) -> bool:
    """A cue verb whose object is its own subject and says nothing about it: "found itself under pressure" (but
    "describes himself as an activist" is a claim about himself)."""
    verb = cue.root
    if any(
        t.lower_ == "as" and t.i > verb.i and c.pos_ in ("NOUN", "PROPN", "ADJ")
        for c in verb.children
        for t in c.children
    ):
        return False
    return any(dep(c) == "obj" and c.lower_ in REFLEXIVES for c in verb.children)


def _between(cue: Span, piece: Span) -> Span:
    return cue.doc[cue.end : piece.start] if cue.end <= piece.start else cue.doc[cue.end : cue.end]


def _small_clause(att: Attribution, root: Token) -> bool:
    """ "see the influence of money as a blurring of lines": an object and its predicate, a judgement."""
    heads = {root.i, att.cue.root.i} if att.cue is not None else {root.i}
    return any(
        t.lower_ == "as" and dep(t) in ("case", "mark") and t.head.head.i in heads for p in att.content for t in p
    )


def _clause_only(cue: Span) -> bool:
    return any(t.lemma_.lower() in word_set("clause_content_verbs.txt") for t in cue)


def _names_a_topic(cue: Span, root: Token) -> bool:
    """A verb of talking about something (``topic_verbs.txt``) with a noun phrase that carries no clause of its
    own: "discuss a fuel tax" (but "spoke of Iran's desire to strengthen ..." says what is wanted)."""
    if cue.root.lemma_.lower() not in word_set("topic_verbs.txt"):
        return False
    return not any(dep(c) in ("acl", "ccomp", "xcomp") for c in root.children)  # a relative clause describes the topic


def _passive(cue: Span) -> bool:
    return any(dep(c) == "aux:pass" for t in cue for c in t.children) or any(dep(t) == "aux:pass" for t in cue)


def _indirect_question(root: Token) -> bool:
    """The content opens with a question word that is an argument of its verb: "which format it backs"."""
    first = root.left_edge
    if first.lower_ not in WH_WORDS:
        return False
    return first.head.i == root.i or first.head.head.i == root.i and dep(first) == "det"


def _opens_quote(tok: Token) -> bool:
    return tok.text in ('"', "\u201c", "'", "\u2018")

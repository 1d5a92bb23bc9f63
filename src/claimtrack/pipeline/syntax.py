"""Small helpers over UD dependency parses."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

from claimtrack.lexicon import word_set

ADVERBIAL_MARKS = frozenset(
    {"as", "while", "when", "because", "after", "before", "since", "although", "though", "until", "once"}
)
"""Subordinators of adverbial clauses: such a clause is never what a cue reports, nor in its negation's scope."""
_DETERMINER = re.compile(r"^(the|a|an)\s+", re.I)


def strip_det(text: str) -> str:
    """A phrase without its leading article: "the Iranian regime" -> "Iranian regime"."""
    return _DETERMINER.sub("", text.strip())


def dep(token: Token) -> str:
    return token.dep_.lower()


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if dep(c) in deps]


def child(token: Token, *deps: str) -> Token | None:
    found = children(token, *deps)
    return found[0] if found else None


ADDRESSEE_VERBS = frozenset(
    {
        "urge",
        "appeal",
        "call",
        "ask",
        "request",
        "press",
        "order",
        "demand",
        "tell",
        "force",
        "push",
        "encourage",
        "allow",
        "persuade",
        "pressure",
        "beg",
        "implore",
    }
)


def base_form(tok: Token, lexicon: object = None) -> str:
    """The lemma, or a regular base form the lexicon knows when the lemmatizer slipped ("appealed" -> "appeal")."""
    lemma = tok.lemma_.lower()
    if lexicon is None or lemma in lexicon:  # type: ignore[operator]
        return lemma
    return next((base for base in regular_bases(tok.lower_) if base in lexicon), lemma)  # type: ignore[operator]


REGULAR_ENDINGS = (
    ("ied", "y"),
    ("ies", "y"),
    ("ed", ""),
    ("ed", "e"),
    ("es", ""),
    ("s", ""),
    ("ing", ""),
    ("ing", "e"),
)
"""The regular inflections of English verbs and nouns, and what each leaves of the base form."""


def regular_bases(low: str) -> list[str]:
    """The base forms a regularly inflected word may have, likeliest first: "appealed" -> appeal, appeale;
    a doubled consonant before "-ed" or "-ing" is one ("fuelled" -> fuel, "stopping" -> stop)."""
    out = [low[: -len(end)] + base for end, base in REGULAR_ENDINGS if low.endswith(end) and len(low) > len(end) + 1]
    for end in ("ed", "ing"):
        stem = low[: -len(end)]
        if low.endswith(end) and len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
            out.append(stem[:-1])
    return out


def core_np(head: Token) -> Span:
    """The noun phrase up to its head, without prepositions and trailing modifiers: "the Iranian regime"."""
    doc = head.doc
    keep = {head.i}
    for c in head.children:
        if c.i < head.i and dep(c) in ("compound", "flat", "amod", "det", "nmod:poss", "nummod", "advmod"):
            keep.update(t.i for t in c.subtree)
        if c.i > head.i and dep(c) in ("flat", "compound"):
            keep.update(t.i for t in c.subtree)
    lo, hi = min(keep), max(keep)
    return doc[lo : hi + 1]


def addressee(verb: Token) -> Token | None:
    """Who is asked to act: "urged Iran to leave", "appealed to the US to leave", "called on Iran to"."""
    obj = child(verb, "obj", "iobj")
    if obj is not None:
        return obj
    for preps in (("to",), ("on", "upon")):
        for c in children(verb, "obl"):
            if any(x.lower_ in preps for x in children(c, "case")) and c.pos_ in ("PROPN", "NOUN", "PRON"):
                if preps == ("on", "upon") and verb.lemma_.lower() not in ("call", "press", "prevail"):
                    continue
                return c
    return None


def subject(token: Token) -> Token | None:
    """The subject of ``token``'s clause, looking through xcomp, conj and advcl chains.

    The subject of a demanded action is the one asked to act ("appealed to the
    US to pull out": the US), not the one who asks.
    """
    seen = 0
    cur: Token | None = token
    via = ""  # the relation of the clause climbed from: only a demanded action ("to leave") has the addressee as
    # subject, not a participle ("appealed to the people, saying ...")
    while cur is not None and seen < 6:
        demanded = via == "xcomp" or via == "advcl" and not {"Part", "Ger"} & set(token.morph.get("VerbForm", []))
        if seen and demanded and base_form(cur, ADDRESSEE_VERBS) in ADDRESSEE_VERBS and cur.i != token.i:
            target = addressee(cur)
            if target is not None:
                return target
        subj = child(cur, "nsubj", "nsubj:pass", "csubj")
        if subj is not None and not (subj.lower_ == "that" and dep(cur) == "ccomp"):
            return subj
        if dep(cur) == "xcomp" and cur.head.i != cur.i:
            obj = child(cur.head, "obj", "iobj")
            if obj is not None and obj.i < cur.i:
                return obj  # "expected more companies to leave", "forced Iran to take measures"
        if dep(cur) in ("xcomp", "conj", "advcl", "ccomp", "obl") and cur.head.i != cur.i:
            if dep(cur) == "ccomp" and cur.head.lemma_ not in ("help", "make", "let"):
                return None
            via = dep(cur)
            cur = cur.head
            seen += 1
            continue
        if dep(cur) in ("acl", "acl:relcl") and cur.head.i != cur.i:
            noun = cur.head
            if any(m.lower_ in ("to", "of") for m in children(cur, "mark")):
                # "its plan to withdraw", "dollars to stay", "no intention of stepping down": the owner, or the
                # subject of the clause around the noun
                owner = child(noun, "nmod:poss")
                if owner is not None:
                    return owner
                cur = noun.head if noun.head.i != noun.i else None
                seen += 1
                continue
            return noun
        if dep(cur) in ("obj", "obl", "nsubj", "nmod") and cur.pos_ in ("NOUN", "PROPN") and cur.head.i != cur.i:
            cur = cur.head
            seen += 1
            continue
        return None
    return None


WH_ASKERS = frozenset({"who", "whoever"})
"""Subjects of a rhetorical question: "Who would believe that ...?"."""
GENERIC_ASKERS = frozenset({"anyone", "anybody", "one"})
"""Subjects of a "how could anyone ...?" question."""


def ends_in_question_mark(sent: Span) -> bool:
    return sent.text.rstrip().rstrip("\u201d\"'’ ").endswith("?")


def asks_rhetorically(subj: Token, verb: Token) -> bool:
    """Whether ``subj`` asks a question that expects "nobody": "Who would believe ...?", "How can anyone trust ...?"."""
    if not ends_in_question_mark(verb.sent):
        return False
    low = subj.lower_
    return low in WH_ASKERS or (low in GENERIC_ASKERS and any(c.lower_ == "how" for c in children(verb, "advmod")))


def subtree_span(token: Token, *, exclude: Iterable[Token] = ()) -> Span:
    """The contiguous span of ``token``'s subtree, leaving out the subtrees of ``exclude``."""
    doc = token.doc
    skip: set[int] = set()
    for ex in exclude:
        skip.update(t.i for t in ex.subtree)
    idx = [t.i for t in token.subtree if t.i not in skip]
    if not idx:
        return doc[token.i : token.i + 1]
    start, end = min(idx), max(idx) + 1
    # keep the part around the head when an excluded subtree splits it
    if any(i in skip for i in range(start, end)):
        lo = token.i
        while lo - 1 >= start and lo - 1 not in skip:
            lo -= 1
        hi = token.i + 1
        while hi < end and hi not in skip:
            hi += 1
        start, end = lo, hi
    return trim(doc[start:end])


def trim(span: Span) -> Span:
    """Drop punctuation and conjunctions at the edges (but keep closing quotes and periods)."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (
        doc[start].is_space
        or (doc[start].is_punct and doc[start].text not in "\u201c\"(\u2018'")
        or dep(doc[start]) in ("cc", "mark")
        and doc[start].lower_ in ("and", "but", "or")
    ):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in (",", ";", ":", "-", "\u2013", "\u2014", "(")):
        end -= 1
    return doc[start:end]


def is_finite_verb(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    forms = token.morph.get("VerbForm", [])
    if "Fin" in forms:
        return True
    return any(dep(c) in ("aux", "aux:pass", "cop") for c in token.children)


HONORIFICS = word_set("honorifics.txt") | word_set("person_roles.txt")
HYPHENS = ("-", "\u2011")


def glued(tok: Token) -> bool:
    """A hyphen inside a word, or the part of the word after it: "Non | - | governmental", "Ki | - | moon"."""
    doc = tok.doc
    if tok.text in HYPHENS:
        return not tok.whitespace_ and tok.i > 0 and not doc[tok.i - 1].whitespace_
    return tok.i > 0 and doc[tok.i - 1].text in HYPHENS and not doc[tok.i - 1].whitespace_


"""Titles and honorifics that stand before a name and are not part of it."""


def title_word(tok: Token, rest: list[Token]) -> bool:
    """A word for a person with two names after it is a title: "Guitarist | Brian May" ("Hunter | Biden" is
    a first name, "Robin | Cook" a surname)."""
    return tok.lower_ in word_set("agent_nouns.txt") and sum(t.text[:1].isupper() and t.is_alpha for t in rest) >= 2


def person_name(span: Span) -> list[Token]:
    """The person's name in a source span, without titles: "Major General Mohammad Baqeri" -> Mohammad Baqeri."""
    doc = span.doc
    runs: list[list[Token]] = []
    for tok in span:
        joins = (
            tok.text in ("-", "\u2011")
            and not tok.whitespace_
            or tok.lower_ in ("al", "el", "bin", "ibn", "abu", "van", "von", "de")
        )
        titlecase = (
            tok.pos_ in ("NOUN", "ADJ")
            and tok.text[:1].isupper()
            and tok.i > tok.sent.start
            and bool(runs and runs[-1] and runs[-1][-1].i == tok.i - 1)
        ) or (
            # a first word of a name the tagger read as a noun or verb: "Saad Djebbar", "Downing Street"
            tok.pos_ in ("NOUN", "ADJ", "VERB")
            and tok.text[:1].isupper()
            and tok.lower_ not in HONORIFICS
            and tok.i + 1 < span.end
            and doc[tok.i + 1].pos_ == "PROPN"
            and tok.head.i == tok.i + 1
        )
        after_run = bool(runs and runs[-1] and runs[-1][-1].i == tok.i - 1)
        # the word after a hyphen inside a name, whatever its tag: "Ban Ki-moon", "Abdul-Jalil"
        rest_of_word = after_run and tok.is_alpha and glued(tok)
        if tok.pos_ == "PROPN" or titlecase or rest_of_word or (joins and after_run):
            if runs and runs[-1] and runs[-1][-1].i == tok.i - 1:
                runs[-1].append(tok)
            else:
                runs.append([tok])
    best: list[Token] = []
    for run in runs:
        # a title's own words ("Minister of Defense", "Major General") are not the name
        keep: list[Token] = []
        for n, tok in enumerate(run):
            titled = title_word(tok, run[n + 1 :])  # "Guitarist Brian May", "Affairs Commissioner Joaquin Almunia"
            if tok.lower_ in HONORIFICS or titled or (tok.i > 0 and doc[tok.i - 1].lower_ == "of" and not keep):
                keep = []
                continue
            keep.append(tok)
        while keep and keep[-1].text in ("-",):
            keep.pop()
        while keep and (keep[0].text in HYPHENS or keep[0].i > run[0].i and glued(keep[0])):
            keep = keep[1:]  # "Coalition of Non | -partisan Observers": no name starts inside a word
        if len(keep) >= 2 or (keep and not best) or (keep and span.root in keep and len(best) < 2):
            # a lone name that heads the span beats an earlier lone name: "former England captain Moore"
            if any(t.ent_type_ == "PER" for t in keep) or len(keep) >= 2 or not best or span.root in keep:
                best = keep[-4:]
    return best


def name_tokens(head: Token) -> list[Token]:
    """The proper name around a noun-phrase head: "Amir Hatami", "Abdulrahman al - Rashed"."""
    doc = head.doc
    if head.pos_ != "PROPN":
        return []
    lo = hi = head.i
    while lo - 1 >= 0 and (_name_part(doc[lo - 1], head) or _capitalised_modifier(doc[lo - 1], head)):
        lo -= 1
    while hi + 1 < len(doc) and _name_part(doc[hi + 1], head) and doc[hi + 1].head.i in range(lo, hi + 2):
        hi += 1
    toks = list(doc[lo : hi + 1])
    while toks and not (toks[0].pos_ == "PROPN" or _capitalised_modifier(toks[0], head)):
        toks = toks[1:]
    while toks and not toks[-1].pos_ == "PROPN":
        toks = toks[:-1]
    return with_adjacent_names(toks)


def with_adjacent_names(toks: list[Token], longest: int = 5) -> list[Token]:
    """A name with the capitalised proper nouns right next to it that the parser hung elsewhere:
    "parliamentary speaker Ahmed Fathi | Srour told": words of one name stand side by side, one space apart,
    with no title between them."""
    if not toks:
        return toks
    doc = toks[0].doc
    sent = toks[0].sent

    def joins(tok: Token) -> bool:
        return (
            tok.pos_ == "PROPN"
            and tok.text[:1].isupper()
            and tok.lower_ not in HONORIFICS
            and sent.start <= tok.i < sent.end
            and tok.lower_ not in word_set("time_words.txt")
            and tok.lower_ not in word_set("organizations.txt")  # "Secretary of State | Hillary Clinton"
            and not (tok.i > 0 and doc[tok.i - 1].lower_ == "of")
        )

    lo, hi = toks[0].i, toks[-1].i
    while (
        hi - lo + 1 < longest
        and lo > 0
        and doc[lo - 1].whitespace_ == " "
        and joins(doc[lo - 1])
        and doc[lo - 1].lower_ not in word_set("agent_nouns.txt")  # "Guitarist | Brian May": a title
    ):
        lo -= 1
    while hi - lo + 1 < longest and hi + 1 < len(doc) and doc[hi].whitespace_ == " " and joins(doc[hi + 1]):
        hi += 1
    # a surname joined by a hyphen the entity recogniser stopped at: "James Simpson | -Daniel" (not a party
    # and state after a name: "Ron Paul, R-Texas")
    while (
        hi + 2 < len(doc)
        and len(doc[hi].text) > 1
        and not doc[hi].whitespace_
        and doc[hi + 1].text in HYPHENS
        and not doc[hi + 1].whitespace_
        and doc[hi + 2].is_alpha
        and doc[hi + 2].text[:1].isupper()
    ):
        hi += 2
    return list(doc[lo : hi + 1])


def _capitalised_modifier(tok: Token, head: Token) -> bool:
    """A capitalised word inside a name that the tagger read as a noun or adjective:
    "Palestinian Authority", "Downing Street", "Saad Djebbar"."""
    return (
        tok.i < head.i
        and tok.text[:1].isupper()
        and tok.pos_ in ("ADJ", "NOUN", "VERB", "PROPN")
        and dep(tok) in ("amod", "compound", "flat", "nmod")
        and tok.head.i in range(tok.i + 1, head.i + 1)
        # a title's word is no part of a person's name, but is of an organisation's: "Foreign Ministry"
        and (tok.lower_ not in HONORIFICS or head.lower_ in word_set("organizations.txt"))
    )


def _name_part(tok: Token, head: Token) -> bool:
    if (
        tok.pos_ == "PROPN"
        and dep(tok) in ("compound", "flat", "flat:name", "nsubj", "appos")
        and (tok.head == head or tok.head.head == head or head.head == tok or tok == head)
    ):
        return True
    if tok.text in ("-", "\u2011") and not tok.whitespace_:
        return True
    if (
        tok.lower_ in ("al", "el", "bin", "ibn", "de", "van", "von", "der", "le", "la", "abu")
        and tok.i + 1 < len(tok.doc)
        and tok.doc[tok.i + 1].text in ("-",)
    ):
        return True
    return False


def split_clauses(span: Span) -> list[Span]:
    """Coordinated main clauses with subjects of their own, one span each.

    "X have failed to separate Iran and Syria, so it's unlikely that Iran will leave"
    holds two claims; "they tried but failed" holds one.
    """
    doc = span.doc
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    if not roots:
        return [span]
    root = roots[0]
    cuts = []
    for c in root.children:
        if dep(c) not in ("conj", "parataxis") or c.i <= root.i or not (span.start <= c.i < span.end):
            continue
        # a clause after a comma or semicolon is a claim of its own; one after a dash or colon elaborates
        if dep(c) == "parataxis" and not any(t.text in (",", ";") for t in doc[c.left_edge.i - 1 : c.left_edge.i + 1]):
            continue
        if child(c, "nsubj", "nsubj:pass", "expl", "csubj") is None:
            continue
        if (
            dep(c) == "conj"
            and not children(c, "cc")
            and not any(t.text in (",", ";") for t in doc[c.left_edge.i - 1 : c.left_edge.i + 1])
        ):
            continue
        first = min([c.left_edge.i] + [x.i for x in children(c, "cc")])
        cuts.append(first)
    if not cuts:
        return [span]
    out = []
    start = span.start
    for cut in sorted(cuts):
        piece = trim(doc[start:cut])
        if len([t for t in piece if not t.is_punct]) >= 3:
            out.append(piece)
            start = cut
    last = trim(doc[start : span.end])
    if len([t for t in last if not t.is_punct]) >= 3:
        out.append(last)
    elif out:
        out[-1] = trim(doc[out[-1].start : span.end])
    return out or [span]

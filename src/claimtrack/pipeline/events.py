"""The events and states a claim speaks of, as the parse reads them.

A claim such as "Gadhafi's forces have continued to fight in Misrata despite the
declaration of a cease-fire" speaks of two events: fighting (by Gadhafi's forces,
in Misrata) and a cease-fire. Each becomes an :class:`~claimtrack.models.Event`
mention: the trigger word's lemma, who does it (``subject``), to whom or what
(``object``), its owner for nouns ("rebel hands", "Koussa's resignation"), the
places named with it, a count ("48 martyrs"), and whether the claim asserts,
denies, predicts or intends it.

This stage only reads the parse. What the words mean (their event classes, which
classes exclude each other) is looked up when contradictions are sought, from
tables derived from WordNet (``resources/event_classes.tsv``), so that the
tables can improve without extracting the articles again.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from claimtrack.lexicon import _lines, event_words, hedges, reporting_verbs, word_set
from claimtrack.pipeline.syntax import child, children, core_np, dep, strip_det, subject

PLACE_CASES = frozenset(
    {"in", "into", "from", "of", "at", "near", "around", "on", "outside", "inside", "toward", "towards", "to", "across"}
)
"""Prepositions that introduce where an event happens."""
AGENT_CASES = frozenset({"by", "from"})
"""Prepositions that introduce who does what a noun names: "violence from pro-Gadhafi forces", "a strike by NATO"."""
NO_EVIDENCE = word_set("no_evidence_nouns.txt")
"""Nouns whose "no" denies what they are about: "there was no sign Ghanem had defected"."""
UNDERGOER_NOUNS = frozenset(
    {"capture", "death", "killing", "arrest", "release", "execution", "resignation", "defection", "control"}
)
"""Event nouns whose "of" names what they happen to ("the capture of X", "control of the capital"), not who acts."""
MOTION_INTO = frozenset({"go", "move", "roll", "push", "drive", "march", "storm", "force", "shoot", "fight", "break"})
"""Verbs of motion that, with "into" a place, mean entering it ("tanks rolled into the town")."""
PARTITIVES = frozenset(
    {
        "most",
        "all",
        "part",
        "parts",
        "much",
        "some",
        "rest",
        "half",
        "center",
        "centre",
        "bulk",
        "majority",
        "outskirts",
        "one",
        "another",
        "each",
        "both",
    }
)
"""Heads that stand for what their "of" names: "most of Zawiya", "the center of the city"."""
ORDER_NOUNS = frozenset({"order", "instruction", "directive", "command"})
"""Nouns of command: "orders were issued to the army not to enter": the army is who is to act."""
REQUEST_VERBS = frozenset({"ask", "request", "apply", "seek"})
"""Verbs whose object a subject asks for itself: "he asked for sick leave" is what he means to take."""
MAX_EVENTS = 8
"""At most this many events are kept per claim (the nearest to its main verb first)."""


@cache
def _cue_lemmas() -> frozenset[str]:
    return frozenset(reporting_verbs())


def _phrase(tok: Token | None) -> str | None:
    """A short name for a participant: its core noun phrase, without a leading article."""
    if tok is None:
        return None
    if tok.lower_ in PARTITIVES:
        inner = next((c for c in children(tok, "nmod") if any(x.lower_ == "of" for x in children(c, "case"))), None)
        if inner is not None:
            tok = inner
    if tok.pos_ == "PRON":
        return tok.lower_
    name = _apposed_name(tok)
    if name is not None:
        tok = name
    span = core_np(tok)
    loyal = next((c for c in tok.children if c.i > tok.i and c.lemma_.lower() == "loyal"), None)
    if loyal is not None:  # "forces loyal to Muammar Gaddafi"
        span = tok.doc[span.start : loyal.right_edge.i + 1]
    doc = tok.doc
    end = span.end
    while end + 1 < len(doc) and doc[end].text in ("'", "’") and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2  # "Mo 'tassim": one name, however the tokenizer cut it
    return strip_det(doc[span.start : end].text)[:80] or None


def _apposed_name(tok: Token) -> Token | None:
    """The name a common noun is put beside: "Gaddafi's son Khamis", "his son, Mo'tassim" -> the name."""
    if tok.pos_ == "PROPN":
        return None
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.head.i == tok.head.i and dep(nxt) == dep(tok):
        return nxt  # "Gaddafi's younger son Saif Al-Islam had been captured", parsed as two subjects
    for c in tok.children:
        if (
            c.i > tok.i
            and c.pos_ == "PROPN"
            and dep(c) in ("appos", "flat", "compound", "nmod")
            and not children(c, "case")
        ):
            return c
    for c in children(tok, "nmod"):  # "the death of another of Gaddafi's sons, Khamis"
        found = _apposed_name(c)
        if found is not None and tok.lower_ in PARTITIVES:
            return found
    return None


TIME_WORDS = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|january|february|march|"
    r"april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b",
    re.I,
)


def _time_text(tok: Token) -> str | None:
    """A date said of this event itself: "killed on August 27", "captured on Thursday"."""
    for c in tok.children:
        if dep(c) in ("obl", "obl:tmod", "nmod:tmod", "obl:npmod", "advmod") and c.i > tok.i - 3:
            text = tok.doc[c.left_edge.i : c.right_edge.i + 1].text
            if len(text) <= 40 and TIME_WORDS.search(text):
                return text
    return None


def _lemma(tok: Token) -> str:
    """The lemma, mended where the lemmatizer slipped on a verb the tables know ("defected" -> "defect")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or (lemma, "v") in event_words():
        return lemma
    low = tok.lower_
    for suffix, repl in (("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"), ("s", ""), ("es", "")):
        if low.endswith(suffix) and (low[: -len(suffix)] + repl, "v") in event_words():
            return low[: -len(suffix)] + repl
    return lemma


PARTICLES = frozenset({"down", "out", "off", "up", "back", "away", "over", "in"})


def _particle_after(tok: Token) -> Token | None:
    """A particle parsed as an adverb right after its verb ("stepping down" read as advmod)."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.head.i == tok.i and dep(nxt) == "advmod" and nxt.lower_ in PARTICLES:
        return nxt
    return None


def _trigger(tok: Token, span: Span) -> tuple[str, int, int] | None:
    """The event word at ``tok`` as the tables spell it, with its first and last token; None if it is none.

    Hyphenated words split by the tokenizer ("cease - fire"), particle verbs
    ("pull out", "step down"), verb-object idioms ("open fire") and noun
    compounds ("sick leave", "air strike") are read as one word.
    """
    words = event_words()
    doc = tok.doc
    low = _lemma(tok)
    pos = {"VERB": "v", "NOUN": "n", "PROPN": "n", "ADJ": "a"}.get(tok.pos_)
    if pos is None:
        return None
    # "cease-fire": the tokenizer makes "cease", "-", "fire"
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and tok.i + 2 < span.end:
        joined = f"{tok.lower_}-{doc[tok.i + 2].lower_}"
        for form in (joined, joined.replace("-", ""), f"{tok.lower_}-{_lemma(doc[tok.i + 2])}"):
            if (form, "n") in words or (form, "v") in words:
                return form, tok.i, tok.i + 2
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].i >= span.start:
        joined = f"{doc[tok.i - 2].lower_}-{tok.lower_}"
        if (joined, "n") in words or (joined.replace("-", ""), "n") in words:
            return None  # the first half already stands for the whole
    if pos == "v":
        prt = child(tok, "compound:prt") or _particle_after(tok)
        if prt is not None and (f"{low} {prt.lower_}", "v") in words:
            return f"{low} {prt.lower_}", min(tok.i, prt.i), max(tok.i, prt.i)
        obj = child(tok, "obj")
        if obj is not None and (f"{low} {obj.lower_}", "v") in words:
            return f"{low} {obj.lower_}", tok.i, obj.i
        if low in _cue_lemmas() or low in ("be", "have", "do"):
            return None
        if low in MOTION_INTO and any(c.lower_ == "into" for o in children(tok, "obl") for c in children(o, "case")):
            return "enter", tok.i, tok.i
        return low, tok.i, tok.i
    if pos == "n":
        comp = [c for c in tok.children if dep(c) in ("compound", "amod") and c.i == tok.i - 1]
        if comp and (f"{comp[0].lower_} {low}", "n") in words:
            return f"{comp[0].lower_} {low}", comp[0].i, tok.i
        if dep(tok) in ("compound", "amod") and tok.head.i == tok.i + 1 and (f"{low} {_lemma(tok.head)}", "n") in words:
            return None  # "air" of "air strike": the head stands for both
    if pos == "a" and not _predicative(tok):
        return None  # "live shots", "dead wrong", "free elections": not a state said of anyone
    for form in (low, tok.lower_):
        if (form, pos) in words:
            return form, tok.i, tok.i
    return None


PERSON_HEADS = frozenset({"man", "woman", "person", "people", "prisoner", "hostage", "captive", "citizen", "soldier"})
"""Nouns an attributive state adjective is said of: "a free man"."""


def _predicative(tok: Token) -> bool:
    """An adjective said of someone ("he is dead", "remains free", "a free man"), not a modifier of a thing."""
    if dep(tok) == "amod":
        return tok.head.lemma_.lower() in PERSON_HEADS
    return dep(tok) not in ("advmod", "compound", "nmod", "obl")


SETTLEMENTS = frozenset(
    {"city", "town", "port", "village", "capital", "area", "region", "province", "district", "suburb", "outskirts"}
)
"""Nouns whose "of" names the place: "the besieged coastal city of Misrata"."""


def _named_place(tok: Token) -> Token:
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in SETTLEMENTS:
        named = next((c for c in children(tok, "nmod", "appos") if c.pos_ == "PROPN"), None)
        if named is not None:
            return named
    return tok


def _places(tok: Token) -> list[str]:
    """Proper names of places attached to the trigger or its object: "in Misrata", "entered Zuwara"."""
    out: list[str] = []
    heads = [tok, *children(tok, "obj")]
    for head in heads:
        for c in map(_named_place, head.children):
            case = {x.lower_ for x in children(c, "case")}
            is_place = c.pos_ == "PROPN" and c.lower_ not in word_set("time_words.txt")
            if dep(c) in ("obl", "nmod", "obl:npmod") and case & PLACE_CASES and is_place:
                out.append(_phrase(c) or c.text)
            elif dep(c) == "obj" and head is tok and is_place and c.ent_type_ not in ("PER", "PERSON", "ORG"):
                out.append(_phrase(c) or c.text)
    return list(dict.fromkeys(out))[:3]


def _owner(tok: Token) -> Token | None:
    """Whose a noun's event or state is: "rebel hands", "Koussa's resignation", "under opposition control"."""
    found = child(tok, "nmod:poss")
    if found is not None:
        return found
    for c in tok.children:
        if dep(c) in ("compound", "amod") and c.i < tok.i and (c.pos_ in ("PROPN", "NOUN") or c.ent_type_):
            return c
    return None


@cache
def _number_words() -> dict[str, int]:
    return {word: int(value) for word, value in (line.split("\t") for line in _lines("number_words.tsv"))}


def _number(c: Token) -> int | None:
    """ "48", "1,200", "forty", "two hundred", "forty-eight": the number a count word and its parts make."""
    digits = c.text.replace(",", "")
    if digits.isdigit():
        return int(digits)
    words = [
        w.lower_ for w in sorted([c, *(d for d in c.children if dep(d) in ("compound", "nummod"))], key=lambda t: t.i)
    ]
    total, found = 0, False
    for word in (p for w in words for p in w.split("-")):
        value = _number_words().get(word)
        if value is None:
            continue
        found = True
        total = total * value if value >= 100 and total else total + value
    return total if found else None


def _count(tok: Token | None) -> int | None:
    if tok is None:
        return None
    for c in tok.children:
        if dep(c) == "nummod" and _number(c) is not None:
            return _number(c)
        if dep(c) == "det" and c.lower_ == "no":
            return 0
    return None


def _arguments(tok: Token, trigger_end: int) -> dict:
    """Subject, object, owner and places of one trigger, as short phrases."""
    subj: Token | None = None
    obj: Token | None = None
    owner: Token | None = None
    if tok.pos_ == "VERB":
        found = subject(tok)
        if found is not None and found.lemma_.lower() in ORDER_NOUNS and found.head.i != found.i:
            addressee = next(
                (c for c in children(found.head, "obl") if any(x.lower_ == "to" for x in children(c, "case"))), None
            )
            found = addressee or found
        if found is not None and dep(found) == "nsubj:pass":
            obj = found
            agent = next(
                (c for c in children(tok, "obl", "obl:agent") if any(x.lower_ == "by" for x in children(c, "case"))),
                None,
            )
            subj = agent
        else:
            subj = found
            obj = child(tok, "obj")
            if obj is not None and obj.i <= trigger_end and tok.i < obj.i:
                obj = None  # "open fire": the object is part of the word
    elif tok.pos_ in ("NOUN", "PROPN"):
        owner = _owner(tok)
        subj = child(tok, "nsubj")  # "Gadhafi forces were in control of ...": a copular predicate
        for c in children(tok, "nmod"):
            case = {x.lower_ for x in children(c, "case")}
            if "of" in case and c.pos_ != "PROPN":
                if _lemma(tok) in UNDERGOER_NOUNS:
                    obj = obj or c
                else:
                    subj = subj or c
            elif case & AGENT_CASES:
                subj = subj or c
        if subj is None and dep(tok) in ("obl", "obj") and tok.head.pos_ in ("VERB", "AUX"):
            subj = child(tok.head, "nsubj")  # "Zawiya remained in rebel hands": what the state is of
    elif tok.pos_ == "ADJ":
        subj = child(tok, "nsubj")
        if subj is None and dep(tok) == "amod":
            subj = child(tok.head, "nsubj")
            if subj is None and dep(tok.head) in ("obj", "xcomp") and tok.head.head.i != tok.head.i:
                subj = subject(tok.head.head)  # "he remains a free man"
    return {
        "subject": _phrase(subj),
        "object": _phrase(obj),
        "owner": _phrase(owner),
        "places": _places(tok),
        "count": _count(obj) if obj is not None else _count(tok),
        "time_text": _time_text(tok),
        "_subj": subj,
    }


DENIAL_HEADS = frozenset(
    {"confound", "contradict", "refute", "disprove", "belie", "deny", "dismiss", "reject", "dispute"}
)
"""Governing words that say what they govern is not so: "confounding reports of his capture"."""


def _inflects(word: str, lemmas: frozenset[str]) -> bool:
    """ "belied", "confounding": an inflected form of one of ``lemmas`` (not "believed" for "belie")."""
    return any(word.startswith(w) and word[len(w) :] in ("", "s", "d", "ed", "es", "ing") for w in lemmas)


def _denied_by_head(tok: Token, span: Span) -> bool:
    """ "confounding reports of his capture", "it is unlikely that Iran will leave": a governing word denies."""
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i or not (span.start <= cur.head.i < span.end):
            return False
        below, cur = cur, cur.head
        deniers = [cur, *(c for c in cur.children if dep(c) in ("amod", "acl"))]  # "confounding reports of X"
        if any(_lemma(d) in DENIAL_HEADS or _inflects(d.lower_, DENIAL_HEADS) for d in deniers):
            return True
        if cur.pos_ == "ADJ" and hedges().get(cur.lemma_.lower()) == "negate" and dep(below) in ("ccomp", "csubj"):
            return True
    return False


CONDITIONS = frozenset({"if", "unless", "whether", "until", "once", "provided", "providing"})
ABILITY_HEADS = frozenset({"power", "ability", "capacity", "capability", "able", "capable", "means", "strength"})
"""Heads under which an event is only possible: "he doesn't have the power to fight"."""


def _conditional(tok: Token, span: Span) -> bool:
    cur = tok
    for _ in range(3):
        if any(m.lower_ in CONDITIONS for m in children(cur, "mark")):
            return True
        if cur is not tok and cur.lemma_.lower() in ABILITY_HEADS:
            return True
        if cur.head.i == cur.i or not (span.start <= cur.head.i < span.end):
            return False
        cur = cur.head
    return False


def _under_unfactual_noun(tok: Token, span: Span) -> bool:
    """ "pressure on him to step down", "the proposal that he can remain after quitting": the event is what a
    noun of pressing, planning or hoping is about, not something reported done."""
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i or not (span.start <= cur.head.i < span.end):
            return False
        below, cur = cur, cur.head
        if cur.pos_ == "NOUN" and _lemma(cur) in word_set("non_factive_nouns.txt") and dep(below) != "compound":
            return True
        if cur.pos_ == "NOUN":
            return False
    return False


def _counterfactual(tok: Token) -> bool:
    """ "would have been killed", "could have won": what did not happen."""
    auxes = {c.lower_ for c in tok.children if dep(c) in ("aux", "aux:pass")}
    return bool(auxes & {"would", "could", "might", "should"}) and "have" in auxes


def _ordered(tok: Token) -> bool:
    """ "orders have been issued to the armed forces not to enter": the event is under a noun of command."""
    subj = subject(tok) if tok.pos_ == "VERB" else None
    return subj is not None and subj.lemma_.lower() in ORDER_NOUNS and subj.i < tok.i


def _requested_for_self(tok: Token) -> bool:
    """ "Koussa asked for sick leave": a noun the subject of a request verb asks for."""
    return tok.pos_ == "NOUN" and dep(tok) in ("obl", "obj") and tok.head.lemma_.lower() in REQUEST_VERBS


def _governor(tok: Token, span: Span) -> str | None:
    """The verb (or adjective) that governs an event word within the claim: "declared" for "declared a cease-fire"."""
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i or not (span.start <= cur.head.i < span.end):
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "ADJ"):
            return _lemma(cur)
    return None


def _past(tok: Token) -> bool:
    """A finished event: past tense or perfect, with no "will"/"would" before it."""
    auxes = [c for c in tok.children if dep(c) in ("aux", "aux:pass")]
    if any(a.lower_ in ("will", "would", "'ll", "shall", "wo") for a in auxes):
        return False
    return "Past" in tok.morph.get("Tense", []) or any(a.lemma_.lower() == "have" for a in auxes)


def _denied_by_no(tok: Token, span: Span) -> bool:
    """ "no sign (that) X", "no evidence of X": a governing noun with "no" denies X."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i or not (span.start <= cur.head.i < span.end):
            return False
        cur = cur.head
        if _lemma(cur) in NO_EVIDENCE and any(c.lower_ == "no" for c in children(cur, "det")):
            return True
    return False


def find_events(span: Span, *, blocked: set[int], negated, modality) -> list[dict]:
    """Every event mention of a claim span.

    Args:
        span: the claim's content.
        blocked: token indices of the source and cue, which are not events of the content.
        negated: ``negated(token) -> bool``, whether the claim says the token's event is not so
            (its own negation, and a denying cue).
        modality: ``modality(token) -> str``, as the semantics stage reads it.
    """
    found: list[tuple[int, dict]] = []
    taken: set[int] = set()
    root = span.root
    for tok in span:
        if tok.i in blocked or tok.i in taken or tok.is_punct:
            continue
        trig = _trigger(tok, span)
        if trig is None:
            continue
        word, first, last = trig
        taken.update(range(first, last + 1))
        if tok.pos_ != "VERB" and last > tok.i:
            tok = span.doc[last]  # "cease - fire", "sick leave": the head is the last word
        args = _arguments(tok, last)
        subj_tok = args.pop("_subj")
        if subj_tok is not None and subj_tok.i in blocked:
            args["subject"] = None  # the speaker is not a participant of what is reported
        doc = span.doc
        neg = negated(tok) or _denied_by_no(tok, span) or _denied_by_head(tok, span)
        mood = modality(tok)
        governor = _governor(tok, span)
        if governor in word_set("non_factive_heads.txt") and mood in ("actual", "predicted"):
            mood = "hypothetical"  # "rebels feared an attack", "to prevent an assault"
        if _ordered(tok) or (mood == "demanded" and _requested_for_self(tok)):
            mood = "intended"  # an order to one's forces, a request for oneself: what the side means to do
        if _conditional(tok, span) or _counterfactual(tok) or _under_unfactual_noun(tok, span):
            mood = "hypothetical"  # "whether rebels advance or not", "the power to fight"
        if mood == "predicted" and _past(tok):
            mood = "actual"  # "they are almost certain that Khamis was killed": a hedged report, not a forecast
        depth = 0
        cur = tok
        while cur != root and cur.head.i != cur.i and depth < 10:
            cur, depth = cur.head, depth + 1
        found.append(
            (
                depth,
                {
                    "lemma": word,
                    "pos": {"VERB": "v", "ADJ": "a"}.get(tok.pos_, "n"),
                    "start": doc[first].idx,
                    "end": doc[last].idx + len(doc[last].text),
                    "negated": neg,
                    "modality": mood,
                    "head": governor,
                    **args,
                },
            )
        )
    found.sort(key=lambda pair: (pair[0], pair[1]["start"]))
    return [ev for _, ev in found[:MAX_EVENTS]]

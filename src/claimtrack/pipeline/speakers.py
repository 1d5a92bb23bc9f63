"""From a source as written to a speaker: canonical name, kind and role.

"Tehran" and "the Iranian regime" become Iran (an organisation); "He" becomes
the person last named before it; "Rashed" becomes "Abdulrahman al-Rashed" when
the article named him in full; "diplomatic sources" stays as written, as an
anonymous source.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimtrack.lexicon import country_of, is_outlet_name, nominal_cues, outlet_heads, word_set
from claimtrack.pipeline.syntax import HONORIFICS, core_np, dep, name_tokens, person_name, strip_det

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "it", "them"})
FIRST_PERSON = frozenset({"i", "me", "we", "us", "my", "our"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
UNRESOLVED = "unresolved"


def unresolved(first_person: bool = False) -> dict:
    """A source the text does not let us name: a pronoun with no antecedent, a date, an abstract noun."""
    out: dict = {"name": UNRESOLVED, "kind": UNRESOLVED, "role": None}
    if first_person:
        out["first_person"] = True
    return out


def _is_time(tok: Token) -> bool:
    return tok.lemma_.lower() in word_set("time_words.txt") or tok.ent_type_ in ("DATE", "TIME") or tok.like_num


# nouns of qualities, states and processes ("violence", "evidence", "the damage", "its failure")
ABSTRACT = re.compile(r"(ence|ance|ity|ness|ment|tion|sion|ism|age|ure|ship|dom|hood)$")


def _abstract(tok: Token) -> bool:
    """A common noun that names no one: a document without owner, a time, an abstract quality or event."""
    forms = {tok.lemma_.lower(), tok.lower_, tok.lower_.removesuffix("s")}
    if _is_document(tok) or _is_time(tok):
        return True
    if (
        forms & (word_set("person_roles.txt") | word_set("anonymous_sources.txt") | word_set("organizations.txt"))
        or forms & outlet_heads()
        or tok.ent_type_ in ("PER", "ORG")
        or country_of(tok.text) is not None
        or "Plur" in tok.morph.get("Number", [])
    ):
        return False
    return bool(ABSTRACT.search(tok.lemma_.lower()))


def _is_document(tok: Token) -> bool:
    """A noun for something said or written: "statement", "report", "study" (not who says it)."""
    lemma = tok.lemma_.lower()
    return lemma in word_set("document_nouns.txt") or lemma in nominal_cues()


def _owner(head: Token) -> Token | None:
    """Whose document it is: "the ministry's statement", "a report by the UN", "a statement from Cairo"."""
    for c in head.children:
        if dep(c) == "nmod:poss" and c.lower_ not in ("its", "their", "his", "her"):
            return c
        if dep(c) == "nmod" and any(x.lower_ in ("by", "from", "of") for x in c.children if dep(x) == "case"):
            return c
    return None


def _head(span: Span) -> Token:
    root = span.root
    # "Iranian officials, including X": the root is the group noun
    return root


_strip_det = strip_det


class SpeakerResolver:
    """Resolves the sources of one document, remembering who was named before."""

    def __init__(self, doc: Doc, author: str | None = None) -> None:
        self.doc = doc
        self.author = author
        self.people: list[tuple[int, str]] = []  # (token index, full name)
        self.groups: list[tuple[int, dict]] = []
        self.speakers: list[tuple[int, dict]] = []
        for ent in doc.ents:
            if ent.label_ == "PER":
                toks = person_name(ent) or name_tokens(ent.root) or list(ent)
                name = _join(toks)
                if (
                    name
                    and country_of(name) is None
                    and not is_outlet_name(name)
                    and not any(t.lower_ in word_set("organizations.txt") for t in toks)
                ):
                    self.people.append((toks[0].i, name))
        for tok in doc:
            if (
                tok.pos_ == "PROPN"
                and dep(tok) in ("nsubj", "appos", "nsubj:pass")
                and tok.i not in {i for i, _ in self.people}
            ):
                # "Arsenal manager Arsene Wenger", "Minister Grace Okafor": the title is not the name
                toks = person_name(doc[tok.left_edge.i : tok.i + 1]) or name_tokens(tok)
                if toks and toks[-1].i != tok.i:
                    toks = name_tokens(tok)
                if len(toks) >= 2 and country_of(_join(toks)) is None and not is_outlet_name(_join(toks)):
                    if self._looks_like_person(tok):
                        self.people.append((toks[0].i, _join(toks)))
        self.people.sort()
        roles = word_set("person_roles.txt") | HONORIFICS
        self.titles: list[tuple[int, str, frozenset[str]]] = []  # (token index, full name, its title words)
        for i, name in self.people:
            tok = doc[i]
            words = set()
            j = i - 1
            while j >= 0 and j >= i - 4 and (doc[j].lower_ in roles or doc[j].pos_ in ("PROPN", "ADJ", "NOUN")):
                if doc[j].lower_ in roles or doc[j].lemma_.lower() in roles:
                    words.add(doc[j].lemma_.lower())
                j -= 1
            for c in (tok.head, *tok.head.children) if dep(tok) in ("flat", "compound") else tok.children:
                if dep(c) == "appos":
                    words.update(t.lemma_.lower() for t in c.subtree if t.lemma_.lower() in roles)
            if words:
                self.titles.append((i, name, frozenset(words)))

    def _titled(self, role: str, before: int) -> str | None:
        """The person last named with this title before ``before``: "the minister" after "Minister Grace Okafor"."""
        found = [name for i, name, words in self.titles if i < before and role in words]
        return found[-1] if found else None

    def _prev_sentence_start(self, span: Span) -> int:
        sent = span.sent
        if sent.start == 0:
            return 0
        return self.doc[sent.start - 1].sent.start

    def _looks_like_person(self, tok: Token) -> bool:
        if tok.ent_type_ in ("ORG", "LOC"):
            return False
        return (
            tok.ent_type_ == "PER"
            or any(c.lemma_.lower() in word_set("person_roles.txt") for c in tok.subtree if c.pos_ == "NOUN")
            or tok.ent_type_ == ""
        )

    def full_name(self, name: str, before: int) -> str:
        """Expand a surname to the full name used earlier in the article (or the author's)."""
        if len(name.split()) > 1:
            return name  # "John Howard" is not "Michael Howard"
        last = _surname(name)
        candidates = [
            full for i, full in self.people if i < before and _surname(full) == last and len(full) > len(name)
        ]
        if candidates:
            return candidates[-1]
        if self.author and _surname(self.author) == last:
            return self.author
        return name

    def resolve(self, source: Span | None, at: int) -> dict | None:
        """The speaker for ``source`` (None when there is no source)."""
        if source is None or len(source) == 0:
            return None
        source = _without_cue_words(source)
        head = _head(source)
        low = head.lower_
        if len(source) == 1 and low in FIRST_PERSON:
            return {**unresolved(first_person=True), "mention": source}  # resolved by the quotation's speaker
        if _is_time(head) or head.pos_ == "NUM" or (len(source) == 1 and low in ("one", "this", "that", "these")):
            return {**unresolved(), "mention": source}
        if head.pos_ == "NOUN" and _is_document(head):
            owner = _owner(head)
            if owner is None and "Plur" in head.morph.get("Number", []):
                # "reports say": unnamed reports are an anonymous source
                return {"name": _strip_det(_np_text(head)), "kind": "anonymous", "role": None, "mention": source}
            if owner is None:
                return {**unresolved(), "mention": source}
            found = self.resolve(self.doc[owner.left_edge.i : owner.right_edge.i + 1], at)
            if found is not None:
                found["mention"] = source
            return found
        if len(source) == 1 and low in PERSON_PRONOUNS:
            # the last person quoted in this or the previous sentence, else the last person named
            recent = [(i, s) for i, s in self.speakers if i < source.start and i >= self._prev_sentence_start(source)]
            if recent:
                return {**recent[-1][1], "mention": source}
            person = [full for i, full in self.people if i < source.start]
            if person:
                return {"name": person[-1], "kind": "person", "role": None, "mention": source}
            return {**unresolved(), "mention": source}
        if (
            len(source) == 1
            and low in RELATIVE
            and dep(head.head) in ("acl:relcl", "acl")
            or (len(source) == 1 and low in RELATIVE and head.head.head.i != head.head.i)
        ):
            noun = head.head.head if dep(head.head) in ("acl:relcl", "acl") else head.head
            np = self.doc[noun.left_edge.i : noun.i + 1]
            found = self.resolve(np, at)
            if found:
                found["mention"] = source
            return found
        if len(source) == 1 and low in GROUP_PRONOUNS:
            earlier = [g for i, g in self.groups if i < source.start]
            if earlier:
                return {**earlier[-1], "mention": source}
            return {**unresolved(), "mention": source}
        if head.pos_ == "NOUN" and _definite(source) and head.lemma_.lower() in word_set("person_roles.txt"):
            titled = self._titled(head.lemma_.lower(), source.start)
            if titled is not None:
                return {"name": titled, "kind": "person", "role": _strip_det(_np_text(head)), "mention": source}
        found = self._describe(source, head)
        found["mention"] = source
        if found["kind"] == "person":
            self.speakers.append((source.start, {k: v for k, v in found.items() if k != "mention"}))
        if found["kind"] in ("organization", "outlet", "anonymous"):
            self.groups.append((source.start, {k: v for k, v in found.items() if k != "mention"}))
        return found

    def _describe(self, source: Span, head: Token) -> dict:
        text = source.text.strip()
        lemma = head.lemma_.lower()
        if len(source) == 1 and head.pos_ == "NOUN" and head.text[:1].isupper() and head.i > head.sent.start:
            # a capitalised noun inside a sentence is a name the tagger missed: "..., but Davies admitted"
            known = word_set("person_roles.txt") | word_set("organizations.txt") | word_set("anonymous_sources.txt")
            if not (_abstract(head) or head.lemma_.lower() in known | outlet_heads() or country_of(head.text)):
                return {"name": self.full_name(head.text, source.start), "kind": "person", "role": None}
        if len(source) == 1 and head.pos_ not in ("NOUN", "PROPN", "PRON", "NUM") and head.text[:1].isupper():
            # "COHEN:" in a transcript: a name the tagger read as a verb
            name = head.text.title() if head.text.isupper() else head.text
            return {"name": self.full_name(name, source.start), "kind": "person", "role": None}
        # a role with a name in apposition: "Saeed's uncle, Mohammed Mostafa", "the spokesman, Ali Rezaei"
        if head.pos_ == "NOUN":
            for c in head.children:
                if dep(c) in ("appos", "flat") and c.pos_ == "PROPN" and c.i > head.i:
                    named = person_name(self.doc[c.left_edge.i : c.right_edge.i + 1])
                    # "Saeed's uncle, Mohammed Mostafa"; a surname after a title: "former England captain Moore"
                    enough = len(named) >= 2 or named and head.lemma_.lower() in word_set("person_roles.txt")
                    if enough and country_of(_join(named)) is None and not is_outlet_name(_join(named)):
                        role = _strip_det(self.doc[source.start : head.i + 1].text)
                        return {"name": self.full_name(_join(named), source.start), "kind": "person", "role": role}
        # a group with a named member: "Iranian officials, including parliamentarian Ahmad Naderi"
        for tok in source:
            if tok.lower_ in ("including", "like") or (tok.lower_ == "such" and tok.i + 1 < len(self.doc)):
                rest = self.doc[tok.i + 1 : source.end]
                toks = person_name(rest)
                if len(toks) >= 2 and country_of(_join(toks)) is None:
                    role = self.doc[tok.i + 1 : toks[0].i].text
                    group = _strip_det(self.doc[source.start : tok.i].text.strip(" ,"))
                    return {
                        "name": self.full_name(_join(toks), source.start),
                        "kind": "person",
                        "role": ", ".join(x for x in (_clean_role(role), f"one of {group}") if x),
                    }
        # several speakers: "Iran and Syria"
        conj = [c for c in head.children if dep(c) == "conj"]
        if conj:
            names = [country_of(_np_text(t)) for t in [head, *conj]]
            if all(names):
                return {
                    "name": " and ".join(dict.fromkeys(n for n in names if n)),
                    "kind": "organization",
                    "role": None,
                }
        core = core_np(head)
        country = country_of(core.text)
        if country and head.lemma_.lower() not in word_set("anonymous_sources.txt"):
            return {"name": country, "kind": "organization", "role": None}
        if (
            is_outlet_name(core.text)
            or lemma in outlet_heads()
            and lemma not in ("post", "times", "news", "press")
            or (
                lemma in ("outlet", "outlets", "media", "newspaper", "agency", "channel", "network")
                and head.pos_ == "NOUN"
            )
        ):
            return {"name": _strip_det(text) if head.pos_ == "NOUN" else core.text, "kind": "outlet", "role": None}
        if head.pos_ == "PROPN":
            toks = name_tokens(head) or [head]
            name = _join(toks) or head.text
            if not is_outlet_name(core.text):
                # the name stands before any apposition or relative clause: "X, an analyst", "X, whose visit"
                comma = next((t.i for t in source if t.text == "," and t.i > head.i), source.end)
                person = person_name(self.doc[source.start : max(comma, head.i + 1)])
                if person and country_of(_join(person)) is not None:
                    person = []
                roles = word_set("person_roles.txt")
                titled = any(t.lower_ in HONORIFICS or t.lemma_.lower() in roles for t in source)
                # two or more proper names without an organisation word read as a person; the entity
                # recognizer is only a tie-breaker for a single name
                if (
                    person
                    and not any(t.lower_ in word_set("organizations.txt") for t in person)
                    and (
                        titled
                        or len(person) >= 2
                        or any(t.ent_type_ == "PER" for t in person)
                        or head.ent_type_ not in ("ORG", "LOC")
                    )
                ):
                    return {
                        "name": self.full_name(_join(person), source.start),
                        "kind": "person",
                        "role": _role(source, person),
                    }
            described = _role(source, toks)
            if is_outlet_name(name):
                return {"name": name, "kind": "outlet", "role": described}
            if (
                head.ent_type_ == "ORG"
                or head.ent_type_ == "LOC"
                or any(t.lower_ in word_set("organizations.txt") for t in toks)
            ):
                return {"name": name, "kind": "organization", "role": described}
            return {"name": self.full_name(name, source.start), "kind": "person", "role": described}
        if lemma in word_set("anonymous_sources.txt"):
            return {"name": _strip_det(_np_text(head)), "kind": "anonymous", "role": None}
        if lemma in word_set("organizations.txt"):
            return {"name": _strip_det(_np_text(head)), "kind": "organization", "role": None}
        if lemma in word_set("person_roles.txt"):
            return {"name": _strip_det(_np_text(head)), "kind": "person", "role": _strip_det(_np_text(head))}
        if head.pos_ == "PRON":
            if set(head.morph.get("PronType", [])) & {"Prs", "Dem", "Rel", "Int"}:
                return unresolved()  # "you", "this", "who" with nothing to resolve them to
            return {"name": text, "kind": "anonymous", "role": None}  # "everybody", "many", "some"
        if _abstract(head):
            return unresolved()  # "evidence", "the damage", "violence": nobody says anything
        return {"name": _strip_det(_np_text(head)), "kind": "anonymous", "role": None}


def _definite(source: Span) -> bool:
    return any(t.lower_ in ("the", "this", "that") for t in source[:2])


def _without_cue_words(source: Span) -> Span:
    """ "according to participants" -> "participants": the cue is not part of the speaker."""
    doc = source.doc
    start = source.start
    while start < source.end - 1 and doc[start].lower_ in ("according", "to", "as", "by"):
        start += 1
    return doc[start : source.end]


# a transcript's turn label at the start of a line: "COHEN: Well, ...", "ANDERSON COOPER, CNN HOST: ..."
TURN = re.compile(r"^[ \t]*([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})(?:,[^:\n]{0,80})?:[ \t]", re.M)


def transcript_turns(doc: Doc) -> list[tuple[int, Span]]:
    """``(first token, name)`` of each turn of a transcript, in order (none in ordinary prose).

    A text is a transcript when at least two lines open with an upper-case name and a colon.
    """
    found = []
    for m in TURN.finditer(doc.text):
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if name is not None and not any(t.lower_ in word_set("text_labels.txt") for t in name):
            found.append((name.start, name))
    return found if len(found) >= 2 else []


def turn_speaker(turns: list[tuple[int, Span]], at: int, resolver: SpeakerResolver) -> dict | None:
    """The speaker of the transcript turn that token ``at`` belongs to."""
    before = [name for start, name in turns if start <= at]
    if not before:
        return None
    name = before[-1]
    text = name.text.title() if name.text.isupper() else name.text
    return {"name": resolver.full_name(text, name.start), "kind": "person", "role": None, "mention": name}


def resolve_first_person(claims: list[Span]) -> None:
    """ "I" and "we" in a quotation are its speaker: the claim whose content holds the pronoun, else the
    nearest attributed claim within two sentences whose speaker is named. Otherwise they stay unresolved."""
    named = [c for c in claims if c._.ct_speaker and c._.ct_speaker.get("kind") not in (UNRESOLVED, None)]
    for span in claims:
        found = span._.ct_speaker
        if not found or not found.get("first_person"):
            continue
        mention = found["mention"]
        holder = [c for c in named if c.start <= mention.start < c.end and c is not span]
        if not holder:
            sent = mention.sent
            lo = sent.start
            for _ in range(2):
                lo = span.doc[lo - 1].sent.start if lo > 0 else lo
            holder = sorted(
                (c for c in named if c is not span and lo <= c.start and abs(c.start - mention.start) < 120),
                key=lambda c: abs(c.start - mention.start),
            )
        if holder:
            speaker = {k: v for k, v in holder[0]._.ct_speaker.items() if k != "mention"}
            span._.ct_speaker = {**speaker, "mention": mention}
        else:
            span._.ct_speaker = {k: v for k, v in found.items() if k != "first_person"}


def _np_text(head: Token) -> str:
    """The noun phrase up to its head, plus "of"/"in" modifiers: "Iran's media outlets in Lebanon"."""
    doc = head.doc
    lo = head.left_edge.i
    while lo < head.i and (dep(doc[lo]) in ("case", "mark", "cc", "punct") or doc[lo].lower_ in ("according", "to")):
        lo += 1  # "according to harbour officials": the cue is not the speaker
    hi = head.i
    for c in head.children:
        if (
            c.i > head.i
            and dep(c) in ("nmod", "compound", "flat")
            and not any(x.text == "," for x in doc[head.i : c.i])
        ):
            hi = max(hi, c.right_edge.i)
    span = doc[lo : hi + 1]
    return span.text.strip(" ,")


def _role(source: Span, name: list[Token]) -> str | None:
    doc = source.doc
    parts = []
    if name and name[0].i > source.start:
        parts.append(doc[source.start : name[0].i].text)
    head = name[-1] if name else source.root
    for c in head.head.children if dep(head) in ("flat", "compound") else head.children:
        if dep(c) == "appos" and c.i > head.i:
            parts.append(doc[c.left_edge.i : c.right_edge.i + 1].text)
    role = _clean_role(" ".join(parts))
    return role or None


def _clean_role(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,")
    text = strip_det(text)
    return text


def _join(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text.strip()


def _surname(name: str) -> str:
    words = name.replace("’", "'").split()
    if not words:
        return ""
    last = words[-1].lower()
    return re.sub(r"^(al|el)-", "", last)

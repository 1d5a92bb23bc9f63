"""From a source as written to a speaker: canonical name, kind and role.

"Tehran" and "the Iranian regime" become Iran (an organisation); "He" becomes
the person last named before it; "Rashed" becomes "Abdulrahman al-Rashed" when
the article named him in full; "diplomatic sources" stays as written, as an
anonymous source.
"""

from __future__ import annotations

import calendar
import re

from spacy.tokens import Doc, Span, Token

from claimtrack.lexicon import (
    country_of,
    is_agent_noun,
    is_outlet_name,
    nominal_cues,
    outlet_heads,
    reporting_verbs,
    word_classes,
    word_set,
)
from claimtrack.pipeline import QUOTES_KEY
from claimtrack.pipeline.syntax import (
    HONORIFICS,
    core_np,
    dep,
    glued,
    name_tokens,
    person_name,
    strip_det,
    title_word,
    with_adjacent_names,
)

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "it", "them"})
FIRST_PERSON = frozenset({"i", "me", "we", "us", "my", "our"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
MAX_NESTING = 8
"""How many phrases deep a source may be taken up (an owner's owner, a relative's noun) before it is unresolved."""
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


def _described_as_person(name: Token) -> bool:
    """A name that an apposition or a copula says is one person: "Naguib Sawiris, the richest man in Egypt",
    "Our lead investor is Naguib Sawiris" (``person_nouns.txt``, WordNet's nouns for a person)."""
    persons = word_set("person_nouns.txt")
    described = [c for c in name.children if dep(c) == "appos" and c.pos_ == "NOUN"]
    if any(dep(c) == "cop" for c in name.children):
        described += [c for c in name.children if dep(c) == "nsubj" and c.pos_ == "NOUN"]
    if dep(name) == "appos" and name.head.pos_ == "NOUN":
        described.append(name.head)
    return any(d.lemma_.lower() in persons and "Plur" not in d.morph.get("Number", []) for d in described)


def _salient_subject(tok: Token) -> bool:
    """In subject position for a pronoun to take up: the subject or in it ("young people like Ghonim"), but not
    its owner ("Bridge's injury means Mourinho ...": the injury is the subject, not Bridge)."""
    return _in_subject(tok) and dep(tok) != "nmod:poss"


def _depth(tok: Token) -> int:
    """How many relations lie between a word and the root of its sentence."""
    hops = 0
    while tok.head.i != tok.i and hops < 20:
        tok, hops = tok.head, hops + 1
    return hops


def _relative_that(tok: Token) -> bool:
    """ "a report that showed ...": "that" opening a relative clause takes up the noun before it."""
    return tok.lower_ == "that" and dep(tok).startswith("nsubj") and dep(tok.head) == "acl:relcl"


def _written_work(tok: Token) -> bool:
    """A noun for a work that speaks for itself: "the report", "the ruling" (``resources/written_works.txt``);
    not one that also names an outlet ("the paper", "the post"), which the outlet rules read."""
    lemma = tok.lemma_.lower()
    return lemma in word_set("written_works.txt") and lemma not in outlet_heads()


def _owner(head: Token) -> Token | None:
    """Whose document it is: "the ministry's statement", "a report by the UN", "a statement from Cairo"."""
    for c in head.children:
        if dep(c) == "nmod:poss" and c.lower_ not in ("its", "their", "his", "her"):
            return c
        if dep(c) == "nmod" and any(x.lower_ in ("by", "from") for x in c.children if dep(x) == "case"):
            return c
        if dep(c) == "nmod" and any(x.lower_ == "of" for x in c.children if dep(x) == "case"):
            if c.pos_ == "PROPN" or c.lemma_.lower() in word_set("organizations.txt"):
                return c  # "a report of the UN"; not "a poll of 1,313 people", who were asked
        if dep(c) == "nmod" and any(x.lower_ == "in" for x in c.children if dep(x) == "case"):
            if c.lemma_.lower() in outlet_heads() or is_outlet_name(c.text):
                return c  # "reports in the Hollywood Reporter trade newspaper"
        if dep(c) == "compound" and c.pos_ == "PROPN" and c.i == head.i - 1:
            return c  # "the Gartner report"
    return _participle_agent(head)  # "speeches made by Ofcom"


def _author(work: Token) -> Token | None:
    """Who made a work that is the object of an authoring verb: "the ministry issued a statement" -> "ministry"
    (``resources/authoring_verbs.txt``); not a pronoun, which would need resolving in its own sentence."""
    verb = work.head
    if dep(work) != "obj" or verb.lemma_.lower() not in word_set("authoring_verbs.txt"):
        return None
    subj = next((c for c in verb.children if dep(c) == "nsubj"), None)
    return subj if subj is not None and subj.pos_ in ("PROPN", "NOUN") else None


def _participle_agent(head: Token) -> Token | None:
    """Who a participle after the noun names as its doer: "speeches made by Ofcom" -> "Ofcom"."""
    for c in head.children:
        if dep(c) == "acl" and "Part" in c.morph.get("VerbForm", []):
            for agent in c.children:
                if dep(agent) in ("obl:agent", "obl") and any(x.lower_ == "by" for x in agent.children):
                    return agent
    return None


LINKS = frozenset({"of", "for", "to", "on", "and", "&"})
"""Words that join the parts of one organisation's name: "Group of 20", "Committee to Protect Journalists"."""
FUNCTION_POS = frozenset({"DET", "ADP", "PUNCT", "CCONJ", "PART"})


def _head(span: Span) -> Token:
    """The word a source is named by: its syntactic root ("Iranian officials, including X": the group noun),
    or, where the parse hung the phrase's words on a verb outside it and the root is a function word ("The |
    WSJ reports" read as a noun phrase), its last noun or name."""
    root = span.root
    if root.pos_ in FUNCTION_POS:
        nominal = [t for t in span if t.pos_ in ("NOUN", "PROPN")]
        if nominal:
            return nominal[-1]
    return root


def _one_person(head: Token) -> bool:
    """A singular noun for one person: "a spokesman", "the official" (not "officials", "the crowd")."""
    return (
        head.pos_ == "NOUN"
        and "Plur" not in head.morph.get("Number", [])
        and head.lemma_.lower() in word_set("person_roles.txt") | word_set("anonymous_sources.txt")
    )


def _expletive(source: Span) -> bool:
    """ "There is no doubt that ...": an expletive subject names no one."""
    return len(source) == 1 and (dep(source[0]) == "expl" or source[0].lower_ == "there")


_strip_det = strip_det


class SpeakerResolver:
    """Resolves the sources of one document, remembering who was named before."""

    def __init__(self, doc: Doc, author: str | None = None) -> None:
        self.doc = doc
        self.author = author
        self.people: list[tuple[int, str]] = []  # (token index, full name)
        self.groups: list[tuple[int, dict]] = []
        self.speakers: list[tuple[int, dict]] = []
        self._taking_up = 0  # how deep resolve() is in resolving the phrases a source takes up
        # countries the article names as places: "Egypt" before "Mubarak" in a headline is one, not a first name
        places = {t.lower_ for t in doc if t.ent_type_ != "PER" and t.pos_ == "PROPN" and country_of(t.text)}
        starts = {ent.start for ent in doc.ents if ent.label_ == "PER"}
        for ent in doc.ents:
            if ent.label_ == "PER" and not _before_a_title(ent, starts):
                toks = with_adjacent_names(_entity_name(ent) or person_name(ent) or name_tokens(ent.root) or list(ent))
                toks = _without_country(toks, places)
                name = _join(toks)
                if (
                    name
                    and not (len(toks) == 1 and _is_time(toks[0]))  # "February", not "Theresa May"
                    and country_of(name) is None
                    and not is_outlet_name(name)
                    and not any(t.lower_ in word_set("organizations.txt") for t in toks)
                ):
                    self.people.append((toks[0].i, name))
        for tok in doc:
            if (
                tok.pos_ == "PROPN"
                and (dep(tok) in ("nsubj", "appos", "nsubj:pass") or any(dep(c) == "cop" for c in tok.children))
                and tok.i not in {i for i, _ in self.people}
            ):
                # "Arsenal manager Arsene Wenger", "Minister Grace Okafor": the title is not the name
                toks = person_name(doc[tok.left_edge.i : tok.i + 1]) or name_tokens(tok)
                if toks and toks[-1].i != tok.i:
                    toks = name_tokens(tok)
                toks = _without_country(with_adjacent_names(toks), places)
                honoured = bool(toks) and toks[0].i > 0 and doc[toks[0].i - 1].lower_ in word_set("honorifics.txt")
                while toks and (toks[0].lower_ in HONORIFICS or title_word(toks[0], toks[1:])):
                    honoured = honoured or toks[0].lower_ in word_set("honorifics.txt")
                    toks = toks[1:]  # "Ms Ana Ruiz", "Winger Tomas Okoro": the title is not the name
                if toks and toks[-1].lower_ in word_set("person_roles.txt"):
                    continue  # "Home Secretary": a title, not a name
                # two names, or one after "Mr", "Ms", "Dr": a person ("Mr Campbell then e-mailed ...")
                enough = len(toks) >= 2 or len(toks) == 1 and honoured
                if any(t.lower_ in word_set("organizations.txt") for t in toks):
                    continue  # "Vestland Energy Group has cut ...": an organisation, not a person
                if enough and country_of(_join(toks)) is None and not is_outlet_name(_join(toks)):
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
        self.gender: dict[str, str] = {}  # full name -> "m" / "f", from a title or a pronoun resolved to it
        for i, name in self.people:
            gender = _gender_before(doc, i, i)
            if gender:
                self.gender.setdefault(name, gender)
        self.pronouns: dict[int, str] = {}  # token index of a resolved "he"/"she" -> full name
        # the quotation each quoted token stands in: a name quoted is no antecedent for a pronoun outside
        self.quoted: dict[int, int] = {i: q.start for q in doc.spans.get(QUOTES_KEY, []) for i in range(q.start, q.end)}

    def _titled(self, role: str, before: int) -> str | None:
        """The person last named with this title before ``before``: "the minister" after "Minister Grace Okafor"."""
        found = [name for i, name, words in self.titles if i < before and role in words]
        return found[-1] if found else None

    def _prev_sentence_start(self, span: Span) -> int:
        sent = span.sent
        if sent.start == 0:
            return 0
        return _sentence_before(sent).start

    def _looks_like_person(self, tok: Token) -> bool:
        if _described_as_person(tok) and country_of(tok.text) is None:
            return True  # "Naguib Sawiris, the richest man in Egypt", "Our lead investor is X": whatever the tag
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

    def person_antecedent(self, pron: Token, depth: int = 0) -> str | None:
        """The person "he" or "she" stands for, skipping people of the other sex: a person in subject
        position earlier in its own sentence ("The president ..., insisting that he"); else the last
        person quoted in this or the previous sentence; else, sentence by sentence back for three, the
        person in subject position (or the last one named); else the last person named before."""
        if pron.i in self.pronouns:
            return self.pronouns[pron.i]
        want = "f" if pron.lower_ in ("she", "her") else "m"
        fits = lambda name: self.gender.get(name, want) == want  # noqa: E731
        found = None
        own = [c for c in self._persons_in(pron.sent, pron.i, depth) if c[0] and fits(c[2])]
        if own:
            found = max(own)[2]
        lo = self._prev_sentence_start(self.doc[pron.i : pron.i + 1])
        recent = [
            s["name"] for i, s in self.speakers if lo <= i < pron.i and s["kind"] != UNRESOLVED and fits(s["name"])
        ]
        if found is None and recent:
            found = recent[-1]
        sent = pron.sent
        for _ in range(4 if found is None else 0):
            cands = [c for c in self._persons_in(sent, pron.i, depth) if fits(c[2])]
            # someone unnamed who spoke there ("A UKIP spokesman said ... He argued"), as its subject
            cands += [
                (True, i, s["name"])
                for i, s in self.speakers
                if sent.start <= i < min(sent.end, pron.i) and fits(s["name"]) and self._speaks_outside(i, pron.i)
            ]
            if cands:
                subjects = [c for c in cands if c[0]]
                found = (
                    (min(subjects) if sent.start < pron.sent.start else max(subjects))[2]
                    if subjects
                    else self._most_prominent(cands, earlier=sent.start < pron.sent.start)
                )
                break
            if sent.start == 0:
                break
            sent = _sentence_before(sent)
        if found is None:
            person = [full for i, full in self.people if i < pron.i and fits(full) and self._speaks_outside(i, pron.i)]
            found = person[-1] if person else None
        if found is not None:
            self.pronouns[pron.i] = found
            self.gender.setdefault(found, want)
        return found

    def _most_prominent(self, cands: list[tuple[bool, int, str]], earlier: bool) -> str:
        """With no one in subject position, the person nearest the top of the parse ("means Mourinho, who wants to
        sign Ashley Cole": Mourinho); in the pronoun's own sentence the last one named, as before."""
        if not earlier:
            return max(cands)[2]
        return min(cands, key=lambda c: (_depth(self.doc[c[1]]), c[1]))[2]

    def _persons_in(self, sent: Span, before: int, depth: int) -> list[tuple[bool, int, str]]:
        """(in subject position, token index, full name) of the people a sentence mentions before ``before``:
        by name, by a title named earlier ("the president"), or by a pronoun resolved in turn."""
        out = [
            (_salient_subject(self.doc[i]), i, name)
            for i, name in self.people
            if sent.start <= i < min(sent.end, before) and self._speaks_outside(i, before)
        ]
        roles = word_set("person_roles.txt")
        named_at = {i for i, _ in self.people}
        for tok in self.doc[sent.start : min(sent.end, before)]:
            if not self._speaks_outside(tok.i, before):
                continue
            if tok.pos_ == "PROPN" and tok.i not in named_at and dep(tok) not in ("compound", "flat"):
                full = self.full_name(tok.text, tok.i)
                if full != tok.text:
                    out.append((_salient_subject(tok), tok.i, full))  # "Mourinho" after "Jose Mourinho": him again
                    continue
            if tok.lower_ in PERSON_PRONOUNS and dep(tok).startswith("nsubj") and depth < 3:
                name = self.person_antecedent(tok, depth + 1)
                if name is not None:
                    out.append((True, tok.i, name))
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in roles and dep(tok).startswith("nsubj"):
                if any(c.lower_ == "the" for c in tok.children):
                    titled = self._titled(tok.lemma_.lower(), tok.i)
                    if titled is not None:
                        out.append((True, tok.i, titled))
        return out

    def _speaks_outside(self, i: int, pron: int) -> bool:
        """Whether the word at ``i`` can be taken up by the pronoun at ``pron``: not when it stands in a
        quotation the pronoun is outside ("'... like what Mubarak is doing,' he said": "he" is not Mubarak)."""
        quote = self.quoted.get(i)
        return quote is None or self.quoted.get(pron) == quote

    def group_antecedent(self, pron: Token) -> dict | None:
        """What "they" or "it" stands for: a noun phrase it takes up ("Officials, they said"), else the
        nearest group of people or organisation in subject position of this or the two sentences before,
        else the last group or organisation quoted."""
        for c in pron.head.children:
            if c.i < pron.i and dep(c) in ("dislocated", "nsubj") and c.pos_ in ("NOUN", "PROPN") and c.i != pron.i:
                found = self._describe(self.doc[c.left_edge.i : c.i + 1], c)
                if found["kind"] != UNRESOLVED:
                    return found
        plural = pron.lower_ in ("they", "them")
        lo = self._prev_sentence_start(self.doc[pron.i : pron.i + 1])
        quoted = [g for i, g in self.groups if lo <= i < pron.i and g["kind"] in ("anonymous", "organization")]
        if plural and quoted:
            return quoted[-1]  # "... analysts said X. They have predicted Y": the group just quoted
        if not plural:
            # "A report from X found ... It said": a work that was the subject of the sentence before
            before = self.doc[lo : pron.sent.start]
            works = [t for t in before if dep(t).startswith("nsubj") and t.pos_ == "NOUN" and _written_work(t)]
            if works:
                work = self._resolve(self.doc[_np_start(works[-1]) : works[-1].right_edge.i + 1], works[-1].i)
                if work is not None and work["kind"] != UNRESOLVED:
                    return {k: v for k, v in work.items() if k != "mention"}
            # "it said": the organisation quoted last
            recent = [g for i, g in self.groups if i < pron.i and g["kind"] == "organization"]
            if recent:
                return recent[-1]
        if pron.i >= 2 and self.doc[pron.i - 1].text == "," and _group_like(self.doc[pron.i - 2], plural):
            np = self.doc[pron.i - 2]  # "Israeli officials, they have told us": the phrase the pronoun takes up
            found = self._describe(self.doc[_np_start(np) : np.i + 1], np)
            if found["kind"] != UNRESOLVED:
                return found
        sent = pron.sent
        for _ in range(3):
            cands = []
            for tok in sent:
                if tok.i >= pron.i or tok.pos_ not in ("NOUN", "PROPN") or dep(tok) in ("compound", "flat", "amod"):
                    continue
                if _group_like(tok, plural) and _in_subject(tok):
                    cands.append(tok)
            for tok in reversed(cands):
                found = self._describe(self.doc[_np_start(tok) : tok.i + 1], tok)
                if found["kind"] in ("organization", "anonymous", "outlet"):
                    return found
            if sent.start == 0:
                break
            sent = _sentence_before(sent)
        earlier = [g for i, g in self.groups if i < pron.i]
        return earlier[-1] if earlier else None

    def _introduced(self, head: Token, sentences: int | None = 3) -> str | None:
        """How the article introduced an unnamed role that it now calls "the spokesman": "a Bayern spokesman"
        (within the three sentences before, or ``sentences``, None for all; only a phrase that says more than the
        bare noun)."""
        lo = head.sent.start if sentences is not None else 0
        for _ in range(sentences or 0):
            lo = _sentence_before(self.doc[lo : lo + 1].sent).start if lo > 0 else lo
        for tok in reversed(self.doc[lo : head.i]):
            if (
                tok.pos_ == "NOUN"
                and tok.lemma_.lower() == head.lemma_.lower()
                and not _definite(self.doc[tok.left_edge.i : tok.i + 1])
            ):
                phrase = _strip_det(_np_text(tok))
                return phrase if phrase.lower() != tok.lower_ else None
        return None

    def _earlier_owner(self, head: Token) -> Token | None:
        """The owner of the last document of this kind named before: "the Gartner report" for "the report",
        "the ministry" for "the statement" after "the ministry issued a statement"."""
        for tok in reversed(self.doc[: head.i]):
            if tok.lemma_.lower() == head.lemma_.lower() and tok.pos_ == "NOUN":
                owner = _owner(tok) or _author(tok)
                if owner is not None:
                    return owner
        return None

    def _named_with(self, head: Token) -> str | None:
        """ "the security firm" after "Security firm iDefence" or "iDefence, a security firm": the name the
        article first gave with this noun (not a person's title: "the minister" is found by its title)."""
        if head.lemma_.lower() in word_set("person_roles.txt"):
            return None
        lo = max(0, head.i - 400)
        for tok in reversed(self.doc[lo : head.i]):
            if tok.pos_ != "NOUN" or tok.lemma_.lower() != head.lemma_.lower():
                continue
            after = self.doc[tok.i + 1] if tok.i + 1 < head.i else None
            if after is not None and after.pos_ == "PROPN" and after.text[:1].isalpha() and not after.is_lower:
                toks = name_tokens(after) or [after]  # "Security firm iDefence", "the brewery Inbev"
            elif dep(tok) == "appos" and tok.head.pos_ == "PROPN":
                toks = name_tokens(tok.head) or [tok.head]  # "iDefence, a security firm"
            else:
                toks = _appos_name(tok) or []  # "the security firm, iDefence"
            if toks and country_of(_join(toks)) is None:
                return _join(toks)
        return None

    def _subject_before(self, head: Token) -> str | None:
        """A definite organisation noun takes up the organisation last named as a clause's subject, in its
        sentence or the three before: "Shell has cut its reserves. The company said ..." (not a person, a
        country or a time)."""
        if head.lemma_.lower() not in word_set("organizations.txt") or "Plur" in head.morph.get("Number", []):
            return None
        # a person's full name, or a surname of one, is no organisation; a lone name may be ("Shell", "Labour")
        surnames = {_surname(name) for _, name in self.people if len(name.split()) > 1}
        sent = head.sent
        lo = sent.start
        for _ in range(3):
            if lo == 0:
                break
            lo = _sentence_before(self.doc[lo : lo + 1].sent).start
        for tok in reversed(self.doc[lo : head.i]):
            if tok.pos_ != "PROPN" or dep(tok) not in ("nsubj", "nsubj:pass"):
                continue
            toks = name_tokens(tok) or [tok]
            name = _join(toks)
            person = (
                len(toks) > 1
                and (tok.ent_type_ == "PER" or bool(person_name(self.doc[toks[0].i : toks[-1].i + 1])))
                and not any(t.lower_ in word_set("organizations.txt") for t in toks)  # "Vestland Energy Group"
            )
            if person or _surname(name) in surnames or country_of(name) is not None or _is_time(tok):
                continue
            if self._speaks_outside(tok.i, head.i):
                return organisation_name(tok) or name
        return None

    def _named_before(self, head: Token) -> str | None:
        """ "the alliance" after "the Countryside Alliance": the last proper name with this head word."""
        for tok in reversed(self.doc[: head.i]):
            if tok.lower_ == head.lower_ and tok.pos_ == "PROPN" and tok.text[:1].isupper():
                toks = name_tokens(tok)
                if len(toks) >= 2 and toks[-1].i == tok.i:
                    return _join(toks)
        return None

    def resolve(self, source: Span | None, at: int) -> dict | None:
        """The speaker for ``source`` (None when there is no source), remembered for the pronouns after it: a
        person where the claim is when it comes after its source ("May said: | "These plans ...""), so that
        "she" in the next sentence finds her; a group or organisation where it is named."""
        if source is None or len(source) == 0:
            return None
        if self._taking_up > MAX_NESTING:
            return {**unresolved(), "mention": source}  # a parse whose phrases take each other up in a circle
        self._taking_up += 1
        try:
            found = self._resolve(source, at)
        finally:
            self._taking_up -= 1
        if found is not None:
            plain = {k: v for k, v in found.items() if k != "mention"}
            if found["kind"] == "person":
                self.speakers.append((max(source.start, at), plain))
                words = found["name"].split()
                one_name = len(words) > 1 and all(len(w) > 1 and w[0].isupper() for w in words)
                if one_name and all(n != found["name"] for _, n in self.people):
                    # a person the recognizer missed, named in full as a speaker: later "Ibrahim" is him
                    self.people = sorted([*self.people, (source.start, found["name"])])
                gender = _gender_before(self.doc, source.end, source.start)
                if gender:
                    self.gender.setdefault(found["name"], gender)
            elif found["kind"] in ("organization", "outlet", "anonymous"):
                self.groups.append((source.start, plain))
                if found["kind"] == "anonymous" and _one_person(_head(source)):
                    # "A Labour spokesman criticised ... He said:": "he" can take up someone unnamed
                    self.speakers.append((max(source.start, at), plain))
                    gender = _gender_before(self.doc, source.end, source.start)
                    if gender:
                        self.gender.setdefault(found["name"], gender)
        return found

    def _resolve(self, source: Span, at: int) -> dict | None:
        source = _with_name(_after_based(_modified_noun(_without_cue_words(source))))
        if len(source) > 1 and source[0].lower_ in ("who", "which") and dep(source[0]).startswith("nsubj"):
            source = source[:1]  # "who starred against the French": the relative pronoun is the one who speaks
        if source[0].pos_ == "PROPN" and (whole := with_adjacent_names([source[0]]))[0].i < source.start:
            source = self.doc[whole[0].i : source.end]  # "Mounir Fakhry | Abdel Nour, ...": the name's first words
        held = _holder(source)
        if held is not None:
            holder = self._describe(held, held[-1])
            if holder["kind"] == "anonymous" and not person_name(held):
                # "a spokeswoman for Prime Minister X": unnamed, and known by whom she speaks for
                phrase = _clean_role(self.doc[held.start : source.end].text)
                return {"name": phrase, "kind": "anonymous", "role": None, "mention": source}
            if holder["kind"] != UNRESOLVED:
                rest = self.doc[held.end : source.end].text
                return {**holder, "role": holder.get("role") or _clean_role(rest) or None, "mention": source}
        head = _head(source)
        low = head.lower_
        if head.is_lower and glued(head) and head.i >= 2 and self.doc[head.i - 2].pos_ == "PROPN":
            # "U.N. Secretary General Ban Ki-moon": the name ends in the word after its hyphen, whatever its tag
            hyphened = person_name(source)
            if len(hyphened) >= 3 and hyphened[-1].i == head.i:
                return {
                    "name": self.full_name(_join(hyphened), source.start),
                    "kind": "person",
                    "role": None,
                    "mention": source,
                }
        cut_off = _name_before_title(source, head)
        if cut_off is not None:
            # "Dave Prentis, | general secretary of Unison, said": the name the parser left out of the source
            role = _clean_role(source.text)
            mention = self.doc[cut_off[0].i : source.end]
            return {
                "name": self.full_name(_join(cut_off), source.start),
                "kind": "person",
                "role": role,
                "mention": mention,
            }
        if len(source) == 1 and low in FIRST_PERSON:
            return {**unresolved(first_person=True), "mention": source}  # resolved by the quotation's speaker
        # a capitalised word inside a sentence is a name, whatever the tagger made of it ("However, Rashed ...")
        capitalised = head.pos_ == "PROPN" or head.text[:1].isupper() and not head.is_sent_start and head.is_alpha
        full = self.full_name(head.text, source.start) if len(source) == 1 and capitalised else head.text
        if full != head.text:
            # a surname of someone named in full before, even one that is also a month: "Theresa May ... May said"
            return {"name": full, "kind": "person", "role": None, "mention": source}
        counted = self._counted_group(source)
        if counted is not None:
            return {**counted, "mention": source}
        if head.pos_ == "NUM" and _lettered(head):
            return {"name": head.text, "kind": "organization", "role": None, "mention": source}  # "4Cast", "3M"
        if (
            _is_time(head)
            or head.pos_ == "NUM"
            or (len(source) == 1 and low in ("one", "this", "that", "these") and not _relative_that(head))
        ):
            return {**unresolved(), "mention": source}
        if head.pos_ == "NOUN" and _definite(source) and head.lemma_.lower() in outlet_heads() and len(source) <= 2:
            # "The Guardian reported ... The paper said": the outlet named last
            outlets = [g for i, g in self.groups if i < source.start and g["kind"] == "outlet"]
            if outlets:
                return {**outlets[-1], "mention": source}
        if head.pos_ == "NOUN" and (_is_document(head) or _written_work(head)):
            owner = _owner(head)
            if owner is None and "Plur" in head.morph.get("Number", []):
                # "reports say": unnamed reports are an anonymous source
                return {"name": _strip_det(_np_text(head)), "kind": "anonymous", "role": None, "mention": source}
            if owner is None and _definite(source):
                owner = self._earlier_owner(head)  # "said the report" after "the Gartner report suggests"
            if owner is None and not _definite(source) and any(dep(c) in ("amod", "compound") for c in head.children):
                # "according to a new report", "a U.S. Congressional report": a document no one is named for
                return {"name": _strip_det(_np_text(head)), "kind": "anonymous", "role": None, "mention": source}
            if owner is None and _written_work(head):
                # "The report said", "the measure said": the work speaks as the article named it first
                earlier = self._introduced(head, sentences=None) if _definite(source) else None
                if earlier is not None and earlier.split()[0].lower() in ("its", "their", "his", "her"):
                    earlier = None  # "its report": whose is for the pronoun's own sentence to say
                phrase = earlier or _np_text(head)
                return {"name": _strip_det(phrase), "kind": "anonymous", "role": None, "mention": source}
            if owner is None:
                return {**unresolved(), "mention": source}
            found = self.resolve(self.doc[owner.left_edge.i : owner.right_edge.i + 1], at)
            if (found is None or found["kind"] == UNRESOLVED) and _written_work(head):
                found = {"name": _strip_det(_np_text(head)), "kind": "anonymous", "role": None}
            if found is not None:
                found["mention"] = source
            return found
        if len(source) == 1 and low in PERSON_PRONOUNS:
            name = self.person_antecedent(head)
            if name is None:
                return {**unresolved(), "mention": source}
            spoken = [s for _, s in self.speakers if s["name"] == name]
            return {**(spoken[-1] if spoken else {"name": name, "kind": "person", "role": None}), "mention": source}
        if (
            len(source) == 1
            and low in RELATIVE
            and dep(head.head) in ("acl:relcl", "acl")
            or (len(source) == 1 and low in RELATIVE and head.head.head.i != head.head.i)
        ):
            noun = head.head.head if dep(head.head) in ("acl:relcl", "acl") else head.head
            prev = _before_punct(head)
            if low == "who" and prev is not None and prev.i != noun.i and _nominal(prev):
                noun = prev  # "the politically active -- who see ...": "who" takes up the phrase just before it
            if noun.lower_ in ("those", "others", "anyone", "everyone", "people"):
                # "those who believe that ...": a group known by what the clause says of them
                return {"name": noun.lower_, "kind": "anonymous", "role": None, "mention": source}
            np = self.doc[_np_start(noun) : noun.i + 1]
            if np.start <= head.i < np.end:
                return {**unresolved(), "mention": source}  # the parse hung the relative from itself
            found = self.resolve(np, at)
            if found:
                found["mention"] = source
            return found
        if len(source) == 1 and low in GROUP_PRONOUNS:
            found = self.group_antecedent(head)
            if found is not None:
                return {**found, "mention": source}
            return {**unresolved(), "mention": source}
        if head.pos_ == "NOUN" and _definite(source) and not _is_document(head) and _appos_name(head) is None:
            named = self._named_before(head) or self._named_with(head) or self._subject_before(head)
            if named is not None:
                return {"name": named, "kind": "organization", "role": None, "mention": source}
        if head.pos_ == "NOUN" and _definite(source) and head.lemma_.lower() in word_set("person_roles.txt"):
            titled = self._titled(head.lemma_.lower(), source.start)
            if titled is not None:
                return {"name": titled, "kind": "person", "role": _strip_det(_np_text(head)), "mention": source}
            earlier = self._introduced(head)
            if earlier is not None and len(source) <= 2:
                return {"name": earlier, "kind": "anonymous", "role": None, "mention": source}
        if len(source) == 1 and low in RELATIVE | {"what"}:
            return {**unresolved(), "mention": source}  # "Who would have expected ...": a question, no one
        found = self._describe(source, head)
        found["mention"] = source
        return found

    def _counted_group(self, source: Span) -> dict | None:
        """A group counted or measured rather than named: "more than half of the voters", "65% of those
        questioned", "many thousands of Egyptians" (the group after "of"); "many", "some" alone."""
        words = word_classes("quantity_words.tsv")
        toks = [t for t in source if not t.is_punct]
        if len(toks) == 1 and words.get(toks[0].lower_) == "alone":
            return {"name": toks[0].lower_, "kind": "anonymous", "role": None}
        of = next((t for t in toks if t.lower_ == "of"), None)
        if (
            of is None
            or of.i == source.start
            # "nearly three out of four girls": a share counted out of a number
            or not all(t.lower_ in words or t.like_num or t.lower_ == "out" for t in source[: of.i - source.start])
        ):
            return None
        rest = self.doc[of.i + 1 : source.end]
        if not len(rest):
            return None
        group = rest.root
        if (
            group.lower_ == "those"
            or group.lemma_.lower() in word_set("agent_nouns.txt") | word_set("anonymous_sources.txt")
            or ("Plur" in group.morph.get("Number", []) and group.pos_ in ("NOUN", "PROPN"))
        ):
            return {"name": _strip_det(source.text.strip(" ,")), "kind": "anonymous", "role": None}
        return None

    def _title_then_name(self, source: Span, head: Token) -> dict | None:
        """A title, then the person's name set off by commas, wherever the parse hung it: "The Shadow
        Secretary of State for the Family, Theresa May," (not "a spokesman for President X": no comma)."""
        if head.lemma_.lower() not in word_set("person_roles.txt") and head.lower_ not in word_set("person_roles.txt"):
            return None
        for tok in source:
            if tok.text == "," and tok.i > head.i and tok.i + 1 < source.end:
                rest = self.doc[tok.i + 1 : source.end]
                named = person_name(rest)
                if len(named) >= 2 and named[0].i == tok.i + 1 and country_of(_join(named)) is None:
                    if not any(t.lower_ in word_set("organizations.txt") for t in named):
                        role = _strip_det(self.doc[source.start : tok.i].text)
                        return {"name": self.full_name(_join(named), source.start), "kind": "person", "role": role}
                break
        return None

    def _name_then_title(self, source: Span, head: Token) -> dict | None:
        """A person's name, then the title set off by a comma, where the parse made the title the head: "Parul
        Jain, deputy chief economist at a bank," is Parul Jain (not "the economist")."""
        roles = word_set("person_roles.txt")
        if head.lemma_.lower() not in roles and head.lower_ not in roles:
            return None
        comma = next((t for t in source if t.text == "," and t.i < head.i), None)
        if comma is None or comma.i == source.start:
            return None
        before = self.doc[source.start : comma.i]
        named = person_name(before)
        whole = [t for t in before if not t.is_punct and t.pos_ != "DET"]
        if not named or [t.i for t in named] != [t.i for t in whole] or country_of(_join(named)) is not None:
            return None  # "Last year, the minister": what stands before the comma is not a name alone
        if len(named) < 2 and not any(t.ent_type_ == "PER" for t in named):
            return None
        if any(t.lower_ in word_set("organizations.txt") for t in named) or is_outlet_name(_join(named)):
            return None
        role = _clean_role(self.doc[comma.i + 1 : source.end].text)
        return {"name": self.full_name(_join(named), source.start), "kind": "person", "role": role or None}

    def _role_and_name(self, head: Token) -> dict | None:
        """A title whose name the parser conjoined to it: "GM chairman and chief executive Rick Wagoner"."""
        if head.lemma_.lower() not in word_set("person_roles.txt"):
            return None
        for c in head.children:
            if dep(c) != "conj" or c.pos_ != "PROPN" or c.i < head.i:
                continue
            between = self.doc[head.i + 1 : c.i]
            if any(t.pos_ in ("DET", "PRON", "PROPN", "VERB") for t in between):
                return None  # "the minister and the envoy", "the mayor and Ann Lee": two people
            named = person_name(self.doc[c.i : c.right_edge.i + 1])
            if len(named) >= 2:
                role = _strip_det(self.doc[head.left_edge.i : named[0].i].text.strip(" ,"))
                return {"name": self.full_name(_join(named), head.i), "kind": "person", "role": role}
        return None

    def _conjoined_people(self, head: Token, source: Span) -> dict | None:
        """Two or more people named together: "Mubarak and Suleiman" -> "Hosni Mubarak and Omar Suleiman"."""
        conj = [c for c in head.children if dep(c) == "conj" and source.start <= c.i < source.end]
        if (
            not conj
            or head.pos_ != "PROPN"
            or any(c.pos_ not in ("PROPN", "NOUN") or not c.text[:1].isupper() for c in conj)
        ):
            return None
        names = []
        for tok in (head, *conj):
            toks = name_tokens(tok) or [tok]
            name = self.full_name(_join(toks), source.start)
            if country_of(name) is not None or is_outlet_name(name) or tok.ent_type_ in ("ORG", "LOC"):
                return None
            names.append(name)
        if not any(len(n.split()) >= 2 for n in names):
            return None  # "Lutz and Brandsma" are people when the article names one of them in full
        return {"name": " and ".join(names), "kind": "person", "role": None}

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
        # a role with a name in apposition: "Saeed's uncle, Mohammed Mostafa", "the spokesman, Ali Rezaei",
        # "The Shadow Secretary of State, Theresa May" (a title the tagger read as a name)
        if head.pos_ == "NOUN" or head.pos_ == "PROPN" and head.lower_ in word_set("person_roles.txt"):
            for c in head.children:
                if dep(c) in ("appos", "flat") and c.pos_ == "PROPN" and c.i > head.i:
                    named = with_adjacent_names(person_name(self.doc[c.left_edge.i : c.right_edge.i + 1]))
                    # "Saeed's uncle, Mohammed Mostafa"; a surname after a title: "former England captain Moore"
                    enough = len(named) >= 2 or named and head.lemma_.lower() in word_set("person_roles.txt")
                    if enough and country_of(_join(named)) is None and not is_outlet_name(_join(named)):
                        role = _strip_det(self.doc[source.start : head.i + 1].text)
                        return {"name": self.full_name(_join(named), source.start), "kind": "person", "role": role}
        title_named = self._title_then_name(source, head) or self._name_then_title(source, head)
        if title_named is not None:
            return title_named
        org = organisation_name(head)
        whole = _org_entity(head, source) if org is not None else None
        if org is not None and whole is not None and _join(whole).startswith(org) and len(_join(whole)) > len(org):
            org = _join(whole)  # the parse cut the name short where the entity recogniser did not
        if org is not None:
            return {"name": org, "kind": "organization", "role": None}
        if head.pos_ == "NOUN":
            named_org = _appos_name(head)
            if named_org is not None and len(person_name(self.doc[named_org[0].i : named_org[-1].i + 1])) < 2:
                kind = "outlet" if lemma in outlet_heads() else "organization"
                return {"name": _join(named_org), "kind": kind, "role": _strip_det(_np_text(head))}
        named_role = self._role_and_name(head)
        if named_role is not None:
            return named_role
        people = self._conjoined_people(head, source) or _conjoined_organisations(head, source)
        if people is not None:
            return people
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
        if is_outlet_name(core.text) or lemma in outlet_heads() and lemma not in ("post", "times", "news", "press"):
            # the capitalised words before the medium's noun, whatever the tagger made of them ("Dispatch")
            def in_name(t: Token) -> bool:
                # (not an adjective: "the Spanish media" is no paper called "Spanish")
                return t.pos_ == "PROPN" or t.text[:1].isupper() and t.pos_ == "NOUN" and not t.is_sent_start

            named = [t for t in core if in_name(t) and t.i < head.i]
            if len(named) == 1 and country_of(named[0].text) is not None:
                named = []  # "the Portuguese media": a country's media, no paper's name
            if head.pos_ == "NOUN" and named and all(in_name(t) for t in self.doc[named[0].i : named[-1].i + 1]):
                # "The Columbus Dispatch newspaper", "the Hollywood Reporter trade paper": the paper's name
                return {"name": _join(named), "kind": "outlet", "role": head.lower_}
            return {"name": _strip_det(text) if head.pos_ == "NOUN" else core.text, "kind": "outlet", "role": None}
        if head.pos_ == "PROPN":
            toks = name_tokens(head) or [head]
            if len(toks) == 1 and self.full_name(head.text, source.start) != head.text:
                # a surname alone, of someone named in full before, is that person whatever the tagger says
                return {"name": self.full_name(head.text, source.start), "kind": "person", "role": _role(source, toks)}
            name = _join(toks) or head.text
            whole = _org_entity(head, source)
            if whole is not None and len(whole) > len(toks) and any(t.lower_ in LINKS for t in whole[1:-1]):
                return {"name": _join(whole), "kind": "organization", "role": None}  # "the Group of 20"
            if not is_outlet_name(core.text):
                # the name stands before any apposition or relative clause: "X, an analyst", "X, whose visit"
                comma = next((t.i for t in source if t.text == "," and t.i > head.i), source.end)
                person = person_name(self.doc[source.start : max(comma, head.i + 1)])
                if person and country_of(_join(person)) is not None:
                    person = []
                if person:
                    person = with_adjacent_names(person)  # the source cut a name in two: "Ahmed Fathi | Srour told"
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
                    person = _across_break(person)
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
            # a role with no name is no one in particular: "economists", "a doctor", "the official"
            return {"name": _strip_det(_np_text(head)), "kind": "anonymous", "role": None}
        if head.pos_ == "PRON":
            if set(head.morph.get("PronType", [])) & {"Prs", "Dem", "Rel", "Int"}:
                return unresolved()  # "you", "this", "who" with nothing to resolve them to
            return {"name": text, "kind": "anonymous", "role": None}  # "everybody", "many", "some"
        agent = _participle_agent(head)
        if agent is not None and lemma not in word_set("agent_nouns.txt"):
            # "an investigation commissioned by Shell": a body of work someone is named for speaks as written
            return {
                "name": _strip_det(self.doc[source.start : agent.right_edge.i + 1].text),
                "kind": "anonymous",
                "role": None,
            }
        if _abstract(head):
            return unresolved()  # "evidence", "the damage", "violence": nobody says anything
        if is_agent_noun(lemma) or is_agent_noun(head.lower_):
            return {"name": _strip_det(_np_text(head)), "kind": "anonymous", "role": None}  # "the crowd", "teachers"
        if head.pos_ == "ADJ" and any(dep(c) == "det" and c.lower_ == "the" for c in head.children):
            return {"name": _strip_det(_np_text(head)), "kind": "anonymous", "role": None}  # "the politically active"
        if _described(head):
            return {"name": _strip_det(_np_text(head)), "kind": "anonymous", "role": None}  # "the US regulator"
        if head.text[:1].isupper():
            named = with_adjacent_names([head])
            if len(named) >= 2 and any(t.ent_type_ == "PER" for t in named):
                # a first name the tagger read as a noun: "Marta | Kowalczyk, an analyst,"
                return {"name": self.full_name(_join(named), source.start), "kind": "person", "role": None}
            return {"name": _strip_det(_np_text(head)), "kind": "anonymous", "role": None}  # a name as a noun
        return unresolved()  # "the world", "the approach": no one who could say anything


def organisation_name(head: Token) -> str | None:
    """The whole name of an organisation whose own name word says what it is, with its "of"/"for" phrase and
    its owner: "the Algerian League for Human Rights", "the US Trade Representative's Office", "Bank of England"."""
    if head.pos_ != "PROPN" or head.lower_ not in word_set("organizations.txt"):
        return None
    doc = head.doc
    toks = name_tokens(head) or [head]
    lo, hi = toks[0].i, toks[-1].i
    for c in head.children:
        if (
            dep(c) == "nmod"
            and c.i > hi
            and any(x.lower_ in ("of", "for", "on") for x in c.children if dep(x) == "case")
        ):
            sub = doc[c.left_edge.i : c.right_edge.i + 1]
            if all(t.text[:1].isupper() or t.lower_ in ("of", "for", "on", "and", "the", "&") or glued(t) for t in sub):
                hi = max(hi, sub.end - 1)
        if dep(c) == "nmod:poss" and c.pos_ == "PROPN" and c.i < lo:
            owner = name_tokens(c) or [c]
            lo = min(lo, owner[0].i)
    if hi == toks[-1].i and lo == toks[0].i and len(toks) < 2:
        return None  # "Office", "the Party" alone: no name
    return doc[lo : hi + 1].text.strip()


def _conjoined_organisations(head: Token, source: Span) -> dict | None:
    """Organisations named together, as written: "Paramount, Universal and Warner Brothers" (one of them
    known as an organisation, the others proper names too)."""
    conj = [c for c in head.children if dep(c) == "conj" and source.start <= c.i < source.end]
    members = [head, *conj]
    if not conj or any(t.pos_ != "PROPN" or not t.text[:1].isupper() for t in members):
        return None
    if not any(t.ent_type_ == "ORG" or t.lower_ in word_set("organizations.txt") for t in members):
        return None
    first, last = members[0], members[-1]
    lo = (name_tokens(first) or [first])[0].i
    hi = (name_tokens(last) or [last])[-1].i
    return {"name": source.doc[lo : hi + 1].text, "kind": "organization", "role": None}


def _lettered(tok: Token) -> bool:
    """A "number" written with capital letters in it is a name: "4Cast", "3M" (not "1990s", "2m")."""
    text = tok.text
    return any(c.isdigit() for c in text) and any(c.isupper() for c in text)


def _org_entity(head: Token, source: Span) -> list[Token] | None:
    """The organisation entity a name word heads, where it says more than the word's own name and lies
    inside the source: "the Group of 20", "the Committee to Protect Journalists" (no leading article)."""
    if head.ent_type_ != "ORG":
        return None
    ent = next((e for e in head.sent.ents if e.start <= head.i < e.end), None)
    if ent is None or ent.label_ != "ORG" or ent.start < source.start or ent.end > source.end:
        return None
    toks = [t for t in ent if not (t.i == ent.start and t.pos_ == "DET")]
    # each word capitalised, a function word, punctuation, or the rest of a hyphenated word ("Non-governmental")
    if (
        not toks
        or toks[-1].is_punct
        or not all(t.text[:1].isupper() or not t.is_alpha or t.is_stop or glued(t) for t in toks)
    ):
        return None
    return toks


def _described(head: Token) -> bool:
    """A common noun described by where it is from or based, with an article: "the US regulator", "the
    Leuven-based brewery", "the Egyptian carrier". Someone the writer identifies without naming."""
    if head.pos_ != "NOUN" or _abstract(head) or not any(dep(c) == "det" for c in head.children):
        return False
    for c in head.children:
        if c.i > head.i:
            continue
        if dep(c) == "compound" and c.pos_ == "PROPN" and (country_of(c.text) or c.ent_type_ in ("LOC", "ORG")):
            return True
        if dep(c) == "amod" and (country_of(c.text) or c.lower_ == "based" or c.lower_.endswith("-based")):
            return True
    return False


def _appos_name(head: Token) -> list[Token] | None:
    """The proper name in apposition to a common noun: "the official Palestinian news agency, Wafa",
    "consultancy 7Point" (a name right after the noun)."""
    for c in head.children:
        # (a capitalised "noun" before a flat name is a first name: "Marta | Kowalczyk")
        flat = dep(c) == "flat" and c.i == head.i + 1 and head.is_lower
        if c.pos_ == "PROPN" and (dep(c) == "appos" and c.i > head.i or flat):
            toks = name_tokens(c) or [c]
            if country_of(_join(toks)) is None:
                return toks
    return None


def _gender_before(doc: Doc, end: int, name_start: int) -> str | None:
    """ "m" or "f" from a gendered title in a source or in the noun phrase before a name: "Mr", "spokeswoman for
    women Sandra Gidley" (tokens before ``end``, back to six before ``name_start``, not over a comma or a line)."""
    gendered = word_classes("gendered_words.tsv")
    j = end - 1
    while j >= max(0, name_start - 6):
        tok = doc[j]
        if tok.lower_ in gendered:
            return gendered[tok.lower_]
        if j == name_start - 1 and tok.text == "," and j > 0 and doc[j - 1].lower_ in gendered:
            return gendered[doc[j - 1].lower_]  # "Her father, George, ...": the noun set before the name
        if j < name_start and (tok.text in (",", ";", ":") or "\n" in tok.whitespace_ or tok.pos_ in ("VERB", "AUX")):
            return None
        j -= 1
    return None


def _sentence_before(sent: Span) -> Span:
    """The sentence before ``sent``, over the "sentences" of no word that a paragraph break or a stray quotation
    mark makes (``sent`` itself when none)."""
    doc = sent.doc
    cur = sent
    while cur.start > 0:
        cur = doc[cur.start - 1].sent
        if any(t.is_alpha for t in cur):
            return cur
    return cur if cur.start < sent.start else sent


def _before_punct(tok: Token) -> Token | None:
    """The nearest word before ``tok`` in its sentence, over punctuation ("the active -- who")."""
    i = tok.i - 1
    while i >= tok.sent.start and tok.doc[i].is_punct:
        i -= 1
    return tok.doc[i] if i >= tok.sent.start else None


def _nominal(tok: Token) -> bool:
    """A noun, a name, or an adjective used as a noun ("the politically active")."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return True
    return tok.pos_ == "ADJ" and any(dep(c) == "det" for c in tok.children)


def _across_break(toks: list[Token]) -> list[Token]:
    """A name the sentence splitter cut in two ("... director Quentin" / "Tarantino said"): the
    capitalised name word that ends the sentence before, with no punctuation, belongs to it."""
    if not toks:
        return toks
    first = toks[0]
    doc = first.doc
    if first.i == first.sent.start and first.i > 0:
        prev = doc[first.i - 1]
        if prev.pos_ in ("PROPN", "NOUN") and prev.text[:1].isupper() and prev.lower_ not in HONORIFICS:
            if "\n" not in prev.whitespace_ and not _is_time(prev) and country_of(prev.text) is None:
                return [prev, *toks]
    return toks


def _with_name(source: Span) -> Span:
    """The source with the name that follows its title: "Bank of England deputy governor" + "Rachel Lomax"."""
    doc = source.doc
    roles = word_set("person_roles.txt")
    end = source.end
    if source[-1].lemma_.lower() in roles or source[-1].lower_ in HONORIFICS:
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
    return doc[source.start : end]


def _holder(source: Span) -> Span | None:
    """The person a source's organisation is attached to: "(Kirsten Pfeifer) from the Electronics
    Association", "(a spokeswoman) for Prime Minister X": the phrase before "from"/"for"/"of"/"at"."""
    doc = source.doc
    lo = min(source.start, _np_start(source.root))
    while lo > 0 and (
        doc[lo - 1].lower_ in HONORIFICS or doc[lo - 1].pos_ in ("PROPN", "ADJ") and doc[lo - 1].text[:1].isupper()
    ):
        lo -= 1  # the title before the name: "a spokesman for | Foreign Minister | Ines Duarte"
    if lo < 2 or doc[lo - 1].lower_ not in ("for", "from", "of", "at") or doc[lo - 2].pos_ not in ("NOUN", "PROPN"):
        return None
    prev = doc[lo - 2]
    lemma = prev.lemma_.lower()
    person = prev.ent_type_ == "PER" or lemma in word_set("person_roles.txt") | word_set("anonymous_sources.txt")
    # a name the recognizer missed, with the organisation hanging from it: "Kirsten Pfeifer from the Association"
    named = prev.pos_ == "PROPN" and source.root.head.i == prev.i and prev.ent_type_ not in ("ORG", "LOC")
    if not (person or named) or country_of(prev.text) is not None:
        return None
    i = prev.i
    while i - 1 >= prev.sent.start and doc[i - 1].pos_ in ("DET", "ADJ", "PROPN", "NOUN") and not doc[i - 1].is_punct:
        i -= 1
    return doc[i : prev.i + 1]


def _entity_name(ent: Span) -> list[Token]:
    """A person entity's name without the titles before it: "Arsenal manager Arsene Wenger" -> Arsene Wenger."""
    toks = list(ent)
    titles = [
        k
        for k, t in enumerate(toks[:-1])
        if t.lower_ in HONORIFICS or t.lemma_.lower() in HONORIFICS or title_word(t, toks[k + 1 :])
    ]
    if titles:
        toks = toks[titles[-1] + 1 :]  # "Venezuelan President Hugo Chavez": the name after the last title word
    while toks and (toks[0].lower_ in HONORIFICS or not toks[0].text[:1].isupper()):
        toks = toks[1:]
    return toks if len(toks) >= 2 and all(t.text[:1].isupper() or t.text in ("-", "'") for t in toks) else []


def _name_before_title(source: Span, head: Token) -> list[Token] | None:
    """The person's name that opens the sentence just before a source that is a title alone, set off by a
    comma ("Dave Prentis, | general secretary of Unison, said ..."), where the parse cut the two apart."""
    doc = source.doc
    if source.start < 3 or doc[source.start - 1].text != "," or head.pos_ != "NOUN":
        return None
    if head.lemma_.lower() not in word_set("person_roles.txt") | word_set("agent_nouns.txt"):
        return None
    lo = source.start - 1
    while lo > 0 and source.start - 1 - lo < 4 and doc[lo - 1].is_alpha and doc[lo - 1].text[:1].isupper():
        lo -= 1  # the capitalised words before the comma, back to where the sentence or line starts
    opens = lo == 0 or doc[lo - 1].is_space or doc[lo - 1].text in (".", "!", "?", '"', "\u201d", ":")
    named = person_name(doc[lo : source.start - 1]) if opens else []
    if len(named) < 2 or [t.i for t in named] != list(range(lo, source.start - 1)):
        return None
    if country_of(_join(named)) is not None or is_outlet_name(_join(named)):
        return None
    return named


def _before_a_title(ent: Span, starts: set[int]) -> bool:
    """A "name" the recogniser saw in the words of a title before a person's name: "Ex-Home | Secretary | David
    Blunkett" (the title word, then a person's name, follow it)."""
    doc = ent.doc
    return (
        ent.end + 1 < len(doc)
        and doc[ent.end].lower_ in word_set("person_roles.txt")
        and (ent.end + 1 in starts or doc[ent.end + 1].ent_type_ == "PER")
    )


def _in_subject(tok: Token) -> bool:
    """Whether the token is a clause's subject or stands inside one ("young people like Ghonim built ...")."""
    cur = tok
    for _ in range(6):
        if dep(cur).startswith("nsubj"):
            return True
        if cur.head.i == cur.i or dep(cur) in ("acl:relcl", "acl", "ccomp", "advcl", "parataxis", "obj", "obl"):
            return False
        cur = cur.head
    return False


def _group_like(tok: Token, plural: bool) -> bool:
    """A noun that can stand for "they"/"it": people, a group or an organisation (plural for "they"
    unless it is an organisation, which British English also calls "they")."""
    lemma = tok.lemma_.lower()
    org = tok.ent_type_ == "ORG" or lemma in word_set("organizations.txt") or country_of(tok.text) is not None
    people = is_agent_noun(lemma) or lemma in word_set("anonymous_sources.txt")
    is_plural = "Plur" in tok.morph.get("Number", [])
    if plural:
        return org or people and is_plural
    return org and not is_plural


def _np_start(head: Token) -> int:
    lo = head.left_edge.i
    while lo < head.i and (
        dep(head.doc[lo]) in ("case", "punct", "cc", "mark") or head.doc[lo].is_punct or head.doc[lo].lower_ == "that"
    ):
        lo += 1
    return lo


def _definite(source: Span) -> bool:
    return any(t.lower_ in ("the", "this", "that") for t in source[:2])


def _without_cue_words(source: Span) -> Span:
    """ "according to participants" -> "participants": the cue is not part of the speaker."""
    doc = source.doc
    start = source.start
    while start < source.end - 1 and doc[start].lower_ in ("according", "to", "as", "by", "in", "from"):
        start += 1
    return doc[start : source.end]


def _without_country(toks: list[Token], places: set[str]) -> list[Token]:
    """A name without the country written before it, where the article names that country as a place too:
    "Egypt | Mubarak" in a headline is Mubarak; "Jordan Henderson" keeps his first name."""
    while len(toks) > 1 and toks[0].lower_ in places:
        toks = toks[1:]
    return toks


def _modified_noun(source: Span) -> Span:
    """A source that is only a word modifying a title ("said Arts | minister Estelle Morris") stands for the
    whole phrase of the title it modifies."""
    if len(source) != 1 or dep(source[0]) != "compound":
        return source
    head = source[0].head
    if head.i <= source[0].i or head.lemma_.lower() not in word_set("person_roles.txt"):
        return source
    return source.doc[source.start : head.right_edge.i + 1]


def _after_based(source: Span) -> Span:
    """ "San Francisco-based Twitter": where it is based is no part of its name."""
    doc = source.doc
    for tok in source:
        if tok.lower_ == "based" and tok.i > source.start and doc[tok.i - 1].text == "-" and tok.i + 1 < source.end:
            # the name follows ("Oslo-based Nordfjord Shipping"); "X, a London-based firm" keeps X
            return doc[tok.i + 1 : source.end] if doc[tok.i + 1].pos_ == "PROPN" else source
    return source


# a transcript's turn label at the start of a line: "COHEN: Well, ...", "ANDERSON COOPER, CNN HOST: ...",
# "GHONIM (via phone): ..." (how the speaker is heard, in brackets)
TURN = re.compile(
    r"^[ \t]*([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})(?:,[^:\n]{0,80})?(?: \([^)\n]{1,40}\))?:[ \t]", re.M
)


def transcript_turns(doc: Doc) -> list[tuple[int, Span]]:
    """``(first token, name)`` of each turn of a transcript, in order (none in ordinary prose).

    A text is a transcript when at least two lines open with an upper-case name and a colon.
    """
    found = []
    for m in TURN.finditer(doc.text):
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if (
            name is not None
            and not any(t.lower_ in word_set("text_labels.txt") for t in name)
            and country_of(name.text.title()) is None  # "LIBYA, noon ET:": a live blog's section, not a turn
        ):
            found.append((name.start, name))
    return found if len(found) >= 2 else []


def turn_speaker(turns: list[tuple[int, Span]], at: int, resolver: SpeakerResolver) -> dict | None:
    """The speaker of the transcript turn that token ``at`` belongs to."""
    before = [name for start, name in turns if start <= at]
    if not before:
        return None
    name = before[-1]
    if is_outlet_name(name.text):
        return {"name": name.text, "kind": "outlet", "role": None, "mention": name}  # "CNN:", not "Cnn"
    text = name.text.title() if name.text.isupper() else name.text
    return {"name": resolver.full_name(text, name.start), "kind": "person", "role": None, "mention": name}


def cue_source(cue: Span, content: list[Span], cue_class: str | None = None) -> tuple[Span | None, bool]:
    """The source of a cue the attribution left without one: ``(span, impersonal)``.

    The cue verb's subject, or that of the verb it hangs from ("Protesters waved, calling on them to
    join", "Demonstrators marched and called on him to go"), or the noun a participle modifies; the
    agent of a passive ("was reported by MSNBC"), and none for an impersonal passive ("It is said
    that ...", impersonal is then True); the subject after the verb ("..., said the union").
    """
    verb = cue.root
    doc = cue.doc
    if cue_class == "evidential" and any(p.start <= verb.i < p.end for p in content):
        return None, False  # "X appears to have won": how things look to the writer; X is what it is said of
    if verb.pos_ not in ("VERB", "AUX"):
        return None, False
    inside = {t.i for piece in content for t in piece}
    start, end = min(p.start for p in content), max(p.end for p in content)

    def np(tok: Token) -> Span | None:
        if tok.i in inside:
            return None
        lo, hi = _np_start(tok), tok.right_edge.i + 1
        span = doc[lo:hi]
        return span if not any(t.i in inside for t in span) else doc[lo : tok.i + 1]

    if any(dep(c) == "aux:pass" for c in verb.children):
        agent = [c for c in verb.children if dep(c) == "obl" and any(x.lower_ == "by" for x in c.children)]
        if agent:
            return np(agent[0]), False
        # "it is said that", "was told": no one named; "is expected to" stays the writer's forecast
        expletive = any(c.lower_ == "it" and dep(c).startswith(("nsubj", "expl")) for c in verb.children)
        return None, expletive or cue_class in ("speech", "cognition")
    cur = verb
    for _ in range(4):
        # the clause a participle hangs from may be passive: "Some were caught, screaming that ..."
        subjects = ("nsubj", "expl") if cur.i == verb.i else ("nsubj", "expl", "nsubj:pass")
        subj = [c for c in cur.children if dep(c) in subjects and c.i not in inside]
        if subj and subj[0].lower_ == "there":
            return None, False  # "there is no doubt that": nobody is named, the writer says it
        if subj:
            if (
                subj[0].lower_ == "it"
                and cur.i == verb.i
                and start > verb.i
                and not _reported_pronoun(verb)
                and not _agentive(verb)
            ):
                # "it emerged that ...": nobody is named; "it seems that ...": the writer's own hedged claim
                return None, cue_class != "evidential"
            return np(subj[0]), False
        if dep(cur) in ("conj", "xcomp", "advcl") and cur.head.i != cur.i:
            cur = cur.head
        elif dep(cur) == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
            clause_subject = _subject_over_comma(cur)
            if clause_subject is not None and clause_subject.i not in inside:
                return np(clause_subject), False
            return np(cur.head) if cur.head.i not in inside else None, False
        else:
            break
    if end <= verb.i:
        after = [
            c for c in verb.children if c.i > verb.i and dep(c) in ("obj", "ccomp") and c.pos_ in ("PROPN", "NOUN")
        ]
        if after and not _is_time(after[0]):
            return np(after[0]), False  # "..., said Band Aid": the parser took the subject for an object
    return None, False


def _agentive(verb: Token) -> bool:
    """ "However, it said that ...": a verb of saying or thinking in the list has someone doing it, so its
    "it" is a pronoun for an organisation named before, not the empty subject of "it emerged that"."""
    lemma = verb.lemma_.lower()
    return reporting_verbs().get(lemma) in ("speech", "cognition", "prediction", "demand") and (
        lemma not in word_set("impersonal_cues.txt")
    )


def _reported_pronoun(verb: Token) -> bool:
    """ "The company said it now believed ...": "it" as the subject of a cue that is itself what a named
    subject says is that subject taken up again, not "it emerged that"."""
    if dep(verb) != "ccomp":
        return False
    return any(dep(c) == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.head.children)


def _subject_over_comma(participle: Token) -> Token | None:
    """ "Mubarak appealed to the people, saying that ...": a participle set off by a comma speaks for the subject of
    the clause, even where the parser hung it from the noun before it (an object or oblique of that clause)."""
    doc = participle.doc
    noun = participle.head
    if participle.i == 0 or doc[participle.i - 1].text != "," or dep(noun) not in ("obj", "obl", "iobj"):
        return None
    return next((c for c in noun.head.children if dep(c) == "nsubj" and c.i < noun.i), None)


def _someone(found: dict | None) -> dict | None:
    return found if found is not None and found["kind"] != UNRESOLVED else None


def resolve_speakers(doc: Doc, claims: list[Span]) -> list[Span]:
    """Set ``span._.ct_speaker`` on each claim; return the claims that keep their place.

    A cue whose source the attribution did not find (or found inside the content) takes
    :func:`cue_source`; an impersonal one ("it is said") is unresolved. In a transcript, what
    is not cited is said by the one whose turn it is. An intention no one can be named as holding
    ("those who wanted to ...", "squibs were intended to ...") is no claim and is dropped.
    """
    resolver = SpeakerResolver(doc)
    for span in claims:
        source, cue = span._.ct_source, span._.ct_cue
        pieces = span._.ct_pieces or [span]
        if (
            source is not None
            and cue is not None
            and any(p.start <= source.start and source.end <= p.end for p in pieces)
        ):
            source = None  # a "source" inside its own content: "insisting that he would"
        if (
            source is not None
            and all(_is_time(t) or t.is_punct or t.pos_ == "ADP" for t in source)
            and not any(resolver.full_name(t.text, t.i) != t.text for t in source)
        ):
            source = None  # "said Sunday": a date is no source; the cue's subject is
        if source is not None and _expletive(source):
            source = None  # "There is no doubt that ...": the writer's (or the speaker whose turn it is)
        impersonal = False
        if source is None and cue is not None and span._.ct_cue_class not in ("according", "author"):
            source, impersonal = cue_source(cue, pieces, span._.ct_cue_class)
            found = resolver.resolve(source, span.start)
            # a subject the attribution did not take must be someone: "the approach saw X score" is the writer's
            span._.ct_speaker = {**unresolved(), "mention": cue} if impersonal else _someone(found)
        else:
            span._.ct_speaker = resolver.resolve(source, span.start)
    turns = transcript_turns(doc)
    labels = {name.start for _, name in turns}
    for span in claims if turns else []:
        # in a transcript, what is not cited is said by the one whose turn it is, and so are "I" and "you"
        speaker, source = span._.ct_speaker, span._.ct_source
        if (
            speaker is None
            or speaker.get("first_person")
            or speaker["kind"] == "unresolved"
            and speaker["mention"].text.lower() == "you"
            or source is not None
            and source.start in labels
        ):
            turn = turn_speaker(turns, span.start, resolver)
            if turn is not None and speaker is not None and speaker.get("mention") is not None:
                turn["mention"] = speaker["mention"]  # "I" stays the mention as written
            span._.ct_speaker = turn or speaker
    resolve_first_person(claims)
    return [
        s
        for s in claims
        if not (s._.ct_cue_class == "intention" and s._.ct_speaker and s._.ct_speaker["kind"] == UNRESOLVED)
    ]


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
        quoted = any(q.start <= mention.start < q.end for q in span.doc.spans.get(QUOTES_KEY, []))
        if not holder and not quoted and span.doc.user_data.get("claimtrack_bylined"):
            # "I think ..." in the prose of a bylined article is its writer (an op-ed); without a byline it
            # is more often a quotation whose marks were lost, said by the speaker named around it
            span._.ct_speaker = {**found, "writer": True}
            continue
        if not holder:
            sent = mention.sent
            lo = sent.start
            for _ in range(2):
                lo = span.doc[lo - 1].sent.start if lo > 0 else lo
            # a speaker named nearby, not a crowd: "Everyone agrees ... I think" is no one's quotation
            kinds = ("person",) if mention.text.lower() in ("i", "me", "my") else ("person", "organization")
            holder = sorted(
                (
                    c
                    for c in named
                    if c is not span
                    and lo <= c.start
                    and abs(c.start - mention.start) < 120
                    and c._.ct_speaker["kind"] in kinds
                ),
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
    while lo < head.i and (
        dep(doc[lo]) in ("case", "mark", "cc", "punct")
        or doc[lo].lower_ in ("according", "to")
        or doc[lo].pos_ == "SCONJ"
    ):
        lo += 1  # "according to harbour officials": the cue is not the speaker
    for i in range(head.i - 1, lo - 1, -1):
        cut = doc[i].text in (",", ":") or doc[i].text in ("-", "--", "\u2013", "\u2014") and doc[i].whitespace_
        if cut and any(t.pos_ in ("VERB", "AUX") or t.pos_ == "PRON" and dep(t) != "nmod:poss" for t in doc[lo:i]):
            lo = i + 1  # "I mean, my - my expert on constitutional law": the phrase starts after the dash
            break
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


MONTHS = frozenset(m.lower() for m in calendar.month_name if m)
"""Month names are also names ("Theresa May", "June Carter"); other time words are not."""


def _join(tokens: list[Token]) -> str:
    while len(tokens) > 1 and tokens[-1].lower_ in word_set("time_words.txt") and tokens[-1].lower_ not in MONTHS:
        tokens = tokens[:-1]  # "Mubarak Tuesday said": the day is not part of the name
    if not tokens:
        return ""
    doc = tokens[0].doc
    text = doc[tokens[0].i : tokens[-1].i + 1].text.strip()
    last = tokens[-1].text
    if last.endswith(".") and len(last) >= 4 and last[:-1].isalpha() and last.lower() not in HONORIFICS:
        text = text[:-1]  # "Norbert Ore." : a name that the tokenizer took for an abbreviation ("Ore." for Oregon)
    return text


def _surname(name: str) -> str:
    words = name.replace("’", "'").split()
    if not words:
        return ""
    last = words[-1].lower()
    return re.sub(r"^(al|el)-", "", last)

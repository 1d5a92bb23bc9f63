"""Content boundaries: where an attributed content starts and ends.

Input: the attributions that ``learned.combine`` keeps (rules and tagger together).
Output: the same attributions, each content redrawn the way PolNeAR's annotators
draw it (``training/fit_boundaries.py`` measures the conventions on PolNeAR train).

Both sides find the right stretch of text far more often than its exact edges:
the rules stop a content at a clause or subtree edge, the tagger one or two
tokens off. This stage moves each edge to the best of the nearby tokens:

- the candidates for the first token are the tokens within ``window`` of the
  current first token, in the same paragraph, not in the cue or the source; the
  same for the last token, at or after the chosen first one;
- each candidate is scored by a linear model over a few facts about it (the
  word, or its part of speech, and its neighbour's; its relation; whether it
  opens or closes a sentence, a quotation or a subtree of the cue; whether the
  cue or source is next to it; how far it moved), and the best one is taken
  (a conditional logit, fitted on PolNeAR train);
- inside the new extent the cue, the source and the punctuation that sets them
  off (", he said,") are cut out, so a quotation interrupted by its cue is one
  content of two pieces;
- the cue takes the preposition or colon that joins it to its content ("called
  for", "said:") and a source with an apposition its closing comma ("Ann Lee,
  the mayor, said"): both conventions hold for most such cases in PolNeAR train.

The weights are data (``resources/boundaries.json``, feature -> weight), so
the stage is readable and refitted by a script; without them it changes nothing.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from claimtrack.pipeline.attribution import Attribution
from claimtrack.pipeline.syntax import dep, is_finite_verb, trim

WEIGHTS = Path(__file__).resolve().parent / "resources" / "boundaries.json"
"""The fitted weights (``training/fit_boundaries.py``)."""

OPENING = frozenset({"\u201c", '"', "``", "\u2018", "'", "''"})
CLOSING = frozenset({"\u201d", '"', "''", "\u2019", "'"})
# words whose identity matters at a content edge; any other word is seen through its part of speech
EDGE_WORDS = frozenset(
    {
        "that",
        "whether",
        "if",
        "to",
        "about",
        "of",
        "for",
        "on",
        "in",
        "by",
        "with",
        "as",
        "and",
        "but",
        "or",
        "because",
        "when",
        "how",
        "what",
        "why",
        "who",
        "which",
        "the",
        "a",
        "an",
        "he",
        "she",
        "they",
        "it",
        "i",
        "we",
        "you",
        "there",
        "this",
        "not",
        "also",
        "now",
        "then",
        "said",
        "says",
        "according",
    }
)


@dataclass(frozen=True)
class BoundaryModel:
    """Weights of the two edge scorers (feature name -> weight) and the search window in tokens."""

    start: dict[str, float]
    end: dict[str, float]
    window: int = 12
    end_window: int = 24

    @classmethod
    def from_dict(cls, data: dict) -> BoundaryModel:
        return cls(dict(data["start"]), dict(data["end"]), int(data["window"]), int(data["end_window"]))

    def score(self, side: str, features: list[str]) -> float:
        weights = self.start if side == "start" else self.end
        return sum(weights.get(f, 0.0) for f in features)


@cache
def load_model(path: Path = WEIGHTS) -> BoundaryModel | None:
    """The shipped weights, or None when the file is absent (the stage then changes nothing)."""
    if not path.exists():
        return None
    return BoundaryModel.from_dict(json.loads(path.read_text(encoding="utf-8")))


def _word(tok: Token) -> str:
    if tok.is_space:
        return "NL" if "\n" in tok.text else "SP"
    low = tok.lower_
    if tok.is_punct:
        if low in OPENING | CLOSING:
            return "Q"
        return low
    return low if low in EDGE_WORDS else tok.pos_


def _offset(d: int) -> str:
    if abs(d) <= 4:
        return str(d)
    sign = "+" if d > 0 else "-"
    return f"{sign}{'5-8' if abs(d) <= 8 else '9-16' if abs(d) <= 16 else '17+'}"


def _protected(att: Attribution) -> set[int]:
    out = {t.i for t in att.cue} if att.cue is not None else set()
    if att.source is not None:
        out |= {t.i for t in att.source}
    return out


def _paragraph(doc: Doc, i: int) -> tuple[int, int]:
    """The token range of the paragraph (line) of token ``i``."""
    lo = i
    while lo > 0 and not (doc[lo - 1].is_space and "\n" in doc[lo - 1].text):
        lo -= 1
    hi = i + 1
    while hi < len(doc) and not (doc[hi].is_space and "\n" in doc[hi].text):
        hi += 1
    return lo, hi


def _edges(att: Attribution) -> tuple[dict[int, str], dict[int, str]]:
    """First and last tokens of the subtrees that hang from the cue (and of the content's roots)."""
    left: dict[int, str] = {}
    right: dict[int, str] = {}
    if att.cue is not None:
        for child in att.cue.root.children:
            if child.i in {t.i for t in att.cue}:
                continue
            left.setdefault(child.left_edge.i, child.dep_)
            right.setdefault(child.right_edge.i, child.dep_)
    for piece in att.content:
        root = piece.root
        left.setdefault(root.left_edge.i, "root")
        right.setdefault(root.right_edge.i, "root")
    return left, right


def _quote_state(doc: Doc) -> list[bool]:
    """Whether each token lies inside double quotation marks (straight or curly), reading left to right."""
    inside, out = False, []
    for tok in doc:
        if tok.text in ("\u201c", "``"):
            inside = True
            out.append(True)
        elif tok.text in ("\u201d", "''"):
            out.append(True)
            inside = False
        elif tok.text == '"':
            out.append(True)
            inside = not inside
        else:
            out.append(inside)
    return out


def _context(att: Attribution) -> list[str]:
    side = "none"
    if att.cue is not None:
        side = "around"
        if att.cue.end <= att.content[0].start:
            side = "after"
        elif att.content[-1].end <= att.cue.start:
            side = "before"
    origin = "model" if att.extra.get("learned") else "rules"
    return [f"side={side}", f"origin={origin}", f"cls={att.cue_class}", f"quoted={int(att.quoted)}"]


@dataclass(frozen=True)
class Frame:
    """What every candidate edge of one attribution shares: its cue, source and context features."""

    protected: frozenset[int]
    cue: frozenset[int]
    context: tuple[str, ...]
    inside: range

    @classmethod
    def of(cls, att: Attribution) -> Frame:
        cue = frozenset(t.i for t in att.cue) if att.cue is not None else frozenset()
        inside = range(att.content[0].start, att.content[-1].end)
        return cls(frozenset(_protected(att)), cue, tuple(_context(att)), inside)


def _edge_features(
    doc: Doc, frame: Frame, i: int, i0: int, edges: dict[int, str], quoted: list[bool], step: int
) -> list[str]:
    """What the scorer knows of token ``i`` as an edge of the content (``i0``: the current edge).

    ``step`` is -1 for the first token (its outer neighbour is the token before it), 1 for the last."""
    tok = doc[i]
    j = i + step
    near = doc[j] if 0 <= j < len(doc) else None
    w, nw = _word(tok), _word(near) if near is not None else "EDGE"
    off = _offset(i - i0)
    if step < 0:
        bound = bool(tok.is_sent_start)
    else:
        bound = near is None or bool(near.is_sent_start) or near.is_space and "\n" in near.text
    facts = [
        f"w={w}",
        f"nw={nw}",
        f"w={w}|nw={nw}",
        f"dep={tok.dep_}",
        f"off={off}",
        f"off={off}|w={w}",
        f"q={int(quoted[i])}|nq={int(quoted[j]) if near is not None else 0}",
        f"sent_edge={int(bound)}",
        f"subtree={edges.get(i, '-')}",
    ]
    if near is not None and j in frame.protected:
        facts.append("near=cue" if j in frame.cue else "near=source")
    k = j + step
    if near is not None and k in frame.protected and (near.is_punct or near.lower_ == "that"):
        facts.append(f"near2=role|nw={nw}")
    if i in frame.inside:
        facts.append("inside")
    out = list(facts)
    for c in frame.context:
        out += [f"{c}|{f}" for f in facts[:9]]
    return out


def start_features(
    doc: Doc, att: Attribution, i: int, s0: int, left: dict[int, str], quoted: list[bool], frame: Frame | None = None
) -> list[str]:
    """The facts of token ``i`` as the first token of the content (``s0``: the current first)."""
    return _edge_features(doc, frame or Frame.of(att), i, s0, left, quoted, -1)


def end_features(
    doc: Doc, att: Attribution, i: int, e0: int, right: dict[int, str], quoted: list[bool], frame: Frame | None = None
) -> list[str]:
    """The facts of token ``i`` as the last token of the content (``e0``: the current last)."""
    return _edge_features(doc, frame or Frame.of(att), i, e0, right, quoted, 1)


class Fences:
    """The cues and sources of all a document's attributions, which a content's new edges do not cross into
    another sentence: "... said the strike would go ahead. | He said: ..." ends at the stop, while in its own
    sentence a content may take in a cue ("Fox told him X, though he said Y" is one content)."""

    def __init__(self, doc: Doc, atts: list[Attribution]) -> None:
        self.doc = doc
        self.marks = sorted({i for a in atts for i in _protected(a)})

    def floor(self, att: Attribution) -> int:
        """The first token the content may start at: after the last other cue or source before its sentence."""
        first = self.doc[att.content[0].start].sent.start
        own = _protected(att)
        k = bisect_left(self.marks, first) - 1
        while k >= 0 and self.marks[k] in own:
            k -= 1
        return self.marks[k] + 1 if k >= 0 else 0

    def ceiling(self, att: Attribution) -> int:
        """One past the last token the content may end at: the start of the first later sentence that holds
        another attribution's cue or source."""
        last = self.doc[att.content[-1].end - 1].sent.end
        own = _protected(att)
        k = bisect_left(self.marks, last)
        while k < len(self.marks) and self.marks[k] in own:
            k += 1
        return self.doc[self.marks[k]].sent.start if k < len(self.marks) else len(self.doc)


def start_candidates(doc: Doc, att: Attribution, window: int, floor: int = 0) -> list[int]:
    """The tokens the content may start at: within ``window`` of its start, in its paragraph, not in its own
    cue or source, not before ``floor`` (see :class:`Fences`)."""
    s0, e0 = att.content[0].start, att.content[-1].end - 1
    lo, hi = _paragraph(doc, s0)
    lo = max(lo, min(floor, s0))
    protected = _protected(att)
    return [
        i
        for i in range(max(lo, s0 - window), min(hi, s0 + window + 1, e0 + 1))
        if not doc[i].is_space and i not in protected
    ] or [s0]


def end_candidates(doc: Doc, att: Attribution, window: int, start: int, ceiling: int | None = None) -> list[int]:
    """The tokens the content may end at: as for its start, and before ``ceiling`` (see :class:`Fences`)."""
    e0 = att.content[-1].end - 1
    lo, hi = _paragraph(doc, e0)
    if ceiling is not None:
        hi = min(hi, max(ceiling, e0 + 1))
    protected = _protected(att)
    return [
        i
        for i in range(max(lo, e0 - window, start), min(hi, e0 + window + 1))
        if not doc[i].is_space and i not in protected
    ] or [max(e0, start)]


def pieces(doc: Doc, start: int, end: int, att: Attribution) -> list[Span]:
    """The content from token ``start`` to ``end`` (inclusive) without the cue, the source and
    the punctuation that sets them off; one span per stretch left."""
    protected = _protected(att)
    cut = set(protected)
    for i in protected:
        for j in (i - 1, i + 1):
            while start <= j <= end and j not in cut and (doc[j].is_punct and doc[j].text not in OPENING | CLOSING):
                cut.add(j)
                j += 1 if j > i else -1
    out: list[Span] = []
    run: list[int] = []
    for i in [*range(start, end + 1), end + 1]:
        if i <= end and i not in cut and not doc[i].is_space:
            run.append(i)
            continue
        if i <= end and doc[i].is_space and run:
            continue
        if run:
            out.append(doc[run[0] : run[-1] + 1])
        run = []
    return out


def refine(
    doc: Doc,
    att: Attribution,
    model: BoundaryModel,
    quoted: list[bool] | None = None,
    fences: Fences | None = None,
) -> Attribution:
    """``att`` with its content's first and last tokens moved to the best-scoring candidates, within the
    ``fences`` of the other attributions when given."""
    if att.cue is None or not att.content or att.cue_class == "evidential":
        return att  # "X appears to have won" is the writer's whole clause, cue and all
    quoted = quoted if quoted is not None else _quote_state(doc)
    left, right = _edges(att)
    frame = Frame.of(att)
    s0, e0 = att.content[0].start, att.content[-1].end - 1
    start = max(
        start_candidates(doc, att, model.window, fences.floor(att) if fences else 0),
        key=lambda i: (model.score("start", start_features(doc, att, i, s0, left, quoted, frame)), -abs(i - s0)),
    )
    end = max(
        end_candidates(doc, att, model.end_window, start, fences.ceiling(att) if fences else None),
        key=lambda i: (model.score("end", end_features(doc, att, i, e0, right, quoted, frame)), -abs(i - e0)),
    )
    if (start, end) == (s0, e0):
        return att
    new = pieces(doc, start, end, att)
    if not new:
        return att
    return replace(att, content=new)


def merge_by_cue(atts: list[Attribution]) -> list[Attribution]:
    """One attribution per cue for quotations: a quotation continued after its cue ("A," she said.
    "B.") is one content of several pieces, as annotators mark it. Other contents of one cue stay
    apart (each is a claim of its own)."""
    by_cue: dict[int, Attribution] = {}
    out: list[Attribution] = []
    for att in atts:
        if att.cue is None:
            out.append(att)
            continue
        first = by_cue.get(att.cue.start)
        if first is None or not (first.quoted and att.quoted):
            by_cue[att.cue.start] = att
            out.append(att)
            continue
        merged = replace(
            first,
            content=sorted([*first.content, *att.content], key=lambda p: p.start),
            quoted=first.quoted or att.quoted,
            source=first.source if first.source is not None else att.source,
        )
        by_cue[att.cue.start] = merged
        out[out.index(first)] = merged
    return out


def redraw(doc: Doc, atts: list[Attribution], model: BoundaryModel | None = None) -> list[Attribution]:
    """Every attribution of ``doc``, one per cue, with its content boundaries redrawn
    (unchanged without weights)."""
    model = model if model is not None else load_model()
    if model is None:
        return atts
    quoted = _quote_state(doc)
    merged = merge_by_cue(atts)
    fences = Fences(doc, merged) if len(merged) > 1 and doc.has_annotation("SENT_START") else None
    return [close_source(doc, bridge_cue(doc, refine(doc, a, model, quoted, fences))) for a in merged]


def bridge_cue(doc: Doc, att: Attribution) -> Attribution:
    """The cue takes the words that join it to a content right after it: a preposition or particle
    ("called for", "talked about") and a colon ("said:"), as annotators mark cues."""
    if att.cue is None or not att.content or att.cue.end > att.content[0].start:
        return att
    gap = doc[att.cue.end : att.content[0].start]
    if not len(gap) or len(gap) > 2:
        return att
    if all(t.pos_ in ("ADP", "PART") and t.lower_ not in ("that", "to") or t.text == ":" for t in gap):
        return replace(att, cue=doc[att.cue.start : gap.end])
    return att


def close_source(doc: Doc, att: Attribution) -> Attribution:
    """A source with an apposition ("Ann Lee, the mayor") keeps the comma that closes it."""
    src = att.source
    if src is None or src.end >= len(doc) or doc[src.end].text != ",":
        return att
    if not any(t.text == "," for t in src) or att.cue is None or att.cue.start <= src.end:
        return att
    if any(p.start <= src.end < p.end for p in att.content):
        return att
    return replace(att, source=doc[src.start : src.end + 1])


def finish_clauses(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """A content cut short inside its clause takes the rest of it: "Nile TV said a segment of the protesters,
    called the Youth, | will leave the square", "Clinton stressed that a "broad cross-section" | should be
    part of it". The rest runs from the content's end to its sentence's end, nobody's cue, source or content,
    and its verb has no subject of its own (its subject is in the content, or is a relative pronoun); without
    this it would be left to the writer as a claim of its own. Quotations keep their marks' edges."""
    taken = {t.i for a in atts for p in (*a.content, a.cue, a.source) if p is not None for t in p}
    out = []
    for att in atts:
        last = att.content[-1]
        sent = last.sent
        end = sent.end
        while end > last.end and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1  # the sentence's stop stays out, as annotators mark a content that is no quotation
        rest = trim(doc[last.end : end])
        whole_quote = att.quoted and all(p[0].is_quote or p[-1].is_quote for p in att.content)
        if whole_quote or att.cue is None or not len(rest) or len(rest) > 40:
            out.append(att)
            continue
        inside = {t.i for p in att.content for t in p}
        owns_subject = any(
            dep(t).startswith(("nsubj", "expl", "csubj"))
            and "Rel" not in t.morph.get("PronType", [])
            and t.head.i in range(rest.start, rest.end)
            for t in rest
        )
        cue = {t.i for t in att.cue}
        hangs = any(
            t.head.i in inside
            or any(c.i in inside for c in t.children)
            or t.head.i in cue
            and dep(t) in ("parataxis", "ccomp", "xcomp")  # the parse hung it on the cue
            for t in rest
        )
        verb = any(is_finite_verb(t) for t in rest)
        if owns_subject or not hangs or not verb or any(t.i in taken for t in rest):
            out.append(att)
            continue
        out.append(replace(att, content=[*att.content[:-1], doc[last.start : rest.end]]))
    return out

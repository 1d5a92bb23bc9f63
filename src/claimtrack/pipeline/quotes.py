"""Quotations: paired quotation marks, including quotes that run over paragraphs."""

from __future__ import annotations

OPEN_CURLY, CLOSE_CURLY = "\u201c", "\u201d"
OPEN_LOW = "\u201e"  # „ as an opener
STRAIGHT = '"'


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Outermost quotations of ``text`` as ``(start, end)`` ranges, marks included.

    Curly quotes nest; a quote left open at a paragraph break and re-opened at
    the next paragraph (the convention for quotes of several paragraphs) is one
    quote. Straight double quotes pair up within a paragraph.
    """
    out: list[tuple[int, int]] = []
    depth = 0
    start = -1
    para_start = True
    for i, ch in enumerate(text):
        if ch == "\n":
            para_start = True
            continue
        if ch in (OPEN_CURLY, OPEN_LOW):
            if depth == 0:
                start = i
                depth = 1
            elif not (para_start and depth == 1):
                depth += 1
        elif ch == CLOSE_CURLY and depth > 0:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
        if not ch.isspace():
            para_start = False
    out += _straight_quotes(text, out)
    return sorted(out)


CARRY_PARAGRAPHS = 6
"""How many paragraphs a straight quotation left open may run over before it is taken for a stray mark."""


def _straight_quotes(text: str, curly: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Straight double quotes, outside curly ones: they pair within a paragraph; one left open at a
    paragraph's end runs on, over paragraphs that hold no quote mark, to the next mark that can close it
    (a quotation over several lines of text with one sentence per line). A paragraph that opens with a
    quote mark starts a quotation of its own (annotated news, PolNeAR, treats each such paragraph's quotation
    apart: merging them cost 0.004 strict content F1 on its dev split), and a quotation still open after
    :data:`CARRY_PARAGRAPHS` paragraphs is dropped."""
    out: list[tuple[int, int]] = []
    opened = -1  # where the pending quotation opened
    carried = 0  # paragraphs it has run over
    pos = 0
    last_end = 0  # where the last paragraph with text ended
    for para in text.split("\n"):
        marks = [pos + j for j, ch in enumerate(para) if ch == STRAIGHT]
        marks = [k for k in marks if not any(s <= k < e for s, e in curly)]
        if opened >= 0 and marks and not para[: marks[0] - pos].strip():
            # a paragraph that opens a quotation of its own: the one left open ran to the end of the last
            # paragraph with text (the convention for a quotation over paragraphs)
            if _can_open(text, opened) and last_end > opened:
                out.append((opened, last_end))
            opened, carried = -1, 0
        for k in marks:
            if opened < 0:
                opened = k
            elif _can_close(text, k) or not _can_open(text, k):
                # a mark at a word's end closes; so does one with space on both sides ("a great year. " Hayes)
                out.append((opened, k + 1))
                opened = -1
            elif _after_sentence(text, opened, k):
                # "... world champion. "There might ...": a quotation re-opened after a sentence, where a
                # paragraph break was lost; the open one ended with that sentence
                out.append((opened, len(text[:k].rstrip())))
                opened = k
            elif (cut := _unclosed_before_cue(text, opened, k)) > 0:
                # 'Wenger said: "Freddie ...' while one is open: the open one lost its closing mark, and ended
                # with the last sentence before this one
                out.append((opened, cut))
                opened = k
            elif carried and _can_open(text, k):
                opened = k  # a quotation left open lines before was a stray mark: this one opens anew
        if opened >= 0 and para.strip():
            carried += 1
            if not _can_open(text, opened) or carried > CARRY_PARAGRAPHS:
                opened, carried = -1, 0
        if opened < 0:
            carried = 0
        if para.strip():
            last_end = pos + len(para.rstrip())
        pos += len(para) + 1
    return out


def _can_open(text: str, k: int) -> bool:
    """A mark at the start of a word: after a space, an opening bracket or the start, before a non-space."""
    before = text[k - 1] if k else " "
    after = text[k + 1] if k + 1 < len(text) else " "
    return (before.isspace() or before in "([{-\u2014") and not after.isspace()


def _after_sentence(text: str, opened: int, k: int) -> bool:
    """An opening mark right after the end of a sentence inside the open quotation (". ", "? ", "! ")."""
    before = text[opened + 1 : k].rstrip()
    return len(before) > 1 and before[-1] in ".?!" and k - len(text[:k].rstrip()) <= 2


def _unclosed_before_cue(text: str, opened: int, k: int) -> int:
    """Where the open quotation ended when a mark after "said: " or "said, " opens another while it is open: the
    end of its last sentence before this mark's sentence (0 when there is none, a quotation inside a quotation)."""
    if not _can_open(text, k) or not text[:k].rstrip().endswith((":", ",")):
        return 0
    sentence_ends = [text.rfind(stop, opened + 1, k) for stop in (". ", "? ", "! ")]
    cut = max(sentence_ends)
    return cut + 1 if cut > opened else 0


def _can_close(text: str, k: int) -> bool:
    """A mark at the end of a word."""
    return k > 0 and not text[k - 1].isspace()

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
    # straight quotes, paragraph by paragraph, outside curly quotes
    pos = 0
    for para in text.split("\n"):
        opened = -1
        for j, ch in enumerate(para):
            if ch != STRAIGHT:
                continue
            k = pos + j
            if any(s <= k < e for s, e in out):
                continue
            if opened < 0:
                opened = k
            else:
                out.append((opened, k + 1))
                opened = -1
        pos += len(para) + 1
    return sorted(out)

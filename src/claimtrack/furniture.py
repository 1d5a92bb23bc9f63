"""Page furniture: text pasted with an article that is not the article.

Web pages copied into text files bring breadcrumbs ("Home / World / ..."),
widgets ("Enable Read mode", "100% Font Size"), comment forms ("Leave a
Reply"), disclaimers, author bios and teasers of other articles ("Check
Also", "Read more"). :func:`find_furniture` returns the character ranges that
hold such text; the extractor blanks them (keeping every offset) so they yield
no claims. The rules are about the shape of web pages, not about any one site.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_BREADCRUMB = re.compile(r"^\s*(home|start|news)\s*(/|›|»|>|\|)\s*\S", re.I)
_SHARE = re.compile(r"^\s*(share|tweet|email|print|whatsapp|facebook|twitter|linkedin)(\s*(\||/|,)\s*\w+)*\s*$", re.I)
_BYLINE_META = re.compile(r"^\s*(published|updated|posted|last updated|first published)\s*:", re.I)
_PERCENT_WIDGET = re.compile(r"^\s*\d{2,3}\s*%\s*\w+(\s\w+)?\s*$")
_COPYRIGHT = re.compile(r"^\s*(©|\(c\)|copyright\b)", re.I)
_DISCLAIMER = re.compile(r"^\s*(disclaimer|editor'?s note|note to readers)\s*:", re.I)
_ALSO_AVAILABLE = re.compile(
    r"^\s*this (article|story|piece) (is|was) (also )?(available|published|first published)\b", re.I
)
_BIO_START = re.compile(
    r"^\s*(?P<name>[A-Z][\w.'’-]+(\s+(al-|el-|bin |de |van |von )?[A-Z][\w.'’-]+){0,3})\s+(is|was)\s+(a|an|the)\b"
)
_BIO_WORDS = re.compile(
    r"\b(journalist|columnist|editor|writer|author|correspondent|reporter|contributor|analyst|tweets"
    r"|follow (him|her|them)|@\w+)\b",
    re.I,
)
_TEASER_END = re.compile(r"(…|\.\.\.)\s*$")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_STAMP = (
    rf"(?:{_MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {_MONTH} \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:,? at)? \d{1,2}:\d{2}(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,4})?"
    r"(?: at \d{1,2}:\d{2}(?: ?[ap]\.?m\.?)?)?"  # "February 10, 2011 09:00 pm at 9:00 pm": the time given twice
)
_FOOTER = re.compile(rf"{_STAMP}\s*\|", re.I)
"""A comment's date and time, then the bar before its links ("| Report abuse", "| Reply") or what is left of them."""
_PERSONAL = re.compile(r"\b(i|i'm|i've|i'd|me|my|we|we're|our|us|you|your|you're)\b", re.I)
_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”')


@cache
def _phrases(name: str) -> tuple[str, ...]:
    text = resources.files("claimtrack.pipeline.resources").joinpath(name).read_text(encoding="utf-8")
    return tuple(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


def _norm(line: str) -> str:
    return re.sub(r"\s+", " ", line.strip().lower().replace("’", "'")).rstrip(":.!")


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        out.append((pos, pos + len(line.rstrip("\r\n"))))
        pos += len(line)
    return out


def find_furniture(text: str, *, author: str | None = None) -> list[tuple[int, int]]:
    """Character ranges of ``text`` that are page furniture, not article text.

    Args:
        text: the article text.
        author: the author's name when known; a closing paragraph about them is a bio.

    Returns:
        Sorted, non-overlapping ``(start, end)`` ranges.
    """
    widgets = set(_phrases("furniture_lines.txt"))
    tail_markers = set(_phrases("furniture_tail_markers.txt"))
    spans = _lines(text)
    regions: list[tuple[int, int]] = []
    seen: set[str] = set()
    n_chars = len(text)
    for start, end in spans:
        line = text[start:end]
        norm = _norm(line)
        if not norm:
            continue
        in_tail = start > n_chars * 0.4
        if norm in tail_markers and in_tail:
            # "Check Also", "Leave a Reply", "Related articles": the rest is not the article
            regions.append((start, n_chars))
            break
        is_furniture = (
            norm in widgets
            or bool(_BREADCRUMB.match(line) and line.count("/") + line.count("›") + line.count("»") >= 2)
            or bool(_SHARE.match(line))
            or bool(_BYLINE_META.match(line))
            or bool(_PERCENT_WIDGET.match(line))
            or bool(_COPYRIGHT.match(line))
            or bool(_DISCLAIMER.match(line))
            or bool(_ALSO_AVAILABLE.match(line))
            or (in_tail and _is_bio(line, author))
            or (len(norm) > 30 and norm in seen)  # a repeated headline or pull quote
        )
        if is_furniture:
            regions.append((start, end))
        seen.add(norm)
    comments = comment_section(text)
    if comments is not None:
        regions.append((comments, n_chars))
    return _merge(regions)


def comment_section(text: str) -> int | None:
    """Where readers' comments begin, or None: comment systems close each comment with its date, time and
    links ("March 5, 2011 at 6:15 am | Report abuse |"), or just a bar where the links were lost in copying
    ("February 3, 2011 at 3:32 pm | it's time..."). The first comment starts before the first such
    footer: the lines above it that speak as a reader does (I, we, you; exclamations, questions, shouting),
    up to two plain lines in a row, which are the article's."""
    m = _FOOTER.search(text)
    if m is None:
        return None
    line_start = text.rfind("\n", 0, m.start()) + 1
    start, plain = line_start, 0
    for line_from, line_to in reversed(_lines(text[:line_start])):
        voice = _reader_voice(text[line_from:line_to])
        if voice is None:
            continue
        if voice:
            start, plain = line_from, 0
        else:
            plain += 1
            if plain >= 2:
                break
    return start


def _reader_voice(line: str) -> bool | None:
    """Whether a line speaks as a reader does (None for a blank line)."""
    s = line.strip()
    if not s:
        return None
    said = _QUOTED.sub("", s)
    shouting = len(re.findall(r"\b[A-Z]{4,}\b", said)) >= 2
    return bool(_PERSONAL.search(said)) or s.endswith(("!", "?")) or shouting or s[:1].islower()


def _is_bio(line: str, author: str | None) -> bool:
    m = _BIO_START.match(line)
    if not m:
        return False
    if author and _norm(author).split()[-1] in _norm(m.group("name")):
        return True
    return len(_BIO_WORDS.findall(line)) >= 2


def _merge(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(regions):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def blank(text: str, regions: list[tuple[int, int]]) -> str:
    """``text`` with ``regions`` replaced by spaces (newlines kept), so offsets still hold."""
    if not regions:
        return text
    chars = list(text)
    for start, end in regions:
        for i in range(start, end):
            if chars[i] not in "\n\r":
                chars[i] = " "
    return "".join(chars)


_BYLINE = re.compile(r"(?:^|\n|\|)[ \t]*(By[ \t]+)([^\n|]{3,120})")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’\-]*\.?|[A-Z]\.)$")
_NAME_LINKS = frozenset({"and", "&", "de", "van", "von", "der", "al", "el", "bin"})
_NOT_NAMES = frozenset({"staff", "wire", "wires", "reporter", "reporters", "correspondent", "editor", "special"})


_OPINION_NOTE = re.compile(
    r"The (?:opinions|views) expressed in this (?:commentary|article|column|piece|essay|op-ed|post)\s+are"
    r"\s+(?:solely |entirely |only )?(?:those|the views|the opinions) of\s+"
    r"((?:[A-Z][\w'’\-]*\.?|[A-Z]\.)(?:\s+(?:[A-Z][\w'’\-]*\.?|[A-Z]\.|de|van|von|al|el|bin)){1,4})\.?"
)


def opinion_author(text: str) -> tuple[str, int, int] | None:
    """The writer a commentary's note names ("The opinions expressed in this commentary are solely those of
    Kenneth Pollack."), and where the note stands: an opinion piece without a byline is its writer's."""
    notes = list(_OPINION_NOTE.finditer(text))
    if not notes:
        return None
    last = notes[-1]  # the piece's own note, after any it quotes from elsewhere
    return last.group(1).rstrip("."), last.start(), last.end()


def byline(text: str, head: int = 400) -> tuple[str, int, int] | None:
    """The author a byline near the top of the text names, and where the byline stands (from "By" to the end
    of its line): "By Ashley Hayes, CNN", "By Bryony Jones for CNN", "January 31, 2011 | By Tim Lister and
    Emily Smith" (the names, up to the comma, "for", a date, a common noun or the line's end); None for a
    desk ("By the CNN Wire Staff") or no byline."""
    from claimtrack.lexicon import is_outlet_name, word_set

    m = _BYLINE.search(text[:head])
    if m is None:
        return None
    words: list[str] = []
    for word in m.group(2).split():
        bare = word.rstrip(",;:")
        if re.fullmatch(_MONTH, bare) or not (_NAME_WORD.match(bare) or bare in _NAME_LINKS and words):
            break
        if len(words) >= 2 and bare.endswith("s") and bare[:-1].lower() in word_set("agent_nouns.txt"):
            break  # "By Bryony Jones Members of ...": the byline ran into the text (a surname is no plural)
        if bare.lower() in _NOT_NAMES or is_outlet_name(bare):
            return None
        words.append(bare)
        if bare != word:
            break  # "Ashley Hayes, CNN": the comma ends the names
    while words and words[-1] in _NAME_LINKS:
        words.pop()
    names = [w for w in words if w not in _NAME_LINKS]
    if len(names) < 2:
        return None
    name = " ".join(words)
    line_end = text.find("\n", m.start(1))
    line_end = line_end if line_end >= 0 else len(text)
    # the whole line when it is only the byline ("By Elise Labott, CNN's Senior State Department Producer"),
    # else the names alone: "By Bryony Jones for CNN Ban Ki-moon said ..." goes on with the article
    names_end = text.index(words[-1], m.start(2)) + len(words[-1])
    end = line_end if line_end - m.start(1) <= 100 else names_end
    return name, m.start(1), end

"""Untrusted text, shown literally on a terminal.

Article text, metadata and file names are the user's data, never instructions
to the terminal or to rich. :func:`printable` is the one helper every table,
panel and message goes through: control and escape characters become visible
placeholders (ESC is shown as ``␛``, a bidi override as ``<U+202E>``), so no
escape sequence, OSC 8 link, title change or screen clear reaches the terminal;
:func:`literal` also wraps the result in a rich ``Text``, which rich never reads
as markup, so ``[/]``, ``[link=...]`` and editorial brackets stay as written.
JSON output does not go through here: it keeps the exact text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

# C0 controls, DEL, C1 controls; bidi embeddings, overrides and isolates; line and
# paragraph separators; lone surrogates (undecodable bytes of a file name).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
_UNSAFE_KEEP_LINES = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)


def _placeholder(m: re.Match[str]) -> str:
    ch = m.group()
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ … ␟ (␛ for ESC, ␊ for a newline)
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # a byte of a file name that is not UTF-8
    return f"<U+{code:04X}>"


def printable(value: object, *, lines: bool = False) -> str:
    """``value`` as text that shows itself literally on a terminal.

    Args:
        value: anything; ``None`` gives "".
        lines: keep newlines and tabs (for multi-line panels); otherwise they are
            shown as placeholders too, so that a message stays on one line.
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return (_UNSAFE_KEEP_LINES if lines else _UNSAFE).sub(_placeholder, text)


def literal(value: object, *, lines: bool = False, style: str = "") -> Text:
    """A rich ``Text`` of :func:`printable` ``value``: never markup, never terminal control."""
    from rich.text import Text

    return Text(printable(value, lines=lines), style=style)


def storable(text: str) -> str:
    """A label or path with its lone surrogates made valid UTF-8, for the store: the
    bytes of a file name that is not UTF-8 (``surrogateescape``) as ``\\xNN``, any
    other lone surrogate as U+FFFD.
    """
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(lambda m: _placeholder(m) if 0xDC80 <= ord(m.group()) <= 0xDCFF else "\ufffd", text)


def without_surrogates(text: str) -> tuple[str, int]:
    """``text`` with each lone surrogate replaced by U+FFFD (offsets unchanged), and how many."""
    return _SURROGATE.subn("\ufffd", text)


_SURROGATE = re.compile("[\ud800-\udfff]")

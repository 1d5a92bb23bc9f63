"""Word patterns behind a substring test: the regex runs only on texts that contain one of its words.

Patterns such as ``\\b(?:but|yet|although|though|despite)\\b`` are searched in
every claim of a store, and most claims contain none of their words. Python's
regex engine tries the alternation at every position of the text; a plain
``in`` test over the lower-cased text answers "none of these words is here" in
a fraction of that time, and only the texts that pass it meet the regex. The
answer is always the regex's own: ``needles`` are literal pieces at least one of
which every match contains (checked by ``tests/test_patterns.py``), so the test
can only let a text through, never keep a match out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_UNFOLDED = ("\u0130", "\u0131", "\u017f", "\u212a")
"""Letters that an ignore-case regex matches to an ASCII letter though ``str.lower`` makes them something else
(dotted and dotless i, long s, the Kelvin sign): a text with one of them goes to the regex untested."""


class WordPattern:
    """A compiled regex with a cheap test in front of ``search``."""

    __slots__ = ("needles", "regex")

    def __init__(self, pattern: str, needles: Iterable[str], flags: int = re.IGNORECASE) -> None:
        self.regex = re.compile(pattern, flags)
        self.needles = tuple(needles)
        if not self.needles or any(n != n.lower() or not n.isascii() for n in self.needles):
            raise ValueError("needles must be lower-case ASCII literals, at least one")
        if not flags & re.IGNORECASE:
            raise ValueError("a case-sensitive pattern needs no lower-casing: use re.compile")

    def may_match(self, text: str) -> bool:
        """False only when the regex cannot match ``text``."""
        low = text.lower()
        if any(n in low for n in self.needles):
            return True
        return not text.isascii() and any(c in text for c in _UNFOLDED)

    def search(self, text: str) -> re.Match[str] | None:
        return self.regex.search(text) if self.may_match(text) else None

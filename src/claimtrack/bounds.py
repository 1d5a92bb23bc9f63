"""Bounds on the work one input may cause, so that no input can hang a batch or blow up the store.

- size: an article file at most :data:`MAX_ARTICLE_BYTES`, a JSON Lines feed
  :data:`MAX_FEED_BYTES`, a metadata field :data:`MAX_META_CHARS`;
- front matter: safe YAML only, at most :data:`MAX_FRONT_MATTER_CHARS`, and at most
  :data:`MAX_YAML_NODES` values once aliases are expanded (an alias bomb of 1 KB
  would otherwise expand to gigabytes), :data:`MAX_YAML_DEPTH` levels deep; dates
  stay text, so that a typo is a clear error rather than a crash;
- time: :func:`deadline` stops an article that takes longer than its budget;
- the parser never sees runs of hundreds of characters without a space
  (:func:`unreadable_runs`), on which the tokenizer spends quadratic time;
- text that does not read as prose is no article (:func:`looks_like_prose`).

Nothing here imports spaCy.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import yaml

from claimtrack.errors import InputError

MAX_ARTICLE_BYTES = 32_000_000
MAX_FEED_BYTES = 512_000_000
MAX_META_CHARS = 2_000
MAX_FRONT_MATTER_CHARS = 64_000
MAX_YAML_NODES = 2_000
MAX_YAML_DEPTH = 20
MAX_RUN_CHARS = 200
"""Longer runs of non-space characters are hidden from the parser."""


class InputTimeout(BaseException):
    """An article ran past its time budget. A BaseException, so no ``except Exception`` swallows it."""


def time_budget(chars: int) -> float:
    """Seconds an article of ``chars`` characters may take: 60 s plus 60 s per million characters
    (the pipeline reads about 10,000 words, some 60,000 characters, a second on one core)."""
    return 60.0 + 60.0 * chars / 1_000_000


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`InputTimeout` in the body after ``seconds`` (a real-time alarm).

    Only where signals can be used (the main thread of a Unix process); elsewhere,
    and with ``seconds`` None or 0, the body runs unbounded.
    """
    usable = (
        seconds
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise InputTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS},}}")


def unreadable_runs(text: str) -> list[tuple[int, int]]:
    """Where ``text`` has runs of :data:`MAX_RUN_CHARS` or more characters without a space."""
    return [m.span() for m in _RUN.finditer(text)]


_WORD = re.compile(r"[^\W\d_]{2,}")
_ASCII_WORD = re.compile(r"[A-Za-z]+")
_VOWELS = frozenset("aeiouyAEIOUY")
_SAMPLE = 200_000


def looks_like_prose(text: str) -> bool:
    """True if ``text`` reads as writing: words of letters make up at least half of it,
    and words in Latin letters mostly have vowels (random letters do not)."""
    sample = text[:_SAMPLE]
    words = _WORD.findall(sample)
    if len(words) < 2:
        return False
    solid = sum(1 for ch in sample if not ch.isspace())
    if sum(len(w) for w in words) < 0.5 * solid:
        return False
    latin = [w for w in words if _ASCII_WORD.fullmatch(w)]
    voiced = sum(1 for w in latin if not _VOWELS.isdisjoint(w))
    return voiced >= 0.8 * len(latin)


class _Loader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text (``published: 2024-02-30`` is then a clear error)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _check_nodes(root: yaml.Node, *, where: str) -> None:
    """Count the values ``root`` expands to (aliases counted each time) and its depth, within bounds."""
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    count = 0
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_YAML_NODES:
            raise InputError(
                f"{where} expands to more than {MAX_YAML_NODES:,} values (YAML aliases repeat what they name). "
                "Write the fields out plainly: field: value."
            )
        if depth > MAX_YAML_DEPTH:
            raise InputError(f"{where} is nested more than {MAX_YAML_DEPTH} levels deep. Write it as field: value.")
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))


def load_yaml(text: str, *, where: str) -> object:
    """Safe-load one YAML document within the bounds above.

    Raises:
        InputError: not valid YAML, too large, too many values or too deep.
    """
    if len(text) > MAX_FRONT_MATTER_CHARS:
        raise InputError(
            f"{where} is {len(text):,} characters long, more than {MAX_FRONT_MATTER_CHARS:,}. "
            "Keep only metadata fields between the '---' lines."
        )
    loader = None
    try:
        loader = _Loader(text)  # its reader refuses control characters here
        node = loader.get_single_node()
        if node is None:
            return None
        _check_nodes(node, where=where)
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" (line {mark.line + 2})" if mark is not None else ""
        raise InputError(
            f"{where}{line} is not valid YAML: {str(getattr(exc, 'problem', None) or exc).splitlines()[0]}. "
            "Write it as lines of 'field: value' between two '---' lines."
        ) from exc
    except RecursionError as exc:
        raise InputError(f"{where} is nested too deeply. Write it as lines of 'field: value'.") from exc
    finally:
        if loader is not None:
            loader.dispose()

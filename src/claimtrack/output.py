"""Output formats: a rich table for people, JSON Lines (or one JSON array) for programs.

This is the only module that writes to stdout. ``auto`` gives a table on a
terminal and JSON Lines when stdout is piped, so ``claimtrack claims | jq``
works without flags; scripts should still pass ``--format jsonl``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # pydantic is imported by whoever builds the records, not for --help
    from pydantic import BaseModel

FORMATS = ("auto", "table", "json", "jsonl")


@dataclass(frozen=True)
class Column:
    header: str
    get: Callable[[Any], object]
    max_width: int | None = None
    justify: str = "left"
    ratio: int | None = None
    """Share of the spare width (the long text column takes it)."""


def resolve_format(format_: str, out: TextIO | None = None) -> str:
    if format_ != "auto":
        return format_
    stream = out or sys.stdout
    return "table" if stream.isatty() else "jsonl"


def _json(record: BaseModel | dict) -> str:
    """One compact JSON object, UTF-8 as is, keys in the model's order (nulls included)."""
    if not isinstance(record, dict):
        return record.model_dump_json()
    return json.dumps(record, ensure_ascii=False)


def emit(
    records: Iterable[BaseModel | dict],
    format_: str,
    columns: list[Column],
    *,
    title: str | None = None,
    out: TextIO | None = None,
) -> int:
    """Write ``records`` in ``format_``; returns how many were written."""
    stream = out or sys.stdout
    fmt = resolve_format(format_, stream)
    n = 0
    if fmt == "jsonl":
        for record in records:
            stream.write(_json(record) + "\n")
            n += 1
            if n % 100 == 0:
                stream.flush()  # a reader at the other end of a pipe sees records as they come
        stream.flush()
    elif fmt == "json":
        # streamed, not list()-ed: a large store never sits in memory twice
        stream.write("[")
        for record in records:
            stream.write(("\n  " if n == 0 else ",\n  ") + _json(record))
            n += 1
        stream.write("\n]\n" if n else "]\n")
        stream.flush()
    else:
        from rich.console import Console
        from rich.table import Table

        from claimtrack.textsafe import literal

        # cells are Text, never markup strings: "[/]" or "[link=...]" in a claim stays as written
        table = Table(title=title, show_lines=False, header_style="bold", expand=False)
        for col in columns:
            table.add_column(
                col.header,
                max_width=col.max_width,
                overflow="fold",
                justify=col.justify,  # type: ignore[arg-type]
                ratio=col.ratio,
                no_wrap=col.max_width is not None and col.max_width <= 12,
            )
        for record in records:
            table.add_row(*(literal(col.get(record)) for col in columns))
            n += 1
        console = Console(file=stream, highlight=False, soft_wrap=False)
        if n:
            console.print(table)
        else:
            console.print("(nothing to show)", style="dim")
    return n


def shorten(text: str | None, width: int = 90) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def write_lines(lines: Iterable[bytes], out: TextIO | None = None) -> int:
    """Stored JSON lines passed on as they are (``claims --format jsonl`` on a store known valid)."""
    stream = out or sys.stdout
    binary = getattr(stream, "buffer", None)
    n = 0
    for line in lines:
        if binary is not None:
            binary.write(line)
        else:
            stream.write(line.decode("utf-8"))
        n += 1
    (binary or stream).flush()
    return n


def write_text(text: str, out: TextIO | None = None) -> None:
    """A whole document (the HTML report) on stdout."""
    stream = out or sys.stdout
    stream.write(text)
    stream.flush()

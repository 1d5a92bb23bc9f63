"""What ``ingest`` tells its user while it works, on stderr.

On a terminal: a progress bar (articles, claims, words per second, time left).
With ``-v``: a line per article. Always: a summary at the end. With ``-q``:
errors only. stdout is never touched.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from claimtrack.console import err_console, info, is_quiet


def count_articles(paths: tuple[str, ...], input_format: str) -> int | None:
    """About how many articles the inputs hold (for the bar's time left); None when it cannot be told cheaply."""
    from claimtrack.ingest import ARTICLE_SUFFIXES

    total = 0
    for given in paths:
        if given == "-":
            return None
        path = Path(given)
        if path.is_dir():
            total += sum(1 for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())
        elif input_format == "jsonl" or (input_format == "auto" and given.lower().endswith(".jsonl")):
            try:
                with path.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def words(text: str | None) -> int:
    return len(text.split()) if text else 0


class IngestProgress:
    """Counts what ``ingest`` did and shows it: a bar on a terminal, lines with -v, a summary."""

    def __init__(self, total: int | None, *, verbose: bool) -> None:
        self.verbose = verbose
        self.started = time.perf_counter()
        self.articles = self.claims = self.words = 0
        self._bar: Any = None
        self._task: Any = None
        # a real terminal only: FORCE_COLOR into a pipe or a log gets colours, never a redrawn bar
        if err_console.is_terminal and sys.stderr.isatty() and not is_quiet():
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(
                TextColumn("ingesting"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("articles, {task.fields[claims]:,} claims, {task.fields[wps]:,.0f} words/s"),
                TimeElapsedColumn(),
                TextColumn("left"),
                TimeRemainingColumn(),
                console=err_console,
                transient=True,
            )
            self._task = self._bar.add_task("ingest", total=total, claims=0, wps=0)

    def __enter__(self) -> IngestProgress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.stop()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def article(self, label: str, *, claims: int, text: str | None, article_id: str) -> None:
        """One article stored."""
        self.articles += 1
        self.claims += claims
        self.words += words(text)
        if self.verbose:
            info(f"{label}: {claims} claim{'' if claims == 1 else 's'} (article {article_id})")
        self.advance()

    def advance(self) -> None:
        """One input done, stored or not."""
        if self._bar is not None:
            self._bar.update(self._task, advance=1, claims=self.claims, wps=self.words / max(self.elapsed, 1e-9))

    def rate(self) -> str:
        return f"{self.words / max(self.elapsed, 1e-9):,.0f} words/s"

"""``ingest --jobs N``: articles spread over worker processes, their results back in input order.

The calling process stays the only writer of the store: it sends each article
to a worker, takes the results back in the order the articles came, and stores
them one by one, so the store comes out the same whatever the number of jobs.
A bounded window of articles is in flight at a time, so a large feed never sits
whole in memory.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from claimtrack.ingest import Source
    from claimtrack.models import Article, Claim

log = logging.getLogger(__name__)
T = TypeVar("T")

IN_FLIGHT_PER_JOB = 4
"""How many articles each worker may have queued: enough to keep it busy, few enough to bound memory."""


@dataclass(frozen=True)
class Failure:
    """The claim extractor failed on one article (an exception, carried back as text)."""

    error: str
    """``TypeName: message``, shortened."""
    details: str
    """The traceback, shown with --debug."""
    message: str | None = None
    """A complete message for the user when the failure is not a bug (an article over its time budget)."""


Extracted = tuple["Article", list["Claim"]] | Failure

_nlp: object | None = None
_load_error: str | None = None


def _init_worker(model: str | None) -> None:
    """Load the pipeline once per worker (inherited, already loaded, where processes fork)."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # one core per worker: the workers are the parallelism
    global _nlp, _load_error
    from claimtrack.pipeline import load_nlp

    try:
        _nlp = load_nlp(model)
    except Exception as exc:  # a worker that dies here would be restarted by the pool for ever
        _load_error = f"{type(exc).__name__}: {exc}"


def extract_safely(source: Source, nlp: object, timeout: float | None = None) -> Extracted:
    """Extract one article within its time budget; an exception becomes a :class:`Failure` so that the others go on.

    Args:
        timeout: seconds the article may take; None: 60 s plus 60 s per million characters (``bounds.py``).
    """
    from claimtrack.bounds import InputTimeout, deadline, time_budget
    from claimtrack.ingest import extract

    seconds = time_budget(len(source.text)) if timeout is None else timeout
    try:
        with deadline(seconds):
            return extract(source, nlp)
    except InputTimeout:
        return Failure(
            "InputTimeout",
            "",
            message=(
                f"extraction took longer than {seconds:g} s and was stopped; nothing was stored for this article. "
                "Split it into smaller articles, or give more time with --timeout."
            ),
        )
    except Exception as exc:  # a bug on one article must not cost the others
        return Failure(f"{type(exc).__name__}: {str(exc)[:200]}", traceback.format_exc())


def _work(source: Source, timeout: float | None) -> Extracted:
    if _nlp is None:
        return Failure(_load_error or "the pipeline is not loaded", "")
    return extract_safely(source, _nlp, timeout)


def extract_in_order(
    items: Iterable[T],
    *,
    wanted: Callable[[T], Source | None],
    jobs: int,
    load: Callable[[], object],
    model: str | None,
    timeout: float | None = None,
) -> Iterator[tuple[T, Extracted | None]]:
    """Each item with its extraction (``None`` for items ``wanted`` does not give a source for), in order.

    Args:
        items: what to go through (sources and outcomes that stand in for failed inputs).
        wanted: the source to extract for an item, or None to pass it through as it is.
        jobs: worker processes; 1 extracts here, in this process.
        load: the pipeline for jobs=1, called once and only if an article needs it.
        model: the pipeline the workers load (``--model``).
        timeout: each article's time budget (``--timeout``).
    """
    if jobs <= 1:
        nlp = None
        for item in items:
            source = wanted(item)
            if source is None:
                yield item, None
                continue
            if nlp is None:
                nlp = load()
            yield item, extract_safely(source, nlp, timeout)
        return

    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    pool: Any = None
    window: deque[tuple[T, Any]] = deque()
    try:
        for item in items:
            source = wanted(item)
            if source is None:
                window.append((item, None))
            else:
                if pool is None:  # started on the first article that needs the pipeline
                    load()  # here first: a pipeline that cannot load is one clear error, and forked workers share it
                    pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(model,))
                window.append((item, pool.apply_async(_work, (source, timeout))))
            while len(window) > jobs * IN_FLIGHT_PER_JOB:
                yield _settle(window.popleft())
        while window:
            yield _settle(window.popleft())
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()


def _settle(entry: tuple[T, Any]) -> tuple[T, Extracted | None]:
    item, pending = entry
    return item, None if pending is None else pending.get()

"""Pure work split over forked processes, its results back in order: what lets a large store use every core.

``contradictions`` reads the store once, then derives facts article by article
and looks each fact up in one shared index: work that needs no lock and writes
nothing. :func:`fork_map` runs the first chunk here and each other chunk in a
forked child, which sees the parent's memory as it was (the claims, the index)
without copying or pickling it, and sends back only a compact result that
``pack`` makes of what it found; ``unpack`` turns it back into objects here.
Results come back in chunk order, so the output is the same for any number of
processes. Where fork is missing (Windows), or a child fails for any reason
(killed, out of memory, an exception), its chunk is simply done here: slower,
never different.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

C = TypeVar("C")
R = TypeVar("R")


def cores() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


PARALLEL_MIN = 20_000
"""Below this many units of work (event mentions, facts), one process does it all: forking would cost more."""


def shares(items: Sequence[C], jobs: int, work: int, weight: Callable[[C], int] | None = None) -> list[Sequence[C]]:
    """``items`` cut into one part per job, or kept whole when ``work`` is too small to be worth a fork."""
    return chunks(items, jobs if work >= PARALLEL_MIN else 1, weight)


def chunks(items: Sequence[C], parts: int, weight: Callable[[C], int] | None = None) -> list[Sequence[C]]:
    """``items`` cut into at most ``parts`` consecutive runs of about equal total weight (none empty)."""
    if weight is None:  # equal weights: equal lengths
        size = -(-len(items) // max(1, parts))
        return [items[i : i + size] for i in range(0, len(items), size)] if items else []
    total = sum(weight(x) for x in items)
    out: list[list[C]] = [[]]
    done = 0
    for x in items:
        if out[-1] and len(out) < parts and done >= total * len(out) / parts:
            out.append([])
        out[-1].append(x)
        done += weight(x)
    return [c for c in out if c]


def fork_map(
    work: Callable[[C], R],
    parts: Sequence[C],
    *,
    pack: Callable[[C, R], Any],
    unpack: Callable[[C, Any], R],
) -> list[R]:
    """``[work(p) for p in parts]``, the first part here and each other in a forked child.

    ``work`` must be pure (it may read anything, but what it changes stays in the child);
    ``pack(part, result)`` runs in the child and must give something picklable and small,
    ``unpack(part, packed)`` runs here and must give back what ``work(part)`` would have.
    """
    if len(parts) <= 1 or not can_fork():
        return [work(p) for p in parts]
    ctx = multiprocessing.get_context("fork")
    children = []
    for part in parts[1:]:
        receive, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_child, args=(work, pack, part, send), daemon=True)
        proc.start()
        send.close()
        children.append((proc, receive))
    results = [work(parts[0])]
    for part, (proc, receive) in zip(parts[1:], children, strict=True):
        try:
            ok, payload = pickle.loads(receive.recv_bytes())
        except (EOFError, OSError, pickle.UnpicklingError):
            ok, payload = False, None  # the child died before it could answer
        finally:
            receive.close()
            proc.join()
        results.append(unpack(part, payload) if ok else work(part))
    return results


def _child(work: Callable[[C], R], pack: Callable[[C, R], Any], part: C, send: Any) -> None:
    try:
        message = (True, pack(part, work(part)))
    except BaseException:  # noqa: BLE001  the parent redoes the part: a failure here costs time, not results
        message = (False, None)
    send.send_bytes(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))
    send.close()

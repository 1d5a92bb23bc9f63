"""``ingest --engine dask``: articles partitioned across the workers of a Dask cluster.

Dask (``dask.distributed``) is the engine: a scheduler and workers on as many
machines as there are, started with ``dask scheduler`` / ``dask worker ADDRESS``
or by any of Dask's deployments (SSH, Kubernetes, SLURM, cloud). claimtrack
needs to be installed on every worker (``pip install claimtrack[dask]``); the
workers need no shared file system.

This process reads the inputs, cuts them into partitions of ``partition_size``
articles in input order, and submits each partition as one task; each worker
process loads the pipeline once and extracts the partitions it is given. The
results come back here, partition by partition and in order, and each
partition's claims are written as one JSONL shard of a folder store, which the
other commands read as one store. Only a bounded number of partitions are in
flight at a time.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from claimtrack.errors import ClaimtrackError

if TYPE_CHECKING:
    from claimtrack.ingest import Source
    from claimtrack.parallel import Extracted

T = TypeVar("T")
log = logging.getLogger(__name__)

PARTITION_SIZE = 100
"""Articles per task: enough to amortise a round trip, few enough to spread a feed over many workers."""


def extract_partition(sources: list[Source], model: str | None) -> list[Extracted]:
    """Runs on a worker: extract each article of one partition (the pipeline is loaded once per process)."""
    from claimtrack.parallel import extract_safely
    from claimtrack.pipeline import load_nlp

    nlp = load_nlp(model)
    return [extract_safely(source, nlp) for source in sources]


def connect(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    """A client of the cluster at ``scheduler``, or of a local cluster of ``workers`` processes.

    Raises:
        ClaimtrackError: Dask is not installed, or the scheduler cannot be reached.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ClaimtrackError(
            "--engine dask needs Dask: pip install 'claimtrack[dask]' (on this machine and on every worker)."
        ) from exc
    if not log.isEnabledFor(logging.DEBUG):
        logging.getLogger("distributed").setLevel(logging.ERROR)  # its INFO chatter; errors stay ours
    if scheduler:
        try:
            return Client(scheduler, timeout="10s"), None
        except (OSError, TimeoutError) as exc:
            raise ClaimtrackError(
                f"{scheduler}: cannot reach the Dask scheduler ({exc}). Start one with `dask scheduler` "
                "and give its address, e.g. --scheduler tcp://10.0.0.5:8786."
            ) from exc
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
    )
    return Client(cluster), cluster


def extract_on_dask(
    items: Iterable[T],
    *,
    wanted: Callable[[T], Source | None],
    scheduler: str | None,
    workers: int,
    model: str | None,
    partition_size: int = PARTITION_SIZE,
) -> Iterator[tuple[T, Extracted | None, int | None]]:
    """Each item with its extraction and the number of its partition (None for items passed through), in order."""
    client, cluster = connect(scheduler, workers)
    in_flight = max(2, 2 * len(client.scheduler_info().get("workers", {})))
    window: deque[tuple[int, list[T], Any]] = deque()
    try:
        batch: list[T] = []
        sources: list[Source] = []
        number = 0

        def submit() -> None:
            nonlocal batch, sources, number
            future = client.submit(extract_partition, sources, model, pure=False) if sources else None
            window.append((number, batch, future))
            number += 1
            batch, sources = [], []

        def settle() -> Iterator[tuple[T, Extracted | None, int | None]]:
            part, members, future = window.popleft()
            results = iter(future.result() if future is not None else [])
            for item in members:
                if wanted(item) is None:
                    yield item, None, None
                else:
                    yield item, next(results), part

        for item in items:
            batch.append(item)
            source = wanted(item)
            if source is not None:
                sources.append(source)
            if len(sources) >= partition_size:
                submit()
                while len(window) > in_flight:
                    yield from settle()
        if batch:
            submit()
        while window:
            yield from settle()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

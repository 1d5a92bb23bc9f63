"""The BBC corpus through a local two-worker Dask cluster, against a single-process ingest.

Starts a real local cluster (two worker processes, one thread each), runs
``claimtrack ingest FEED --engine dask --scheduler ADDRESS --store SHARDS/``
as a subprocess, then reads the shards with ``claimtrack claims``,
``contradictions`` and ``report`` and compares the claims (ids and records)
with those of ``claimtrack ingest FEED --jobs 1``, or of a store given with
--reference that was built from the same FEED path.

Usage:
    python benchmarks/dask_cluster.py [--corpus PATH] [--workers 2] [--reference STORE]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc-news-2225.jsonl"


def claimtrack(*args: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "claimtrack", *args], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"claimtrack {' '.join(args)} failed: {proc.stderr[-2000:]}")
    return proc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=BBC, help="the feed (its path is part of each claim's record)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--reference", type=Path, help="a store ingested from the same --corpus path by one process")
    args = ap.parse_args()

    from dask.distributed import LocalCluster

    words = sum(len(json.loads(line)["text"].split()) for line in args.corpus.open(encoding="utf-8") if line.strip())
    with (
        tempfile.TemporaryDirectory() as tmp,
        LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
    ):
        shards = Path(tmp) / "shards"
        t0 = time.perf_counter()
        claimtrack("ingest", str(args.corpus), "--engine", "dask", "--scheduler", cluster.scheduler_address,
                   "--store", str(shards), "-q")  # fmt: skip
        wall = time.perf_counter() - t0
        n_shards = len([p for p in shards.glob("*.jsonl") if not p.name.endswith(".articles.jsonl")])
        print(f"{args.workers}-worker local cluster: {wall:.1f} s, {words / wall:,.0f} words/s (whitespace words), "
              f"{n_shards} shards")  # fmt: skip
        reference = args.reference
        if reference is None:
            reference = Path(tmp) / "single" / "claims.jsonl"
            t0 = time.perf_counter()
            claimtrack("ingest", str(args.corpus), "--jobs", "1", "--store", str(reference), "-q")
            print(f"single process (--jobs 1): {time.perf_counter() - t0:.1f} s")
        for command in ("claims", "contradictions"):
            a = claimtrack(command, "--store", str(shards), "--format", "jsonl").stdout.splitlines()
            b = claimtrack(command, "--store", str(reference), "--format", "jsonl").stdout.splitlines()
            ids_a = [json.loads(line)["id"] for line in a]
            ids_b = [json.loads(line)["id"] for line in b]
            print(f"{command}: {len(a):,} from the shards, {len(b):,} from one process; "
                  f"same ids in the same order: {ids_a == ids_b}; same records: {a == b}")  # fmt: skip
        claimtrack("report", "--store", str(shards), "--out", str(Path(tmp) / "report.html"))
        print(f"report from the shards: {(Path(tmp) / 'report.html').stat().st_size:,} bytes")


if __name__ == "__main__":
    main()

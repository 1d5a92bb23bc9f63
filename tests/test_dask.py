"""ingest --engine dask on a real local cluster of two worker processes; its shards read as one store.

The feed: 14 BBC articles from ../shared and the five seeds (which hold contradictions).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import REPO, jsonl

distributed = pytest.importorskip(
    "dask.distributed", reason="the Dask extra is not installed: pip install -e '.[dask]'"
)

BBC = REPO.parent / "shared" / "corpus" / "bbc-news-2225.jsonl"


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A real two-worker local cluster (one thread each, separate processes), as `dask scheduler` gives."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local.scheduler_address


def _claimtrack(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimtrack", *args], capture_output=True, text=True, cwd=REPO, timeout=600
    )


@pytest.fixture(scope="module")
def feed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not BBC.is_file():
        pytest.skip(f"{BBC} is not here (the shared corpus sits beside the checkout)")
    lines = BBC.read_text(encoding="utf-8").splitlines()[:14]
    path = tmp_path_factory.mktemp("feed") / "bbc14.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_two_worker_cluster_writes_shards_read_as_one_store(cluster: str, feed: Path, tmp_path: Path) -> None:
    shards = tmp_path / "sharded"
    run = _claimtrack(
        "ingest",
        str(feed),
        "seeds",
        "--engine",
        "dask",
        "--scheduler",
        cluster,
        "--partition-size",
        "4",
        "--store",
        str(shards),
    )
    assert run.returncode == 0, run.stderr
    assert "ingested 19 articles" in run.stderr
    names = sorted(p.name for p in shards.iterdir())
    claim_shards = [n for n in names if n.endswith(".jsonl") and not n.endswith(".articles.jsonl")]
    assert len(claim_shards) == 5 and all(n.startswith("part-") for n in claim_shards)  # 4+4+4+4+3 articles

    single = tmp_path / "single" / "claims.jsonl"
    one = _claimtrack("ingest", str(feed), "seeds", "--jobs", "1", "--store", str(single), "-q")
    assert one.returncode == 0, one.stderr

    for command in ("claims", "articles", "contradictions", "speakers"):
        sharded_out = _claimtrack(command, "--store", str(shards), "--format", "jsonl")
        single_out = _claimtrack(command, "--store", str(single), "--format", "jsonl")
        assert sharded_out.returncode == 0 == single_out.returncode, sharded_out.stderr
        a, b = jsonl(sharded_out.stdout), jsonl(single_out.stdout)
        if command == "articles":
            for rows in (a, b):
                for row in rows:
                    row.pop("ingested_at")
        assert a == b and a, command
    claims = jsonl(_claimtrack("claims", "--store", str(shards), "--format", "jsonl").stdout)
    assert len({c["id"] for c in claims}) == len(claims) > 50

    report = tmp_path / "report.html"
    rep = _claimtrack("report", "--store", str(shards), "--out", str(report))
    assert rep.returncode == 0, rep.stderr
    html = report.read_text(encoding="utf-8")
    found = jsonl(_claimtrack("contradictions", "--store", str(shards), "--format", "jsonl").stdout)
    assert html.count('<article class="card contradiction"') == len(found)
    assert all(f'data-id="{r["id"]}"' in html for r in found)


def test_ingesting_again_on_the_cluster_adds_nothing(cluster: str, feed: Path, tmp_path: Path) -> None:
    shards = tmp_path / "sharded"
    args = ("ingest", str(feed), "--engine", "dask", "--scheduler", cluster, "--store", str(shards))
    assert _claimtrack(*args, "-q").returncode == 0
    before = sorted(p.name for p in shards.iterdir())
    again = _claimtrack(*args)
    assert again.returncode == 0 and "14 already in the store" in again.stderr
    assert sorted(p.name for p in shards.iterdir()) == before


def test_dask_needs_a_folder_store_and_a_reachable_scheduler(feed: Path, tmp_path: Path) -> None:
    file_store = _claimtrack("ingest", str(feed), "--engine", "dask", "--store", str(tmp_path / "claims.jsonl"))
    assert file_store.returncode == 2 and "folder of shards" in file_store.stderr
    gone = _claimtrack(
        "ingest", str(feed), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", "--store", str(tmp_path / "s")
    )
    assert gone.returncode == 1
    (line,) = gone.stderr.splitlines()
    assert line.startswith("Error: tcp://127.0.0.1:9: cannot reach the Dask scheduler")

"""Work split over forked processes: the same results, in the same order, whatever fails."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack import conflicts, forked, frames, views
from claimtrack.cli import cli
from claimtrack.store import Store

from .conftest import FIXTURES

needs_fork = pytest.mark.skipif(not forked.can_fork(), reason="no fork on this platform")


def test_chunks_are_consecutive_balanced_and_never_empty() -> None:
    items = list(range(10))
    assert forked.chunks(items, 3) == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    assert forked.chunks(items, 1) == [items]
    assert forked.chunks(items, 40) == [[i] for i in items]
    assert forked.chunks([], 2) == []
    heavy = ["a" * 9, "b", "c", "d", "e", "f", "g", "h", "i", "j"]
    parts = forked.chunks(heavy, 2, weight=len)
    assert [x for p in parts for x in p] == heavy
    assert parts[0] == ["a" * 9]  # its weight alone is half the total


@needs_fork
def test_fork_map_gives_the_results_in_order_and_children_see_the_parents_memory() -> None:
    parent = os.getpid()
    table = {i: i * i for i in range(1000)}  # built here, read in the children without being sent

    def work(part: list[int]) -> list[tuple[int, bool]]:
        return [(table[i], os.getpid() != parent) for i in part]

    found = forked.fork_map(work, forked.chunks(list(range(1000)), 3), pack=lambda _, r: r, unpack=lambda _, r: r)
    assert [v for part in found for v, _ in part] == [i * i for i in range(1000)]
    assert [part[0][1] for part in found] == [False, True, True]  # the first part here, the others in children


@needs_fork
def test_a_child_that_dies_or_raises_has_its_part_done_here() -> None:
    parent = os.getpid()

    def work(part: list[int]) -> list[int]:
        if os.getpid() != parent:
            if part[0] == 4:
                os._exit(3)  # killed, out of memory: no answer at all
            raise RuntimeError("a bug in a child")
        return [i + 1 for i in part]

    found = forked.fork_map(work, [[0, 1], [2, 3], [4, 5]], pack=lambda _, r: r, unpack=lambda _, r: r)
    assert found == [[1, 2], [3, 4], [5, 6]]


@needs_fork
def test_facts_and_matches_are_the_same_in_one_process_or_several(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "claims.jsonl"
    folder = FIXTURES / "articles" / "frames"
    result = runner.invoke(cli, ["ingest", str(folder), "--store", str(store)])
    assert result.exit_code == 0, result.output
    text = "The army lost control of Tessa"
    lost = views.row(
        {
            "id": "lost",
            "article": {"id": "x1", "published": "2019-05-06"},
            "text": text,
            "sentence": {"start": 0, "end": len(text), "text": text},
            "speaker": {"name": "Wire", "kind": "outlet"},
            "kind": "event",
            "events": [{"lemma": "control", "pos": "n", "start": 14, "end": 21, "head": "lose", "places": ["Tessa"]}],
        }
    )
    claims = [*Store(store).claim_views(), lost]
    one = frames.facts(claims, conflicts.JUDGED_CLASSES)
    (flipped,) = [f for f in one if f.claim is lost]
    assert flipped.event.negated and not lost.events[0].negated  # "lost control": a copy, its stance turned
    monkeypatch.setattr(forked, "PARALLEL_MIN", 0)  # fork even for a handful of articles
    several = frames.facts(claims, conflicts.JUDGED_CLASSES, jobs=3)
    assert several == one and len(one) > 10
    assert all(f.claim is g.claim for f, g in zip(several, one, strict=True))  # the same objects, not copies

    def pairs(found: list) -> list:
        return [(m.a.claim.id, m.b.claim.id, m.type, m.why, m.weight, m.rule) for m in found]

    assert pairs(conflicts.matches(several, jobs=3)) == pairs(conflicts.matches(one)) != []


@needs_fork
def test_the_command_prints_the_same_records_for_any_number_of_jobs(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "claims.jsonl"
    result = runner.invoke(cli, ["ingest", str(FIXTURES / "articles" / "frames"), "--store", str(store)])
    assert result.exit_code == 0, result.output
    monkeypatch.setattr(forked, "PARALLEL_MIN", 0)
    outputs = []
    for jobs in ("1", "2", "4"):
        args = ["contradictions", "--store", str(store), "--format", "jsonl", "--jobs", jobs]
        result = runner.invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
    assert outputs[0].strip() and outputs[0] == outputs[1] == outputs[2]

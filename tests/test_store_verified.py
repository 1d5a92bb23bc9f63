"""Readers trust lines only while the store is as claimtrack left it (the writer's marker matches)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from claimtrack.cli import cli
from claimtrack.store import Store

from .conftest import FIXTURES


def _ingest(runner: CliRunner, store: Path, name: str) -> None:
    result = runner.invoke(cli, ["ingest", str(FIXTURES / "articles" / "frames" / name), "--store", str(store)])
    assert result.exit_code == 0, result.output


def _jsonl(runner: CliRunner, store: Path) -> tuple[int, list[dict], str]:
    result = runner.invoke(cli, ["claims", "--store", str(store), "--format", "jsonl"])
    return result.exit_code, [json.loads(x) for x in result.stdout.splitlines() if x.strip()], result.stderr


def test_a_store_as_claimtrack_left_it_is_passed_on_as_stored(runner: CliRunner, tmp_path: Path) -> None:
    store = tmp_path / "claims.jsonl"
    _ingest(runner, store, "f1.txt")
    _ingest(runner, store, "f2.txt")  # a second writer's append keeps the store verified
    st = Store(store)
    lines = st.verified_lines()
    assert lines is not None
    assert list(lines) == [line + b"\n" for line in store.read_bytes().splitlines() if line.strip()]
    code, out, _ = _jsonl(runner, store)
    assert code == 0 and [c["id"] for c in out] == [c.id for c in st.claims()]


def test_a_hand_edit_sends_readers_back_to_validating_every_line(runner: CliRunner, tmp_path: Path) -> None:
    store = tmp_path / "claims.jsonl"
    _ingest(runner, store, "f1.txt")
    lines = store.read_text(encoding="utf-8").splitlines()
    bad = json.loads(lines[1])
    bad["kind"] = "rumour"  # valid JSON, not a valid record
    lines[1] = json.dumps(bad)
    store.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert Store(store).verified_lines() is None
    code, out, err = _jsonl(runner, store)
    assert code == 1 and "claims.jsonl:2" in err
    assert bad["id"] not in {c["id"] for c in out} and len(out) == len(lines) - 1


def test_a_pending_journal_or_a_torn_tail_is_never_trusted(runner: CliRunner, tmp_path: Path) -> None:
    store = tmp_path / "claims.jsonl"
    _ingest(runner, store, "f1.txt")
    with store.open("ab") as fh:
        fh.write(b'{"id": "cut off')  # an interrupted write
    assert Store(store).verified_lines() is None
    store2 = tmp_path / "two" / "claims.jsonl"
    _ingest(runner, store2, "f1.txt")
    Store(store2).journal_path.write_text("{}", encoding="utf-8")
    assert Store(store2).verified_lines() is None

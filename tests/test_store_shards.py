"""A store may be a folder of shards (what ingest --engine dask writes), read as one store."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from claimtrack.cli import cli
from claimtrack.store import Store

from .conftest import run
from .test_store import make_article, make_claim


def test_shards_are_read_in_name_order_as_one_store(tmp_path: Path) -> None:
    folder = Store(tmp_path / "shards")
    folder.claims_path.mkdir()
    folder.shard("part-2").add(make_article("a3"), [make_claim("a3")])
    folder.shard("part-1").add(make_article("a1"), [make_claim("a1"), make_claim("a1", start=50)])
    folder.shard("part-1").add(make_article("a2"), [make_claim("a2")])
    assert [s.claims_path.name for s in folder.shards()] == ["part-1.jsonl", "part-2.jsonl"]
    assert [c.article.id for c in folder.claims()] == ["a1", "a1", "a2", "a3"]
    assert [a.id for a in folder.articles()] == ["a1", "a2", "a3"]
    assert folder.article_ids() == {"a1", "a2", "a3"}


def test_writing_to_a_folder_store_goes_to_its_claims_file_and_replaces_across_shards(tmp_path: Path) -> None:
    folder = Store(tmp_path / "shards")
    folder.claims_path.mkdir()
    folder.shard("part-1").add(make_article("a1"), [make_claim("a1")])
    folder.add(make_article("a2"), [make_claim("a2")])
    assert (tmp_path / "shards" / "claims.jsonl").is_file()
    folder.add(make_article("a1"), [make_claim("a1", text="Iran will leave.")], replace=True)
    assert [(c.article.id, c.text) for c in folder.claims()] == [("a2", "Iran will stay."), ("a1", "Iran will leave.")]
    assert sorted(a.id for a in folder.articles()) == ["a1", "a2"]


def test_reading_commands_take_a_folder(runner: CliRunner, seed_store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "shards"
    folder.mkdir()
    lines = seed_store.read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / "part-a.jsonl").write_text("".join(lines[:40]), encoding="utf-8")
    (folder / "part-b.jsonl").write_text("".join(lines[40:]), encoding="utf-8")
    assert run(runner, folder, "claims") == run(runner, seed_store, "claims")
    assert run(runner, folder, "contradictions") == run(runner, seed_store, "contradictions")
    empty = tmp_path / "none"
    result = runner.invoke(cli, ["claims", "--store", str(empty)])
    assert result.exit_code == 1 and "no store here yet" in result.stderr

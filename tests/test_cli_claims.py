from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.cli import cli

from .conftest import jsonl, run


def test_claims_jsonl_has_a_stable_key_set(runner: CliRunner, seed_store: Path) -> None:
    claims = run(runner, seed_store, "claims")
    assert len(claims) > 30
    keys = {tuple(c) for c in claims}
    assert len(keys) == 1  # every record has the same keys in the same order (nulls included)
    assert {"id", "article", "span", "text", "speaker", "cue", "kind", "proposition", "time"} <= set(claims[0])


def test_claims_filters(runner: CliRunner, seed_store: Path) -> None:
    every = run(runner, seed_store, "claims")
    preds = run(runner, seed_store, "claims", "--kind", "prediction")
    assert preds and all(c["kind"] == "prediction" for c in preds)
    two = run(runner, seed_store, "claims", "--kind", "prediction", "--kind", "demand")
    assert {c["kind"] for c in two} == {"prediction", "demand"}
    late = run(runner, seed_store, "claims", "--since", "2024-01-01")
    assert late and all((c["time"] or c["article"]["published"]) >= "2024" for c in late)
    early = run(runner, seed_store, "claims", "--until", "2019-12-31")
    assert len(late) + len(early) == len(every)
    times = run(runner, seed_store, "claims", "--speaker", "New York Times")
    assert times and all("New York Times" in c["speaker"]["name"] for c in times)
    us = run(runner, seed_store, "claims", "--speaker", "Washington")  # a capital finds its country
    assert us and all(c["speaker"]["name"] == "United States" for c in us)
    one = run(runner, seed_store, "claims", "--article", "003_")
    assert one and all(c["article"]["path"].endswith("003_12a88f75db66299b.txt") for c in one)
    assert len(run(runner, seed_store, "claims", "--limit", "3")) == 3


def test_about_folds_demonyms_and_capitals(runner: CliRunner, seed_store: Path) -> None:
    by_name = {c["id"] for c in run(runner, seed_store, "claims", "--about", "Iran")}
    by_demonym = {c["id"] for c in run(runner, seed_store, "claims", "--about", "Iranian")}
    by_capital = {c["id"] for c in run(runner, seed_store, "claims", "--about", "Tehran")}
    assert by_name and by_name == by_demonym == by_capital


@pytest.mark.parametrize("fmt", ["json", "jsonl", "table"])
def test_formats(runner: CliRunner, seed_store: Path, fmt: str) -> None:
    result = runner.invoke(
        cli, ["claims", "--store", str(seed_store), "--format", fmt, "--limit", "2"], catch_exceptions=False
    )
    assert result.exit_code == 0
    if fmt == "json":
        assert len(json.loads(result.stdout)) == 2
    elif fmt == "jsonl":
        assert len(jsonl(result.stdout)) == 2
    else:
        assert "speaker" in result.stdout and "claim" in result.stdout


def test_auto_format_is_jsonl_when_piped(runner: CliRunner, seed_store: Path) -> None:
    result = runner.invoke(cli, ["claims", "--store", str(seed_store), "--limit", "1"], catch_exceptions=False)
    assert len(jsonl(result.stdout)) == 1


def test_show_a_claim_in_context(runner: CliRunner, seed_store: Path) -> None:
    claim = run(runner, seed_store, "claims", "--speaker", "New York Times")[0]
    table = runner.invoke(
        cli, ["show", claim["id"][:8], "--store", str(seed_store), "--format", "table"], catch_exceptions=False
    )
    assert table.exit_code == 0
    for part in ("sentence", "speaker", "The New York Times", "According to", "proposition"):
        assert part in table.stdout
    as_json = run(runner, seed_store, "show", claim["id"])
    assert as_json == [claim]


def test_show_unknown_id(runner: CliRunner, seed_store: Path) -> None:
    result = runner.invoke(cli, ["show", "ffffffffffff", "--store", str(seed_store)])
    assert result.exit_code == 1 and "no claim with this id" in result.stderr


def test_articles(runner: CliRunner, seed_store: Path) -> None:
    arts = run(runner, seed_store, "articles")
    assert len(arts) == 5
    by_name = {Path(a["path"]).name: a for a in arts}
    assert by_name["002_0b45276631a5805d.txt"]["author"] == "Abdulrahman al-Rashed"
    assert by_name["004_b7b8b75330a77be9.txt"]["published"] == "2019-03-18"
    assert sum(a["claims"] for a in arts) == len(run(runner, seed_store, "claims"))


def test_reading_a_store_that_does_not_exist(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["claims", "--store", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 1 and "no store here yet" in result.stderr and "claimtrack ingest" in result.stderr


def test_a_corrupt_store_is_an_error_with_the_line(runner: CliRunner, tmp_path: Path) -> None:
    store = tmp_path / "claims.jsonl"
    store.write_text("{}\n", encoding="utf-8")
    result = runner.invoke(cli, ["claims", "--store", str(store)])
    assert result.exit_code == 1 and "claims.jsonl:1:" in result.stderr and "Traceback" not in result.output


def test_store_from_environment(runner: CliRunner, seed_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMTRACK_STORE", str(seed_store))
    result = runner.invoke(cli, ["articles", "--format", "jsonl"], catch_exceptions=False)
    assert len(jsonl(result.stdout)) == 5

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.cli import cli
from claimtrack.store import Store

from .conftest import FIXTURES, jsonl

ARTICLE = (FIXTURES / "articles" / "attributed.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("use_stdin", [False, True])
def test_ingest_from_path_or_stdin(runner: CliRunner, store_env: Path, tmp_path: Path, use_stdin: bool) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    args = ["ingest", "-" if use_stdin else str(path), "--published", "2024-12-06", "--format", "jsonl"]
    result = runner.invoke(cli, args, input=ARTICLE if use_stdin else None, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    claims = jsonl(result.stdout)
    assert claims and all(c["article"]["published"] == "2024-12-06" for c in claims)
    for c in claims:  # provenance: every span is a slice of the original text
        assert ARTICLE[c["span"]["start"] : c["span"]["end"]] == c["text"] == c["span"]["text"]
    assert "1 article" in result.stderr
    assert len(list(Store(store_env).claims())) == len(claims)


def test_ingest_is_idempotent_and_force_reextracts(runner: CliRunner, store_env: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    first = runner.invoke(cli, ["ingest", str(path)], catch_exceptions=False)
    n = len(list(Store(store_env).claims()))
    again = runner.invoke(cli, ["ingest", str(path)], catch_exceptions=False)
    assert again.exit_code == 0 and "already in the store" in again.stderr
    assert len(list(Store(store_env).claims())) == n
    forced = runner.invoke(cli, ["ingest", str(path), "--force", "--published", "2020-01-01"], catch_exceptions=False)
    assert forced.exit_code == 0 and first.exit_code == 0
    claims = list(Store(store_env).claims())
    assert len(claims) == n and {c.article.published for c in claims} == {"2020-01-01"}
    assert len(list(Store(store_env).articles())) == 1


def test_ingest_prints_nothing_on_stdout_by_default(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(path)], catch_exceptions=False)
    assert result.stdout == "" and "claims" in result.stderr


def test_bad_inputs_are_reported_and_the_good_ones_still_ingested(
    runner: CliRunner, store_env: Path, tmp_path: Path
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (tmp_path / "nothing").mkdir()
    bad_front = tmp_path / "front.txt"
    bad_front.write_text("---\npublished: [oops\n---\nText here said nothing.\n")
    bad_date = tmp_path / "date.txt"
    bad_date.write_text("---\npublished: the other day\n---\nOfficials said it.\n")
    args = [
        "ingest",
        str(empty),
        str(tmp_path / "missing.txt"),
        str(binary),
        str(tmp_path / "nothing"),
        str(bad_front),
        str(bad_date),
        str(good),
    ]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    err = result.stderr
    assert f"{empty}: the file is empty" in err
    assert f"{tmp_path / 'missing.txt'}: no such file or folder" in err
    assert f"{binary}: this looks like a binary file" in err
    assert "no articles in this folder" in err
    assert "front matter" in err and "not valid YAML" in err
    assert "cannot read the publication date 'the other day'" in err
    assert "1 article" in err and "6 failed" in err
    assert {c.article.path for c in Store(store_env).claims()} == {str(good)}
    assert "Traceback" not in result.output


def test_malformed_sidecar_fails_that_article_only(runner: CliRunner, store_env: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text("{not json")
    (tmp_path / "b.txt").write_text("Officials said the talks had failed.", encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(tmp_path)])
    assert result.exit_code == 1
    assert "a.txt.meta.json:1: not valid JSON" in result.stderr
    assert {Path(c.article.path or "").name for c in Store(store_env).claims()} == {"b.txt"}


def test_legacy_encoding_is_read_with_a_notice(runner: CliRunner, store_env: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("Officials said Iran\x92s forces were leaving Syria.".encode("latin-1"))
    result = runner.invoke(cli, ["ingest", str(path), "--format", "jsonl"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "cp1252" in result.stderr
    assert any("Iran’s" in c["text"] for c in jsonl(result.stdout))


def test_wrong_encoding_option_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Iran’s forces left.", encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(path), "--encoding", "ascii"])
    assert result.exit_code == 1 and "cannot decode as ascii" in result.stderr


def test_a_ten_megabyte_article_is_processed_in_pieces(runner: CliRunner, store_env: Path, tmp_path: Path) -> None:
    # 250 kB (three pieces) keeps the suite fast; benchmarks/pipeline_speed.py --big runs a 10 MB one
    paras = [
        f"Officials said {n} Iranian soldiers were leaving Syria. The army captured town {n} on Monday.\n\n"
        for n in range(2500)
    ]
    path = tmp_path / "big.txt"
    path.write_text("".join(paras), encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(path)], catch_exceptions=False)
    assert result.exit_code == 0
    text = path.read_text(encoding="utf-8")
    claims = list(Store(store_env).claims())
    assert len(claims) >= 2500
    assert all(text[c.span.start : c.span.end] == c.text for c in claims)


@pytest.mark.parametrize("args", [["--format", "yaml"], ["--json", "--jsonl"], ["--json", "--format", "table"]])
def test_usage_errors_exit_2(runner: CliRunner, tmp_path: Path, args: list[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(path), *args])
    assert result.exit_code == 2


def test_bad_published_option_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["ingest", "-", "--published", "soon"], input="Text.")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


def test_a_model_that_cannot_be_loaded(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(path), "--model", str(tmp_path / "no-model")])
    assert result.exit_code == 1
    assert "cannot load the spaCy pipeline" in result.stderr and "--model" in result.stderr


def test_with_no_arguments_a_pipe_is_read(runner: CliRunner, store_env: Path) -> None:
    result = runner.invoke(
        cli, ["ingest", "--json"], input="Officials said the talks had failed.", catch_exceptions=False
    )
    assert result.exit_code == 0
    claims = json.loads(result.stdout)  # --json: one array
    assert claims and claims[0]["article"]["path"] == "-" and claims[0]["speaker"]["name"] == "Officials"


@pytest.mark.parametrize("use_stdin", [False, True])
def test_json_lines_of_articles(runner: CliRunner, store_env: Path, tmp_path: Path, use_stdin: bool) -> None:
    lines = (
        '{"text": "Officials said Iranian forces were leaving Syria.", "published": "2024-12-06", "outlet": "Wire"}\n'
        '{"title": "no text here"}\n'
        "not json\n"
        '{"text": "The minister said the talks had failed.", "date": "2019-03-18"}\n'
    )
    path = tmp_path / "feed.jsonl"
    path.write_text(lines, encoding="utf-8")
    args = ["ingest", "-", "--input-format", "jsonl"] if use_stdin else ["ingest", str(path)]
    result = runner.invoke(cli, args, input=lines if use_stdin else None)
    assert result.exit_code == 1
    label = "-" if use_stdin else str(path)
    assert f'{label}:2: missing required field "text"' in result.stderr
    assert f"{label}:3: not valid JSON" in result.stderr
    stored = {c.article.path: c.article for c in Store(store_env).claims()}
    assert set(stored) == {f"{label}:1", f"{label}:4"}
    assert stored[f"{label}:1"].outlet == "Wire" and stored[f"{label}:4"].published == "2019-03-18"

"""ingest --jobs N, and what ingest says on stderr: a bar on a terminal, lines with -v, a summary, -q."""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from claimtrack.cli import cli

from .conftest import REPO, SEEDS, jsonl


def _inputs(tmp_path: Path) -> list[str]:
    """The seeds, a missing file between them, and one seed given twice."""
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    return [*seeds[:2], str(tmp_path / "missing.txt"), *seeds[2:], seeds[0]]


def test_two_jobs_store_the_same_as_one_in_the_same_order(runner: CliRunner, tmp_path: Path) -> None:
    results = {}
    for jobs in (1, 2):
        store = tmp_path / f"j{jobs}" / "claims.jsonl"
        result = runner.invoke(
            cli, ["ingest", *_inputs(tmp_path), "--jobs", str(jobs), "--store", str(store), "-v", "--format", "jsonl"]
        )
        assert result.exit_code == 1, result.output  # the missing file
        results[jobs] = (store.read_bytes(), result.stdout, result.stderr.splitlines())
    one, two = results[1], results[2]
    assert one[0] == two[0] and one[0]  # byte for byte
    assert one[1] == two[1] and len(jsonl(one[1])) == one[0].count(b"\n")
    assert one[2][:-1] == two[2][:-1]  # every line but the summary's timing
    lines = two[2]
    assert "missing.txt: no such file" in lines[2] and lines[2].startswith("Error:")
    assert "already in the store" in lines[-2]
    assert lines[-1].startswith("ingested 5 articles, ") and "; 1 already in the store" in lines[-1]


def test_default_is_a_summary_and_quiet_is_errors_only(runner: CliRunner, tmp_path: Path) -> None:
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))[:2]
    default = runner.invoke(cli, ["ingest", *seeds, "--jobs", "1"])
    assert default.exit_code == 0 and default.stdout == ""
    (line,) = default.stderr.splitlines()
    assert line.startswith("ingested 2 articles, ") and "words/s" in line
    quiet = runner.invoke(cli, ["ingest", *seeds, str(tmp_path / "gone.txt"), "-q", "--force", "--jobs", "1"])
    assert quiet.exit_code == 1 and quiet.stdout == ""
    assert quiet.stderr.splitlines() == [f"Error: {tmp_path / 'gone.txt'}: no such file or folder. Check the path."]


def test_a_terminal_gets_a_progress_bar_on_stderr(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimtrack", "ingest", str(seeds), "--jobs", "1", "--store", str(tmp_path / "s.jsonl")],
        stdout=subprocess.PIPE,
        stderr=slave,
        cwd=REPO,
        env={**os.environ, "COLUMNS": "160", "TERM": "xterm"},
    )
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        seen += chunk
    out, _ = proc.communicate(timeout=120)
    os.close(master)
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", seen.decode("utf-8", "replace"))  # colours and cursor moves
    assert proc.returncode == 0 and out == b""
    assert "ingesting" in text and "/5 articles" in text and "words/s" in text and "left" in text
    assert "ingested 5 articles" in text

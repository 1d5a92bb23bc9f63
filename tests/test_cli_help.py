"""Help texts, the README's tour, and start-up cost: the read-only commands never import spaCy."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.cli import cli

from .conftest import REPO

COMMANDS = sorted(cli.commands)


def test_every_command_has_help_and_is_in_the_readme(runner: CliRunner) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        result = runner.invoke(cli, [name, "--help"], catch_exceptions=False)
        assert result.exit_code == 0 and cli.commands[name].get_short_help_str()
        assert f"claimtrack {name}" in readme, f"the README does not show `claimtrack {name}`"


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("claimtrack")


def test_unknown_command_is_a_usage_error(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["frobnicate"]).exit_code == 2


def _modules_after(args: list[str], store: Path | None = None) -> set[str]:
    code = (
        "import sys, json\n"
        "from claimtrack.cli import cli\n"
        "try:\n"
        f"    cli({args!r}, standalone_mode=False)\n"
        "except (SystemExit, Exception):\n"
        "    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    return set(json.loads(proc.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "command", ["--help", "claims", "show", "articles", "contradictions", "predictions", "speakers", "doctor"]
)
def test_reading_commands_do_not_import_spacy(seed_store: Path, command: str) -> None:
    args = [command] if command == "--help" else [command, "--store", str(seed_store), "--format", "jsonl"]
    if command == "show":
        args = ["show", "0", "--store", str(seed_store), "--format", "jsonl"]
    if command == "doctor":
        args = ["doctor", "--store", str(seed_store)]
    mods = _modules_after(args)
    assert "claimtrack.cli" in mods
    assert "spacy" not in mods and "thinc" not in mods


def test_claimtrack_runs_as_a_real_subprocess(seed_store: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "claimtrack", "contradictions", "--store", str(seed_store)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0
    records = [json.loads(line) for line in proc.stdout.splitlines()]  # piped: JSON Lines by default
    assert records and all("explanation" in r for r in records)
    bad = subprocess.run(
        [sys.executable, "-m", "claimtrack", "claims", "--store", str(seed_store), "--format", "xml"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bad.returncode == 2 and "xml" in bad.stderr


def test_ingest_from_a_pipe_in_a_subprocess(tmp_path: Path) -> None:
    store = tmp_path / "s" / "claims.jsonl"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "claimtrack",
            "ingest",
            "-",
            "--store",
            str(store),
            "--published",
            "2024-12-06",
            "--format",
            "jsonl",
        ],
        input="Officials said Iranian forces were leaving Syria.",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    claims = [json.loads(line) for line in proc.stdout.splitlines()]
    assert claims[0]["speaker"]["kind"] == "anonymous" and claims[0]["article"]["path"] == "-"

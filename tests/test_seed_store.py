"""data/claims.jsonl in the repository is what the code extracts from seeds/ (rebuild: make store)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner

from claimtrack.cli import cli

from .conftest import REPO


def _claims(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_committed_store_matches_fresh_extraction(tmp_path: Path) -> None:
    store = tmp_path / "claims.jsonl"
    cwd = os.getcwd()
    os.chdir(REPO)  # paths are stored as given: "seeds/..."
    try:
        result = CliRunner().invoke(cli, ["ingest", "seeds", "--store", str(store), "-q"], catch_exceptions=False)
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0
    fresh = _claims(store)
    committed = _claims(REPO / "data" / "claims.jsonl")
    assert [c["id"] for c in fresh] == [c["id"] for c in committed], "run `make store` and review the diff"
    assert fresh == committed, "run `make store` and review the diff"


def test_seed_files_are_unchanged() -> None:
    import hashlib

    manifest = json.loads((REPO / "seeds" / "manifest.json").read_text(encoding="utf-8"))["articles"]
    names = sorted(p.name for p in (REPO / "seeds").glob("*.txt"))
    assert names == sorted(manifest)
    for name in names:
        assert hashlib.sha256((REPO / "seeds" / name).read_bytes()).hexdigest() == manifest[name]["sha256"]
    shared = REPO.parent / "shared" / "seeds"
    if shared.is_dir():
        for name in names:
            assert (REPO / "seeds" / name).read_bytes() == (shared / name).read_bytes()

"""Shared fixtures: a CliRunner, a store in tmp_path (never the repo's), the bundled pipeline."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner
from spacy.tokens import Doc

from claimtrack.cli import cli

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden files from fresh output")


@pytest.fixture(autouse=True)
def store_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own store, set through CLAIMTRACK_STORE."""
    path = tmp_path / "store" / "claims.jsonl"
    monkeypatch.setenv("CLAIMTRACK_STORE", str(path))
    monkeypatch.delenv("CLAIMTRACK_DEBUG", raising=False)
    from claimtrack.console import set_quiet

    set_quiet(False)
    return path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The bundled pipeline with claimtrack's components, loaded once."""
    from claimtrack.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def blank_nlp():  # type: ignore[no-untyped-def]
    return spacy.blank("en")


@pytest.fixture
def make_doc(blank_nlp) -> Callable[..., Doc]:  # type: ignore[no-untyped-def]
    """A hand-built parse: words, heads (absolute indices), deps, and optional pos/lemmas."""

    def make(
        words: list[str],
        heads: list[int],
        deps: list[str],
        pos: list[str] | None = None,
        lemmas: list[str] | None = None,
        spaces: list[bool] | None = None,
    ) -> Doc:
        if spaces is None:  # no space before punctuation or after an opening quote
            spaces = [
                i + 1 < len(words) and words[i + 1] not in (".", ",", "”", ":") and w != "“"
                for i, w in enumerate(words)
            ]
        return Doc(
            blank_nlp.vocab,
            words=words,
            spaces=spaces,
            heads=heads,
            deps=deps,
            pos=pos or ["X"] * len(words),
            lemmas=lemmas or [w.lower() for w in words],
        )

    return make


@pytest.fixture
def parse(make_doc) -> Callable[[str], Doc]:  # type: ignore[no-untyped-def]
    """A hand-built parse from "word/POS/dep/head[/lemma]" tokens (heads are absolute indices)."""

    def build(spec: str) -> Doc:
        rows = [tok.split("/") for tok in spec.split()]
        return make_doc(
            [r[0] for r in rows],
            [int(r[3]) for r in rows],
            [r[2] for r in rows],
            pos=[r[1] for r in rows],
            lemmas=[r[4] if len(r) > 4 else r[0].lower() for r in rows],
        )

    return build


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from seeds/ by the real CLI, once per session."""
    root = tmp_path_factory.mktemp("seedstore")
    shutil.copytree(SEEDS, root / "seeds")
    store = root / "data" / "claims.jsonl"
    result = CliRunner().invoke(
        cli, ["ingest", str(root / "seeds"), "--store", str(store), "-q"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return store


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def run(runner: CliRunner, store: Path, *args: str) -> list[dict]:
    """Invoke a command on ``store`` with --format jsonl; it must succeed; its records."""
    result = runner.invoke(cli, [*args, "--store", str(store), "--format", "jsonl"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return jsonl(result.stdout)

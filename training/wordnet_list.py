"""What the scripts that build a word list from WordNet share: which lemmas they keep and how they write."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path


def single_word(name: str) -> bool:
    """A lower-case single word: no multi-word lemma ("pull_out"), no name, no digits."""
    return "_" not in name and name.isalpha() and name.islower()


def write_list(doc: str, default_out: Path, header: str, build: Callable[[], list[str]], what: str) -> None:
    """The command line of such a script: ``--out`` (default ``default_out``), one line per entry, sorted."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--out", type=Path, default=default_out)
    args = ap.parse_args()
    words = build()
    args.out.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} {what}")

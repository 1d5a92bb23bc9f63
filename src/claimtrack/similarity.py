"""How alike two claims read: a static word-embedding table, numpy only (no torch, no spaCy).

``resources/verb_vectors.npz`` holds 64-dimension vectors of about 8,700 English words
(every single-word WordNet verb and every word of the event classes), distilled with
model2vec from sentence-transformers' all-MiniLM-L6-v2 by ``training/build_vectors.py``.
A text's vector is the mean of its known words' vectors. Embeddings do not see negation
("will" and "will not withdraw" read alike), so similarity only ranks candidates that the
frames have already judged; it never makes a contradiction on its own.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

import numpy as np

_WORD = re.compile(r"[a-z]+")


@cache
def _table() -> tuple[dict[str, int], np.ndarray]:
    with resources.files("claimtrack.pipeline.resources").joinpath("verb_vectors.npz").open("rb") as fh:
        data = np.load(fh)
        words = [str(w) for w in data["words"]]
        vectors = data["vectors"].astype(np.float32)
    return {w: i for i, w in enumerate(words)}, vectors


@lru_cache(maxsize=1 << 16)
def text_vector(text: str) -> np.ndarray | None:
    """The mean vector of the words of ``text`` the table knows, unit length; None if it knows none."""
    index, vectors = _table()
    rows = [i for w in _WORD.findall(text.lower()) if (i := _row(w, index)) is not None]
    if not rows:
        return None
    v = vectors[rows].mean(axis=0)
    norm = float(np.linalg.norm(v))
    return v / norm if norm else None


_SUFFIXES = (
    ("ies", "y"),
    ("ied", "y"),
    ("ing", ""),
    ("ing", "e"),
    ("ed", ""),
    ("ed", "e"),
    ("es", ""),
    ("s", ""),
    ("d", ""),
)


def _row(word: str, index: dict[str, int]) -> int | None:
    """The table's row for a word or for its base form ("bombarded" -> "bombard")."""
    if word in index:
        return index[word]
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and (base := word[: -len(suffix)] + repl) in index:
            return index[base]
    return None


def similarity(a: str, b: str) -> float:
    """Cosine similarity of two texts' vectors (0.0 when either has no known word)."""
    va, vb = text_vector(a), text_vector(b)
    if va is None or vb is None:
        return 0.0
    return float(np.dot(va, vb))

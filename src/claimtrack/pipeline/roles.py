"""The learned attribution tagger: one role per token (source, cue, content; BIO).

A small CNN tagger trained on PolNeAR (``training/train_roles.py``). Besides
the word's own form it sees the parse, so that a token far from its cue still
knows which reporting verb governs it:

- the token's POS and dependency relation, and its head's lemma;
- its nearest ancestor that is a cue word (a reporting verb or a nominal cue
  of ``resources/``), with the relation it hangs from and the side it lies on;
- whether it stands inside a quotation.

The component writes ``doc._.ct_roles`` (one label per token, "O" outside any
role); ``attribution.py`` turns the labels into spans and combines them with
the rules.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import numpy
from spacy.language import Language
from spacy.pipeline.tagger import Tagger
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.types import Floats2d, Ints2d

from claimtrack.lexicon import nominal_cues, reporting_verbs
from claimtrack.pipeline.quotes import find_quotes

ROLES = ("SOURCE", "CUE", "CONTENT")
N_FEATURES = 10
# hash-table rows per feature column: many for word forms, few for closed sets (POS, relations, flags)
ROWS = (5000, 2000, 2000, 1000, 100, 200, 3000, 2000, 2000, 50)
NONE = hash_string("-")


@cache
def cue_lemmas() -> frozenset[str]:
    """Words that can govern attributed content: the reporting verbs and the nominal cues' heads."""
    return frozenset(reporting_verbs()) | frozenset(nominal_cues()) | {"accord", "according"}


def _quoted(doc: Doc) -> numpy.ndarray:
    inside = numpy.zeros(len(doc), dtype=bool)
    for s, e in find_quotes(doc.text):
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            inside[span.start : span.end] = True
    return inside


def token_features(doc: Doc) -> numpy.ndarray:
    """The feature columns of each token, as string hashes (uint64, one row per token)."""
    cues = cue_lemmas()
    out = numpy.empty((len(doc), N_FEATURES), dtype="uint64")
    inside = _quoted(doc)
    for tok in doc:
        head = tok.head
        anc, rel, side = NONE, NONE, NONE
        node, hops, last_dep = tok, 0, ""
        while hops < 8:
            if node.lemma_.lower() in cues and (node.pos_ in ("VERB", "NOUN", "ADP") or hops == 0):
                anc = hash_string(node.lemma_.lower())
                rel = hash_string(f"{'self' if hops == 0 else last_dep}>{node.lemma_.lower()}")
                side = hash_string(f"{'L' if tok.i < node.i else 'R' if tok.i > node.i else 'S'}{min(hops, 3)}")
                break
            if node.head is node:
                break
            last_dep = node.dep_
            node = node.head
            hops += 1
        out[tok.i, 0] = tok.norm
        out[tok.i, 1] = tok.prefix
        out[tok.i, 2] = tok.suffix
        out[tok.i, 3] = tok.shape
        out[tok.i, 4] = tok.pos
        out[tok.i, 5] = tok.dep
        out[tok.i, 6] = hash_string(f"{tok.dep_}>{head.lemma_.lower()}")
        out[tok.i, 7] = rel
        out[tok.i, 8] = hash_string(f"{anc}{side}") if anc != NONE else NONE
        out[tok.i, 9] = hash_string(f"q{int(inside[tok.i])}{int(tok.is_sent_start or False)}")
    return out


def _extract_forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Ints2d], Callable]:
    feats = [model.ops.asarray2i(token_features(doc), dtype="uint64") for doc in docs]  # type: ignore[arg-type]
    return feats, lambda d: []


@registry.architectures("claimtrack.RoleTok2Vec.v1")
def role_tok2vec(width: int, depth: int, window_size: int) -> Model[list[Doc], list[Floats2d]]:
    """Hash embeddings of the feature columns, then a CNN (spaCy's MaxoutWindowEncoder)."""
    from spacy.ml.models.tok2vec import MaxoutWindowEncoder

    extract: Model = Model("role_features", _extract_forward)
    embeddings: list[Model] = [HashEmbed(width, ROWS[i], column=i, seed=7 + i, dropout=0.0) for i in range(N_FEATURES)]
    embed: Model = chain(
        extract,
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(Maxout(width, width * N_FEATURES, nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )
    encode = MaxoutWindowEncoder(width=width, window_size=window_size, maxout_pieces=3, depth=depth)
    model: Model = chain(embed, with_array(encode))  # type: ignore[type-var]
    model.set_ref("embed", embed)
    model.set_ref("encode", encode)
    model.attrs["width"] = width
    return model


@registry.architectures("claimtrack.RoleTok2Vec.v2")
def role_tok2vec_lstm(width: int, depth: int, window_size: int, lstm_depth: int) -> Model[list[Doc], list[Floats2d]]:
    """The v1 encoder followed by a bidirectional LSTM over the whole document.

    The CNN sees four tokens either side; a content's edges depend on things much
    further away (where the quotation opened, whether "said" came before or after),
    which the LSTM carries along the document.
    """
    from thinc.api import LSTM, with_padded

    cnn = role_tok2vec(width, depth, window_size)
    if lstm_depth <= 0:
        return cnn
    model: Model = chain(cnn, with_padded(LSTM(width, width, bi=True, depth=lstm_depth, dropout=0.0)))  # type: ignore[type-var]
    model.set_ref("embed", cnn.get_ref("embed"))
    model.set_ref("encode", cnn.get_ref("encode"))
    model.attrs["width"] = width
    return model


def allowed_transitions(labels: tuple[str, ...]) -> numpy.ndarray:
    """``ok[i, j]``: label j may follow label i in a BIO sequence (I-X only after B-X or I-X)."""
    ok = numpy.ones((len(labels), len(labels)), dtype=bool)
    for j, b in enumerate(labels):
        if b.startswith("I-"):
            for i, a in enumerate(labels):
                ok[i, j] = a[2:] == b[2:] and a != "O"
    return ok


def viterbi(probs: numpy.ndarray, labels: tuple[str, ...]) -> list[str]:
    """The most probable label sequence that is valid BIO (no I-X after O or after another role)."""
    n = len(probs)
    if n == 0:
        return []
    logp = numpy.log(numpy.clip(probs, 1e-9, 1.0))
    penalty = numpy.where(allowed_transitions(labels), 0.0, -1e9)
    first = numpy.array([0.0 if not lab.startswith("I-") else -1e9 for lab in labels])
    score = logp[0] + first
    back = numpy.zeros((n, len(labels)), dtype=numpy.int32)
    for t in range(1, n):
        cand = score[:, None] + penalty
        back[t] = cand.argmax(axis=0)
        score = cand.max(axis=0) + logp[t]
    best = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        best.append(int(back[t, best[-1]]))
    return [labels[i] for i in reversed(best)]


def fill_gaps(labels: list[str], max_gap: int = 3) -> list[str]:
    """A content interrupted by at most ``max_gap`` unlabelled tokens is one content."""
    out = list(labels)
    i = 0
    while i < len(out):
        if out[i] == "O" and i > 0 and out[i - 1].endswith("CONTENT"):
            j = i
            while j < len(out) and out[j] == "O":
                j += 1
            if j < len(out) and j - i <= max_gap and out[j] == "I-CONTENT":
                out[i:j] = ["I-CONTENT"] * (j - i)
            i = j
        else:
            i += 1
    return out


class RoleTagger(Tagger):
    """spaCy's tagger, writing its labels to ``doc._.ct_roles`` instead of the part-of-speech tags.

    Each token takes its most probable label, and short unlabelled gaps inside a content are
    filled (``fill_gaps``); a whole-sequence decode (``viterbi``) scored lower on PolNeAR dev
    (training/README.md), and is kept for comparison.
    """

    def predict(self, docs: Any) -> list[numpy.ndarray]:
        if not any(len(doc) for doc in docs):
            return [numpy.zeros((len(doc), len(self.labels)), dtype="f") for doc in docs]
        return [self.model.ops.to_numpy(s) for s in self.model.predict(docs)]

    def set_annotations(self, docs: Any, batch_scores: Any) -> None:
        if isinstance(docs, Doc):
            docs = [docs]
        labels = tuple(self.labels)
        for doc, scores in zip(docs, batch_scores, strict=True):
            doc._.ct_roles = fill_gaps([labels[i] for i in numpy.asarray(scores).argmax(axis=1)])


DEFAULT_MODEL = {
    "@architectures": "spacy.Tagger.v2",
    "nO": None,
    "normalize": False,
    "tok2vec": {"@architectures": "claimtrack.RoleTok2Vec.v1", "width": 96, "depth": 4, "window_size": 1},
}


@Language.factory(
    "claimtrack_roles",
    requires=["token.dep", "token.pos", "token.lemma"],
    assigns=["doc._.ct_roles"],
    default_config={"model": DEFAULT_MODEL},
)
def make_role_tagger(nlp: Language, name: str, model: Model) -> RoleTagger:
    if not Doc.has_extension("ct_roles"):
        Doc.set_extension("ct_roles", default=None)
    return RoleTagger(nlp.vocab, model, name=name)

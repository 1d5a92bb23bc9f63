"""The bundled English pipeline: loads offline, parses news sensibly, records its provenance."""

from __future__ import annotations

import json

import spacy

from claimtrack.pipeline import MODEL_DIR


def test_bundled_pipeline_parses_a_news_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Officials said Iranian forces were leaving Syria.")
    said = doc[1]
    assert said.lemma_ == "say" and said.pos_ == "VERB" and said.dep_ == "ROOT"
    assert [t.text for t in said.children if t.dep_ == "nsubj"] == ["Officials"]
    (comp,) = [t for t in said.children if t.dep_ == "ccomp"]
    assert comp.text == "leaving" and comp.lemma_ == "leave"
    assert [t.text for t in comp.children if t.dep_ == "nsubj"] == ["forces"]
    assert doc[3].pos_ == "NOUN" and doc[2].pos_ == "ADJ"


def test_news_tokenization(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc("Iran’s minister — “al-Rashed” — said it.")
    texts = [t.text for t in doc]
    assert texts[:2] == ["Iran", "’s"]
    assert "—" in texts and "“" in texts and "”" in texts


def test_sentences_and_paragraphs(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Iran Heads For the Exits\n\nThe army left on Monday. Rebels took the city.")
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sents == ["Iran Heads For the Exits", "The army left on Monday.", "Rebels took the city."]


def test_meta_records_training_data_licences_and_scores() -> None:
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    names = " ".join(s["name"] for s in meta["sources"])
    assert "UD English-EWT" in names and "UD English-GUM" in names
    assert all(s.get("license") for s in meta["sources"])
    assert "CC BY-SA 4.0" in meta["license"]
    scores = meta["claimtrack_scores"]["ewt_test"]
    assert scores["pos_acc"] >= 0.93 and scores["dep_las"] >= 0.80


def test_the_pipeline_loads_from_package_data_without_claimtrack_components() -> None:
    bare = spacy.load(MODEL_DIR)
    assert {"tok2vec", "parser", "trainable_lemmatizer", "morphologizer"} <= set(bare.pipe_names)

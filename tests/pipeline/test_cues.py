"""Cue and attribution stages on hand-built parses: deterministic, no model."""

from __future__ import annotations

from claimtrack.pipeline import CLAIMS_KEY, CUES_KEY
from claimtrack.pipeline.components import Attributor, CueFinder, QuoteFinder, SpeakerFinder
from claimtrack.pipeline.extensions import register_extensions


def _run(doc):  # type: ignore[no-untyped-def]
    register_extensions()
    for stage in (QuoteFinder(), CueFinder(), Attributor(), SpeakerFinder()):
        doc = stage(doc)
    return doc


def test_reporting_verb_is_a_cue_with_subject_and_complement(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(
        ["Smith", "said", "taxes", "rose", "."],
        heads=[1, 1, 3, 1, 1],
        deps=["nsubj", "ROOT", "nsubj", "ccomp", "punct"],
        pos=["PROPN", "VERB", "NOUN", "VERB", "PUNCT"],
        lemmas=["Smith", "say", "tax", "rise", "."],
    )
    doc = _run(doc)
    assert [(s.text, s._.ct_cue_class) for s in doc.spans[CUES_KEY]] == [("said", "speech")]
    (claim,) = [s for s in doc.spans[CLAIMS_KEY] if s._.ct_cue is not None]
    assert claim.text == "taxes rose"
    assert claim._.ct_source.text == "Smith"
    assert claim._.ct_speaker["name"] == "Smith" and claim._.ct_speaker["kind"] == "person"


def test_a_lemmatizer_slip_still_finds_the_cue(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(
        ["Iran", "appealed", "to", "Syria", "to", "leave", "."],
        heads=[1, 1, 3, 1, 5, 1, 1],
        deps=["nsubj", "ROOT", "case", "obl", "mark", "xcomp", "punct"],
        pos=["PROPN", "VERB", "ADP", "PROPN", "PART", "VERB", "PUNCT"],
        lemmas=["Iran", "appeale", "to", "Syria", "to", "leave", "."],
    )
    doc = _run(doc)
    assert [(s.text, s._.ct_cue_class) for s in doc.spans[CUES_KEY]] == [("appealed", "demand")]


def test_according_to(make_doc) -> None:  # type: ignore[no-untyped-def]
    words = ["According", "to", "Reuters", ",", "the", "army", "left", "."]
    doc = make_doc(
        words,
        heads=[2, 0, 6, 6, 5, 6, 6, 6],
        deps=["case", "fixed", "obl", "punct", "det", "nsubj", "ROOT", "punct"],
        pos=["VERB", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
    )
    doc = _run(doc)
    (claim,) = [s for s in doc.spans[CLAIMS_KEY] if s._.ct_cue is not None]
    assert claim._.ct_cue.text == "According to" and claim._.ct_source.text == "Reuters"
    assert claim.text == "the army left"  # annotators leave the final stop out of a content
    assert claim._.ct_speaker["kind"] == "outlet"


def test_a_nested_reporting_verb_inside_a_quote_is_not_a_cue(make_doc) -> None:  # type: ignore[no-untyped-def]
    words = ["“", "They", "said", "no", ",", "”", "Ali", "said", "."]
    doc = make_doc(
        words,
        heads=[2, 2, 7, 2, 2, 2, 7, 7, 7],
        deps=["punct", "nsubj", "ccomp", "obj", "punct", "punct", "nsubj", "ROOT", "punct"],
        pos=["PUNCT", "PRON", "VERB", "INTJ", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"],
        lemmas=["“", "they", "say", "no", ",", "”", "Ali", "say", "."],
    )
    doc = _run(doc)
    assert [s.start for s in doc.spans[CUES_KEY]] == [7]
    (claim,) = [s for s in doc.spans[CLAIMS_KEY] if s._.ct_cue is not None]
    assert claim.text.startswith("“They said no") and claim._.ct_quoted
    assert claim._.ct_speaker["name"] == "Ali"

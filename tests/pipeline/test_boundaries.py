"""The content-boundary stage: candidates, cutting out the cue, the scorer's choice, cue and source edges.

Sentences are our own. Most tests use hand-set weights, so they check the mechanism, not
the fitted numbers; the last ones run the shipped weights on parsed sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc, Span

from claimtrack.pipeline import CLAIMS_KEY
from claimtrack.pipeline.attribution import Attribution
from claimtrack.pipeline.boundaries import (
    BoundaryModel,
    Fences,
    bridge_cue,
    close_source,
    end_candidates,
    load_model,
    merge_by_cue,
    pieces,
    redraw,
    refine,
    start_candidates,
)


def _doc(text: str) -> Doc:
    return English()(text)


def _span(doc: Doc, text: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    span = doc.char_span(start, start + len(text))
    assert span is not None, text
    return span


def test_pieces_cut_out_the_cue_the_source_and_the_commas_around_them() -> None:
    doc = _doc("“The ferry will run,” the harbour master said, “until the storm comes.”")
    att = Attribution([doc[0:6]], _span(doc, "said"), "speech", _span(doc, "the harbour master"))
    got = pieces(doc, 0, len(doc) - 1, att)
    assert [p.text for p in got] == ["“The ferry will run,”", "“until the storm comes.”"]


def test_candidates_stay_in_the_paragraph_and_off_the_cue_and_source() -> None:
    doc = _doc("Rain fell.\n\nThe coach said the team was tired.")
    att = Attribution([_span(doc, "the team was tired")], _span(doc, "said"), "speech", _span(doc, "The coach"))
    starts = start_candidates(doc, att, 12)
    assert all(doc[i].text not in ("Rain", "fell", "said", "The", "coach") for i in starts)
    assert _span(doc, "the team")[0].i in starts
    ends = end_candidates(doc, att, 12, min(starts))
    assert max(ends) == len(doc) - 1 and all(i >= min(starts) for i in ends)


def _sentences(doc: Doc, *starts: str) -> Doc:
    """Sentence boundaries by hand: a sentence starts at the doc's start and at each word given."""
    firsts = {0} | {_span(doc, word)[0].i for word in starts}
    for tok in doc:
        tok.is_sent_start = tok.i in firsts
    return doc


def test_candidates_never_run_into_a_later_sentence_past_another_cue() -> None:
    doc = _sentences(_doc("The coach said the team was tired. He said: “We will rest.”"), "He")
    att = Attribution([_span(doc, "the team was tired")], _span(doc, "said"), "speech", _span(doc, "The coach"))
    later = Attribution([_span(doc, "“We will rest.”")], _span(doc, "said", 1), "speech", _span(doc, "He"))
    fences = Fences(doc, [att, later])
    assert fences.ceiling(att) == _span(doc, "He")[0].i
    ends = end_candidates(doc, att, 24, _span(doc, "the team")[0].i, fences.ceiling(att))
    assert max(ends) < _span(doc, "He")[0].i  # the stop at most, not "He said"
    assert max(end_candidates(doc, att, 24, _span(doc, "the team")[0].i)) > _span(doc, "He")[0].i
    assert fences.floor(later) == _span(doc, "said")[0].i + 1  # nor back past "The coach said"


def test_candidates_may_take_in_another_cue_of_their_own_sentence() -> None:
    doc = _sentences(_doc("The coach said the team was tired, though he said it would win."))
    att = Attribution([_span(doc, "the team was tired")], _span(doc, "said"), "speech", _span(doc, "The coach"))
    inner = Attribution([_span(doc, "it would win")], _span(doc, "said", 1), "speech", _span(doc, "though he")[1:])
    fences = Fences(doc, [att, inner])
    ends = end_candidates(doc, att, 24, _span(doc, "the team")[0].i, fences.ceiling(att))
    assert _span(doc, "win")[0].i in ends


def test_refine_moves_an_edge_where_the_weights_say_and_not_without_them() -> None:
    doc = _doc("The coach said that the team was tired.")
    att = Attribution([_span(doc, "the team was tired.")], _span(doc, "said"), "speech", _span(doc, "The coach"))
    assert refine(doc, att, BoundaryModel({}, {})) == att  # no evidence: the edges stay
    model = BoundaryModel({"w=that": 3.0}, {"w=.": -3.0})
    assert [p.text for p in refine(doc, att, model).content] == ["that the team was tired"]


def test_redraw_without_weights_changes_nothing(tmp_path: Path) -> None:
    assert load_model(tmp_path / "absent.json") is None
    doc = _doc("The coach said the team was tired.")
    att = Attribution([_span(doc, "the team was tired.")], _span(doc, "said"), "speech")
    assert redraw(doc, [att], BoundaryModel({}, {})) == [att]


def test_a_quotation_continued_after_its_cue_is_one_attribution() -> None:
    doc = _doc("“Prices will rise,” she said. “Wages will not.”")
    cue = _span(doc, "said")
    first = Attribution([_span(doc, "“Prices will rise,”")], cue, "speech", _span(doc, "she"), quoted=True)
    second = Attribution([_span(doc, "“Wages will not.”")], cue, "speech", None, quoted=True)
    (merged,) = merge_by_cue([first, second])
    assert [p.text for p in merged.content] == ["“Prices will rise,”", "“Wages will not.”"]
    assert merged.source is not None and merged.source.text == "she"
    # two contents of one cue that are no quotations stay two claims
    plain = [Attribution(a.content, a.cue, a.cue_class, a.source) for a in (first, second)]
    assert merge_by_cue(plain) == plain


# (words, heads, part-of-speech tags, content tokens, the cue expected); the cue is word 1, the source word 0
CUE_CASES = [
    (
        ["Farmers", "called", "for", "lower", "taxes"],
        [1, 1, 4, 4, 1],
        ["NOUN", "VERB", "ADP", "ADJ", "NOUN"],
        (3, 5),
        "called for",
    ),
    # "that" introduces the content and stays out of the cue
    (
        ["Farmers", "said", "that", "taxes", "rose"],
        [1, 1, 4, 4, 1],
        ["NOUN", "VERB", "SCONJ", "NOUN", "VERB"],
        (3, 5),
        "said",
    ),
    (
        ["Farmers", "said", ":", "taxes", "rose"],
        [1, 1, 1, 4, 1],
        ["NOUN", "VERB", "PUNCT", "NOUN", "VERB"],
        (3, 5),
        "said :",
    ),
]


@pytest.mark.parametrize(("words", "heads", "pos", "content", "expected"), CUE_CASES)
def test_the_cue_takes_the_preposition_or_colon_before_its_content(  # type: ignore[no-untyped-def]
    make_doc, words, heads, pos, content, expected
) -> None:
    doc = make_doc(words, heads=heads, deps=["dep"] * len(words), pos=pos, spaces=[True] * len(words))
    att = Attribution([doc[content[0] : content[1]]], doc[1:2], "speech", doc[0:1])
    assert bridge_cue(doc, att).cue.text == expected  # type: ignore[union-attr]


def test_a_source_with_an_apposition_keeps_its_closing_comma() -> None:
    doc = _doc("Ann Okoro, the port's director, said the cranes were idle.")
    att = Attribution(
        [_span(doc, "the cranes were idle")], _span(doc, "said"), "speech", _span(doc, "Ann Okoro, the port's director")
    )
    assert close_source(doc, att).source.text == "Ann Okoro, the port's director,"  # type: ignore[union-attr]
    plain = _doc("Ann Okoro said the cranes were idle.")
    source = _span(plain, "Ann Okoro")
    att2 = Attribution([_span(plain, "the cranes were idle")], _span(plain, "said"), "speech", source)
    assert close_source(plain, att2) == att2


def test_shipped_weights_draw_contents_the_annotators_way(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The governor said that the new bridge would open in May.")
    (claim,) = [s for s in doc.spans[CLAIMS_KEY] if s._.ct_cue is not None]
    # the complementizer belongs to the content, the final stop does not
    assert [p.text for p in claim._.ct_pieces] == ["that the new bridge would open in May"]


def test_a_quotation_split_by_its_cue_gives_claims_without_the_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("“The dam is safe,” the engineer said. “Nobody needs to leave.”")
    claims = [s for s in doc.spans[CLAIMS_KEY] if s._.ct_cue is not None]
    assert [c.text for c in claims] == ["“The dam is safe,”", "“Nobody needs to leave.”"]
    assert {c._.ct_cue.text for c in claims} == {"said"}

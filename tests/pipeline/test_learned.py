"""The learned attribution stage: decoding the tagger's labels, grouping them, meeting the rules.

Labels are written by hand over parsed sentences of our own, so these tests check the
grouping and the combination, not the trained weights."""

from __future__ import annotations

import numpy

from claimtrack.pipeline.attribution import Attribution
from claimtrack.pipeline.learned import attributions_from_roles, combine, cue_class, role_spans
from claimtrack.pipeline.roles import fill_gaps, token_features, viterbi


def _labels(doc, spans: dict[str, str]) -> list[str]:  # type: ignore[no-untyped-def]
    """BIO labels from {text: ROLE}, each text found once in the doc."""
    labels = ["O"] * len(doc)
    for text, role in spans.items():
        start = doc.text.index(text)
        span = doc.char_span(start, start + len(text))
        assert span is not None, text
        for k, tok in enumerate(span):
            labels[tok.i] = ("B-" if k == 0 else "I-") + role
    return labels


def test_role_spans_open_a_span_on_b_and_on_a_stray_i() -> None:
    from spacy.lang.en import English

    doc = English()("the harbour is closed , she said")
    spans = role_spans(doc, ["B-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT", "O", "I-SOURCE", "B-CUE"])
    assert [(r, s.text) for r, s in spans] == [("CONTENT", "the harbour is closed"), ("SOURCE", "she"), ("CUE", "said")]


def test_short_gaps_inside_a_content_are_filled_and_long_ones_kept() -> None:
    labels = ["B-CONTENT", "I-CONTENT", "O", "I-CONTENT", "O", "O", "O", "O", "I-CONTENT"]
    assert fill_gaps(labels, 2) == ["B-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT", "O", "O", "O", "O", "I-CONTENT"]


def test_viterbi_never_puts_an_inside_label_after_outside() -> None:
    labels = ("O", "B-CONTENT", "I-CONTENT")
    probs = numpy.array([[0.9, 0.05, 0.05], [0.2, 0.1, 0.7], [0.1, 0.1, 0.8]])
    path = viterbi(probs, labels)
    assert path[1:] == ["B-CONTENT", "I-CONTENT"] or path == ["O", "O", "O"]
    assert all(not (a == "O" and b.startswith("I-")) for a, b in zip(path, path[1:], strict=False))


def test_features_are_one_row_per_token(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The mayor said “the bridge will reopen” on Monday.")
    feats = token_features(doc)
    assert feats.shape == (len(doc), 10)
    # tokens under "said" share its cue-ancestor feature, the subject's differs
    bridge, mayor = doc[5], doc[1]
    assert feats[bridge.i, 7] != feats[mayor.i, 7]


def test_grouping_joins_content_pieces_to_their_cue_and_the_nearest_source(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The ferry will run, the harbour master said, until the storm arrives. The port was quiet."
    doc = nlp(text)
    labels = _labels(
        doc,
        {
            "The ferry will run": "CONTENT",
            "the harbour master": "SOURCE",
            "said": "CUE",
            "until the storm arrives": "CONTENT",
        },
    )
    (att,) = attributions_from_roles(doc, labels, [])
    assert [p.text for p in att.content] == ["The ferry will run", "until the storm arrives"]
    assert att.source is not None and att.source.text == "the harbour master"
    assert att.cue is not None and att.cue.text == "said" and att.cue_class == "speech"


def test_a_cue_without_content_gives_no_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The minister said nothing.")
    assert attributions_from_roles(doc, _labels(doc, {"said": "CUE", "The minister": "SOURCE"}), []) == []


def test_cue_class_comes_from_the_lexicon(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Analysts expect prices to rise, according to the survey.")
    assert cue_class(doc[1:2]) == "prediction"
    assert cue_class(doc[6:8]) == "according"


def test_combine_keeps_one_attribution_per_stretch_of_text(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Officials said the border would reopen. Traders believe prices will fall.")
    rule = Attribution([doc[2:6]], doc[1:2], "speech", doc[0:1])
    model_same = Attribution([doc[3:6]], doc[1:2], "speech", doc[0:1])
    model_new = Attribution([doc[9:13]], doc[8:9], "cognition", doc[7:8])
    model_plan = Attribution([doc[9:13]], doc[8:9], "intention", doc[7:8])
    assert combine([rule], [model_same, model_new]) == [rule, model_new]
    assert combine([rule], [model_same], prefer="model") == [model_same]
    assert combine([rule], [model_plan]) == [rule]  # intentions stay with the rules


def _cue(nlp, text: str, word: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    start = text.index(word)
    span = doc.char_span(start, start + len(word))
    assert span is not None, word
    return span


def test_a_learned_cue_that_is_no_word_of_saying_or_thinking_is_no_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    from claimtrack.pipeline.learned import NO_CUE

    text = "After four days of snow, thousands were out and about, shaking off cabin fever before the match."
    assert cue_class(_cue(nlp, text, "shaking")) == NO_CUE
    assert cue_class(_cue(nlp, "The squad boarded the plane before the final.", "boarded")) == NO_CUE


def test_a_learned_cue_outside_the_lexicons_is_kept_when_wordnet_says_it_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The minister berated the report, which he called a whitewash."
    assert cue_class(_cue(nlp, text, "berated")) == "speech"
    assert cue_class(_cue(nlp, "Ms Lind is confident that the bridge will open.", "is confident")) == "speech"
    assert cue_class(_cue(nlp, "Prosecutors have charged them with fraud.", "have")) == "speech"


def _span(doc, text: str):  # type: ignore[no-untyped-def]
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text))
    assert span is not None, text
    return span


def test_the_tagger_mends_a_cue_the_parse_nested_the_wrong_way(nlp) -> None:  # type: ignore[no-untyped-def]
    # the rules read "ask" as the cue of "the mayor has said"; the tagger nests "ask" in what the mayor said
    doc = nlp("The council had no choice but to ask the firm to leave the site, the mayor has said.")
    rule = Attribution([_span(doc, "the mayor has said")], _span(doc, "ask"), "demand", _span(doc, "The council"))
    content = _span(doc, "The council had no choice but to ask the firm to leave the site")
    learned = Attribution([content], _span(doc, "has said"), "speech", _span(doc, "the mayor"))
    assert combine([rule], [learned]) == [learned]
    # where the rules' attribution of the same cue reaches past the tagger's, the rules stay
    doc = nlp("Officials said the border would reopen and that traders want to return.")
    rule = Attribution([_span(doc, "the border would reopen and that traders want to return")], doc[1:2], "speech")
    short = Attribution([_span(doc, "the border would reopen and that traders want")], doc[1:2], "speech")
    inner = Attribution([_span(doc, "to return")], _span(doc, "want"), "intention", _span(doc, "traders"))
    assert combine([rule, inner], [short]) == [rule, inner]


def test_a_quotation_the_tagger_gives_a_cue_the_rules_kept_joins_that_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'The minister said the plan was sound. "It will cut waiting lists."'
    doc = nlp(text)
    quote = _span(doc, '"It will cut waiting lists."')
    rule = Attribution([_span(doc, "the plan was sound")], doc[2:3], "speech", doc[0:2])
    learned = Attribution([doc[3:7], quote], doc[2:3], "speech", doc[0:2])
    out = combine([rule], [learned], quotes=[quote])
    assert [[p.text for p in a.content] for a in out] == [["the plan was sound"], [quote.text]]
    assert out[1].cue == rule.cue and out[1].source == rule.source and out[1].quoted


def test_no_role_runs_over_a_paragraph_break_nor_joins_a_cue_in_a_later_paragraph(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"The pier is closed."\n\nAfter giving a statement, the mayor left.'
    doc = nlp(text)
    labels = ["I-CONTENT"] * len(doc)
    cue = _span(doc, "giving a statement")
    for tok in cue:
        labels[tok.i] = "I-CUE" if tok.i > cue.start else "B-CUE"
    spans = role_spans(doc, labels)
    assert not any("\n\n" in s.text for _, s in spans)
    pieces = [p.text for a in attributions_from_roles(doc, labels, []) for p in a.content]
    assert '"The pier is closed."' not in pieces and pieces


def test_a_quantity_word_is_a_source_but_a_preposition_alone_is_none(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The talks are stuck and many fear the pier will close.")
    labels = _labels(doc, {"many": "SOURCE", "fear": "CUE", "the pier will close": "CONTENT"})
    (att,) = attributions_from_roles(doc, labels, [])
    assert att.source is not None and att.source.text == "many"
    doc = nlp("The mayor appealed to the crowd, saying the pier would close.")
    labels = _labels(doc, {"The mayor": "SOURCE", "to": "SOURCE", "saying": "CUE", "the pier would close": "CONTENT"})
    (att,) = attributions_from_roles(doc, labels, [])
    assert att.source is not None and att.source.text == "The mayor"

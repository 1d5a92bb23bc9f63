from __future__ import annotations

from claimtrack.pipeline.quotes import find_quotes


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in find_quotes(text)]


def test_curly_quotes_nest_and_only_the_outermost_is_kept() -> None:
    text = "He wrote: “the term “the rise” emerged.” Then he left."
    assert _texts(text) == ["“the term “the rise” emerged.”"]


def test_a_quote_over_two_paragraphs_is_one_quote() -> None:
    text = "X wrote: “First part.\n\nSecond part.”\n\nAfter."
    assert _texts(text) == ["“First part.\n\nSecond part.”"]


def test_straight_quotes_pair_within_a_paragraph() -> None:
    text = 'She said "we will stay" and "we will win".\nA 5" pipe.'
    assert _texts(text) == ['"we will stay"', '"we will win"']


def test_an_unclosed_quote_is_ignored() -> None:
    assert _texts("He said “never mind") == []


def test_a_straight_quote_runs_over_lines_to_its_closing_mark() -> None:
    text = '"We stayed at home.\nWe could not go out.\nIt was hard," she said.\nThen it ended.'
    assert _texts(text) == ['"We stayed at home.\nWe could not go out.\nIt was hard,"']


def test_a_paragraph_that_opens_a_quotation_ends_the_one_left_open() -> None:
    # a quotation over paragraphs is re-opened at each, and closed only at its end
    text = '"First part.\n\n"Second part," he said.'
    assert _texts(text) == ['"First part.', '"Second part,"']


def test_a_mark_with_space_on_both_sides_closes_the_open_quotation() -> None:
    text = 'She said: "It is an honour. " Then she said: "I am proud."'
    assert _texts(text) == ['"It is an honour. "', '"I am proud."']


def test_a_mark_opening_a_sentence_inside_a_quotation_reopens_it() -> None:
    # a paragraph break lost between two quoted paragraphs: the first ends with its sentence
    text = 'He said: "It did me no harm. Nor did it help. "We left early, that is all."'
    assert _texts(text) == ['"It did me no harm. Nor did it help.', '"We left early, that is all."']


def test_a_quotation_inside_a_sentence_is_not_reopened_by_a_nested_mark() -> None:
    text = 'He said: "They call it "freedom" now."'
    assert _texts(text) == ['"They call it "freedom"']


def test_a_stray_straight_mark_does_not_swallow_the_article() -> None:
    text = 'He said "no.\n' + "Another line.\n" * 8 + 'The end."'
    assert _texts(text) == []


def test_a_quotation_left_open_in_a_headline_ends_where_a_new_one_opens() -> None:
    text = 'Crowds chant "Get out!\nThe lead sentence has no quotation.\nHe said "it is over" at night.'
    assert _texts(text) == ['"it is over"']


def test_a_quotation_that_lost_its_closing_mark_ends_before_the_next_cue_opens_one() -> None:
    text = 'Ruiz added: "We trained all winter. It paid off. The coach said: "The crew is ready."'
    assert _texts(text) == ['"We trained all winter. It paid off.', '"The crew is ready."']

from __future__ import annotations

import pytest

from claimtrack.furniture import blank, byline, find_furniture

PAGE = """Home / World / Iran Leaves Syria
Iran Leaves Syria

Enable Read mode
100% Font Size
Published: Updated:

Iran has withdrawn its forces from Syria, officials said.

The move was expected for months by analysts in the region and beyond it.

This article is also available in Arabic.

Jane Doe is a veteran journalist and columnist. She tweets @janedoe

Disclaimer: Views expressed by writers in this section are their own.

Check Also

Another Story Entirely

Iran plans to ramp up exports …

Leave a Reply
"""


def _kept(text: str) -> str:
    return " ".join(blank(text, find_furniture(text, author="Jane Doe")).split())


def test_page_furniture_is_blanked_and_the_article_kept() -> None:
    kept = _kept(PAGE)
    assert "Iran has withdrawn its forces from Syria, officials said." in kept
    assert "The move was expected" in kept
    for junk in (
        "Home /",
        "Enable Read mode",
        "Font Size",
        "Published:",
        "also available",
        "veteran journalist",
        "Disclaimer",
        "Check Also",
        "ramp up exports",
        "Leave a Reply",
    ):
        assert junk not in kept, junk


def test_blanking_keeps_every_offset() -> None:
    masked = blank(PAGE, find_furniture(PAGE))
    assert len(masked) == len(PAGE)
    i = PAGE.index("Iran has withdrawn")
    assert masked[i : i + 18] == "Iran has withdrawn"
    assert masked.count("\n") == PAGE.count("\n")


def test_a_repeated_headline_is_furniture_once() -> None:
    headline = "Iran Request US to Leave Syria, while Damascus Threatens\n\n"
    text = headline + headline + "Body text follows here.\n"
    kept = _kept(text)
    assert kept.count("Iran Request US") == 1 and "Body text" in kept


def test_an_ordinary_article_is_left_alone() -> None:
    text = "Officials said on Monday that talks would resume.\n\nThe talks had stalled in May.\n"
    assert find_furniture(text) == []


COMMENTED = """Troops Pull Back From the Port
The army said on Tuesday that its units had left the port.
Residents said shelling continued overnight.
Officials gave no casualty figures.
Honestly I think the whole war is a disgrace!
Why are we paying for any of it?
12 April 2013 at 9:02 pm | Report abuse | The army always lies.
You clearly have never been there.
April 12, 2013 at 9:15 PM | Reply Nobody asked you, the troops left.
"""


def test_reader_comments_are_not_the_article() -> None:
    kept = _kept(COMMENTED)
    assert "its units had left the port" in kept
    assert "Officials gave no casualty figures." in kept
    for comment in ("disgrace", "paying for", "always lies", "never been there", "the troops left"):
        assert comment not in kept, comment


def test_a_comment_stamped_with_its_time_twice_is_a_comment() -> None:
    text = (
        "The port reopened on Monday, officials said.\n"
        "Officials gave no casualty figures.\n"
        "I think the whole war is a disgrace!\n"
        "February 10, 2011 09:04 pm at 9:04 pm | Nobody asked you, the troops left.\n"
    )
    kept = _kept(text)
    assert "officials said" in kept and "disgrace" not in kept and "troops left" not in kept


def test_a_date_and_time_in_an_article_is_not_a_comment() -> None:
    text = "The vote closed on March 5, 2011 at 6:15 pm, officials said.\nI will resign, he said.\n"
    assert find_furniture(text) == []


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("By Ashley Hayes, CNN\nSoldiers stood guard outside the museum.", "Ashley Hayes"),
        ("January 31, 2011 | By Tim Lister and Emily Smith, CNN\nThe talks failed.", "Tim Lister and Emily Smith"),
        ("By Julian E. Zelizer, Special to CNN\nThe president spoke.", "Julian E. Zelizer"),
        ("By Dan Primack February 2, 2011\nThe fund closed.", "Dan Primack"),
        ("By Nadia Farouk Members of the union marched on Friday.", "Nadia Farouk"),
        ("By the CNN Wire Staff\nCairo was quiet.", None),
        ("By CNN Wire Staff\nCairo was quiet.", None),
        ("The band played Stand By Me twice.", None),
    ],
)
def test_a_byline_at_the_top_names_the_author(text: str, author: str | None) -> None:
    found = byline(text)
    assert (found[0] if found else None) == author
    if found:
        assert text[found[1] : found[2]].startswith("By ") and author.split()[-1] in text[found[1] : found[2]]


def test_a_byline_further_down_is_no_byline() -> None:
    assert byline("The band played on.\n" * 40 + "By Ashley Hayes, CNN") is None


def test_a_byline_line_is_no_claim_and_a_long_line_keeps_its_text() -> None:
    text = "By Ashley Hayes, CNN's Senior Producer\nThe talks failed, officials said."
    found = byline(text)
    assert found is not None and text[found[1] : found[2]] == "By Ashley Hayes, CNN's Senior Producer"
    long = "By Ashley Hayes for CNN Officials said the talks had failed after a long night of argument in the capital."
    found = byline(long)
    assert found is not None and long[found[1] : found[2]] == "By Ashley Hayes"


def test_a_commentary_note_names_the_writer_and_where_the_note_stands() -> None:
    from claimtrack.furniture import opinion_author

    text = "The reform will fail.\n\nThe views expressed in this article are solely those of Ana de Souza."
    name, start, end = opinion_author(text)  # type: ignore[misc]
    assert name == "Ana de Souza" and text[start:end].startswith("The views expressed") and end == len(text)
    assert opinion_author("The views of the minister are well known.") is None

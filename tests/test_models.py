from __future__ import annotations

import pytest
from pydantic import ValidationError

from claimtrack.models import ArticleRef, SpanRef, Speaker, article_id, claim_id


def test_ids_are_deterministic_and_distinct() -> None:
    assert article_id("some text") == article_id("some text")
    assert article_id("some text") != article_id("other text")
    assert claim_id("a", 1, 5) == claim_id("a", 1, 5)
    assert claim_id("a", 1, 5) != claim_id("a", 1, 6)
    assert len(claim_id("a", 1, 5)) == 16


@pytest.mark.parametrize("value", ["2018", "2018-12", "2018-12-05"])
def test_partial_dates_are_accepted(value: str) -> None:
    assert ArticleRef(id="x", published=value).published == value


@pytest.mark.parametrize("value", ["2018-13", "18-12-05", "December 2018", "2018-12-32"])
def test_bad_dates_are_rejected(value: str) -> None:
    with pytest.raises(ValidationError):
        ArticleRef(id="x", published=value)


def test_records_forbid_unknown_fields_and_are_frozen() -> None:
    with pytest.raises(ValidationError):
        Speaker(name="Iran", kind="organization", colour="red")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Speaker(name="Iran", kind="government")  # type: ignore[arg-type]
    span = SpanRef(start=0, end=2, text="ab")
    with pytest.raises(ValidationError):
        span.start = 3  # type: ignore[misc]

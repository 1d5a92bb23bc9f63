"""The semantics stage on sentences of our own: evaluations of how likely something is."""

from __future__ import annotations

import pytest

from claimtrack.models import ArticleRef
from claimtrack.pipeline.records import claims_from_doc


def _claim(nlp, text: str):  # type: ignore[no-untyped-def]
    (claim,) = [c for c in claims_from_doc(nlp(text), ArticleRef(id="t", published="2019-05-02"), text=text)]
    return claim


@pytest.mark.parametrize(
    "text, polarity",
    [
        ("Analysts said the chances that the army will withdraw from the north this year are slim.", False),
        ("Diplomats said there is little chance that Russia will withdraw its troops.", False),
        ("Officials said there is a good chance that the army will withdraw from the north.", True),
    ],
)
def test_an_evaluated_chance_is_a_prediction(nlp, text: str, polarity: bool) -> None:  # type: ignore[no-untyped-def]
    claim = _claim(nlp, text)
    assert claim.kind == "prediction"
    assert claim.proposition is not None and claim.proposition.predicate == "withdraw"
    assert claim.proposition.polarity is polarity

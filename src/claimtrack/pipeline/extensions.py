"""Every ``._`` attribute claimtrack sets on spaCy objects, registered once."""

from __future__ import annotations

from spacy.tokens import Span

_SPAN_ATTRS: dict[str, object] = {
    # on cue spans (doc.spans[CUES_KEY])
    "ct_cue_class": None,  # speech / cognition / prediction / intention / demand / question / according
    # on claim spans (doc.spans[CLAIMS_KEY])
    "ct_source": None,  # Span of the source as written, or None
    "ct_cue": None,  # Span of the cue, or None for the author's own claims
    "ct_pieces": None,  # list[Span]: the content, when it is interrupted ("X, reports say, Y")
    "ct_quoted": False,
    "ct_via": None,  # str: a secondary source ("as reported by ISNA")
    "ct_rhetorical": False,  # "Who would believe X?": the source is the speaker, X is denied
    "ct_title": False,  # the claim is the article's headline
    "ct_speaker": None,  # dict: name, kind, role, mention (Span)
    "ct_kind": None,
    "ct_hedge": None,
    "ct_polarity": True,
    "ct_proposition": None,  # dict, see semantics.py
    "ct_time_text": None,
    "ct_events": None,  # list[dict], see events.py
}


def register_extensions() -> None:
    for name, default in _SPAN_ATTRS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)

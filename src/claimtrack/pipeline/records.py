"""Doc -> Claim records: the one place where spaCy meets pydantic."""

from __future__ import annotations

import re
from pathlib import Path

from spacy.tokens import Doc, Span

from claimtrack.models import ArticleRef, Claim, Event, Proposition, SpanRef, Speaker, claim_id
from claimtrack.pipeline import CLAIMS_KEY
from claimtrack.timeref import resolve


def span_ref(text: str, start: int, end: int) -> SpanRef:
    return SpanRef(start=start, end=end, text=text[start:end])


def author_name(article: ArticleRef) -> str:
    """The name the author's own claims go under when the author is not known."""
    if article.author:
        return article.author
    label = Path(article.path).name if article.path and article.path != "-" else article.id
    return f"(author of {label})"


def _expand_surname(name: str, author: str | None) -> str:
    if not author:
        return name
    strip = lambda w: re.sub(r"^(al|el)-", "", w.lower().replace("’", "'"))  # noqa: E731
    if len(name.split()) == 1 and strip(name) == strip(author.split()[-1]):
        return author
    return name


def claims_from_doc(doc: Doc, article: ArticleRef, *, text: str, offset: int = 0) -> list[Claim]:
    """The claims of one processed Doc.

    Args:
        doc: a Doc processed by the claimtrack pipeline.
        article: the article the Doc (or this piece of it) belongs to.
        text: the article's original text: every offset points into it.
        offset: where the Doc's text starts in ``text`` (for articles processed in pieces).
    """
    out: list[Claim] = []
    seen: set[tuple[int, int]] = set()
    for span in doc.spans.get(CLAIMS_KEY, []):
        if span._.ct_kind is None:
            continue  # questions are not claims
        start, end = offset + span.start_char, offset + span.end_char
        if (start, end) in seen:
            continue
        seen.add((start, end))
        sent = span[0].sent
        sent_ref = span_ref(text, offset + sent.start_char, offset + max(sent.end_char, span.end_char))
        speaker = _speaker(span, article, text, offset)
        cue: Span | None = span._.ct_cue
        prop = span._.ct_proposition
        future = bool(prop and prop.get("modality") in ("predicted", "intended"))
        time_text = span._.ct_time_text
        out.append(
            Claim(
                id=claim_id(article.id, start, end),
                article=article,
                span=span_ref(text, start, end),
                text=text[start:end],
                sentence=sent_ref,
                speaker=speaker,
                cue=span_ref(text, offset + cue.start_char, offset + cue.end_char) if cue is not None else None,
                via=span._.ct_via,
                quoted=bool(span._.ct_quoted),
                kind=span._.ct_kind,
                polarity=bool(span._.ct_polarity),
                hedge=span._.ct_hedge,
                time=resolve(time_text, article.published, future=future and _looks_ahead(time_text)),
                time_text=time_text,
                proposition=Proposition(**prop) if prop else None,
                events=[
                    Event(
                        **{
                            **ev,
                            "start": offset + ev["start"],
                            "end": offset + ev["end"],
                            "time": resolve(ev.get("time_text"), article.published),
                        }
                    )
                    for ev in span._.ct_events or []
                ],
            )
        )
    return out


def _looks_ahead(expression: str | None) -> bool:
    return bool(expression and re.search(r"\b(next|coming|by|until)\b", expression, re.I))


def _speaker(span: Span, article: ArticleRef, text: str, offset: int) -> Speaker:
    found = span._.ct_speaker
    if not found:
        if not article.author and article.outlet:
            return Speaker(name=article.outlet, kind="outlet")  # no byline: the outlet says it
        return Speaker(name=author_name(article), kind="author")
    mention = found.get("mention")
    ref = span_ref(text, offset + mention.start_char, offset + mention.end_char) if mention is not None else None
    name = found["name"]
    if found.get("writer") and article.author:
        return Speaker(name=article.author, kind="author", mention=ref)  # "I" outside any quotation: the writer
    if found["kind"] == "person":
        name = _expand_surname(name, article.author)
        if article.author and name == article.author:
            return Speaker(name=name, kind="author", mention=ref, role=found.get("role"))
    return Speaker(name=name, kind=found["kind"], mention=ref, role=found.get("role"))

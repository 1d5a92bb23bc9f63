"""Contradiction logic on hand-built claims: no NLP involved."""

from __future__ import annotations

import itertools

from claimtrack.contradictions import find_contradictions, predictions, speaker_records
from claimtrack.models import ArticleRef, Claim, Proposition, SpanRef, Speaker, claim_id

_ids = itertools.count()


def claim(
    kind: str,
    subject: str,
    predicate: str,
    polarity: bool,
    published: str,
    *,
    speaker: str = "Writer",
    speaker_kind: str = "person",
    place: str | None = "Syria",
    modality: str | None = None,
    time: str | None = None,
    hedge: str | None = None,
    obj: str | None = None,
    article: str | None = None,
) -> Claim:
    n = next(_ids)
    aid = article or f"art{n}"
    text = f"claim {n}"
    span = SpanRef(start=0, end=len(text), text=text)
    modality = modality or {"prediction": "predicted", "intention": "intended", "demand": "demanded"}.get(
        kind, "actual"
    )
    return Claim(
        id=claim_id(aid, n, n + 1),
        article=ArticleRef(id=aid, path=f"{aid}.txt", published=published),
        span=span,
        text=text,
        sentence=span,
        speaker=Speaker(name=speaker, kind=speaker_kind),
        kind=kind,
        hedge=hedge,
        time=time,
        proposition=Proposition(
            subject=subject, predicate=predicate, object=obj, place=place, polarity=polarity, modality=modality
        ),
    )


def test_a_prediction_contradicted_by_later_events_is_one_grouped_record() -> None:
    pred = claim("prediction", "Iran", "withdraw", False, "2018-08-28", speaker="Abdulrahman al-Rashed")
    later = [
        claim("event", "Iran", "withdraw", True, "2024-12-06", speaker="reports", speaker_kind="anonymous"),
        claim(
            "event",
            "Iran",
            "withdraw",
            True,
            "2024-12-07",
            speaker="The New York Times",
            speaker_kind="outlet",
            place=None,
        ),
    ]
    found = find_contradictions([pred, *later], ranked=False)
    assert len(found) == 1
    rec = found[0]
    assert rec.type == "prediction_contradicted" and rec.earlier == pred.id
    assert set(rec.later) == {c.id for c in later}
    assert rec.explanation.startswith("Abdulrahman al-Rashed (2018-08-28) predicted Iran would not withdraw from Syria")
    assert "2 reports from 2024-12-06 to 2024-12-07" in rec.explanation
    assert 0 < rec.confidence <= 1 and any("independent reports" in r for r in rec.reasons)
    assert find_contradictions([pred, *later], ranked=False)[0].id == rec.id  # deterministic


def test_different_actors_do_not_contradict() -> None:
    iran = claim("prediction", "Iran", "withdraw", False, "2018-09")
    us = claim("event", "United States", "withdraw", True, "2019-01")
    assert find_contradictions([iran, us], ranked=False) == []


def test_agreement_is_not_flagged_and_confirms() -> None:
    pred = claim("prediction", "Iran", "withdraw", True, "2018-09")
    event = claim("event", "Iran", "withdraw", True, "2024-12-06")
    assert find_contradictions([pred, event], ranked=False) == []
    (p,) = predictions([pred, event], [])
    assert p.status == "confirmed" and p.confirmed_by == [event.id]


def test_demands_opinions_and_hypotheses_are_not_predictions() -> None:
    later = claim("event", "United States", "withdraw", False, "2019-06")
    for kind, modality in (("demand", "demanded"), ("opinion", "actual"), ("prediction", "hypothetical")):
        earlier = claim(kind, "United States", "withdraw", True, "2019-03", modality=modality)
        assert find_contradictions([earlier, later], ranked=False) == [], kind


def test_an_event_before_the_prediction_does_not_contradict_it() -> None:
    event = claim("event", "Iran", "withdraw", True, "2017-01")
    pred = claim("prediction", "Iran", "withdraw", False, "2018-09")
    assert find_contradictions([event, pred], ranked=False) == []


def test_different_places_do_not_contradict_but_a_missing_place_may() -> None:
    pred = claim("prediction", "Iran", "withdraw", False, "2018-09", place="Syria")
    elsewhere = claim("event", "Iran", "withdraw", True, "2024-12", place="Lebanon")
    unsaid = claim("event", "Iran", "withdraw", True, "2024-12", place=None)
    assert find_contradictions([pred, elsewhere], ranked=False) == []
    (rec,) = find_contradictions([pred, unsaid], ranked=False)
    assert any("place is stated on one side only" in r for r in rec.reasons)


def test_reversal_of_an_actors_stated_intention_uses_resolved_times() -> None:
    # one article of 2019-03-18: "in December" the US planned to withdraw; "last month" it said it would stay
    plan = claim(
        "intention",
        "United States",
        "withdraw",
        True,
        "2019-03-18",
        speaker="United States",
        speaker_kind="organization",
        time="2018-12",
        article="a004",
    )
    keep = claim(
        "intention",
        "United States",
        "withdraw",
        False,
        "2019-03-18",
        speaker="United States",
        speaker_kind="organization",
        time="2019-02",
        article="a004",
    )
    (rec,) = find_contradictions([keep, plan], ranked=False)
    assert rec.type == "reversal" and rec.earlier == plan.id and rec.later == [keep.id]
    assert "reversed course" in rec.explanation
    assert any("same source states both positions" in r for r in rec.reasons)


def test_without_times_one_article_gives_no_order_and_no_reversal() -> None:
    a = claim("intention", "United States", "withdraw", True, "2019-03-18", article="same")
    b = claim("intention", "United States", "withdraw", False, "2019-03-18", article="same")
    assert find_contradictions([a, b], ranked=False) == []


def test_conflicting_reports_at_about_the_same_time() -> None:
    yes = claim("event", "Iran", "withdraw", True, "2024-12-06", speaker="Reuters", speaker_kind="outlet")
    no = claim("event", "Iran", "withdraw", False, "2024-12-08", speaker="IRNA", speaker_kind="outlet")
    much_later = claim("event", "Iran", "withdraw", False, "2025-06-01", speaker="AP", speaker_kind="outlet")
    found = find_contradictions([yes, no, much_later], ranked=False)
    assert [r.type for r in found] == ["conflicting_reports"]
    assert found[0].earlier == yes.id and found[0].later == [no.id]


def test_hedged_predictions_lower_confidence() -> None:
    firm = claim("prediction", "Iran", "withdraw", False, "2018-09")
    hedged = claim("prediction", "Iran", "withdraw", False, "2018-09", hedge="may")
    event = claim("event", "Iran", "withdraw", True, "2024-12")
    by_earlier = {r.earlier: r.confidence for r in find_contradictions([firm, hedged, event], ranked=False)}
    assert by_earlier[hedged.id] < by_earlier[firm.id]


def test_objects_matter_for_support_only() -> None:
    syria = claim("intention", "Iran", "support", True, "2018-08", obj="Syria", place=None)
    hezbollah = claim("event", "Iran", "support", False, "2024-12", obj="Hezbollah", place=None)
    assert find_contradictions([syria, hezbollah], ranked=False) == []


def test_track_records() -> None:
    pred = claim("prediction", "Iran", "withdraw", False, "2018-08-28", speaker="Rashed")
    other = claim("prediction", "Iran", "attack", True, "2018-08-28", speaker="Rashed")
    event = claim("event", "Iran", "withdraw", True, "2024-12-06", speaker="reports", speaker_kind="anonymous")
    claims = [pred, other, event]
    preds = predictions(claims, find_contradictions(claims, ranked=False))
    assert {p.claim: p.status for p in preds} == {pred.id: "contradicted", other.id: "open"}
    rows = {r.speaker: r for r in speaker_records(claims, preds)}
    assert (rows["Rashed"].predictions, rows["Rashed"].contradicted, rows["Rashed"].open) == (2, 1, 1)
    assert rows["reports"].predictions == 0 and rows["reports"].claims == 1


def test_blocking_scales_by_proposition_not_pairs() -> None:
    # 2,000 claims about 1,000 different actors: no pair across actors is ever compared
    claims = [claim("prediction", f"Actor{i}", "withdraw", False, "2018-01") for i in range(1000)]
    claims += [claim("event", f"Actor{i}", "withdraw", True, "2019-01") for i in range(1000)]
    found = find_contradictions(claims, ranked=False)
    assert len(found) == 1000 and all(len(r.later) == 1 for r in found)


def test_actors_that_change_with_the_article_take_no_part() -> None:
    # "the government" or an unresolved "he" is someone else in every article
    for subject in ("government", "he", "the club"):
        pred = claim("prediction", subject, "withdraw", False, "2018-09")
        event = claim("event", subject, "withdraw", True, "2024-12")
        assert find_contradictions([pred, event], ranked=False) == [], subject


def test_classes_with_targets_need_both_targets_named() -> None:
    raise_tax = claim("intention", "United Kingdom", "increase", True, "2004-10", obj="income tax", place=None)
    cut_jobs = claim("event", "United Kingdom", "increase", False, "2005-01", obj="civil servants", place=None)
    unnamed = claim("event", "United Kingdom", "increase", False, "2005-01", obj=None, place=None)
    same = claim("event", "United Kingdom", "increase", False, "2005-02", obj="income tax", place=None)
    found = find_contradictions([raise_tax, cut_jobs, unnamed, same], ranked=False)
    assert [(r.earlier, r.later) for r in found] == [(raise_tax.id, [same.id])]


def test_fitted_confidence_explains_itself() -> None:
    from claimtrack.ranking import weights

    pred = claim("prediction", "Iran", "withdraw", False, "2018-09")
    events = [claim("event", "Iran", "withdraw", True, "2024-12", speaker=f"Source {i}") for i in range(3)]
    (one,) = find_contradictions([pred, events[0]])
    (three,) = find_contradictions([pred, *events])
    assert weights(), "confidence.json ships with the package"
    assert 0.0 < one.confidence < 1.0 and one.reasons[0].startswith("judged: ")
    assert any("extra sources" in r for r in three.reasons)
    # more independent reports of the same thing raise the confidence, as the audits taught
    assert (three.confidence > one.confidence) == (weights()["extra sources"] > 0)

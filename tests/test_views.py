"""The fast row decoder that read-only commands use, held field for field to the pydantic schema it mirrors."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import pytest
from pydantic import BaseModel, ValidationError

from claimtrack import models, views
from claimtrack.errors import StoreError
from claimtrack.store import Store, damage, reset_damage

PAIRS = [
    (views.ClaimRow, models.ClaimView),
    (views.ArticleRow, models.ArticleView),
    (views.SpeakerRow, models.SpeakerView),
    (views.SpanRow, models.SpanRef),
    (views.PropositionRow, models.Proposition),
    (views.EventRow, models.Event),
]

CLAIM = {
    "schema_version": 1,
    "id": "c1",
    "article": {"id": "a1", "path": "x.txt", "published": "2011-03-04", "outlet": "Wire", "title": "T"},
    "span": {"start": 10, "end": 40, "text": "the army withdrew from Tessa"},
    "text": "the army withdrew from Tessa",
    "sentence": {"start": 0, "end": 40, "text": "Officials said the army withdrew from Tessa"},
    "speaker": {"name": "Ana Pérez", "kind": "person", "mention": {"start": 0, "end": 9, "text": "Officials"}},
    "cue": {"start": 10, "end": 14, "text": "said"},
    "kind": "event",
    "hedge": "reportedly",
    "time": "2011-03",
    "proposition": {"subject": "Chad", "predicate": "withdraw", "place": "Tessa", "polarity": False},
    "events": [
        {"lemma": "withdraw", "pos": "v", "start": 24, "end": 32, "subject": "the army", "places": ["Tessa"]},
        {"lemma": "control", "pos": "n", "start": 33, "end": 40, "negated": True, "head": "lose", "count": 3},
    ],
}


@pytest.mark.parametrize(("row", "model"), PAIRS, ids=lambda t: t.__name__)
def test_each_row_has_the_fields_and_defaults_of_its_schema(row: type, model: type[BaseModel]) -> None:
    fields = {f.name: f for f in msgspec.structs.fields(row)}
    assert set(fields) == set(model.model_fields)
    for name, info in model.model_fields.items():
        required = info.is_required()
        assert (fields[name].required) == required, name
        if not required:
            default = (
                fields[name].default_factory()
                if fields[name].default_factory is not msgspec.NODEFAULT
                else (fields[name].default)
            )
            assert default == info.get_default(call_default_factory=True), name


def test_a_claim_decodes_to_the_same_values_as_the_schema_reads() -> None:
    raw = json.dumps(CLAIM).encode()
    row, view = views.decode(raw), models.ClaimView.model_validate_json(raw)
    assert isinstance(row, views.ClaimRow) and row.events[1].head == view.events[1].head == "lose"
    assert json.loads(msgspec.json.encode(row)) == view.model_dump()


@pytest.mark.parametrize(
    "change",
    [
        {"article": {"id": "a1", "published": "2011-13-01"}},  # no month 13
        {"article": {"id": "a1", "published": "March 2011"}},
        {"kind": "rumour"},
        {"speaker": {"name": "X", "kind": "deity"}},
        {"events": [{"lemma": "go", "pos": "x", "start": 0, "end": 1}]},
        {"events": [{"lemma": "go", "pos": "v", "start": -1, "end": 1}]},
        {"text": None},
        {"id": 7},
    ],
)
def test_what_the_schema_refuses_the_rows_refuse(change: dict) -> None:
    raw = json.dumps(CLAIM | change).encode()
    with pytest.raises(ValidationError):
        models.ClaimView.model_validate_json(raw)
    with pytest.raises(views.DecodeError):
        views.decode(raw)


def test_a_refused_line_is_skipped_with_the_schemas_own_message(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    bad = CLAIM | {"id": "c2", "kind": "rumour"}
    path.write_text("\n".join(json.dumps(c) for c in (CLAIM, bad, CLAIM | {"id": "c3"})) + "\n", encoding="utf-8")
    reset_damage()
    rows = list(Store(path).claim_views())
    assert [r.id for r in rows] == ["c1", "c3"] and all(isinstance(r, views.ClaimRow) for r in rows)
    (message,) = damage()
    assert "claims.jsonl:2: not a valid record" in message and "kind" in message


def test_a_line_of_a_newer_schema_asks_for_an_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_text(json.dumps(CLAIM | {"schema_version": 2, "stance": "new"}) + "\n", encoding="utf-8")
    with pytest.raises(StoreError, match=r"claims.jsonl:1: written by a newer claimtrack.*Upgrade claimtrack"):
        list(Store(path).claim_views())


def test_replaced_and_as_proposition_work_on_rows_and_records_alike() -> None:
    row = views.decode(json.dumps(CLAIM).encode())
    record = models.Claim.model_validate(CLAIM)
    assert views.replaced(row.events[0], negated=True).negated and not row.events[0].negated
    assert views.replaced(record.events[0], negated=True).negated and not record.events[0].negated
    assert row.proposition is not None and record.proposition is not None
    assert views.as_proposition(row.proposition) == record.proposition
    assert views.as_proposition(record.proposition) is record.proposition

"""Typed classes without a server: constructors, attributes, datetimes, to_dict, equality."""

from __future__ import annotations

import datetime
import json

import pytest

import leverkit

UTC = datetime.timezone.utc


def test_keyword_constructor_sets_fields_and_rejects_unknown_ones() -> None:
    r = leverkit.ListOpportunitiesRequest(stage_id=["applicant-new"], limit=10, archived=False)
    assert r.stage_id == ["applicant-new"] and r.limit == 10 and r.archived is False
    assert r.offset is None and r.tag == []
    r.offset = "token"
    assert r.offset == "token"
    with pytest.raises(TypeError):
        leverkit.ListOpportunitiesRequest(stage=["x"])  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        leverkit.ListOpportunitiesRequest(limit="ten")  # type: ignore[arg-type]


def test_models_are_read_only() -> None:
    s = leverkit.Stage(id="offer", text="Offer")
    with pytest.raises(AttributeError):
        s.id = "x"  # type: ignore[misc]
    assert s == leverkit.Stage(id="offer", text="Offer") and s != leverkit.Stage(id="x", text="Offer")
    assert repr(s) == "Stage(id='offer', text='Offer')"


def test_datetimes_are_aware_utc_and_naive_means_utc() -> None:
    aware = datetime.datetime(2026, 5, 1, 16, 0, 0, 123000, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
    n = leverkit.NoteCreate(value="x", created_at=aware)
    assert n.created_at == aware
    assert n.created_at is not None and n.created_at.tzinfo == UTC and n.created_at.hour == 14
    naive = datetime.datetime(2026, 5, 1, 14, 0)
    n.created_at = naive
    assert n.created_at == naive.replace(tzinfo=UTC)
    before_epoch = datetime.datetime(1969, 12, 31, 23, 59, 59, 999000, tzinfo=UTC)
    n.created_at = before_epoch
    assert n.created_at == before_epoch
    with pytest.raises(TypeError):
        n.created_at = "2026-05-01"  # type: ignore[assignment]


def test_to_dict_is_plain_json_ready_data() -> None:
    f = leverkit.FormField(
        id="f1",
        type=leverkit.FieldType.multiple_select,
        text="Languages",
        options=[leverkit.FieldOption(text="Go"), leverkit.FieldOption(text="Rust", option_id="r")],
        value=["Go"],
    )
    d = f.to_dict()
    assert d["type"] == "multiple_select"
    assert d["options"] == [{"text": "Go", "option_id": None}, {"text": "Rust", "option_id": "r"}]
    assert d["value"] == ["Go"]
    body = leverkit.FeedbackCreate(
        base_template_id="t", completed_at=datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    )
    assert json.loads(json.dumps(body.to_dict()))["completed_at"] == "2026-01-02T03:04:05+00:00"


def test_field_values_are_checked_against_the_field() -> None:
    yn = leverkit.FormField(id="f", type=leverkit.FieldType.yes_no, type_name="yes-no", text="Relocate?")
    assert leverkit.yes_no_value(yn, True) == "yes"
    with pytest.raises(leverkit.InvalidArgument) as info:
        leverkit.text_value(yn, "maybe")
    assert info.value.code == "invalid_argument"
    dd = leverkit.FormField(
        id="d", type=leverkit.FieldType.dropdown, type_name="dropdown", text="Notice",
        options=[leverkit.FieldOption(text="2 weeks")],
    )
    assert leverkit.option_value(dd, "2 weeks") == "2 weeks"
    with pytest.raises(leverkit.InvalidArgument):
        leverkit.option_value(dd, "3 weeks")


def test_error_classes_by_code() -> None:
    assert leverkit.error_class("not_found") is leverkit.NotFound
    assert leverkit.error_class("rate_limited") is leverkit.RateLimited
    assert issubclass(leverkit.InvalidArgument, ValueError)
    assert all(issubclass(leverkit.error_class(c.name), leverkit.LeverError) for c in leverkit.Errc)

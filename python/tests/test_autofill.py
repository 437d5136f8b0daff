"""Autofill from Python: a sandbox feedback template, a transcript, a typed draft, and the reviewed
draft posted as feedback."""

from __future__ import annotations

import datetime
import json

import pytest

import leverkit
from conftest import Sandbox

TRANSCRIPT = """Interviewer: Thanks for joining. When could you start?
Dana Reyes: I could start on March 2, 2026.
Interviewer: And do you have a competing offer at the moment?
Dana Reyes: No, I don't have any other offers right now.
Interviewer: Who could we contact as a reference?
Dana Reyes: You can contact "Maria Lopez at Initech" as my reference.
"""


def debrief_template(client: leverkit.Client) -> leverkit.FeedbackTemplate:
    return next(t for t in client.list_feedback_templates() if t.text == "Hiring Manager Debrief")


def make_input(tmpl: leverkit.FeedbackTemplate) -> leverkit.AutofillInput:
    return leverkit.AutofillInput(
        template_id=tmpl.id,
        fields=list(tmpl.fields),
        transcript=leverkit.parse_transcript(TRANSCRIPT),
        call=leverkit.CallContext(
            meeting_start=datetime.datetime(2026, 1, 15, 15, 0, tzinfo=datetime.timezone.utc),
            time_zone="America/New_York",
            participants=[
                leverkit.Participant(name="Dana Reyes", role=leverkit.ParticipantRole.candidate),
                leverkit.Participant(name="Interviewer", role=leverkit.ParticipantRole.interviewer),
            ],
        ),
    )


def test_draft_is_typed_and_never_fills_ratings(sandbox: Sandbox) -> None:
    tmpl = debrief_template(sandbox.client())
    draft = leverkit.autofill(make_input(tmpl))
    assert isinstance(draft, leverkit.Draft)
    assert draft.requires_human_review
    assert [f.id for f in draft.fields] == [f.id for f in tmpl.fields]
    by_text = {f.text: f for f in draft.fields}
    rec = by_text["Recommendation"]
    assert rec.decision == leverkit.Decision.skipped and rec.skip == leverkit.SkipCode.evaluative_type
    assert rec.value is None
    start = by_text["Earliest start date"]
    assert start.decision == leverkit.Decision.filled, start.why
    assert isinstance(start.value, int)  # Lever's date form: epoch ms
    assert datetime.datetime.fromtimestamp(start.value / 1000, datetime.timezone.utc).date() == datetime.date(2026, 3, 2)
    assert start.evidence and start.evidence[0].quote in TRANSCRIPT
    assert start.evidence[0].role == leverkit.SpeakerRole.candidate
    offer = by_text["Has a competing offer?"]
    assert offer.decision == leverkit.Decision.filled and offer.value == "no", offer.why
    assert draft.filled_count == sum(1 for f in draft.fields if f.decision == leverkit.Decision.filled)
    doc = json.loads(draft.to_json())
    assert doc["requires_human_review"] is True and len(doc["fields"]) == len(tmpl.fields)
    json.dumps(draft.to_dict())


def test_reviewed_draft_is_posted_as_feedback(fresh_sandbox: Sandbox) -> None:
    client = fresh_sandbox.client()
    tmpl = debrief_template(client)
    draft = leverkit.autofill(make_input(tmpl))
    opp = next(client.list_opportunities(leverkit.ListOpportunitiesRequest(archived=False))).id
    with pytest.raises(leverkit.InvalidArgument):
        leverkit.make_feedback_create(draft, opp, "")
    user = next(client.list_users()).id
    with pytest.raises(leverkit.InvalidArgument):
        leverkit.make_feedback_create(draft, "", user)
    reviewed = leverkit.make_feedback_create(draft, opp, user)
    # The client's own request type: sent as is.
    assert isinstance(reviewed, leverkit.CreateFeedbackRequest)
    assert reviewed.opportunity_id == opp
    assert reviewed.perform_as == user and reviewed.body.base_template_id == tmpl.id
    assert len(reviewed.body.field_values) == draft.filled_count
    fb = client.create_feedback(reviewed)
    got = client.get_feedback(leverkit.GetFeedbackRequest(opportunity_id=opp, feedback_id=fb.id))
    sent = {e.id: e.value for e in reviewed.body.field_values}
    for f in got.fields:
        if f.id in sent:
            assert f.value == sent[f.id], f.text
    assert fresh_sandbox.stats()["writes"]["feedback"] == 1


def test_transcript_errors_and_classifier() -> None:
    with pytest.raises(leverkit.InvalidArgument):
        leverkit.parse_transcript("")
    notes = leverkit.parse_notes("# Logistics\n- Start date: March 2\n")
    assert notes.utterances and notes.utterances[0].role == leverkit.SpeakerRole.notes
    rating = leverkit.FormField(type=leverkit.FieldType.score, type_name="score", text="Problem solving")
    assert leverkit.classify_field(rating).cls == leverkit.FieldClass.evaluative_type
    form = leverkit.read_form_json(
        json.dumps({"data": {"id": "t1", "text": "T", "fields": [{"id": "f1", "type": "text", "text": "Q?"}]}})
    )
    assert form.template_id == "t1" and form.fields[0].id == "f1"
    with pytest.raises(leverkit.DecodeError):
        leverkit.read_form_json("{not json")

"""Every write method against a private sandbox; /__sandbox/stats proves each write happened once."""

from __future__ import annotations

import datetime
from typing import List

import pytest

import leverkit
from conftest import Sandbox


def days_from_now(days: int) -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) + datetime.timedelta(days=days)


def fill(f: leverkit.FormField) -> object:
    t = f.type
    T = leverkit.FieldType
    if t in (T.text, T.textarea, T.code):
        return leverkit.text_value(f, "answer to " + f.text)
    if t == T.yes_no:
        return leverkit.yes_no_value(f, True)
    if t == T.date:
        return leverkit.date_value(f, days_from_now(-3))
    if t == T.currency:
        return leverkit.number_value(f, 85000.0)
    if t in (T.dropdown, T.multiple_choice, T.score_system):
        return leverkit.option_value(f, f.options[-1].text)
    if t == T.multiple_select:
        return leverkit.options_value(f, [f.options[0].text])
    if t == T.score:
        return leverkit.score_value(f, 3)
    if t == T.scorecard:
        return leverkit.scorecard_value(f, [leverkit.ScorecardScore(score=4, comment="row") for _ in f.scores])
    return None


def setup(s: Sandbox) -> "tuple[leverkit.Client, str, List[leverkit.Opportunity]]":
    c = s.client()
    user = next(c.list_users(leverkit.ListUsersRequest(limit=5))).id
    opps = list(c.list_opportunities(leverkit.ListOpportunitiesRequest(archived=False, limit=100)))
    assert len(opps) > 10
    return c, user, opps


def test_notes_crud(fresh_sandbox: Sandbox) -> None:
    c, user, opps = setup(fresh_sandbox)
    opp = opps[2].id
    created = c.create_note(
        leverkit.CreateNoteRequest(
            opportunity_id=opp, perform_as=user, body=leverkit.NoteCreate(value="AI notes: strong Go", score=3)
        )
    )
    assert isinstance(created, leverkit.NoteCreated) and created.note_id
    comment = c.create_note(
        leverkit.CreateNoteRequest(
            opportunity_id=opp, perform_as=user, note_id=created.note_id, body=leverkit.NoteCreate(value="TLDR")
        )
    )
    assert comment.note_id == created.note_id
    note = c.get_note(leverkit.GetNoteRequest(opportunity_id=opp, note_id=created.note_id))
    assert [x.value for x in note.comments] == ["AI notes: strong Go", "TLDR"]
    assert any(n.id == note.id for n in c.list_notes(leverkit.ListOpportunityItemsRequest(opportunity_id=opp)))
    upd = leverkit.note_update_from(note)
    upd.values[0].value = "AI notes: strong Go and Rust"
    updated = c.update_note(leverkit.UpdateNoteRequest(opportunity_id=opp, note_id=note.id, body=upd))
    assert updated.comments[0].value == "AI notes: strong Go and Rust"
    c.delete_note(leverkit.DeleteNoteRequest(opportunity_id=opp, note_id=note.id))
    with pytest.raises(leverkit.NotFound):
        c.get_note(leverkit.GetNoteRequest(opportunity_id=opp, note_id=note.id))
    assert fresh_sandbox.stats()["writes"]["notes"] == 4


def test_panels_and_interviews(fresh_sandbox: Sandbox) -> None:
    c, user, opps = setup(fresh_sandbox)
    opp = opps[3].id
    body = leverkit.PanelCreate(
        timezone="Europe/Berlin",
        note="loop",
        external_url="https://ats.example/p/1",
        interviews=[
            leverkit.PanelInterview(
                interviewers=[leverkit.InterviewerRef(id=user)],
                date=days_from_now(5),
                duration=45,
                subject="Round 1",
                location="https://zoom.us/j/123",
            )
        ],
    )
    panel = c.create_panel(leverkit.CreatePanelRequest(opportunity_id=opp, perform_as=user, body=body))
    assert panel.externally_managed and panel.timezone == "Europe/Berlin"
    created = c.create_interview(
        leverkit.CreateInterviewRequest(
            opportunity_id=opp,
            perform_as=user,
            body=leverkit.InterviewCreate(
                panel=panel.id,
                interviewers=[leverkit.InterviewerRef(id=user)],
                date=days_from_now(9),
                duration=30,
                subject="System design",
                note="bring a laptop",
                location="Room 7",
            ),
        )
    )
    assert created.panel == panel.id and created.duration == 30
    assert created.end - created.date == datetime.timedelta(minutes=30)
    base = leverkit.interview_update_from(created)
    base.subject = "System design (long)"
    replaced = c.update_interview(
        leverkit.UpdateInterviewRequest(opportunity_id=opp, interview_id=created.id, perform_as=user, body=base)
    )
    assert replaced.subject == "System design (long)" and replaced.note == "bring a laptop"

    def edit(u: leverkit.InterviewCreate) -> None:
        u.location = "Zoom"

    c.update_interview_fields(
        leverkit.UpdateInterviewFieldsRequest(opportunity_id=opp, interview_id=created.id, perform_as=user, edit=edit)
    )
    reread = c.get_interview(leverkit.GetInterviewRequest(opportunity_id=opp, interview_id=created.id))
    assert reread.location == "Zoom" and reread.subject == "System design (long)" and reread.date == created.date
    c.delete_interview(leverkit.DeleteInterviewRequest(opportunity_id=opp, interview_id=created.id, perform_as=user))
    current = c.get_panel(leverkit.GetPanelRequest(opportunity_id=opp, panel_id=panel.id))
    upd = leverkit.panel_update_from(current)
    upd.note = "updated note"
    updated = c.update_panel(
        leverkit.UpdatePanelRequest(opportunity_id=opp, panel_id=panel.id, perform_as=user, body=upd)
    )
    assert updated.note == "updated note"
    assert any(p.id == panel.id for p in c.list_panels(leverkit.ListOpportunityItemsRequest(opportunity_id=opp)))
    c.delete_panel(leverkit.DeletePanelRequest(opportunity_id=opp, panel_id=panel.id, perform_as=user))
    with pytest.raises(leverkit.NotFound):
        c.get_panel(leverkit.GetPanelRequest(opportunity_id=opp, panel_id=panel.id))
    w = fresh_sandbox.stats()["writes"]
    assert w["panels"] == 3 and w["interviews"] == 4


def test_templates_feedback_and_profile_forms(fresh_sandbox: Sandbox) -> None:
    c, user, opps = setup(fresh_sandbox)
    opp = opps[5].id
    # feedback templates CRUD
    created_t = c.create_feedback_template(
        leverkit.CreateFeedbackTemplateRequest(
            body=leverkit.FeedbackTemplateCreate(
                text="Python screen",
                fields=[
                    leverkit.FormField(
                        type=leverkit.FieldType.score_system, type_name="score-system", text="Overall", required=True
                    ),
                    leverkit.FormField(type=leverkit.FieldType.textarea, type_name="textarea", text="Notes"),
                ],
            )
        )
    )
    assert created_t.fields[0].type == leverkit.FieldType.score_system
    got_t = c.get_feedback_template(leverkit.GetTemplateRequest(template_id=created_t.id))
    assert got_t == created_t
    upd_t = leverkit.FeedbackTemplateCreate(text="Python screen v2", fields=list(got_t.fields))
    assert c.update_feedback_template(leverkit.UpdateFeedbackTemplateRequest(template_id=created_t.id, body=upd_t)).text == (
        "Python screen v2"
    )
    c.delete_feedback_template(leverkit.DeleteTemplateRequest(template_id=created_t.id))

    # feedback from the richest seeded template, typed values
    templates = list(c.list_feedback_templates())
    tmpl = max(templates, key=lambda t: len(t.fields))
    values = [leverkit.field_entry(f, fill(f)) for f in tmpl.fields]  # type: ignore[arg-type]
    fb = c.create_feedback(
        leverkit.CreateFeedbackRequest(
            opportunity_id=opp,
            perform_as=user,
            body=leverkit.FeedbackCreate(base_template_id=tmpl.id, field_values=values, completed_at=days_from_now(-1)),
        )
    )
    got = c.get_feedback(leverkit.GetFeedbackRequest(opportunity_id=opp, feedback_id=fb.id))
    for f, v in zip(got.fields, values):
        if f.type != leverkit.FieldType.unknown:
            assert f.value == v.value, f.text
    text_field = next(f for f in got.fields if f.type in (leverkit.FieldType.text, leverkit.FieldType.textarea))
    c.update_feedback(
        leverkit.UpdateFeedbackRequest(
            opportunity_id=opp,
            feedback_id=fb.id,
            perform_as=user,
            body=leverkit.FeedbackUpdate(field_values=[leverkit.field_entry(text_field, "revised")]),
        )
    )
    reread = c.get_feedback(leverkit.GetFeedbackRequest(opportunity_id=opp, feedback_id=fb.id))
    assert next(f for f in reread.fields if f.id == text_field.id).value == "revised"
    with pytest.raises(leverkit.InvalidArgument):
        leverkit.field_entry(text_field, 7)
    c.delete_feedback(leverkit.DeleteFeedbackRequest(opportunity_id=opp, feedback_id=fb.id, perform_as=user))
    visible = list(c.list_feedback(leverkit.ListFeedbackRequest(opportunity_id=opp)))
    assert all(not f.deleted for f in visible) and fb.id not in {f.id for f in visible}
    everything = list(c.list_feedback(leverkit.ListFeedbackRequest(opportunity_id=opp, include_deleted=True)))
    assert any(f.id == fb.id and f.deleted for f in everything)

    # form templates and profile forms
    ft = c.create_form_template(
        leverkit.CreateFormTemplateRequest(
            body=leverkit.FormTemplateCreate(
                text="Logistics",
                fields=[leverkit.FormField(type=leverkit.FieldType.text, type_name="text", text="Start date?")],
            )
        )
    )
    assert c.get_form_template(leverkit.GetTemplateRequest(template_id=ft.id)).text == "Logistics"
    assert c.update_form_template(
        leverkit.UpdateFormTemplateRequest(
            template_id=ft.id, body=leverkit.FormTemplateCreate(text="Logistics 2", fields=list(ft.fields))
        )
    ).text == "Logistics 2"
    pf_body = leverkit.profile_form_create_from(ft)
    for f in pf_body.fields:
        f.value = fill(f)  # type: ignore[assignment]
    pf = c.create_profile_form(
        leverkit.CreateProfileFormRequest(opportunity_id=opp, perform_as=user, body=pf_body)
    )
    assert c.get_profile_form(leverkit.GetProfileFormRequest(opportunity_id=opp, profile_form_id=pf.id)).id == pf.id
    assert any(
        p.id == pf.id for p in c.list_profile_forms(leverkit.ListOpportunityItemsRequest(opportunity_id=opp))
    )
    assert any(t.id == ft.id for t in c.list_form_templates())
    c.delete_form_template(leverkit.DeleteTemplateRequest(template_id=ft.id))
    w = fresh_sandbox.stats()["writes"]
    assert w["feedback"] == 3 and w["forms"] == 1


def test_opportunity_writes_contacts_applications(fresh_sandbox: Sandbox) -> None:
    c, user, opps = setup(fresh_sandbox)
    created = c.create_opportunity(
        leverkit.CreateOpportunityRequest(
            perform_as=user,
            body=leverkit.OpportunityCreate(
                name="Ada Lovelace", emails=["ada@example.com"], phones=[leverkit.Phone(value="+1 415 555 0100")]
            ),
        )
    )
    assert created.name == "Ada Lovelace" and created.emails == ["ada@example.com"]
    oid = created.id
    staged = c.update_opportunity_stage(
        leverkit.UpdateOpportunityStageRequest(
            opportunity_id=oid, perform_as=user, body=leverkit.OpportunityStageChange(stage="offer")
        )
    )
    assert staged.stage is not None and staged.stage.id == "offer"
    reason = next(c.list_archive_reasons(leverkit.ListArchiveReasonsRequest(type="non-hired")))
    archived = c.update_opportunity_archived(
        leverkit.UpdateOpportunityArchivedRequest(
            opportunity_id=oid, perform_as=user, body=leverkit.ArchiveChange(reason=reason.id)
        )
    )
    assert archived.is_archived
    c.update_opportunity_archived(
        leverkit.UpdateOpportunityArchivedRequest(opportunity_id=oid, perform_as=user, body=leverkit.ArchiveChange())
    )
    assert c.add_tags(leverkit.ChangeTagsRequest(opportunity_id=oid, body=leverkit.TagsChange(tags=["py"]))).tags == [
        "py"
    ]
    assert c.remove_tags(leverkit.ChangeTagsRequest(opportunity_id=oid, body=leverkit.TagsChange(tags=["py"]))).tags == []
    assert "https://x.example" in c.add_links(
        leverkit.ChangeLinksRequest(opportunity_id=oid, body=leverkit.LinksChange(links=["https://x.example"]))
    ).links
    assert "https://x.example" not in c.remove_links(
        leverkit.ChangeLinksRequest(opportunity_id=oid, body=leverkit.LinksChange(links=["https://x.example"]))
    ).links
    assert "Meetup" in c.add_sources(
        leverkit.ChangeSourcesRequest(opportunity_id=oid, body=leverkit.SourcesChange(sources=["Meetup"]))
    ).sources
    assert "Meetup" not in c.remove_sources(
        leverkit.ChangeSourcesRequest(opportunity_id=oid, body=leverkit.SourcesChange(sources=["Meetup"]))
    ).sources

    seeded = opps[1]
    apps = list(c.list_applications(leverkit.ListOpportunityItemsRequest(opportunity_id=seeded.id)))
    assert apps
    assert c.get_application(leverkit.GetApplicationRequest(opportunity_id=seeded.id, application_id=apps[0].id)).id == apps[0].id
    assert seeded.contact is not None
    contact = c.get_contact(leverkit.GetContactRequest(contact_id=seeded.contact.id))
    changed = c.update_contact(
        leverkit.UpdateContactRequest(contact_id=contact.id, body=leverkit.ContactUpdate(headline="Staff engineer"))
    )
    assert changed.headline == "Staff engineer" and changed.name == contact.name


def test_webhooks(fresh_sandbox: Sandbox) -> None:
    c = fresh_sandbox.client()
    created = c.create_webhook(
        leverkit.CreateWebhookRequest(
            body=leverkit.WebhookCreate(url="https://hooks.example.com/lever", event="candidateStageChange")
        )
    )
    assert created.configuration.signature_token
    assert any(w.id == created.id for w in c.list_webhooks())
    c.delete_webhook(leverkit.DeleteWebhookRequest(webhook_id=created.id))
    assert all(w.id != created.id for w in c.list_webhooks())
    with pytest.raises(leverkit.InvalidArgument):
        c.create_webhook(
            leverkit.CreateWebhookRequest(body=leverkit.WebhookCreate(url="http://insecure.example", event="x"))
        )
    # The sandbox does not serve Lever's bulk PUT /webhooks (docs/sandbox.md): a 404 comes back typed.
    with pytest.raises(leverkit.NotFound):
        c.update_webhooks(
            leverkit.UpdateWebhooksRequest(
                webhooks=[leverkit.WebhookUpdate(id=created.id, url="https://hooks.example.com/v2")]
            )
        )

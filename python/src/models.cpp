// Lever models as read-only typed Python classes (attributes, to_dict(), repr, ==), and Errc.
#include "bind.hpp"

#include "leverkit/models/application.hpp"
#include "leverkit/models/common.hpp"
#include "leverkit/models/contact.hpp"
#include "leverkit/models/feedback.hpp"
#include "leverkit/models/form_field.hpp"
#include "leverkit/models/form_template.hpp"
#include "leverkit/models/interview.hpp"
#include "leverkit/models/note.hpp"
#include "leverkit/models/opportunity.hpp"
#include "leverkit/models/panel.hpp"
#include "leverkit/models/posting.hpp"
#include "leverkit/models/profile_form.hpp"
#include "leverkit/models/stage.hpp"
#include "leverkit/models/user.hpp"
#include "leverkit/models/webhook.hpp"

namespace leverkit::inline v0::py {

#define LK_F(T, n) field(#n, &T::n)
#define LK_RO Access::read_only
#define LK_RW Access::read_write

namespace {
template <class T>
void bind_expandable(nb::module_& m, const char* name, const char* doc) {
  bind_struct<Expandable<T>>(m, name, doc, LK_RO, field("id", &Expandable<T>::id),
                             field("object", &Expandable<T>::object))
      .def_prop_ro("expanded", &Expandable<T>::expanded, "True when Lever returned the object (expand=...).");
}
}  // namespace

void bind_errors(nb::module_& m) {
  nb::enum_<Errc>(m, "Errc", "What went wrong (the `code` of every LeverError, by name).")
      .value("ok", Errc::ok)
      .value("transport", Errc::transport)
      .value("timeout", Errc::timeout)
      .value("cancelled", Errc::cancelled)
      .value("bad_request", Errc::bad_request)
      .value("unauthorized", Errc::unauthorized)
      .value("forbidden", Errc::forbidden)
      .value("not_found", Errc::not_found)
      .value("conflict", Errc::conflict)
      .value("rate_limited", Errc::rate_limited)
      .value("server_error", Errc::server_error)
      .value("unexpected_status", Errc::unexpected_status)
      .value("decode_error", Errc::decode_error)
      .value("invalid_argument", Errc::invalid_argument)
      .value("stale_cursor", Errc::stale_cursor)
      .value("auth_failed", Errc::auth_failed)
      .value("io_error", Errc::io_error);
}

void bind_models(nb::module_& m) {
  nb::enum_<FieldType>(m, "FieldType", "A form field's type (Lever's `type`; `unknown` keeps unknown ones).")
      .value("code", FieldType::code)
      .value("date", FieldType::date)
      .value("dropdown", FieldType::dropdown)
      .value("multiple_choice", FieldType::multiple_choice)
      .value("multiple_select", FieldType::multiple_select)
      .value("score_system", FieldType::score_system)
      .value("score", FieldType::score)
      .value("scorecard", FieldType::scorecard)
      .value("text", FieldType::text)
      .value("textarea", FieldType::textarea)
      .value("yes_no", FieldType::yes_no)
      .value("currency", FieldType::currency)
      .value("file_upload", FieldType::file_upload)
      .value("university", FieldType::university)
      .value("note", FieldType::note)
      .value("unknown", FieldType::unknown);

  bind_struct<Phone>(m, "Phone", "A phone number with its optional type (mobile, work, ...).", LK_RW,
                     LK_F(Phone, type), LK_F(Phone, value));
  bind_struct<Stage>(m, "Stage", "A pipeline stage (built-in ids are slugs such as applicant-new).", LK_RO,
                     LK_F(Stage, id), LK_F(Stage, text));
  bind_struct<ArchiveReason>(m, "ArchiveReason", "An archive reason (hired / non-hired).", LK_RO,
                             LK_F(ArchiveReason, id), LK_F(ArchiveReason, text), LK_F(ArchiveReason, status),
                             LK_F(ArchiveReason, type));
  bind_struct<User>(m, "User", "A Lever user (deactivated_at is None while active).", LK_RO, LK_F(User, id),
                    LK_F(User, name), LK_F(User, username), LK_F(User, email), LK_F(User, created_at),
                    LK_F(User, deactivated_at), LK_F(User, access_role), LK_F(User, photo),
                    LK_F(User, external_directory_id), LK_F(User, linked_contact_ids), LK_F(User, job_title),
                    LK_F(User, manager_id))
      .def_prop_ro("active", &User::active);
  bind_struct<Contact>(m, "Contact", "A person (contact) behind one or more opportunities.", LK_RO,
                       LK_F(Contact, id), LK_F(Contact, name), LK_F(Contact, headline),
                       LK_F(Contact, is_anonymized), LK_F(Contact, location), LK_F(Contact, emails),
                       LK_F(Contact, phones));
  bind_struct<ArchivedState>(m, "ArchivedState", "Archive reason id and time (both None when active).", LK_RW,
                             LK_F(ArchivedState, reason), LK_F(ArchivedState, archived_at));

  bind_struct<PostingCategories>(m, "PostingCategories", "A posting's team, department, location, ...", LK_RO,
                                 LK_F(PostingCategories, team), LK_F(PostingCategories, department),
                                 LK_F(PostingCategories, location), LK_F(PostingCategories, all_locations),
                                 LK_F(PostingCategories, commitment), LK_F(PostingCategories, level));
  bind_struct<PostingList>(m, "PostingList", "A titled list of a posting's description.", LK_RO,
                           LK_F(PostingList, text), LK_F(PostingList, content));
  bind_struct<PostingContent>(m, "PostingContent", "A posting's description (include=content).", LK_RO,
                              LK_F(PostingContent, description), LK_F(PostingContent, description_html),
                              LK_F(PostingContent, lists), LK_F(PostingContent, closing),
                              LK_F(PostingContent, closing_html));
  bind_struct<SalaryRange>(m, "SalaryRange", "A posting's salary range.", LK_RO, LK_F(SalaryRange, min),
                           LK_F(SalaryRange, max), LK_F(SalaryRange, currency), LK_F(SalaryRange, interval));
  bind_struct<PostingUrls>(m, "PostingUrls", "A posting's list, show and apply URLs.", LK_RO,
                           LK_F(PostingUrls, list), LK_F(PostingUrls, show), LK_F(PostingUrls, apply));
  bind_expandable<User>(m, "ExpandableUser", "A user id, with the User when expanded.");
  bind_expandable<Stage>(m, "ExpandableStage", "A stage id, with the Stage when expanded.");
  bind_expandable<Contact>(m, "ExpandableContact", "A contact id, with the Contact when expanded.");
  bind_struct<Posting>(m, "Posting", "A job posting.", LK_RO, LK_F(Posting, id), LK_F(Posting, text),
                       LK_F(Posting, created_at), LK_F(Posting, updated_at), LK_F(Posting, state),
                       LK_F(Posting, distribution_channels), LK_F(Posting, confidentiality), LK_F(Posting, user),
                       LK_F(Posting, owner), LK_F(Posting, hiring_manager), LK_F(Posting, categories),
                       LK_F(Posting, tags), LK_F(Posting, content), LK_F(Posting, country),
                       LK_F(Posting, followers), LK_F(Posting, requisition_codes), LK_F(Posting, salary_range),
                       LK_F(Posting, salary_description), LK_F(Posting, urls), LK_F(Posting, workplace_type));
  bind_expandable<Posting>(m, "ExpandablePosting", "A posting id, with the Posting when expanded.");
  bind_struct<Application>(m, "Application", "An application of an opportunity to a posting.", LK_RO,
                           LK_F(Application, id), LK_F(Application, opportunity_id),
                           LK_F(Application, candidate_id), LK_F(Application, created_at), LK_F(Application, type),
                           LK_F(Application, posting), LK_F(Application, posting_owner),
                           LK_F(Application, posting_hiring_manager), LK_F(Application, user),
                           LK_F(Application, name), LK_F(Application, email), LK_F(Application, phone),
                           LK_F(Application, company), LK_F(Application, links), LK_F(Application, comments),
                           LK_F(Application, archived));
  bind_expandable<Application>(m, "ExpandableApplication", "An application id, with the Application when expanded.");
  bind_struct<StageChange>(m, "StageChange", "One entry of an opportunity's stage history.", LK_RO,
                           LK_F(StageChange, to_stage_id), LK_F(StageChange, to_stage_index),
                           LK_F(StageChange, user_id), LK_F(StageChange, updated_at));
  bind_struct<OpportunityUrls>(m, "OpportunityUrls", "An opportunity's list and profile (show) URLs.", LK_RO,
                               LK_F(OpportunityUrls, list), LK_F(OpportunityUrls, show));
  bind_struct<Opportunity>(
      m, "Opportunity", "A candidate's opportunity (Lever's main record).", LK_RO, LK_F(Opportunity, id),
      LK_F(Opportunity, name), LK_F(Opportunity, headline), LK_F(Opportunity, contact), LK_F(Opportunity, stage),
      LK_F(Opportunity, stage_changes), LK_F(Opportunity, confidentiality), LK_F(Opportunity, location),
      LK_F(Opportunity, phones), LK_F(Opportunity, emails), LK_F(Opportunity, links), LK_F(Opportunity, archived),
      LK_F(Opportunity, tags), LK_F(Opportunity, sources), LK_F(Opportunity, sourced_by), LK_F(Opportunity, origin),
      LK_F(Opportunity, owner), LK_F(Opportunity, followers), LK_F(Opportunity, applications),
      LK_F(Opportunity, created_at), LK_F(Opportunity, updated_at), LK_F(Opportunity, last_interaction_at),
      LK_F(Opportunity, last_advanced_at), LK_F(Opportunity, snoozed_until), LK_F(Opportunity, urls),
      LK_F(Opportunity, is_anonymized), LK_F(Opportunity, opportunity_location), LK_F(Opportunity, deleted_at),
      LK_F(Opportunity, deleted_by))
      .def_prop_ro("is_archived", &Opportunity::is_archived);

  bind_struct<Interviewer>(m, "Interviewer", "An interviewer of a scheduled interview.", LK_RO,
                           LK_F(Interviewer, id), LK_F(Interviewer, name), LK_F(Interviewer, email),
                           LK_F(Interviewer, feedback_template), LK_F(Interviewer, response_status));
  bind_struct<Interview>(m, "Interview", "A scheduled interview (date is its start).", LK_RO,
                         LK_F(Interview, id), LK_F(Interview, panel), LK_F(Interview, subject), LK_F(Interview, note),
                         LK_F(Interview, interviewers), LK_F(Interview, timezone), LK_F(Interview, created_at),
                         LK_F(Interview, date), LK_F(Interview, duration), LK_F(Interview, location),
                         LK_F(Interview, feedback_template), LK_F(Interview, feedback_forms),
                         LK_F(Interview, feedback_reminder), LK_F(Interview, user), LK_F(Interview, stage),
                         LK_F(Interview, canceled_at), LK_F(Interview, postings), LK_F(Interview, gcal_event_url),
                         LK_F(Interview, opportunity_id))
      .def_prop_ro("end", &Interview::end)
      .def_prop_ro("canceled", &Interview::canceled);
  bind_struct<Panel>(m, "Panel", "A panel of interviews.", LK_RO, LK_F(Panel, id), LK_F(Panel, applications),
                     LK_F(Panel, canceled_at), LK_F(Panel, created_at), LK_F(Panel, start), LK_F(Panel, end),
                     LK_F(Panel, timezone), LK_F(Panel, feedback_reminder), LK_F(Panel, user), LK_F(Panel, stage),
                     LK_F(Panel, note), LK_F(Panel, externally_managed), LK_F(Panel, external_url),
                     LK_F(Panel, interviews));

  bind_struct<FieldOption>(m, "FieldOption", "An option of a dropdown / choice / score-system field.", LK_RW,
                           LK_F(FieldOption, text), LK_F(FieldOption, option_id));
  bind_struct<ScorecardRow>(m, "ScorecardRow", "A row of a scorecard field.", LK_RW, LK_F(ScorecardRow, text),
                            LK_F(ScorecardRow, description));
  bind_struct<ScorecardScore>(m, "ScorecardScore", "A scorecard row's answer.", LK_RW,
                              LK_F(ScorecardScore, score), LK_F(ScorecardScore, comment));
  bind_struct<FormField>(m, "FormField", "A form field; `value` is None when unanswered.", LK_RW,
                         LK_F(FormField, id), LK_F(FormField, type), LK_F(FormField, type_name),
                         LK_F(FormField, text), LK_F(FormField, description), LK_F(FormField, required),
                         LK_F(FormField, prompt), LK_F(FormField, options), LK_F(FormField, scores),
                         LK_F(FormField, language), LK_F(FormField, currency), LK_F(FormField, overall),
                         LK_F(FormField, value));
  bind_struct<TemplateGroup>(m, "TemplateGroup", "A template group {id, name}.", LK_RO, LK_F(TemplateGroup, id),
                             LK_F(TemplateGroup, name));
  bind_struct<FeedbackTemplate>(m, "FeedbackTemplate", "An interview feedback template.", LK_RO,
                                LK_F(FeedbackTemplate, id), LK_F(FeedbackTemplate, text),
                                LK_F(FeedbackTemplate, group), LK_F(FeedbackTemplate, instructions),
                                LK_F(FeedbackTemplate, created_at), LK_F(FeedbackTemplate, updated_at),
                                LK_F(FeedbackTemplate, stage), LK_F(FeedbackTemplate, fields));
  bind_struct<Feedback>(m, "Feedback", "A feedback form of an opportunity, with values.", LK_RO,
                        LK_F(Feedback, id), LK_F(Feedback, type), LK_F(Feedback, text), LK_F(Feedback, instructions),
                        LK_F(Feedback, base_template_id), LK_F(Feedback, fields), LK_F(Feedback, user),
                        LK_F(Feedback, panel), LK_F(Feedback, interview), LK_F(Feedback, opportunity_id),
                        LK_F(Feedback, created_at), LK_F(Feedback, updated_at), LK_F(Feedback, completed_at),
                        LK_F(Feedback, deleted_at))
      .def_prop_ro("deleted", &Feedback::deleted);
  bind_struct<FormTemplate>(m, "FormTemplate", "A profile form template.", LK_RO, LK_F(FormTemplate, id),
                            LK_F(FormTemplate, text), LK_F(FormTemplate, group), LK_F(FormTemplate, instructions),
                            LK_F(FormTemplate, secret_by_default), LK_F(FormTemplate, fields),
                            LK_F(FormTemplate, created_at), LK_F(FormTemplate, updated_at));
  bind_struct<ProfileForm>(m, "ProfileForm", "A profile form of an opportunity, with values.", LK_RO,
                           LK_F(ProfileForm, id), LK_F(ProfileForm, type), LK_F(ProfileForm, text),
                           LK_F(ProfileForm, instructions), LK_F(ProfileForm, base_template_id),
                           LK_F(ProfileForm, fields), LK_F(ProfileForm, user), LK_F(ProfileForm, stage),
                           LK_F(ProfileForm, secret), LK_F(ProfileForm, created_at), LK_F(ProfileForm, completed_at),
                           LK_F(ProfileForm, deleted_at))
      .def_prop_ro("deleted", &ProfileForm::deleted);
  bind_struct<NoteComment>(m, "NoteComment", "One comment of a note thread.", LK_RO, LK_F(NoteComment, type),
                           LK_F(NoteComment, text), LK_F(NoteComment, value), LK_F(NoteComment, user),
                           LK_F(NoteComment, stage), LK_F(NoteComment, created_at), LK_F(NoteComment, score));
  bind_struct<Note>(m, "Note", "A note thread on an opportunity.", LK_RO, LK_F(Note, id), LK_F(Note, text),
                    LK_F(Note, comments), LK_F(Note, user), LK_F(Note, secret), LK_F(Note, created_at),
                    LK_F(Note, completed_at), LK_F(Note, deleted_at));
  bind_struct<NoteCreated>(m, "NoteCreated", "The reply to create_note: the note id (and the note when sent).",
                           LK_RO, LK_F(NoteCreated, note_id), LK_F(NoteCreated, note));
  bind_struct<WebhookConditions>(m, "WebhookConditions", "Origins a webhook fires for.", LK_RW,
                                 LK_F(WebhookConditions, origins));
  bind_struct<WebhookConfiguration>(m, "WebhookConfiguration", "A webhook's conditions and signature token.",
                                    LK_RO, LK_F(WebhookConfiguration, conditions),
                                    LK_F(WebhookConfiguration, signature_token));
  bind_struct<Webhook>(m, "Webhook", "A webhook subscription.", LK_RO, LK_F(Webhook, id), LK_F(Webhook, url),
                       LK_F(Webhook, event), LK_F(Webhook, configuration), LK_F(Webhook, created_at),
                       LK_F(Webhook, updated_at));
}

}  // namespace leverkit::py

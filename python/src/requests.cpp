// Request structs (list filters, write bodies) as mutable typed Python classes, and the
// helpers that build write bodies from current values (interview_update_from, ...).
#include "bind.hpp"

#include "leverkit/client/requests.hpp"
#include "leverkit/client/resource_requests.hpp"
#include "leverkit/models/field_value.hpp"
#include "leverkit/models/requests.hpp"

namespace leverkit::inline v0::py {

#define LK_F(T, n) field(#n, &T::n)
#define LK_RW Access::read_write

void bind_requests(nb::module_& m) {
  nb::enum_<Confidentiality>(m, "Confidentiality", "Which opportunities/postings a listing returns.")
      .value("non_confidential", Confidentiality::non_confidential)
      .value("confidential", Confidentiality::confidential)
      .value("all", Confidentiality::all);

  // ---- bodies (models/requests.hpp) ----
  bind_struct<InterviewerRef>(m, "InterviewerRef", "An interviewer of an interview write.", LK_RW,
                              LK_F(InterviewerRef, id), LK_F(InterviewerRef, feedback_template));
  bind_struct<InterviewCreate>(m, "InterviewCreate", "Body of create_interview.",
                               LK_RW, LK_F(InterviewCreate, panel), LK_F(InterviewCreate, interviewers),
                               LK_F(InterviewCreate, date), LK_F(InterviewCreate, duration),
                               LK_F(InterviewCreate, subject), LK_F(InterviewCreate, note),
                               LK_F(InterviewCreate, location), LK_F(InterviewCreate, feedback_template),
                               LK_F(InterviewCreate, feedback_reminder));
  bind_struct<InterviewUpdate>(m, "InterviewUpdate",
                               "Body of update_interview: a whole-object replace (start from interview_update_from).",
                               LK_RW, LK_F(InterviewUpdate, panel), LK_F(InterviewUpdate, interviewers),
                               LK_F(InterviewUpdate, date), LK_F(InterviewUpdate, duration),
                               LK_F(InterviewUpdate, subject), LK_F(InterviewUpdate, note),
                               LK_F(InterviewUpdate, location), LK_F(InterviewUpdate, feedback_template),
                               LK_F(InterviewUpdate, feedback_reminder));
  bind_struct<PanelInterview>(m, "PanelInterview", "An interview inside a panel write.", LK_RW,
                              LK_F(PanelInterview, id), LK_F(PanelInterview, interviewers), LK_F(PanelInterview, date),
                              LK_F(PanelInterview, duration), LK_F(PanelInterview, subject), LK_F(PanelInterview, note),
                              LK_F(PanelInterview, location), LK_F(PanelInterview, feedback_template),
                              LK_F(PanelInterview, feedback_reminder));
  bind_struct<PanelCreate>(m, "PanelCreate", "Body of create_panel / update_panel (full replace).", LK_RW,
                           LK_F(PanelCreate, timezone), LK_F(PanelCreate, interviews), LK_F(PanelCreate, applications),
                           LK_F(PanelCreate, feedback_reminder), LK_F(PanelCreate, note),
                           LK_F(PanelCreate, external_url));
  m.attr("PanelUpdate") = m.attr("PanelCreate");
  bind_struct<FieldValueEntry>(m, "FieldValueEntry", "One {id, value} of a feedback write.", LK_RW,
                               LK_F(FieldValueEntry, id), LK_F(FieldValueEntry, value));
  bind_struct<FeedbackCreate>(m, "FeedbackCreate", "Body of create_feedback.", LK_RW,
                              LK_F(FeedbackCreate, base_template_id), LK_F(FeedbackCreate, panel),
                              LK_F(FeedbackCreate, interview), LK_F(FeedbackCreate, field_values),
                              LK_F(FeedbackCreate, created_at), LK_F(FeedbackCreate, completed_at));
  bind_struct<FeedbackUpdate>(m, "FeedbackUpdate", "Body of update_feedback.", LK_RW,
                              LK_F(FeedbackUpdate, field_values), LK_F(FeedbackUpdate, completed_at));
  bind_struct<FeedbackTemplateCreate>(m, "FeedbackTemplateCreate", "Body of create/update_feedback_template.", LK_RW,
                                      LK_F(FeedbackTemplateCreate, text), LK_F(FeedbackTemplateCreate, instructions),
                                      LK_F(FeedbackTemplateCreate, group), LK_F(FeedbackTemplateCreate, fields));
  m.attr("FeedbackTemplateUpdate") = m.attr("FeedbackTemplateCreate");
  bind_struct<FormTemplateCreate>(m, "FormTemplateCreate", "Body of create/update_form_template.", LK_RW,
                                  LK_F(FormTemplateCreate, text), LK_F(FormTemplateCreate, instructions),
                                  LK_F(FormTemplateCreate, group), LK_F(FormTemplateCreate, secret_by_default),
                                  LK_F(FormTemplateCreate, fields));
  m.attr("FormTemplateUpdate") = m.attr("FormTemplateCreate");
  bind_struct<ProfileFormCreate>(m, "ProfileFormCreate", "Body of create_profile_form (start from profile_form_create_from).",
                                 LK_RW, LK_F(ProfileFormCreate, base_template_id), LK_F(ProfileFormCreate, fields),
                                 LK_F(ProfileFormCreate, secret));
  bind_struct<NoteCreate>(m, "NoteCreate", "Body of create_note.", LK_RW, LK_F(NoteCreate, value),
                          LK_F(NoteCreate, secret), LK_F(NoteCreate, score), LK_F(NoteCreate, notify_followers),
                          LK_F(NoteCreate, created_at));
  bind_struct<NoteUpdateValue>(m, "NoteUpdateValue", "One comment of a note update.", LK_RW,
                               LK_F(NoteUpdateValue, value), LK_F(NoteUpdateValue, created_at));
  bind_struct<NoteUpdate>(m, "NoteUpdate", "Body of update_note (an atomic replace of the thread).", LK_RW,
                          LK_F(NoteUpdate, values), LK_F(NoteUpdate, user), LK_F(NoteUpdate, secret),
                          LK_F(NoteUpdate, created_at), LK_F(NoteUpdate, completed_at), LK_F(NoteUpdate, score));
  bind_struct<OpportunityStageChange>(m, "OpportunityStageChange", "Body of update_opportunity_stage.", LK_RW,
                                      LK_F(OpportunityStageChange, stage));
  bind_struct<ArchiveChange>(m, "ArchiveChange", "Body of update_opportunity_archived (reason None = unarchive).",
                             LK_RW, LK_F(ArchiveChange, reason), LK_F(ArchiveChange, clean_interviews),
                             LK_F(ArchiveChange, requisition_id));
  bind_struct<TagsChange>(m, "TagsChange", "Body of add_tags / remove_tags.", LK_RW, LK_F(TagsChange, tags));
  bind_struct<LinksChange>(m, "LinksChange", "Body of add_links / remove_links.", LK_RW, LK_F(LinksChange, links));
  bind_struct<SourcesChange>(m, "SourcesChange", "Body of add_sources / remove_sources.", LK_RW,
                             LK_F(SourcesChange, sources));
  bind_struct<OpportunityCreate>(m, "OpportunityCreate", "Body of create_opportunity.", LK_RW,
                                 LK_F(OpportunityCreate, name), LK_F(OpportunityCreate, headline),
                                 LK_F(OpportunityCreate, stage), LK_F(OpportunityCreate, location),
                                 LK_F(OpportunityCreate, phones), LK_F(OpportunityCreate, emails),
                                 LK_F(OpportunityCreate, links), LK_F(OpportunityCreate, tags),
                                 LK_F(OpportunityCreate, sources), LK_F(OpportunityCreate, origin),
                                 LK_F(OpportunityCreate, owner), LK_F(OpportunityCreate, followers),
                                 LK_F(OpportunityCreate, posting), LK_F(OpportunityCreate, created_at),
                                 LK_F(OpportunityCreate, archived), LK_F(OpportunityCreate, contact),
                                 LK_F(OpportunityCreate, opportunity_location));
  bind_struct<ContactUpdate>(m, "ContactUpdate", "Body of update_contact (None = leave unchanged).", LK_RW,
                             LK_F(ContactUpdate, name), LK_F(ContactUpdate, headline), LK_F(ContactUpdate, location),
                             LK_F(ContactUpdate, emails), LK_F(ContactUpdate, phones));
  bind_struct<WebhookCreate>(m, "WebhookCreate", "Body of create_webhook (https URLs only).", LK_RW,
                             LK_F(WebhookCreate, url), LK_F(WebhookCreate, event), LK_F(WebhookCreate, conditions));
  bind_struct<WebhookUpdate>(m, "WebhookUpdate", "One webhook of update_webhooks.", LK_RW, LK_F(WebhookUpdate, id),
                             LK_F(WebhookUpdate, url), LK_F(WebhookUpdate, conditions));

  m.def("interview_update_from", &interview_update_from, nb::arg("current"),
        "An update body holding every current field of `current` (edit it, then update_interview).");
  m.def("panel_update_from", &panel_update_from, nb::arg("current"),
        "An update body holding every current field of `current` (edit it, then update_panel).");
  m.def("note_update_from", &note_update_from, nb::arg("current"),
        "An update body holding the current thread of `current` (edit it, then update_note).");
  m.def("profile_form_create_from", &profile_form_create_from, nb::arg("template"),
        "A create body with every field of `template`, unanswered.");

  // Typed field values, checked against the field (InvalidArgument names what was wrong).
  m.def("text_value", [](const FormField& f, std::string_view s) { return unwrap(text_value(f, s)); },
        nb::arg("field"), nb::arg("text"), "A text/textarea/code value for `field`.");
  m.def("yes_no_value", [](const FormField& f, bool yes) { return unwrap(yes_no_value(f, yes)); },
        nb::arg("field"), nb::arg("yes"), "A yes-no value for `field`.");
  m.def("date_value", [](const FormField& f, Timestamp t) { return unwrap(date_value(f, t)); },
        nb::arg("field"), nb::arg("when"), "A date value for `field`.");
  m.def("number_value", [](const FormField& f, double v) { return unwrap(number_value(f, v)); },
        nb::arg("field"), nb::arg("amount"), "A currency/number value for `field`.");
  m.def("option_value", [](const FormField& f, std::string_view o) { return unwrap(option_value(f, o)); },
        nb::arg("field"), nb::arg("option"), "One option (by its text) of a dropdown / multiple-choice field.");
  m.def("options_value",
        [](const FormField& f, const std::vector<std::string>& o) { return unwrap(options_value(f, o)); },
        nb::arg("field"), nb::arg("options"), "Options of a multiple-select field.");
  m.def("score_value", [](const FormField& f, int s) { return unwrap(score_value(f, s)); }, nb::arg("field"),
        nb::arg("score"), "A score / score-system value for `field`.");
  m.def(
      "scorecard_value",
      [](const FormField& f, const std::vector<ScorecardScore>& rows) { return unwrap(scorecard_value(f, rows)); },
      nb::arg("field"), nb::arg("rows"), "A scorecard value (one score per row) for `field`.");
  m.def("field_entry", [](const FormField& f, FieldValue v) { return unwrap(field_entry(f, std::move(v))); },
        nb::arg("field"), nb::arg("value"), "{id, value} for a feedback write, checked against `field`.");
  m.def("validate_field_value",
        [](const FormField& f, const FieldValue& v) { unwrap(validate_field_value(f, v)); }, nb::arg("field"),
        nb::arg("value"), "Raises InvalidArgument when `value` does not fit `field`.");

  // ---- request structs (client/requests.hpp, client/resource_requests.hpp) ----
  bind_struct<ListOpportunitiesRequest>(
      m, "ListOpportunitiesRequest", "Filters of list_opportunities (offset = a resume token).", LK_RW,
      LK_F(ListOpportunitiesRequest, tag), LK_F(ListOpportunitiesRequest, email),
      LK_F(ListOpportunitiesRequest, origin), LK_F(ListOpportunitiesRequest, source),
      LK_F(ListOpportunitiesRequest, confidentiality), LK_F(ListOpportunitiesRequest, stage_id),
      LK_F(ListOpportunitiesRequest, posting_id), LK_F(ListOpportunitiesRequest, archived_posting_id),
      LK_F(ListOpportunitiesRequest, created_at_start), LK_F(ListOpportunitiesRequest, created_at_end),
      LK_F(ListOpportunitiesRequest, updated_at_start), LK_F(ListOpportunitiesRequest, updated_at_end),
      LK_F(ListOpportunitiesRequest, advanced_at_start), LK_F(ListOpportunitiesRequest, advanced_at_end),
      LK_F(ListOpportunitiesRequest, archived_at_start), LK_F(ListOpportunitiesRequest, archived_at_end),
      LK_F(ListOpportunitiesRequest, archived), LK_F(ListOpportunitiesRequest, archive_reason_id),
      LK_F(ListOpportunitiesRequest, snoozed), LK_F(ListOpportunitiesRequest, contact_id),
      LK_F(ListOpportunitiesRequest, location), LK_F(ListOpportunitiesRequest, expand),
      LK_F(ListOpportunitiesRequest, include), LK_F(ListOpportunitiesRequest, limit),
      LK_F(ListOpportunitiesRequest, offset));
  bind_struct<GetOpportunityRequest>(m, "GetOpportunityRequest", "get_opportunity.", LK_RW,
                                     LK_F(GetOpportunityRequest, opportunity_id), LK_F(GetOpportunityRequest, expand),
                                     LK_F(GetOpportunityRequest, include));
  bind_struct<ListUsersRequest>(m, "ListUsersRequest", "Filters of list_users.", LK_RW,
                                LK_F(ListUsersRequest, include_deactivated), LK_F(ListUsersRequest, access_role),
                                LK_F(ListUsersRequest, email), LK_F(ListUsersRequest, external_directory_id),
                                LK_F(ListUsersRequest, include), LK_F(ListUsersRequest, limit),
                                LK_F(ListUsersRequest, offset));
  bind_struct<GetUserRequest>(m, "GetUserRequest", "get_user.", LK_RW, LK_F(GetUserRequest, user_id));
  bind_struct<ListStagesRequest>(m, "ListStagesRequest", "list_stages.", LK_RW, LK_F(ListStagesRequest, limit),
                                 LK_F(ListStagesRequest, offset));
  bind_struct<ListArchiveReasonsRequest>(m, "ListArchiveReasonsRequest", "list_archive_reasons.", LK_RW,
                                         LK_F(ListArchiveReasonsRequest, type), LK_F(ListArchiveReasonsRequest, limit),
                                         LK_F(ListArchiveReasonsRequest, offset));
  bind_struct<ListPostingsRequest>(
      m, "ListPostingsRequest", "Filters of list_postings.", LK_RW, LK_F(ListPostingsRequest, state),
      LK_F(ListPostingsRequest, distribution_channel), LK_F(ListPostingsRequest, confidentiality),
      LK_F(ListPostingsRequest, group), LK_F(ListPostingsRequest, team), LK_F(ListPostingsRequest, department),
      LK_F(ListPostingsRequest, location), LK_F(ListPostingsRequest, commitment), LK_F(ListPostingsRequest, level),
      LK_F(ListPostingsRequest, tag), LK_F(ListPostingsRequest, updated_at_start),
      LK_F(ListPostingsRequest, updated_at_end), LK_F(ListPostingsRequest, expand),
      LK_F(ListPostingsRequest, include), LK_F(ListPostingsRequest, limit), LK_F(ListPostingsRequest, offset));
  bind_struct<GetPostingRequest>(m, "GetPostingRequest", "get_posting.", LK_RW, LK_F(GetPostingRequest, posting_id),
                                 LK_F(GetPostingRequest, distribution), LK_F(GetPostingRequest, expand),
                                 LK_F(GetPostingRequest, include));
  bind_struct<ListOpportunityItemsRequest>(
      m, "ListOpportunityItemsRequest", "Lists under one opportunity (interviews, panels, notes, ...).", LK_RW,
      LK_F(ListOpportunityItemsRequest, opportunity_id), LK_F(ListOpportunityItemsRequest, expand),
      LK_F(ListOpportunityItemsRequest, limit), LK_F(ListOpportunityItemsRequest, offset));
  bind_struct<GetInterviewRequest>(m, "GetInterviewRequest", "get_interview.", LK_RW,
                                   LK_F(GetInterviewRequest, opportunity_id), LK_F(GetInterviewRequest, interview_id),
                                   LK_F(GetInterviewRequest, expand));
  bind_struct<GetPanelRequest>(m, "GetPanelRequest", "get_panel.", LK_RW, LK_F(GetPanelRequest, opportunity_id),
                               LK_F(GetPanelRequest, panel_id), LK_F(GetPanelRequest, expand));
  bind_struct<GetFeedbackRequest>(m, "GetFeedbackRequest", "get_feedback.", LK_RW,
                                  LK_F(GetFeedbackRequest, opportunity_id), LK_F(GetFeedbackRequest, feedback_id),
                                  LK_F(GetFeedbackRequest, expand));
  bind_struct<GetProfileFormRequest>(m, "GetProfileFormRequest", "get_profile_form.", LK_RW,
                                     LK_F(GetProfileFormRequest, opportunity_id),
                                     LK_F(GetProfileFormRequest, profile_form_id), LK_F(GetProfileFormRequest, expand));
  bind_struct<GetNoteRequest>(m, "GetNoteRequest", "get_note.", LK_RW, LK_F(GetNoteRequest, opportunity_id),
                              LK_F(GetNoteRequest, note_id), LK_F(GetNoteRequest, expand));
  bind_struct<GetApplicationRequest>(m, "GetApplicationRequest", "get_application.", LK_RW,
                                     LK_F(GetApplicationRequest, opportunity_id),
                                     LK_F(GetApplicationRequest, application_id), LK_F(GetApplicationRequest, expand));
  bind_struct<CreateInterviewRequest>(m, "CreateInterviewRequest", "create_interview (perform_as required).", LK_RW,
                                      LK_F(CreateInterviewRequest, opportunity_id),
                                      LK_F(CreateInterviewRequest, perform_as), LK_F(CreateInterviewRequest, body));
  bind_struct<UpdateInterviewRequest>(m, "UpdateInterviewRequest", "update_interview (a full replace).", LK_RW,
                                      LK_F(UpdateInterviewRequest, opportunity_id),
                                      LK_F(UpdateInterviewRequest, interview_id),
                                      LK_F(UpdateInterviewRequest, perform_as), LK_F(UpdateInterviewRequest, body));
  bind_struct<UpdateInterviewFieldsRequest>(
      m, "UpdateInterviewFieldsRequest",
      "update_interview_fields: `edit(update)` is called with the current values, then PUT.", LK_RW,
      LK_F(UpdateInterviewFieldsRequest, opportunity_id), LK_F(UpdateInterviewFieldsRequest, interview_id),
      LK_F(UpdateInterviewFieldsRequest, perform_as), LK_F(UpdateInterviewFieldsRequest, edit));
  bind_struct<DeleteInterviewRequest>(m, "DeleteInterviewRequest", "delete_interview.", LK_RW,
                                      LK_F(DeleteInterviewRequest, opportunity_id),
                                      LK_F(DeleteInterviewRequest, interview_id),
                                      LK_F(DeleteInterviewRequest, perform_as));
  bind_struct<CreatePanelRequest>(m, "CreatePanelRequest", "create_panel.", LK_RW,
                                  LK_F(CreatePanelRequest, opportunity_id), LK_F(CreatePanelRequest, perform_as),
                                  LK_F(CreatePanelRequest, body));
  bind_struct<UpdatePanelRequest>(m, "UpdatePanelRequest", "update_panel (a full replace).", LK_RW,
                                  LK_F(UpdatePanelRequest, opportunity_id), LK_F(UpdatePanelRequest, panel_id),
                                  LK_F(UpdatePanelRequest, perform_as), LK_F(UpdatePanelRequest, body));
  bind_struct<DeletePanelRequest>(m, "DeletePanelRequest", "delete_panel.", LK_RW,
                                  LK_F(DeletePanelRequest, opportunity_id), LK_F(DeletePanelRequest, panel_id),
                                  LK_F(DeletePanelRequest, perform_as));
  bind_struct<ListTemplatesRequest>(m, "ListTemplatesRequest", "list_feedback_templates / list_form_templates.",
                                    LK_RW, LK_F(ListTemplatesRequest, include), LK_F(ListTemplatesRequest, limit),
                                    LK_F(ListTemplatesRequest, offset));
  bind_struct<GetTemplateRequest>(m, "GetTemplateRequest", "get_feedback_template / get_form_template.", LK_RW,
                                  LK_F(GetTemplateRequest, template_id));
  bind_struct<CreateFeedbackTemplateRequest>(m, "CreateFeedbackTemplateRequest", "create_feedback_template.", LK_RW,
                                             LK_F(CreateFeedbackTemplateRequest, body));
  bind_struct<UpdateFeedbackTemplateRequest>(m, "UpdateFeedbackTemplateRequest", "update_feedback_template.", LK_RW,
                                             LK_F(UpdateFeedbackTemplateRequest, template_id),
                                             LK_F(UpdateFeedbackTemplateRequest, body));
  bind_struct<CreateFormTemplateRequest>(m, "CreateFormTemplateRequest", "create_form_template.", LK_RW,
                                         LK_F(CreateFormTemplateRequest, body));
  bind_struct<UpdateFormTemplateRequest>(m, "UpdateFormTemplateRequest", "update_form_template.", LK_RW,
                                         LK_F(UpdateFormTemplateRequest, template_id), LK_F(UpdateFormTemplateRequest, body));
  bind_struct<DeleteTemplateRequest>(m, "DeleteTemplateRequest", "delete_feedback_template / delete_form_template.",
                                     LK_RW, LK_F(DeleteTemplateRequest, template_id));
  bind_struct<ListFeedbackRequest>(m, "ListFeedbackRequest", "list_feedback (deleted forms skipped unless asked).",
                                   LK_RW, LK_F(ListFeedbackRequest, opportunity_id),
                                   LK_F(ListFeedbackRequest, include_deleted), LK_F(ListFeedbackRequest, expand),
                                   LK_F(ListFeedbackRequest, limit), LK_F(ListFeedbackRequest, offset));
  bind_struct<CreateFeedbackRequest>(m, "CreateFeedbackRequest", "create_feedback (perform_as = the author).", LK_RW,
                                     LK_F(CreateFeedbackRequest, opportunity_id),
                                     LK_F(CreateFeedbackRequest, perform_as), LK_F(CreateFeedbackRequest, body));
  bind_struct<UpdateFeedbackRequest>(m, "UpdateFeedbackRequest", "update_feedback.", LK_RW,
                                     LK_F(UpdateFeedbackRequest, opportunity_id),
                                     LK_F(UpdateFeedbackRequest, feedback_id), LK_F(UpdateFeedbackRequest, perform_as),
                                     LK_F(UpdateFeedbackRequest, body));
  bind_struct<DeleteFeedbackRequest>(m, "DeleteFeedbackRequest", "delete_feedback.", LK_RW,
                                     LK_F(DeleteFeedbackRequest, opportunity_id),
                                     LK_F(DeleteFeedbackRequest, feedback_id), LK_F(DeleteFeedbackRequest, perform_as));
  bind_struct<CreateProfileFormRequest>(m, "CreateProfileFormRequest", "create_profile_form.", LK_RW,
                                        LK_F(CreateProfileFormRequest, opportunity_id),
                                        LK_F(CreateProfileFormRequest, perform_as), LK_F(CreateProfileFormRequest, body));
  bind_struct<CreateNoteRequest>(m, "CreateNoteRequest", "create_note (note_id set: comment on that note).", LK_RW,
                                 LK_F(CreateNoteRequest, opportunity_id), LK_F(CreateNoteRequest, perform_as),
                                 LK_F(CreateNoteRequest, note_id), LK_F(CreateNoteRequest, body));
  bind_struct<UpdateNoteRequest>(m, "UpdateNoteRequest", "update_note.", LK_RW,
                                 LK_F(UpdateNoteRequest, opportunity_id), LK_F(UpdateNoteRequest, note_id),
                                 LK_F(UpdateNoteRequest, body));
  bind_struct<DeleteNoteRequest>(m, "DeleteNoteRequest", "delete_note.", LK_RW,
                                 LK_F(DeleteNoteRequest, opportunity_id), LK_F(DeleteNoteRequest, note_id));
  bind_struct<CreateOpportunityRequest>(m, "CreateOpportunityRequest", "create_opportunity.", LK_RW,
                                        LK_F(CreateOpportunityRequest, perform_as),
                                        LK_F(CreateOpportunityRequest, body));
  bind_struct<UpdateOpportunityStageRequest>(m, "UpdateOpportunityStageRequest", "update_opportunity_stage.", LK_RW,
                                             LK_F(UpdateOpportunityStageRequest, opportunity_id),
                                             LK_F(UpdateOpportunityStageRequest, perform_as),
                                             LK_F(UpdateOpportunityStageRequest, body));
  bind_struct<UpdateOpportunityArchivedRequest>(m, "UpdateOpportunityArchivedRequest", "update_opportunity_archived.",
                                                LK_RW, LK_F(UpdateOpportunityArchivedRequest, opportunity_id),
                                                LK_F(UpdateOpportunityArchivedRequest, perform_as),
                                                LK_F(UpdateOpportunityArchivedRequest, body));
  bind_struct<ChangeTagsRequest>(m, "ChangeTagsRequest", "add_tags / remove_tags.", LK_RW,
                                 LK_F(ChangeTagsRequest, opportunity_id), LK_F(ChangeTagsRequest, perform_as),
                                 LK_F(ChangeTagsRequest, body));
  bind_struct<ChangeLinksRequest>(m, "ChangeLinksRequest", "add_links / remove_links.", LK_RW,
                                  LK_F(ChangeLinksRequest, opportunity_id), LK_F(ChangeLinksRequest, perform_as),
                                  LK_F(ChangeLinksRequest, body));
  bind_struct<ChangeSourcesRequest>(m, "ChangeSourcesRequest", "add_sources / remove_sources.", LK_RW,
                                    LK_F(ChangeSourcesRequest, opportunity_id), LK_F(ChangeSourcesRequest, perform_as),
                                    LK_F(ChangeSourcesRequest, body));
  bind_struct<GetContactRequest>(m, "GetContactRequest", "get_contact.", LK_RW, LK_F(GetContactRequest, contact_id));
  bind_struct<UpdateContactRequest>(m, "UpdateContactRequest", "update_contact.", LK_RW,
                                    LK_F(UpdateContactRequest, contact_id), LK_F(UpdateContactRequest, body));
  bind_struct<ListWebhooksRequest>(m, "ListWebhooksRequest", "list_webhooks.", LK_RW, LK_F(ListWebhooksRequest, limit),
                                   LK_F(ListWebhooksRequest, offset));
  bind_struct<CreateWebhookRequest>(m, "CreateWebhookRequest", "create_webhook.", LK_RW,
                                    LK_F(CreateWebhookRequest, body));
  bind_struct<UpdateWebhooksRequest>(m, "UpdateWebhooksRequest", "update_webhooks (bulk).", LK_RW,
                                     LK_F(UpdateWebhooksRequest, webhooks));
  bind_struct<DeleteWebhookRequest>(m, "DeleteWebhookRequest", "delete_webhook.", LK_RW,
                                    LK_F(DeleteWebhookRequest, webhook_id));
}

}  // namespace leverkit::py

// leverkit/client/resource_requests.hpp — request structs of the interview-notetaker operations
// (interviews, panels, feedback and its templates, profile forms and their templates, notes,
// applications, contacts, opportunity changes, webhooks).
//
// What: each struct names the resource ids, `perform_as` (the Lever user a write is done on
// behalf of) and the body — the models' body structs (`InterviewCreate`, `NoteCreate`, ...),
// which are encoded with `to_json` and checked with `validate` before anything is sent.
// `perform_as` is a `std::string` where Lever requires it (empty → invalid_argument) and a
// `std::optional` where Lever makes it optional (lever-api.md §2.3).
// Ids: one name per resource in every request that targets it — `opportunity_id` (the parent of
// interviews, panels, feedback, profile forms, notes, applications), `interview_id`, `panel_id`,
// `feedback_id`, `profile_form_id`, `note_id`, `application_id`, `template_id`, `contact_id`,
// `webhook_id` — never a bare `id` (ADR 0095).
// Errors: invalid_argument (empty id, missing perform_as, a body rule broken) before sending.
// Thread-safety: value types.
// Example:
//   client.create_note({.opportunity_id = opp, .body = {.value = "AI notes: ..."}});
//   client.update_interview_fields({.opportunity_id = opp, .interview_id = iv, .perform_as = me,
//                                   .edit = [](leverkit::InterviewUpdate& u) { u.location = "Zoom"; }});
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "leverkit/models/requests.hpp"

namespace leverkit::inline v0 {

/// A list of an opportunity's sub-resource (interviews, panels, notes, forms, applications).
struct ListOpportunityItemsRequest {
  std::string opportunity_id;
  std::vector<std::string> expand;
  std::optional<int> limit;
  std::optional<std::string> offset;
};


// ---- interviews ----
struct GetInterviewRequest {
  std::string opportunity_id;
  std::string interview_id;
  std::vector<std::string> expand;
};
struct CreateInterviewRequest {
  std::string opportunity_id;
  std::string perform_as;  // required by Lever
  InterviewCreate body;
};
struct UpdateInterviewRequest {
  std::string opportunity_id;
  std::string interview_id;
  std::string perform_as;
  InterviewUpdate body;  // a full replace: start from interview_update_from(current)
};
/// Read → edit → write: only what `edit` changes is changed.
struct UpdateInterviewFieldsRequest {
  std::string opportunity_id;
  std::string interview_id;
  std::string perform_as;
  std::function<void(InterviewUpdate&)> edit;
};
struct DeleteInterviewRequest {
  std::string opportunity_id;
  std::string interview_id;
  std::string perform_as;
};

// ---- panels ----
struct GetPanelRequest {
  std::string opportunity_id;
  std::string panel_id;
  std::vector<std::string> expand;
};
struct CreatePanelRequest {
  std::string opportunity_id;
  std::string perform_as;
  PanelCreate body;
};
struct UpdatePanelRequest {
  std::string opportunity_id;
  std::string panel_id;
  std::string perform_as;
  PanelUpdate body;  // a full replace
};
struct DeletePanelRequest {
  std::string opportunity_id;
  std::string panel_id;
  std::string perform_as;
};

// ---- feedback templates, form templates ----
struct ListTemplatesRequest {
  std::vector<std::string> include;
  std::optional<int> limit;
  std::optional<std::string> offset;
};
/// GET /feedback_templates/:id or /form_templates/:id.
struct GetTemplateRequest {
  std::string template_id;
};
struct CreateFeedbackTemplateRequest {
  FeedbackTemplateCreate body;
};
struct UpdateFeedbackTemplateRequest {
  std::string template_id;
  FeedbackTemplateUpdate body;  // Lever regenerates field ids
};
struct CreateFormTemplateRequest {
  FormTemplateCreate body;
};
struct UpdateFormTemplateRequest {
  std::string template_id;
  FormTemplateUpdate body;
};
struct DeleteTemplateRequest {
  std::string template_id;
};

// ---- opportunity feedback ----
struct ListFeedbackRequest {
  std::string opportunity_id;
  bool include_deleted = false;  // Lever returns deleted forms (deletedAt set); we drop them unless asked
  std::vector<std::string> expand;
  std::optional<int> limit;
  std::optional<std::string> offset;
};
struct GetFeedbackRequest {
  std::string opportunity_id;
  std::string feedback_id;
  std::vector<std::string> expand;
};
// CreateFeedbackRequest lives in models/requests.hpp: autofill builds it without the client.
struct UpdateFeedbackRequest {
  std::string opportunity_id;
  std::string feedback_id;
  std::string perform_as;
  FeedbackUpdate body;  // field ids from the feedback form itself
};
struct DeleteFeedbackRequest {
  std::string opportunity_id;
  std::string feedback_id;
  std::string perform_as;
};

// ---- profile forms ----
struct GetProfileFormRequest {
  std::string opportunity_id;
  std::string profile_form_id;
  std::vector<std::string> expand;
};
struct CreateProfileFormRequest {
  std::string opportunity_id;
  std::optional<std::string> perform_as;
  ProfileFormCreate body;  // every template field present: start from profile_form_create_from()
};

// ---- notes ----
struct GetNoteRequest {
  std::string opportunity_id;
  std::string note_id;
  std::vector<std::string> expand;
};
struct CreateNoteRequest {
  std::string opportunity_id;
  std::optional<std::string> perform_as;
  std::optional<std::string> note_id;  // set: a comment on this existing note
  NoteCreate body;
};
struct UpdateNoteRequest {
  std::string opportunity_id;
  std::string note_id;
  NoteUpdate body;  // an atomic replace of the thread; start from note_update_from(current)
};
struct DeleteNoteRequest {
  std::string opportunity_id;
  std::string note_id;
};

// ---- applications, opportunities, contacts ----
struct GetApplicationRequest {
  std::string opportunity_id;
  std::string application_id;
  std::vector<std::string> expand;
};
struct CreateOpportunityRequest {
  std::string perform_as;
  OpportunityCreate body;
};
struct UpdateOpportunityStageRequest {
  std::string opportunity_id;
  std::optional<std::string> perform_as;
  OpportunityStageChange body;
};
struct UpdateOpportunityArchivedRequest {
  std::string opportunity_id;
  std::optional<std::string> perform_as;
  ArchiveChange body;  // reason nullopt = unarchive
};
struct ChangeTagsRequest {
  std::string opportunity_id;
  std::optional<std::string> perform_as;
  TagsChange body;
};
struct ChangeLinksRequest {
  std::string opportunity_id;
  std::optional<std::string> perform_as;
  LinksChange body;
};
struct ChangeSourcesRequest {
  std::string opportunity_id;
  std::optional<std::string> perform_as;
  SourcesChange body;
};
struct GetContactRequest {
  std::string contact_id;
};
struct UpdateContactRequest {
  std::string contact_id;
  ContactUpdate body;
};

// ---- webhooks ----
struct ListWebhooksRequest {
  std::optional<int> limit;
  std::optional<std::string> offset;
};
struct CreateWebhookRequest {
  WebhookCreate body;
};
struct UpdateWebhooksRequest {
  std::vector<WebhookUpdate> webhooks;  // Lever's PUT /webhooks is a bulk update
};
struct DeleteWebhookRequest {
  std::string webhook_id;
};

}  // namespace leverkit

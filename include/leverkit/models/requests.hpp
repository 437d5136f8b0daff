// leverkit/models/requests.hpp — request bodies for every Lever write, and their JSON encoders.
//
// What: one plain struct per write body (`InterviewCreate`, `PanelCreate`, `FeedbackCreate`,
// `NoteCreate`, `ArchiveChange`, `WebhookCreate`, …) and `std::string to_json(const X&)` for
// each. Bodies that Lever treats as a full replace (interviews, panels, users, notes) have
// `*_update_from(current)` helpers that start from the object as read, so a partial change is
// read → edit → write without silently dropping fields. `validate(x)` checks Lever's rules that
// can be checked client-side (panel and interview together, one score-system field per
// template, scores 1–4, at least one interviewer, …); the client calls it before sending.
// Query parameters (`perform_as`, a note's `note_id`) are not part of a body: the client's
// request structs carry them — except `CreateFeedbackRequest`, a whole request kept here so that
// autofill can build it without the client (ADR 0095).
// Errors: `validate` returns invalid_argument naming the offending field; `to_json` never fails
// (it encodes what it is given; a non-finite number becomes null).
// Thread-safety: value types and pure functions.
// Example:
//   leverkit::NoteCreate note{.value = "Strong system design", .score = 4};
//   LEVERKIT_TRYV(leverkit::validate(note));
//   std::string body = leverkit::to_json(note);  // {"value":"Strong system design","secret":false,...}
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "leverkit/models/application.hpp"
#include "leverkit/models/common.hpp"
#include "leverkit/models/error.hpp"
#include "leverkit/models/feedback.hpp"
#include "leverkit/models/form_field.hpp"
#include "leverkit/models/form_template.hpp"
#include "leverkit/models/interview.hpp"
#include "leverkit/models/note.hpp"
#include "leverkit/models/panel.hpp"
#include "leverkit/models/time.hpp"
#include "leverkit/models/user.hpp"
#include "leverkit/models/webhook.hpp"

namespace leverkit::inline v0 {

// ---- interviews and panels --------------------------------------------------------------------

struct InterviewerRef {
  std::string id{};
  std::optional<std::string> feedback_template{};  // template id or "no-feedback"
  friend bool operator==(const InterviewerRef&, const InterviewerRef&) = default;
};

/// POST …/interviews (only on panels with `externally_managed`).
struct InterviewCreate {
  std::string panel{};                         // required
  std::vector<InterviewerRef> interviewers{};  // required, at least one
  Timestamp date{};                          // required: start
  int duration = 0;                          // required: minutes, >= 1
  std::optional<std::string> subject{};
  std::optional<std::string> note{};
  std::optional<std::string> location{};
  std::optional<std::string> feedback_template{};
  std::optional<std::string> feedback_reminder{};  // once | daily | frequently | none
  friend bool operator==(const InterviewCreate&, const InterviewCreate&) = default;
};

/// PUT …/interviews/:id (only on panels with `externally_managed`): a whole-object replace —
/// Lever deletes every field the body omits — so start from `interview_update_from(current)`.
/// Its own type, not the create body: Lever's PUT takes exactly these fields ("the entire
/// object"; `timezone`, `user`, `stage`, `postings`, `feedbackForms`, `canceledAt` are read-only)
/// and a create body sent as an update would silently clear what it leaves out. `panel` is the
/// interview's current panel (an update does not move an interview between panels).
struct InterviewUpdate {
  std::string panel{};                         // required: the interview's panel
  std::vector<InterviewerRef> interviewers{};  // required, at least one
  Timestamp date{};                          // required: start
  int duration = 0;                          // required: minutes, >= 1
  std::optional<std::string> subject{};
  std::optional<std::string> note{};
  std::optional<std::string> location{};
  std::optional<std::string> feedback_template{};
  std::optional<std::string> feedback_reminder{};  // once | daily | frequently | none
  friend bool operator==(const InterviewUpdate&, const InterviewUpdate&) = default;
};
/// Every writable field of `current` (the base for a read-merge-write partial update).
InterviewUpdate interview_update_from(const Interview& current);

/// One interview inside a panel body; `id` set for interviews that already exist (PUT keeps
/// them), empty for new ones.
struct PanelInterview {
  std::optional<std::string> id{};
  std::vector<InterviewerRef> interviewers{};
  Timestamp date{};
  int duration = 0;
  std::optional<std::string> subject{};
  std::optional<std::string> note{};
  std::optional<std::string> location{};
  std::optional<std::string> feedback_template{};
  std::optional<std::string> feedback_reminder{};
  friend bool operator==(const PanelInterview&, const PanelInterview&) = default;
};

/// POST …/panels and, as a full replace, PUT …/panels/:id (externally managed panels only).
struct PanelCreate {
  std::string timezone{};                           // required, IANA name
  std::vector<PanelInterview> interviews{};         // required, non-empty
  std::optional<std::vector<std::string>> applications{};  // absent = all active; [] is invalid
  std::optional<std::string> feedback_reminder{};   // Lever's default here: daily
  std::optional<std::string> note{};
  std::optional<std::string> external_url{};
  friend bool operator==(const PanelCreate&, const PanelCreate&) = default;
};
using PanelUpdate = PanelCreate;
PanelUpdate panel_update_from(const Panel& current);

// ---- feedback ---------------------------------------------------------------------------------

/// `{id, value}`: the id of a template field (create) or of the form's own field (update).
struct FieldValueEntry {
  std::string id{};
  FieldValue value{};
  friend bool operator==(const FieldValueEntry&, const FieldValueEntry&) = default;
};

/// POST …/feedback?perform_as=. `panel` and `interview` go together or not at all.
struct FeedbackCreate {
  std::string base_template_id{};
  std::optional<std::string> panel{};
  std::optional<std::string> interview{};
  std::vector<FieldValueEntry> field_values{};
  std::optional<Timestamp> created_at{};
  std::optional<Timestamp> completed_at{};
  friend bool operator==(const FeedbackCreate&, const FeedbackCreate&) = default;
};

/// PUT …/feedback/:id?perform_as=.
struct FeedbackUpdate {
  std::vector<FieldValueEntry> field_values{};
  std::optional<Timestamp> completed_at{};
  friend bool operator==(const FeedbackUpdate&, const FeedbackUpdate&) = default;
};

/// The whole POST /opportunities/:opportunity_id/feedback?perform_as= request, not only its
/// body. It lives here, in models, rather than beside the client's other request structs because
/// autofill (which never links the client) builds it — `autofill::make_feedback_create` — and
/// `Client::create_feedback` sends it as is: one type for one request (ADR 0095).
struct CreateFeedbackRequest {
  std::string opportunity_id{};
  std::string perform_as{};  // the author (required by Lever)
  FeedbackCreate body{};
  friend bool operator==(const CreateFeedbackRequest&, const CreateFeedbackRequest&) = default;
};

/// POST /feedback_templates and PUT /feedback_templates/:id (which regenerates field ids).
/// Fields are `FormField`s without ids: type, text, description, required, options, prompt,
/// scores (scorecard rows), language (code), currency.
struct FeedbackTemplateCreate {
  std::string text{};
  std::optional<std::string> instructions{};
  std::optional<std::string> group{};  // group id
  std::vector<FormField> fields{};     // exactly one score-system field
  friend bool operator==(const FeedbackTemplateCreate&, const FeedbackTemplateCreate&) = default;
};
using FeedbackTemplateUpdate = FeedbackTemplateCreate;

// ---- profile forms ----------------------------------------------------------------------------

/// POST /form_templates and PUT /form_templates/:id.
struct FormTemplateCreate {
  std::string text{};
  std::optional<std::string> instructions{};
  std::optional<std::string> group{};  // group id
  bool secret_by_default = false;
  std::vector<FormField> fields{};     // at least one
  friend bool operator==(const FormTemplateCreate&, const FormTemplateCreate&) = default;
};
using FormTemplateUpdate = FormTemplateCreate;

/// POST …/forms: every field of the template must be present (value null when unanswered).
struct ProfileFormCreate {
  std::string base_template_id{};
  std::vector<FormField> fields{};  // the template's fields, in order, with `value` set
  std::optional<bool> secret{};     // overrides the template's secretByDefault
  friend bool operator==(const ProfileFormCreate&, const ProfileFormCreate&) = default;
};
/// A create body holding every field of `tmpl` with a null value, ready to be filled.
ProfileFormCreate profile_form_create_from(const FormTemplate& tmpl);

// ---- notes ------------------------------------------------------------------------------------

/// POST …/notes (a comment on an existing note: the same body with the `note_id` query).
struct NoteCreate {
  std::string value{};                  // required; @username mentions notify
  bool secret = false;
  std::optional<int> score{};           // 1 strong no … 4 strong yes
  bool notify_followers = false;
  std::optional<Timestamp> created_at{};  // back-dating allowed, the future is not
  friend bool operator==(const NoteCreate&, const NoteCreate&) = default;
};

struct NoteUpdateValue {
  std::string value{};
  std::optional<Timestamp> created_at{};
  friend bool operator==(const NoteUpdateValue&, const NoteUpdateValue&) = default;
};

/// PUT …/notes/:id — an atomic replace of the thread (API-created notes only).
struct NoteUpdate {
  std::vector<NoteUpdateValue> values{};
  std::optional<std::string> user{};
  std::optional<bool> secret{};
  std::optional<Timestamp> created_at{};
  std::optional<Timestamp> completed_at{};
  std::optional<int> score{};  // applies to every comment
  friend bool operator==(const NoteUpdate&, const NoteUpdate&) = default;
};
NoteUpdate note_update_from(const Note& current);

// ---- opportunities and contacts ---------------------------------------------------------------

/// PUT /opportunities/:id/stage. (Named apart from `StageChange`, an entry of stageChanges.)
struct OpportunityStageChange {
  std::string stage{};
  friend bool operator==(const OpportunityStageChange&, const OpportunityStageChange&) = default;
};

/// PUT /opportunities/:id/archived; `reason` nullopt (JSON null) unarchives.
struct ArchiveChange {
  std::optional<std::string> reason{};
  std::optional<bool> clean_interviews{};
  std::optional<std::string> requisition_id{};
  friend bool operator==(const ArchiveChange&, const ArchiveChange&) = default;
};

/// POST /opportunities/:id/addTags|removeTags.
struct TagsChange {
  std::vector<std::string> tags{};
  friend bool operator==(const TagsChange&, const TagsChange&) = default;
};
/// POST /opportunities/:id/addLinks|removeLinks.
struct LinksChange {
  std::vector<std::string> links{};
  friend bool operator==(const LinksChange&, const LinksChange&) = default;
};
/// POST /opportunities/:id/addSources|removeSources.
struct SourcesChange {
  std::vector<std::string> sources{};
  friend bool operator==(const SourcesChange&, const SourcesChange&) = default;
};

/// POST /opportunities?perform_as=. One posting at most: Lever rejects more, so the type holds
/// one.
struct OpportunityCreate {
  std::string name{};
  std::optional<std::string> headline{};
  std::optional<std::string> stage{};
  std::optional<std::string> location{};
  std::vector<Phone> phones{};
  std::vector<std::string> emails{};
  std::vector<std::string> links{};
  std::vector<std::string> tags{};
  std::vector<std::string> sources{};
  std::optional<std::string> origin{};
  std::optional<std::string> owner{};
  std::vector<std::string> followers{};
  std::optional<std::string> posting{};  // sent as `postings: [id]`
  std::optional<Timestamp> created_at{};
  std::optional<ArchivedState> archived{};
  std::optional<std::string> contact{};
  std::optional<std::string> opportunity_location{};
  friend bool operator==(const OpportunityCreate&, const OpportunityCreate&) = default;
};

/// PUT /contacts/:id (location is a plain string in requests).
struct ContactUpdate {
  std::optional<std::string> name{};
  std::optional<std::string> headline{};
  std::optional<std::string> location{};
  std::optional<std::vector<std::string>> emails{};
  std::optional<std::vector<Phone>> phones{};
  friend bool operator==(const ContactUpdate&, const ContactUpdate&) = default;
};

// ---- webhooks and users -----------------------------------------------------------------------

/// POST /webhooks.
struct WebhookCreate {
  std::string url{};    // https only
  std::string event{};  // e.g. candidateStageChange
  std::optional<WebhookConditions> conditions{};
  friend bool operator==(const WebhookCreate&, const WebhookCreate&) = default;
};

/// One entry of PUT /webhooks (`{"data": [{id, url, configuration}, …]}`, a bulk update).
struct WebhookUpdate {
  std::string id{};
  std::string url{};
  std::optional<WebhookConditions> conditions{};
  friend bool operator==(const WebhookUpdate&, const WebhookUpdate&) = default;
};

/// POST /users (no invite email is sent).
struct UserCreate {
  std::string name{};
  std::string email{};
  std::optional<std::string> access_role{};  // default interviewer
  std::optional<std::string> external_directory_id{};
  std::optional<std::string> job_title{};
  std::optional<std::string> manager_id{};
  friend bool operator==(const UserCreate&, const UserCreate&) = default;
};

/// PUT /users/:id — a full replace: omitted optional fields are reset.
struct UserUpdate {
  std::string name{};
  std::string email{};
  std::string access_role{};
  std::optional<std::string> external_directory_id{};
  std::optional<std::string> job_title{};
  std::optional<std::string> manager_id{};
  friend bool operator==(const UserUpdate&, const UserUpdate&) = default;
};
UserUpdate user_update_from(const User& current);

// ---- encoders ---------------------------------------------------------------------------------

std::string to_json(const InterviewCreate& b);
std::string to_json(const InterviewUpdate& b);
std::string to_json(const PanelCreate& b);
std::string to_json(const FeedbackCreate& b);
std::string to_json(const FeedbackUpdate& b);
std::string to_json(const FeedbackTemplateCreate& b);
std::string to_json(const FormTemplateCreate& b);
std::string to_json(const ProfileFormCreate& b);
std::string to_json(const NoteCreate& b);
std::string to_json(const NoteUpdate& b);
std::string to_json(const OpportunityStageChange& b);
std::string to_json(const ArchiveChange& b);
std::string to_json(const TagsChange& b);
std::string to_json(const LinksChange& b);
std::string to_json(const SourcesChange& b);
std::string to_json(const OpportunityCreate& b);
std::string to_json(const ContactUpdate& b);
std::string to_json(const WebhookCreate& b);
/// `{"data": [ … ]}` for PUT /webhooks.
std::string to_json(const std::vector<WebhookUpdate>& b);
std::string to_json(const UserCreate& b);
std::string to_json(const UserUpdate& b);
/// A field value as Lever expects it for the field's type (null, string, number, array, …).
std::string to_json(const FieldValue& v);

// ---- client-side rule checks (invalid_argument, naming the field) -------------------------------

Result<void> validate(const InterviewCreate& b);
Result<void> validate(const InterviewUpdate& b);
Result<void> validate(const PanelCreate& b);
Result<void> validate(const FeedbackCreate& b);
Result<void> validate(const FeedbackUpdate& b);
Result<void> validate(const FeedbackTemplateCreate& b);
Result<void> validate(const FormTemplateCreate& b);
Result<void> validate(const ProfileFormCreate& b);
/// As above, and every field of `tmpl` is present (by id, else by question text), none extra.
Result<void> validate(const ProfileFormCreate& b, const FormTemplate& tmpl);
Result<void> validate(const NoteCreate& b);
Result<void> validate(const NoteUpdate& b);
Result<void> validate(const OpportunityCreate& b);
Result<void> validate(const WebhookCreate& b);
Result<void> validate(const UserCreate& b);
Result<void> validate(const UserUpdate& b);

}  // namespace leverkit

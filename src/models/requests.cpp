#include "leverkit/models/requests.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <span>

#include "detail/json_writer.hpp"
#include "leverkit/models/field_value.hpp"

namespace leverkit::inline v0 {

using detail::JsonWriter;

namespace {

void write_interviewers(JsonWriter& w, const std::vector<InterviewerRef>& list) {
  w.key("interviewers").begin_array();
  for (const auto& i : list) {
    w.begin_object().field("id", i.id).opt_field("feedbackTemplate", i.feedback_template).end_object();
  }
  w.end_array();
}

std::string_view type_name(const FormField& f) {
  return f.type == FieldType::unknown ? std::string_view(f.type_name) : to_string(f.type);
}

// A template field definition (no id: Lever assigns, and regenerates them on PUT).
void write_template_field(JsonWriter& w, const FormField& f, bool with_id, bool with_value) {
  w.begin_object();
  if (with_id && !f.id.empty()) w.field("id", f.id);
  w.field("type", type_name(f)).field("text", f.text);
  w.opt_field("description", f.description);
  w.field("required", f.required);
  w.opt_field("prompt", f.prompt);
  if (!f.options.empty()) {
    w.key("options").begin_array();
    for (const auto& o : f.options) w.begin_object().field("text", o.text).opt_field("optionId", o.option_id).end_object();
    w.end_array();
  }
  if (!f.scores.empty()) {
    w.key("scores").begin_array();
    for (const auto& s : f.scores) w.begin_object().field("text", s.text).field("description", s.description).end_object();
    w.end_array();
  }
  w.opt_field("language", f.language);
  w.opt_field("currency", f.currency);
  if (with_value) {
    w.key("value");
    w.field_value(f.value);
  }
  w.end_object();
}

void write_conditions(JsonWriter& w, const std::optional<WebhookConditions>& c) {
  if (!c) return;
  w.key("configuration").begin_object().key("conditions").begin_object();
  w.key("origins").string_array(c->origins);
  w.end_object().end_object();
}

void write_phones(JsonWriter& w, const std::vector<Phone>& phones) {
  w.key("phones").begin_array();
  for (const auto& p : phones) w.begin_object().opt_field("type", p.type).field("value", p.value).end_object();
  w.end_array();
}

void write_field_values(JsonWriter& w, const std::vector<FieldValueEntry>& values) {
  w.key("fieldValues").begin_array();
  for (const auto& e : values) {
    w.begin_object().field("id", e.id).key("value");
    w.field_value(e.value);
    w.end_object();
  }
  w.end_array();
}

Error invalid(std::string message) { return Error{Errc::invalid_argument, std::move(message)}; }

Result<void> require_text(const std::string& s, std::string_view what) {
  if (s.empty()) return invalid(fmt::format("{} is required", what));
  return success();
}

Result<void> check_score(const std::optional<int>& score, std::string_view what) {
  if (score && (*score < 1 || *score > 4)) return invalid(fmt::format("{} must be 1–4, got {}", what, *score));
  return success();
}

bool is_choice(FieldType t) {
  return t == FieldType::dropdown || t == FieldType::multiple_choice || t == FieldType::multiple_select;
}

// Field definitions of a template body: known type allowed on this kind of form, a question
// text, options for choice fields, rows for scorecards.
Result<void> check_template_fields(const std::vector<FormField>& fields, std::span<const FieldType> allowed,
                                   std::string_view kind) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const FormField& f = fields[i];
    const std::string label = fmt::format("fields[{}] ('{}')", i, f.text);
    if (std::find(allowed.begin(), allowed.end(), f.type) == allowed.end())
      return invalid(fmt::format("{}: type '{}' is not allowed on a {}", label, type_name(f), kind));
    if (f.text.empty()) return invalid(fmt::format("fields[{}]: text (the question) is required", i));
    if (is_choice(f.type) && f.options.empty())
      return invalid(fmt::format("{}: a '{}' field needs at least one option", label, to_string(f.type)));
    if (f.type == FieldType::scorecard && f.scores.empty())
      return invalid(fmt::format("{}: a scorecard field needs at least one row in scores", label));
  }
  return success();
}

}  // namespace

// ---- *_from helpers ---------------------------------------------------------------------------

InterviewUpdate interview_update_from(const Interview& c) {
  InterviewUpdate u;
  u.panel = c.panel.value_or(std::string{});
  for (const auto& i : c.interviewers) u.interviewers.push_back(InterviewerRef{i.id, i.feedback_template});
  u.date = c.date;
  u.duration = c.duration;
  u.subject = c.subject;
  u.note = c.note;
  u.location = c.location;
  u.feedback_template = c.feedback_template;
  u.feedback_reminder = c.feedback_reminder;
  return u;
}

PanelUpdate panel_update_from(const Panel& c) {
  PanelUpdate u;
  u.timezone = c.timezone.value_or(std::string{});
  for (const auto& i : c.interviews) {
    PanelInterview pi;
    pi.id = i.id;
    for (const auto& r : i.interviewers) pi.interviewers.push_back(InterviewerRef{r.id, r.feedback_template});
    pi.date = i.date;
    pi.duration = i.duration;
    pi.subject = i.subject;
    pi.note = i.note;
    pi.location = i.location;
    pi.feedback_template = i.feedback_template;
    pi.feedback_reminder = i.feedback_reminder;
    u.interviews.push_back(std::move(pi));
  }
  if (!c.applications.empty()) u.applications = c.applications;
  u.feedback_reminder = c.feedback_reminder;
  if (!c.note.empty()) u.note = c.note;
  u.external_url = c.external_url;
  return u;
}

ProfileFormCreate profile_form_create_from(const FormTemplate& tmpl) {
  ProfileFormCreate b;
  b.base_template_id = tmpl.id;
  b.fields = tmpl.fields;
  for (auto& f : b.fields) f.value = std::monostate{};
  return b;
}

NoteUpdate note_update_from(const Note& c) {
  NoteUpdate u;
  for (const auto& comment : c.comments) u.values.push_back(NoteUpdateValue{comment.value, comment.created_at});
  if (c.user) u.user = c.user->id;
  u.secret = c.secret;
  u.created_at = c.created_at;
  u.completed_at = c.completed_at;
  return u;
}

UserUpdate user_update_from(const User& c) {
  return UserUpdate{c.name, c.email, c.access_role, c.external_directory_id, c.job_title, c.manager_id};
}

// ---- encoders ---------------------------------------------------------------------------------

namespace {
// Lever's interview PUT takes the create's fields ("see Create endpoint"), so both bodies encode
// the same way; the types stay apart so a create body cannot be sent as a whole-object replace.
template <class InterviewBody>
std::string interview_json(const InterviewBody& b) {
  JsonWriter w;
  w.begin_object().field("panel", b.panel);
  write_interviewers(w, b.interviewers);
  w.field("date", b.date).field_int("duration", b.duration);
  w.opt_field("subject", b.subject).opt_field("note", b.note).opt_field("location", b.location);
  w.opt_field("feedbackTemplate", b.feedback_template).opt_field("feedbackReminder", b.feedback_reminder);
  return w.end_object().str();
}

template <class InterviewBody>
Result<void> validate_interview(const InterviewBody& b) {
  LEVERKIT_TRYV(require_text(b.panel, "panel (an interview belongs to a panel)"));
  if (b.interviewers.empty()) return invalid("interviewers: at least one interviewer is required");
  for (std::size_t i = 0; i < b.interviewers.size(); ++i)
    if (b.interviewers[i].id.empty()) return invalid(fmt::format("interviewers[{}].id is required", i));
  if (b.duration < 1) return invalid(fmt::format("duration must be at least 1 minute, got {}", b.duration));
  return success();
}
}  // namespace

std::string to_json(const InterviewCreate& b) { return interview_json(b); }
std::string to_json(const InterviewUpdate& b) { return interview_json(b); }

std::string to_json(const PanelCreate& b) {
  JsonWriter w;
  w.begin_object().field("timezone", b.timezone);
  w.key("interviews").begin_array();
  for (const auto& i : b.interviews) {
    w.begin_object().opt_field("id", i.id);
    write_interviewers(w, i.interviewers);
    w.field("date", i.date).field_int("duration", i.duration);
    w.opt_field("subject", i.subject).opt_field("note", i.note).opt_field("location", i.location);
    w.opt_field("feedbackTemplate", i.feedback_template).opt_field("feedbackReminder", i.feedback_reminder);
    w.end_object();
  }
  w.end_array();
  if (b.applications) w.key("applications").string_array(*b.applications);
  w.opt_field("feedbackReminder", b.feedback_reminder).opt_field("note", b.note).opt_field("externalUrl", b.external_url);
  return w.end_object().str();
}

std::string to_json(const FeedbackCreate& b) {
  JsonWriter w;
  w.begin_object().field("baseTemplateId", b.base_template_id);
  w.opt_field("panel", b.panel).opt_field("interview", b.interview);
  if (!b.field_values.empty()) write_field_values(w, b.field_values);
  w.opt_field("createdAt", b.created_at).opt_field("completedAt", b.completed_at);
  return w.end_object().str();
}

std::string to_json(const FeedbackUpdate& b) {
  JsonWriter w;
  w.begin_object();
  if (!b.field_values.empty()) write_field_values(w, b.field_values);
  w.opt_field("completedAt", b.completed_at);
  return w.end_object().str();
}

std::string to_json(const FeedbackTemplateCreate& b) {
  JsonWriter w;
  w.begin_object().field("text", b.text).opt_field("instructions", b.instructions).opt_field("group", b.group);
  w.key("fields").begin_array();
  for (const auto& f : b.fields) write_template_field(w, f, false, false);
  w.end_array();
  return w.end_object().str();
}

std::string to_json(const FormTemplateCreate& b) {
  JsonWriter w;
  w.begin_object().field("text", b.text).opt_field("instructions", b.instructions).opt_field("group", b.group);
  w.field("secretByDefault", b.secret_by_default);
  w.key("fields").begin_array();
  for (const auto& f : b.fields) write_template_field(w, f, false, false);
  w.end_array();
  return w.end_object().str();
}

std::string to_json(const ProfileFormCreate& b) {
  JsonWriter w;
  w.begin_object().field("baseTemplateId", b.base_template_id);
  w.key("fields").begin_array();
  for (const auto& f : b.fields) write_template_field(w, f, true, true);
  w.end_array();
  w.opt_field("secret", b.secret);
  return w.end_object().str();
}

std::string to_json(const NoteCreate& b) {
  JsonWriter w;
  w.begin_object().field("value", b.value).field("secret", b.secret).opt_field("score", b.score);
  w.field("notifyFollowers", b.notify_followers).opt_field("createdAt", b.created_at);
  return w.end_object().str();
}

std::string to_json(const NoteUpdate& b) {
  JsonWriter w;
  w.begin_object().key("values").begin_array();
  for (const auto& v : b.values) w.begin_object().field("value", v.value).opt_field("createdAt", v.created_at).end_object();
  w.end_array();
  w.opt_field("user", b.user).opt_field("secret", b.secret).opt_field("createdAt", b.created_at);
  w.opt_field("completedAt", b.completed_at).opt_field("score", b.score);
  return w.end_object().str();
}

std::string to_json(const OpportunityStageChange& b) {
  JsonWriter w;
  return w.begin_object().field("stage", b.stage).end_object().str();
}

std::string to_json(const ArchiveChange& b) {
  JsonWriter w;
  w.begin_object().key("reason");
  if (b.reason) w.string(*b.reason);
  else w.null();
  w.opt_field("cleanInterviews", b.clean_interviews).opt_field("requisitionId", b.requisition_id);
  return w.end_object().str();
}

std::string to_json(const TagsChange& b) {
  JsonWriter w;
  return w.begin_object().key("tags").string_array(b.tags).end_object().str();
}
std::string to_json(const LinksChange& b) {
  JsonWriter w;
  return w.begin_object().key("links").string_array(b.links).end_object().str();
}
std::string to_json(const SourcesChange& b) {
  JsonWriter w;
  return w.begin_object().key("sources").string_array(b.sources).end_object().str();
}

std::string to_json(const OpportunityCreate& b) {
  JsonWriter w;
  w.begin_object().field("name", b.name).opt_field("headline", b.headline).opt_field("stage", b.stage);
  w.opt_field("location", b.location);
  if (!b.phones.empty()) write_phones(w, b.phones);
  if (!b.emails.empty()) w.key("emails").string_array(b.emails);
  if (!b.links.empty()) w.key("links").string_array(b.links);
  if (!b.tags.empty()) w.key("tags").string_array(b.tags);
  if (!b.sources.empty()) w.key("sources").string_array(b.sources);
  w.opt_field("origin", b.origin).opt_field("owner", b.owner);
  if (!b.followers.empty()) w.key("followers").string_array(b.followers);
  if (b.posting) w.key("postings").begin_array().string(*b.posting).end_array();
  w.opt_field("createdAt", b.created_at);
  if (b.archived) {
    w.key("archived").begin_object().opt_field("reason", b.archived->reason);
    w.opt_field("archivedAt", b.archived->archived_at).end_object();
  }
  w.opt_field("contact", b.contact).opt_field("opportunityLocation", b.opportunity_location);
  return w.end_object().str();
}

std::string to_json(const ContactUpdate& b) {
  JsonWriter w;
  w.begin_object().opt_field("name", b.name).opt_field("headline", b.headline).opt_field("location", b.location);
  if (b.emails) w.key("emails").string_array(*b.emails);
  if (b.phones) write_phones(w, *b.phones);
  return w.end_object().str();
}

std::string to_json(const WebhookCreate& b) {
  JsonWriter w;
  w.begin_object().field("url", b.url).field("event", b.event);
  write_conditions(w, b.conditions);
  return w.end_object().str();
}

std::string to_json(const std::vector<WebhookUpdate>& b) {
  JsonWriter w;
  w.begin_object().key("data").begin_array();
  for (const auto& u : b) {
    w.begin_object().field("id", u.id).field("url", u.url);
    write_conditions(w, u.conditions);
    w.end_object();
  }
  w.end_array();
  return w.end_object().str();
}

std::string to_json(const UserCreate& b) {
  JsonWriter w;
  w.begin_object().field("name", b.name).field("email", b.email).opt_field("accessRole", b.access_role);
  w.opt_field("externalDirectoryId", b.external_directory_id).opt_field("jobTitle", b.job_title);
  w.opt_field("managerId", b.manager_id);
  return w.end_object().str();
}

std::string to_json(const UserUpdate& b) {
  JsonWriter w;
  w.begin_object().field("name", b.name).field("email", b.email).field("accessRole", b.access_role);
  w.opt_field("externalDirectoryId", b.external_directory_id).opt_field("jobTitle", b.job_title);
  w.opt_field("managerId", b.manager_id);
  return w.end_object().str();
}

std::string to_json(const FieldValue& v) {
  JsonWriter w;
  w.field_value(v);
  return w.str();
}

// ---- validation -------------------------------------------------------------------------------

Result<void> validate(const InterviewCreate& b) { return validate_interview(b); }
Result<void> validate(const InterviewUpdate& b) { return validate_interview(b); }

Result<void> validate(const PanelCreate& b) {
  LEVERKIT_TRYV(require_text(b.timezone, "timezone"));
  if (b.interviews.empty()) return invalid("interviews: a panel needs at least one interview");
  for (std::size_t n = 0; n < b.interviews.size(); ++n) {
    const auto& i = b.interviews[n];
    if (i.interviewers.empty()) return invalid(fmt::format("interviews[{}].interviewers: at least one is required", n));
    if (i.duration < 1) return invalid(fmt::format("interviews[{}].duration must be at least 1 minute", n));
  }
  if (b.applications && b.applications->empty())
    return invalid("applications: [] is invalid; leave it unset for all active applications");
  return success();
}

Result<void> validate(const FeedbackCreate& b) {
  LEVERKIT_TRYV(require_text(b.base_template_id, "baseTemplateId"));
  if (b.panel.has_value() != b.interview.has_value())
    return invalid("panel and interview go together: set both (the interview must belong to the panel) or neither");
  for (std::size_t i = 0; i < b.field_values.size(); ++i)
    if (b.field_values[i].id.empty()) return invalid(fmt::format("fieldValues[{}].id is required", i));
  return success();
}

Result<void> validate(const FeedbackUpdate& b) {
  for (std::size_t i = 0; i < b.field_values.size(); ++i)
    if (b.field_values[i].id.empty()) return invalid(fmt::format("fieldValues[{}].id is required", i));
  return success();
}

Result<void> validate(const FeedbackTemplateCreate& b) {
  static constexpr FieldType kAllowed[] = {FieldType::code, FieldType::date, FieldType::dropdown,
                                           FieldType::multiple_choice, FieldType::multiple_select,
                                           FieldType::score_system, FieldType::score, FieldType::scorecard,
                                           FieldType::text, FieldType::textarea, FieldType::yes_no,
                                           FieldType::currency};
  LEVERKIT_TRYV(require_text(b.text, "text (the template name)"));
  LEVERKIT_TRYV(check_template_fields(b.fields, kAllowed, "feedback template"));
  const auto score_systems = std::count_if(b.fields.begin(), b.fields.end(),
                                           [](const FormField& f) { return f.type == FieldType::score_system; });
  if (score_systems != 1)
    return invalid(fmt::format("a feedback template needs exactly one score-system field, found {}", score_systems));
  return success();
}

Result<void> validate(const FormTemplateCreate& b) {
  static constexpr FieldType kAllowed[] = {FieldType::currency, FieldType::date, FieldType::dropdown,
                                           FieldType::multiple_choice, FieldType::multiple_select,
                                           FieldType::text, FieldType::textarea, FieldType::yes_no};
  LEVERKIT_TRYV(require_text(b.text, "text (the template name)"));
  if (b.fields.empty()) return invalid("fields: a form template needs at least one field");
  return check_template_fields(b.fields, kAllowed, "profile form template");
}

Result<void> validate(const ProfileFormCreate& b) {
  LEVERKIT_TRYV(require_text(b.base_template_id, "baseTemplateId"));
  if (b.fields.empty()) return invalid("fields: every field of the template must be present");
  for (const auto& f : b.fields) {
    if (f.required && std::holds_alternative<std::monostate>(f.value))
      return invalid(fmt::format("field {} ('{}') is required and has no value", f.id, f.text));
    LEVERKIT_TRYV(validate_field_value(f, f.value));
  }
  return success();
}

Result<void> validate(const ProfileFormCreate& b, const FormTemplate& tmpl) {
  LEVERKIT_TRYV(validate(b));
  if (b.base_template_id != tmpl.id)
    return invalid(fmt::format("baseTemplateId {} does not match the template {}", b.base_template_id, tmpl.id));
  const auto same = [](const FormField& a, const FormField& t) {
    return !a.id.empty() && !t.id.empty() ? a.id == t.id : a.text == t.text;
  };
  for (const FormField& t : tmpl.fields) {
    if (std::none_of(b.fields.begin(), b.fields.end(), [&](const FormField& f) { return same(f, t); }))
      return invalid(fmt::format("field {} ('{}') of the template is missing: Lever requires every template field",
                                 t.id, t.text));
  }
  for (const FormField& f : b.fields) {
    if (std::none_of(tmpl.fields.begin(), tmpl.fields.end(), [&](const FormField& t) { return same(f, t); }))
      return invalid(fmt::format("field {} ('{}') is not a field of template {}", f.id, f.text, tmpl.id));
  }
  return success();
}

Result<void> validate(const NoteCreate& b) {
  LEVERKIT_TRYV(require_text(b.value, "value (the note text)"));
  return check_score(b.score, "score");
}

Result<void> validate(const NoteUpdate& b) {
  if (b.values.empty()) return invalid("values: a note needs at least one comment");
  for (std::size_t i = 0; i < b.values.size(); ++i)
    if (b.values[i].value.empty()) return invalid(fmt::format("values[{}].value is required", i));
  return check_score(b.score, "score");
}

Result<void> validate(const OpportunityCreate& b) {
  if (b.posting && b.posting->empty()) return invalid("posting: an empty posting id");
  if (b.name.empty() && b.emails.empty() && !b.contact)
    return invalid("name: a new opportunity needs a name, an email or an existing contact");
  return success();
}

Result<void> validate(const WebhookCreate& b) {
  LEVERKIT_TRYV(require_text(b.event, "event"));
  if (b.url.rfind("https://", 0) != 0) return invalid("url: Lever delivers webhooks to https:// URLs only");
  return success();
}

Result<void> validate(const UserCreate& b) {
  LEVERKIT_TRYV(require_text(b.name, "name"));
  return require_text(b.email, "email");
}

Result<void> validate(const UserUpdate& b) {
  LEVERKIT_TRYV(require_text(b.name, "name"));
  LEVERKIT_TRYV(require_text(b.email, "email"));
  return require_text(b.access_role, "accessRole (PUT /users is a full replace)");
}

}  // namespace leverkit

// leverkit/models/feedback.hpp — feedback templates and an opportunity's feedback forms.
//
// What: `FeedbackTemplate` (exactly one `score-system` field per template on Lever's side) and
// `Feedback` (a form filled from a template; its field ids are the template's ids as they were
// when the form was created). Decoders accept the GET shape and the different PUT-response
// shape (`profileId`, `userId`, overall rating as `score` + `overall: true`).
// Errors: decoders return decode_error naming the JSON path.
// Thread-safety: value types; decoders are reentrant.
// Example:
//   LEVERKIT_TRY(t, leverkit::decode_feedback_template(body));
//   for (const auto& f : t.fields) fmt::print("{}: {}\n", leverkit::to_string(f.type), f.text);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/common.hpp"
#include "leverkit/models/error.hpp"
#include "leverkit/models/form_field.hpp"
#include "leverkit/models/stage.hpp"
#include "leverkit/models/time.hpp"
#include "leverkit/models/user.hpp"

namespace leverkit::inline v0 {

struct TemplateGroup {
  std::string id;
  std::string name;
  friend bool operator==(const TemplateGroup&, const TemplateGroup&) = default;
};

struct FeedbackTemplate {
  std::string id;
  std::string text;
  std::optional<TemplateGroup> group;
  std::optional<std::string> instructions;
  std::optional<Timestamp> created_at;  // null on Lever's built-in templates
  std::optional<Timestamp> updated_at;
  std::optional<Stage> stage;
  std::vector<FormField> fields;
  friend bool operator==(const FeedbackTemplate&, const FeedbackTemplate&) = default;
};

struct Feedback {
  std::string id;
  std::string type;                    // interview | assignment | share
  std::string text;
  std::optional<std::string> instructions;
  std::optional<std::string> base_template_id;
  std::vector<FormField> fields;       // with values
  std::optional<Expandable<User>> user;  // submitter
  std::optional<std::string> panel;
  std::optional<std::string> interview;
  std::optional<std::string> opportunity_id;  // `profileId` in PUT responses
  std::optional<Timestamp> created_at;
  std::optional<Timestamp> updated_at;
  std::optional<Timestamp> completed_at;
  std::optional<Timestamp> deleted_at;  // deleted forms are still returned by GET

  [[nodiscard]] bool deleted() const noexcept { return deleted_at.has_value(); }
  friend bool operator==(const Feedback&, const Feedback&) = default;
};

Result<FeedbackTemplate> decode_feedback_template(std::string_view json);
Result<Page<FeedbackTemplate>> decode_feedback_template_page(std::string_view json);
Result<Feedback> decode_feedback(std::string_view json);
Result<Page<Feedback>> decode_feedback_page(std::string_view json);

}  // namespace leverkit

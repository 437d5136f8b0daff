// leverkit/autofill/form_json.hpp — read the form to draft from a Lever JSON document.
//
// What: `read_form_json` accepts a feedback template (GET /feedback_templates/:id) or a
// feedback form (GET /opportunities/:id/feedback/:id, whose `value`s mark fields a human
// already answered), with or without the `{"data": ...}` envelope, and returns the template id
// and the fields in form order.
// Errors: decode_error naming the JSON path of the first problem.
// Thread-safety: reentrant.
// Example:
//   LEVERKIT_TRY(form, leverkit::autofill::read_form_json(text));
//   input.template_id = form.template_id; input.fields = std::move(form.fields);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/error.hpp"
#include "leverkit/models/form_field.hpp"

namespace leverkit::inline v0::autofill {

struct FormDocument {
  std::string template_id;  // the template's id, or a form's baseTemplateId
  bool is_feedback_form = false;
  std::vector<FormField> fields;
};

Result<FormDocument> read_form_json(std::string_view json);

}  // namespace leverkit::autofill

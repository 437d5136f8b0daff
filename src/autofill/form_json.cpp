#include "leverkit/autofill/form_json.hpp"

#include "leverkit/models/feedback.hpp"

namespace leverkit::inline v0::autofill {

Result<FormDocument> read_form_json(std::string_view json) {
  FormDocument doc;
  // A feedback form names the template it was made from; a template does not.
  if (json.find("\"baseTemplateId\"") != std::string_view::npos) {
    LEVERKIT_TRY(form, decode_feedback(json));
    doc.template_id = form.base_template_id.value_or(std::string());
    doc.is_feedback_form = true;
    doc.fields = std::move(form.fields);
    return doc;
  }
  LEVERKIT_TRY(tmpl, decode_feedback_template(json));
  doc.template_id = std::move(tmpl.id);
  doc.fields = std::move(tmpl.fields);
  return doc;
}

}  // namespace leverkit::autofill

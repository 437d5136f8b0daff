// libFuzzer target: every model decoder (single objects and list pages) on the same input.
// Each decoder must return a value or an Error for any bytes — never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "leverkit/models/application.hpp"
#include "leverkit/models/contact.hpp"
#include "leverkit/models/feedback.hpp"
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

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace leverkit;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  (void)decode_application(in);
  (void)decode_application_page(in);
  (void)decode_lever_error(in);
  (void)decode_contact(in);
  (void)decode_feedback_template(in);
  (void)decode_feedback_template_page(in);
  (void)decode_feedback(in);
  (void)decode_feedback_page(in);
  (void)decode_form_template(in);
  (void)decode_form_template_page(in);
  (void)decode_interview(in);
  (void)decode_interview_page(in);
  (void)decode_note(in);
  (void)decode_note_page(in);
  (void)decode_note_created(in);
  (void)decode_opportunity(in);
  (void)decode_opportunity_page(in);
  (void)decode_panel(in);
  (void)decode_panel_page(in);
  (void)decode_posting(in);
  (void)decode_posting_page(in);
  (void)decode_profile_form(in);
  (void)decode_profile_form_page(in);
  (void)decode_stage(in);
  (void)decode_stage_page(in);
  (void)decode_archive_reason(in);
  (void)decode_archive_reason_page(in);
  (void)decode_user(in);
  (void)decode_user_page(in);
  (void)decode_webhook(in);
  (void)decode_webhook_page(in);
  return 0;
}

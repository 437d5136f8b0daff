#include "detail/decoders.hpp"

namespace leverkit::inline v0 {
namespace detail {
namespace {

Result<Interviewer> read_interviewer(od::value v, const JsonPath& p) {
  Interviewer i;
  bool has_id = false;
  LEVERKIT_TRYV(for_each_field(v, p, "an interviewer object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "id") {
      has_id = true;
      return assign(i.id, read_string(f, fp));
    }
    if (k == "name") return assign(i.name, read_string_or_empty(f, fp));
    if (k == "email") return assign(i.email, read_string_or_empty(f, fp));
    if (k == "feedbackTemplate") return assign(i.feedback_template, read_opt_string(f, fp));
    if (k == "responseStatus") return assign(i.response_status, read_opt_string(f, fp));
    return skip(f, fp);
  }));
  LEVERKIT_TRYV(require(has_id, p, "id"));
  return i;
}

// `feedbackForms` is a list of feedback ids, or of feedback objects with expand=feedbackForms;
// only the ids are kept.
Result<std::string> read_id_or_object_id(od::value v, const JsonPath& p) {
  od::json_type t;
  if (auto ec = v.type().get(t); ec) return decode_error(p, ec, "an id or an object");
  if (t == od::json_type::string) return read_string(v, p);
  std::string id;
  bool has_id = false;
  LEVERKIT_TRYV(for_each_field(v, p, "an id or an object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "id") {
      has_id = true;
      return assign(id, read_string(f, fp));
    }
    return skip(f, fp);
  }));
  LEVERKIT_TRYV(require(has_id, p, "id"));
  return id;
}

}  // namespace

Result<Interview> decode_value(od::value v, const JsonPath& p, Tag<Interview>) {
  Interview i;
  bool has_id = false;
  LEVERKIT_TRYV(for_each_field(v, p, "an interview object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "id") {
      has_id = true;
      return assign(i.id, read_string(f, fp));
    }
    if (k == "panel") return assign(i.panel, read_opt_string(f, fp));
    if (k == "subject") return assign(i.subject, read_string_or_empty(f, fp));
    if (k == "note") return assign(i.note, read_string_or_empty(f, fp));
    if (k == "interviewers") return assign(i.interviewers, read_array<Interviewer>(f, fp, read_interviewer));
    if (k == "timezone") return assign(i.timezone, read_opt_string(f, fp));
    if (k == "createdAt") return assign(i.created_at, read_opt_timestamp(f, fp));
    if (k == "date") return assign(i.date, read_timestamp(f, fp));
    if (k == "duration") {
      LEVERKIT_TRY(d, read_opt_int(f, fp));
      i.duration = d ? static_cast<int>(*d) : 0;
      return success();
    }
    if (k == "location") return assign(i.location, read_opt_string(f, fp));
    if (k == "feedbackTemplate") return assign(i.feedback_template, read_opt_string(f, fp));
    if (k == "feedbackForms") return assign(i.feedback_forms, read_array<std::string>(f, fp, read_id_or_object_id));
    if (k == "feedbackReminder") return assign(i.feedback_reminder, read_opt_string(f, fp));
    if (k == "user") return assign(i.user, read_opt_expandable<User>(f, fp, decoder<User>));
    if (k == "stage") return assign(i.stage, read_opt_expandable<Stage>(f, fp, decoder<Stage>));
    if (k == "canceledAt") return assign(i.canceled_at, read_opt_timestamp(f, fp));
    if (k == "postings")
      return assign(i.postings, read_array<Expandable<Posting>>(f, fp, [](od::value e, const JsonPath& ep) {
                      return read_expandable<Posting>(e, ep, decoder<Posting>);
                    }));
    if (k == "gcalEventUrl") return assign(i.gcal_event_url, read_opt_string(f, fp));
    if (k == "opportunityId") return assign(i.opportunity_id, read_opt_string(f, fp));
    return skip(f, fp);
  }));
  LEVERKIT_TRYV(require(has_id, p, "id"));
  return i;
}

}  // namespace detail

Result<Interview> decode_interview(std::string_view json) { return detail::decode_one<Interview>({json, 0}); }
Result<Page<Interview>> decode_interview_page(std::string_view json) {
  return detail::decode_page<Interview>({json, 0});
}

}  // namespace leverkit

#include "leverkit/match/result.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "models/detail/json_writer.hpp"

namespace leverkit::inline v0::match {

bool MatchResult::has_reason(ReasonCode c) const noexcept {
  return std::any_of(reasons.begin(), reasons.end(), [c](const Reason& r) { return r.code == c; });
}
bool MatchResult::has_warning(WarningCode c) const noexcept {
  return std::any_of(warnings.begin(), warnings.end(), [c](const Warning& w) { return w.code == c; });
}

std::string_view to_string(MatchStatus s) noexcept {
  switch (s) {
    case MatchStatus::matched: return "matched";
    case MatchStatus::needs_review: return "needs_review";
    case MatchStatus::no_match: return "no_match";
  }
  return "no_match";
}

std::string_view to_string(ReasonCode c) noexcept {
  switch (c) {
    case ReasonCode::candidate_not_in_ats: return "candidate_not_in_ats";
    case ReasonCode::duplicate_candidates: return "duplicate_candidates";
    case ReasonCode::duplicate_call: return "duplicate_call";
    case ReasonCode::data_mismatch: return "data_mismatch";
    case ReasonCode::insufficient_info: return "insufficient_info";
    case ReasonCode::wrong_meeting_type: return "wrong_meeting_type";
    case ReasonCode::interview_canceled: return "interview_canceled";
    case ReasonCode::no_interview_scheduled: return "no_interview_scheduled";
    case ReasonCode::ambiguous: return "ambiguous";
    case ReasonCode::identity_conflict: return "identity_conflict";
    case ReasonCode::interview_already_linked: return "interview_already_linked";
  }
  return "insufficient_info";
}

std::string_view to_string(WarningCode c) noexcept {
  switch (c) {
    case WarningCode::reschedule_suspected: return "reschedule_suspected";
    case WarningCode::timezone_shift_suspected: return "timezone_shift_suspected";
    case WarningCode::participant_mismatch: return "participant_mismatch";
    case WarningCode::identity_mismatch: return "identity_mismatch";
  }
  return "participant_mismatch";
}

std::string to_json(const MatchResult& r) {
  leverkit::detail::JsonWriter j;
  j.begin_object();
  j.key("call_id").string(r.call_id);
  j.key("status").string(to_string(r.status));
  j.key("opportunity_id").string_or_null(r.opportunity_id);
  j.key("interview_id").string_or_null(r.interview_id);
  j.key("panel_id").string_or_null(r.panel_id);
  j.key("reasons").begin_array();
  for (const auto& x : r.reasons) {
    j.begin_object();
    j.key("code").string(to_string(x.code));
    j.key("message").string(x.message);
    if (!x.fields.empty()) {
      j.key("fields").begin_array();
      for (const auto& f : x.fields) j.string(f);
      j.end_array();
    }
    j.end_object();
  }
  j.end_array();
  j.key("warnings").begin_array();
  for (const auto& x : r.warnings) {
    j.begin_object();
    j.key("code").string(to_string(x.code));
    j.key("message").string(x.message);
    j.end_object();
  }
  j.end_array();
  j.key("score").number(std::round(r.score * 100) / 100);
  j.key("probability").number(std::round(r.probability * 10000) / 10000);
  j.key("explanation").string(r.explanation);
  j.key("enrichment");
  if (r.enrichment) {
    const auto& e = *r.enrichment;
    j.begin_object();
    j.key("candidate_name").string(e.candidate_name);
    j.key("job_title").string(e.job_title);
    j.key("stage").string(e.stage);
    j.key("location").string(e.location);
    j.key("interview_location").string(e.interview_location);
    j.key("opportunity_id").string(e.opportunity_id);
    j.key("interview_id").string(e.interview_id);
    j.key("panel_id").string(e.panel_id);
    j.key("profile_url").string(e.profile_url);
    j.end_object();
  } else {
    j.null();
  }
  j.key("evidence").begin_array();
  for (const auto& e : r.evidence) {
    j.begin_object();
    j.key("feature").string(e.feature);
    j.key("level").string(e.level);
    j.key("weight").number(e.weight);
    j.end_object();
  }
  j.end_array();
  j.key("candidates").begin_array();
  for (const auto& c : r.candidates) {
    j.begin_object();
    j.key("interview_id").string(c.interview_id);
    j.key("opportunity_id").string(c.opportunity_id);
    j.key("score").number(std::round(c.score * 100) / 100);
    j.key("found_by").string(c.found_by);
    j.end_object();
  }
  j.end_array();
  j.key("related_call_ids").begin_array();
  for (const auto& id : r.related_call_ids) j.string(id);
  j.end_array();
  if (!r.group_role.empty()) j.key("group_role").string(r.group_role);
  j.end_object();
  return j.take();
}

}  // namespace leverkit::match

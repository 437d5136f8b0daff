// The matcher: calls (typed, dicts or JSON lines) -> MatchResult, against an index of a Lever
// snapshot. Index building and matching run with the GIL released.
#include "bind.hpp"

#include <memory>

#include "leverkit/match/call_json.hpp"
#include "leverkit/match/index.hpp"
#include "leverkit/match/lever_files.hpp"
#include "leverkit/match/matcher.hpp"
#include "leverkit/match/result.hpp"

namespace leverkit::inline v0::py {

#define LK_F(T, n) field(#n, &T::n)
#define LK_RW Access::read_write
#define LK_RO Access::read_only

namespace {

using namespace leverkit::match;

/// The C++ Matcher shares the index itself; the non-const handle is kept only for the Python
/// `index` property (nanobind returns Index objects through shared_ptr<Index>).
struct PyMatcher {
  std::shared_ptr<Index> index;
  Matcher matcher;
  PyMatcher(std::shared_ptr<Index> i, MatchOptions o) : index(i), matcher(std::move(i), std::move(o)) {}
};

}  // namespace

/// A call from a Call, a dict (the JSON-lines shape) or one JSON line; shared with integration.cpp.
Call to_call(nb::handle obj) {
  if (nb::isinstance<Call>(obj)) return nb::cast<Call>(obj);
  std::string line;
  if (nb::isinstance<nb::str>(obj)) {
    line = nb::cast<std::string>(obj);
  } else if (nb::isinstance<nb::dict>(obj) || nb::hasattr(obj, "keys")) {
    // The dict takes the JSON-lines shape (docs/matching.md); datetimes become ISO-8601.
    nb::module_ json = nb::module_::import_("json");
    nb::object dumps_default = nb::module_::import_("leverkit._util").attr("json_default");
    line = nb::cast<std::string>(json.attr("dumps")(obj, nb::arg("default") = dumps_default));
  } else {
    throw nb::type_error("call: expected a Call, a dict or one JSON line (str)");
  }
  return unwrap(parse_call_json(line));
}

void bind_match(nb::module_& m) {
  nb::enum_<MeetingType>(m, "MeetingType", "What a recorded call was.")
      .value("unknown", MeetingType::unknown)
      .value("job_interview", MeetingType::job_interview)
      .value("debrief", MeetingType::debrief)
      .value("internal", MeetingType::internal)
      .value("other", MeetingType::other);
  nb::enum_<CallSource>(m, "CallSource", "How the recording came to exist.")
      .value("unknown", CallSource::unknown)
      .value("ats", CallSource::ats)
      .value("calendar", CallSource::calendar)
      .value("ongoing_invite", CallSource::ongoing_invite)
      .value("upload", CallSource::upload);
  nb::enum_<ParticipantRole>(m, "ParticipantRole", "A call participant's role, when the recorder knows it.")
      .value("unknown", ParticipantRole::unknown)
      .value("candidate", ParticipantRole::candidate)
      .value("interviewer", ParticipantRole::interviewer)
      .value("internal", ParticipantRole::internal)
      .value("external", ParticipantRole::external)
      .value("resource", ParticipantRole::resource);
  nb::enum_<ResponseStatus>(m, "ResponseStatus", "A participant's calendar response.")
      .value("unknown", ResponseStatus::unknown)
      .value("accepted", ResponseStatus::accepted)
      .value("tentative", ResponseStatus::tentative)
      .value("declined", ResponseStatus::declined)
      .value("needs_action", ResponseStatus::needs_action);
  bind_struct<Participant>(m, "Participant",
                           "A person on a recorded call: Call.participants and autofill's CallContext.participants.",
                           LK_RW,
                           LK_F(Participant, name), LK_F(Participant, email), LK_F(Participant, role),
                           LK_F(Participant, response), LK_F(Participant, phone));
  bind_struct<Call>(m, "Call", "A recorded call: the left side of matching.", LK_RW, LK_F(Call, id),
                    LK_F(Call, title), LK_F(Call, meeting_type), LK_F(Call, start), LK_F(Call, end),
                    LK_F(Call, timezone), LK_F(Call, organizer), LK_F(Call, participants),
                    LK_F(Call, conference_url), LK_F(Call, location), LK_F(Call, description), LK_F(Call, phone),
                    LK_F(Call, source), LK_F(Call, local_time_adjusted));
  m.def(
      "parse_call_json", [](std::string_view line) { return unwrap(parse_call_json(line)); }, nb::arg("line"),
      "Reads one call from a JSON line (docs/matching.md); DecodeError names the bad field.");
  m.def(
      "to_call", [](nb::handle obj) { return to_call(obj); }, nb::arg("call"),
      nb::sig("def to_call(call: Call | str | collections.abc.Mapping[str, typing.Any]) -> Call"),
      "A Call from a Call, a dict in the JSON-lines shape, or one JSON line.");

  nb::enum_<MatchStatus>(m, "MatchStatus", "matched, needs_review or no_match.")
      .value("matched", MatchStatus::matched)
      .value("needs_review", MatchStatus::needs_review)
      .value("no_match", MatchStatus::no_match);
  nb::enum_<ReasonCode>(m, "ReasonCode", "Why a call was not matched cleanly.")
      .value("candidate_not_in_ats", ReasonCode::candidate_not_in_ats)
      .value("duplicate_candidates", ReasonCode::duplicate_candidates)
      .value("duplicate_call", ReasonCode::duplicate_call)
      .value("data_mismatch", ReasonCode::data_mismatch)
      .value("insufficient_info", ReasonCode::insufficient_info)
      .value("wrong_meeting_type", ReasonCode::wrong_meeting_type)
      .value("interview_canceled", ReasonCode::interview_canceled)
      .value("no_interview_scheduled", ReasonCode::no_interview_scheduled)
      .value("ambiguous", ReasonCode::ambiguous)
      .value("identity_conflict", ReasonCode::identity_conflict);
  nb::enum_<WarningCode>(m, "WarningCode", "Doubts about a matched call.")
      .value("reschedule_suspected", WarningCode::reschedule_suspected)
      .value("timezone_shift_suspected", WarningCode::timezone_shift_suspected)
      .value("participant_mismatch", WarningCode::participant_mismatch);
  bind_struct<Reason>(m, "MatchReason", "A reason code with a sentence naming the evidence.", LK_RO,
                      LK_F(Reason, code), LK_F(Reason, message), LK_F(Reason, fields));
  bind_struct<Warning>(m, "MatchWarning", "A warning on a matched call.", LK_RO, LK_F(Warning, code),
                       LK_F(Warning, message));
  bind_struct<Evidence>(m, "MatchEvidence", "One additive log2 term of the score.", LK_RO,
                        LK_F(Evidence, feature), LK_F(Evidence, level), LK_F(Evidence, weight),
                        LK_F(Evidence, detail));
  bind_struct<Candidate>(m, "MatchCandidate", "A scored (interview, opportunity) candidate.", LK_RO,
                         LK_F(Candidate, interview_id), LK_F(Candidate, opportunity_id), LK_F(Candidate, score),
                         LK_F(Candidate, found_by));
  bind_struct<Enrichment>(m, "Enrichment", "What a matched call learns from Lever.", LK_RO,
                          LK_F(Enrichment, candidate_name), LK_F(Enrichment, job_title), LK_F(Enrichment, stage),
                          LK_F(Enrichment, location), LK_F(Enrichment, interview_location),
                          LK_F(Enrichment, opportunity_id), LK_F(Enrichment, interview_id),
                          LK_F(Enrichment, panel_id), LK_F(Enrichment, profile_url));
  bind_struct<MatchResult>(m, "MatchResult", "The outcome of matching one call, with its explanation.", LK_RO,
                           LK_F(MatchResult, call_id), LK_F(MatchResult, status), LK_F(MatchResult, opportunity_id),
                           LK_F(MatchResult, interview_id), LK_F(MatchResult, panel_id), LK_F(MatchResult, reasons),
                           LK_F(MatchResult, warnings), LK_F(MatchResult, score), LK_F(MatchResult, probability),
                           LK_F(MatchResult, evidence), LK_F(MatchResult, candidates),
                           LK_F(MatchResult, enrichment), LK_F(MatchResult, related_call_ids),
                           LK_F(MatchResult, group_role), LK_F(MatchResult, explanation))
      .def("to_json", [](const MatchResult& r) { return to_json(r); }, "The one-line JSON the CLI prints.")
      .def("has_reason", &MatchResult::has_reason, nb::arg("code"))
      .def("has_warning", &MatchResult::has_warning, nb::arg("code"));

  bind_struct<LeverSnapshot>(m, "LeverSnapshot", "The Lever side of matching (as listed by the Client).", LK_RW,
                             LK_F(LeverSnapshot, opportunities), LK_F(LeverSnapshot, interviews),
                             LK_F(LeverSnapshot, panels), LK_F(LeverSnapshot, users), LK_F(LeverSnapshot, postings),
                             LK_F(LeverSnapshot, stages));
  m.def(
      "load_lever_directory",
      [](std::string dir) { return call_released([&] { return load_lever_directory(dir); }); }, nb::arg("path"),
      "Reads saved Lever list responses (opportunities.json, interviews.json, ...) from a folder.");

  nb::class_<Index>(m, "MatchIndex", "A snapshot normalised and blocked for matching; immutable, shareable.")
      .def_static(
          "build",
          [](LeverSnapshot snapshot, std::string default_region, std::vector<std::string> company_domains) {
            Index::Options o;
            o.default_region = std::move(default_region);
            o.company_domains = std::move(company_domains);
            nb::gil_scoped_release release;
            return std::make_shared<Index>(Index::build(std::move(snapshot), std::move(o)));
          },
          nb::arg("snapshot"), nb::kw_only(), nb::arg("default_region") = "US",
          nb::arg("company_domains") = std::vector<std::string>{},
          "Builds the index (GIL released). default_region reads phone numbers without a country code.")
      .def_prop_ro("interview_count", &Index::interview_count)
      .def_prop_ro("opportunity_count", &Index::opportunity_count);

  bind_struct<MatchOptions>(m, "MatchOptions", "Decision thresholds of the matcher.", LK_RW,
                            LK_F(MatchOptions, accept_probability), LK_F(MatchOptions, review_probability),
                            LK_F(MatchOptions, margin_bits), LK_F(MatchOptions, debrief_lookback_days),
                            LK_F(MatchOptions, enrich));
  nb::class_<PyMatcher>(m, "Matcher",
                        "Links recorded calls to Lever interviews and candidates. Thread-safe; matching runs with "
                        "the GIL released. Calls may be Call objects, dicts or JSON lines.")
      .def(nb::init<std::shared_ptr<Index>, MatchOptions>(), nb::arg("index"),
           nb::arg("options") = MatchOptions{})
      .def(
          "match",
          [](const PyMatcher& pm, nb::handle call) {
            Call c = to_call(call);
            nb::gil_scoped_release release;
            return pm.matcher.match(c);
          },
          nb::arg("call"),
          nb::sig("def match(self, call: Call | str | collections.abc.Mapping[str, typing.Any]) -> MatchResult"),
          "Matches one call.")
      .def(
          "match_batch",
          [](const PyMatcher& pm, nb::iterable calls) {
            std::vector<Call> cs;
            for (nb::handle c : calls) cs.push_back(to_call(c));
            nb::gil_scoped_release release;
            return pm.matcher.match_batch(cs);
          },
          nb::arg("calls"),
          nb::sig("def match_batch(self, calls: collections.abc.Iterable[Call | str | "
                  "collections.abc.Mapping[str, typing.Any]]) -> list[MatchResult]"),
          "Matches every call, then groups duplicate and split recordings of one meeting.")
      .def(
          "match_jsonl",
          [](const PyMatcher& pm, std::string_view text) {
            std::vector<Call> cs;
            std::size_t line_no = 0;
            while (!text.empty()) {
              auto nl = text.find('\n');
              std::string_view line = text.substr(0, nl);
              text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
              ++line_no;
              if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
              auto c = parse_call_json(line);
              if (!c) {
                Error e = c.error();
                e.message = "line " + std::to_string(line_no) + ": " + e.message;
                raise_error(e);
              }
              cs.push_back(std::move(c).value());
            }
            nb::gil_scoped_release release;
            return pm.matcher.match_batch(cs);
          },
          nb::arg("text"), "match_batch over JSON lines (one call per line; blank lines skipped).")
      .def_prop_ro("index", [](const PyMatcher& pm) { return pm.index; });
}

}  // namespace leverkit::py

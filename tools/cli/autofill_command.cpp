// `leverkit autofill` — draft a Lever feedback form from a transcript and/or AI notes, as JSON.
// Reads files only; it never talks to Lever and never submits anything.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands.hpp"
#include "leverkit/fmt.hpp"
#include "leverkit/autofill/autofill.hpp"
#include "leverkit/autofill/form_json.hpp"
#include "leverkit/match/zones.hpp"
#include "leverkit/models/time.hpp"

namespace leverkit::inline v0::cli {
namespace {

struct AutofillArgs {
  std::string template_file, transcript_file, notes_file, meeting_date, timezone = "UTC", format = "auto";
  std::string candidate;
  std::vector<std::string> interviewers;
};

std::string read_file(const std::string& path, std::string_view what) {
  // An ifstream opens a directory and reads nothing: without this check a directory given as
  // --transcript reached the parser as an empty file and was reported as "no speech found".
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw std::runtime_error(fmt::format("autofill: {} \"{}\" is a directory, not a file", what, path));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("autofill: cannot read {} file \"{}\"", what, path));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw std::runtime_error(fmt::format("autofill: error while reading {} file \"{}\"", what, path));
  return ss.str();
}

template <class T>
T must(Result<T> r, std::string_view what) {
  if (!r) throw std::runtime_error(fmt::format("autofill: {}: {}", what, r.error().message));
  return std::move(r).value();
}

int run(const AutofillArgs& a) {
  if (a.transcript_file.empty() && a.notes_file.empty())
    throw std::runtime_error("autofill: give --transcript FILE and/or --notes FILE");
  autofill::AutofillInput in;
  auto form = must(autofill::read_form_json(read_file(a.template_file, "--template")), a.template_file);
  in.template_id = form.template_id;
  in.fields = std::move(form.fields);
  if (!a.transcript_file.empty()) {
    autofill::TranscriptFormat fmt = autofill::TranscriptFormat::automatic;
    if (a.format == "webvtt" || a.format == "vtt") fmt = autofill::TranscriptFormat::webvtt;
    else if (a.format == "srt") fmt = autofill::TranscriptFormat::srt;
    else if (a.format == "lines") fmt = autofill::TranscriptFormat::speaker_lines;
    else if (a.format == "json") fmt = autofill::TranscriptFormat::json;
    in.transcript = must(autofill::parse_transcript(read_file(a.transcript_file, "--transcript"), fmt), a.transcript_file);
  }
  if (!a.notes_file.empty()) in.notes = must(autofill::parse_notes(read_file(a.notes_file, "--notes")), a.notes_file);
  in.call.time_zone = a.timezone;
  if (!a.meeting_date.empty()) {
    if (a.meeting_date.size() == 10) {
      // A plain date is the meeting's local day in --timezone: start at that zone's local
      // midnight (a DST gap at midnight moves forward, still the same day). The zone used to be
      // replaced by UTC here, silently dropping --timezone.
      auto local = must(match::resolve_local_time(a.meeting_date + "T00:00:00", a.timezone),
                        fmt::format("--meeting-date {} in --timezone {}", a.meeting_date, a.timezone));
      in.call.meeting_start = local.instant;
    } else {
      in.call.meeting_start = must(parse_iso8601(a.meeting_date), "--meeting-date");
    }
  }
  if (!a.candidate.empty()) in.call.participants.push_back({.name = a.candidate, .role = leverkit::ParticipantRole::candidate});
  for (const auto& n : a.interviewers) in.call.participants.push_back({.name = n, .role = leverkit::ParticipantRole::interviewer});
  auto draft = must(autofill::autofill(in), "drafting");
  std::cout << autofill::draft_to_json(draft);
  return 0;
}

const CommandRegistrar kRegistrar{[](CLI::App& app) {
  auto args = std::make_shared<AutofillArgs>();
  auto* sub = app.add_subcommand("autofill", "Draft a feedback form from a transcript and/or AI notes (JSON on stdout; never submits)");
  sub->add_option("--template", args->template_file, "Lever feedback template or feedback form JSON")->required();
  sub->add_option("--transcript", args->transcript_file, "WebVTT, SRT, 'Name: text' lines or JSON utterances");
  sub->add_option("--notes", args->notes_file, "AI notes (markdown bullets, 'Key: value' lines)");
  sub->add_option("--format", args->format, "Transcript format: auto, webvtt, srt, lines, json")
      ->check(CLI::IsMember({"auto", "webvtt", "vtt", "srt", "lines", "json"}));
  sub->add_option("--meeting-date", args->meeting_date, "Meeting start, ISO 8601 (2026-03-02T15:00:00Z) or local date (2026-03-02)");
  sub->add_option("--timezone", args->timezone, "IANA zone of the meeting (for its local day)");
  sub->add_option("--candidate", args->candidate, "Candidate's name as it appears in the transcript");
  sub->add_option("--interviewer", args->interviewers, "Interviewer's name (repeatable)");
  sub->callback([args] {
    int rc = run(*args);
    if (rc != 0) throw CLI::RuntimeError(rc);
  });
}};

}  // namespace
}  // namespace leverkit::cli

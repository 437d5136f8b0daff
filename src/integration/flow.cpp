// The notetaker flow: match → draft → review → submit / notes (docs/adr/0067-flow-review-gate.md).
#include "leverkit/fmt.hpp"
#include "leverkit/integration/flow.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "leverkit/autofill/transcript.hpp"
#include "models/detail/json_writer.hpp"

namespace leverkit::inline v0::integration {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

/// The interviewer whose form the call's draft is for: the organizer when they are on the
/// interview, else the first interviewer who has a feedback template.
const Interviewer* lead_interviewer(const Interview& iv, const match::Call& call) {
  if (call.organizer && !call.organizer->email.empty())
    for (const auto& who : iv.interviewers)
      if (lower(who.email) == lower(call.organizer->email)) return &who;
  for (const auto& who : iv.interviewers)
    if (who.feedback_template.value_or(iv.feedback_template.value_or("")) != "no-feedback") return &who;
  return iv.interviewers.empty() ? nullptr : &iv.interviewers.front();
}

std::string template_of(const Interview& iv, const Interviewer& who) {
  if (who.feedback_template && !who.feedback_template->empty()) return *who.feedback_template;
  return iv.feedback_template.value_or("");
}

/// The author's live form on this interview and template, if any.
Result<std::optional<Feedback>> existing_form(const Client& client, const std::string& opportunity,
                                              const std::string& interview, const std::string& author,
                                              const std::string& template_id) {
  std::optional<Feedback> found;
  for (auto&& r : client.list_feedback({.opportunity_id = opportunity})) {
    if (!r) return std::move(r).error();
    Feedback f = std::move(r).value();
    if (f.deleted() || !f.user || f.user->id != author) continue;
    if (f.base_template_id.value_or("") != template_id || f.interview.value_or("") != interview) continue;
    if (!found || f.created_at < found->created_at) found = std::move(f);
  }
  return found;
}

std::string note_body(const RecordedCall& rc, const MatchedCall& m) {
  std::string body;
  if (m.result.enrichment) {
    const auto& e = *m.result.enrichment;
    body = fmt::format("Call: {} — {}", rc.call.title.empty() ? std::string("recorded call") : rc.call.title,
                       e.candidate_name);
    if (!e.job_title.empty()) body += fmt::format(", {}", e.job_title);
    if (!e.stage.empty()) body += fmt::format(" ({})", e.stage);
    body += "\n\n";
  }
  // The notes without their TL;DR line (it opens the note already).
  std::string_view notes = rc.notes;
  auto first = notes.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && notes.substr(first).starts_with("TL;DR:")) {
    auto nl = notes.find('\n', first);
    notes = nl == std::string_view::npos ? std::string_view() : notes.substr(nl + 1);
  }
  auto start = notes.find_first_not_of(" \t\r\n");
  if (start != std::string_view::npos) body += std::string(notes.substr(start));
  return body;
}

}  // namespace

std::string extract_tldr(std::string_view notes) {
  auto first = notes.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  std::string_view rest = notes.substr(first);
  auto line_end = rest.find('\n');
  std::string_view line = rest.substr(0, line_end);
  if (line.starts_with("TL;DR:")) line.remove_prefix(6);
  else if (auto dot = line.find(". "); dot != std::string_view::npos) line = line.substr(0, dot + 1);
  while (!line.empty() && (line.front() == ' ' || line.front() == '#' || line.front() == '-')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
  return std::string(line);
}

Result<FlowReport> run_flow(const Client& client, WriteJournal& journal, const LiveMatcher& matcher,
                            std::span<const RecordedCall> calls, const FlowOptions& options) {
  FlowReport report;
  report.dry_run = options.dry_run;
  auto say = [&](std::string line) {
    if (options.on_event) options.on_event(line);
  };
  WriteBack writer(client, journal, options.write);

  std::vector<match::Call> plain;
  plain.reserve(calls.size());
  for (const auto& c : calls) plain.push_back(c.call);
  auto matched = matcher.match(plain);
  std::map<std::string, FeedbackTemplate> templates;

  for (std::size_t i = 0; i < calls.size(); ++i) {
    const RecordedCall& rc = calls[i];
    CallFlowResult out;
    out.call_id = rc.call.id;
    out.match = std::move(matched[i]);
    const auto& r = out.match.result;
    switch (r.status) {
      case match::MatchStatus::matched: ++report.matched; break;
      case match::MatchStatus::needs_review: ++report.needs_review; break;
      case match::MatchStatus::no_match: ++report.no_match; break;
    }
    say(fmt::format("{}: {}{}", rc.call.id, match::to_string(r.status),
                    r.reasons.empty() ? std::string() : fmt::format(" ({})", match::to_string(r.reasons.front().code))));
    if (r.status != match::MatchStatus::matched || !out.match.interview || !r.opportunity_id) {
      report.calls.push_back(std::move(out));
      continue;
    }
    const Interview& iv = *out.match.interview;
    const std::string& opp_id = *r.opportunity_id;

    // ---- AI notes, TL;DR first
    if (options.post_notes) {
      CallNote note{.call_id = rc.call.id,
                    .opportunity_id = opp_id,
                    .tldr = extract_tldr(rc.notes),
                    .body = note_body(rc, out.match),
                    .call_url = rc.recording_url,
                    .perform_as = options.note_author};
      if (note.tldr.empty())
        note.tldr = fmt::format("Recorded {} with {}.", rc.call.title.empty() ? "call" : rc.call.title,
                                out.match.opportunity ? out.match.opportunity->name : opp_id);
      if (options.dry_run) {
        say(fmt::format("{}: would post a note on {} (TL;DR: {})", rc.call.id, opp_id, note.tldr));
      } else if (auto w = writer.post_note(note)) {
        out.note = w.value();
        if (w.value().action == WriteAction::already_present) ++report.already_present;
        else ++report.notes_created;
        say(fmt::format("{}: note {} ({})", rc.call.id, w.value().lever_id, to_string(w.value().action)));
      } else {
        out.errors.push_back(fmt::format("note: {}", w.error().to_string()));
      }
    }

    // ---- feedback draft for the lead interviewer
    const Interviewer* who = lead_interviewer(iv, rc.call);
    std::string tid = who ? template_of(iv, *who) : std::string();
    if (!who || tid.empty() || tid == "no-feedback") {
      out.review = "no feedback form on this interview";
      report.calls.push_back(std::move(out));
      continue;
    }
    out.interviewer_id = who->id;
    out.template_id = tid;
    if (!templates.contains(tid)) {
      auto t = client.get_feedback_template({.template_id = tid});
      if (!t) {
        out.errors.push_back(fmt::format("template {}: {}", tid, t.error().to_string()));
        report.calls.push_back(std::move(out));
        continue;
      }
      templates.emplace(tid, std::move(t).value());
    }
    const FeedbackTemplate& tmpl = templates.at(tid);
    auto existing = existing_form(client, opp_id, iv.id, who->id, tid);
    if (!existing) {
      out.errors.push_back(fmt::format("reading feedback: {}", existing.error().to_string()));
      report.calls.push_back(std::move(out));
      continue;
    }
    autofill::AutofillInput in;
    in.template_id = tid;
    in.fields = existing.value() ? existing.value()->fields : tmpl.fields;
    if (existing.value()) out.existing_feedback_id = existing.value()->id;
    if (!rc.transcript.empty()) {
      if (auto t = autofill::parse_transcript(rc.transcript)) in.transcript = std::move(t).value();
      else out.errors.push_back(fmt::format("transcript: {}", t.error().to_string()));
    }
    if (!rc.notes.empty()) {
      if (auto n = autofill::parse_notes(rc.notes)) in.notes = std::move(n).value();
    }
    in.call.meeting_start = rc.call.start;
    in.call.time_zone = rc.call.timezone.value_or(iv.timezone.value_or("UTC"));
    for (const auto& x : iv.interviewers)
      in.call.participants.push_back({.name = x.name, .email = x.email, .role = ParticipantRole::interviewer});
    if (out.match.opportunity)
      in.call.participants.push_back({.name = out.match.opportunity->name, .role = ParticipantRole::candidate});
    for (const auto& p : rc.call.participants) {
      bool is_interviewer = std::any_of(iv.interviewers.begin(), iv.interviewers.end(),
                                        [&](const Interviewer& x) { return lower(x.email) == lower(p.email); });
      if (is_interviewer || p.name.empty()) continue;
      // The call's own participant, with the role autofill needs: on a matched interview call,
      // whoever is not on Lever's interviewer list is taken as the candidate's side.
      Participant as_candidate = p;
      as_candidate.role = ParticipantRole::candidate;
      in.call.participants.push_back(std::move(as_candidate));
    }
    auto draft = autofill::autofill(in, options.autofill);
    if (!draft) {
      out.errors.push_back(fmt::format("autofill: {}", draft.error().to_string()));
      report.calls.push_back(std::move(out));
      continue;
    }
    out.draft = std::move(draft).value();
    ++report.drafts;
    say(fmt::format("{}: draft for {} on \"{}\": {} of {} fields filled", rc.call.id, who->name, tmpl.text,
                    out.draft->filled_count(), out.draft->fields.size()));
    if (!options.submit_feedback) {
      report.calls.push_back(std::move(out));
      continue;
    }

    // ---- the review gate: nothing is submitted without an explicit, eligible reviewer
    if (!options.review) {
      out.review = "not reviewed (no reviewer configured)";
      report.calls.push_back(std::move(out));
      continue;
    }
    ReviewRequest req{.call = &rc,
                      .match = &out.match,
                      .draft = &*out.draft,
                      .interviewer = who,
                      .feedback_template = &tmpl,
                      .existing_feedback_id = out.existing_feedback_id};
    ReviewDecision decision = options.review(req);
    if (!decision.approve) {
      out.review = decision.why.empty() ? "declined" : fmt::format("declined: {}", decision.why);
      report.calls.push_back(std::move(out));
      continue;
    }
    if (decision.reviewer_user_id.empty()) {
      out.review = "declined: an approval must name the reviewer";
      report.calls.push_back(std::move(out));
      continue;
    }
    auto reviewer = std::find_if(iv.interviewers.begin(), iv.interviewers.end(),
                                 [&](const Interviewer& x) { return x.id == decision.reviewer_user_id; });
    if (reviewer == iv.interviewers.end()) {
      out.review = fmt::format("declined: reviewer {} is not an interviewer of interview {}", decision.reviewer_user_id, iv.id);
      report.calls.push_back(std::move(out));
      continue;
    }
    if (reviewer->id != who->id) {
      // The reviewer writes their own form: their template and their existing form apply.
      out.review = fmt::format("declined: the draft was made for {}'s form; {} must review their own draft", who->id,
                               reviewer->id);
      report.calls.push_back(std::move(out));
      continue;
    }
    out.review = fmt::format("approved by {}", decision.reviewer_user_id);
    ++report.approved;
    if (out.draft->filled_count() == 0) {
      out.review += " (nothing filled: left for the interviewer in Lever)";
      report.calls.push_back(std::move(out));
      continue;
    }
    auto reviewed = autofill::make_feedback_create(*out.draft, opp_id, decision.reviewer_user_id, iv.panel, iv.id);
    if (!reviewed) {
      out.errors.push_back(fmt::format("feedback: {}", reviewed.error().to_string()));
      report.calls.push_back(std::move(out));
      continue;
    }
    if (options.dry_run) {
      say(fmt::format("{}: would submit feedback as {} on interview {}", rc.call.id, decision.reviewer_user_id, iv.id));
      report.calls.push_back(std::move(out));
      continue;
    }
    FeedbackWrite fw{.call_id = rc.call.id,
                     .request = std::move(reviewed).value(),
                     .template_fields = tmpl.fields};
    if (auto w = writer.submit_feedback(fw)) {
      out.feedback = w.value();
      switch (w.value().action) {
        case WriteAction::created:
        case WriteAction::recovered: ++report.feedback_created; break;
        case WriteAction::updated: ++report.feedback_updated; break;
        case WriteAction::already_present: ++report.already_present; break;
      }
      say(fmt::format("{}: feedback {} ({})", rc.call.id, w.value().lever_id, to_string(w.value().action)));
    } else {
      out.errors.push_back(fmt::format("feedback: {}", w.error().to_string()));
    }
    report.calls.push_back(std::move(out));
  }
  for (const auto& c : report.calls) report.errors += c.errors.size();
  return report;
}

std::string to_json(const FlowReport& report) {
  leverkit::detail::JsonWriter w;
  auto outcome = [&w](std::string_view key, const std::optional<WriteOutcome>& o) {
    w.key(key);
    if (!o) {
      w.null();
      return;
    }
    w.begin_object().field("action", to_string(o->action)).field("lever_id", o->lever_id).field("key", o->key);
    w.field_int("attempts", o->attempts).field_int("readbacks", o->readbacks);
    w.key("kept_fields").string_array(o->kept_fields).end_object();
  };
  w.begin_object().field("dry_run", report.dry_run);
  w.field_int("matched", static_cast<std::int64_t>(report.matched));
  w.field_int("needs_review", static_cast<std::int64_t>(report.needs_review));
  w.field_int("no_match", static_cast<std::int64_t>(report.no_match));
  w.field_int("drafts", static_cast<std::int64_t>(report.drafts));
  w.field_int("approved", static_cast<std::int64_t>(report.approved));
  w.field_int("notes_created", static_cast<std::int64_t>(report.notes_created));
  w.field_int("feedback_created", static_cast<std::int64_t>(report.feedback_created));
  w.field_int("feedback_updated", static_cast<std::int64_t>(report.feedback_updated));
  w.field_int("already_present", static_cast<std::int64_t>(report.already_present));
  w.field_int("errors", static_cast<std::int64_t>(report.errors));
  w.key("calls").begin_array();
  for (const auto& c : report.calls) {
    w.begin_object().field("call_id", c.call_id);
    w.key("match").raw(match::to_json(c.match.result));
    w.key("access").begin_object().field("confidential", c.match.access.confidential);
    w.key("viewers").begin_array();
    for (const auto& g : c.match.access.viewers) {
      w.begin_object().field("user_id", g.user_id).field("name", g.name);
      w.key("reasons").begin_array();
      for (auto r : g.reasons) w.string(to_string(r));
      w.end_array().end_object();
    }
    w.end_array().end_object();
    w.field("interviewer_id", c.interviewer_id).field("template_id", c.template_id);
    w.key("existing_feedback_id").string_or_null(c.existing_feedback_id);
    w.key("draft");
    if (c.draft) w.raw(autofill::draft_to_json(*c.draft));
    else w.null();
    w.field("review", c.review);
    outcome("note", c.note);
    outcome("feedback", c.feedback);
    w.key("errors").string_array(c.errors).end_object();
  }
  w.end_array().end_object();
  return w.take();
}

}  // namespace leverkit::integration

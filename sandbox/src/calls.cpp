// calls.cpp — synthetic recorded calls with transcripts for the sandbox's seeded interviews.
//
// Why here and not in leverkit::match's synthetic generator: that one builds its own world; a
// notetaker demo needs calls for the interviews *this* sandbox serves, so the calls must be read
// from the live store (ids, conference links, interviewers, candidate e-mails, templates).
// The transcripts answer the objective questions of the interview's feedback template (notice
// period, start date, salary, competing offer, languages…) in plain words, so autofill has
// something to read, and stay silent on ratings (those are the interviewer's).
#include "calls.hpp"

#include <array>
#include <charconv>
#include <string>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "api_impl.hpp"

namespace leverkit::inline v0::sandbox::detail {
namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kDay = 86'400'000;
constexpr std::int64_t kHistoryEnd = 1767225600000;  // generated history ends 2026-01-01T00:00Z

std::optional<std::int64_t> int_param(const ApiRequest& req, std::string_view name) {
  for (const auto& [k, v] : req.params) {
    if (k != name) continue;
    std::int64_t n = 0;
    auto r = std::from_chars(v.data(), v.data() + v.size(), n);
    if (r.ec != std::errc() || r.ptr != v.data() + v.size())
      throw ApiFailure{400, "InvalidParameter", fmt::format("{} must be an integer", name)};
    return n;
  }
  return std::nullopt;
}

/// "March 2, 2026" for epoch ms (proleptic Gregorian, H. Hinnant's civil_from_days).
std::string spoken_date(std::int64_t ms) {
  std::int64_t z = (ms >= 0 ? ms : ms - kDay + 1) / kDay + 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  auto doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  static constexpr std::array<std::string_view, 12> kMonths{"January", "February", "March",     "April",
                                                           "May",     "June",     "July",      "August",
                                                           "September", "October", "November", "December"};
  return fmt::format("{} {}, {}", kMonths[m - 1], d, y);
}

/// The first http(s) URL in a free-text location ("Zoom: https://… — Dial-in: …").
std::string url_in(std::string_view loc) {
  auto at = loc.find("https://");
  if (at == std::string_view::npos) return {};
  auto end = loc.find_first_of(" \t,;", at);
  return std::string(loc.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
}

/// A phone number in a location ("Dial-in: +1 415 555 0134, PIN: …" or a bare number).
std::string phone_in(std::string_view loc) {
  if (!url_in(loc).empty()) return {};
  auto plus = loc.find('+');
  std::size_t start = plus != std::string_view::npos ? plus : loc.find_first_of("0123456789(");
  if (start == std::string_view::npos) return {};
  std::size_t end = start;
  while (end < loc.size() && std::string_view("+0123456789 ()-.").find(loc[end]) != std::string_view::npos) ++end;
  std::string out(loc.substr(start, end - start));
  while (!out.empty() && (out.back() == ' ' || out.back() == '-')) out.pop_back();
  int digits = 0;
  for (char c : out) digits += (c >= '0' && c <= '9') ? 1 : 0;
  return digits >= 7 ? out : std::string();
}

std::string first_name(std::string_view name) {
  auto sp = name.find(' ');
  return std::string(sp == std::string_view::npos ? name : name.substr(0, sp));
}

ApiResponse ok(std::string body) {
  ApiResponse r;
  r.status = 200;
  r.body = std::move(body);
  return r;
}

struct Line {
  std::string speaker;
  std::string text;
};

/// One exchange per objective template field; ratings are never discussed on the record.
void answer_fields(const Value& tmpl, std::int64_t date, std::size_t k, std::vector<Line>& out,
                   std::vector<std::string>& notes, const std::string& iv, const std::string& cand) {
  const Value* fields = tmpl.find("fields");
  if (!fields) return;
  for (const auto& f : fields->as_array()) {
    const std::string& type = f.str("type");
    const std::string& text = f.str("text");
    auto option = [&](std::size_t i) -> std::string {
      const Value* opts = f.find("options");
      if (!opts || opts->as_array().empty()) return {};
      return opts->as_array()[i % opts->as_array().size()].str("text");
    };
    if (type == "dropdown" || type == "multiple-choice") {
      std::string o = option(k + 1);
      if (text == "Seniority signal") continue;  // a judgement, not a fact the candidate states
      out.push_back({iv, fmt::format("{}?", text)});
      std::string lower = text;
      for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      out.push_back({cand, fmt::format("My {} is {}.", lower, o)});
      notes.push_back(fmt::format("{}: {}", text, o));
    } else if (type == "multiple-select") {
      std::string a = option(k), b = option(k + 2);
      out.push_back({iv, fmt::format("{}: which ones did you use in the exercise?", text)});
      out.push_back({cand, fmt::format("I used {} and {}.", a, b)});
      notes.push_back(fmt::format("{}: {}, {}", text, a, b));
    } else if (type == "date") {
      std::string when = spoken_date(date + (30 + static_cast<std::int64_t>(k % 20)) * kDay);
      out.push_back({iv, fmt::format("{}? When could you start?", text)});
      out.push_back({cand, fmt::format("I could start on {}.", when)});
      notes.push_back(fmt::format("{}: {}", text, when));
    } else if (type == "currency") {
      auto amount = 120'000 + static_cast<std::int64_t>(k % 9) * 5'000;
      out.push_back({iv, fmt::format("{}: what salary are you expecting?", text)});
      out.push_back({cand, fmt::format("I am expecting {} US dollars per year.", amount)});
      notes.push_back(fmt::format("{}: {} US dollars per year", text, amount));
    } else if (type == "yes-no") {
      if (text.find("work with") != std::string::npos) continue;  // the interviewer's judgement
      bool yes = k % 2 == 0;
      out.push_back({iv, text});
      out.push_back({cand, yes ? "Yes, I do have a competing offer from another company."
                               : "No, I do not have any other offer at the moment."});
      notes.push_back(fmt::format("{} {}", text, yes ? "Yes" : "No"));
    } else if (type == "text") {
      if (text.find("compensation") != std::string::npos) {
        auto amount = 110'000 + static_cast<std::int64_t>(k % 7) * 5'000;
        out.push_back({iv, "What are your current compensation expectations?"});
        out.push_back({cand, fmt::format("My current compensation expectations are {} dollars base.", amount)});
        notes.push_back(fmt::format("Compensation expectations: {} base", amount));
      } else if (text.find("Reference") != std::string::npos) {
        out.push_back({iv, "Who could we contact as a reference?"});
        out.push_back({cand, "My reference contact is Priya Shah, my former manager, priya.shah@example.com."});
        notes.push_back("Reference contact: Priya Shah (former manager)");
      }
    } else if (type == "code") {
      out.push_back({iv, "Could you paste the solution you wrote?"});
      out.push_back({cand, "Sure: int add(int a, int b) { return a + b; }"});
    }
  }
}

}  // namespace

ApiResponse synthetic_calls(const Store& store, const ApiRequest& req) {
  std::int64_t count = int_param(req, "count").value_or(10);
  std::int64_t seed = int_param(req, "seed").value_or(1);
  if (count < 1 || count > 200) throw ApiFailure{400, "InvalidParameter", "count must be between 1 and 200"};
  if (seed < 0) throw ApiFailure{400, "InvalidParameter", "seed must be a non-negative integer"};

  // Interviewers who already gave feedback on an interview: a recording is most useful to the
  // one who has not, so that interviewer leads the call (and autofill has an empty form).
  std::unordered_set<std::string> has_form;
  for (std::size_t pos = 0; pos < store.feedback.size(); ++pos) {
    const Record& r = store.feedback.at(pos);
    // Seeded forms only: what clients wrote must not change which calls are handed out (a call
    // id always names the same interview, before and after the flow submitted feedback).
    if (r.api_created || r.deleted || !r.value.find("deletedAt") || !r.value.find("deletedAt")->is_null()) continue;
    has_form.insert(r.value.str("interview") + "|" + r.value.str("user"));
  }
  auto lead_of = [&](const Value& iv) -> const Value* {
    for (const auto& who : iv.find("interviewers")->as_array())
      if (!has_form.contains(iv.str("id") + "|" + who.str("id")) && who.str("feedbackTemplate") != "no-feedback")
        return &who;
    return nullptr;
  };

  // Held interviews with a feedback template, on live opportunities with an e-mail address.
  std::vector<std::size_t> eligible;
  for (std::size_t pos = 0; pos < store.interviews.size(); ++pos) {
    const Record& r = store.interviews.at(pos);
    const Value& iv = r.value;
    if (r.deleted || !iv.find("canceledAt") || !iv.find("canceledAt")->is_null()) continue;
    if (iv.str("feedbackTemplate").empty() || !store.feedback_templates.get(iv.str("feedbackTemplate"))) continue;
    if (iv.num("date") + iv.num("duration") * kMinute >= kHistoryEnd) continue;
    const Value* ivs = iv.find("interviewers");
    if (!ivs || ivs->as_array().empty() || !lead_of(iv)) continue;
    const Record* opp = store.opportunities.get(iv.str("opportunityId"));
    if (!opp || opp->deleted || opp->value.find("isAnonymized")->as_bool()) continue;
    const Value* emails = opp->value.find("emails");
    if (!emails || emails->as_array().empty()) continue;
    eligible.push_back(pos);
  }
  if (eligible.empty()) return ok("{\"data\":[]}");
  std::size_t step = std::max<std::size_t>(1, eligible.size() / static_cast<std::size_t>(count));
  std::size_t offset = static_cast<std::size_t>(seed) % step;

  Value data = Value::array();
  for (std::size_t k = 0; k < static_cast<std::size_t>(count); ++k) {
    const Value& iv = store.interviews.at(eligible[(offset + k * step) % eligible.size()]).value;
    const Value& opp = store.opportunities.get(iv.str("opportunityId"))->value;
    const Value& tmpl = store.feedback_templates.get(iv.str("feedbackTemplate"))->value;
    const auto& interviewers = iv.find("interviewers")->as_array();
    const Value& lead = *lead_of(iv);
    // Scenarios: 6 of 7 calls are recordings of the seeded interview — every sixth of those an
    // upload that only knows the candidate's name and the time (needs review: a name and a time
    // never suffice), every fifth of the rest with the candidate on a personal address Lever does
    // not know; the seventh is an intro call with someone who is not in Lever at all.
    const bool not_in_ats = k % 7 == 6;
    const bool upload = !not_in_ats && k % 6 == 4;  // a file upload: a name in the title and a time, nothing else
    const bool personal_email = !not_in_ats && !upload && k % 5 == 3;
    std::string cand_name = not_in_ats ? "Jordan Quill" : opp.str("name");
    std::string cand_email = not_in_ats ? "jordan.quill.dev@gmail.com"
                             : personal_email ? fmt::format("candidate.{}@gmail.com", iv.str("id").substr(0, 8))
                                              : opp.find("emails")->as_array().front().as_string();
    std::int64_t start = not_in_ats ? iv.num("date") + 3 * kDay - 2 * 60 * kMinute : iv.num("date");
    std::int64_t end = start + iv.num("duration") * kMinute;
    std::string loc = iv.str("location");
    std::string url = not_in_ats ? fmt::format("https://zoom.us/j/9{:010}", 1234567 + k) : url_in(loc);
    std::string phone = not_in_ats ? std::string() : phone_in(loc);
    // Stable per interview and scenario: the same id always names the same recording.
    std::string call_id = fmt::format("sbx-call-{}-{}", iv.str("id").substr(0, 8), not_in_ats ? "x" : upload ? "u" : personal_email ? "p" : "c");

    Value call = Value::object();
    call.set("id", call_id);
    call.set("title", not_in_ats ? Value("Intro chat with Jordan")
                      : upload   ? Value(fmt::format("Interview with {}", cand_name))
                                 : Value(iv.str("subject")));
    call.set("meeting_type", "job_interview");
    call.set("start", start);
    call.set("end", end);
    if (upload) {
      Value people = Value::array();
      Value cand = Value::object();
      cand.set("name", cand_name);
      people.push_back(std::move(cand));
      call.set("participants", std::move(people));
      call.set("source", "upload");
    }
    if (!iv.str("timezone").empty()) call.set("timezone", iv.str("timezone"));
    if (!upload) {
      Value organizer = Value::object();
      organizer.set("name", lead.str("name"));
      organizer.set("email", lead.str("email"));
      call.set("organizer", std::move(organizer));
      Value people = Value::array();
      for (const auto& who : interviewers) {
        Value p = Value::object();
        p.set("name", who.str("name"));
        p.set("email", who.str("email"));
        people.push_back(std::move(p));
      }
      Value cand = Value::object();
      cand.set("name", cand_name);
      cand.set("email", cand_email);
      people.push_back(std::move(cand));
      call.set("participants", std::move(people));
      if (!url.empty()) call.set("conference_url", url);
      if (url.empty() && phone.empty() && !loc.empty() && !not_in_ats) call.set("location", loc);
      if (!phone.empty()) call.set("phone", phone);
      call.set("source", "calendar");
    }

    const std::string iv_name = lead.str("name");
    std::vector<Line> lines;
    std::vector<std::string> facts;
    lines.push_back({iv_name, fmt::format("Hi {}, thanks for joining. I'm {}.", first_name(cand_name), iv_name)});
    lines.push_back({cand_name, "Thanks for having me, happy to be here."});
    lines.push_back({iv_name, "Let's start with a few logistics questions before we dive in."});
    answer_fields(tmpl, iv.num("date"), k, lines, facts, iv_name, cand_name);
    lines.push_back({iv_name, "Great, that's everything from my side. We'll be in touch soon."});
    lines.push_back({cand_name, "Thank you, talk soon."});
    std::string transcript;
    std::int64_t t = 0;
    for (const auto& l : lines) {
      transcript += fmt::format("[{:02}:{:02}:{:02}] {}: {}\n", t / 3600, (t / 60) % 60, t % 60, l.speaker, l.text);
      t += 20 + static_cast<std::int64_t>(l.text.size() % 25);
    }
    std::string notes = fmt::format("TL;DR: {} spoke with {} ({}).{}\n\n## Facts stated by the candidate\n",
                                    iv_name, cand_name, not_in_ats ? "intro chat" : iv.str("subject"),
                                    facts.empty() ? std::string()
                                                  : fmt::format(" {} fact{} captured.", facts.size(), facts.size() == 1 ? "" : "s"));
    for (const auto& f : facts) notes += fmt::format("- {}\n", f);

    Value item = Value::object();
    item.set("id", call_id);
    item.set("call", std::move(call));
    item.set("transcript", transcript);
    item.set("notes", notes);
    item.set("recording_url", fmt::format("https://notetaker.example/recordings/{}", call_id));
    Value expected = Value::object();
    expected.set("kind", not_in_ats ? "not_in_ats" : upload ? "upload" : personal_email ? "personal_email" : "clean");
    expected.set("interview_id", not_in_ats ? Value() : Value(iv.str("id")));
    expected.set("opportunity_id", not_in_ats ? Value() : Value(iv.str("opportunityId")));
    expected.set("panel_id", not_in_ats ? Value() : Value(iv.str("panel")));
    expected.set("template_id", not_in_ats ? Value() : Value(iv.str("feedbackTemplate")));
    expected.set("interviewer_id", lead.str("id"));
    item.set("expected", std::move(expected));
    data.push_back(std::move(item));
  }
  Value out = Value::object();
  out.set("data", std::move(data));
  return ok(to_json(out));
}

}  // namespace leverkit::sandbox::detail

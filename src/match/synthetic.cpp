#include "leverkit/match/synthetic.hpp"

#include <fmt/format.h>

#include <array>
#include <random>

#include "leverkit/match/names.hpp"

namespace leverkit::inline v0::match::synthetic {
namespace {

constexpr std::array<std::string_view, 40> kFirst{
    "William", "Robert", "Katherine", "Elizabeth", "Michael", "José", "Zoë", "Łukasz", "Søren", "Mohammed",
    "Jennifer", "Daniel", "Priya", "Wei", "Aisha", "Olivia", "Thomas", "Sarah", "Andrew", "Margaret",
    "Hiroshi", "Fatima", "Carlos", "Ingrid", "Nikolai", "Chloé", "Samuel", "Rebecca", "Jonathan", "Amara",
    "Benjamin", "Victoria", "Alexander", "Nicole", "Patrick", "Yuki", "Matthew", "Jessica", "Edward", "Lucía"};
constexpr std::array<std::string_view, 40> kLast{
    "Smith", "Müller", "García", "O'Brien", "Nguyen", "Chen", "Johansson", "Kowalski", "Okafor", "Patel",
    "Rossi", "Dubois", "Tanaka", "Novak", "Fernández", "Schmidt", "Kim", "Haddad", "Larsen", "Ivanova",
    "Brown", "Wilson", "Moreau", "Costa", "Yamamoto", "Singh", "Bauer", "Lindqvist", "Murphy", "Álvarez",
    "Walker", "Khan", "Becker", "Silva", "Hughes", "Sato", "Horvath", "Reyes", "Fischer", "Andersen"};
constexpr std::array<std::string_view, 10> kStaffLast{
    "Reed", "Martin", "Ito", "Walsh", "Quinn", "Ferreira", "Lund", "Abbott", "Dalton", "Nakamura"};
constexpr std::array<std::string_view, 10> kTitles{
    "Senior Software Engineer", "Product Manager", "Data Scientist", "Account Executive", "Designer",
    "Site Reliability Engineer", "Engineering Manager", "Recruiter", "Financial Analyst", "Support Engineer"};
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kStages{
    {{"phone-screen", "Phone Screen"}, {"onsite", "On-site"}, {"tech", "Technical Interview"},
     {"hm", "Hiring Manager"}, {"final", "Final Round"}}};
constexpr std::array<std::string_view, 4> kZones{"America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Berlin"};
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kNick{
    {{"William", "Bill"}, {"Robert", "Bob"}, {"Katherine", "Kate"}, {"Elizabeth", "Liz"}, {"Michael", "Mike"},
     {"Jonathan", "Jon"}}};

std::string ascii_lower_fold(std::string_view s) {
  std::string out;
  for (const auto& t : name_tokens(s)) out += t;
  return out;
}

class Gen {
 public:
  explicit Gen(const Options& o) : o_(o), rng_(o.seed) {}

  World run() {
    World w;
    auto& s = w.snapshot;
    for (int i = 0; i < 30; ++i) {
      User u;
      u.id = fmt::format("u-{}", i);
      u.name = fmt::format("{} {}", kFirst[pick(kFirst.size())], kStaffLast[pick(kStaffLast.size())]);
      u.email = fmt::format("user{}@acme.example", i);
      u.access_role = "interviewer";
      s.users.push_back(std::move(u));
    }
    for (std::size_t i = 0; i < kTitles.size(); ++i) {
      Posting p;
      p.id = fmt::format("p-{}", i);
      p.text = std::string(kTitles[i]);
      s.postings.push_back(std::move(p));
    }
    for (const auto& [id, text] : kStages) s.stages.push_back(Stage{std::string(id), std::string(text)});

    const std::int64_t base = 1'767'600'000'000;  // 2026-01-05T08:00:00Z
    const std::size_t total_iv = o_.opportunities * static_cast<std::size_t>(o_.interviews_per_opportunity);
    const std::int64_t span_days = std::max<std::int64_t>(1, static_cast<std::int64_t>(total_iv) / std::max(1, o_.interviews_per_day));
    s.opportunities.reserve(o_.opportunities);
    s.interviews.reserve(total_iv + o_.calls);
    for (std::size_t i = 0; i < o_.opportunities; ++i) {
      Opportunity op;
      op.id = fmt::format("o-{}", i);
      auto first = kFirst[pick(kFirst.size())];
      auto last = kLast[pick(kLast.size())];
      op.name = fmt::format("{} {}", first, last);
      op.contact = Expandable<Contact>{fmt::format("c-{}", i), std::nullopt};
      if (coin(0.6)) op.emails.push_back(fmt::format("{}.{}{}@gmail.com", ascii_lower_fold(first), ascii_lower_fold(last), i));
      else op.emails.push_back(fmt::format("{}{}@{}-mail.example", ascii_lower_fold(first), i, ascii_lower_fold(last)));
      if (coin(0.7)) op.phones.push_back(Phone{"mobile", fmt::format("({}) 555-{:04d}", 201 + (i / 10000) % 790, i % 10000)});
      op.stage = Expandable<Stage>{std::string(kStages[pick(kStages.size())].first), std::nullopt};
      op.location = "San Francisco, CA";
      s.opportunities.push_back(std::move(op));

      const std::string posting = fmt::format("p-{}", pick(kTitles.size()));
      const std::int64_t day = static_cast<std::int64_t>(pick(static_cast<std::size_t>(span_days)));
      const std::int64_t start = base + day * 86'400'000 + static_cast<std::int64_t>(pick(16)) * 1'800'000;
      const std::string panel = fmt::format("pa-{}", i);
      const bool shared_link = coin(0.5);
      const std::string shared = fmt::format("https://acme.zoom.us/j/8{:09d}?pwd=x", next_id());
      const bool pmi = coin(0.05);
      for (int k = 0; k < o_.interviews_per_opportunity; ++k) {
        Interview iv;
        iv.id = fmt::format("i-{}-{}", i, k);
        iv.panel = panel;
        iv.opportunity_id = s.opportunities.back().id;
        iv.date = from_unix_ms(start + k * 45 * 60'000);
        iv.duration = 45;
        iv.timezone = std::string(kZones[pick(kZones.size())]);
        iv.subject = fmt::format("Interview with {}", s.opportunities.back().name);
        iv.postings.push_back(Expandable<Posting>{posting, std::nullopt});
        iv.stage = s.opportunities.back().stage;
        for (int m = 0; m < 2; ++m) {
          const auto& u = s.users[pick(s.users.size())];
          iv.interviewers.push_back(Interviewer{u.id, u.name, u.email, std::nullopt, std::nullopt});
        }
        if (pmi) iv.location = "https://acme.zoom.us/j/5550001111";  // recruiter's personal room
        else if (shared_link) iv.location = shared;
        else if (coin(0.5)) iv.location = fmt::format("https://meet.google.com/{}", meet_code());
        else iv.location = fmt::format("https://acme.zoom.us/j/7{:09d}", next_id());
        s.interviews.push_back(std::move(iv));
      }
    }
    for (std::size_t c = 0; c < o_.calls && !s.opportunities.empty(); ++c) w.calls.push_back(draw(w, c));
    return w;
  }

 private:
  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }
  bool coin(double p) { return std::bernoulli_distribution(p)(rng_); }
  std::uint64_t next_id() { return ++counter_ * 7919 % 1'000'000'000; }
  std::string meet_code() {
    std::string s;
    for (int i = 0; i < 12; ++i) s.push_back(i == 3 || i == 8 ? '-' : static_cast<char>('a' + pick(26)));
    return s;
  }

  // Another slot of the same panel shares the link (and, if asked, one of the interviewers).
  static bool shared_slot_link(const LeverSnapshot& s, std::size_t iv_index, bool shared_interviewer) {
    const auto& a = s.interviews[iv_index];
    for (std::size_t k = iv_index + 1; k < s.interviews.size() && k < iv_index + 4; ++k) {
      const auto& b = s.interviews[k];
      if (b.panel != a.panel || b.location != a.location) continue;
      if (!shared_interviewer) return true;
      for (const auto& x : a.interviewers)
        for (const auto& y : b.interviewers)
          if (x.email == y.email) return true;
    }
    return false;
  }

  // A call as a recorder sees it, for interview `iv` of opportunity `o`.
  Call base_call(const World& w, std::size_t oi, const Interview& iv, std::size_t n) {
    const auto& o = w.snapshot.opportunities[oi];
    Call c;
    c.id = fmt::format("call-{}", n);
    c.title = coin(0.5) ? iv.subject : "Interview";
    c.meeting_type = coin(0.8) ? MeetingType::job_interview : MeetingType::unknown;
    c.start = iv.date + std::chrono::minutes(static_cast<int>(pick(5)));
    c.end = c.start + std::chrono::minutes(40 + static_cast<int>(pick(10)));
    c.source = CallSource::calendar;
    c.conference_url = iv.location.value_or("");
    c.participants.push_back(Participant{o.name, o.emails.front(), ParticipantRole::unknown, ResponseStatus::accepted, {}});
    for (const auto& person : iv.interviewers)
      c.participants.push_back(Participant{person.name, person.email, ParticipantRole::unknown, ResponseStatus::accepted, {}});
    return c;
  }

  LabelledCall draw(World& w, std::size_t n) {
    auto& s = w.snapshot;
    const std::size_t oi = n % s.opportunities.size();
    const Opportunity& o = s.opportunities[oi];
    const std::size_t iv_index = oi * static_cast<std::size_t>(o_.interviews_per_opportunity);
    const Interview iv = s.interviews[iv_index];  // copy: s.interviews may grow below
    LabelledCall lc;
    lc.call = base_call(w, oi, iv, n);
    Call& c = lc.call;
    Gold& g = lc.gold;
    g.status = MatchStatus::matched;
    g.interview_id = iv.id;
    g.opportunity_id = o.id;
    const bool pmi = iv.location && iv.location->find("5550001111") != std::string::npos;
    switch (pick(12)) {
      case 0:
        g.family = "clean";
        break;
      case 1: {
        g.family = "personal_email_variant";
        c.conference_url.clear();
        std::string e = o.emails.front();
        if (e.find("@gmail.com") != std::string::npos) {
          auto at = e.find('@');
          std::string local = e.substr(0, at);
          std::erase(local, '.');
          c.participants[0].email = local + "+jobs@googlemail.com";
        }
        break;
      }
      case 2: {
        g.family = "nickname_time_interviewers";
        c.conference_url.clear();
        c.participants[0].email.clear();
        std::string name = o.name;
        for (const auto& [full, nick] : kNick)
          if (name.rfind(std::string(full) + " ", 0) == 0) name = std::string(nick) + name.substr(full.size());
        c.participants[0].name = name;
        break;
      }
      case 3:
        g.family = "name_and_time_only";
        c.conference_url.clear();
        c.participants.resize(1);
        c.participants[0].email.clear();
        g.status = MatchStatus::needs_review;
        g.reason = ReasonCode::insufficient_info;
        break;
      case 4:
        g.family = "reschedule_not_updated";
        c.start = iv.date + std::chrono::hours(3);
        c.end = c.start + std::chrono::minutes(45);
        if (shared_slot_link(s, iv_index, true)) {
          // Every slot of the panel shares the link and none is near: no way to pick one.
          g.status = MatchStatus::needs_review;
          g.interview_id.reset();
          g.reason = ReasonCode::ambiguous;
        }
        break;
      case 5: {
        g.family = "timezone_entry_error";
        // The interview was entered in UTC instead of its zone: the real call is offset by it.
        auto tz = iv.timezone.value_or("UTC");
        std::int64_t off = tz == "America/New_York" ? 5 : tz == "America/Los_Angeles" ? 8 : tz == "Europe/Berlin" ? -1 : 0;
        if (off == 0) { g.family = "clean"; break; }
        c.start = iv.date + std::chrono::hours(off);
        c.end = c.start + std::chrono::minutes(45);
        c.timezone = tz;
        break;
      }
      case 6: {
        g.family = "canceled";
        Interview cx = iv;
        cx.id = fmt::format("i-x-{}", n);
        cx.date = iv.date + std::chrono::hours(24 * 3);
        cx.canceled_at = cx.date - std::chrono::hours(20);
        cx.location = fmt::format("https://acme.zoom.us/j/9{:09d}", next_id());
        s.interviews.push_back(cx);
        c.start = cx.date;
        c.end = c.start + std::chrono::minutes(45);
        c.conference_url = *cx.location;
        g.status = MatchStatus::no_match;
        g.interview_id.reset();
        g.reason = ReasonCode::interview_canceled;
        break;
      }
      case 7:
        g.family = "not_in_ats";
        c.participants.resize(1);
        c.start = iv.date + std::chrono::hours(24 * 3) + std::chrono::minutes(17);
        c.end = c.start + std::chrono::minutes(40);
        c.conference_url = fmt::format("https://acme.zoom.us/j/6{:09d}", next_id());
        c.participants[0] = Participant{"Quentin Zzyzx", fmt::format("qz{}@outside.example", n), ParticipantRole::unknown,
                                        ResponseStatus::accepted, {}};
        c.title = "Intro call";
        g.status = MatchStatus::no_match;
        g.interview_id.reset();
        g.opportunity_id.reset();
        g.reason = ReasonCode::candidate_not_in_ats;
        break;
      case 8:
        g.family = "internal";
        c.participants.erase(c.participants.begin());
        c.title = "Weekly team sync";
        c.meeting_type = MeetingType::internal;
        c.conference_url = fmt::format("https://meet.google.com/{}", meet_code());
        g.status = MatchStatus::no_match;
        g.interview_id.reset();
        g.opportunity_id.reset();
        g.reason = ReasonCode::wrong_meeting_type;
        break;
      case 9:
        g.family = "upload";
        c.participants.clear();
        c.conference_url.clear();
        c.title = "recording.mp4";
        c.source = CallSource::upload;
        g.status = MatchStatus::no_match;
        g.interview_id.reset();
        g.opportunity_id.reset();
        g.reason = ReasonCode::insufficient_info;
        break;
      case 10: {
        g.family = "debrief";
        c.meeting_type = MeetingType::debrief;
        c.title = "Debrief: " + o.name;
        c.participants.erase(c.participants.begin());
        c.conference_url.clear();
        c.start = iv.date + std::chrono::hours(26);
        c.end = c.start + std::chrono::minutes(30);
        g.interview_id.reset();
        break;
      }
      default:
        g.family = "no_interview_scheduled";
        c.conference_url.clear();
        c.participants.resize(1);
        c.start = iv.date + std::chrono::hours(24 * 20);
        c.end = c.start + std::chrono::minutes(45);
        g.status = MatchStatus::no_match;
        g.interview_id.reset();
        g.reason = ReasonCode::no_interview_scheduled;
        break;
    }
    if (pmi && g.family == "clean") {
      // A personal room shared across candidates identifies nobody; the email still does.
      g.family = "personal_room";
    }
    return lc;
  }

  Options o_;
  std::mt19937_64 rng_;
  std::uint64_t counter_ = 0;
};

}  // namespace

World generate(const Options& options) { return Gen(options).run(); }

}  // namespace leverkit::match::synthetic

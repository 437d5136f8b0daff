// Private: the match engine's working types and the Engine that runs one call through the rooms
// (candidates.cpp: normalise + blocking; scoring.cpp: evidence; decision.cpp: the pure verdict;
// debrief.cpp; explain.cpp: enrichment and sentences; matcher.cpp: assembly).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "decision.hpp"
#include "index_data.hpp"
#include "leverkit/match/call.hpp"
#include "leverkit/match/conference.hpp"
#include "leverkit/match/email.hpp"
#include "leverkit/match/matcher.hpp"
#include "leverkit/match/names.hpp"
#include "leverkit/match/result.hpp"

namespace leverkit::inline v0::match::detail {

constexpr std::int64_t kCandidateHorizonMs = 7 * kDayMs;  // beyond: "no interview scheduled"

struct Person {
  const Participant* p = nullptr;
  std::optional<EmailKey> email;
  std::vector<std::string> tokens;
  bool declined = false;
};

/// A call normalised once: attendees split external/internal, links, dial-ins, phones, title.
struct NormCall {
  const Call* call = nullptr;
  MeetingType type = MeetingType::unknown;
  std::int64_t start = 0, end = 0;
  std::vector<Person> external, internal;
  std::vector<ConferenceLink> links;
  std::vector<DialIn> dial_ins;
  std::vector<std::string> phones;  // candidate-phone evidence (not bridges)
  std::vector<std::string> title_tokens;
  bool external_identity() const {
    for (const auto& p : external) if (p.email || !p.tokens.empty()) return true;
    return !phones.empty();
  }
};

struct Ev {
  const char* feature;
  const char* level;
  double weight;
};

// Small fixed-capacity lists: scoring runs for every blocked pair and must not allocate.
struct EvList {
  std::array<Ev, 16> v{};
  std::size_t n = 0;
  void push_back(const Ev& e) { if (n < v.size()) v[n++] = e; }
  const Ev* begin() const { return v.data(); }
  const Ev* end() const { return v.data() + n; }
};

struct Fields {
  std::array<const char*, 6> v{};
  std::size_t n = 0;
  void add(const char* f) { if (n < v.size()) v[n++] = f; }
  bool empty() const { return n == 0; }
  std::vector<std::string> strings() const { return {v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n)}; }
};

/// One (call, interview) pair after scoring.
struct Scored {
  std::uint32_t iv = kNone;
  double score = 0;
  EvList ev;
  bool strong = false;       // an identifier agrees (key, dial-in, email, phone)
  bool key_backed = false;   // conference key or dial-in agrees
  bool anchored = false;     // something besides time and interviewers agrees (key, room, identity)
  bool contradicted = false; // the attendee's email/phone is none of the candidate's (who has some)
  NameLevel name = NameLevel::missing;
  TimeLevel time = TimeLevel::far;
  double coverage = -1;      // interviewer coverage, -1 when not comparable
  std::int64_t delta_ms = 0;
  Fields mismatches;
  const char* found_by = "";
};

/// Opportunity -> best identity level the attendee's email/phone reach: 3 email (exact or
/// provider-folded), 2 plus-stripped email or phone, 0 same local part at another free-mail provider.
using IdentityOpps = std::map<std::uint32_t, int>;

inline bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

class Engine {
 public:
  Engine(const IndexData& d, const MatchOptions& o);

  MatchResult run(const Call& call) const;

  // candidates.cpp
  NormCall normalise(const Call& call) const;
  IdentityOpps identity_opps(const NormCall& c) const;
  /// Blocking: the union of cheap keys, de-duplicated; fills (interview, found_by) pairs.
  void lookup(const NormCall& c, IdentityOpps& ids, std::vector<std::pair<std::uint32_t, const char*>>& out) const;

  // scoring.cpp
  double prior_bits(const NormCall& c) const;
  Scored score(const NormCall& c, std::uint32_t iv, double prior) const;

  // debrief.cpp
  MatchResult debrief(const NormCall& c, MatchResult r) const;

  // explain.cpp
  void enrich(MatchResult& r, std::uint32_t opp, std::uint32_t iv) const;
  static void explain_evidence(MatchResult& r, const Scored& s);
  std::string who(std::uint32_t opp) const;
  std::string when(std::int64_t ms) const;
  std::string iv_label(const Scored& s) const;

  // matcher.cpp
  std::string attendee_identifiers(const NormCall& c) const;
  Reason reason_for(ReasonCode code, const Decision& dec, const NormCall& c, const IdentityOpps& ids, const IdentityFacts& facts,
                    const Scored* subject, const Scored* other) const;

 private:
  const IndexData& d_;
  const MatchOptions& o_;
  double accept_bits_ = 5, review_bits_ = 0;
};

MeetingType infer_type(const Call& c, bool has_external);
std::string list_fields(const Fields& f);
std::string evidence_sentence(const Scored& s, std::size_t top = 4);

}  // namespace leverkit::match::detail

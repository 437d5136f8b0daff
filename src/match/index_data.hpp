// Private layout of leverkit::match::Index (normalised Lever records and blocking tables).
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "leverkit/match/conference.hpp"
#include "leverkit/match/email.hpp"
#include "leverkit/match/index.hpp"

namespace leverkit::match::detail {

constexpr std::uint32_t kNone = 0xffffffffu;
constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kHourMs = 3'600'000;
constexpr std::int64_t kMinuteMs = 60'000;

inline std::int64_t day_of(std::int64_t ms) noexcept { return ms >= 0 ? ms / kDayMs : (ms - kDayMs + 1) / kDayMs; }

inline std::uint64_t key_hash(std::string_view s, std::int64_t salt = 0) noexcept {
  std::uint64_t h = std::hash<std::string_view>{}(s);
  h ^= static_cast<std::uint64_t>(salt) + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h;
}

/// A sorted multimap from a 64-bit key hash to record numbers: cheap to build (one sort), a
/// lookup is a binary search. Hash collisions only add candidates, which scoring then rejects.
class Postings {
 public:
  void add(std::uint64_t key, std::uint32_t value) { v_.emplace_back(key, value); }
  void finish() {
    std::sort(v_.begin(), v_.end());
    v_.erase(std::unique(v_.begin(), v_.end()), v_.end());
  }
  [[nodiscard]] std::span<const std::pair<std::uint64_t, std::uint32_t>> find(std::uint64_t key) const {
    auto lo = std::lower_bound(v_.begin(), v_.end(), std::pair<std::uint64_t, std::uint32_t>{key, 0});
    auto hi = lo;
    while (hi != v_.end() && hi->first == key) ++hi;
    return {lo, hi};
  }
  [[nodiscard]] std::size_t size() const noexcept { return v_.size(); }

 private:
  std::vector<std::pair<std::uint64_t, std::uint32_t>> v_;
};

struct OppRec {
  const Opportunity* opp = nullptr;
  std::string contact_id;
  std::vector<std::string> name_tokens;
  std::vector<EmailKey> emails;
  std::vector<std::string> phones;        // raw text; normalised on demand (rarely compared)
  std::vector<std::uint32_t> interviews;
  bool anonymized = false;
  bool deleted = false;
};

struct IvRec {
  const Interview* iv = nullptr;
  std::uint32_t opp = kNone;
  std::string panel_id;
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;
  bool canceled = false;
  std::vector<ConferenceLink> links;
  std::vector<DialIn> dial_ins;
  std::vector<std::string> location_phones;
  std::vector<std::string> interviewer_emails;  // exact keys
  std::vector<std::vector<std::string>> interviewer_names;
};

struct IndexData {
  LeverSnapshot snap;
  Index::Options options;
  std::vector<OppRec> opps;
  std::vector<IvRec> ivs;

  Postings by_conf_key;          // conference or dial key -> interview
  Postings by_email;             // provider key / plus-stripped key -> opportunity
  Postings by_email_local;       // local part at a personal provider -> opportunity
  Postings by_phone;             // last 9 digits -> opportunity
  Postings by_name_day;          // (folded name token, day) -> interview
  Postings by_interviewer_day;   // (interviewer email, day) -> interview
  std::unordered_map<std::uint64_t, int> conf_key_opps;  // distinct opportunities per key hash (rooms)
  std::vector<std::int64_t> live_starts;               // sorted, for the time-window prior

  std::unordered_set<std::string> internal_emails;
  std::unordered_set<std::string> internal_names;      // folded "first last" of users/interviewers
  std::unordered_set<std::string> company_domains;
  std::unordered_map<std::string_view, const Posting*> postings;
  std::unordered_map<std::string_view, const Stage*> stages;
  std::unordered_map<std::string_view, std::string_view> panel_of_interview;

  [[nodiscard]] bool conference_key_is_room(const std::string& key) const {
    auto it = conf_key_opps.find(key_hash(key));
    return it != conf_key_opps.end() && it->second > 1;
  }
};

std::string join_tokens(const std::vector<std::string>& t);

}  // namespace leverkit::match::detail

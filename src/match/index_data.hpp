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

namespace leverkit::inline v0::match::detail {

constexpr std::uint32_t kNone = 0xffffffffu;
constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kHourMs = 3'600'000;
constexpr std::int64_t kMinuteMs = 60'000;

inline std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept { return a >= 0 ? a / b : (a - b + 1) / b; }
inline std::int64_t day_of(std::int64_t ms) noexcept { return floor_div(ms, kDayMs); }
inline std::int64_t week_of(std::int64_t ms) noexcept { return floor_div(ms, 7 * kDayMs); }

/// Hash of (text, salt) with a full avalanche (splitmix64 finaliser): the Postings directory uses
/// the top bits, so (token, day) keys of one token must not share them.
inline std::uint64_t key_hash(std::string_view s, std::int64_t salt = 0) noexcept {
  std::uint64_t h = std::hash<std::string_view>{}(s) ^ (static_cast<std::uint64_t>(salt) * 0x9e3779b97f4a7c15ull);
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  h ^= h >> 31;
  return h;
}

/// A sorted multimap from a 64-bit key hash to record numbers: cheap to build (one sort) and,
/// with a directory over the top bits of the hash, a lookup touches two cache lines whatever the
/// size (a plain binary search over millions of entries would cost ~20 misses per key).
/// Hash collisions only add candidates, which scoring then rejects.
class Postings {
 public:
  void add(std::uint64_t key, std::uint32_t value) { v_.emplace_back(key, value); }
  void finish() {
    std::sort(v_.begin(), v_.end());
    v_.erase(std::unique(v_.begin(), v_.end()), v_.end());
    bits_ = 1;
    while ((std::size_t{1} << bits_) < v_.size() && bits_ < 26) ++bits_;
    dir_.assign((std::size_t{1} << bits_) + 1, 0);
    std::size_t pos = 0;
    for (std::size_t b = 0; b < (std::size_t{1} << bits_); ++b) {
      dir_[b] = static_cast<std::uint32_t>(pos);
      while (pos < v_.size() && (v_[pos].first >> (64 - bits_)) == b) ++pos;
    }
    dir_.back() = static_cast<std::uint32_t>(v_.size());
  }
  [[nodiscard]] std::span<const std::pair<std::uint64_t, std::uint32_t>> find(std::uint64_t key) const {
    if (v_.empty()) return {};
    const std::size_t b = key >> (64 - bits_);
    auto lo = v_.begin() + dir_[b], end = v_.begin() + dir_[b + 1];
    while (lo != end && lo->first < key) ++lo;
    auto hi = lo;
    while (hi != end && hi->first == key) ++hi;
    return {lo, hi};
  }
  [[nodiscard]] std::size_t size() const noexcept { return v_.size(); }

 private:
  std::vector<std::pair<std::uint64_t, std::uint32_t>> v_;
  std::vector<std::uint32_t> dir_;
  unsigned bits_ = 1;
};

struct OppRec {
  const Opportunity* opp = nullptr;
  std::string contact_id;
  std::vector<std::string> name_tokens;
  std::uint32_t name_count = 1;           // distinct Lever people with this full name
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
  std::vector<std::uint32_t> interviewers;   // into IndexData::people
};

/// An interviewer, normalised once however many interviews list them.
struct PersonRec {
  std::string email;                 // exact key ("" when missing or invalid)
  std::vector<std::string> tokens;   // folded name
};

struct IndexData {
  std::vector<PersonRec> people;
  LeverSnapshot snap;
  Index::Options options;
  std::vector<OppRec> opps;
  std::vector<IvRec> ivs;

  Postings by_conf_key;          // (conference or dial key, week) -> interview; a reused room stays cheap
  Postings by_email;             // provider key / plus-stripped key -> opportunity
  Postings by_email_local;       // local part at a personal provider -> opportunity
  Postings by_phone;             // last 9 digits -> opportunity
  Postings by_name_day;          // (folded name token, day) -> interview
  Postings by_interviewer_day;   // (interviewer email, day) -> interview
  std::unordered_map<std::uint64_t, int> conf_key_opps;  // distinct opportunities per key hash (rooms)
  std::int64_t first_hour = 0;
  std::vector<std::uint32_t> live_per_hour_prefix;     // live interviews starting before each hour

  std::unordered_set<std::string> internal_emails;
  std::unordered_set<std::string> internal_names;      // folded "first last" of users/interviewers
  std::unordered_set<std::string> company_domains;
  std::unordered_map<std::string_view, const Posting*> postings;
  std::unordered_map<std::string_view, const Stage*> stages;
  std::unordered_map<std::string_view, std::string_view> panel_of_interview;
  std::unordered_map<std::string_view, std::vector<std::string>> posting_tokens;  // posting id -> folded title

  [[nodiscard]] bool conference_key_is_room(const std::string& key) const {
    auto it = conf_key_opps.find(key_hash(key));
    return it != conf_key_opps.end() && it->second > 1;
  }
};

std::string join_tokens(const std::vector<std::string>& t);

}  // namespace leverkit::match::detail

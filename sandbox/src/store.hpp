// store.hpp — the sandbox's in-memory Lever account: collections of JSON records, Lever-style
// pagination over them, and the seeded generator that fills them.
// Thread-safety: none here; the Api guards a Store with a shared_mutex.
#pragma once
#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <ranges>
#include <string>
#include <unordered_map>
#include <vector>

#include "value.hpp"

namespace leverkit::inline v0::sandbox::detail {

struct Record {
  Value value;            // what the API returns (before expand/include)
  std::string parent;     // owning opportunity id for sub-resources
  bool deleted = false;   // tombstone: positions stay stable for cursors
  bool api_created = false;  // Lever only lets the API change what the API created
  std::string posting;    // opportunities: the posting of their application
  std::string secret;     // webhooks: the signature token (never listed)
};

/// Records in list order (ascending position = ascending creation). Deleting leaves a tombstone
/// so positions named by outstanding cursors stay meaningful.
class Collection {
 public:
  Record& add(Value v, std::string parent = {});
  [[nodiscard]] Record* get(std::string_view id);
  [[nodiscard]] const Record* get(std::string_view id) const;
  /// Position of a live or deleted record, or nullopt.
  [[nodiscard]] std::optional<std::size_t> position(std::string_view id) const;
  void remove(std::string_view id);
  /// Positions of the records belonging to `parent`, ascending (empty when none).
  [[nodiscard]] const std::vector<std::size_t>& children(std::string_view parent) const;
  [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }
  [[nodiscard]] const Record& at(std::size_t pos) const { return items_[pos]; }
  [[nodiscard]] Record& at(std::size_t pos) { return items_[pos]; }
  void clear();

 private:
  std::vector<Record> items_;
  std::unordered_map<std::string, std::size_t> index_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_parent_;
};

/// A decoded `offset` token: position and createdAt of the previous page's last record, and
/// its id. Encoded like Lever's: a URL-encoded JSON array `[position, createdAt, "id"]`.
struct Cursor {
  std::int64_t position = 0;
  std::int64_t created_at = 0;
  std::string id;
};
[[nodiscard]] std::string encode_cursor(const Cursor& c);
/// Accepts the token as handed out ("%5B...") or already decoded once ("[...]").
[[nodiscard]] std::optional<Cursor> decode_cursor(std::string_view token);

struct PageResult {
  std::vector<std::size_t> positions;
  bool has_next = false;
  std::optional<Cursor> next;
  bool stale = false;  // the cursor named no live record of this collection
};

/// Walks `positions` (ascending) from the cursor, keeping records for which `keep` is true.
template <class Positions, class Keep>
PageResult paginate(const Collection& c, const Positions& positions, std::size_t limit,
                    const std::optional<Cursor>& after, Keep&& keep, bool include_deleted = false) {
  PageResult out;
  auto it = std::ranges::begin(positions);
  auto end = std::ranges::end(positions);
  if (after) {
    auto pos = c.position(after->id);
    if (!pos || static_cast<std::int64_t>(*pos) != after->position ||
        (c.at(*pos).deleted && !include_deleted) || c.at(*pos).value.num("createdAt") != after->created_at) {
      out.stale = true;
      return out;
    }
    it = std::ranges::upper_bound(positions, *pos);
  }
  for (; it != end; ++it) {
    const Record& r = c.at(*it);
    if ((r.deleted && !include_deleted) || !keep(r)) continue;
    if (out.positions.size() == limit) {
      out.has_next = true;
      break;
    }
    out.positions.push_back(*it);
  }
  if (out.has_next) {
    const Record& last = c.at(out.positions.back());
    out.next = Cursor{static_cast<std::int64_t>(out.positions.back()), last.value.num("createdAt"),
                      last.value.str("id")};
  }
  return out;
}

struct GeneratorOptions {
  std::uint64_t seed = 42;
  std::size_t opportunities = 200;
  std::int64_t now_ms = 1767225600000;  // 2026-01-01T00:00:00Z: generated history ends here
};

/// Deterministic random source (splitmix64) with the helpers the generator needs.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }
  bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }
  std::string uuid();
  std::string hex(std::size_t n);

 private:
  std::uint64_t state_;
};

struct Store {
  Collection users, stages, archive_reasons, postings, feedback_templates, form_templates, contacts,
      opportunities, deleted_opportunities, applications, panels, interviews, feedback, notes, forms,
      webhooks;
  std::unordered_map<std::string, std::string> contact_by_email;  // canonical email -> contact id
  std::string account_id;
  void clear();
};

/// Fills `store` from scratch. Deterministic for a given options value.
void generate(Store& store, const GeneratorOptions& options);

}  // namespace leverkit::sandbox::detail

namespace leverkit::inline v0::sandbox::detail {
/// The options Lever fills in for a score-system field sent without them.
[[nodiscard]] Value default_score_system_options();
/// The feedback field types Lever accepts, and the profile-form ones.
[[nodiscard]] bool is_feedback_field_type(std::string_view t);
[[nodiscard]] bool is_form_field_type(std::string_view t);
}  // namespace leverkit::sandbox::detail

// leverkit/integration/access_index.hpp — a snapshot's objects by id, so deciding who may see a
// call costs what the answer holds, not what the account holds.
//
// What: `AccessIndex` is built once from a `match::LeverSnapshot` (one pass, O(objects)) and
// answers the lookups `decide_access` makes for a call: an opportunity, interview, posting, panel
// or user by id, the interviews of a panel, the users holding given access roles. Deciding access
// for C calls over an account of N objects then costs O(N + C × answer) instead of the
// O(C × N) of `decide_access(snapshot, …)`, which scans the snapshot on every call (fine for one
// call; `LiveMatcher` builds an AccessIndex once per snapshot). Both give identical decisions.
// When an id occurs twice in the snapshot, the first object wins, as in a scan.
// Errors: none; an id the snapshot lacks answers nullptr or an empty list.
// Thread-safety: immutable after construction; share it across threads. It points into the
// snapshot, which must outlive it unchanged (a temporary snapshot is rejected at compile time).
// Example:
//   leverkit::integration::AccessIndex access{snapshot};
//   for (const auto& r : results) decisions.push_back(leverkit::integration::decide_access(access, r));
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/match/index.hpp"

namespace leverkit::inline v0::integration {

class AccessIndex {
 public:
  explicit AccessIndex(const match::LeverSnapshot& snapshot);
  explicit AccessIndex(match::LeverSnapshot&&) = delete;  // would dangle
  AccessIndex(AccessIndex&&) noexcept;
  AccessIndex& operator=(AccessIndex&&) noexcept;
  ~AccessIndex();

  [[nodiscard]] const match::LeverSnapshot& snapshot() const noexcept;

  [[nodiscard]] const Opportunity* opportunity(std::string_view id) const noexcept;
  [[nodiscard]] const Interview* interview(std::string_view id) const noexcept;
  [[nodiscard]] const Posting* posting(std::string_view id) const noexcept;
  [[nodiscard]] const Panel* panel(std::string_view id) const noexcept;
  [[nodiscard]] const User* user(std::string_view id) const noexcept;
  /// The interviews whose `panel` is `panel_id`, in snapshot order.
  [[nodiscard]] std::span<const Interview* const> panel_interviews(std::string_view panel_id) const noexcept;
  /// The users whose access role is one of `roles`, in snapshot order, each once.
  [[nodiscard]] std::vector<const User*> users_with_roles(std::span<const std::string> roles) const;

 private:
  struct Data;
  std::unique_ptr<Data> data_;
};

}  // namespace leverkit::integration

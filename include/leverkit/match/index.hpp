// leverkit/match/index.hpp — the Lever side of matching, indexed for constant per-call cost.
//
// What: `LeverSnapshot` (opportunities, interviews, panels, users, postings, stages as decoded
// from Lever) and `Index`, which normalises them once (emails, phones, names, conference keys
// from interview locations) and blocks them by conference key, dial-in digits, candidate email,
// phone, (name token, day) and (interviewer email, day), so a call looks at a handful of
// interviews whether the index holds ten thousand or a million.
// Errors: `Index::build` never fails; interviews without an opportunity id are matched by
// panel (Panel ids from panels.json) or kept for conference/time evidence only.
// Thread-safety: an Index is immutable after build; share it freely across threads.
// Example:
//   leverkit::match::LeverSnapshot snap{.opportunities = opps, .interviews = ivs};
//   auto index = leverkit::match::Index::build(std::move(snap));
//   leverkit::match::Matcher m{std::move(index)};  // the matcher keeps the index alive
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "leverkit/models/interview.hpp"
#include "leverkit/models/opportunity.hpp"
#include "leverkit/models/panel.hpp"
#include "leverkit/models/posting.hpp"
#include "leverkit/models/stage.hpp"
#include "leverkit/models/user.hpp"

namespace leverkit::inline v0::match {

struct LeverSnapshot {
  std::vector<Opportunity> opportunities;
  std::vector<Interview> interviews;
  std::vector<Panel> panels;
  std::vector<User> users;
  std::vector<Posting> postings;
  std::vector<Stage> stages;
};

namespace detail { struct IndexData; }

class Index {
 public:
  struct Options {
    std::string default_region = "US";  // for phone numbers written without a country code
    std::vector<std::string> company_domains;  // extra internal domains (users' domains are added)
  };

  static Index build(LeverSnapshot snapshot) { return build(std::move(snapshot), Options{}); }
  static Index build(LeverSnapshot snapshot, Options options);

  Index(Index&&) noexcept;
  Index& operator=(Index&&) noexcept;
  ~Index();

  [[nodiscard]] std::size_t interview_count() const noexcept;
  [[nodiscard]] std::size_t opportunity_count() const noexcept;
  [[nodiscard]] const LeverSnapshot& snapshot() const noexcept;
  [[nodiscard]] const detail::IndexData& data() const noexcept { return *data_; }

 private:
  explicit Index(std::unique_ptr<detail::IndexData> d);
  std::unique_ptr<detail::IndexData> data_;
};

}  // namespace leverkit::match

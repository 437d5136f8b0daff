// AccessIndex (leverkit/integration/access_index.hpp): lookups by id with the snapshot's
// first-wins and ordering rules, and decisions identical to the scanning decide_access over a
// synthetic account with every kind of access reason, confidential postings and repeated ids.
#include <algorithm>
#include <cstdint>
#include <set>
#include <string>

#include <doctest/doctest.h>

#include "leverkit/integration/access.hpp"
#include "leverkit/integration/access_index.hpp"
#include "leverkit/match/synthetic.hpp"

namespace li = leverkit::integration;
namespace lm = leverkit::match;
using leverkit::Expandable;

namespace {

leverkit::User make_user(std::string id, std::string role, bool active = true) {
  leverkit::User u;
  u.id = std::move(id);
  u.name = "User " + u.id;
  u.email = u.id + "@acme.example";
  u.access_role = std::move(role);
  if (!active) u.deactivated_at = leverkit::from_unix_ms(1'700'000'000'000);
  return u;
}

leverkit::Interview interview(std::string id, std::optional<std::string> panel) {
  leverkit::Interview iv;
  iv.id = std::move(id);
  iv.panel = std::move(panel);
  return iv;
}

std::vector<std::string> ids(const std::vector<const leverkit::User*>& us) {
  std::vector<std::string> out;
  for (const auto* u : us) out.push_back(u->id + "/" + u->access_role);
  return out;
}

/// A synthetic account made to exercise every access rule: roles, deactivated users, posting
/// owners and hiring managers, confidential postings and opportunities, followers, panels, and
/// repeated ids (first wins).
lm::LeverSnapshot account(std::uint64_t seed) {
  auto world = lm::synthetic::generate({.seed = seed, .opportunities = 300, .interviews_per_opportunity = 3, .calls = 1});
  auto s = std::move(world.snapshot);
  const char* roles[] = {"interviewer", "team member", "limited team member", "admin", "super admin"};
  for (std::size_t i = 0; i < s.users.size(); ++i) {
    s.users[i].access_role = roles[(i * 7 + seed) % 5];
    if (i % 11 == 3) s.users[i].deactivated_at = leverkit::from_unix_ms(1'700'000'000'000);
  }
  // A repeated user id with another role: the first object must win in both lookups.
  if (!s.users.empty()) s.users.push_back(make_user(s.users.front().id, "super admin"));
  s.users.push_back(make_user("ghost-admin", "admin"));
  const auto uid = [&](std::size_t k) { return s.users[k % s.users.size()].id; };
  for (std::size_t i = 0; i < s.postings.size(); ++i) {
    s.postings[i].owner = Expandable<leverkit::User>{.id = uid(i * 3 + 1)};
    if (i % 4 != 2) s.postings[i].hiring_manager = Expandable<leverkit::User>{.id = uid(i * 5 + 2)};
    s.postings[i].confidentiality = i % 3 == 0 ? "confidential" : "non-confidential";
  }
  for (std::size_t i = 0; i < s.opportunities.size(); ++i) {
    auto& o = s.opportunities[i];
    if (i % 5 != 4) o.owner = Expandable<leverkit::User>{.id = uid(i * 13 + 5)};
    else o.owner = Expandable<leverkit::User>{.id = "not-a-user"};
    if (i % 2 == 0) o.followers = {Expandable<leverkit::User>{.id = uid(i + 9)}};
    if (i % 17 == 1) o.confidentiality = "confidential";
  }
  // Panels for the first interviews' panel ids (debriefs link to these), one panel id unknown.
  std::set<std::string> seen;
  for (const auto& iv : s.interviews) {
    if (!iv.panel || seen.size() >= 60 || !seen.insert(*iv.panel).second) continue;
    leverkit::Panel p;
    p.id = *iv.panel;
    for (const auto& other : s.interviews)
      if (other.panel == iv.panel) p.interviews.push_back(other);
    s.panels.push_back(std::move(p));
  }
  return s;
}

std::vector<lm::MatchResult> results_for(const lm::LeverSnapshot& s) {
  std::vector<lm::MatchResult> out;
  int n = 0;
  for (const auto& iv : s.interviews) {
    lm::MatchResult r;
    r.call_id = "call-" + std::to_string(n);
    r.status = n % 9 == 8 ? lm::MatchStatus::needs_review : lm::MatchStatus::matched;
    r.opportunity_id = iv.opportunity_id;
    switch (n % 6) {
      case 0: r.interview_id = iv.id; r.panel_id = iv.panel; break;
      case 1: r.interview_id = iv.id; break;                       // panel from the interview
      case 2: r.panel_id = iv.panel; break;                        // a debrief: panel only
      case 3: r.interview_id = "no-such-interview"; break;         // unknown interview
      case 4: r.interview_id = iv.id; r.panel_id = "no-such-panel"; break;
      default: r.interview_id = iv.id; r.opportunity_id = "no-such-opportunity"; break;
    }
    out.push_back(std::move(r));
    ++n;
  }
  return out;
}

void require_same(const li::AccessDecision& a, const li::AccessDecision& b) {
  INFO("call " << a.call_id);
  CHECK(a.call_id == b.call_id);
  CHECK(a.matched == b.matched);
  CHECK(a.confidential == b.confidential);
  CHECK(a.opportunity_id == b.opportunity_id);
  CHECK(a.posting_id == b.posting_id);
  CHECK(a.excluded == b.excluded);
  REQUIRE(a.viewers.size() == b.viewers.size());
  for (std::size_t i = 0; i < a.viewers.size(); ++i) {
    CHECK(a.viewers[i].user_id == b.viewers[i].user_id);
    CHECK(a.viewers[i].name == b.viewers[i].name);
    CHECK(a.viewers[i].email == b.viewers[i].email);
    CHECK(a.viewers[i].access_role == b.viewers[i].access_role);
    CHECK(a.viewers[i].known == b.viewers[i].known);
    CHECK(a.viewers[i].reasons == b.viewers[i].reasons);
  }
}

}  // namespace

TEST_CASE("AccessIndex: lookups by id keep the first of a repeated id, and unknown or empty ids answer nothing") {
  lm::LeverSnapshot s;
  s.users = {make_user("u1", "admin"), make_user("u2", "interviewer"), make_user("u1", "super admin"), make_user("", "admin")};
  s.interviews = {interview("i1", "p1"), interview("i2", std::nullopt), interview("i3", "p1"), interview("i1", "p2")};
  li::AccessIndex a{s};
  REQUIRE(a.user("u1") == &s.users[0]);
  CHECK(a.user("u2") == &s.users[1]);
  CHECK(a.user("") == nullptr);
  CHECK(a.user("u3") == nullptr);
  CHECK(a.interview("i1") == &s.interviews[0]);
  CHECK(a.opportunity("o1") == nullptr);
  CHECK(a.posting("") == nullptr);
  CHECK(a.panel("p1") == nullptr);
  CHECK(&a.snapshot() == &s);

  auto p1 = a.panel_interviews("p1");
  REQUIRE(p1.size() == 2);
  CHECK(p1[0] == &s.interviews[0]);
  CHECK(p1[1] == &s.interviews[2]);
  REQUIRE(a.panel_interviews("p2").size() == 1);
  CHECK(a.panel_interviews("p2")[0] == &s.interviews[3]);  // a repeated interview id still counts for its panel
  CHECK(a.panel_interviews("").empty());
  CHECK(a.panel_interviews("p9").empty());
}

TEST_CASE("AccessIndex: users_with_roles answers in snapshot order, each user once however the roles are listed") {
  lm::LeverSnapshot s;
  s.users = {make_user("a", "super admin"), make_user("b", "admin"), make_user("c", "interviewer"), make_user("d", "admin"),
             make_user("e", "super admin", false)};
  li::AccessIndex a{s};
  const std::vector<std::string> both{"admin", "super admin"};
  CHECK(ids(a.users_with_roles(both)) == std::vector<std::string>{"a/super admin", "b/admin", "d/admin", "e/super admin"});
  const std::vector<std::string> twice{"super admin", "admin", "super admin"};
  CHECK(ids(a.users_with_roles(twice)) == ids(a.users_with_roles(both)));
  const std::vector<std::string> none{"owner"};
  CHECK(a.users_with_roles(none).empty());
  CHECK(a.users_with_roles({}).empty());
}

TEST_CASE("AccessIndex: decisions equal the scanning decide_access for every call of a synthetic account") {
  for (std::uint64_t seed : {3u, 11u}) {
    const auto s = account(seed);
    const li::AccessIndex index{s};
    const auto results = results_for(s);
    REQUIRE(results.size() >= 600);
    li::AccessPolicy wide_policy;
    wide_policy.opportunity_followers = true;
    wide_policy.confidential_panel_interviewers = true;
    wide_policy.unmatched_roles = {"super admin"};
    wide_policy.always_allow = {"compliance"};
    std::set<li::AccessReason> reasons_seen;
    std::size_t confidential = 0, excluded = 0, unknown_viewers = 0;
    const li::AccessPolicy defaults;
    const li::AccessPolicy& wide = wide_policy;
    for (const li::AccessPolicy* policy : {&defaults, &wide}) {
      for (const auto& r : results) {
        const auto scanned = li::decide_access(s, r, *policy);
        const auto indexed = li::decide_access(index, r, *policy);
        require_same(scanned, indexed);
        confidential += indexed.confidential;
        excluded += indexed.excluded.size();
        for (const auto& g : indexed.viewers) {
          reasons_seen.insert(g.reasons.begin(), g.reasons.end());
          unknown_viewers += !g.known;
        }
      }
    }
    // The account really exercises the rules the two lookups must agree on.
    CHECK(reasons_seen.size() == 8);
    CHECK(confidential > 100);
    CHECK(excluded > 100);
    CHECK(unknown_viewers > 0);
  }
}

TEST_CASE("may_see: true for exactly the viewers of a decision") {
  const auto s = account(5);
  const li::AccessIndex index{s};
  std::size_t checked = 0;
  for (const auto& r : results_for(s)) {
    const auto d = li::decide_access(index, r);
    const auto listed = [&](const std::string& id) {
      return std::any_of(d.viewers.begin(), d.viewers.end(), [&](const li::AccessGrant& g) { return g.user_id == id; });
    };
    for (const auto& g : d.viewers) {
      CHECK(li::may_see(d, g.user_id));
      // Near misses (a longer or shorter id) answer as the list does.
      const auto longer = g.user_id + "x";
      CHECK(li::may_see(d, longer) == listed(longer));
      if (!g.user_id.empty()) {
        const auto shorter = g.user_id.substr(0, g.user_id.size() - 1);
        CHECK(li::may_see(d, shorter) == listed(shorter));
      }
      ++checked;
    }
    CHECK_FALSE(li::may_see(d, ""));
    CHECK_FALSE(li::may_see(d, "not-a-user-id"));
  }
  CHECK(checked > 1000);
}

TEST_CASE("may_see: a viewer a host appends out of order is still seen") {
  li::AccessDecision d;
  d.viewers.push_back({.user_id = "m"});
  d.viewers.push_back({.user_id = "z"});
  d.viewers.push_back({.user_id = "a"});  // appended by the host: the list is no longer sorted
  CHECK(li::may_see(d, "a"));
  CHECK(li::may_see(d, "m"));
  CHECK(li::may_see(d, "z"));
  CHECK_FALSE(li::may_see(d, "b"));
}

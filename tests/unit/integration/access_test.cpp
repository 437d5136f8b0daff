// Access rules for a matched call's notes (leverkit/integration/access.hpp), on a hand-built
// snapshot: who qualifies and why, confidential postings, unmatched calls, deactivated users.
#include <algorithm>

#include <doctest/doctest.h>

#include "leverkit/integration/access.hpp"

namespace li = leverkit::integration;
namespace lm = leverkit::match;
using leverkit::Expandable;

namespace {

leverkit::User user(std::string id, std::string role, bool active = true) {
  leverkit::User u;
  u.id = id;
  u.name = "User " + id;
  u.email = id + "@acme.example";
  u.access_role = std::move(role);
  if (!active) u.deactivated_at = leverkit::from_unix_ms(1'700'000'000'000);
  return u;
}

leverkit::Interview interview(std::string id, std::string panel, std::vector<std::string> who, std::string posting) {
  leverkit::Interview iv;
  iv.id = std::move(id);
  iv.panel = std::move(panel);
  for (auto& w : who) iv.interviewers.push_back({.id = w, .name = "User " + w, .email = w + "@acme.example"});
  iv.postings.push_back({.id = std::move(posting)});
  iv.opportunity_id = "opp1";
  return iv;
}

lm::LeverSnapshot world(bool confidential) {
  lm::LeverSnapshot s;
  s.users = {user("iv1", "interviewer"),      user("iv2", "interviewer"),  user("iv3", "team member"),
             user("rec", "team member"),      user("hm", "team member"),   user("pown", "team member"),
             user("adm", "admin"),            user("sup", "super admin"),  user("gone", "admin", false),
             user("ltm", "limited team member")};
  leverkit::Opportunity o;
  o.id = "opp1";
  o.name = "Dana Reyes";
  o.owner = Expandable<leverkit::User>{.id = "rec"};
  o.followers = {Expandable<leverkit::User>{.id = "ltm"}};
  s.opportunities.push_back(o);
  leverkit::Posting p;
  p.id = "post1";
  p.text = "Staff Engineer";
  p.owner = Expandable<leverkit::User>{.id = "pown"};
  p.hiring_manager = Expandable<leverkit::User>{.id = "hm"};
  p.confidentiality = confidential ? "confidential" : "non-confidential";
  s.postings.push_back(p);
  s.interviews.push_back(interview("ivA", "pan1", {"iv1", "iv2"}, "post1"));
  s.interviews.push_back(interview("ivB", "pan1", {"iv3"}, "post1"));
  return s;
}

lm::MatchResult matched() {
  lm::MatchResult r;
  r.call_id = "call-1";
  r.status = lm::MatchStatus::matched;
  r.opportunity_id = "opp1";
  r.interview_id = "ivA";
  r.panel_id = "pan1";
  return r;
}

std::vector<li::AccessReason> reasons_of(const li::AccessDecision& d, std::string_view id) {
  for (const auto& g : d.viewers)
    if (g.user_id == id) return g.reasons;
  return {};
}

bool has(const std::vector<li::AccessReason>& rs, li::AccessReason r) {
  return std::find(rs.begin(), rs.end(), r) != rs.end();
}

}  // namespace

TEST_CASE("access: a matched call is visible to interviewers, panel, recruiter, hiring manager, posting owner, admins") {
  auto d = li::decide_access(world(false), matched());
  CHECK(d.matched);
  CHECK_FALSE(d.confidential);
  CHECK(d.posting_id == "post1");
  CHECK(has(reasons_of(d, "iv1"), li::AccessReason::interviewer));
  CHECK(has(reasons_of(d, "iv2"), li::AccessReason::interviewer));
  CHECK(has(reasons_of(d, "iv3"), li::AccessReason::panel_interviewer));
  CHECK(has(reasons_of(d, "rec"), li::AccessReason::opportunity_owner));
  CHECK(has(reasons_of(d, "hm"), li::AccessReason::posting_hiring_manager));
  CHECK(has(reasons_of(d, "pown"), li::AccessReason::posting_owner));
  CHECK(has(reasons_of(d, "adm"), li::AccessReason::admin_role));
  CHECK(has(reasons_of(d, "sup"), li::AccessReason::admin_role));
  // Followers are off by default; deactivated admins never see anything.
  CHECK_FALSE(li::may_see(d, "ltm"));
  CHECK_FALSE(li::may_see(d, "gone"));
  CHECK(std::find(d.excluded.begin(), d.excluded.end(), "gone: deactivated") != d.excluded.end());
  CHECK(d.viewers.size() == 8);
  CHECK(std::is_sorted(d.viewers.begin(), d.viewers.end(),
                       [](const auto& a, const auto& b) { return a.user_id < b.user_id; }));
}

TEST_CASE("access: a confidential posting keeps the people named on it and super admins, not admins") {
  auto d = li::decide_access(world(true), matched());
  CHECK(d.confidential);
  for (auto id : {"iv1", "iv2", "rec", "hm", "pown", "sup"}) CHECK_MESSAGE(li::may_see(d, id), id);
  CHECK_FALSE(li::may_see(d, "adm"));  // an account admin is not on the confidential posting
  CHECK_FALSE(li::may_see(d, "iv3"));  // another interview of the panel: not by default
  li::AccessPolicy wider;
  wider.confidential_panel_interviewers = true;
  wider.confidential_roles = {"super admin", "admin"};
  auto w = li::decide_access(world(true), matched(), wider);
  CHECK(li::may_see(w, "iv3"));
  CHECK(li::may_see(w, "adm"));
}

TEST_CASE("access: a posting missing from the snapshot is treated as confidential (fail closed)") {
  auto snap = world(false);
  snap.postings.clear();  // e.g. a confidential posting the key cannot list
  auto d = li::decide_access(snap, matched());
  CHECK(d.confidential);
  CHECK(li::may_see(d, "iv1"));
  CHECK(li::may_see(d, "sup"));
  CHECK_FALSE(li::may_see(d, "adm"));
}

TEST_CASE("access: an opportunity marked confidential is restricted even on an ordinary posting") {
  auto s = world(false);
  s.opportunities[0].confidentiality = "confidential";
  auto d = li::decide_access(s, matched());
  CHECK(d.confidential);
  CHECK_FALSE(li::may_see(d, "adm"));
  CHECK(li::may_see(d, "rec"));
}

TEST_CASE("access: calls that are not matched are visible to nobody unless the policy names triage roles") {
  auto r = matched();
  r.status = lm::MatchStatus::needs_review;
  auto d = li::decide_access(world(false), r);
  CHECK_FALSE(d.matched);
  CHECK(d.viewers.empty());
  li::AccessPolicy triage;
  triage.unmatched_roles = {"super admin"};
  triage.always_allow = {"compliance-1"};
  auto t = li::decide_access(world(false), r, triage);
  REQUIRE(t.viewers.size() == 2);
  CHECK(li::may_see(t, "sup"));
  CHECK(li::may_see(t, "compliance-1"));
  CHECK_FALSE(t.viewers[0].known);  // "compliance-1" sorts first and is not in the snapshot
}

TEST_CASE("access: every rule can be switched off, followers on") {
  li::AccessPolicy p;
  p.panel_interviewers = false;
  p.posting_owner = false;
  p.posting_hiring_manager = false;
  p.opportunity_owner = false;
  p.admin_roles = {};
  p.opportunity_followers = true;
  auto d = li::decide_access(world(false), matched(), p);
  std::vector<std::string> ids;
  for (const auto& g : d.viewers) ids.push_back(g.user_id);
  CHECK(ids == std::vector<std::string>{"iv1", "iv2", "ltm"});
  CHECK(has(reasons_of(d, "ltm"), li::AccessReason::opportunity_follower));
}

TEST_CASE("access: a debrief links to a panel, the panel's interviewers may see it") {
  auto r = matched();
  r.interview_id.reset();
  auto d = li::decide_access(world(false), r);
  CHECK(li::may_see(d, "iv1"));
  CHECK(li::may_see(d, "iv3"));
  CHECK(has(reasons_of(d, "iv1"), li::AccessReason::panel_interviewer));
  CHECK(d.posting_id == "post1");  // found through the panel's interviews
}

// Access rules for a matched call (docs/adr/0065-access-rules-for-call-notes.md).
#include "leverkit/integration/access.hpp"

#include "leverkit/integration/access_index.hpp"

#include <algorithm>
#include <map>
#include <span>

#include <fmt/format.h>

namespace leverkit::inline v0::integration {

std::string_view to_string(AccessReason r) noexcept {
  switch (r) {
    case AccessReason::interviewer: return "interviewer";
    case AccessReason::panel_interviewer: return "panel_interviewer";
    case AccessReason::opportunity_owner: return "opportunity_owner";
    case AccessReason::posting_hiring_manager: return "posting_hiring_manager";
    case AccessReason::posting_owner: return "posting_owner";
    case AccessReason::opportunity_follower: return "opportunity_follower";
    case AccessReason::admin_role: return "admin_role";
    case AccessReason::always_allowed: return "always_allowed";
  }
  return "unknown";
}

namespace {

bool contains(const std::vector<std::string>& xs, std::string_view x) {
  return std::find(xs.begin(), xs.end(), x) != xs.end();
}

template <class T>
const T* by_id(const std::vector<T>& xs, std::string_view id) {
  if (id.empty()) return nullptr;
  auto it = std::find_if(xs.begin(), xs.end(), [&](const T& x) { return x.id == id; });
  return it == xs.end() ? nullptr : &*it;
}

// The two ways decide() looks things up. Both answer in snapshot order with the first object of
// a repeated id, so their decisions are identical (tests/unit/integration/access_index_test.cpp).

/// Scans the snapshot: O(objects) per call, nothing to build — one call, or a baseline.
class ScanLookup {
 public:
  explicit ScanLookup(const match::LeverSnapshot& s) : s_(s) {}
  const Opportunity* opportunity(std::string_view id) const { return by_id(s_.opportunities, id); }
  const Interview* interview(std::string_view id) const { return by_id(s_.interviews, id); }
  const Posting* posting(std::string_view id) const { return by_id(s_.postings, id); }
  const Panel* panel(std::string_view id) const { return by_id(s_.panels, id); }
  const User* user(std::string_view id) const { return by_id(s_.users, id); }
  std::vector<const Interview*> panel_interviews(std::string_view panel_id) const {
    std::vector<const Interview*> out;
    for (const auto& iv : s_.interviews)
      if (iv.panel == panel_id) out.push_back(&iv);
    return out;
  }
  std::vector<const User*> users_with_roles(std::span<const std::string> roles) const {
    std::vector<const User*> out;
    for (const auto& u : s_.users)
      if (std::find(roles.begin(), roles.end(), u.access_role) != roles.end()) out.push_back(&u);
    return out;
  }

 private:
  const match::LeverSnapshot& s_;
};

/// Whether the reason comes from being named on this candidate's process (kept on confidential
/// postings) rather than from a role or a wider circle.
bool named_reason(AccessReason r, const AccessPolicy& policy) {
  switch (r) {
    case AccessReason::interviewer:
    case AccessReason::opportunity_owner:
    case AccessReason::posting_hiring_manager:
    case AccessReason::posting_owner:
    case AccessReason::opportunity_follower:
    case AccessReason::always_allowed: return true;
    case AccessReason::panel_interviewer: return policy.confidential_panel_interviewers;
    case AccessReason::admin_role: return false;
  }
  return false;
}

template <class Lookup>
AccessDecision decide(const Lookup& look, const match::MatchResult& result, const AccessPolicy& policy) {
  AccessDecision out;
  out.call_id = result.call_id;
  out.matched = result.status == match::MatchStatus::matched;
  out.opportunity_id = result.opportunity_id.value_or("");

  std::map<std::string, std::vector<AccessReason>> reasons;  // user id -> reasons, ordered by id
  auto add = [&](std::string_view user_id, AccessReason why) {
    if (user_id.empty()) return;
    auto& rs = reasons[std::string(user_id)];
    if (std::find(rs.begin(), rs.end(), why) == rs.end()) rs.push_back(why);
  };

  // Unmatched calls: only the triage roles (and the always-allowed) may look.
  if (!out.matched) {
    for (const User* u : look.users_with_roles(policy.unmatched_roles)) add(u->id, AccessReason::admin_role);
    for (const auto& id : policy.always_allow) add(id, AccessReason::always_allowed);
  } else {
    const Opportunity* opp = look.opportunity(out.opportunity_id);
    const Interview* iv = result.interview_id ? look.interview(*result.interview_id) : nullptr;
    std::string panel_id = result.panel_id.value_or(iv && iv->panel ? *iv->panel : std::string());
    const auto panel_ivs = look.panel_interviews(panel_id);  // empty for an empty id

    // The posting: the interview's, else the opportunity's application.
    if (iv && !iv->postings.empty()) out.posting_id = iv->postings.front().id;
    if (out.posting_id.empty() && !panel_id.empty())
      for (const Interview* other : panel_ivs)
        if (!other->postings.empty()) {
          out.posting_id = other->postings.front().id;
          break;
        }
    if (out.posting_id.empty() && opp)
      for (const auto& app : opp->applications)
        if (app.object && app.object->posting) {
          out.posting_id = app.object->posting->id;
          break;
        }
    const Posting* posting = look.posting(out.posting_id);
    // A posting the snapshot does not hold is most often one the key may not see (confidential
    // postings are hidden without confidential access): fail closed, not open.
    const bool posting_unknown = !out.posting_id.empty() && !posting;
    out.confidential = posting_unknown || (posting && posting->confidentiality == "confidential") ||
                       (opp && opp->confidentiality == "confidential");

    if (policy.interviewers && iv)
      for (const auto& who : iv->interviewers) add(who.id, AccessReason::interviewer);
    if (policy.panel_interviewers && !panel_id.empty()) {
      for (const Interview* other : panel_ivs)
        if (!iv || other->id != iv->id)
          for (const auto& who : other->interviewers) add(who.id, AccessReason::panel_interviewer);
      // A debrief links to a panel, not an interview: its interviewers are the panel's.
      if (!iv && policy.interviewers)
        if (const Panel* p = look.panel(panel_id))
          for (const auto& piv : p->interviews)
            for (const auto& who : piv.interviewers) add(who.id, AccessReason::panel_interviewer);
    }
    if (opp && policy.opportunity_owner && opp->owner) add(opp->owner->id, AccessReason::opportunity_owner);
    if (opp && policy.opportunity_followers)
      for (const auto& f : opp->followers) add(f.id, AccessReason::opportunity_follower);
    if (posting && policy.posting_hiring_manager && posting->hiring_manager)
      add(posting->hiring_manager->id, AccessReason::posting_hiring_manager);
    if (posting && policy.posting_owner && posting->owner) add(posting->owner->id, AccessReason::posting_owner);
    const auto& roles = out.confidential ? policy.confidential_roles : policy.admin_roles;
    for (const User* u : look.users_with_roles(roles)) add(u->id, AccessReason::admin_role);
    for (const auto& id : policy.always_allow) add(id, AccessReason::always_allowed);

    if (out.confidential) {
      for (const User* u : look.users_with_roles(policy.admin_roles))
        if (u->active() && !contains(policy.confidential_roles, u->access_role) && !reasons.contains(u->id))
          out.excluded.push_back(fmt::format("{}: {} role on a confidential posting", u->id, u->access_role));
      for (auto it = reasons.begin(); it != reasons.end();) {
        auto& rs = it->second;
        bool named = std::any_of(rs.begin(), rs.end(), [&](AccessReason r) { return named_reason(r, policy); });
        bool role = std::find(rs.begin(), rs.end(), AccessReason::admin_role) != rs.end();
        if (!named && !role) {
          out.excluded.push_back(fmt::format("{}: not named on a confidential posting", it->first));
          it = reasons.erase(it);
        } else {
          ++it;
        }
      }
    }
  }

  for (auto& [id, rs] : reasons) {
    const User* u = look.user(id);
    if (u && !u->active()) {
      out.excluded.push_back(fmt::format("{}: deactivated", id));
      continue;
    }
    AccessGrant g;
    g.user_id = id;
    g.known = u != nullptr;
    if (u) {
      g.name = u->name;
      g.email = u->email;
      g.access_role = u->access_role;
    }
    g.reasons = rs;
    out.viewers.push_back(std::move(g));
  }
  return out;
}

/// Looks up in an AccessIndex: O(answer) per call.
class IndexLookup {
 public:
  explicit IndexLookup(const AccessIndex& a) : a_(a) {}
  const Opportunity* opportunity(std::string_view id) const { return a_.opportunity(id); }
  const Interview* interview(std::string_view id) const { return a_.interview(id); }
  const Posting* posting(std::string_view id) const { return a_.posting(id); }
  const Panel* panel(std::string_view id) const { return a_.panel(id); }
  const User* user(std::string_view id) const { return a_.user(id); }
  std::span<const Interview* const> panel_interviews(std::string_view panel_id) const {
    return a_.panel_interviews(panel_id);
  }
  std::vector<const User*> users_with_roles(std::span<const std::string> roles) const {
    return a_.users_with_roles(roles);
  }

 private:
  const AccessIndex& a_;
};

}  // namespace

AccessDecision decide_access(const match::LeverSnapshot& snapshot, const match::MatchResult& result,
                             const AccessPolicy& policy) {
  return decide(ScanLookup(snapshot), result, policy);
}

AccessDecision decide_access(const AccessIndex& index, const match::MatchResult& result, const AccessPolicy& policy) {
  return decide(IndexLookup(index), result, policy);
}

bool may_see(const AccessDecision& decision, std::string_view user_id) noexcept {
  // A scan, not a binary search: a host may append viewers of its own, and an unsorted list must
  // still answer right. Viewer lists are short (the people on one candidate's process).
  return std::any_of(decision.viewers.begin(), decision.viewers.end(),
                     [&](const AccessGrant& g) { return g.user_id == user_id; });
}

}  // namespace leverkit::integration

// Access rules for a matched call (docs/adr/0065-access-rules-for-call-notes.md).
#include "leverkit/integration/access.hpp"

#include <algorithm>
#include <map>

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

}  // namespace

AccessDecision decide_access(const match::LeverSnapshot& snap, const match::MatchResult& result,
                             const AccessPolicy& policy) {
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
    for (const auto& u : snap.users)
      if (contains(policy.unmatched_roles, u.access_role)) add(u.id, AccessReason::admin_role);
    for (const auto& id : policy.always_allow) add(id, AccessReason::always_allowed);
  } else {
    const Opportunity* opp = by_id(snap.opportunities, out.opportunity_id);
    const Interview* iv = result.interview_id ? by_id(snap.interviews, *result.interview_id) : nullptr;
    std::string panel_id = result.panel_id.value_or(iv && iv->panel ? *iv->panel : std::string());

    // The posting: the interview's, else the opportunity's application.
    if (iv && !iv->postings.empty()) out.posting_id = iv->postings.front().id;
    if (out.posting_id.empty() && !panel_id.empty())
      for (const auto& other : snap.interviews)
        if (other.panel == panel_id && !other.postings.empty()) {
          out.posting_id = other.postings.front().id;
          break;
        }
    if (out.posting_id.empty() && opp)
      for (const auto& app : opp->applications)
        if (app.object && app.object->posting) {
          out.posting_id = app.object->posting->id;
          break;
        }
    const Posting* posting = by_id(snap.postings, out.posting_id);
    // A posting the snapshot does not hold is most often one the key may not see (confidential
    // postings are hidden without confidential access): fail closed, not open.
    const bool posting_unknown = !out.posting_id.empty() && !posting;
    out.confidential = posting_unknown || (posting && posting->confidentiality == "confidential") ||
                       (opp && opp->confidentiality == "confidential");

    if (policy.interviewers && iv)
      for (const auto& who : iv->interviewers) add(who.id, AccessReason::interviewer);
    if (policy.panel_interviewers && !panel_id.empty()) {
      for (const auto& other : snap.interviews)
        if (other.panel == panel_id && (!iv || other.id != iv->id))
          for (const auto& who : other.interviewers) add(who.id, AccessReason::panel_interviewer);
      // A debrief links to a panel, not an interview: its interviewers are the panel's.
      if (!iv && policy.interviewers)
        if (const Panel* p = by_id(snap.panels, panel_id))
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
    for (const auto& u : snap.users)
      if (contains(roles, u.access_role)) add(u.id, AccessReason::admin_role);
    for (const auto& id : policy.always_allow) add(id, AccessReason::always_allowed);

    if (out.confidential) {
      for (const auto& u : snap.users)
        if (u.active() && contains(policy.admin_roles, u.access_role) && !contains(policy.confidential_roles, u.access_role) &&
            !reasons.contains(u.id))
          out.excluded.push_back(fmt::format("{}: {} role on a confidential posting", u.id, u.access_role));
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
    const User* u = by_id(snap.users, id);
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

bool may_see(const AccessDecision& decision, std::string_view user_id) noexcept {
  return std::any_of(decision.viewers.begin(), decision.viewers.end(),
                     [&](const AccessGrant& g) { return g.user_id == user_id; });
}

}  // namespace leverkit::integration

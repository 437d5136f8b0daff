// Generated users: every access role, some deactivated, some with managers and directory ids.
#include <fmt/format.h>

#include "generator/vocabulary.hpp"
#include "generator/world.hpp"

namespace leverkit::sandbox::detail::gen {

void generate_users(World& w) {
  Store& s = w.s;
  Rng& rng = w.rng;
  const std::int64_t now = w.now;
  const std::int64_t history_start = w.history_start;
  auto& recruiters = w.recruiters;
  auto& managers = w.managers;
  auto& interviewers = w.interviewers;
  auto& all_users = w.all_users;
  struct RoleCount {
    std::string_view role;
    int count;
  };
  constexpr std::array<RoleCount, 5> kRoles{{{"super admin", 2}, {"admin", 3}, {"team member", 9},
                                             {"limited team member", 4}, {"interviewer", 12}}};
  int user_no = 0;
  for (auto [role, count] : kRoles) {
    for (int i = 0; i < count; ++i, ++user_no) {
      const Name& f = kFirst[(user_no * 7 + 3) % kFirst.size()];
      const Name& l = kLast[(user_no * 5 + 1) % kLast.size()];
      std::string username = fmt::format("{}.{}", f.ascii, l.ascii);
      if (user_no >= static_cast<int>(kFirst.size())) username += std::to_string(user_no);
      Value u = Value::object();
      std::string id = rng.uuid();
      u.set("id", id);
      u.set("name", fmt::format("{} {}", f.display, l.display));
      u.set("username", username);
      u.set("email", username + "@acme-robotics.example");
      u.set("accessRole", role);
      u.set("photo", user_no % 3 == 0 ? Value(fmt::format("https://lever-client-photos.example/{}.png", rng.hex(12)))
                                       : Value());
      u.set("createdAt", history_start - static_cast<std::int64_t>(rng.below(400)) * kDay);
      bool deactivated = (user_no % 9 == 8);
      u.set("deactivatedAt", deactivated ? Value(now - static_cast<std::int64_t>(rng.below(200)) * kDay) : Value());
      u.set("externalDirectoryId", user_no % 2 == 0 ? Value(fmt::format("okta-{}", rng.hex(10))) : Value());
      u.set("linkedContactIds", Value());
      static constexpr std::array<std::string_view, 6> kTitles{
          "Recruiter", "Engineering Manager", "Staff Engineer", "Head of People", "Designer", "Sales Director"};
      u.set("jobTitle", user_no % 4 == 3 ? Value() : Value(kTitles[user_no % kTitles.size()]));
      u.set("managerId", all_users.empty() || user_no % 3 == 0 ? Value() : Value(all_users[user_no % all_users.size()]));
      s.users.add(std::move(u));
      all_users.push_back(id);
      if (deactivated) continue;
      if (role == "super admin" || role == "admin") recruiters.push_back(id);
      if (role == "team member") {
        managers.push_back(id);
        interviewers.push_back(id);
      }
      if (role == "interviewer" || role == "limited team member") interviewers.push_back(id);
    }
  }
}

}  // namespace leverkit::sandbox::detail::gen

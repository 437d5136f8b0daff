#include "leverkit/match/email.hpp"

#include <array>

#include "text_util.hpp"

namespace leverkit::inline v0::match {
namespace {

using detail::ends_with;
using detail::starts_with;

// Free-mail domain families. Sources: validator.js normalizeEmail (provider rules), provider docs
// on subaddressing (Gmail, Outlook.com, iCloud, Fastmail, Proton, Yandex).
constexpr std::array<std::string_view, 2> kGmail{"gmail.com", "googlemail.com"};
bool is_outlook_family(std::string_view d) {
  return starts_with(d, "hotmail.") || starts_with(d, "outlook.") || starts_with(d, "live.") ||
         d == "msn.com" || d == "passport.com" || d == "windowslive.com";
}
bool is_yahoo_family(std::string_view d) {
  return starts_with(d, "yahoo.") || d == "ymail.com" || d == "rocketmail.com";
}
bool is_icloud(std::string_view d) { return d == "icloud.com" || d == "me.com" || d == "mac.com"; }
bool is_yandex(std::string_view d) {
  return d == "yandex.ru" || d == "yandex.ua" || d == "yandex.kz" || d == "yandex.com" ||
         d == "yandex.by" || d == "ya.ru";
}
bool is_plus_provider(std::string_view d) {
  return is_outlook_family(d) || is_icloud(d) || d == "fastmail.com" || d == "fastmail.fm" ||
         d == "proton.me" || d == "protonmail.com" || d == "pm.me" || is_yandex(d);
}
bool is_other_free(std::string_view d) {
  return d == "aol.com" || d == "gmx.com" || d == "gmx.de" || d == "gmx.net" || d == "web.de" ||
         d == "mail.com" || d == "zoho.com" || d == "qq.com" || d == "163.com" || d == "126.com" ||
         d == "mail.ru" || d == "hey.com" || d == "tutanota.com" || d == "naver.com" ||
         d == "comcast.net" || d == "verizon.net" || d == "att.net" || d == "orange.fr" ||
         d == "free.fr" || d == "btinternet.com" || d == "rediffmail.com";
}

std::string strip_plus(std::string_view local) {
  auto p = local.find('+');
  return std::string(p == std::string_view::npos ? local : local.substr(0, p));
}

}  // namespace

bool is_personal_email_domain(std::string_view d) noexcept {
  return d == kGmail[0] || d == kGmail[1] || is_outlook_family(d) || is_yahoo_family(d) ||
         is_icloud(d) || is_plus_provider(d) || is_other_free(d);
}

std::optional<EmailKey> normalize_email(std::string_view raw) {
  std::string_view s = detail::trim(raw);
  // Display-name form: "Jane Doe <jane@x.com>".
  if (auto lt = s.find('<'); lt != std::string_view::npos) {
    auto gt = s.find('>', lt);
    if (gt == std::string_view::npos) return std::nullopt;
    s = detail::trim(s.substr(lt + 1, gt - lt - 1));
  }
  if (s.size() >= 7 && detail::lower(s.substr(0, 7)) == "mailto:") s.remove_prefix(7);
  if (auto q = s.find('?'); q != std::string_view::npos) s = s.substr(0, q);
  auto at = s.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= s.size()) return std::nullopt;
  for (char c : s) if (detail::is_space(c) || c == '<' || c == '>' || c == ',') return std::nullopt;
  std::string local = detail::lower(s.substr(0, at));
  std::string domain = detail::lower(s.substr(at + 1));
  while (!domain.empty() && domain.back() == '.') domain.pop_back();
  if (domain.find('.') == std::string::npos) return std::nullopt;
  if (domain == "googlemail.com") domain = "gmail.com";

  EmailKey k;
  k.exact = local + "@" + domain;
  k.local = local;
  k.domain = domain;
  k.personal_provider = is_personal_email_domain(domain);
  std::string prov_local = local;
  if (domain == "gmail.com") {
    prov_local = strip_plus(local);
    std::erase(prov_local, '.');
  } else if (is_plus_provider(domain)) {
    prov_local = strip_plus(local);
    if (is_yandex(domain)) domain = "yandex.ru";
  } else if (is_yahoo_family(domain)) {
    if (auto dash = local.rfind('-'); dash != std::string::npos && dash > 0) prov_local = local.substr(0, dash);
  }
  k.provider = prov_local + "@" + domain;
  k.plus_stripped = strip_plus(prov_local) + "@" + domain;
  return k;
}

bool is_role_mailbox(const EmailKey& key) noexcept {
  static constexpr std::array<std::string_view, 16> kRole{
      "recruiting", "recruiter", "recruitment", "careers", "jobs", "talent", "hr", "noreply",
      "no-reply", "donotreply", "do-not-reply", "calendar", "scheduling", "notifications",
      "hiring", "interviews"};
  for (auto r : kRole) if (key.local == r) return true;
  return ends_with(key.domain, "resource.calendar.google.com") || ends_with(key.domain, "group.calendar.google.com") ||
         ends_with(key.domain, "calendar.google.com");
}

}  // namespace leverkit::match

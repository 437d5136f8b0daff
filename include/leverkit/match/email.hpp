// leverkit/match/email.hpp — email addresses reduced to the keys a mail provider treats as equal.
//
// What: `EmailKey` with three keys of decreasing strictness: `exact` (trimmed, lower-cased,
// `mailto:` and display name removed), `provider` (dots and +tags folded only where the provider
// ignores them: Gmail/Googlemail dots and +tags; +tags at Outlook.com, iCloud, Fastmail,
// Proton, Yandex; Yahoo's last -tag), and `plus_stripped` (+tag removed on any other domain — a
// weaker level because some organisations use '+' in real mailbox names).
// Errors: `normalize_email` returns nullopt for text that is not an address.
// Thread-safety: pure functions.
// Example:
//   auto k = leverkit::match::normalize_email("Jane <Jane.Doe+jobs@googlemail.com>");
//   k->provider;   // "janedoe@gmail.com"
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace leverkit::inline v0::match {

struct EmailKey {
  std::string exact;
  std::string provider;
  std::string plus_stripped;
  std::string local;             // exact local part
  std::string domain;            // canonical domain (googlemail.com -> gmail.com)
  bool personal_provider = false;  // a free-mail domain (gmail, outlook, yahoo, ...)
};

std::optional<EmailKey> normalize_email(std::string_view raw);

/// True for free-mail domains, which can never identify a company.
bool is_personal_email_domain(std::string_view domain) noexcept;

/// Role or relay mailboxes (recruiting@, no-reply@, calendar resources) are never a candidate.
bool is_role_mailbox(const EmailKey& key) noexcept;

}  // namespace leverkit::match

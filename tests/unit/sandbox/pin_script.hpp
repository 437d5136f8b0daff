// pin_script.hpp — the pieces of the sandbox pin test (pin_test.cpp): digests of the store and of
// a transcript, and the Script that drives an in-process Api on a fake clock and records every
// exchange. The transcript is written in four parts (pin_*.cpp), run in order on one Api.
#pragma once
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "api.hpp"
#include "store.hpp"
#include "value.hpp"

namespace pin {

using namespace leverkit::sandbox::detail;


inline std::string digest(std::string_view text) { return hmac_sha256_hex("leverkit-sandbox-pin", text).substr(0, 16); }

inline std::string dump(const Collection& c) {
  std::string out;
  for (std::size_t i = 0; i < c.size(); ++i) {
    const Record& r = c.at(i);
    write_json(out, r.value);
    out += fmt::format("|{}|{}|{}|{}|{}\n", r.parent, r.deleted, r.api_created, r.posting, r.secret);
  }
  return out;
}

inline std::map<std::string, std::string> store_digests(const Store& s) {
  std::map<std::string, std::string> out;
  const std::pair<const char*, const Collection*> cols[] = {
      {"users", &s.users},
      {"stages", &s.stages},
      {"archive_reasons", &s.archive_reasons},
      {"postings", &s.postings},
      {"feedback_templates", &s.feedback_templates},
      {"form_templates", &s.form_templates},
      {"contacts", &s.contacts},
      {"opportunities", &s.opportunities},
      {"deleted_opportunities", &s.deleted_opportunities},
      {"applications", &s.applications},
      {"panels", &s.panels},
      {"interviews", &s.interviews},
      {"feedback", &s.feedback},
      {"notes", &s.notes},
      {"forms", &s.forms},
      {"webhooks", &s.webhooks}};
  for (auto [name, c] : cols) out[name] = digest(dump(*c));
  std::map<std::string, std::string> emails(s.contact_by_email.begin(), s.contact_by_email.end());
  std::string e = s.account_id + "\n";
  for (const auto& [k, v] : emails) e += k + "=" + v + "\n";
  out["account_and_emails"] = digest(e);
  return out;
}

inline void check_pinned(const std::map<std::string, std::string>& got, const std::map<std::string, std::string>& want,
                  std::string_view what) {
  std::string all;
  for (const auto& [k, v] : got) all += fmt::format("      {{\"{}\", \"{}\"}},\n", k, v);
  for (const auto& [k, v] : want) {
    auto it = got.find(k);
    CHECK_MESSAGE((it != got.end() && it->second == v), what, ": ", k, " changed; digests now:\n", all);
  }
  CHECK_MESSAGE(got.size() == want.size(), what, ": digests now:\n", all);
}

inline constexpr std::string_view kFull = "Basic c2FuZGJveC1mdWxsLWtleTo=";       // sandbox-full-key:
inline constexpr std::string_view kReadOnly = "Basic c2FuZGJveC1yZWFkLW9ubHkta2V5Og==";  // sandbox-read-only-key:

using Params = std::vector<std::pair<std::string, std::string>>;

/// Drives an in-process Api and keeps a per-section transcript of every exchange.
struct Script {
  std::shared_ptr<std::int64_t> clock = std::make_shared<std::int64_t>(1767225600000 + 5 * 86'400'000LL);
  std::unique_ptr<Api> api;
  std::map<std::string, std::string> sections;
  std::string section = "setup";

  explicit Script(leverkit::sandbox::ServerOptions o) {
    o.clock = [c = clock] { return *c; };
    api = std::make_unique<Api>(std::move(o));
    REQUIRE_FALSE(api->load().has_value());
  }

  Value call(std::string method, std::string path, std::string body = {}, Params params = {},
             std::string_view auth = kFull, std::string content_type = "application/json") {
    *clock += 1000;
    ApiRequest r;
    r.method = std::move(method);
    r.path = std::move(path);
    r.body = std::move(body);
    r.params = std::move(params);
    r.content_type = std::move(content_type);
    r.authorization = std::string(auth);
    ApiResponse resp = api->handle(r);
    std::string& t = sections[section];
    t += fmt::format("{} {}", r.method, r.path);
    for (const auto& [k, v] : r.params) t += fmt::format(" {}={}", k, v);
    t += fmt::format(" <{}> -> {} [{}] {} fault={} slow={}", r.body, resp.status, resp.route, resp.content_type,
                     static_cast<int>(resp.fault), resp.slow_ms);
    for (const auto& [k, v] : resp.headers) t += fmt::format(" {}: {}", k, v);
    t += "\n" + resp.body + "\n";
    last_status = resp.status;
    std::string err;
    auto v = parse_json(resp.body, err);
    return v ? std::move(*v) : Value();
  }

  void drain_webhooks() {
    std::string& t = sections[section];
    while (auto d = api->next_delivery(0)) t += fmt::format("webhook {} {} {}\n", d->event, d->url, d->body);
  }

  /// Digest per section. With LEVERKIT_PIN_DUMP=<dir> the transcripts are also written there,
  /// so a changed digest can be explained by diffing the dumps of two builds.
  std::map<std::string, std::string> digests() const {
    std::map<std::string, std::string> out;
    const char* dir = std::getenv("LEVERKIT_PIN_DUMP");
    for (const auto& [k, v] : sections) {
      out[k] = digest(v);
      if (dir && *dir) std::ofstream(std::string(dir) + "/" + k + ".txt", std::ios::binary) << v;
    }
    return out;
  }

  int last_status = 0;
};

inline const Value& data(const Value& v) {
  static const Value kNull;
  const Value* d = v.find("data");
  return d ? *d : kNull;
}

inline std::string location_param(const std::string& url) {
  auto p = url.find("code=");
  if (p == std::string::npos) return {};
  auto e = url.find('&', p);
  return url.substr(p + 5, e == std::string::npos ? std::string::npos : e - p - 5);
}


/// Ids and objects the reads part found, for the later parts.
struct PinIds {
  std::string actor, deactivated, reason, non_hired, posting, opp_with_panel, opp_plain, contact, external_panel,
      internal_panel, internal_interview, seeded_note;
  Value templates, form_templates;
};

/// The transcript parts, in the order the test runs them (each sets its own section).
void pin_reads(Script& s, PinIds& ids);    // pin_reads.cpp
void pin_writes(Script& s, const PinIds& ids);  // pin_writes.cpp
void pin_admin(Script& s, const PinIds& ids);   // pin_admin_oauth.cpp
void pin_oauth(Script& s);                      // pin_admin_oauth.cpp

}  // namespace pin

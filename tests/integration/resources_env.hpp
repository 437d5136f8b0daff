// resources_env.hpp — what the resource integration suites share: an in-process sandbox with
// clients (full, read-only, admin stats), paginator collection, Result unwrapping and valid
// values for any form field. Test-only; every suite includes it.
#pragma once
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "leverkit/client/client.hpp"
#include "leverkit/models/field_value.hpp"
#include "leverkit/sandbox/server.hpp"

namespace resources_test {

namespace sbx = leverkit::sandbox;
using leverkit::Errc;
using leverkit::FieldType;

struct ResEnv {
  ResEnv() : server(defaults()) { REQUIRE(server.start().has_value()); }
  static sbx::ServerOptions defaults() {
    sbx::ServerOptions o;
    o.opportunities = 120;
    o.rate_limit.enabled = false;
    return o;
  }
  leverkit::Client client(std::string_view key = sbx::kFullKey) {
    leverkit::ClientOptions o;
    o.base_url = server.base_url() + "/v1";
    o.rate_limit = {.requests_per_second = 100000.0, .burst = 100000.0};
    o.retry.max_attempts = 2;
    o.retry.initial_backoff = std::chrono::milliseconds(1);
    o.retry.max_backoff = std::chrono::milliseconds(2);
    auto c = leverkit::Client::create(std::make_shared<leverkit::ApiKeyCredentials>(std::string(key)), o);
    REQUIRE(c.has_value());
    return c.value();
  }
  // The admin API lives outside /v1: a second client rooted at /__sandbox reads the stats.
  std::string stats() {
    if (!admin) {
      leverkit::ClientOptions o;
      o.base_url = server.base_url() + "/__sandbox";
      auto c = leverkit::Client::create(std::make_shared<leverkit::ApiKeyCredentials>("unused"), o);
      REQUIRE(c.has_value());
      admin = std::make_unique<leverkit::Client>(c.value());
    }
    auto r = admin->request(leverkit::HttpMethod::get, "/stats");
    REQUIRE(r.has_value());
    return r.value().body;
  }
  // Successful writes the sandbox counted for `resource` ("notes", "feedback", ...).
  long writes(std::string_view resource) { return number_after(stats(), "\"writes\"", resource); }
  // Requests the sandbox received (any status) for a route key such as "POST /v1/opportunities/:id/interviews".
  long requests(std::string_view route) { return number_after(stats(), "\"requests\"", route); }

  static long number_after(const std::string& body, std::string_view section, std::string_view key) {
    auto s = body.find(section);
    REQUIRE(s != std::string::npos);
    auto end = body.find('}', s);
    auto k = body.find("\"" + std::string(key) + "\":", s);
    if (k == std::string::npos || k > end) return 0;
    return std::stol(body.substr(k + key.size() + 3));
  }

  sbx::Server server;
  std::unique_ptr<leverkit::Client> admin;
};

template <class P>
auto collect(P&& paginator) {
  using T = typename std::remove_cvref_t<decltype(*paginator.begin())>::value_type;
  std::vector<T> out;
  for (auto&& r : paginator) {
    REQUIRE_MESSAGE(r.has_value(), (r.has_value() ? std::string() : r.error().to_string()));
    out.push_back(std::move(r).value());
  }
  return out;
}

template <class T>
const T& ok(const leverkit::Result<T>& r) {
  REQUIRE_MESSAGE(r.has_value(), (r.has_value() ? std::string() : r.error().to_string()));
  return r.value();
}
inline void ok_void(const leverkit::Result<void>& r) {
  REQUIRE_MESSAGE(r.has_value(), (r.has_value() ? std::string() : r.error().to_string()));
}

inline leverkit::Timestamp days_from_now(int days) {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now()) +
         std::chrono::hours(24 * days);
}

// A valid value for any fillable field, built with the typed builders.
inline leverkit::FieldValue fill(const leverkit::FormField& f) {
  leverkit::Result<leverkit::FieldValue> v = leverkit::no_value();
  switch (f.type) {
    case FieldType::text:
    case FieldType::textarea:
    case FieldType::code: v = leverkit::text_value(f, "answer to " + f.text); break;
    case FieldType::yes_no: v = leverkit::yes_no_value(f, true); break;
    case FieldType::date: v = leverkit::date_value(f, days_from_now(-3)); break;
    case FieldType::currency: v = leverkit::number_value(f, 85000.0); break;
    case FieldType::dropdown:
    case FieldType::multiple_choice:
    case FieldType::score_system:
      REQUIRE_FALSE(f.options.empty());
      v = leverkit::option_value(f, f.options.back().text);
      break;
    case FieldType::multiple_select:
      REQUIRE_FALSE(f.options.empty());
      v = leverkit::options_value(f, {f.options.front().text});
      break;
    case FieldType::score: v = leverkit::score_value(f, 3); break;
    case FieldType::scorecard: {
      std::vector<leverkit::ScorecardScore> rows;
      for (std::size_t i = 0; i < f.scores.size(); ++i) rows.push_back({.score = 4, .comment = "row"});
      v = leverkit::scorecard_value(f, rows);
      break;
    }
    default: break;
  }
  return ok(v);
}

inline std::string first_user(const leverkit::Client& c) {
  auto users = collect(c.list_users({.limit = 5}));
  REQUIRE_FALSE(users.empty());
  return users.front().id;
}

inline std::vector<leverkit::Opportunity> some_opportunities(const leverkit::Client& c) {
  auto opps = collect(c.list_opportunities({.archived = false, .limit = 100}));
  REQUIRE(opps.size() > 10);
  return opps;
}

inline leverkit::PanelCreate external_panel(const std::string& user, int interviews = 1) {
  leverkit::PanelCreate p{.timezone = "Europe/Berlin", .note = "loop", .external_url = "https://ats.example/p/1"};
  for (int i = 0; i < interviews; ++i)
    p.interviews.push_back({.interviewers = {{.id = user}},
                            .date = days_from_now(5 + i),
                            .duration = 45,
                            .subject = "Round " + std::to_string(i + 1),
                            .location = "https://zoom.us/j/123"});
  return p;
}

}  // namespace resources_test

// The end-to-end fault plan of issue 12: sync every opportunity and each one's interviews through
// the client (Paginator + list_interviews per opportunity) while the sandbox answers 5 % of
// requests with a 5xx, resets connections, truncates bodies and throws 429 storms without
// Retry-After — then prove against the sandbox's ground truth (a clean pass over the same
// seeded data, whose size is checked against the generator's) that no opportunity or interview
// was lost or duplicated.
// Size: 10 000 opportunities (2000 under ASan); LEVERKIT_FAULT_PLAN_OPPORTUNITIES overrides
// (scripts/fault-plan N).
#include <chrono>
#include <cstdlib>
#include <map>
#include <optional>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "leverkit/client/client.hpp"
#include "leverkit/sandbox/server.hpp"

namespace sbx = leverkit::sandbox;

namespace {

std::size_t fault_plan_size() {
  if (const char* v = std::getenv("LEVERKIT_FAULT_PLAN_OPPORTUNITIES"); v && *v) return std::strtoul(v, nullptr, 10);
#if defined(__SANITIZE_ADDRESS__)
  return 2000;  // the ASan pass: same plan, smaller world
#else
  return 10000;
#endif
}

long long stat(const std::string& body, std::string_view key) {
  const std::string needle = fmt::format("\"{}\":", key);
  auto p = body.find(needle);
  if (p == std::string::npos) return -1;
  return std::strtoll(body.c_str() + p + needle.size(), nullptr, 10);
}

struct SyncResult {
  std::vector<std::string> opportunity_ids;                  // in listing order, duplicates kept
  std::map<std::string, std::vector<std::string>> interviews;  // opportunity -> interview ids
  int resumes = 0;                                           // listings resumed from a checkpoint
  std::vector<std::string> errors;
};

// What a sync does with the client alone: page through opportunities, checkpointing the offset
// token; for each opportunity list its interviews. A listing that still fails after the client's
// retries resumes from its last token (at most a few times) instead of starting over.
SyncResult sync(const leverkit::Client& client) {
  SyncResult out;
  std::optional<std::string> token;
  for (int round = 0; round < 5; ++round) {
    auto pager = client.list_opportunities(
        {.confidentiality = leverkit::Confidentiality::all, .limit = 100, .offset = token});
    bool failed = false;
    for (auto& page : pager.pages()) {
      if (!page) {
        out.errors.push_back(page.error().to_string());
        failed = true;
        break;
      }
      for (const auto& opp : page.value().data) {
        out.opportunity_ids.push_back(opp.id);
        auto& ivs = out.interviews[opp.id];
        for (int attempt = 0; attempt < 5; ++attempt) {
          std::vector<std::string> got;
          bool ok = true;
          for (auto& iv : client.list_interviews({.opportunity_id = opp.id})) {
            if (!iv) {
              out.errors.push_back(iv.error().to_string());
              ok = false;
              break;
            }
            got.push_back(iv.value().id);
          }
          if (ok) {
            ivs = std::move(got);
            break;
          }
          ++out.resumes;
        }
      }
      token = pager.next_token();
    }
    if (!failed) break;
    token = pager.next_token();
    ++out.resumes;
  }
  return out;
}

}  // namespace

TEST_CASE("fault plan: opportunities and interviews sync with 0 lost or duplicated under 5xx, resets, truncation, 429 storms") {
  const std::size_t n = fault_plan_size();
  sbx::ServerOptions so;
  so.seed = 12;
  so.opportunities = n;
  so.rate_limit.enabled = false;  // 429s come from the plan's storms
  sbx::Server server(so);
  REQUIRE(server.start().has_value());

  leverkit::ClientOptions o;
  o.base_url = server.base_url() + "/v1";
  o.rate_limit = {.requests_per_second = 1e6, .burst = 1e6};
  o.retry.max_attempts = 6;
  o.retry.initial_backoff = std::chrono::milliseconds(1);
  o.retry.max_backoff = std::chrono::milliseconds(8);
  auto client = leverkit::Client::create(std::make_shared<leverkit::ApiKeyCredentials>(std::string(sbx::kFullKey)), o);
  REQUIRE(client.has_value());
  leverkit::ClientOptions ao;
  ao.base_url = server.base_url() + "/__sandbox";
  auto admin = leverkit::Client::create(std::make_shared<leverkit::ApiKeyCredentials>("unused"), ao);
  REQUIRE(admin.has_value());

  // Ground truth: a clean pass over the same data, complete and duplicate-free.
  const auto truth = sync(client.value());
  REQUIRE(truth.errors.empty());
  // The generator made n opportunities; some are deleted (GET /opportunities/deleted): together
  // with the live ones listed above they must be exactly n distinct ids.
  std::set<std::string> all(truth.opportunity_ids.begin(), truth.opportunity_ids.end());
  REQUIRE(all.size() == truth.opportunity_ids.size());
  std::size_t deleted = 0;
  for (std::optional<std::string> next;;) {
    auto r = client.value().request(leverkit::HttpMethod::get,
                                    "/opportunities/deleted?limit=100&confidentiality=all" + (next ? "&offset=" + leverkit::url_encode(*next) : ""));
    REQUIRE(r.has_value());
    auto page = leverkit::decode_opportunity_page(r.value().body);
    REQUIRE(page.has_value());
    for (const auto& opp : page.value().data) {
      all.insert(opp.id);
      ++deleted;
    }
    if (!page.value().more()) break;
    next = page.value().next;
  }
  REQUIRE(all.size() == n);
  REQUIRE(truth.opportunity_ids.size() + deleted == n);
  const std::size_t live = truth.opportunity_ids.size();
  std::size_t truth_interviews = 0;
  for (const auto& [id, ivs] : truth.interviews) truth_interviews += ivs.size();
  REQUIRE(truth_interviews > 0);

  // The plan: one step per expected request (plus slack); 5 % 5xx, 1 % resets, 1 % truncated
  // bodies, and 0.3 % of slots start a storm of 7-12 consecutive 429s without Retry-After — each
  // longer than max_attempts, so only the budget-bounded 429 rule (ADR 0081) rides them out.
  const std::size_t slots = (live + live / 100 + 10) * 115 / 100;
  std::mt19937_64 rng(20261203);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::string plan = R"({"route":"*","faults":[)";
  std::size_t planned_5xx = 0, planned_resets = 0, planned_truncations = 0, planned_storms = 0, planned_429 = 0;
  for (std::size_t i = 0; i < slots; ++i) {
    const double x = u(rng);
    if (i) plan += ',';
    if (x < 0.05) {
      static constexpr const char* k5xx[] = {"500", "502", "503"};
      plan += fmt::format("\"{}\"", k5xx[planned_5xx++ % 3]);
    } else if (x < 0.06) {
      plan += "\"reset\"";
      ++planned_resets;
    } else if (x < 0.07) {
      plan += "\"truncate\"";
      ++planned_truncations;
    } else if (x < 0.073) {
      const int storm = 7 + static_cast<int>(u(rng) * 6);
      for (int k = 0; k < storm; ++k) plan += k ? ",\"429\"" : "\"429\"";
      planned_429 += storm;
      ++planned_storms;
    } else {
      plan += "\"ok\"";
    }
  }
  plan += "]}";
  REQUIRE(admin.value().request(leverkit::HttpMethod::delete_, "/stats").has_value());
  REQUIRE(admin.value().request(leverkit::HttpMethod::post, "/faults", plan).has_value());

  const auto t0 = std::chrono::steady_clock::now();
  const auto got = sync(client.value());
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  auto stats = admin.value().request(leverkit::HttpMethod::get, "/stats");
  REQUIRE(stats.has_value());
  REQUIRE(admin.value().request(leverkit::HttpMethod::delete_, "/faults").has_value());

  // Compare with the truth: every opportunity once, each with exactly its interviews, once.
  std::map<std::string, int> seen;
  for (const auto& id : got.opportunity_ids) ++seen[id];
  std::size_t lost = 0, duplicated = 0, extra = 0, interviews_lost = 0, interviews_duplicated = 0, interviews_total = 0;
  for (const auto& id : truth.opportunity_ids) {
    auto it = seen.find(id);
    if (it == seen.end()) ++lost;
    else if (it->second > 1) duplicated += static_cast<std::size_t>(it->second - 1);
  }
  for (const auto& [id, count] : seen)
    if (!truth.interviews.count(id)) ++extra;
  for (const auto& [id, want] : truth.interviews) {
    auto it = got.interviews.find(id);
    std::multiset<std::string> have;
    if (it != got.interviews.end()) have.insert(it->second.begin(), it->second.end());
    interviews_total += have.size();
    for (const auto& iv : want)
      if (!have.count(iv)) ++interviews_lost;
    for (const auto& iv : std::set<std::string>(have.begin(), have.end()))
      if (have.count(iv) > 1) interviews_duplicated += have.count(iv) - 1;
  }
  const std::string report = fmt::format(
      "fault plan: {} live opportunities (of {} generated), {} interviews in {:.1f} s; requests {}, faults injected {} (planned: {} 5xx, {} resets, "
      "{} truncations, {} storms = {} x 429; served 429: {}); listings resumed: {}; lost {}, duplicated {}, extra {}, "
      "interviews lost {}, duplicated {}",
      got.opportunity_ids.size(), n, interviews_total, secs, stat(stats.value().body, "totalRequests"),
      stat(stats.value().body, "faultsInjected"), planned_5xx, planned_resets, planned_truncations, planned_storms, planned_429,
      stat(stats.value().body, "rateLimited"), got.resumes, lost, duplicated, extra, interviews_lost, interviews_duplicated);
  MESSAGE(report);
  fmt::print("{}\n", report);
  for (std::size_t i = 0; i < got.errors.size() && i < 5; ++i) MESSAGE("recovered error: " << got.errors[i]);
  CHECK(stat(stats.value().body, "faultsInjected") > static_cast<long long>(slots / 20));
  CHECK(stat(stats.value().body, "rateLimited") > 0);
  CHECK(got.opportunity_ids.size() == live);
  CHECK(got.resumes == 0);  // the client's own retries absorbed every fault
  CHECK(lost == 0);
  CHECK(duplicated == 0);
  CHECK(extra == 0);
  CHECK(interviews_total == truth_interviews);
  CHECK(interviews_lost == 0);
  CHECK(interviews_duplicated == 0);
}

// Test helpers for the sync tests: an in-process sandbox and clients pointed at it.
#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <vector>
#include <memory>
#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include "leverkit/client/client.hpp"
#include "leverkit/integration/sync_store.hpp"
#include "leverkit/sandbox/server.hpp"

namespace sync_test {

namespace sbx = leverkit::sandbox;

struct SyncEnv {
  static sbx::ServerOptions defaults(std::size_t opportunities) {
    sbx::ServerOptions o;
    o.opportunities = opportunities;
    o.rate_limit.enabled = false;
    return o;
  }
  SyncEnv() : SyncEnv(defaults(60)) {}
  explicit SyncEnv(sbx::ServerOptions o) : server(std::move(o)) { REQUIRE(server.start().has_value()); }
  leverkit::Client client(std::string_view key = sbx::kFullKey, int attempts = 3) {
    leverkit::ClientOptions o;
    o.base_url = server.base_url() + "/v1";
    o.rate_limiter = std::make_shared<leverkit::TokenBucketRateLimiter>(
        leverkit::RateLimitOptions{.requests_per_second = 1e6, .burst = 1e6}, leverkit::steady_clock_source(),
        leverkit::thread_sleeper());
    o.retry.max_attempts = attempts;
    o.retry.initial_backoff = std::chrono::milliseconds(1);
    o.retry.max_backoff = std::chrono::milliseconds(2);
    auto c = leverkit::Client::create(std::make_shared<leverkit::ApiKeyCredentials>(std::string(key)), o);
    REQUIRE(c.has_value());
    return c.value();
  }
  /// A client on the admin API (/__sandbox).
  leverkit::Client admin() {
    leverkit::ClientOptions o;
    o.base_url = server.base_url() + "/__sandbox";
    o.retry.max_attempts = 1;
    auto c = leverkit::Client::create(std::make_shared<leverkit::ApiKeyCredentials>("admin"), o);
    REQUIRE(c.has_value());
    return c.value();
  }
  sbx::Server server;
};

/// A store that fails (as a crash would: the batch is not applied) on the `fail_at`-th apply.
class FailingStore final : public leverkit::integration::SyncStore {
 public:
  FailingStore(SyncStore& inner, int fail_at) : inner_(inner), fail_at_(fail_at) {}
  leverkit::Result<void> apply(const leverkit::integration::StoreBatch& b) override {
    if (++calls_ == fail_at_) return leverkit::Error(leverkit::Errc::io_error, "injected crash");
    return inner_.apply(b);
  }
  leverkit::Result<std::optional<leverkit::integration::StoredObject>> get_object(leverkit::integration::ObjectKind k,
                                                                                  std::string_view id) const override {
    return inner_.get_object(k, id);
  }
  leverkit::Result<std::vector<leverkit::integration::StoredObject>> list_objects(
      leverkit::integration::ObjectKind k, std::optional<std::string_view> p) const override {
    return inner_.list_objects(k, p);
  }
  leverkit::Result<std::size_t> count_objects(leverkit::integration::ObjectKind k) const override {
    return inner_.count_objects(k);
  }
  leverkit::Result<std::optional<std::string>> get_value(std::string_view ns, std::string_view k) const override {
    return inner_.get_value(ns, k);
  }
  leverkit::Result<std::vector<leverkit::integration::StoredValue>> list_values(std::string_view ns) const override {
    return inner_.list_values(ns);
  }
  [[nodiscard]] int calls() const { return calls_; }

 private:
  SyncStore& inner_;
  int fail_at_;
  std::atomic<int> calls_{0};
};

/// A snapshot compared field by field (LeverSnapshot has no operator==).
inline bool same_snapshot(const leverkit::match::LeverSnapshot& a, const leverkit::match::LeverSnapshot& b) {
  return a.opportunities == b.opportunities && a.interviews == b.interviews && a.panels == b.panels &&
         a.users == b.users && a.postings == b.postings && a.stages == b.stages;
}

/// Every object and every value except run bookkeeping, for "identical store" comparisons.
inline std::vector<leverkit::integration::StoredObject> all_objects(const leverkit::integration::SyncStore& s) {
  using leverkit::integration::ObjectKind;
  std::vector<leverkit::integration::StoredObject> out;
  for (auto k : {ObjectKind::opportunity, ObjectKind::interview, ObjectKind::panel, ObjectKind::user,
                 ObjectKind::posting, ObjectKind::stage}) {
    auto r = s.list_objects(k);
    REQUIRE(r.has_value());
    for (auto& o : r.value()) out.push_back(std::move(o));
  }
  return out;
}

}  // namespace sync_test

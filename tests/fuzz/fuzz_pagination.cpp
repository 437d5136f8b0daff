// libFuzzer target: pagination tokens end to end through the client. The input is split at 0x1F
// bytes: the first part is a saved offset token to resume from, the others are the page bodies
// the (fake) server answers with, in order. Checked properties, beyond "no crash":
//  - the token reaches the request URL URL-encoded and decodes back to the same bytes;
//  - every page's `next` token is what the following request carries;
//  - the listing ends (error or end) within the pages given.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/client/client.hpp"
#include "leverkit/testing/fake_clock.hpp"
#include "leverkit/testing/fake_transport.hpp"

namespace {
std::optional<std::string> offset_of(const leverkit::HttpRequest& r) {
  auto v = leverkit::query_values(r.url, "offset");
  if (v.empty()) return std::nullopt;
  return v.front();
}
void check(bool ok) {
  if (!ok) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace leverkit;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    auto end = in.find('\x1f', start);
    parts.push_back(in.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
    if (parts.size() > 16) return 0;
  }
  auto clock = std::make_shared<testing::FakeClock>();
  auto sleeper = std::make_shared<testing::FakeSleeper>(clock);
  auto fake = std::make_shared<testing::FakeTransport>();
  for (std::size_t i = 1; i < parts.size(); ++i) fake->enqueue(testing::json_response(200, std::string(parts[i])));
  fake->set_handler([](const HttpRequest&) { return testing::json_response(200, R"({"data":[],"hasNext":false})"); });
  ClientOptions o;
  o.base_url = "https://api.lever.co/v1";
  o.transport = fake;
  o.clock = clock;
  o.sleeper = sleeper;
  o.rate_limiter = std::make_shared<TokenBucketRateLimiter>(RateLimitOptions{.requests_per_second = 1e9, .burst = 1e9},
                                                            clock, sleeper);
  o.retry.max_attempts = 1;
  auto client = Client::create(std::make_shared<ApiKeyCredentials>("fuzz-key"), std::move(o));
  check(bool(client));
  ListStagesRequest req;
  if (!parts[0].empty()) req.offset = std::string(parts[0]);
  auto pager = client.value().list_stages(req);
  std::vector<std::optional<std::string>> expected_offsets{req.offset};
  std::size_t items = 0;
  for (auto& page : pager.pages()) {
    if (!page) break;
    ++items;
    if (page.value().more()) expected_offsets.push_back(page.value().next);
    check(items <= parts.size() + 1);
  }
  const auto sent = fake->requests();
  check(!sent.empty());
  for (std::size_t i = 0; i < sent.size() && i < expected_offsets.size(); ++i) check(offset_of(sent[i]) == expected_offsets[i]);
  return 0;
}

// Uses the installed leverkit: decodes a model, builds a Client over a FakeTransport, lists
// stages through the Paginator, and creates the real libcurl transport (link check).
#include <leverkit/leverkit.hpp>
#include <leverkit/testing/fake_transport.hpp>

#include <cstdio>
#include <memory>

int main() {
  auto stage = leverkit::decode_stage(R"({"data":{"id":"lead-new","text":"New lead"}})");
  if (!stage || stage.value().id != "lead-new") {
    std::fprintf(stderr, "decode_stage failed\n");
    return 1;
  }

  auto fake = std::make_shared<leverkit::testing::FakeTransport>();
  fake->on(leverkit::HttpMethod::get, "/v1/stages",
           leverkit::testing::json_response(
               200, R"({"data":[{"id":"lead-new","text":"New lead"},{"id":"offer","text":"Offer"}],"hasNext":false})"));
  leverkit::ClientOptions options;
  options.transport = fake;
  auto client = leverkit::Client::create(std::make_shared<leverkit::ApiKeyCredentials>("consumer-key"), options);
  if (!client) {
    std::fprintf(stderr, "Client::create: %s\n", client.error().to_string().c_str());
    return 1;
  }
  int n = 0;
  for (auto& s : client.value().list_stages({})) {
    if (!s) {
      std::fprintf(stderr, "list_stages: %s\n", s.error().to_string().c_str());
      return 1;
    }
    ++n;
  }
  if (n != 2 || fake->request_count() != 1) {
    std::fprintf(stderr, "expected 2 stages from 1 request, got %d from %zu\n", n, fake->request_count());
    return 1;
  }
  if (!leverkit::make_curl_transport()) {
    std::fprintf(stderr, "make_curl_transport failed\n");
    return 1;
  }
  std::printf("leverkit consumer: ok (%s, %d stages)\n", LEVERKIT_VERSION_STRING, n);
  return 0;
}

// Uses the installed leverkit: decodes a model, builds a Client over a FakeTransport, lists
// stages through the Paginator, and creates the real libcurl transport (link check); then uses
// match (libphonenumber, ICU, date-tz) and autofill, and the Redis limiter when it is installed.
#include <leverkit/leverkit.hpp>
#include <leverkit/match/lever_files.hpp>
#include <leverkit/match/names.hpp>
#include <leverkit/match/phone.hpp>
#include <leverkit/match/zones.hpp>
#include <leverkit/testing/fake_transport.hpp>
#ifdef LEVERKIT_CONSUMER_REDIS
#include <leverkit/client/redis_rate_limiter.hpp>
#endif

#include <cstdio>
#include <memory>
#include <string>

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

  // match: libphonenumber, ICU folding, the tz database, the Lever file reader.
  auto phone = leverkit::match::normalize_phone("(415) 555-0132", "US");
  if (!phone || phone->rfind("+1415", 0) != 0) {
    std::fprintf(stderr, "normalize_phone failed: %s\n", phone ? phone->c_str() : "nullopt");
    return 1;
  }
  if (leverkit::match::fold_text("Jos\xC3\xA9").find('\xC3') != std::string::npos) {
    std::fprintf(stderr, "fold_text failed: %s\n", leverkit::match::fold_text("Jos\xC3\xA9").c_str());
    return 1;
  }
  auto local = leverkit::match::resolve_local_time("2026-03-08T02:30:00", "America/New_York");
  if (!local || !local.value().nonexistent) {
    std::fprintf(stderr, "resolve_local_time failed\n");
    return 1;
  }
  leverkit::match::LeverSnapshot snap;
  if (!leverkit::match::parse_lever_file("stages.json", R"({"data":[{"id":"offer","text":"Offer"}]})", snap) ||
      snap.stages.size() != 1) {
    std::fprintf(stderr, "parse_lever_file failed\n");
    return 1;
  }
  auto link = leverkit::match::parse_conference_url("https://acme.zoom.us/j/91234567890?pwd=x");
  if (!link) {
    std::fprintf(stderr, "parse_conference_url failed\n");
    return 1;
  }

  // autofill: a transcript read and a draft rendered.
  auto transcript = leverkit::autofill::parse_transcript("Sam: Do you need visa sponsorship?\nDana: No, I don't.\n");
  if (!transcript) {
    std::fprintf(stderr, "parse_transcript: %s\n", transcript.error().to_string().c_str());
    return 1;
  }
  leverkit::autofill::AutofillInput in;
  in.template_id = "t";
  leverkit::FormField visa;
  visa.id = "visa";
  visa.type = leverkit::FieldType::yes_no;
  visa.text = "Does the candidate require visa sponsorship?";
  in.fields = {visa};
  in.transcript = std::move(transcript).value();
  in.call.participants = {{.name = "Dana", .role = leverkit::ParticipantRole::candidate},
                          {.name = "Sam", .role = leverkit::ParticipantRole::interviewer}};
  auto draft = leverkit::autofill::autofill(in);
  if (!draft || leverkit::autofill::draft_to_json(draft.value()).find("\"visa\"") == std::string::npos) {
    std::fprintf(stderr, "autofill failed\n");
    return 1;
  }
#ifdef LEVERKIT_CONSUMER_REDIS
  if (!leverkit::RedisRateLimiter::create({.key = leverkit::redis_rate_limit_key("consumer")})) {
    std::fprintf(stderr, "RedisRateLimiter::create failed\n");
    return 1;
  }
#endif
  std::printf("leverkit consumer: ok (%s, %d stages, match + autofill)\n", LEVERKIT_VERSION_STRING, n);
  return 0;
}

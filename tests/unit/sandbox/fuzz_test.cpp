// A brief, bounded fuzz of request handling: thousands of mutated bodies and query strings
// thrown at the in-process Api (no sockets). Every answer must be a Lever-style status with a
// JSON body; nothing may crash or hang.
#include <chrono>
#include <set>

#include <map>

#include <doctest/doctest.h>

#include "api.hpp"
#include "store.hpp"
#include "value.hpp"

using namespace leverkit::sandbox::detail;

namespace {

ApiRequest request(std::string method, std::string path, std::string body = {},
                   std::vector<std::pair<std::string, std::string>> params = {}) {
  ApiRequest r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.body = std::move(body);
  r.params = std::move(params);
  r.content_type = "application/json";
  r.authorization = "Basic c2FuZGJveC1mdWxsLWtleTo=";  // sandbox-full-key:
  return r;
}

std::string mutate(Rng& rng, std::string s) {
  static const char* kFragments[] = {"null", "1", "-1", "1e309", "\"\"", "\"\\u0000\"", "[]", "{}", "true",
                                     "[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]", "\"\xff\xfe\"", ",", ":", "\"", "}", "]",
                                     "{\"id\":null}", "99999999999999999999", "-0.0", "\"perform_as\""};
  int rounds = 1 + static_cast<int>(rng.below(4));
  for (int i = 0; i < rounds; ++i) {
    std::size_t pos = s.empty() ? 0 : rng.below(s.size() + 1);
    switch (rng.below(5)) {
      case 0:
        if (!s.empty()) s[std::min(pos, s.size() - 1)] = static_cast<char>(rng.below(256));
        break;
      case 1:
        if (!s.empty()) s.erase(std::min(pos, s.size() - 1), 1 + rng.below(8));
        break;
      case 2: s.insert(pos, kFragments[rng.below(std::size(kFragments))]); break;
      case 3: s = s.substr(0, pos); break;
      default: {
        // Replace a value after a colon with a fragment of another type.
        std::size_t colon = s.find(':', pos);
        if (colon != std::string::npos) {
          std::size_t end = s.find_first_of(",}", colon);
          s.replace(colon + 1, (end == std::string::npos ? s.size() : end) - colon - 1, kFragments[rng.below(std::size(kFragments))]);
        }
      }
    }
  }
  return s;
}

}  // namespace

TEST_CASE("fuzz: mutated bodies and parameters never crash and always get a Lever-style answer") {
  leverkit::sandbox::ServerOptions o;
  o.opportunities = 60;
  o.rate_limit.enabled = false;
  Api api(o);
  REQUIRE_FALSE(api.load().has_value());
  std::string err;
  auto users = parse_json(api.handle(request("GET", "/v1/users")).body, err);
  REQUIRE(users.has_value());
  std::string actor = users->find("data")->as_array()[0].str("id");
  auto opps = parse_json(api.handle(request("GET", "/v1/opportunities", {}, {{"limit", "100"}})).body, err);
  REQUIRE(opps.has_value());
  std::vector<std::string> opp_ids;
  for (const auto& x : opps->find("data")->as_array()) opp_ids.push_back(x.str("id"));
  REQUIRE(opp_ids.size() > 10);
  auto templates = parse_json(api.handle(request("GET", "/v1/feedback_templates")).body, err);
  const Value& tmpl = templates->find("data")->as_array()[1];
  std::string fields_json = to_json(*tmpl.find("fields"));

  struct Seed {
    std::string method, path, body;
  };
  std::vector<Seed> seeds = {
      {"POST", "/v1/opportunities/{opp}/notes", R"({"value":"hello","secret":false,"score":3,"createdAt":1700000000000})"},
      {"POST", "/v1/opportunities/{opp}/feedback",
       "{\"baseTemplateId\":\"" + tmpl.str("id") + "\",\"fieldValues\":[{\"id\":\"" +
           tmpl.find("fields")->as_array()[0].str("id") + "\",\"value\":\"3 - Hire\"}]}"},
      {"POST", "/v1/opportunities/{opp}/panels",
       "{\"timezone\":\"UTC\",\"interviews\":[{\"interviewers\":[{\"id\":\"" + actor +
           "\"}],\"date\":1783260000000,\"duration\":30,\"subject\":\"S\"}]}"},
      {"POST", "/v1/feedback_templates", "{\"text\":\"T\",\"fields\":" + fields_json + "}"},
      {"POST", "/v1/form_templates", R"({"text":"F","fields":[{"type":"dropdown","text":"Q","options":[{"text":"a"}]}]})"},
      {"POST", "/v1/opportunities", R"({"name":"N","emails":["n@example.com"],"phones":[{"value":"1"}],"tags":["t"],"postings":[]})"},
      {"PUT", "/v1/opportunities/{opp}/stage", R"({"stage":"offer"})"},
      {"PUT", "/v1/opportunities/{opp}/archived", R"({"reason":null,"cleanInterviews":true})"},
      {"POST", "/v1/opportunities/{opp}/addTags", R"({"tags":["a","b"]})"},
      {"PUT", "/v1/contacts/{contact}", R"({"name":"N","location":"Berlin","emails":["x@y.z"],"phones":[{"type":"mobile","value":"1"}]})"},
      {"POST", "/v1/users", R"({"name":"U","email":"u@example.com","accessRole":"interviewer"})"},
      {"POST", "/v1/postings", R"({"text":"Job","state":"draft","categories":{"team":"T","location":"L"}})"},
      {"POST", "/v1/webhooks", R"({"url":"https://example.com/x","event":"candidateHired","configuration":{"conditions":{"origins":["applied"]}}})"},
      {"POST", "/__sandbox/faults", R"({"route":"GET /v1/nothing","faults":[503]})"},
  };
  const std::set<int> allowed{200, 201, 204, 400, 403, 404};
  Rng rng(1234);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  int runs = 0;
  std::map<int, int> statuses;
  for (; runs < 6000 && std::chrono::steady_clock::now() < deadline; ++runs) {
    const Seed& seed = seeds[rng.below(seeds.size())];
    const std::string& opp = opp_ids[rng.below(opp_ids.size())];
    std::string path = seed.path;
    if (auto p = path.find("{opp}"); p != std::string::npos) path.replace(p, 5, opp);
    if (auto p = path.find("{contact}"); p != std::string::npos) {
      auto got = parse_json(api.handle(request("GET", "/v1/opportunities/" + opp)).body, err);
      path.replace(p, 9, got->find("data")->str("contact"));
    }
    std::vector<std::pair<std::string, std::string>> params{{"perform_as", rng.chance(0.9) ? actor : mutate(rng, actor)}};
    std::string body = rng.chance(0.9) ? mutate(rng, seed.body) : seed.body;
    ApiResponse r = api.handle(request(seed.method, path, body, params));
    ++statuses[r.status];
    CHECK_MESSAGE(allowed.count(r.status) == 1, seed.method, " ", path, " ", body, " -> ", r.status, " ", r.body);
    if (!r.body.empty()) {
      auto parsed = parse_json(r.body, err);
      CHECK_MESSAGE((parsed && parsed->is_object()), r.body);
      if (r.status >= 400) CHECK(parsed->find("code") != nullptr);
    }
    // And a mutated list query now and then.
    if (runs % 5 == 0) {
      std::vector<std::pair<std::string, std::string>> q{{"limit", mutate(rng, "50")}, {"offset", mutate(rng, "%5B1%2C2%2C%22x%22%5D")},
                                                         {"expand", mutate(rng, "stage")}, {"created_at_start", mutate(rng, "1")}};
      ApiResponse l = api.handle(request("GET", "/v1/opportunities", {}, q));
      CHECK((l.status == 200 || l.status == 400));
    }
  }
  MESSAGE("fuzz runs: ", runs);
  CHECK(runs > 500);
  CHECK(statuses[400] > 0);
  CHECK(statuses[200] + statuses[201] > 0);
}

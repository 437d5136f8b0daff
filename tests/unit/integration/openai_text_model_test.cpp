// OpenAiTextModel against a fake OpenAI-compatible server on a loopback port: the request it
// sends, the errors it maps (naming the JSON path, never the key), its timeout, and that
// autofill's validator still decides what gets filled.
#include <doctest/doctest.h>
#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "leverkit/autofill/autofill.hpp"
#include "leverkit/integration/openai_text_model.hpp"

using namespace leverkit;

namespace {

constexpr std::string_view kKey = "sk-live-7f3a9c2e5b1d4f8a";

// A chat-completions endpoint answering with a canned status/body, optionally holding the
// request until the test ends (to exercise the client's timeout).
struct FakeServer {
  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::mutex m;
  std::condition_variable cv;
  bool hold = false, released = false;
  int requests = 0;
  std::string last_body, last_auth;
  int status = 200;
  std::string reply;

  FakeServer() {
    server.Post("/v1/chat/completions", [this](const httplib::Request& req, httplib::Response& res) {
      std::unique_lock lock(m);
      ++requests;
      last_body = req.body;
      last_auth = req.get_header_value("Authorization");
      if (hold) cv.wait(lock, [this] { return released; });
      res.status = status;
      res.set_content(reply, "application/json");
    });
    port = server.bind_to_any_port("127.0.0.1");
    REQUIRE(port > 0);
    thread = std::thread([this] { server.listen_after_bind(); });
    // cpp-httplib 0.11 has no wait_until_ready(); the sandbox waits the same way.
    for (int i = 0; i < 5000 && !server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    REQUIRE(server.is_running());
  }
  ~FakeServer() {
    {
      std::lock_guard lock(m);
      released = true;
    }
    cv.notify_all();
    server.stop();
    thread.join();
  }
  std::string base() const { return "http://127.0.0.1:" + std::to_string(port) + "/v1"; }
  void set(int st, std::string body) {
    std::lock_guard lock(m);
    status = st;
    reply = std::move(body);
  }
  // A well-formed completion whose message content is `content`.
  void answer(std::string_view content) {
    std::string escaped;
    for (char c : content) {
      if (c == '"' || c == '\\') escaped += '\\';
      if (c == '\n') {
        escaped += "\\n";
        continue;
      }
      escaped += c;
    }
    set(200, R"({"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":")" +
                 escaped + R"("},"finish_reason":"stop"}]})");
  }
};

std::shared_ptr<Transport> transport() {
  auto t = make_curl_transport();
  REQUIRE(t);
  return t.value();
}

integration::OpenAiModelOptions opts(const FakeServer& s) {
  integration::OpenAiModelOptions o;
  o.base_url = s.base();
  o.model = "local-7b";
  o.api_key = std::string(kKey);
  return o;
}

// Every text an error carries, checked for the key and for recognisable fragments of it.
void check_no_key(const Error& e) {
  for (const std::string& text : {e.to_string(), e.message, e.lever_message}) {
    CHECK_MESSAGE(text.find(kKey) == std::string::npos, text);
    CHECK_MESSAGE(text.find(kKey.substr(3, 12)) == std::string::npos, text);
  }
}

}  // namespace

TEST_CASE("OpenAiTextModel: sends model, messages, temperature 0, the schema and the bearer key, returns the content") {
  FakeServer s;
  s.answer(R"({"fields":[]})");
  auto o = opts(s);
  o.base_url += "/";  // a trailing slash is tolerated
  integration::OpenAiTextModel model(transport(), o);
  auto r = model.complete("Fields: ...", R"({"type":"object"})");
  REQUIRE_MESSAGE(r, (r ? "" : r.error().to_string()));
  CHECK(r.value() == R"({"fields":[]})");
  std::lock_guard lock(s.m);
  CHECK(s.last_auth == "Bearer " + std::string(kKey));
  CHECK(s.last_body.find(R"("model":"local-7b")") != std::string::npos);
  CHECK(s.last_body.find(R"("temperature":0)") != std::string::npos);
  CHECK(s.last_body.find(R"("max_tokens":1024)") != std::string::npos);
  CHECK(s.last_body.find(R"("role":"user","content":"Fields: ...)") != std::string::npos);
  CHECK(s.last_body.find(R"("schema":{"type":"object"})") != std::string::npos);
  // The key travels only in the header, never in the body.
  CHECK(s.last_body.find(kKey) == std::string::npos);
}

TEST_CASE("OpenAiTextModel: no key → no Authorization header, and a fenced answer is unwrapped") {
  FakeServer s;
  s.answer("```json\n{\"fields\":[]}\n```");
  auto o = opts(s);
  o.api_key.clear();
  integration::OpenAiTextModel model(transport(), o);
  auto r = model.complete("p", "{}");
  REQUIRE_MESSAGE(r, (r ? "" : r.error().to_string()));
  CHECK(r.value() == R"({"fields":[]})");
  std::lock_guard lock(s.m);
  CHECK(s.last_auth.empty());
}

TEST_CASE("OpenAiTextModel: HTTP errors map to Errc with the server's message, redacted of the key") {
  FakeServer s;
  integration::OpenAiTextModel model(transport(), opts(s));
  struct Case {
    int status;
    std::string body;
    Errc code;
    std::string message;  // expected in Error::message ("" = none quoted)
  };
  const std::vector<Case> cases = {
      // OpenAI itself echoes (part of) a wrong key; a proxy might echo all of it.
      {401, R"({"error":{"message":"Incorrect API key provided: )" + std::string(kKey) + R"(","type":"auth"}})",
       Errc::unauthorized, "Incorrect API key provided: [redacted]"},
      {403, R"({"error":{"message":"key sk-live-7f3a9c2e… lacks access"}})", Errc::forbidden, "lacks access"},
      {404, R"({"error":{"message":"model local-7b not found"}})", Errc::not_found, "model local-7b not found"},
      {429, R"({"error":{"message":"slow down"}})", Errc::rate_limited, "slow down"},
      {503, "overloaded " + std::string(kKey), Errc::server_error, ""},
      {418, R"({"error":"teapot"})", Errc::unexpected_status, ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.status);
    s.set(c.status, c.body);
    auto r = model.complete("p", "{}");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == c.code);
    CHECK(r.error().http_status == c.status);
    CHECK(r.error().message.find("HTTP " + std::to_string(c.status)) != std::string::npos);
    if (!c.message.empty()) CHECK_MESSAGE(r.error().message.find(c.message) != std::string::npos, r.error().message);
    check_no_key(r.error());
  }
}

TEST_CASE("OpenAiTextModel: malformed 2xx answers are decode errors naming the JSON path") {
  FakeServer s;
  auto o = opts(s);
  o.max_response_bytes = 4096;
  integration::OpenAiTextModel model(transport(), o);
  const std::string key(kKey);
  struct Case {
    std::string body;
    std::string path;  // the message starts with "chat completions response <path>: "
    std::string detail;
  };
  const std::vector<Case> cases = {
      {"<html>" + key + "</html>", "$", "not JSON"},
      {"", "$", "not JSON"},
      {"\"fields\"", "$", "expected an object, got a string"},
      {R"([{"choices":[]}])", "$", "expected an object, got an array"},
      {"{\"choices\":[{\"message\":{\"content\":\"caf\xC3\"}}]}", "$", "UTF-8"},
      {R"({"id":")" + key + R"("})", "choices", "missing"},
      {R"({"choices":{"0":{}}})", "choices", "expected an array, got an object"},
      {R"({"choices":[]})", "choices", "empty"},
      {R"({"choices":["hi"]})", "choices[0]", "expected an object, got a string"},
      {R"({"choices":[{"text":"{}"}]})", "choices[0].message", "missing"},
      {R"({"choices":[{"message":[1]}]})", "choices[0].message", "expected an object, got an array"},
      {R"({"choices":[{"message":{"role":"assistant"}}]})", "choices[0].message.content", "missing"},
      {R"({"choices":[{"message":{"content":null,"tool_calls":[]}}]})", "choices[0].message.content",
       "expected a string, got null"},
      {R"({"choices":[{"message":{"content":42}}]})", "choices[0].message.content", "expected a string, got a number"},
      {R"({"choices":[{"message":{"content":""}}]})", "choices[0].message.content", "empty"},
      {R"({"choices":[{"message":{"content":"{\"fields\":[{\"id\""},"finish_reason":"length"}]})",
       "choices[0].finish_reason", "max_tokens"},
      {R"({"choices":[{"message":{"content":")" + std::string(5000, 'x') + R"("}}]})", "body",
       "more than OpenAiModelOptions.max_response_bytes (4096)"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.body.substr(0, 80));
    s.set(200, c.body);
    auto r = model.complete("p", "{}");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::decode_error);
    CHECK(r.error().http_status == 200);
    CHECK_MESSAGE(r.error().message.find("chat completions response " + c.path + ": ") == 0, r.error().message);
    CHECK_MESSAGE(r.error().message.find(c.detail) != std::string::npos, r.error().message);
    check_no_key(r.error());
  }
}

TEST_CASE("OpenAiTextModel: bad options and inputs are invalid_argument before any request") {
  FakeServer s;
  auto t = transport();
  auto expect_invalid = [&](integration::OpenAiModelOptions o, std::string_view prompt, std::string_view schema,
                            std::string_view names) {
    CAPTURE(names);
    integration::OpenAiTextModel model(t, std::move(o));
    auto r = model.complete(prompt, schema);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::invalid_argument);
    CHECK_MESSAGE(r.error().message.find(names) == 0, r.error().message);
    check_no_key(r.error());
  };
  auto o = opts(s);
  o.model.clear();
  expect_invalid(o, "p", "{}", "OpenAiModelOptions.model");
  o = opts(s);
  o.base_url = "/";
  expect_invalid(o, "p", "{}", "OpenAiModelOptions.base_url");
  o = opts(s);
  o.max_tokens = 0;
  expect_invalid(o, "p", "{}", "OpenAiModelOptions.max_tokens");
  o = opts(s);
  o.timeout = std::chrono::milliseconds(0);
  expect_invalid(o, "p", "{}", "OpenAiModelOptions.timeout");
  o = opts(s);
  o.max_response_bytes = 0;
  expect_invalid(o, "p", "{}", "OpenAiModelOptions.max_response_bytes");
  expect_invalid(opts(s), "caf\xC3", "{}", "prompt");
  expect_invalid(opts(s), "p", "{\"type\":", "json_schema");
  integration::OpenAiTextModel no_transport(nullptr, opts(s));
  CHECK(no_transport.complete("p", "{}").error().code == Errc::invalid_argument);
  std::lock_guard lock(s.m);
  CHECK(s.requests == 0);
}

TEST_CASE("OpenAiTextModel: the timeout bounds a silent server") {
  FakeServer s;
  {
    std::lock_guard lock(s.m);
    s.hold = true;  // the handler answers only when the test ends
  }
  s.answer(R"({"fields":[]})");
  auto o = opts(s);
  o.timeout = std::chrono::milliseconds(150);
  integration::OpenAiTextModel model(transport(), o);
  auto r = model.complete("p", "{}");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::timeout);
  check_no_key(r.error());
}

TEST_CASE("OpenAiTextModel: a key inside base_url is redacted from HTTP and transport errors") {
  std::string closed_base;
  {
    FakeServer s;
    // A key in the query (some gateways want one) ends up in the URL the error quotes; the
    // fragment keeps "/chat/completions" out of the path, so the fake answers 404.
    auto o = opts(s);
    o.base_url = s.base() + "?api_key=" + std::string(kKey) + "#";
    integration::OpenAiTextModel model(transport(), o);
    auto r = model.complete("p", "{}");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::not_found);
    // The whole query may carry credentials: it is redacted as one.
    CHECK_MESSAGE(r.error().message.find("/v1?[redacted]") != std::string::npos, r.error().message);
    check_no_key(r.error());
    closed_base = "http://127.0.0.1:" + std::to_string(s.port) + "/v1?api_key=" + std::string(kKey);
  }
  // The fake is gone: connecting to its port is refused (loopback only).
  auto o = integration::OpenAiModelOptions{};
  o.base_url = closed_base;
  o.model = "m";
  o.api_key = std::string(kKey);
  integration::OpenAiTextModel model(transport(), o);
  auto r = model.complete("p", "{}");
  REQUIRE_FALSE(r);
  CHECK((r.error().code == Errc::transport || r.error().code == Errc::not_found));
  check_no_key(r.error());
}

TEST_CASE("OpenAiTextModel: a gateway password in base_url's userinfo or a token in its query is redacted") {
  // Neither equals the API key: the URL's own credentials are secrets in their own right.
  constexpr std::string_view kPass = "gw-pass-5e6f7a8b3c";
  constexpr std::string_view kToken = "q-token-9c8d7e6f1a";
  FakeServer s;
  auto o = opts(s);
  o.base_url = "http://gw-user:" + std::string(kPass) + "@127.0.0.1:" + std::to_string(s.port) +
               "/v1?region=eu&token=" + std::string(kToken) + "#";
  integration::OpenAiTextModel model(transport(), o);
  auto r = model.complete("p", "{}");
  REQUIRE_FALSE(r);
  for (auto secret : {kPass, kToken}) {
    CAPTURE(secret);
    CHECK_MESSAGE(r.error().message.find(secret) == std::string::npos, r.error().message);
    CHECK(r.error().lever_message.find(secret) == std::string::npos);
  }
  check_no_key(r.error());
}

TEST_CASE("OpenAiTextModel in autofill: the validator still decides — a quoted answer fills, evaluative, "
          "invented and unsupported ones do not") {
  FakeServer s;
  // Fenced like some servers do. One good answer; a score for an evaluative field; a yes/no with
  // a quote nobody said; a title whose value the (real) quote does not support.
  s.answer("```json\n"
           R"({"fields":[{"id":"employer","value":"Globex","evidence":[{"quote":"I joined Globex last spring"}]},)"
           R"({"id":"overall","value":"4 - Strong Hire","evidence":[{"quote":"I joined Globex last spring"}]},)"
           R"({"id":"visa","value":"no","evidence":[{"quote":"I am a citizen"}]},)"
           R"({"id":"notice","value":"two weeks","evidence":[{"quote":"I joined Globex last spring"}]}]})"
           "\n```");
  auto model = std::make_shared<integration::OpenAiTextModel>(transport(), opts(s));

  autofill::AutofillInput in;
  in.template_id = "t";
  FormField employer;
  employer.id = "employer";
  employer.type = FieldType::text;
  employer.text = "Current employer";
  FormField visa;
  visa.id = "visa";
  visa.type = FieldType::yes_no;
  visa.text = "Does the candidate require visa sponsorship?";
  FormField notice;
  notice.id = "notice";
  notice.type = FieldType::text;
  notice.text = "Notice period";
  FormField overall;
  overall.id = "overall";
  overall.type = FieldType::score_system;
  overall.text = "Overall";
  overall.options = {{"4 - Strong Hire", std::nullopt}, {"1 - Strong No Hire", std::nullopt}};
  in.fields = {employer, visa, notice, overall};
  in.call.participants = {{.name = "Dana", .role = leverkit::ParticipantRole::candidate}, {.name = "Sam", .role = leverkit::ParticipantRole::interviewer}};
  auto t = autofill::parse_transcript("Sam: Anything else?\nDana: I joined Globex last spring and I'm still there.\n",
                                      autofill::TranscriptFormat::speaker_lines);
  REQUIRE(t);
  in.transcript = std::move(t).value();
  autofill::AutofillOptions opt;
  opt.model.model = model;
  opt.model.fail_open = false;
  auto d = autofill::autofill(in, opt);
  REQUIRE_MESSAGE(d, (d ? "" : d.error().to_string()));
  int seen = 0;
  for (const auto& f : d.value().fields) {
    CAPTURE(f.id);
    if (f.id == "employer") {
      ++seen;
      REQUIRE(f.decision == autofill::Decision::filled);
      CHECK(f.backend == "model");
      CHECK(std::get<std::string>(f.value) == "Globex");
    } else {
      ++seen;
      CHECK(f.decision != autofill::Decision::filled);  // evaluative, invented quote, unsupported value
    }
  }
  CHECK(seen == 4);
  const auto& rejected = d.value().rejected_proposals;
  std::string all;
  for (const auto& x : rejected) all += x + "\n";
  CAPTURE(all);
  CHECK(rejected.size() == 3);
  CHECK(all.find("overall: not asked") != std::string::npos);
  CHECK(all.find("visa: ") != std::string::npos);
  CHECK(all.find("notice: ") != std::string::npos);
  std::lock_guard lock(s.m);
  CHECK(s.requests == 1);
}

TEST_CASE("OpenAiTextModel in autofill: fail_open keeps the deterministic draft and the key out of the notes") {
  FakeServer s;
  s.set(401, R"({"error":{"message":"Incorrect API key provided: )" + std::string(kKey) + R"("}})");
  auto model = std::make_shared<integration::OpenAiTextModel>(transport(), opts(s));
  autofill::AutofillInput in;
  in.template_id = "t";
  FormField employer;
  employer.id = "employer";
  employer.type = FieldType::text;
  employer.text = "Current employer";
  in.fields = {employer};
  in.call.participants = {{.name = "Dana", .role = leverkit::ParticipantRole::candidate}, {.name = "Sam", .role = leverkit::ParticipantRole::interviewer}};
  auto t = autofill::parse_transcript("Sam: Anything else?\nDana: Nothing from me.\n",
                                      autofill::TranscriptFormat::speaker_lines);
  REQUIRE(t);
  in.transcript = std::move(t).value();
  autofill::AutofillOptions opt;
  opt.model.model = model;
  auto d = autofill::autofill(in, opt);
  REQUIRE_MESSAGE(d, (d ? "" : d.error().to_string()));
  REQUIRE(d.value().fields.size() == 1);
  CHECK(d.value().fields[0].decision != autofill::Decision::filled);
  REQUIRE(d.value().rejected_proposals.size() == 1);
  const auto& note = d.value().rejected_proposals[0];
  CHECK_MESSAGE(note.find("model: call failed") == 0, note);
  CHECK(note.find("[redacted]") != std::string::npos);
  CHECK(note.find(kKey) == std::string::npos);

  opt.model.fail_open = false;
  auto strict = autofill::autofill(in, opt);
  REQUIRE_FALSE(strict);
  CHECK(strict.error().code == Errc::unauthorized);
  check_no_key(strict.error());
}

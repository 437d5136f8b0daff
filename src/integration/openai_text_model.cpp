#include "leverkit/fmt.hpp"
#include "leverkit/integration/openai_text_model.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "models/detail/json_writer.hpp"
#include "leverkit/client/credentials.hpp"

namespace leverkit::inline v0::integration {

namespace {

// The parts of a base URL that can hold a credential: the userinfo ("user:password@") as a whole
// and its password, the query as a whole and each of its values (e.g. "?api-key=...").
std::vector<std::string_view> base_url_secrets(std::string_view url) {
  std::vector<std::string_view> out;
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return out;
  const std::string_view rest = url.substr(scheme_end + 3);
  const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
    const std::string_view userinfo = authority.substr(0, at);
    out.push_back(userinfo);
    if (const auto colon = userinfo.find(':'); colon != std::string_view::npos) out.push_back(userinfo.substr(colon + 1));
  }
  if (const auto q = url.find('?'); q != std::string_view::npos) {
    std::string_view query = url.substr(q + 1);
    query = query.substr(0, query.find('#'));
    out.push_back(query);
    while (!query.empty()) {
      const std::string_view pair = query.substr(0, query.find('&'));
      if (const auto eq = pair.find('='); eq != std::string_view::npos) out.push_back(pair.substr(eq + 1));
      query.remove_prefix(std::min(query.size(), pair.size() + 1));
    }
  }
  std::erase_if(out, [](std::string_view s) { return s.empty(); });
  return out;
}

constexpr std::string_view kSystem =
    "You extract facts from interview transcripts into JSON. Answer with one JSON object that follows the "
    "given schema and nothing else. Quote the candidate's exact words as evidence; omit what is not stated.";

// How much of a server's own error message we quote: enough to diagnose, not a page of HTML.
constexpr std::size_t kServerMessageLimit = 300;

Errc errc_for(int status) {
  switch (status) {
    case 401: return Errc::unauthorized;
    case 403: return Errc::forbidden;
    case 404: return Errc::not_found;
    case 429: return Errc::rate_limited;
    default: return status >= 500 ? Errc::server_error : Errc::unexpected_status;
  }
}

// At most `limit` bytes of `s`, never cutting a UTF-8 sequence in half.
std::string_view utf8_prefix(std::string_view s, std::size_t limit) {
  if (s.size() <= limit) return s;
  std::size_t n = limit;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

std::string_view json_type_name(simdjson::dom::element_type t) {
  switch (t) {
    case simdjson::dom::element_type::ARRAY: return "an array";
    case simdjson::dom::element_type::OBJECT: return "an object";
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
    case simdjson::dom::element_type::DOUBLE: return "a number";
    case simdjson::dom::element_type::STRING: return "a string";
    case simdjson::dom::element_type::BOOL: return "a boolean";
    case simdjson::dom::element_type::NULL_VALUE: return "null";
  }
  return "an unknown JSON type";
}

Error decode_error(std::string_view path, std::string_view what) {
  return Error{Errc::decode_error, fmt::format("chat completions response {}: {}", path, what)};
}

// `choices[0].message.content` of a parsed answer, each step checked so the error names the
// first part of the path that is missing or of the wrong type.
Result<std::string_view> content_of(simdjson::dom::element root) {
  simdjson::dom::object top;
  if (root.get(top) != simdjson::SUCCESS)
    return decode_error("$", fmt::format("expected an object, got {}", json_type_name(root.type())));
  simdjson::dom::element choices_el;
  if (top["choices"].get(choices_el) != simdjson::SUCCESS) return decode_error("choices", "missing");
  simdjson::dom::array choices;
  if (choices_el.get(choices) != simdjson::SUCCESS)
    return decode_error("choices", fmt::format("expected an array, got {}", json_type_name(choices_el.type())));
  simdjson::dom::element first;
  if (choices.at(0).get(first) != simdjson::SUCCESS) return decode_error("choices", "empty (no completion)");
  simdjson::dom::object choice;
  if (first.get(choice) != simdjson::SUCCESS)
    return decode_error("choices[0]", fmt::format("expected an object, got {}", json_type_name(first.type())));
  simdjson::dom::element message_el;
  if (choice["message"].get(message_el) != simdjson::SUCCESS) return decode_error("choices[0].message", "missing");
  simdjson::dom::object message;
  if (message_el.get(message) != simdjson::SUCCESS)
    return decode_error("choices[0].message",
                        fmt::format("expected an object, got {}", json_type_name(message_el.type())));
  simdjson::dom::element content_el;
  if (message["content"].get(content_el) != simdjson::SUCCESS)
    return decode_error("choices[0].message.content", "missing");
  std::string_view content;
  if (content_el.get(content) != simdjson::SUCCESS)
    return decode_error("choices[0].message.content",
                        fmt::format("expected a string, got {}", json_type_name(content_el.type())));
  // A completion cut off at max_tokens is half a JSON object: say so instead of letting the
  // validator report "not JSON".
  std::string_view finish;
  if (choice["finish_reason"].get(finish) == simdjson::SUCCESS && finish == "length")
    return decode_error("choices[0].finish_reason",
                        "\"length\": the answer was cut off at max_tokens; raise OpenAiModelOptions.max_tokens");
  if (content.empty()) return decode_error("choices[0].message.content", "empty");
  return content;
}

}  // namespace

OpenAiTextModel::OpenAiTextModel(std::shared_ptr<Transport> transport, OpenAiModelOptions options)
    : transport_(std::move(transport)), options_(std::move(options)) {
  while (!options_.base_url.empty() && options_.base_url.back() == '/') options_.base_url.pop_back();
}

Error OpenAiTextModel::scrub(Error e) const {
  // Servers echo keys ("Incorrect API key provided: sk-...") and a base_url may carry one in its
  // userinfo or query; every error text leaving this class goes through the client's redaction.
  std::vector<std::string_view> secrets{options_.api_key};
  for (auto s : base_url_secrets(options_.base_url)) secrets.push_back(s);
  redact_secrets(e.message, secrets);
  redact_secrets(e.lever_message, secrets);
  return e;
}

Result<std::string> OpenAiTextModel::complete(std::string_view prompt, std::string_view json_schema) {
  if (!transport_) return Error{Errc::invalid_argument, "OpenAiTextModel: transport is null"};
  if (options_.model.empty()) return Error{Errc::invalid_argument, "OpenAiModelOptions.model: must not be empty"};
  if (options_.base_url.empty())
    return Error{Errc::invalid_argument, "OpenAiModelOptions.base_url: must not be empty"};
  if (options_.max_tokens <= 0)
    return Error{Errc::invalid_argument, "OpenAiModelOptions.max_tokens: must be positive"};
  if (options_.timeout <= std::chrono::milliseconds::zero())
    return Error{Errc::invalid_argument, "OpenAiModelOptions.timeout: must be positive"};
  if (options_.max_response_bytes == 0)
    return Error{Errc::invalid_argument, "OpenAiModelOptions.max_response_bytes: must be positive"};
  // The writer would turn stray bytes into U+FFFD; a prompt that is not UTF-8 is the caller's bug,
  // so say so rather than send the model altered text.
  if (!simdjson::validate_utf8(prompt.data(), prompt.size()))
    return Error{Errc::invalid_argument, "prompt: not valid UTF-8"};

  leverkit::detail::JsonWriter w;
  w.begin_object();
  w.key("model").string(options_.model);
  w.key("temperature").number(0.0);
  w.key("max_tokens").integer(options_.max_tokens);
  w.key("messages").begin_array();
  w.begin_object().key("role").string("system").key("content").string(kSystem).end_object();
  w.begin_object()
      .key("role")
      .string("user")
      .key("content")
      .string(fmt::format("{}\nJSON schema of the answer: {}", prompt, json_schema))
      .end_object();
  w.end_array();
  if (options_.json_schema && !json_schema.empty()) {
    // Validate before pasting: autofill's schema is trusted, but raw() must never emit broken JSON.
    simdjson::dom::parser check;
    simdjson::padded_string padded_schema(json_schema);
    if (auto err = check.parse(padded_schema).error(); err != simdjson::SUCCESS)
      return Error{Errc::invalid_argument,
                   fmt::format("json_schema: not valid JSON ({})", simdjson::error_message(err))};
    w.key("response_format").begin_object().key("type").string("json_schema");
    w.key("json_schema").begin_object().key("name").string("leverkit_fields").key("strict").boolean(false);
    w.key("schema").raw(json_schema).end_object().end_object();
  }
  w.end_object();

  HttpRequest req;
  req.method = HttpMethod::post;
  req.url = options_.base_url + "/chat/completions";
  req.headers.set("Content-Type", "application/json");
  req.headers.set("Accept", "application/json");
  if (!options_.api_key.empty()) req.headers.set("Authorization", "Bearer " + options_.api_key);
  req.body = w.str();
  CallOptions call;
  call.timeout = options_.timeout;
  auto sent = transport_->send(req, call);
  if (!sent) return scrub(std::move(sent).error());
  HttpResponse resp = std::move(sent).value();

  if (resp.body.size() > options_.max_response_bytes) {
    Error e{resp.ok() ? Errc::decode_error : errc_for(resp.status),
            fmt::format("chat completions response body: {} bytes, more than OpenAiModelOptions.max_response_bytes "
                        "({}) (HTTP {})",
                        resp.body.size(), options_.max_response_bytes, resp.status)};
    e.http_status = resp.status;
    return scrub(std::move(e));
  }

  simdjson::dom::parser parser;
  simdjson::padded_string body(resp.body);
  simdjson::dom::element root;
  const simdjson::error_code parse_error = parser.parse(body).get(root);
  if (!resp.ok()) {
    // OpenAI-style {"error": {"message": ...}}; a server that answers otherwise (plain text,
    // HTML, another shape) just gets no quoted message.
    std::string_view server_message;
    if (parse_error == simdjson::SUCCESS) {
      if (root["error"]["message"].get(server_message) != simdjson::SUCCESS) server_message = {};
    }
    Error e{errc_for(resp.status), fmt::format("chat completions at {}: HTTP {}{}{}", req.url, resp.status,
                                               server_message.empty() ? "" : ": ",
                                               utf8_prefix(server_message, kServerMessageLimit))};
    e.http_status = resp.status;
    return scrub(std::move(e));
  }
  if (parse_error != simdjson::SUCCESS) {
    Error e = decode_error("$", fmt::format("not JSON ({}; {} bytes)", simdjson::error_message(parse_error),
                                            resp.body.size()));
    e.http_status = resp.status;
    return scrub(std::move(e));
  }
  auto content = content_of(root);
  if (!content) {
    Error e = std::move(content).error();
    e.http_status = resp.status;
    return scrub(std::move(e));
  }
  // Some servers wrap JSON-mode answers in a Markdown fence; the validator wants the object.
  std::string out(content.value());
  if (auto a = out.find('{'), b = out.rfind('}');
      a != std::string::npos && b != std::string::npos && b > a && (a > 0 || b + 1 < out.size()))
    out = out.substr(a, b - a + 1);
  return out;
}

}  // namespace leverkit::integration

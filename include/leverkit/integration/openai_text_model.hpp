// leverkit/integration/openai_text_model.hpp — an autofill TextModel backed by an
// OpenAI-compatible chat-completions server (llama.cpp `llama-server`, vLLM, Ollama's /v1, ...).
//
// What: `OpenAiTextModel` sends autofill's prompt as one user message to
// `POST {base_url}/chat/completions` with temperature 0 and, unless turned off, a
// `response_format` of type `json_schema` carrying autofill's schema (servers that ignore it still
// get the schema in the prompt), and returns the first choice's message content. It is only a
// proposer: autofill's validator still decides every field (policy, type, options, quotes said by
// the candidate, value re-derived from the quote), so a wrong or hostile model cannot fill a
// subjective field or invent a quote. It lives in the integration layer so leverkit::autofill
// keeps linking without libcurl; it talks through the client's `Transport`.
// Errors: transport errors pass through (`transport`; `timeout` once `timeout` has elapsed); a
// non-2xx answer → `unauthorized` (401), `forbidden` (403), `not_found` (404), `rate_limited`
// (429), `server_error` (5xx) or `unexpected_status`, quoting the server's `error.message` in
// `Error::message` (`lever_message` stays empty: it is not Lever) when it sent one; a 2xx answer
// that is not JSON (including invalid UTF-8), lacks `choices[0].message.content`, has a wrong type
// on that path, an empty content, or `finish_reason: "length"` → `decode_error` whose message
// names the JSON path ("$", "choices", "choices[0].message", ...); a body larger than
// `max_response_bytes` → `decode_error` (or the status's code for a non-2xx). An empty
// `model`/`base_url`, a non-positive `max_tokens`/`timeout`/`max_response_bytes`, a prompt that is
// not UTF-8 or a schema that is not JSON → `invalid_argument`. The API key is sent only as
// `Authorization: Bearer`; every error text (including a server message echoing the key) goes
// through `redact_secret`, so the key never appears in an error.
// Thread-safety: the options are fixed at construction, so `complete` may be called from
// several threads if the transport allows it (the default libcurl transport does).
// Example:
//   LEVERKIT_TRY(t, leverkit::make_curl_transport());
//   leverkit::autofill::AutofillOptions o;
//   o.model.model = std::make_shared<leverkit::integration::OpenAiTextModel>(
//       t, leverkit::integration::OpenAiModelOptions{.base_url = "http://127.0.0.1:8080/v1", .model = "qwen2.5-7b"});
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "leverkit/autofill/text_model.hpp"
#include "leverkit/client/transport.hpp"

namespace leverkit::inline v0::integration {

struct OpenAiModelOptions {
  std::string base_url = "http://127.0.0.1:8080/v1";  // up to and including the /v1 prefix
  std::string model;                                   // required (e.g. "llama-3.1-8b-instruct")
  std::string api_key;                                 // optional; a secret, never logged
  int max_tokens = 1024;
  std::chrono::milliseconds timeout{60'000};           // per completion
  bool json_schema = true;                             // send response_format json_schema
  // Answers bigger than this are refused (the transport has buffered them by then; the limit
  // keeps a runaway server from pushing megabytes into simdjson and the validator).
  std::size_t max_response_bytes = 4u << 20;
};

class OpenAiTextModel : public autofill::TextModel {
 public:
  OpenAiTextModel(std::shared_ptr<Transport> transport, OpenAiModelOptions options);
  Result<std::string> complete(std::string_view prompt, std::string_view json_schema) override;

 private:
  [[nodiscard]] Error scrub(Error e) const;  // redacts the key and base_url credentials from error texts

  std::shared_ptr<Transport> transport_;
  OpenAiModelOptions options_;
};

}  // namespace leverkit::integration

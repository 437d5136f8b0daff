// Reading recorded calls (JSON) and fetching the sandbox's synthetic ones.
#include "leverkit/fmt.hpp"
#include "leverkit/integration/recorded_call.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include "leverkit/client/transport.hpp"
#include "leverkit/match/call_json.hpp"

namespace leverkit::inline v0::integration {
namespace {

Result<std::string> opt_string(simdjson::dom::object obj, std::string_view key, std::string_view where) {
  simdjson::dom::element e;
  if (obj.at_key(key).get(e) != simdjson::SUCCESS || e.is_null()) return std::string();
  std::string_view s;
  if (e.get_string().get(s) != simdjson::SUCCESS)
    return Error(Errc::decode_error, fmt::format("{}.{}: expected a string", where, key));
  return std::string(s);
}

Result<RecordedCall> read_item(simdjson::dom::element item, std::string_view where) {
  simdjson::dom::object obj;
  if (item.get_object().get(obj) != simdjson::SUCCESS)
    return Error(Errc::decode_error, fmt::format("{}: expected an object", where));
  RecordedCall out;
  simdjson::dom::element call;
  const bool wrapped = obj.at_key("call").get(call) == simdjson::SUCCESS;
  std::string call_json = simdjson::minify(wrapped ? call : item);
  auto parsed = match::parse_call_json(call_json);
  if (!parsed) {
    Error e = std::move(parsed).error();
    e.message = fmt::format("{}{}: {}", where, wrapped ? ".call" : "", e.message);
    return e;
  }
  out.call = std::move(parsed).value();
  LEVERKIT_TRY(transcript, opt_string(obj, "transcript", where));
  LEVERKIT_TRY(notes, opt_string(obj, "notes", where));
  LEVERKIT_TRY(url, opt_string(obj, "recording_url", where));
  out.transcript = std::move(transcript);
  out.notes = std::move(notes);
  out.recording_url = std::move(url);
  simdjson::dom::object expected;
  if (obj.at_key("expected").get(expected) == simdjson::SUCCESS) {
    LEVERKIT_TRY(kind, opt_string(expected, "kind", fmt::format("{}.expected", where)));
    LEVERKIT_TRY(iv, opt_string(expected, "interview_id", fmt::format("{}.expected", where)));
    LEVERKIT_TRY(opp, opt_string(expected, "opportunity_id", fmt::format("{}.expected", where)));
    LEVERKIT_TRY(tid, opt_string(expected, "template_id", fmt::format("{}.expected", where)));
    out.expected_kind = std::move(kind);
    out.expected_interview_id = std::move(iv);
    out.expected_opportunity_id = std::move(opp);
    out.expected_template_id = std::move(tid);
  }
  return out;
}

}  // namespace

Result<std::vector<RecordedCall>> parse_recorded_calls(std::string_view json) {
  std::vector<RecordedCall> out;
  simdjson::dom::parser parser;
  auto first = json.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return out;
  // `{"data":[…]}` as the sandbox answers it.
  {
    simdjson::padded_string doc(json);
    simdjson::dom::element root;
    if (parser.parse(doc).get(root) == simdjson::SUCCESS) {
      simdjson::dom::array data;
      if (root.at_key("data").get(data) == simdjson::SUCCESS) {
        std::size_t i = 0;
        for (auto item : data) {
          LEVERKIT_TRY(c, read_item(item, fmt::format("data[{}]", i++)));
          out.push_back(std::move(c));
        }
        return out;
      }
    }
  }
  // JSON lines.
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < json.size()) {
    auto nl = json.find('\n', pos);
    std::string_view line = json.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? json.size() : nl + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    simdjson::padded_string doc(line);
    simdjson::dom::element item;
    if (auto err = parser.parse(doc).get(item); err != simdjson::SUCCESS)
      return Error(Errc::decode_error, fmt::format("line {}: not JSON ({})", line_no, simdjson::error_message(err)));
    LEVERKIT_TRY(c, read_item(item, fmt::format("line {}", line_no)));
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<RecordedCall>> fetch_sandbox_calls(std::string_view sandbox_base_url, int count, int seed) {
  if (count < 1 || count > 200) return Error(Errc::invalid_argument, "fetch_sandbox_calls: count must be 1-200");
  std::string base(sandbox_base_url);
  while (!base.empty() && base.back() == '/') base.pop_back();
  if (base.ends_with("/v1")) base.resize(base.size() - 3);
  LEVERKIT_TRY(transport, make_curl_transport());
  HttpRequest req;
  req.url = fmt::format("{}/__sandbox/calls?count={}&seed={}", base, count, seed);
  LEVERKIT_TRY(resp, transport->send(req, {}));
  if (!resp.ok()) {
    Error e(Errc::unexpected_status,
            fmt::format("GET /__sandbox/calls answered {} (is this a leverkit-sandbox with its admin API on?)", resp.status));
    e.http_status = resp.status;
    return e;
  }
  return parse_recorded_calls(resp.body);
}

}  // namespace leverkit::integration

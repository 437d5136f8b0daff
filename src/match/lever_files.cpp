#include "leverkit/fmt.hpp"
#include "leverkit/match/lever_files.hpp"

#include <fmt/format.h>

#include <simdjson.h>

#include <fstream>
#include <sstream>

namespace leverkit::inline v0::match {
namespace {

Result<std::string> read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return Error{Errc::io_error, fmt::format("cannot open {}", p.string())};
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Error{Errc::io_error, fmt::format("cannot read {}", p.string())};
  return ss.str();
}

// Lever's list decoder is lenient (a bare array, a missing or null `data` read as an empty page),
// which is right for a live response but wrong for a saved file: a saved error body or an empty
// object would otherwise look like "no opportunities" and every call would be reported
// candidate_not_in_ats. A saved file must be a list envelope whose `data` is an array.
Result<void> check_list_envelope(std::string_view text, const char* name) {
  namespace od = simdjson::ondemand;
  auto bad = [&](std::string what) {
    return Error{Errc::decode_error,
                 fmt::format("{}: {}; expected a saved Lever list response {{\"data\": [...], ...}}", name, what)};
  };
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return bad("the file is empty");
  simdjson::padded_string padded(text);
  od::parser parser;
  od::document doc;
  if (auto ec = parser.iterate(padded).get(doc); ec) return bad(fmt::format("not JSON ({})", simdjson::error_message(ec)));
  od::json_type type;
  if (auto ec = doc.type().get(type); ec) return bad(fmt::format("not JSON ({})", simdjson::error_message(ec)));
  if (type == od::json_type::array) return bad("the top level is a bare JSON array");
  if (type != od::json_type::object) return bad("the top level is not a JSON object");
  od::object obj;
  if (auto ec = doc.get_object().get(obj); ec) return bad(fmt::format("not JSON ({})", simdjson::error_message(ec)));
  std::string code, message;
  bool has_data = false;
  od::json_type data_type = od::json_type::null;
  for (auto field : obj) {
    std::string_view key;
    if (auto ec = field.unescaped_key().get(key); ec) return bad(fmt::format("not JSON ({})", simdjson::error_message(ec)));
    od::value v;
    if (auto ec = field.value().get(v); ec) return bad(fmt::format("not JSON ({})", simdjson::error_message(ec)));
    if (key == "data") {
      has_data = true;
      if (auto ec = v.type().get(data_type); ec) return bad(fmt::format("data: not JSON ({})", simdjson::error_message(ec)));
      if (data_type == od::json_type::object) {
        // Lever sometimes wraps twice: {"data": {"data": [...]}}; the decoder checks the inner one.
        data_type = od::json_type::array;
      }
    } else if (key == "code" || key == "message") {
      std::string_view sv;
      if (!v.get_string().get(sv)) (key == "code" ? code : message) = std::string(sv.substr(0, 200));
    }
  }
  if (!has_data && (!code.empty() || !message.empty()))
    return bad(fmt::format("it is a saved Lever error response (code \"{}\", message \"{}\"), not a list", code, message));
  if (!has_data) return bad("it has no \"data\" key");
  if (data_type == od::json_type::null) return bad("\"data\" is null");
  if (data_type != od::json_type::array) return bad("\"data\" is not an array");
  return leverkit::success();
}

template <class T, class Decode>
Result<void> decode_into(std::string_view text, const char* name, std::vector<T>& out, Decode decode) {
  LEVERKIT_TRYV(check_list_envelope(text, name));
  auto page = decode(text);
  if (!page) {
    Error e = page.error();
    e.message = fmt::format("{}: {}", name, e.message);
    return e;
  }
  out = std::move(page.value().data);
  return leverkit::success();
}

constexpr const char* kFiles[] = {"opportunities.json", "interviews.json", "panels.json",
                                  "users.json",         "postings.json",   "stages.json"};

}  // namespace

Result<void> parse_lever_file(std::string_view name, std::string_view text, LeverSnapshot& into) {
  if (name == kFiles[0]) return decode_into(text, kFiles[0], into.opportunities, decode_opportunity_page);
  if (name == kFiles[1]) return decode_into(text, kFiles[1], into.interviews, decode_interview_page);
  if (name == kFiles[2]) return decode_into(text, kFiles[2], into.panels, decode_panel_page);
  if (name == kFiles[3]) return decode_into(text, kFiles[3], into.users, decode_user_page);
  if (name == kFiles[4]) return decode_into(text, kFiles[4], into.postings, decode_posting_page);
  if (name == kFiles[5]) return decode_into(text, kFiles[5], into.stages, decode_stage_page);
  return Error{Errc::invalid_argument,
               fmt::format("\"{}\" is not a Lever snapshot file name (opportunities.json, interviews.json, "
                           "panels.json, users.json, postings.json, stages.json)",
                           name)};
}

Result<LeverSnapshot> load_lever_directory(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    return Error{Errc::io_error, fmt::format("{} is not a directory", dir.string())};
  LeverSnapshot s;
  for (std::size_t i = 0; i < std::size(kFiles); ++i) {
    const bool required = i < 2;
    const auto path = dir / kFiles[i];
    if (!std::filesystem::exists(path, ec)) {
      if (required)
        return Error{Errc::io_error, fmt::format("{} is missing (required in the Lever directory)", path.string())};
      continue;
    }
    if (std::filesystem::is_directory(path, ec))
      return Error{Errc::io_error, fmt::format("{} is a directory, not a file", path.string())};
    LEVERKIT_TRY(text, read_file(path));
    LEVERKIT_TRYV(parse_lever_file(kFiles[i], text, s));
  }
  return s;
}

}  // namespace leverkit::match

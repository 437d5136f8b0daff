#include "leverkit/match/lever_files.hpp"

#include <fstream>
#include <sstream>

namespace leverkit::match {
namespace {

Result<std::string> read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return Error{Errc::io_error, fmt::format("cannot open {}", p.string())};
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Error{Errc::io_error, fmt::format("cannot read {}", p.string())};
  return ss.str();
}

template <class T, class Decode>
Result<void> load(const std::filesystem::path& dir, const char* name, bool required, std::vector<T>& out, Decode decode) {
  auto path = dir / name;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (required) return Error{Errc::io_error, fmt::format("{} is missing (required in the Lever directory)", path.string())};
    return leverkit::success();
  }
  LEVERKIT_TRY(text, read_file(path));
  auto page = decode(text);
  if (!page) {
    Error e = page.error();
    e.message = fmt::format("{}: {}", name, e.message);
    return e;
  }
  out = std::move(page.value().data);
  return leverkit::success();
}

}  // namespace

Result<LeverSnapshot> load_lever_directory(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    return Error{Errc::io_error, fmt::format("{} is not a directory", dir.string())};
  LeverSnapshot s;
  LEVERKIT_TRYV(load(dir, "opportunities.json", true, s.opportunities, decode_opportunity_page));
  LEVERKIT_TRYV(load(dir, "interviews.json", true, s.interviews, decode_interview_page));
  LEVERKIT_TRYV(load(dir, "panels.json", false, s.panels, decode_panel_page));
  LEVERKIT_TRYV(load(dir, "users.json", false, s.users, decode_user_page));
  LEVERKIT_TRYV(load(dir, "postings.json", false, s.postings, decode_posting_page));
  LEVERKIT_TRYV(load(dir, "stages.json", false, s.stages, decode_stage_page));
  return s;
}

}  // namespace leverkit::match

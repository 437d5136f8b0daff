// load_lever_directory refuses saved files that are not Lever list responses (issue 12): a saved
// error body, {"data":null}, {} or [] used to load as an empty snapshot, so every call was
// reported candidate_not_in_ats with exit 0.
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "leverkit/match/lever_files.hpp"

using namespace leverkit;
using namespace leverkit::match;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    static std::atomic<int> n{0};
    path = fs::temp_directory_path() / ("leverkit-lever-files-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream out(path / name, std::ios::binary);
    out << text;
  }
};

constexpr const char* kGoodInterviews = R"({"data":[],"hasNext":false})";

std::string load_error(const std::string& opportunities) {
  TempDir d;
  d.write("opportunities.json", opportunities);
  d.write("interviews.json", kGoodInterviews);
  auto r = load_lever_directory(d.path);
  if (r) return "";
  return r.error().message;
}

}  // namespace

TEST_CASE("a saved Lever error body is an error naming the file and Lever's code") {
  std::string m = load_error(R"({"code":"Unauthorized","message":"Invalid API key"})");
  CHECK(m.find("opportunities.json") != std::string::npos);
  CHECK(m.find("error response") != std::string::npos);
  CHECK(m.find("Unauthorized") != std::string::npos);
}

TEST_CASE("null data, an empty object, a bare array and an empty file are errors, not empty lists") {
  CHECK(load_error(R"({"data":null})").find("\"data\" is null") != std::string::npos);
  CHECK(load_error("{}").find("no \"data\" key") != std::string::npos);
  CHECK(load_error("[]").find("bare JSON array") != std::string::npos);
  CHECK(load_error("  \n").find("the file is empty") != std::string::npos);
  CHECK(load_error(R"({"data":"x"})").find("not an array") != std::string::npos);
  CHECK(load_error("{\"data\":[").find("opportunities.json") != std::string::npos);
  CHECK(load_error("42").find("not a JSON object") != std::string::npos);
}

TEST_CASE("an empty list envelope is still a valid (empty) file") {
  CHECK(load_error(R"({"data":[],"hasNext":false})").empty());
  CHECK(load_error(R"({"data":{"data":[]}})").empty());
}

TEST_CASE("a directory where a Lever file should be says so") {
  TempDir d;
  fs::create_directories(d.path / "opportunities.json");
  d.write("interviews.json", kGoodInterviews);
  auto r = load_lever_directory(d.path);
  REQUIRE_FALSE(r);
  CHECK(r.error().message.find("is a directory") != std::string::npos);
}

TEST_CASE("an optional file holding an error body is refused too") {
  TempDir d;
  d.write("opportunities.json", kGoodInterviews);
  d.write("interviews.json", kGoodInterviews);
  d.write("users.json", R"({"code":"Forbidden","message":"no scope"})");
  auto r = load_lever_directory(d.path);
  REQUIRE_FALSE(r);
  CHECK(r.error().message.find("users.json") != std::string::npos);
}

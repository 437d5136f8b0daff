// TokenStore: MemoryTokenStore, and FileTokenStore's 0600 file, atomic replace and flock.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "leverkit/client/token_store.hpp"

using namespace leverkit;
namespace fs = std::filesystem;

namespace {
struct TempDir {
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "leverkit-token-store-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path path;
};

TokenSet sample(std::string suffix) {
  TokenSet t;
  t.access_token = "at-" + suffix;
  t.refresh_token = "v1.rt-" + suffix;
  t.scope = "notes:read:admin offline_access";
  t.expires_at = std::chrono::system_clock::time_point(std::chrono::milliseconds(1'800'000'000'123));
  return t;
}
}  // namespace

TEST_CASE("token sets round-trip through JSON / bad files are decode_error naming the field") {
  auto t = token_set_from_json(token_set_to_json(sample("a"))).value();
  CHECK(t.access_token == "at-a");
  CHECK(t.refresh_token == "v1.rt-a");
  CHECK(t.expires_at == sample("a").expires_at);
  CHECK(token_set_from_json("[]").error().code == Errc::decode_error);
  CHECK(token_set_from_json(R"({"refresh_token":"x"})").error().message.find("access_token") != std::string::npos);
  CHECK(token_set_from_json(R"({"access_token":"x","expires_at":"soon"})").error().message.find("expires_at") !=
        std::string::npos);
}

TEST_CASE("MemoryTokenStore: update saves what the function returns / an error saves nothing") {
  MemoryTokenStore store;
  CHECK_FALSE(store.load().value().has_value());
  REQUIRE(store.update([](const std::optional<TokenSet>& cur) -> Result<TokenSet> {
    CHECK_FALSE(cur.has_value());
    return sample("1");
  }));
  CHECK(store.load().value()->access_token == "at-1");
  auto failed = store.update([](const std::optional<TokenSet>&) -> Result<TokenSet> {
    return Error(Errc::auth_failed, "dead");
  });
  CHECK(failed.error().code == Errc::auth_failed);
  CHECK(store.load().value()->access_token == "at-1");
  CHECK(store.saves() == 1);
  REQUIRE(store.clear());
  CHECK_FALSE(store.load().value().has_value());
}

TEST_CASE("FileTokenStore: 0600 file, atomic replace, missing file = no tokens, corrupt file = decode_error") {
  TempDir dir;
  const fs::path file = dir.path / "sub" / "session.json";
  FileTokenStore store(file.string());
  CHECK_FALSE(store.load().value().has_value());
  REQUIRE(store.save(sample("1")));
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  const auto inode_before = st.st_ino;
  REQUIRE(store.update([](const std::optional<TokenSet>& cur) -> Result<TokenSet> {
    REQUIRE(cur.has_value());
    CHECK(cur->access_token == "at-1");
    return sample("2");
  }));
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK(st.st_ino != inode_before);  // replaced by rename, never rewritten in place
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(store.load().value()->refresh_token == "v1.rt-2");
  // No temporary files left behind.
  int entries = 0;
  for (const auto& e : fs::directory_iterator(file.parent_path())) entries += e.path().filename().string().starts_with(".") ? 1 : 0;
  CHECK(entries == 0);
  {
    std::ofstream out(file, std::ios::trunc);
    out << "{not json";
  }
  auto bad = store.load();
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == Errc::decode_error);
  CHECK(bad.error().message.find(file.string()) != std::string::npos);
  REQUIRE(store.clear());
  CHECK_FALSE(fs::exists(file));
}

TEST_CASE("FileTokenStore: update holds an flock another process cannot take") {
  TempDir dir;
  const fs::path file = dir.path / "session.json";
  FileTokenStore store(file.string());
  REQUIRE(store.save(sample("1")));
  int inside[2], release[2];
  REQUIRE(::pipe(inside) == 0);
  REQUIRE(::pipe(release) == 0);
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    FileTokenStore other(file.string());
    auto r = other.update([&](const std::optional<TokenSet>&) -> Result<TokenSet> {
      char c = 'x';
      (void)!::write(inside[1], &c, 1);
      (void)!::read(release[0], &c, 1);  // hold the lock until the parent has looked
      return sample("child");
    });
    ::_exit(r ? 0 : 1);
  }
  char c = 0;
  REQUIRE(::read(inside[0], &c, 1) == 1);
  int fd = ::open((file.string() + ".lock").c_str(), O_RDWR);
  REQUIRE(fd >= 0);
  CHECK(::flock(fd, LOCK_EX | LOCK_NB) != 0);  // the child holds it
  CHECK(errno == EWOULDBLOCK);
  REQUIRE(::write(release[1], &c, 1) == 1);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(::flock(fd, LOCK_EX | LOCK_NB) == 0);  // released
  ::close(fd);
  CHECK(store.load().value()->access_token == "at-child");
  for (int p : {inside[0], inside[1], release[0], release[1]}) ::close(p);
}

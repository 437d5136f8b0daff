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

TEST_CASE("FileTokenStore: a symbolic link, a FIFO, another owner or a group/other mode is refused, never read") {
  TempDir dir;
  const fs::path file = dir.path / "session.json";
  const fs::path planted = dir.path / "someone-elses.json";
  {
    FileTokenStore writer(planted.string());
    REQUIRE(writer.save(sample("theirs")));
  }
  const auto refused = [&](const char* why) {
    FileTokenStore store(file.string());
    auto r = store.load();
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::io_error);
    CHECK(r.error().message.find(file.string()) != std::string::npos);
    CHECK(r.error().message.find(why) != std::string::npos);
    CHECK(r.error().message.find("at-theirs") == std::string::npos);
    // update() reads first: it must refuse too, without calling the function.
    bool called = false;
    auto u = store.update([&](const std::optional<TokenSet>&) -> Result<TokenSet> {
      called = true;
      return sample("mine");
    });
    CHECK_FALSE(u);
    CHECK_FALSE(called);
  };

  SUBCASE("symbolic link to a valid token file") {
    fs::create_symlink(planted, file);
    refused("is a symbolic link");
  }
  SUBCASE("FIFO: refused at once instead of blocking") {
    REQUIRE(::mkfifo(file.c_str(), 0600) == 0);
    refused("is not a regular file");
  }
  SUBCASE("mode 0644") {
    fs::copy_file(planted, file);
    REQUIRE(::chmod(file.c_str(), 0644) == 0);
    refused("has mode 644");
  }
  SUBCASE("owned by another user") {
    fs::copy_file(planted, file);
    if (::geteuid() != 0) {
      MESSAGE("not root: cannot chown a file to another user here; ownership check not exercised");
      return;
    }
    REQUIRE(::chown(file.c_str(), 65534, 65534) == 0);
    refused("is owned by uid 65534");
  }
}

TEST_CASE("FileTokenStore: a symbolic link at the lock path is refused and its target left alone") {
  TempDir dir;
  const fs::path file = dir.path / "session.json";
  const fs::path victim = dir.path / "victim.txt";
  {
    std::ofstream out(victim);
    out << "do not touch";
  }
  fs::create_symlink(victim, file.string() + ".lock");
  FileTokenStore store(file.string());
  auto r = store.save(sample("1"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::io_error);
  CHECK(r.error().message.find("cannot lock") != std::string::npos);
  CHECK_FALSE(fs::exists(file));
  std::ifstream in(victim);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text == "do not touch");
}

#include "leverkit/fmt.hpp"
#include "leverkit/client/token_store.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <simdjson.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "models/detail/json_writer.hpp"

namespace leverkit::inline v0 {

namespace {

Error io(std::string_view what, const std::string& path) {
  return Error(Errc::io_error, fmt::format("token store {}: {}: {}", path, what, std::strerror(errno)));
}

Error refused(const std::string& path, std::string_view why) {
  return Error(Errc::io_error, fmt::format("token store {}: {}; refused", path, why));
}

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::string token_set_to_json(const TokenSet& t) {
  detail::JsonWriter w;
  w.begin_object()
      .field("access_token", t.access_token)
      .field("refresh_token", t.refresh_token)
      .field("token_type", t.token_type)
      .field("scope", t.scope)
      .field_int("expires_at",
                 std::chrono::duration_cast<std::chrono::milliseconds>(t.expires_at.time_since_epoch()).count())
      .end_object();
  return w.str();
}

Result<TokenSet> token_set_from_json(std::string_view json) {
  simdjson::ondemand::parser parser;
  simdjson::padded_string copy(json);
  simdjson::ondemand::document doc;
  if (parser.iterate(copy).get(doc)) return Error(Errc::decode_error, "token set: not JSON");
  simdjson::ondemand::object obj;
  if (doc.get_object().get(obj)) return Error(Errc::decode_error, "token set: expected a JSON object");
  TokenSet t;
  bool have_access = false;
  for (auto field : obj) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return Error(Errc::decode_error, "token set: bad key");
    std::string_view s;
    if (key == "expires_at") {
      std::int64_t ms = 0;
      if (field.value().get_int64().get(ms)) return Error(Errc::decode_error, "token set: $.expires_at must be an integer");
      t.expires_at = std::chrono::system_clock::time_point(std::chrono::milliseconds(ms));
      continue;
    }
    std::string* out = key == "access_token"    ? &t.access_token
                       : key == "refresh_token" ? &t.refresh_token
                       : key == "token_type"    ? &t.token_type
                       : key == "scope"         ? &t.scope
                                                : nullptr;
    if (out == nullptr) continue;
    if (field.value().get_string().get(s))
      return Error(Errc::decode_error, fmt::format("token set: $.{} must be a string", key));
    *out = std::string(s);
    if (key == "access_token") have_access = true;
  }
  if (!have_access) return Error(Errc::decode_error, "token set: $.access_token is missing");
  return t;
}

// ---------------------------------------------------------------- MemoryTokenStore

Result<std::optional<TokenSet>> MemoryTokenStore::load() {
  std::lock_guard lock(mutex_);
  return tokens_;
}

Result<void> MemoryTokenStore::save(const TokenSet& tokens) {
  std::lock_guard lock(mutex_);
  tokens_ = tokens;
  ++saves_;
  return success();
}

Result<void> MemoryTokenStore::clear() {
  std::lock_guard lock(mutex_);
  tokens_.reset();
  return success();
}

Result<TokenSet> MemoryTokenStore::update(const std::function<Result<TokenSet>(const std::optional<TokenSet>&)>& fn) {
  std::lock_guard lock(mutex_);
  auto r = fn(tokens_);
  if (!r) return r;
  tokens_ = r.value();
  ++saves_;
  return r;
}

int MemoryTokenStore::saves() const {
  std::lock_guard lock(mutex_);
  return saves_;
}

// ---------------------------------------------------------------- FileTokenStore

FileTokenStore::FileTokenStore(std::string path) : path_(std::move(path)) {}

Result<std::optional<TokenSet>> FileTokenStore::read_unlocked() const {
  // O_NOFOLLOW: a link planted in a shared directory must not choose whose tokens we use.
  // O_NONBLOCK: a FIFO in its place must not hang the session (refused below as not a file).
  Fd f{::open(path_.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)};
  if (f.fd < 0) {
    if (errno == ENOENT) return std::optional<TokenSet>{};
    if (errno == ELOOP) return refused(path_, "is a symbolic link");
    return io("cannot open", path_);
  }
  struct stat st {};
  if (::fstat(f.fd, &st) != 0) return io("cannot stat", path_);
  if (!S_ISREG(st.st_mode)) return refused(path_, "is not a regular file");
  if (st.st_uid != ::geteuid())
    return refused(path_, fmt::format("is owned by uid {}, not by this process's user (uid {})", st.st_uid, ::geteuid()));
  if ((st.st_mode & 077) != 0)
    return refused(path_, fmt::format("has mode {:o}: group or others may read or replace the tokens (chmod 600 it)",
                                      st.st_mode & 0777));
  std::string text;
  char buf[4096];
  while (true) {
    ssize_t n = ::read(f.fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return io("cannot read", path_);
    }
    if (n == 0) break;
    text.append(buf, static_cast<std::size_t>(n));
    if (text.size() > (1u << 20)) return Error(Errc::decode_error, fmt::format("token store {}: file too large", path_));
  }
  auto t = token_set_from_json(text);
  if (!t) {
    Error e = std::move(t).error();
    e.message = fmt::format("token store {}: {}", path_, e.message);
    return e;
  }
  return std::optional<TokenSet>(std::move(t).value());
}

Result<void> FileTokenStore::write_unlocked(const TokenSet& tokens) const {
  namespace fs = std::filesystem;
  const fs::path target(path_);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  // A unique temporary file in the same directory (rename is atomic only within a filesystem),
  // created 0600 so the tokens are never readable by others, not even briefly.
  std::string tmp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  Fd f{::mkstemp(tmp.data())};
  if (f.fd < 0) return io("cannot create a temporary file", path_);
  ::fchmod(f.fd, S_IRUSR | S_IWUSR);
  const std::string json = token_set_to_json(tokens);
  std::size_t off = 0;
  while (off < json.size()) {
    ssize_t n = ::write(f.fd, json.data() + off, json.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      Error e = io("cannot write", path_);
      ::unlink(tmp.c_str());
      return e;
    }
    off += static_cast<std::size_t>(n);
  }
  if (::fsync(f.fd) != 0) {
    Error e = io("cannot sync", path_);
    ::unlink(tmp.c_str());
    return e;
  }
  if (::rename(tmp.c_str(), path_.c_str()) != 0) {
    Error e = io("cannot replace", path_);
    ::unlink(tmp.c_str());
    return e;
  }
  Fd d{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (d.fd >= 0) ::fsync(d.fd);  // make the rename itself durable
  return success();
}

namespace {
// flock on "<path>.lock": a separate file, because the token file itself is replaced by rename.
class FileLock {
 public:
  explicit FileLock(const std::string& path) {
    const std::filesystem::path p(path);
    if (p.has_parent_path()) {
      std::error_code ec;  // a failure shows up at open() below
      if (std::filesystem::create_directories(p.parent_path(), ec))
        std::filesystem::permissions(p.parent_path(), std::filesystem::perms::owner_all, ec);
    }
    // O_NOFOLLOW: a planted "<path>.lock" link must not make us create or lock someone's file.
    fd_.fd = ::open((path + ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd_.fd >= 0) {
      while (::flock(fd_.fd, LOCK_EX) != 0 && errno == EINTR) {
      }
    }
  }
  [[nodiscard]] bool ok() const { return fd_.fd >= 0; }

 private:
  Fd fd_;  // closing the descriptor releases the lock
};
}  // namespace

Result<std::optional<TokenSet>> FileTokenStore::load() {
  std::lock_guard lock(mutex_);
  FileLock file_lock(path_);
  if (!file_lock.ok()) return io("cannot lock", path_);
  return read_unlocked();
}

Result<void> FileTokenStore::save(const TokenSet& tokens) {
  std::lock_guard lock(mutex_);
  FileLock file_lock(path_);
  if (!file_lock.ok()) return io("cannot lock", path_);
  return write_unlocked(tokens);
}

Result<void> FileTokenStore::clear() {
  std::lock_guard lock(mutex_);
  FileLock file_lock(path_);
  if (!file_lock.ok()) return io("cannot lock", path_);
  if (::unlink(path_.c_str()) != 0 && errno != ENOENT) return io("cannot remove", path_);
  return success();
}

Result<TokenSet> FileTokenStore::update(const std::function<Result<TokenSet>(const std::optional<TokenSet>&)>& fn) {
  std::lock_guard lock(mutex_);
  FileLock file_lock(path_);
  if (!file_lock.ok()) return io("cannot lock", path_);
  LEVERKIT_TRY(current, read_unlocked());
  auto r = fn(current);
  if (!r) return r;
  LEVERKIT_TRYV(write_unlocked(r.value()));
  return r;
}

}  // namespace leverkit

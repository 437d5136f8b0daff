// leverkit/client/token_store.hpp — where an OAuth session keeps its tokens.
//
// What: `TokenSet` (access token, refresh token, expiry, granted scope) and the `TokenStore`
// interface an `OAuthSession` hands every new pair to *before* it uses the access token: Lever
// rotates refresh tokens, so a refresh token that was received but not stored is a lost grant.
// `update()` is an atomic read-modify-write: the store holds its lock (across processes for
// `FileTokenStore`) while the session decides whether to refresh and saves the result, so two
// processes sharing one file never both spend the same refresh token.
// `MemoryTokenStore` keeps the set in memory; `FileTokenStore` keeps it in a JSON file written
// with mode 0600 through a temporary file and rename(2), locked with flock(2) on "<path>.lock".
// It only reads a token file that is a regular file owned by this process's user with no group
// or other permissions, and never follows a symbolic link at the file or its lock: in a
// directory others can write, a planted file or link would otherwise hand the session someone
// else's Lever grant (notes posted to their account) or a lock on a file of theirs.
// Errors: `Errc::io_error` (file cannot be read, written, locked; a symbolic link, not a regular
// file, another owner, or group/other permissions — each named), `Errc::decode_error` (the
// file is not a token set, naming the field). Never the token values.
// Thread-safety: every member is safe to call concurrently.
// Example:
//   auto store = std::make_shared<leverkit::FileTokenStore>("/home/me/.config/leverkit/session.json");
//   LEVERKIT_TRY(current, store->load());   // std::optional<TokenSet>
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "leverkit/models/error.hpp"

namespace leverkit::inline v0 {

struct TokenSet {
  std::string access_token;
  std::string refresh_token;  // empty when offline_access was not granted
  std::string token_type = "Bearer";
  std::string scope;          // granted scopes, space-separated
  std::chrono::system_clock::time_point expires_at{};
};

class TokenStore {
 public:
  virtual ~TokenStore() = default;
  /// The stored set, nullopt when there is none.
  virtual Result<std::optional<TokenSet>> load() = 0;
  /// Replaces the stored set.
  virtual Result<void> save(const TokenSet& tokens) = 0;
  /// Removes the stored set (disconnect).
  virtual Result<void> clear() = 0;
  /// Under the store's exclusive lock: reads the current set, calls `fn` with it and, when `fn`
  /// returns a set, saves it before the lock is released. Returns what `fn` returned.
  virtual Result<TokenSet> update(const std::function<Result<TokenSet>(const std::optional<TokenSet>&)>& fn) = 0;
};

/// Tokens in memory only (a host that persists them elsewhere, tests).
class MemoryTokenStore final : public TokenStore {
 public:
  MemoryTokenStore() = default;
  explicit MemoryTokenStore(TokenSet initial) : tokens_(std::move(initial)) {}
  Result<std::optional<TokenSet>> load() override;
  Result<void> save(const TokenSet& tokens) override;
  Result<void> clear() override;
  Result<TokenSet> update(const std::function<Result<TokenSet>(const std::optional<TokenSet>&)>& fn) override;
  /// How many times a set was saved (tests: rotation is stored every time).
  [[nodiscard]] int saves() const;

 private:
  mutable std::mutex mutex_;
  std::optional<TokenSet> tokens_;
  int saves_ = 0;
};

/// Tokens in a JSON file (mode 0600, atomic replace, flock on "<path>.lock").
class FileTokenStore final : public TokenStore {
 public:
  explicit FileTokenStore(std::string path);
  Result<std::optional<TokenSet>> load() override;
  Result<void> save(const TokenSet& tokens) override;
  Result<void> clear() override;
  Result<TokenSet> update(const std::function<Result<TokenSet>(const std::optional<TokenSet>&)>& fn) override;
  [[nodiscard]] const std::string& path() const noexcept { return path_; }

 private:
  Result<std::optional<TokenSet>> read_unlocked() const;
  Result<void> write_unlocked(const TokenSet& tokens) const;

  std::string path_;
  std::mutex mutex_;  // flock is per open file description; this serialises our own threads
};

/// The JSON a FileTokenStore writes ({"access_token", "refresh_token", "token_type", "scope",
/// "expires_at" in ms since the epoch}) and its parser.
std::string token_set_to_json(const TokenSet& tokens);
Result<TokenSet> token_set_from_json(std::string_view json);

}  // namespace leverkit

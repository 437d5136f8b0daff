#include "leverkit/fmt.hpp"
#include "leverkit/client/redis_rate_limiter.hpp"

#include <hiredis/hiredis.h>

#include <algorithm>
#include <mutex>

#include <fmt/format.h>

#include "crypto.hpp"

namespace leverkit::inline v0 {
namespace {

// The bucket, atomically on the server. KEYS[1] = bucket; ARGV = rate (tokens/s), burst,
// max_wait_ms (the caller's deadline; -1 = none), ttl_ms. The bucket keeps a fractional token
// count that may go negative: a negative count is slots already reserved by waiting callers, so
// callers are served in order and no slot is handed out twice (like TokenBucketRateLimiter).
// Returns {granted (1/0), wait_ms}: granted 0 means the slot would be past max_wait_ms and
// nothing was taken.
constexpr const char* kScript = R"lua(
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local max_wait = tonumber(ARGV[3])
local ttl = tonumber(ARGV[4])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(b[1])
local ts = tonumber(b[2])
if tokens == nil or ts == nil then
  tokens = burst
  ts = now
end
if now > ts then
  tokens = math.min(burst, tokens + (now - ts) * rate / 1000)
  ts = now
end
local wait = 0
if tokens < 1 then
  wait = math.ceil((1 - tokens) * 1000 / rate)
end
if max_wait >= 0 and wait > max_wait then
  return {0, wait}
end
tokens = tokens - 1
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts))
redis.call('PEXPIRE', KEYS[1], ttl + wait)
return {1, wait}
)lua";

struct ReplyDeleter {
  void operator()(redisReply* r) const noexcept {
    if (r) freeReplyObject(r);
  }
};
using Reply = std::unique_ptr<redisReply, ReplyDeleter>;

timeval to_timeval(std::chrono::milliseconds ms) {
  timeval tv{};
  tv.tv_sec = static_cast<decltype(tv.tv_sec)>(ms.count() / 1000);
  tv.tv_usec = static_cast<decltype(tv.tv_usec)>((ms.count() % 1000) * 1000);
  return tv;
}

}  // namespace

struct RedisRateLimiter::Impl {
  RedisRateLimiterOptions options;
  std::shared_ptr<Clock> clock;
  std::shared_ptr<Sleeper> sleeper;
  std::string where;  // "127.0.0.1:6379" for messages (no password)

  // Nested rather than file-local: a member's type from an anonymous namespace is an error
  // (-Wsubobject-linkage) once this file is compiled inside a unity batch.
  struct ContextDeleter {
    void operator()(redisContext* c) const noexcept {
      if (c) redisFree(c);
    }
  };

  std::mutex mutex;
  std::unique_ptr<redisContext, ContextDeleter> ctx;
  std::string sha;
  std::optional<Clock::time_point> down_since_retry;  // no reconnect before this
  bool fallback_active = false;
  std::unique_ptr<TokenBucketRateLimiter> fallback;

  Error down(std::string_view why) const {
    return Error(Errc::transport, fmt::format("rate limiter: Redis at {} is unavailable: {}", where, why));
  }

  // Under `mutex`. Connects, authenticates, selects the database and loads the script.
  Result<void> connect_locked() {
    ctx.reset(redisConnectWithTimeout(options.host.c_str(), options.port, to_timeval(options.io_timeout)));
    if (!ctx) return down("out of memory");
    if (ctx->err) {
      Error e = down(ctx->errstr);
      ctx.reset();
      return e;
    }
    redisSetTimeout(ctx.get(), to_timeval(options.io_timeout));
    if (!options.password.empty()) {
      Reply r(static_cast<redisReply*>(redisCommand(ctx.get(), "AUTH %b", options.password.data(), options.password.size())));
      if (!r || r->type == REDIS_REPLY_ERROR) {
        ctx.reset();
        return down("AUTH was refused");  // the password itself is never repeated
      }
    }
    if (options.database != 0) {
      Reply r(static_cast<redisReply*>(redisCommand(ctx.get(), "SELECT %d", options.database)));
      if (!r || r->type == REDIS_REPLY_ERROR) {
        std::string why = r ? std::string(r->str, r->len) : std::string(ctx->errstr);
        ctx.reset();
        return down(fmt::format("SELECT {}: {}", options.database, why));
      }
    }
    return load_script_locked();
  }

  Result<void> load_script_locked() {
    Reply r(static_cast<redisReply*>(redisCommand(ctx.get(), "SCRIPT LOAD %s", kScript)));
    if (!r || r->type != REDIS_REPLY_STRING) {
      std::string why = r && r->type == REDIS_REPLY_ERROR ? std::string(r->str, r->len)
                                                          : std::string(ctx->err ? ctx->errstr : "no reply");
      ctx.reset();
      return down(fmt::format("SCRIPT LOAD: {}", why));
    }
    sha.assign(r->str, r->len);
    return success();
  }

  // Under `mutex`: one EVALSHA. Returns {granted, wait}.
  Result<std::pair<bool, std::chrono::milliseconds>> take_locked(long long max_wait_ms) {
    if (!ctx) {
      LEVERKIT_TRYV(connect_locked());
    }
    const std::string rate = fmt::format("{}", options.limits.requests_per_second);
    const std::string burst = fmt::format("{}", options.limits.burst);
    const std::string max_wait = fmt::format("{}", max_wait_ms);
    const std::string ttl = "60000";
    for (int round = 0; round < 2; ++round) {
      const char* argv[] = {"EVALSHA", sha.c_str(), "1", options.key.c_str(), rate.c_str(), burst.c_str(),
                            max_wait.c_str(), ttl.c_str()};
      size_t lens[] = {7, sha.size(), 1, options.key.size(), rate.size(), burst.size(), max_wait.size(), ttl.size()};
      Reply r(static_cast<redisReply*>(redisCommandArgv(ctx.get(), 8, argv, lens)));
      if (!r) {
        Error e = down(ctx->err ? ctx->errstr : "no reply");
        ctx.reset();
        return e;
      }
      if (r->type == REDIS_REPLY_ERROR) {
        std::string_view msg(r->str, r->len);
        if (round == 0 && msg.substr(0, 8) == "NOSCRIPT") {  // SCRIPT FLUSH or a restarted server
          LEVERKIT_TRYV(load_script_locked());
          continue;
        }
        return Error(Errc::transport, fmt::format("rate limiter: Redis at {} refused the bucket script: {}", where, msg));
      }
      if (r->type != REDIS_REPLY_ARRAY || r->elements != 2 || r->element[0]->type != REDIS_REPLY_INTEGER ||
          r->element[1]->type != REDIS_REPLY_INTEGER)
        return Error(Errc::decode_error, fmt::format("rate limiter: unexpected reply from Redis at {}", where));
      return std::pair{r->element[0]->integer == 1, std::chrono::milliseconds(r->element[1]->integer)};
    }
    return down("the bucket script could not be loaded");
  }
};

RedisRateLimiter::RedisRateLimiter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RedisRateLimiter::~RedisRateLimiter() = default;

Result<std::shared_ptr<RedisRateLimiter>> RedisRateLimiter::create(RedisRateLimiterOptions options,
                                                                   std::shared_ptr<Clock> clock,
                                                                   std::shared_ptr<Sleeper> sleeper) {
  if (options.key.empty()) return Error(Errc::invalid_argument, "RedisRateLimiterOptions::key must not be empty");
  if (options.port < 1 || options.port > 65535)
    return Error(Errc::invalid_argument, fmt::format("RedisRateLimiterOptions::port {} is out of range", options.port));
  if (options.fallback_share < 1)
    return Error(Errc::invalid_argument, "RedisRateLimiterOptions::fallback_share must be >= 1");
  if (!(options.limits.requests_per_second > 0) || !(options.limits.burst >= 1))
    return Error(Errc::invalid_argument, "RedisRateLimiterOptions::limits: need requests_per_second > 0 and burst >= 1");
  if (options.io_timeout.count() <= 0) options.io_timeout = std::chrono::milliseconds(250);
  auto impl = std::make_unique<Impl>();
  impl->clock = clock ? std::move(clock) : steady_clock_source();
  impl->sleeper = sleeper ? std::move(sleeper) : thread_sleeper();
  impl->where = fmt::format("{}:{}", options.host, options.port);
  const double share = options.fallback_share;
  impl->fallback = std::make_unique<TokenBucketRateLimiter>(
      RateLimitOptions{.requests_per_second = options.limits.requests_per_second / share,
                       .burst = std::max(1.0, options.limits.burst / share)},
      impl->clock, impl->sleeper);
  impl->options = std::move(options);
  return std::shared_ptr<RedisRateLimiter>(new RedisRateLimiter(std::move(impl)));
}

bool RedisRateLimiter::using_fallback() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->fallback_active;
}

Result<void> RedisRateLimiter::acquire(std::optional<Clock::time_point> deadline, const CancellationToken& cancel) {
  Impl& m = *impl_;
  if (cancel.cancelled()) return Error(Errc::cancelled, "cancelled while waiting for the rate limiter");
  std::chrono::milliseconds wait{0};
  {
    std::unique_lock lock(m.mutex);
    const auto now = m.clock->now();
    const bool may_try_redis = !m.down_since_retry || now >= *m.down_since_retry;
    Result<std::pair<bool, std::chrono::milliseconds>> taken = m.down("not tried");
    if (may_try_redis) {
      long long max_wait = -1;
      if (deadline) max_wait = std::max<long long>(0, std::chrono::floor<std::chrono::milliseconds>(*deadline - now).count());
      taken = m.take_locked(max_wait);
    }
    if (taken) {
      m.down_since_retry.reset();
      m.fallback_active = false;
      auto [granted, w] = taken.value();
      if (!granted)
        return Error(Errc::timeout,
                     fmt::format("rate limiter: the next shared request slot ({} ms away) is past the call's deadline",
                                 w.count()));
      wait = w;
    } else {
      if (taken.error().code != Errc::transport || m.options.when_down == RedisDownPolicy::fail_closed) {
        if (may_try_redis) m.down_since_retry = now + m.options.reconnect_interval;
        return std::move(taken).error();
      }
      if (may_try_redis) m.down_since_retry = now + m.options.reconnect_interval;
      m.fallback_active = true;
      lock.unlock();
      return m.fallback->acquire(deadline, cancel);
    }
  }
  if (wait.count() > 0) {
    // The slot stays reserved in Redis if this wait is cancelled: giving it back would need a
    // second round trip that can race with other workers; one unused slot only slows them down.
    if (auto r = m.sleeper->sleep_for(wait, cancel); !r) {
      Error e = std::move(r).error();
      e.message = "cancelled while waiting for the rate limiter";
      return e;
    }
  }
  return success();
}

std::string redis_rate_limit_key(std::string_view credential_identity) {
  return "leverkit:rate_limit:" + detail::sha256_hex(credential_identity);
}

}  // namespace leverkit

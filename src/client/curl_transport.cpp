// The libcurl transport. Easy handles are pooled and share one connection cache, DNS cache and
// TLS session cache (CURLSH), so consecutive calls from any thread reuse kept-alive connections.
#include <curl/curl.h>

#include <array>
#include <charconv>
#include <mutex>
#include <vector>

#include <fmt/format.h>

#include "leverkit/fmt.hpp"
#include "leverkit/client/transport.hpp"
#include "leverkit/version.hpp"

// GCC 12 reports a bogus -Wrestrict inside std::string's move when a moved HttpResponse is
// inlined into Result (GCC bug 105329); the code is a plain move.
#pragma GCC diagnostic ignored "-Wrestrict"

namespace leverkit::inline v0 {

namespace {

bool is_ipv4_loopback(std::string_view h) noexcept {
  int parts = 0;
  int first = -1;
  while (true) {
    auto dot = h.find('.');
    std::string_view part = h.substr(0, dot);
    if (part.empty() || part.size() > 3) return false;
    int v = 0;
    auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
    if (ec != std::errc() || ptr != part.data() + part.size() || v > 255) return false;
    if (parts == 0) first = v;
    ++parts;
    if (dot == std::string_view::npos) break;
    h.remove_prefix(dot + 1);
  }
  return parts == 4 && first == 127;
}

struct CurlUrl {
  CURLU* h = curl_url();
  ~CurlUrl() { curl_url_cleanup(h); }
  CurlUrl() = default;
  CurlUrl(const CurlUrl&) = delete;
  CurlUrl& operator=(const CurlUrl&) = delete;
  std::string get(CURLUPart part) const {
    char* out = nullptr;
    if (curl_url_get(h, part, &out, 0) != CURLUE_OK || out == nullptr) return {};
    std::string s(out);
    curl_free(out);
    return s;
  }
};

struct Slist {
  curl_slist* list = nullptr;
  ~Slist() { curl_slist_free_all(list); }
  Slist() = default;
  Slist(const Slist&) = delete;
  Slist& operator=(const Slist&) = delete;
  bool append(const std::string& line) {
    curl_slist* next = curl_slist_append(list, line.c_str());
    if (next == nullptr) return false;
    list = next;
    return true;
  }
};

struct Exchange {
  HttpResponse response;
  const CancellationToken* cancel = nullptr;
};

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
  auto* ex = static_cast<Exchange*>(user);
  ex->response.body.append(data, size * n);
  return size * n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* user) {
  auto* ex = static_cast<Exchange*>(user);
  std::string_view line(data, size * n);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
  if (line.starts_with("HTTP/")) {
    ex->response.headers = Headers{};  // a new response (redirect, 100-continue): start over
    return size * n;
  }
  auto colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    ex->response.headers.add(std::string(line.substr(0, colon)), std::string(value));
    if (iequals(line.substr(0, colon), "content-length")) {
      std::size_t len = 0;
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), len);
      // Reserve body + padding once (bounded so a lying header cannot make us allocate wildly).
      if (ec == std::errc() && len < (std::size_t{64} << 20)) ex->response.body.reserve(len + body_padding);
    }
  }
  return size * n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* ex = static_cast<Exchange*>(user);
  return (ex->cancel != nullptr && ex->cancel->cancelled()) ? 1 : 0;
}

class CurlTransport final : public Transport {
 public:
  explicit CurlTransport(TransportOptions o) : options_(std::move(o)) {
    user_agent_ = "leverkit/" LEVERKIT_VERSION_STRING;
    share_ = curl_share_init();
    if (share_ != nullptr) {
      curl_share_setopt(share_, CURLSHOPT_LOCKFUNC, &CurlTransport::lock);
      curl_share_setopt(share_, CURLSHOPT_UNLOCKFUNC, &CurlTransport::unlock);
      curl_share_setopt(share_, CURLSHOPT_USERDATA, this);
      curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
      curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
      curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
    }
  }
  ~CurlTransport() override {
    for (CURL* h : idle_) curl_easy_cleanup(h);
    if (share_ != nullptr) curl_share_cleanup(share_);
  }
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  Result<HttpResponse> send(const HttpRequest& request, const CallOptions& call) override {
    const std::string where = fmt::format("{} {}", to_string(request.method), request.url);
    CurlUrl u;
    if (u.h == nullptr) return Error(Errc::transport, "out of memory");
    if (curl_url_set(u.h, CURLUPART_URL, request.url.c_str(), 0) != CURLUE_OK)
      return Error(Errc::invalid_argument, fmt::format("malformed URL in {}", where));
    const std::string scheme = u.get(CURLUPART_SCHEME);
    const std::string host = u.get(CURLUPART_HOST);
    if (scheme != "https" && scheme != "http")
      return Error(Errc::invalid_argument, fmt::format("unsupported URL scheme '{}' in {}", scheme, where));
    if (scheme == "http" && !options_.allow_insecure_http && !is_loopback_host(host))
      return Error(Errc::invalid_argument,
                   fmt::format("plain http:// to non-loopback host '{}' refused (set TransportOptions::allow_insecure_http "
                               "to allow it): {}",
                               host, where));
    if (call.cancel.cancelled()) return Error(Errc::cancelled, fmt::format("cancelled before sending {}", where));

    CURL* h = acquire();
    if (h == nullptr) return Error(Errc::transport, "curl_easy_init failed");
    struct Release {
      CurlTransport* t;
      CURL* h;
      ~Release() { t->release(h); }
    } release{this, h};

    Exchange ex;
    ex.cancel = &call.cancel;
    std::array<char, CURL_ERROR_SIZE> errbuf{};
    Slist headers;
    for (const auto& [k, v] : request.headers.items())
      if (!headers.append(k + ": " + v)) return Error(Errc::transport, "out of memory");
    headers.append("Expect:");  // no 100-continue round trip for bodies

    auto timeout = options_.timeout;
    if (call.timeout && *call.timeout < timeout) timeout = *call.timeout;
    if (timeout.count() <= 0) return Error(Errc::timeout, fmt::format("no time left to send {}", where));
    auto connect_timeout = std::min(options_.connect_timeout, timeout);

    curl_easy_setopt(h, CURLOPT_SHARE, share_);
    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options_.ca_file.c_str());
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(h, CURLOPT_USERAGENT, user_agent_.c_str());
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(h, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(connect_timeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.list);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf.data());
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &ex);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &ex);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, &on_progress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &ex);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    switch (request.method) {
      case HttpMethod::get:
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
        // Lever documents 301 for moved resources; curl drops Authorization on a host change.
        curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(h, CURLOPT_MAXREDIRS, 5L);
        curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "https");
        break;
      case HttpMethod::post:
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        break;
      case HttpMethod::put: curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, "PUT"); break;
      case HttpMethod::delete_: curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, "DELETE"); break;
    }
    if (request.method != HttpMethod::get) {
      // libcurl silently re-sends a request on a new connection when a *reused* keep-alive
      // connection dies before the first response byte ("Connection died, retrying a fresh
      // connect") — for a write that can mean two notes in Lever while the caller sees one.
      // curl has no switch for that retry, but it only happens on reused connections, so a write
      // always takes a fresh one (TLS session resumption keeps that cheap); the connection then
      // joins the cache for later reads. tests/unit/client/resend_test.cpp proves it (ADR 0022).
      curl_easy_setopt(h, CURLOPT_FRESH_CONNECT, 1L);
    }
    if (options_.low_speed_limit > 0 && options_.low_speed_time.count() > 0) {
      // A response trickling below the floor for the window is abandoned (CURLE_OPERATION_TIMEDOUT).
      curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, options_.low_speed_limit);
      curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME,
                       static_cast<long>(std::max<std::int64_t>(1, std::chrono::ceil<std::chrono::seconds>(
                                                                        options_.low_speed_time).count())));
    }
    if (request.method != HttpMethod::get && (request.method != HttpMethod::delete_ || !request.body.empty())) {
      curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
      curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }

    const CURLcode rc = curl_easy_perform(h);
    if (rc == CURLE_OK) {
      long status = 0;
      curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
      ex.response.status = static_cast<int>(status);
      ex.response.ensure_padding();
      return std::move(ex.response);
    }
    curl_off_t pretransfer = 0;
    curl_easy_getinfo(h, CURLINFO_PRETRANSFER_TIME_T, &pretransfer);
    std::string detail = errbuf[0] != '\0' ? std::string(errbuf.data()) : std::string(curl_easy_strerror(rc));
    while (!detail.empty() && detail.back() == '\n') detail.pop_back();
    const std::string msg = fmt::format("{}: {}", where, detail);
    switch (rc) {
      case CURLE_ABORTED_BY_CALLBACK: return Error(Errc::cancelled, msg);
      case CURLE_OPERATION_TIMEDOUT: {
        Error e(Errc::timeout, msg);
        // No pre-transfer time: the connection (or TLS) never got to sending the request.
        return pretransfer == 0 ? mark_not_sent(std::move(e)) : e;
      }
      case CURLE_COULDNT_RESOLVE_HOST:
      case CURLE_COULDNT_RESOLVE_PROXY:
      case CURLE_COULDNT_CONNECT:
      case CURLE_SSL_CONNECT_ERROR:
        return mark_not_sent(Error(Errc::transport, msg));
      case CURLE_PEER_FAILED_VERIFICATION:
      case CURLE_SSL_CACERT_BADFILE:
      case CURLE_SSL_CERTPROBLEM:
      case CURLE_SSL_CIPHER:
      case CURLE_SSL_ISSUER_ERROR:
      case CURLE_SSL_CRL_BADFILE: {
        // The peer's certificate (or our TLS setup) is wrong: the same handshake fails again, so
        // this is permanent. Nothing was sent.
        Error e = mark_not_sent(Error(Errc::transport, msg));
        e.permanent = true;
        return e;
      }
      case CURLE_RECV_ERROR:
      case CURLE_SEND_ERROR:
      case CURLE_GOT_NOTHING:
      case CURLE_PARTIAL_FILE:
      default: return Error(Errc::transport, msg);
      case CURLE_URL_MALFORMAT:
      case CURLE_UNSUPPORTED_PROTOCOL: return Error(Errc::invalid_argument, msg);
    }
  }

 private:
  CURL* acquire() {
    {
      std::lock_guard lock(pool_mutex_);
      if (!idle_.empty()) {
        CURL* h = idle_.back();
        idle_.pop_back();
        curl_easy_reset(h);  // keeps the handle's live connections
        return h;
      }
    }
    return curl_easy_init();
  }
  void release(CURL* h) {
    {
      std::lock_guard lock(pool_mutex_);
      if (static_cast<int>(idle_.size()) < options_.max_idle_handles) {
        idle_.push_back(h);
        return;
      }
    }
    curl_easy_cleanup(h);
  }
  static void lock(CURL*, curl_lock_data data, curl_lock_access, void* user) {
    static_cast<CurlTransport*>(user)->locks_[static_cast<std::size_t>(data) % lock_slots].lock();
  }
  static void unlock(CURL*, curl_lock_data data, void* user) {
    static_cast<CurlTransport*>(user)->locks_[static_cast<std::size_t>(data) % lock_slots].unlock();
  }

  static constexpr std::size_t lock_slots = 16;
  TransportOptions options_;
  std::string user_agent_;
  CURLSH* share_ = nullptr;
  std::array<std::mutex, lock_slots> locks_;
  std::mutex pool_mutex_;
  std::vector<CURL*> idle_;
};

}  // namespace

bool is_loopback_host(std::string_view host) noexcept {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host.ends_with(".")) host.remove_suffix(1);
  return iequals(host, "localhost") || host == "::1" || host == "0:0:0:0:0:0:0:1" || is_ipv4_loopback(host);
}

Error mark_not_sent(Error e) {
  e.not_sent = true;
  return e;
}

bool request_not_sent(const Error& e) noexcept { return e.http_status == 0 && e.not_sent; }

Result<std::shared_ptr<Transport>> make_curl_transport(TransportOptions options) {
  static std::once_flag once;
  static CURLcode init = CURLE_OK;
  std::call_once(once, [] { init = curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (init != CURLE_OK) return Error(Errc::transport, fmt::format("curl_global_init failed: {}", curl_easy_strerror(init)));
  if (options.connect_timeout.count() <= 0 || options.timeout.count() <= 0)
    return Error(Errc::invalid_argument, "TransportOptions: connect_timeout and timeout must be positive");
  if (options.low_speed_limit < 0 || options.low_speed_time.count() < 0)
    return Error(Errc::invalid_argument, "TransportOptions: low_speed_limit and low_speed_time must not be negative");
  return std::shared_ptr<Transport>(std::make_shared<CurlTransport>(std::move(options)));
}

}  // namespace leverkit

#include "leverkit/fmt.hpp"
#include "leverkit/client/client.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "client_state.hpp"
#include "text_audit_hook.hpp"

namespace leverkit::inline v0 {

static_assert(body_padding >= simdjson::SIMDJSON_PADDING, "response bodies must be padded for simdjson");

std::string_view base_url_of(Environment e) noexcept {
  switch (e) {
    case Environment::production: return "https://api.lever.co/v1";
    case Environment::sandbox: return "https://api.sandbox.lever.co/v1";
    case Environment::eu: return "https://api.eu.lever.co/v1";
  }
  return "https://api.lever.co/v1";
}

ClientOptions ClientOptions::from_environment() {
  ClientOptions o;
  if (const char* url = std::getenv("LEVER_BASE_URL"); url != nullptr && *url != '\0') o.base_url = url;
  return o;
}

namespace detail {

namespace {

bool contains_icase(std::string_view hay, std::string_view needle) {
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         }) != hay.end();
}

// Lever's error envelope {code, message}; anything else leaves both empty.
void parse_lever_error(const HttpResponse& r, Error& e) {
  if (r.body.empty()) return;
  simdjson::ondemand::parser parser;
  simdjson::padded_string copy;
  simdjson::ondemand::document doc;
  simdjson::error_code ec;
  if (r.padded()) {
    ec = parser.iterate(r.body.data(), r.body.size(), r.body.capacity()).get(doc);
  } else {
    copy = simdjson::padded_string(r.body);
    ec = parser.iterate(copy).get(doc);
  }
  if (ec) return;
  simdjson::ondemand::object obj;
  if (doc.get_object().get(obj)) return;
  for (auto field : obj) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return;
    std::string_view value;
    if (key == "code" || key == "message") {
      if (field.value().get_string().get(value)) continue;  // not a string: ignore the field
      (key == "code" ? e.lever_code : e.lever_message) = std::string(value);
    }
  }
}

constexpr std::string_view request_id_headers[] = {"x-request-id", "request-id", "x-lever-request-id",
                                                   "x-amzn-requestid", "x-amz-request-id"};

}  // namespace

Error error_from_response(const HttpResponse& r, std::string_view what, bool request_had_offset,
                          std::chrono::system_clock::time_point now) {
  Errc code = Errc::unexpected_status;
  switch (r.status) {
    case 400: code = Errc::bad_request; break;
    case 401: code = Errc::unauthorized; break;
    case 403: code = Errc::forbidden; break;
    case 404: code = Errc::not_found; break;
    case 409:
    case 422: code = Errc::conflict; break;
    case 429: code = Errc::rate_limited; break;
    default:
      if (r.status >= 500 && r.status <= 599) code = Errc::server_error;
  }
  Error e(code, std::string(what));
  e.http_status = r.status;
  parse_lever_error(r, e);
  if (e.lever_code.empty() && e.lever_message.empty() && !r.body.empty()) {
    // Not Lever's envelope (a proxy's HTML page, plain text): keep a short, single-line excerpt.
    std::string excerpt = r.body.substr(0, 160);
    std::replace_if(excerpt.begin(), excerpt.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    e.message += fmt::format(" (non-JSON body: \"{}{}\")", excerpt, r.body.size() > 160 ? "..." : "");
  }
  for (auto h : request_id_headers)
    if (auto v = r.headers.get(h)) {
      e.request_id = std::string(*v);
      break;
    }
  if (auto ra = r.headers.get("retry-after")) e.retry_after = parse_retry_after(*ra, now);
  // ADR 0020: a 400 to a request that carried an offset token, whose error names the offset.
  if (r.status == 400 && request_had_offset &&
      (contains_icase(e.lever_message, "offset") || contains_icase(e.lever_code, "offset"))) {
    e.code = Errc::stale_cursor;
    e.message += ": Lever refused the pagination offset token; restart the listing from the beginning";
  }
  return e;
}

double ClientState::next_random() {
  if (random) return random();
  std::lock_guard lock(rng_mutex);
  return std::uniform_real_distribution<double>(0.0, 1.0)(rng);
}

void ClientState::log(LogLevel level, std::string line) const {
  // Formatted and redacted even without a logger, so the audit seam sees every line (retries only).
  credentials->redact(line);
  detail::audit_text("log", line);
  if (logger) logger(level, line);
}

Error ClientState::redact(Error e) const {
  credentials->redact(e.message);
  credentials->redact(e.lever_message);
  credentials->redact(e.lever_code);
  credentials->redact(e.request_id);
  detail::audit_text("error", e.to_string());
  return e;
}

Result<HttpResponse> ClientState::execute(HttpMethod method, std::string_view path_and_query, std::string body,
                                          const CallOptions& options, bool has_offset) {
  const auto budget = options.timeout.value_or(default_timeout);
  const auto deadline = clock->now() + budget;
  const std::string what = fmt::format("{} {}{}", to_string(method), base_path,
                                       path_and_query.substr(0, path_and_query.find('?')));

  HttpRequest req;
  req.method = method;
  req.url = base_url;
  req.url += path_and_query;
  req.headers.add("Accept", "application/json");
  if (!body.empty()) req.headers.add("Content-Type", "application/json");
  for (const auto& [k, v] : options.headers) {
    if (iequals(k, "authorization"))
      return Error(Errc::invalid_argument, "CallOptions::headers must not set Authorization (use Credentials)");
    req.headers.set(k, v);
  }
  req.body = std::move(body);

  int attempts = 0;
  int rate_limited = 0;  // 429 answers: bounded by the budget, not by max_attempts (retry.hpp)
  bool reauthorized = false;
  // A POST is not idempotent: once an attempt may have reached Lever (sent, no proof otherwise,
  // no 4xx refusal), repeating it could write twice, whatever happens after.
  bool maybe_written = false;
  auto fail = [&](Error e) {
    e.attempts = attempts;
    if (attempts == 0) e.not_sent = true;
    if (method == HttpMethod::post && maybe_written) e.may_have_written = true;
    return redact(std::move(e));
  };
  // Waits before the next attempt; an error when the wait is impossible or interrupted.
  auto wait = [&](std::chrono::milliseconds delay, const Error& cause) -> std::optional<Error> {
    if (clock->now() + delay > deadline) return fail(cause);
    log(LogLevel::info, fmt::format("{}: {} (attempt {}/{}); retrying in {} ms", what, cause.to_string(), attempts,
                                    retry.max_attempts, delay.count()));
    if (auto s = sleeper->sleep_for(delay, options.cancel); !s)
      return fail(Error(Errc::cancelled, fmt::format("{}: cancelled while backing off", what)));
    return std::nullopt;
  };

  while (true) {
    if (options.cancel.cancelled()) return fail(Error(Errc::cancelled, fmt::format("{}: cancelled", what)));
    if (clock->now() >= deadline)
      return fail(Error(Errc::timeout, fmt::format("{}: the call's {} ms budget is spent", what, budget.count())));
    if (auto r = limiter->acquire(deadline, options.cancel); !r) {
      Error e = std::move(r).error();
      e.message = fmt::format("{}: {}", what, e.message);
      return fail(std::move(e));
    }
    auto authorized = credentials->authorization(options);
    if (!authorized) {
      // The same exit as every other failure: attempts counted, the text redacted.
      Error e = std::move(authorized).error();
      e.message = fmt::format("{}: {}", what, e.message);
      return fail(std::move(e));
    }
    const std::string auth = std::move(authorized).value();
    req.headers.set("Authorization", auth);
    const auto remaining = std::chrono::ceil<std::chrono::milliseconds>(deadline - clock->now());
    if (remaining.count() <= 0)
      return fail(Error(Errc::timeout, fmt::format("{}: the call's {} ms budget is spent", what, budget.count())));
    CallOptions per_attempt;
    per_attempt.timeout = remaining;
    per_attempt.cancel = options.cancel;
    ++attempts;
    auto sent = transport->send(req, per_attempt);
    if (!sent) {
      Error e = std::move(sent).error();
      if (!e.not_sent && e.code != Errc::invalid_argument) maybe_written = true;
      if (attempts_left(retry, attempts, rate_limited) && should_retry_transport(retry, method, e)) {
        if (auto stop = wait(backoff_delay(retry, attempts, next_random()), e)) return std::move(*stop);
        continue;
      }
      return fail(std::move(e));
    }
    HttpResponse& resp = sent.value();
    if (resp.ok()) {
      if (!resp.padded()) resp.ensure_padding();
      return std::move(resp);
    }
    if (resp.status == 401 && !reauthorized && credentials->on_unauthorized(auth)) {
      reauthorized = true;  // the credentials refreshed: one more try, once
      continue;
    }
    if (resp.status >= 500) maybe_written = true;
    // Redact the whole body before error_from_response keeps an excerpt of it: a secret cut in
    // half by the excerpt would no longer match as a whole.
    credentials->redact(resp.body);
    Error e = error_from_response(resp, what, has_offset, clock->wall_now());
    if (resp.status == 429) ++rate_limited;
    if (attempts_left(retry, attempts, rate_limited) && should_retry_status(retry, method, resp.status)) {
      std::chrono::milliseconds delay = backoff_delay(retry, attempts, next_random());
      if (e.retry_after) {
        if (*e.retry_after > retry.max_retry_after) return fail(std::move(e));
        delay = *e.retry_after;
      }
      if (auto stop = wait(delay, e)) return std::move(*stop);
      continue;
    }
    return fail(std::move(e));
  }
}

CallBudget::CallBudget(const ClientState& st, const CallOptions& options)
    : clock_(st.clock),
      options_(options),
      budget_(options.timeout.value_or(st.default_timeout)),
      deadline_(clock_->now() + budget_) {}

Result<CallOptions> CallBudget::next(std::string_view what) const {
  // Rounded down: a sub-request never gets more than what is really left.
  const auto left = std::chrono::floor<std::chrono::milliseconds>(deadline_ - clock_->now());
  if (left.count() <= 0) {
    Error e(Errc::timeout, fmt::format("{}: the call's {} ms budget was spent by its earlier requests; not sent",
                                       what, budget_.count()));
    e.not_sent = true;
    return e;
  }
  CallOptions o = options_;
  o.timeout = left;
  return o;
}

void Query::put(std::string_view key, std::string_view value) {
  s_ += s_.empty() ? '?' : '&';
  s_ += url_encode(key);
  s_ += '=';
  s_ += url_encode(value);
}
void Query::add(std::string_view key, std::optional<Timestamp> t) {
  if (t) put(key, std::string_view(fmt::format("{}", to_unix_ms(*t))));
}
void Query::add(std::string_view key, std::optional<bool> b) {
  if (b) put(key, std::string_view(*b ? "true" : "false"));
}
void Query::add(std::string_view key, std::optional<int> n) {
  if (n) put(key, std::string_view(fmt::format("{}", *n)));
}
void Query::add(std::string_view key, std::optional<Confidentiality> c) {
  if (!c) return;
  switch (*c) {
    case Confidentiality::non_confidential: put(key, std::string_view("non-confidential")); break;
    case Confidentiality::confidential: put(key, std::string_view("confidential")); break;
    case Confidentiality::all: put(key, std::string_view("all")); break;
  }
}

Result<void> check_limit(std::optional<int> limit) {
  if (limit && (*limit < 1 || *limit > 100))
    return Error(Errc::invalid_argument, fmt::format("limit must be between 1 and 100 (got {})", *limit));
  return success();
}

Result<std::string> id_path(std::string_view prefix, std::string_view id, std::string_view param,
                            std::string_view suffix) {
  if (id.empty()) return Error(Errc::invalid_argument, fmt::format("{} must not be empty", param));
  return fmt::format("{}/{}{}", prefix, url_encode(id), suffix);
}

Result<void> require_perform_as(Query& q, std::string_view perform_as, std::string_view param) {
  if (perform_as.empty())
    return Error(Errc::invalid_argument,
                 fmt::format("{}: Lever requires perform_as (the user id the write is done on behalf of)", param));
  q.put("perform_as", perform_as);
  return success();
}

Result<void> call_void(ClientState& st, HttpMethod method, const std::string& path_and_query, std::string body,
                       const CallOptions& options) {
  LEVERKIT_TRY(resp, st.execute(method, path_and_query, std::move(body), options));
  (void)resp;
  return success();
}

}  // namespace detail

Result<Client> Client::create(std::shared_ptr<Credentials> credentials, ClientOptions o) {
  if (!credentials) return Error(Errc::invalid_argument, "credentials must not be null");
  if (auto* key = dynamic_cast<ApiKeyCredentials*>(credentials.get()); key != nullptr && key->empty())
    return Error(Errc::invalid_argument, "the API key is empty");
  auto st = std::make_shared<detail::ClientState>();
  std::string base = o.base_url.empty() ? std::string(base_url_of(o.environment)) : o.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  const bool https = base.starts_with("https://");
  const bool http = base.starts_with("http://");
  if (!https && !http)
    return Error(Errc::invalid_argument, fmt::format("base_url must start with https:// (got '{}')", base));
  std::string_view rest = std::string_view(base).substr(https ? 8 : 7);
  std::string_view authority = rest.substr(0, rest.find('/'));
  if (authority.empty() || authority.find_first_of("?#@") != std::string_view::npos)
    return Error(Errc::invalid_argument, fmt::format("base_url has no usable host: '{}'", base));
  st->base_path = std::string(rest.substr(authority.size()));
  std::string_view host = authority;
  if (host.front() == '[') {
    host = host.substr(0, host.find(']') + 1);
  } else {
    host = host.substr(0, host.find(':'));
  }
  if (http && !o.transport_options.allow_insecure_http && !is_loopback_host(host))
    return Error(Errc::invalid_argument,
                 fmt::format("base_url: plain http:// is allowed only to loopback hosts, not '{}' "
                             "(TransportOptions::allow_insecure_http overrides)",
                             host));
  if (o.retry.max_attempts < 1) return Error(Errc::invalid_argument, "retry.max_attempts must be >= 1");
  if (o.default_timeout.count() <= 0) return Error(Errc::invalid_argument, "default_timeout must be positive");
  if (base.find_first_of(" \t\r\n") != std::string::npos)
    return Error(Errc::invalid_argument, "base_url must not contain whitespace");

  st->base_url = std::move(base);
  st->clock = o.clock ? std::move(o.clock) : steady_clock_source();
  st->sleeper = o.sleeper ? std::move(o.sleeper) : thread_sleeper();
  if (o.transport) {
    st->transport = std::move(o.transport);
  } else {
    LEVERKIT_TRY(t, make_curl_transport(o.transport_options));
    st->transport = std::move(t);
  }
  st->limiter = o.rate_limiter ? std::move(o.rate_limiter)
                               : shared_rate_limiter(credentials->identity(), o.rate_limit, st->clock, st->sleeper);
  st->credentials = std::move(credentials);
  st->retry = std::move(o.retry);
  st->random = std::move(o.random);
  st->default_timeout = o.default_timeout;
  st->logger = std::move(o.logger);
  return Client(std::move(st));
}

const std::string& Client::base_url() const noexcept { return state_->base_url; }

Result<HttpResponse> Client::request(HttpMethod method, std::string_view path_and_query, std::string body,
                                     const CallOptions& options) const {
  if (!path_and_query.starts_with('/'))
    return Error(Errc::invalid_argument, "path_and_query must start with '/'");
  const bool has_offset = !query_values(path_and_query, "offset").empty();
  return state_->execute(method, path_and_query, std::move(body), options, has_offset);
}

}  // namespace leverkit

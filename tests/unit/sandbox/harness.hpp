// Test harness: an in-process sandbox on a free loopback port, talked to with cpp-httplib's
// client (not leverkit's), and the sandbox's own JSON reader for bodies.
#pragma once
#include <httplib.h>

#include <atomic>
#include <fstream>
#include <memory>
#include <set>
#include <string>

#include <doctest/doctest.h>

#include "leverkit/sandbox/server.hpp"
#include "value.hpp"

namespace sbx_test {

using leverkit::sandbox::detail::Value;

struct Reply {
  int status = 0;
  Value body;
  std::string raw;
  httplib::Headers headers;
};

inline std::string basic(std::string_view key) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string in = std::string(key) + ":";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                 static_cast<unsigned char>(in[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out.push_back(kAlphabet[(v >> s) & 63]);
  }
  if (i < in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(i + 1 < in.size() ? kAlphabet[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  return "Basic " + out;
}

inline Value parse(const std::string& text) {
  std::string err;
  auto v = leverkit::sandbox::detail::parse_json(text, err);
  return v ? std::move(*v) : Value();
}

inline Value load_sample(std::string_view name) {
  std::ifstream in(std::string(LEVERKIT_TEST_DATA_DIR) + "/lever-samples/" + std::string(name));
  REQUIRE_MESSAGE(in.good(), "missing sample ", name);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string err;
  auto v = leverkit::sandbox::detail::parse_json(text, err);
  REQUIRE_MESSAGE(v.has_value(), "sample ", name, " does not parse: ", err);
  return std::move(*v);
}

inline std::set<std::string> keys(const Value& v) {
  std::set<std::string> out;
  for (const auto& [k, _] : v.as_object()) out.insert(k);
  return out;
}

struct Sandbox {
  explicit Sandbox(leverkit::sandbox::ServerOptions o = defaults()) : server(std::move(o)) {
    auto r = server.start();
    REQUIRE_MESSAGE(r.has_value(), "sandbox did not start");
    client = std::make_unique<httplib::Client>(server.base_url());
    client->set_keep_alive(true);
    client->set_read_timeout(10);
  }

  static leverkit::sandbox::ServerOptions defaults() {
    leverkit::sandbox::ServerOptions o;
    o.opportunities = 300;
    o.rate_limit.enabled = false;
    o.threads = 4;
    return o;
  }

  Reply call(const std::string& method, const std::string& path, const std::string& body = {},
             std::string_view key = leverkit::sandbox::kFullKey) {
    httplib::Headers h;
    if (!key.empty()) h.emplace("Authorization", key.starts_with("Bearer ") ? std::string(key) : basic(key));
    httplib::Result res{nullptr, httplib::Error::Unknown};
    if (method == "GET") res = client->Get(path, h);
    else if (method == "POST") res = client->Post(path, h, body, "application/json");
    else if (method == "PUT") res = client->Put(path, h, body, "application/json");
    else if (method == "DELETE") res = client->Delete(path, h);
    Reply r;
    if (!res) return r;
    r.status = res->status;
    r.raw = res->body;
    r.body = parse(res->body);
    r.headers = res->headers;
    return r;
  }
  Reply get(const std::string& path, std::string_view key = leverkit::sandbox::kFullKey) { return call("GET", path, {}, key); }
  Reply post(const std::string& path, const std::string& body, std::string_view key = leverkit::sandbox::kFullKey) {
    return call("POST", path, body, key);
  }
  Reply put(const std::string& path, const std::string& body, std::string_view key = leverkit::sandbox::kFullKey) {
    return call("PUT", path, body, key);
  }
  Reply del(const std::string& path, std::string_view key = leverkit::sandbox::kFullKey) { return call("DELETE", path, {}, key); }

  leverkit::sandbox::Server server;
  std::unique_ptr<httplib::Client> client;
};

}  // namespace sbx_test

// Issue 9: a TLS certificate the client cannot verify is a permanent failure — the real curl
// transport against a loopback TLS server with a fresh self-signed certificate.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "leverkit/client/client.hpp"

using namespace leverkit;
using namespace std::chrono_literals;

namespace {

class SelfSignedTlsServer {
 public:
  SelfSignedTlsServer() {
    ctx_ = SSL_CTX_new(TLS_server_method());
    REQUIRE(ctx_ != nullptr);
    EVP_PKEY* pkey = EVP_EC_gen("P-256");
    REQUIRE(pkey != nullptr);
    X509* cert = X509_new();
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
    X509_set_pubkey(cert, pkey);
    X509_NAME* name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
    X509_set_issuer_name(cert, name);
    REQUIRE(X509_sign(cert, pkey, EVP_sha256()) > 0);
    REQUIRE(SSL_CTX_use_certificate(ctx_, cert) == 1);
    REQUIRE(SSL_CTX_use_PrivateKey(ctx_, pkey) == 1);
    X509_free(cert);
    EVP_PKEY_free(pkey);

    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    REQUIRE(::listen(fd_, 8) == 0);
    thread_ = std::thread([this] {
      while (true) {
        int c = ::accept(fd_, nullptr, nullptr);
        if (c < 0) return;
        ++handshakes_;
        SSL* ssl = SSL_new(ctx_);
        SSL_set_fd(ssl, c);
        if (SSL_accept(ssl) == 1) ++completed_;  // the client rejects our certificate first
        SSL_free(ssl);
        ::close(c);
      }
    });
  }
  ~SelfSignedTlsServer() {
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    thread_.join();
    SSL_CTX_free(ctx_);
  }
  SelfSignedTlsServer(const SelfSignedTlsServer&) = delete;
  SelfSignedTlsServer& operator=(const SelfSignedTlsServer&) = delete;
  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] int handshakes() const { return handshakes_; }
  [[nodiscard]] int completed() const { return completed_; }

 private:
  SSL_CTX* ctx_ = nullptr;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<int> handshakes_{0}, completed_{0};
  std::thread thread_;
};

}  // namespace

TEST_CASE("curl transport: an unverifiable TLS certificate is permanent and not sent / the client does not retry it") {
  SelfSignedTlsServer server;
  const std::string base = "https://127.0.0.1:" + std::to_string(server.port());
  auto t = make_curl_transport().value();
  auto r = t->send({.url = base + "/v1/stages"}, {.timeout = 10s});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::transport);
  CHECK(r.error().permanent);
  CHECK(r.error().not_sent);
  CHECK_FALSE(r.error().retryable());

  const int before = server.handshakes();
  auto client = Client::create(std::make_shared<ApiKeyCredentials>("tls-test-key-0001"),
                               {.base_url = base + "/v1", .retry = {.max_attempts = 4, .initial_backoff = 1ms}})
                    .value();
  auto call = client.request(HttpMethod::get, "/stages");
  REQUIRE_FALSE(call);
  CHECK(call.error().attempts == 1);
  CHECK(call.error().permanent);
  CHECK(server.handshakes() - before == 1);
  CHECK(server.completed() == 0);
}

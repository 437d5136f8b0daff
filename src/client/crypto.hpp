// Private: the few digests the client needs (OpenSSL's libcrypto).
#pragma once

#include <string>
#include <string_view>

namespace leverkit::inline v0::detail {

/// Lowercase hex SHA-256 of `in`.
std::string sha256_hex(std::string_view in);
/// Standard base64 with padding.
std::string base64_encode(std::string_view in);

}  // namespace leverkit::detail

namespace leverkit::inline v0::detail {
/// `bytes` bytes from OpenSSL's CSPRNG as base64url without padding (OAuth `state`).
std::string random_token(std::size_t bytes);

/// Lowercase hex HMAC-SHA256 of `message` under `key`.
std::string hmac_sha256_hex(std::string_view key, std::string_view message);
/// Constant-time equality (length is not secret).
bool constant_time_equal(std::string_view a, std::string_view b) noexcept;

}  // namespace leverkit::detail

// The client suite's redaction sweep (issue 9): every error, exception text and log line the
// library hands out during the whole run is collected through leverkit::testing::set_text_audit,
// and main() checks them for any 8-character fragment of any credential the suite used. Literal
// credentials are found in the suite's sources; tests add run-time ones (OAuth tokens) here.
#pragma once

#include <string>

namespace sweep {
void add_secret(std::string secret);
/// Texts collected so far.
std::size_t collected();
}  // namespace sweep

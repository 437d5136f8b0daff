#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "leverkit/client/credentials.hpp"
#include "leverkit/testing/text_audit.hpp"
#include "sweep.hpp"

namespace {

struct Collected {
  std::mutex mutex;
  std::vector<std::pair<std::string, std::string>> texts;  // kind, text
  std::set<std::string> secrets;
};

Collected& collected_state() {
  static Collected c;
  return c;
}

void collect(std::string_view kind, std::string_view text) noexcept {
  try {
    auto& c = collected_state();
    std::lock_guard lock(c.mutex);
    c.texts.emplace_back(std::string(kind), std::string(text));
  } catch (...) {
  }
}

// Credentials written as literals in the suite: ApiKeyCredentials("..."), {"..."}, and the
// `key = "..."` constants the credential tests use.
void scan_sources() {
  const std::regex literal(R"re((?:ApiKeyCredentials>?\(|ApiKeyCredentials\{|ApiKeyCredentials [a-z_]+\{|key = )"([^"]+)")re");
  for (const auto& entry : std::filesystem::directory_iterator(LEVERKIT_SOURCE_DIR "/tests/unit/client")) {
    if (entry.path().extension() != ".cpp") continue;
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    for (auto it = std::sregex_iterator(text.begin(), text.end(), literal); it != std::sregex_iterator(); ++it)
      sweep::add_secret((*it)[1].str());
  }
}

int run_sweep() {
  auto& c = collected_state();
  std::lock_guard lock(c.mutex);
  std::size_t checked_secrets = 0, hits = 0;
  for (const auto& secret : c.secrets) {
    if (secret.size() < leverkit::redaction_fragment) continue;  // too short to sweep by fragment
    ++checked_secrets;
    std::vector<std::string> needles;
    for (std::size_t i = 0; i + leverkit::redaction_fragment <= secret.size(); ++i)
      needles.push_back(secret.substr(i, leverkit::redaction_fragment));
    for (const auto& [kind, text] : c.texts) {
      for (const auto& n : needles) {
        if (text.find(n) != std::string::npos) {
          ++hits;
          std::cerr << "REDACTION SWEEP HIT: a fragment of a credential in a " << kind << ": " << text << "\n";
          break;
        }
      }
    }
  }
  std::cerr << "[redaction sweep] " << c.texts.size() << " texts (errors, exception texts, log lines) checked against "
            << checked_secrets << " credentials (" << c.secrets.size() - checked_secrets
            << " shorter than 8 characters skipped): " << hits << " hits\n";
  return hits == 0 ? 0 : 1;
}

}  // namespace

void sweep::add_secret(std::string secret) {
  auto& c = collected_state();
  std::lock_guard lock(c.mutex);
  if (!secret.empty()) c.secrets.insert(std::move(secret));
}

std::size_t sweep::collected() {
  auto& c = collected_state();
  std::lock_guard lock(c.mutex);
  return c.texts.size();
}

int main(int argc, char** argv) {
  leverkit::testing::set_text_audit(&collect);
  scan_sources();
  doctest::Context context(argc, argv);
  const int rc = context.run();
  if (context.shouldExit()) return rc;
  leverkit::testing::set_text_audit(nullptr);
  return rc | run_sweep();
}

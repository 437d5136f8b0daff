// Private: a transcript (plus notes) made ready for retrieval — roles assigned, turns grouped
// into question/answer exchanges, and a two-field BM25 index (question side, answer side).
// Built once per draft; every field's query then costs a walk over its terms' postings.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "detail/text.hpp"
#include "leverkit/autofill/autofill.hpp"

namespace leverkit::inline v0::autofill::detail {

struct Exchange {
  std::vector<std::uint32_t> question;  // utterance indexes (interviewer side / notes topic)
  std::vector<std::uint32_t> answer;    // utterance indexes (candidate side / notes line)
  std::string topic;                    // notes: the key or heading
};

struct Bm25Field {
  std::vector<std::vector<std::pair<std::uint32_t, std::uint16_t>>> postings;  // term → (exchange, tf)
  std::vector<std::uint32_t> length;                                           // per exchange
  double avg_length = 0.0;
};

struct Prepared {
  std::vector<Utterance> utterances;   // transcript then notes
  std::vector<std::string> folded;     // fold_text of each utterance, for evidence checks
  std::vector<bool> role_inferred;     // role came from elimination, not a name or label
  std::vector<Exchange> exchanges;
  std::unordered_map<std::string, std::uint32_t> vocab;
  Bm25Field q, a;
  bool candidate_known = false;
  bool has_notes = false;
  std::optional<std::chrono::year_month_day> meeting_day;

  [[nodiscard]] std::optional<std::uint32_t> term(const std::string& stemmed) const {
    auto it = vocab.find(stemmed);
    if (it == vocab.end()) return std::nullopt;
    return it->second;
  }
};

/// Assigns roles from participants / labels, builds exchanges and the index.
Prepared prepare(const Transcript& transcript, const Transcript& notes, const CallContext& call,
                 std::optional<std::chrono::year_month_day> meeting_day);

/// BM25 (k1 = 1.2, b = 0.75) scores of every exchange for weighted query terms.
std::vector<double> bm25(const Prepared& p, const Bm25Field& f,
                         const std::vector<std::pair<std::uint32_t, double>>& query);

}  // namespace leverkit::autofill::detail

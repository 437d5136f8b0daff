// leverkit/autofill/text_model.hpp — the seam through which a host plugs in its own LLM.
//
// What: `TextModel` is implemented by the host (leverkit opens no sockets): given a prompt and a
// JSON schema, return JSON text. The engine sends it only objective, unfilled fields that the
// deterministic extractor abstained on, and passes every answer through the same validator as
// its own proposals: field policy, value type, option membership, evidence quotes that literally
// occur in the transcript (whitespace-folded) spoken by the candidate (or in the notes), and a
// value the typed readers can re-derive from the quote. A misbehaving model cannot fill a
// subjective field or invent a quote; its bad proposals are dropped and counted.
// Expected answer: {"fields": [{"id": "...", "value": <Lever form; date as "YYYY-MM-DD">,
//                               "evidence": [{"quote": "..."}], "confidence": 0.9}]}
// Errors: an error returned by `complete` is passed through by autofill() unless
// `ModelOptions::fail_open` is set (then the model is ignored for this draft).
// Thread-safety: the engine calls `complete` from the calling thread only; a model shared by
// options used on several threads at once must be safe to call concurrently.
// Example:
//   struct MyModel : leverkit::autofill::TextModel {
//     leverkit::Result<std::string> complete(std::string_view p, std::string_view s) override;
//   };
//   leverkit::autofill::AutofillOptions o;
//   o.model.model = std::make_shared<MyModel>();
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "leverkit/models/error.hpp"

namespace leverkit::inline v0::autofill {

class TextModel {
 public:
  TextModel() = default;
  TextModel(const TextModel&) = default;
  TextModel& operator=(const TextModel&) = default;
  virtual ~TextModel() = default;
  virtual Result<std::string> complete(std::string_view prompt, std::string_view json_schema) = 0;
};

struct ModelOptions {
  // Shared, so options can be copied and outlive the caller's handle; null = deterministic only.
  std::shared_ptr<TextModel> model;
  bool fail_open = true;       // a model error leaves the deterministic draft unchanged
};

}  // namespace leverkit::autofill

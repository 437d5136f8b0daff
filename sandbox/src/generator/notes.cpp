// Generated notes on a candidacy, some threaded (a second comment).
#include <algorithm>

#include <fmt/format.h>

#include "generator/vocabulary.hpp"
#include "generator/world.hpp"

namespace leverkit::sandbox::detail::gen {

void generate_notes(World& w, const Candidacy& cand) {
  Store& s = w.s;
  Rng& rng = w.rng;
  const auto& recruiters = w.recruiters;
  const auto& stage_ids = w.stage_ids;
  const std::string& opp_id = cand.opp_id;
  const Value& posting = cand.posting;
  const std::string& owner = cand.owner;
  const std::string& name = cand.name;
  const std::size_t stage_idx = cand.stage_idx;
  const std::int64_t created = cand.created;
  const bool anonymized = cand.anonymized;
  if (!anonymized && rng.chance(0.3)) {
    std::size_t nnotes = 1 + rng.below(2);
    for (std::size_t k = 0; k < nnotes; ++k) {
      std::int64_t at = created + static_cast<std::int64_t>(k + 1) * kDay;
      const std::string& author = recruiters[rng.below(recruiters.size())];
      Value note = Value::object();
      note.set("id", rng.uuid());
      note.set("text", "Note");
      Array fields;
      std::size_t ncomments = 1 + (rng.chance(0.3) ? 1 : 0);
      for (std::size_t c = 0; c < ncomments; ++c) {
        Value f = Value::object();
        f.set("createdAt", at + static_cast<std::int64_t>(c) * kHour);
        f.set("score", rng.chance(0.2) ? Value(static_cast<std::int64_t>(1 + rng.below(4))) : Value());
        f.set("stage", stage_ids[std::min<std::size_t>(k + 3, stage_idx)]);
        f.set("text", "Comment");
        f.set("type", "note");
        f.set("user", c == 0 ? author : owner);
        f.set("value", c == 0 ? fmt::format("Spoke with {} — strong interest in the {} role. 👍",
                                            name, posting.str("text"))
                              : std::string("Agreed, let's move forward."));
        fields.push_back(std::move(f));
      }
      note.set("fields", Value(std::move(fields)));
      note.set("user", author);
      note.set("secret", rng.chance(0.1));
      note.set("completedAt", at);
      note.set("deletedAt", Value());
      note.set("createdAt", at);
      s.notes.add(std::move(note), opp_id);
    }
  }
}

}  // namespace leverkit::sandbox::detail::gen

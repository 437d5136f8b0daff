// Generated interview feedback: a value for every template field, some deleted.
#include <fmt/format.h>

#include "generator/vocabulary.hpp"
#include "generator/world.hpp"

namespace leverkit::sandbox::detail::gen {

void generate_feedback(World& w, const Candidacy& c, Value& iv, const std::string& template_id,
                       const std::string& panel_id, const std::string& iid, const std::vector<std::string>& chosen,
                       std::int64_t date, std::int64_t duration) {
  Store& s = w.s;
  Rng& rng = w.rng;
  const std::string& opp_id = c.opp_id;
  const Value& posting = c.posting;
  const Value& tmpl = s.feedback_templates.get(template_id)->value;
  for (const auto& uid : chosen) {
    if (!rng.chance(0.75)) continue;
    Value fb = Value::object();
    std::string fid = rng.uuid();
    fb.set("id", fid);
    fb.set("type", "interview");
    fb.set("text", tmpl.str("text"));
    fb.set("instructions", tmpl.str("instructions"));
    Array fields;
    for (const auto& tf : tmpl.find("fields")->as_array()) {
      Value fv = tf;
      const std::string& type = tf.str("type");
      Value value;
      if (type == "score-system") {
        value = tf.find("options")->as_array()[rng.below(4)].str("text");
      } else if (type == "score") {
        value = static_cast<std::int64_t>(1 + rng.below(4));
      } else if (type == "textarea" || type == "text") {
        value = rng.chance(0.8) ? Value(fmt::format("Clear communicator; discussed {} in depth.",
                                                    posting.str("text")))
                                : Value();
      } else if (type == "yes-no") {
        value = rng.chance(0.5) ? "yes" : "no";
      } else if (type == "scorecard") {
        Array cards;
        for (std::size_t k = 0; k < tf.find("scores")->as_array().size(); ++k) {
          Value card = Value::object();
          card.set("score", static_cast<std::int64_t>(1 + rng.below(4)));
          card.set("comment", "");
          cards.push_back(std::move(card));
        }
        value = Value(std::move(cards));
      } else if (type == "multiple-choice" || type == "dropdown") {
        const auto& opts = tf.find("options")->as_array();
        value = opts[rng.below(opts.size())].str("text");
      } else if (type == "multiple-select") {
        const auto& opts = tf.find("options")->as_array();
        value = Value(Array{opts[0].str("text"), opts[1 + rng.below(opts.size() - 1)].str("text")});
      } else if (type == "code") {
        value = "int main() { return 0; }";
      } else if (type == "date") {
        value = date + 30 * kDay;
      } else if (type == "currency") {
        value = static_cast<std::int64_t>(100000 + rng.below(60) * 1000);
      }
      fv.set("value", std::move(value));
      fields.push_back(std::move(fv));
    }
    fb.set("fields", Value(std::move(fields)));
    fb.set("baseTemplateId", template_id);
    fb.set("interview", iid);
    fb.set("panel", panel_id);
    fb.set("user", uid);
    std::int64_t done = date + duration * 60'000 + static_cast<std::int64_t>(1 + rng.below(20)) * kHour;
    fb.set("createdAt", done);
    fb.set("completedAt", done);
    fb.set("updatedAt", done);
    fb.set("deletedAt", rng.chance(0.05) ? Value(done + kDay) : Value());
    iv.find("feedbackForms")->push_back(fid);
    s.feedback.add(std::move(fb), opp_id);
  }
}

}  // namespace leverkit::sandbox::detail::gen

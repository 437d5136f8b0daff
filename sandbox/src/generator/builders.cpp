// Small value builders shared by the generators (phones, option lists, template fields,
// interview locations), and the field types Lever accepts on templates.
#include <fmt/format.h>

#include "generator/vocabulary.hpp"
#include "generator/world.hpp"

namespace leverkit::sandbox::detail::gen {

std::string phone_in_format(Rng& rng) {
  int a = 200 + static_cast<int>(rng.below(700));
  int b = static_cast<int>(rng.below(10000));
  switch (rng.below(6)) {
    case 0: return fmt::format("+1 {}-555-{:04}", a, b);
    case 1: return fmt::format("({}) 555-{:04}", a, b);
    case 2: return fmt::format("{}555{:04}", a, b);
    case 3: return fmt::format("+44 20 7946 {:04}", b);
    case 4: return fmt::format("+49 30 {:06}", b * 7 % 1000000);
    default: return fmt::format("+81 3-{:04}-{:04}", b, (b * 13) % 10000);
  }
}

Value phone(Rng& rng) {
  Value p = Value::object();
  switch (rng.below(4)) {
    case 0: p.set("type", "mobile"); break;
    case 1: p.set("type", "work"); break;
    case 2: p.set("type", "other"); break;
    default: break;  // Lever often omits the type
  }
  p.set("value", phone_in_format(rng));
  return p;
}

Value strings(std::initializer_list<std::string_view> xs) {
  Array a;
  for (auto x : xs) a.emplace_back(std::string(x));
  return Value(std::move(a));
}

Value options(std::initializer_list<std::string_view> xs) {
  Array a;
  for (auto x : xs) {
    Value o = Value::object();
    o.set("text", x);
    a.push_back(std::move(o));
  }
  return Value(std::move(a));
}

Value field(Rng& rng, std::string_view type, std::string_view text, bool required) {
  Value f = Value::object();
  f.set("description", "");
  f.set("required", required);
  f.set("text", text);
  f.set("type", type);
  f.set("id", rng.uuid());
  return f;
}

std::string interview_location(Rng& rng) {
  switch (rng.below(9)) {
    case 0: return fmt::format("https://zoom.us/j/{}?pwd={}", 80000000000ULL + rng.below(9999999999ULL), rng.hex(16));
    case 1: return fmt::format("https://meet.google.com/{}-{}-{}", rng.hex(3), rng.hex(4), rng.hex(3));
    case 2:
      return fmt::format("https://teams.microsoft.com/l/meetup-join/19%3ameeting_{}%40thread.v2/0", rng.hex(24));
    case 3: return fmt::format("https://acme.webex.com/meet/{}", rng.hex(8));
    case 4:
      return fmt::format("Zoom: https://us02web.zoom.us/j/{} — Dial-in: +1 646 558 8656, Meeting ID: {} {} {}#",
                         80000000000ULL + rng.below(999999999ULL), 800 + rng.below(199), 100 + rng.below(899),
                         1000 + rng.below(8999));
    case 5: return fmt::format("Dial-in: +1 415 555 {:04}, PIN: {}#", rng.below(10000), 100000 + rng.below(899999));
    case 6: return phone_in_format(rng);
    case 7: return fmt::format("Conference Room {}{}", 1 + rng.below(6), "ABCD"[rng.below(4)]);
    default: return {};
  }
}
}  // namespace leverkit::sandbox::detail::gen

namespace leverkit::sandbox::detail {

using gen::options;

Value default_score_system_options() {
  return options({"4 - Strong Hire", "3 - Hire", "2 - No Hire", "1 - Strong No Hire"});
}

bool is_feedback_field_type(std::string_view t) {
  for (auto x : {"code", "date", "dropdown", "multiple-choice", "multiple-select", "score-system", "score",
                 "scorecard", "text", "textarea", "yes-no", "currency"})
    if (t == x) return true;
  return false;
}

bool is_form_field_type(std::string_view t) {
  for (auto x : {"currency", "date", "dropdown", "multiple-choice", "multiple-select", "text", "textarea", "yes-no"})
    if (t == x) return true;
  return false;
}

}  // namespace leverkit::sandbox::detail

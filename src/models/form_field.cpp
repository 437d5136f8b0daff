#include <array>
#include <fmt/format.h>
#include <utility>

#include "detail/decoders.hpp"

namespace leverkit::inline v0 {

namespace {
constexpr std::array<std::pair<FieldType, std::string_view>, 15> kFieldTypeNames{{
    {FieldType::code, "code"},
    {FieldType::date, "date"},
    {FieldType::dropdown, "dropdown"},
    {FieldType::multiple_choice, "multiple-choice"},
    {FieldType::multiple_select, "multiple-select"},
    {FieldType::score_system, "score-system"},
    {FieldType::score, "score"},
    {FieldType::scorecard, "scorecard"},
    {FieldType::text, "text"},
    {FieldType::textarea, "textarea"},
    {FieldType::yes_no, "yes-no"},
    {FieldType::currency, "currency"},
    {FieldType::file_upload, "file-upload"},
    {FieldType::university, "university"},
    {FieldType::note, "note"},
}};
}  // namespace

std::string_view to_string(FieldType t) noexcept {
  for (const auto& [type, name] : kFieldTypeNames)
    if (type == t) return name;
  return "unknown";
}

FieldType field_type_from_string(std::string_view s) noexcept {
  for (const auto& [type, name] : kFieldTypeNames)
    if (name == s) return type;
  return FieldType::unknown;
}

namespace detail {
namespace {

Result<FieldOption> read_option(od::value v, const JsonPath& p) {
  FieldOption o;
  LEVERKIT_TRYV(for_each_field(v, p, "an option object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "text") return assign(o.text, read_string_or_empty(f, fp));
    if (k == "optionId") return assign(o.option_id, read_opt_string(f, fp));
    return skip(f, fp);
  }));
  return o;
}

Result<ScorecardRow> read_scorecard_row(od::value v, const JsonPath& p) {
  ScorecardRow r;
  LEVERKIT_TRYV(for_each_field(v, p, "a scorecard row object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "text") return assign(r.text, read_string_or_empty(f, fp));
    if (k == "description") return assign(r.description, read_string_or_empty(f, fp));
    return skip(f, fp);
  }));
  return r;
}

Result<ScorecardScore> read_scorecard_score(od::value v, const JsonPath& p) {
  ScorecardScore s;
  LEVERKIT_TRYV(for_each_field(v, p, "a scorecard score object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "score") {
      LEVERKIT_TRY(i, read_opt_int(f, fp));
      if (i) s.score = static_cast<int>(*i);
      return success();
    }
    if (k == "comment") return assign(s.comment, read_string_or_empty(f, fp));
    return skip(f, fp);
  }));
  return s;
}

// A field's `value` read by its JSON shape alone: the field's `type` may come after `value` in
// the object, and On Demand reads forward only, so the value is checked against the type once
// the whole field has been read (see check_value).
struct RawValue {
  enum class Kind { null, string, integer, floating, boolean, strings, scalars, scores, empty_array, object };
  Kind kind = Kind::null;
  FieldValue value;  // for string/integer/floating/strings/scores; raw JSON text for object
  bool boolean = false;
};

Result<RawValue> read_raw_value(od::value v, const JsonPath& p) {
  RawValue r;
  od::json_type t;
  if (auto ec = v.type().get(t); ec) return decode_error(p, ec, "a field value");
  switch (t) {
    case od::json_type::null:
      return r;
    case od::json_type::string: {
      LEVERKIT_TRY(s, read_string(v, p));
      r.kind = RawValue::Kind::string;
      r.value = std::move(s);
      return r;
    }
    case od::json_type::number: {
      od::number_type nt;
      if (auto ec = v.get_number_type().get(nt); ec) return decode_error(p, ec, "a number");
      if (nt == od::number_type::floating_point_number) {
        double d = 0;
        if (auto ec = v.get_double().get(d); ec) return decode_error(p, ec, "a number");
        r.kind = RawValue::Kind::floating;
        r.value = d;
      } else {
        LEVERKIT_TRY(i, read_int(v, p));
        r.kind = RawValue::Kind::integer;
        r.value = i;
      }
      return r;
    }
    case od::json_type::boolean: {
      LEVERKIT_TRY(b, read_bool(v, p));
      r.kind = RawValue::Kind::boolean;
      r.boolean = b;
      return r;
    }
    case od::json_type::object: {
      LEVERKIT_TRY(raw, read_raw_json(v, p));
      r.kind = RawValue::Kind::object;
      r.value = std::move(raw);
      return r;
    }
    case od::json_type::array: {
      // Strings (multiple-select) or {score, comment} objects (scorecard); decided by the first
      // element, every element must have that shape.
      od::array arr;
      if (auto ec = v.get_array().get(arr); ec) return decode_error(p, ec, "an array");
      std::vector<std::string> strings;
      std::vector<ScorecardScore> scores;
      bool objects = false;
      bool scalars = false;
      std::size_t i = 0;
      for (auto element : arr) {
        const JsonPath ep = p.at(i);
        od::value ev;
        if (auto ec = element.get(ev); ec) return decode_error(ep, ec, "an array element");
        od::json_type et;
        if (auto ec = ev.type().get(et); ec) return decode_error(ep, ec, "an array element");
        if (i == 0) objects = et == od::json_type::object;
        if (i == 0) scalars = et != od::json_type::object && et != od::json_type::string;
        if (objects) {
          LEVERKIT_TRY(s, read_scorecard_score(ev, ep));
          scores.push_back(std::move(s));
        } else if (scalars) {
          // Numbers/booleans: no field type holds these, but an unknown type keeps them as text.
          LEVERKIT_TRY(s, read_raw_json(ev, ep));
          strings.push_back(std::move(s));
        } else {
          LEVERKIT_TRY(s, read_string(ev, ep));
          strings.push_back(std::move(s));
        }
        ++i;
      }
      if (i == 0) {
        r.kind = RawValue::Kind::empty_array;
      } else if (objects) {
        r.kind = RawValue::Kind::scores;
        r.value = std::move(scores);
      } else if (scalars) {
        r.kind = RawValue::Kind::scalars;
        r.value = std::move(strings);
      } else {
        r.kind = RawValue::Kind::strings;
        r.value = std::move(strings);
      }
      return r;
    }
  }
  return decode_error(p, "expected a field value");
}

Error wrong_value(const JsonPath& p, const FormField& f, std::string_view expected) {
  return decode_error(p, fmt::format("expected {} for a '{}' field", expected, f.type_name));
}

Result<std::optional<std::int64_t>> int_from_string(const std::string& s) {
  std::int64_t i = 0;
  auto [ptr, err] = std::from_chars(s.data(), s.data() + s.size(), i);
  if (err != std::errc{} || ptr != s.data() + s.size() || s.empty()) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{i};
}

// Lever's value shapes per type (lever-api.md §6.11); null is accepted for every type.
Result<void> check_value(FormField& f, RawValue r, const JsonPath& p) {
  using K = RawValue::Kind;
  if (r.kind == K::null) {
    f.value = std::monostate{};
    return success();
  }
  switch (f.type) {
    case FieldType::code:
    case FieldType::dropdown:
    case FieldType::multiple_choice:
    case FieldType::score_system:
    case FieldType::text:
    case FieldType::textarea:
    case FieldType::university:
    case FieldType::note:
    case FieldType::yes_no:
      if (r.kind != K::string) return wrong_value(p, f, "a string");
      f.value = std::move(r.value);
      return success();
    case FieldType::date:
      if (r.kind == K::integer) {
        f.value = std::move(r.value);
        return success();
      }
      if (r.kind == K::string) {  // numeric strings, as in Lever's doc examples
        LEVERKIT_TRY(i, int_from_string(std::get<std::string>(r.value)));
        if (i) {
          f.value = *i;
          return success();
        }
      }
      return wrong_value(p, f, "a timestamp in epoch milliseconds");
    case FieldType::currency:
      if (r.kind == K::integer) {
        f.value = static_cast<double>(std::get<std::int64_t>(r.value));
        return success();
      }
      if (r.kind == K::floating) {
        f.value = std::move(r.value);
        return success();
      }
      return wrong_value(p, f, "a number");
    case FieldType::score:
      if (r.kind == K::integer) {
        f.value = std::move(r.value);
        return success();
      }
      // Quirk 10: the feedback PUT response types the overall rating `score` + `overall: true`
      // while its value is the score-system option text ("3 - Hire").
      if (r.kind == K::string && f.overall) {
        f.value = std::move(r.value);
        return success();
      }
      return wrong_value(p, f, "an integer score");
    case FieldType::multiple_select:
      if (r.kind == K::empty_array) {
        f.value = std::vector<std::string>{};
        return success();
      }
      if (r.kind != K::strings) return wrong_value(p, f, "an array of option texts");
      f.value = std::move(r.value);
      return success();
    case FieldType::scorecard:
      if (r.kind == K::empty_array) {
        f.value = std::vector<ScorecardScore>{};
        return success();
      }
      if (r.kind != K::scores) return wrong_value(p, f, "an array of {score, comment} objects");
      f.value = std::move(r.value);
      return success();
    case FieldType::file_upload:
      // Read-only file metadata object {id, ext, name, size, uploadedAt}: kept as JSON text.
      if (r.kind != K::object && r.kind != K::string) return wrong_value(p, f, "a file object");
      f.value = std::move(r.value);
      return success();
    case FieldType::unknown:
      // A type this version does not know: keep what maps onto FieldValue, never drop data.
      if (r.kind == K::boolean) {
        f.value = std::string(r.boolean ? "true" : "false");
      } else if (r.kind == K::empty_array) {
        f.value = std::vector<std::string>{};
      } else {
        f.value = std::move(r.value);
      }
      return success();
  }
  return wrong_value(p, f, "a value");
}

}  // namespace

Result<FormField> decode_value(od::value v, const JsonPath& p, Tag<FormField>) {
  FormField ff;
  bool has_type = false;
  RawValue raw;
  LEVERKIT_TRYV(for_each_field(v, p, "a field object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "id") return assign(ff.id, read_string_or_empty(f, fp));
    if (k == "type") {
      has_type = true;
      LEVERKIT_TRY(t, read_string(f, fp));
      ff.type = field_type_from_string(t);
      ff.type_name = std::move(t);
      return success();
    }
    if (k == "text") return assign(ff.text, read_string_or_empty(f, fp));
    if (k == "description") return assign(ff.description, read_opt_string(f, fp));
    if (k == "required") return assign(ff.required, read_bool_or_false(f, fp));
    if (k == "prompt") return assign(ff.prompt, read_opt_string(f, fp));
    if (k == "options") return assign(ff.options, read_array<FieldOption>(f, fp, read_option));
    if (k == "scores") return assign(ff.scores, read_array<ScorecardRow>(f, fp, read_scorecard_row));
    if (k == "language") return assign(ff.language, read_opt_string(f, fp));
    if (k == "currency") return assign(ff.currency, read_opt_string(f, fp));
    if (k == "overall") return assign(ff.overall, read_bool_or_false(f, fp));
    if (k == "value") return assign(raw, read_raw_value(f, fp));
    return skip(f, fp);
  }));
  LEVERKIT_TRYV(require(has_type, p, "type"));
  const JsonPath vp = p.field("value");
  LEVERKIT_TRYV(check_value(ff, std::move(raw), vp));
  return ff;
}

}  // namespace detail
}  // namespace leverkit

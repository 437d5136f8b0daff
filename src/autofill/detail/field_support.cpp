#include "detail/field_support.hpp"

#include <algorithm>

#include "detail/text.hpp"
#include "leverkit/models/field_value.hpp"

namespace leverkit::inline v0::autofill::detail {

std::vector<std::string> key_stems(const FormField& f) {
  static const std::vector<std::string_view> kGeneric{
      "require", "requires", "required", "need", "needs", "currently", "current", "willing", "able",
      "open", "want", "wants", "does", "have", "has", "will", "any", "mention", "mentioned", "did",
      "ask", "asked", "state", "stated", "say", "said", "provide", "provided", "use", "used", "using",
      "uses", "experience", "work", "worked", "working", "professionally", "prefer", "preferred",
      "preference", "they", "he", "she", "his", "her", "them", "which", "following", "select", "all",
      "apply", "one", "many", "much", "long", "there", "are", "be", "being", "was", "candidate's"};
  std::vector<std::string> out;
  std::string text = f.text;
  if (f.description) {
    text += ' ';
    text += *f.description;
  }
  for (const auto& t : tokenize(text)) {
    if (is_stopword(t.norm)) continue;
    if (std::find(kGeneric.begin(), kGeneric.end(), t.norm) != kGeneric.end()) continue;
    auto s = stem(t.norm);
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> synonym_stems(Concept c) {
  std::vector<std::string_view> w;
  switch (c) {
    case Concept::start_date: w = {"start", "starting", "begin", "join", "available", "availability"}; break;
    case Concept::notice_period: w = {"notice", "resign", "leave"}; break;
    case Concept::location: w = {"based", "live", "located", "location", "city", "where"}; break;
    case Concept::relocation: w = {"relocate", "relocation", "move", "moving"}; break;
    case Concept::work_arrangement: w = {"remote", "hybrid", "office", "onsite", "home", "arrangement", "setup"}; break;
    case Concept::work_authorization: w = {"authorized", "authorised", "authorization", "permit", "citizen", "eligible"}; break;
    case Concept::sponsorship: w = {"sponsorship", "sponsor", "visa", "h1b"}; break;
    case Concept::salary_expectation: w = {"salary", "compensation", "pay", "expect", "expecting", "base", "range"}; break;
    case Concept::current_employer: w = {"employer", "company", "currently", "job"}; break;
    case Concept::current_title: w = {"title", "role", "position"}; break;
    case Concept::years_experience: w = {"years", "experience"}; break;
    case Concept::education: w = {"degree", "studied", "university", "college", "graduated", "bachelor", "master", "phd"}; break;
    case Concept::certification: w = {"certified", "certification", "certificate"}; break;
    case Concept::languages_spoken: w = {"speak", "fluent", "language", "languages", "native"}; break;
    case Concept::technologies: w = {"stack", "languages", "tools", "technologies"}; break;
    case Concept::time_zone: w = {"timezone", "zone"}; break;
    case Concept::references: w = {"references", "reference"}; break;
    case Concept::competing_offers: w = {"offer", "offers", "processes", "interviewing"}; break;
    case Concept::travel: w = {"travel", "traveling", "travelling"}; break;
    case Concept::interview_date:
    case Concept::none: break;
  }
  std::vector<std::string> out;
  for (auto x : w) {
    auto s = stem(x);
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  }
  return out;
}

bool has_value(const FieldValue& v) {
  if (std::holds_alternative<std::monostate>(v)) return false;
  if (auto* s = std::get_if<std::string>(&v)) return !trim(*s).empty() && *s != "null";
  if (auto* l = std::get_if<std::vector<std::string>>(&v)) return !l->empty();
  if (auto* sc = std::get_if<std::vector<ScorecardScore>>(&v))
    return std::any_of(sc->begin(), sc->end(), [](const ScorecardScore& s) { return s.score.has_value() || !s.comment.empty(); });
  return true;
}

bool yes_no_options(const FormField& f) {
  if (f.options.size() < 2) return false;
  bool yes = false, no = false;
  for (const auto& o : f.options) {
    auto t = fold_text(o.text);
    if (t == "yes") yes = true;
    else if (t == "no") no = true;
    else if (t != "not discussed" && t != "unknown" && t != "n/a" && t != "not asked" && t != "didn't come up") return false;
  }
  return yes && no;
}

bool supported_type(FieldType t) {
  switch (t) {
    case FieldType::text:
    case FieldType::textarea:
    case FieldType::yes_no:
    case FieldType::dropdown:
    case FieldType::multiple_choice:
    case FieldType::multiple_select:
    case FieldType::date:
    case FieldType::code:
    case FieldType::currency:
    case FieldType::university: return true;
    default: return false;
  }
}

bool numeric_concept(Concept c) {
  return c == Concept::years_experience || c == Concept::notice_period || c == Concept::salary_expectation;
}

bool value_fits(const FormField& f, const FieldValue& v, std::string* why) {
  auto fail = [&](std::string msg) {
    if (why) *why = std::move(msg);
    return false;
  };
  if (!supported_type(f.type)) return fail("this field type is never filled");
  // a draft fills a field: null is "no value", which is a skip, not a fill
  if (std::holds_alternative<std::monostate>(v)) return fail("a fill needs a value");
  if (auto* s = std::get_if<std::string>(&v); s && trim(*s).empty()) return fail("a text value must be non-empty");
  if (auto* l = std::get_if<std::vector<std::string>>(&v); l && l->empty()) return fail("a multiple-select fill selects at least one option");
  // Lever's type / option / range rules, shared with request building (models)
  if (auto r = validate_field_value(f, v); !r) return fail(r.error().message);
  return true;
}

}  // namespace leverkit::autofill::detail

#include "detail/field_support.hpp"

#include <algorithm>

#include "detail/text.hpp"

namespace leverkit::autofill::detail {

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
  auto fail = [&](const char* msg) {
    if (why) *why = msg;
    return false;
  };
  auto is_option = [&](const std::string& s) {
    return std::any_of(f.options.begin(), f.options.end(), [&](const FieldOption& o) { return o.text == s; });
  };
  switch (f.type) {
    case FieldType::yes_no: {
      auto* s = std::get_if<std::string>(&v);
      if (!s || (*s != "yes" && *s != "no")) return fail("a yes-no value must be \"yes\" or \"no\"");
      return true;
    }
    case FieldType::dropdown:
    case FieldType::multiple_choice: {
      auto* s = std::get_if<std::string>(&v);
      if (!s) return fail("a choice value must be one option's text");
      if (!is_option(*s)) return fail("the value is not one of the field's options");
      return true;
    }
    case FieldType::multiple_select: {
      auto* l = std::get_if<std::vector<std::string>>(&v);
      if (!l || l->empty()) return fail("a multiple-select value must be a non-empty list of option texts");
      for (const auto& s : *l)
        if (!is_option(s)) return fail("a selected value is not one of the field's options");
      for (std::size_t i = 0; i < l->size(); ++i)
        for (std::size_t j = i + 1; j < l->size(); ++j)
          if ((*l)[i] == (*l)[j]) return fail("an option is selected twice");
      return true;
    }
    case FieldType::date:
      if (!std::holds_alternative<std::int64_t>(v)) return fail("a date value must be epoch milliseconds");
      return true;
    case FieldType::currency:
      if (!std::holds_alternative<double>(v) && !std::holds_alternative<std::int64_t>(v)) return fail("a currency value must be a number");
      return true;
    case FieldType::text:
    case FieldType::textarea:
    case FieldType::code:
    case FieldType::university: {
      auto* s = std::get_if<std::string>(&v);
      if (!s || trim(*s).empty()) return fail("a text value must be a non-empty string");
      return true;
    }
    default: return fail("this field type is never filled");
  }
}

}  // namespace leverkit::autofill::detail

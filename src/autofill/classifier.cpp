#include "leverkit/autofill/classifier.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "detail/field_type_name.hpp"
#include "detail/readers.hpp"
#include "detail/text.hpp"

namespace leverkit::inline v0::autofill {
namespace {

using detail::Token;

// First phrase of `list` found in `toks`, or empty.
std::string_view first_hit(const std::vector<Token>& toks, const detail::PhraseList& list) {
  long i = detail::first_phrase(toks, list);
  return i < 0 ? std::string_view{} : list.text(static_cast<std::size_t>(i));
}

bool is_rating_option(std::string_view text) {
  auto toks = detail::tokenize(text);
  static const detail::PhraseList kRating{
      "hire", "no hire", "strong yes", "strong no", "exceeds", "meets", "below", "expectations",
      "pass", "fail", "thumbs", "thumbs up", "thumbs down", "star", "stars", "strong", "weak",
      "excellent", "good", "poor", "average", "outstanding", "advance", "reject", "not a fit",
      "fit", "mixed", "lean yes", "lean no", "inclined", "definitely not", "superb", "satisfactory",
      "unsatisfactory", "competent", "expert", "novice", "beginner", "intermediate", "advanced"};
  if (!first_hit(toks, kRating).empty()) return true;
  // emoji thumbs / stars / checks
  for (std::string_view e : {"\xF0\x9F\x91\x8D", "\xF0\x9F\x91\x8E", "\xE2\x98\x85", "\xE2\xAD\x90"})
    if (text.find(e) != std::string_view::npos) return true;
  // "3", "3/5", "3 out of 5", "1 - ..." : a bare small number is a scale point
  if (!toks.empty() && detail::is_digits(toks[0].norm) && toks[0].norm.size() <= 2) {
    int v = std::stoi(toks[0].norm);
    if (v <= 10 && (toks.size() == 1 || (toks.size() == 2 && detail::is_digits(toks[1].norm)) ||
                    detail::has_phrase(toks, "out of")))
      return true;
    auto rest = detail::trim(text.substr(toks[0].end));
    // "1 - Strong No Hire", "3: Meets": a scale point followed by its caption (not "0-2 years")
    if (v <= 10 && rest.size() > 1 && (rest.front() == '-' || rest.front() == ':' || rest.front() == ')')) {
      auto caption = detail::trim(rest.substr(1));
      if (!caption.empty() && !(caption.front() >= '0' && caption.front() <= '9')) {
        auto cw = detail::tokenize(caption);
        if (cw.empty() || detail::unit_of(cw.front().norm).empty()) return true;
      }
    }
  }
  return false;
}

struct ConceptCue {
  Concept c;
  detail::PhraseList phrases;
};

const std::vector<ConceptCue>& concept_cues() {
  static const std::vector<ConceptCue> kCues{
      {Concept::interview_date, {"interview date", "date of interview", "date of the interview", "interviewed on", "date of call", "call date"}},
      {Concept::notice_period, {"notice period", "notice"}},
      {Concept::start_date, {"start date", "earliest start", "available to start", "availability to start", "can start", "could start", "start", "starting", "joining date", "join date", "available from", "availability"}},
      {Concept::sponsorship, {"sponsorship", "sponsor", "visa", "h-1b", "h1b"}},
      {Concept::work_authorization, {"work authorization", "work authorisation", "authorized to work", "authorised to work", "work permit", "eligible to work", "right to work", "legally"}},
      {Concept::relocation, {"relocate", "relocation", "relocating", "willing to move", "open to moving"}},
      {Concept::work_arrangement, {"remote", "hybrid", "onsite", "on site", "in office", "in-office", "work arrangement", "work setup", "working arrangement", "work model", "office"}},
      {Concept::time_zone, {"time zone", "timezone"}},
      {Concept::location, {"location", "located", "based", "city", "country of residence", "where does the candidate live", "live", "lives"}},
      {Concept::salary_expectation, {"salary expectation", "salary expectations", "expected salary", "desired salary", "salary range", "compensation expectation", "compensation expectations", "expected compensation", "salary requirement", "salary requirements", "target salary", "pay expectations"}},
      {Concept::current_employer, {"current employer", "current company", "employer", "company", "works at", "working at"}},
      {Concept::current_title, {"current title", "job title", "current role", "current position", "title"}},
      {Concept::years_experience, {"years of experience", "years of professional experience", "how many years", "years"}},
      {Concept::education, {"degree", "graduation", "graduate", "graduated", "university", "college", "education", "school", "major", "studied", "studies"}},
      {Concept::certification, {"certification", "certifications", "certified", "certificate", "license", "licence"}},
      {Concept::languages_spoken, {"languages spoken", "language spoken", "speak", "speaks", "spoken"}},
      {Concept::technologies, {"technologies", "technology", "tools", "tech stack", "stack", "programming languages", "programming language", "languages", "frameworks", "framework", "databases", "database", "cloud", "used", "uses", "use", "worked with", "experience with", "professionally"}},
      {Concept::references, {"references", "reference"}},
      {Concept::competing_offers, {"other offers", "competing offers", "competing offer", "other processes", "interviewing elsewhere", "offer deadline", "other companies"}},
      {Concept::travel, {"travel", "travelling", "traveling"}},
  };
  return kCues;
}

std::string_view concept_name(Concept c) {
  switch (c) {
    case Concept::start_date: return "start date";
    case Concept::notice_period: return "notice period";
    case Concept::location: return "location";
    case Concept::relocation: return "relocation";
    case Concept::work_arrangement: return "work arrangement";
    case Concept::work_authorization: return "work authorization";
    case Concept::sponsorship: return "visa sponsorship";
    case Concept::salary_expectation: return "salary expectation";
    case Concept::current_employer: return "current employer";
    case Concept::current_title: return "current title";
    case Concept::years_experience: return "years of experience";
    case Concept::education: return "education";
    case Concept::certification: return "certification";
    case Concept::languages_spoken: return "languages spoken";
    case Concept::technologies: return "tools and technologies used";
    case Concept::interview_date: return "interview date";
    case Concept::time_zone: return "time zone";
    case Concept::references: return "references";
    case Concept::competing_offers: return "competing offers";
    case Concept::travel: return "travel";
    case Concept::none: break;
  }
  return "a stated fact";
}

}  // namespace

std::string_view to_string(FieldClass c) noexcept {
  switch (c) {
    case FieldClass::objective: return "objective";
    case FieldClass::evaluative_type: return "evaluative_type";
    case FieldClass::evaluative_options: return "evaluative_options";
    case FieldClass::subjective: return "subjective";
    case FieldClass::sensitive: return "sensitive";
    case FieldClass::vague: return "vague";
    case FieldClass::unclassified: break;
  }
  return "unclassified";
}

FieldClassification classify_field(const FormField& field) {
  FieldClassification out;
  // 1. type gate
  if (field.type == FieldType::score_system || field.type == FieldType::score ||
      field.type == FieldType::scorecard || field.overall) {
    out.cls = FieldClass::evaluative_type;
    out.reason = fmt::format("A {} field is a rating; ratings are the interviewer's to give.",
                             detail::field_type_name(field));
    return out;
  }
  // 2. option-set gate
  if (!field.options.empty()) {
    std::size_t rating = 0;
    std::string_view example;
    for (const auto& o : field.options)
      if (is_rating_option(o.text)) {
        ++rating;
        if (example.empty()) example = o.text;
      }
    if (rating * 2 >= field.options.size()) {
      out.cls = FieldClass::evaluative_options;
      out.reason = fmt::format("The options form a rating scale (\"{}\"); choosing one is a judgement left to you.", example);
      return out;
    }
  }
  std::string label = field.text;
  if (field.description && !field.description->empty()) {
    label += " \n ";
    label += *field.description;
  }
  auto toks = detail::tokenize(label);

  // 3. sensitive gate
  static const detail::PhraseList kSensitive{
      "age", "how old", "date of birth", "birth date", "birthday", "born", "year of birth",
      "married", "marital", "spouse", "husband", "wife", "children", "child", "kids", "pregnant",
      "pregnancy", "family plans", "family status", "family", "maternity", "paternity",
      "childcare", "religion", "religious", "church", "faith", "pray", "race", "racial",
      "ethnicity", "ethnic", "national origin", "nationality", "citizenship", "citizen", "country of origin",
      "where are you from", "originally from", "native language", "mother tongue", "accent",
      "disability", "disabled", "disabilities", "health", "medical", "illness", "sick leave",
      "mental", "injury", "medication", "gender", "sex", "sexual", "orientation", "pronouns",
      "transgender", "lgbt", "lgbtq", "criminal", "arrest", "arrested", "conviction", "convicted",
      "felony", "union", "unionize", "veteran", "military status", "genetic", "political",
      "salary history", "pay history", "compensation history", "current salary", "previous salary",
      "past salary", "prior salary", "last salary", "current compensation", "previous compensation",
      "current pay", "how much do you make", "how much does the candidate make", "currently make",
      "currently earn", "currently earns", "currently makes", "earnings", "credit", "debt",
      "height", "weight", "photo", "appearance"};
  if (auto hit = first_hit(toks, kSensitive); !hit.empty()) {
    out.cls = FieldClass::sensitive;
    out.reason = fmt::format("The question touches a sensitive topic (\"{}\"); leverkit never fills it.", hit);
    return out;
  }

  // 4. evaluative wording; "level of education" is a fact, not a leveling judgement
  std::vector<Token> eval_toks;
  eval_toks.reserve(toks.size());
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].norm == "level" && ((i + 2 < toks.size() && toks[i + 1].norm == "of" && toks[i + 2].norm == "education") ||
                                    (i > 0 && toks[i - 1].norm == "education")))
      continue;
    if (toks[i].norm == "expectations" && i > 0 && (toks[i - 1].norm == "salary" || toks[i - 1].norm == "compensation" || toks[i - 1].norm == "pay"))
      continue;
    eval_toks.push_back(toks[i]);
  }
  static const detail::PhraseList kEvaluative{
      "rate", "rating", "rated", "score", "scores", "overall", "recommend", "recommendation",
      "recommended", "hire", "hiring decision", "no hire", "advance", "move forward",
      "moving forward", "next round", "decision", "verdict", "impression", "impressions",
      "thoughts", "thought", "opinion", "opinions", "feel", "feeling", "feelings", "assess",
      "assessment", "evaluate", "evaluation", "judgment", "judgement", "fit", "culture fit",
      "culture add", "strength", "strengths", "weakness", "weaknesses", "concern", "concerns",
      "red flag", "red flags", "pros", "cons", "takeaway", "takeaways", "potential", "bar",
      "level", "leveling", "levelling", "how well", "how good", "quality", "would you",
      "do you think", "your take", "meets expectations", "exceeds expectations", "expectations",
      "competent", "competency", "competence", "proficient", "proficiency", "skilled", "capable",
      "capability", "aptitude", "communication", "communicator", "leadership", "attitude",
      "personality", "enthusiasm", "passion", "passionate", "motivated", "motivation",
      "professionalism", "demeanor", "demeanour", "presence", "confident", "confidence",
      "likeable", "likable", "impressed", "impress", "impresses", "stood out", "stand out", "rapport", "collaborative", "teamwork", "problem solving",
      "problem-solving", "depth", "understanding", "knowledgeable", "grasp", "seniority",
      "readiness", "suitable", "suitability", "qualified",
      // quality words attached to the asked property
      "strong", "solid", "good", "great", "excellent", "impressive", "weak", "poor", "clear",
      "effective", "senior-level", "senior level", "exceptional", "outstanding", "adequate",
      "sufficient", "deep", "in-depth", "best", "better", "well", "successfully", "expert",
      "mastery", "polished", "thoughtful", "smart", "sharp"};
  if (auto hit = first_hit(eval_toks, kEvaluative); !hit.empty()) {
    out.cls = FieldClass::subjective;
    out.reason = fmt::format("The question asks for the interviewer's judgement (\"{}\"); it is left for you.", hit);
    return out;
  }

  // 5. vague labels
  static const std::vector<std::string_view> kVague{
      "notes", "note", "comments", "comment", "other", "anything", "else", "additional", "general",
      "summary", "feedback", "misc", "miscellaneous", "info", "information", "details", "remarks",
      "observations", "interview", "add", "something", "extra", "freeform", "free", "form", "text",
      "question", "questions", "answer", "answers", "response", "responses"};
  std::size_t content = 0, vague = 0;
  for (const auto& t : toks) {
    if (detail::is_stopword(t.norm)) continue;
    ++content;
    if (std::find(kVague.begin(), kVague.end(), t.norm) != kVague.end()) ++vague;
  }
  if (content == 0 || (content == vague && content <= 3)) {
    out.cls = FieldClass::vague;
    out.reason = fmt::format("The label (\"{}\") names no specific fact to look for; it is left for you.", field.text);
    return out;
  }

  // a "why" question asks for motives, not a fact the readers can check
  if (!toks.empty() && toks.front().norm == "why") {
    out.cls = FieldClass::unclassified;
    out.reason = "A \"why\" question asks for reasons, not a checkable fact; left for you.";
    return out;
  }
  // 6. objective cues
  for (const auto& cue : concept_cues()) {
    if (auto hit = first_hit(toks, cue.phrases); !hit.empty()) {
      out.cls = FieldClass::objective;
      out.concept_hint = cue.c;
      out.reason = fmt::format("Asks for a fact ({}) the candidate can state.", concept_name(cue.c));
      return out;
    }
  }
  static const detail::PhraseList kGeneric{
      "did the candidate ask", "did the candidate mention", "did they mention", "did they ask",
      "mentioned", "asked about", "which", "discussed", "did the candidate say", "stated"};
  if (auto hit = first_hit(toks, kGeneric); !hit.empty()) {
    out.cls = FieldClass::objective;
    out.reason = "Asks whether or which facts were stated in the call.";
    return out;
  }
  out.cls = FieldClass::unclassified;
  out.reason = "No objective cue in the question; left for you rather than guessed.";
  return out;
}

}  // namespace leverkit::autofill

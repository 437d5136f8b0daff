#include "detail/prepared.hpp"

#include <algorithm>
#include <cmath>

namespace leverkit::inline v0::autofill::detail {
namespace {

std::vector<std::string> name_tokens(std::string_view s) {
  std::vector<std::string> out;
  for (auto& t : tokenize(s)) out.push_back(std::move(t.norm));
  return out;
}

bool names_match(const std::vector<std::string>& label, const std::vector<std::string>& name) {
  if (label.empty() || name.empty()) return false;
  // every label token is a name token ("Dana" ~ "Dana Reyes") or vice versa
  auto subset = [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return std::all_of(a.begin(), a.end(), [&](const std::string& t) { return std::find(b.begin(), b.end(), t) != b.end(); });
  };
  return subset(label, name) || subset(name, label);
}

std::size_t toks_count(std::string_view s) { return tokenize(s).size(); }

SpeakerRole role_from_label(const std::vector<std::string>& label) {
  if (label.empty()) return SpeakerRole::unknown;
  const auto& w = label.front();
  if (w == "candidate" || w == "applicant" || w == "interviewee") return SpeakerRole::candidate;
  if (w == "interviewer" || w == "recruiter" || (w == "hiring" && label.size() > 1 && label[1] == "manager"))
    return SpeakerRole::interviewer;
  return SpeakerRole::unknown;
}

// A call participant's role as a speaker role: the candidate, or the company's side (an
// interviewer, a recruiter or coordinator — `internal`). External guests, rooms and unknowns say
// nothing about whose answers these are.
SpeakerRole speaker_role_of(ParticipantRole r) {
  switch (r) {
    case ParticipantRole::candidate: return SpeakerRole::candidate;
    case ParticipantRole::interviewer:
    case ParticipantRole::internal: return SpeakerRole::interviewer;
    case ParticipantRole::unknown:
    case ParticipantRole::external:
    case ParticipantRole::resource: break;
  }
  return SpeakerRole::unknown;
}

void add_doc(Prepared& p, Bm25Field& f, std::uint32_t ex, const std::vector<Token>& toks) {
  std::unordered_map<std::uint32_t, std::uint16_t> tf;
  std::uint32_t len = 0;
  for (const auto& t : toks) {
    if (is_stopword(t.norm)) continue;
    auto st = stem(t.norm);
    auto [it, inserted] = p.vocab.try_emplace(std::move(st), static_cast<std::uint32_t>(p.vocab.size()));
    (void)inserted;
    ++tf[it->second];
    ++len;
  }
  if (f.postings.size() < p.vocab.size()) f.postings.resize(p.vocab.size());
  for (auto [term, n] : tf) f.postings[term].emplace_back(ex, n);
  if (f.length.size() <= ex) f.length.resize(ex + 1, 0);
  f.length[ex] += len;
}

}  // namespace

Prepared prepare(const Transcript& transcript, const Transcript& notes, const CallContext& call,
                 std::optional<std::chrono::year_month_day> meeting_day) {
  Prepared p;
  p.meeting_day = meeting_day;
  p.utterances.reserve(transcript.utterances.size() + notes.utterances.size());
  p.utterances = transcript.utterances;
  std::vector<std::vector<std::string>> part_names;
  for (const auto& part : call.participants) part_names.push_back(name_tokens(part.name));

  // roles: explicit role on the utterance, a participant's name, or a generic label
  std::vector<std::string> speakers;
  std::vector<SpeakerRole> speaker_role;
  for (auto& u : p.utterances) {
    if (std::find(speakers.begin(), speakers.end(), u.speaker) == speakers.end()) {
      speakers.push_back(u.speaker);
      auto label = name_tokens(u.speaker);
      SpeakerRole r = role_from_label(label);
      if (r == SpeakerRole::unknown) {
        // a participant match must be unique to count
        SpeakerRole found = SpeakerRole::unknown;
        int hits = 0;
        for (std::size_t i = 0; i < part_names.size(); ++i) {
          const SpeakerRole pr = speaker_role_of(call.participants[i].role);
          if (pr != SpeakerRole::unknown && names_match(label, part_names[i])) {
            if (hits == 0 || found != pr) ++hits;
            found = pr;
          }
        }
        if (hits == 1) r = found;
      }
      speaker_role.push_back(r);
    }
  }
  std::vector<bool> inferred(speakers.size(), false);
  // elimination: all but one speaker known as interviewers ⇒ the other is the candidate,
  // and a known candidate makes every other labelled speaker an interviewer
  auto count_role = [&](SpeakerRole r) { return std::count(speaker_role.begin(), speaker_role.end(), r); };
  if (count_role(SpeakerRole::candidate) == 0 && count_role(SpeakerRole::interviewer) > 0 &&
      count_role(SpeakerRole::unknown) == 1) {
    for (std::size_t i = 0; i < speakers.size(); ++i)
      if (speaker_role[i] == SpeakerRole::unknown && !speakers[i].empty()) {
        speaker_role[i] = SpeakerRole::candidate;
        inferred[i] = true;
      }
  } else if (count_role(SpeakerRole::candidate) == 1) {
    for (std::size_t i = 0; i < speakers.size(); ++i)
      if (speaker_role[i] == SpeakerRole::unknown && !speakers[i].empty()) {
        speaker_role[i] = SpeakerRole::interviewer;
        inferred[i] = true;
      }
  }
  p.role_inferred.assign(p.utterances.size(), false);
  for (std::size_t k = 0; k < p.utterances.size(); ++k) {
    auto& u = p.utterances[k];
    if (u.role != SpeakerRole::unknown) continue;
    auto i = static_cast<std::size_t>(std::find(speakers.begin(), speakers.end(), u.speaker) - speakers.begin());
    u.role = speaker_role[i];
    p.role_inferred[k] = inferred[i];
  }
  p.candidate_known = std::any_of(p.utterances.begin(), p.utterances.end(),
                                  [](const Utterance& u) { return u.role == SpeakerRole::candidate; });
  const bool interviewer_known = std::any_of(p.utterances.begin(), p.utterances.end(),
                                             [](const Utterance& u) { return u.role == SpeakerRole::interviewer; });

  // exchanges over the transcript
  Exchange cur;
  auto flush = [&] {
    if (!cur.question.empty() || !cur.answer.empty()) p.exchanges.push_back(std::move(cur));
    cur = Exchange{};
  };
  for (std::uint32_t k = 0; k < p.utterances.size(); ++k) {
    const auto& u = p.utterances[k];
    bool asks;
    if (p.candidate_known) asks = u.role != SpeakerRole::candidate;
    else if (interviewer_known) asks = u.role == SpeakerRole::interviewer;
    else asks = false;
    if (!p.candidate_known && !interviewer_known) {
      // nobody known: every turn answers the one before it
      // a question is nobody's answer
      if (!u.text.empty() && u.text.back() == '?') continue;
      flush();
      if (k > 0) cur.question.push_back(k - 1);
      cur.answer.push_back(k);
      continue;
    }
    if (asks && !cur.answer.empty() && !u.text.empty() && u.text.back() != '?' && toks_count(u.text) <= 3)
      continue;  // a backchannel ("Mm-hmm.", "Right, okay.") does not end the candidate's answer
    if (asks) {
      if (!cur.answer.empty()) flush();
      cur.question.push_back(k);
    } else {
      cur.answer.push_back(k);
    }
  }
  flush();
  // notes: one exchange per line, its key or heading standing in for the question
  p.has_notes = !notes.utterances.empty();
  for (const auto& n : notes.utterances) {
    Utterance u = n;
    u.role = SpeakerRole::notes;
    if (u.speaker.empty()) u.speaker = "notes";
    p.utterances.push_back(std::move(u));
    p.role_inferred.push_back(false);
    Exchange e;
    e.answer.push_back(static_cast<std::uint32_t>(p.utterances.size() - 1));
    e.topic = n.topic;
    p.exchanges.push_back(std::move(e));
  }
  p.folded.reserve(p.utterances.size());
  for (const auto& u : p.utterances) p.folded.push_back(fold_text(u.text));

  // index
  std::vector<std::vector<Token>> toks(p.utterances.size());
  for (std::size_t k = 0; k < p.utterances.size(); ++k) toks[k] = tokenize(p.utterances[k].text);
  for (std::uint32_t e = 0; e < p.exchanges.size(); ++e) {
    const auto& ex = p.exchanges[e];
    std::vector<Token> qt;
    for (auto k : ex.question) qt.insert(qt.end(), toks[k].begin(), toks[k].end());
    if (!ex.topic.empty()) {
      auto tt = tokenize(ex.topic);
      qt.insert(qt.end(), tt.begin(), tt.end());
    }
    add_doc(p, p.q, e, qt);
    std::vector<Token> at;
    for (auto k : ex.answer) at.insert(at.end(), toks[k].begin(), toks[k].end());
    add_doc(p, p.a, e, at);
  }
  for (auto* f : {&p.q, &p.a}) {
    f->postings.resize(p.vocab.size());
    f->length.resize(p.exchanges.size(), 0);
    double total = 0;
    for (auto l : f->length) total += l;
    f->avg_length = p.exchanges.empty() ? 0.0 : total / static_cast<double>(p.exchanges.size());
  }
  return p;
}

std::vector<double> bm25(const Prepared& p, const Bm25Field& f,
                         const std::vector<std::pair<std::uint32_t, double>>& query) {
  constexpr double k1 = 1.2, b = 0.75;
  std::vector<double> score(p.exchanges.size(), 0.0);
  const double n = static_cast<double>(p.exchanges.size());
  const double avg = f.avg_length > 0 ? f.avg_length : 1.0;
  for (auto [term, weight] : query) {
    if (term >= f.postings.size()) continue;
    const auto& post = f.postings[term];
    if (post.empty()) continue;
    const double df = static_cast<double>(post.size());
    const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
    for (auto [ex, tf] : post) {
      const double len = f.length[ex];
      const double t = tf;
      score[ex] += weight * idf * (t * (k1 + 1)) / (t + k1 * (1 - b + b * len / avg));
    }
  }
  return score;
}

}  // namespace leverkit::autofill::detail

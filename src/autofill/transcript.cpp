#include "leverkit/fmt.hpp"
#include "leverkit/autofill/transcript.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <cmath>
#include <string>

#include "detail/text.hpp"

namespace leverkit::inline v0::autofill {
namespace {

using detail::trim;

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '\n') {
      auto line = s.substr(start, i - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      out.push_back(line);
      start = i + 1;
    }
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// "hh:mm:ss.mmm", "mm:ss.mmm", "hh:mm:ss,mmm", "hh:mm:ss" → ms; nullopt if not a time.
std::optional<std::int64_t> parse_clock(std::string_view s) {
  s = trim(s);
  std::int64_t parts[3] = {0, 0, 0};
  int n = 0;
  std::int64_t frac = 0;
  std::size_t i = 0;
  while (true) {
    std::size_t b = i;
    std::int64_t v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      if (i - b < 7) v = v * 10 + (s[i] - '0');
      ++i;
    }
    if (i == b || n >= 3 || i - b > 6) return std::nullopt;
    parts[n++] = v;
    if (i < s.size() && s[i] == ':') {
      ++i;
      continue;
    }
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      ++i;
      std::size_t fb = i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - fb < 3) frac = frac * 10 + (s[i++] - '0');
      for (std::size_t k = i - fb; k < 3; ++k) frac *= 10;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    }
    break;
  }
  if (i != s.size() || n < 2) return std::nullopt;
  std::int64_t h = n == 3 ? parts[0] : 0, m = n == 3 ? parts[1] : parts[0], sec = n == 3 ? parts[2] : parts[1];
  if (m >= 60 || sec >= 60) return std::nullopt;
  return ((h * 60 + m) * 60 + sec) * 1000 + frac;
}

// Strips WebVTT markup (<c>, <i>, <b>, timestamps) except what the caller extracted.
std::string strip_tags(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool in_tag = false;
  for (char c : s) {
    if (c == '<') in_tag = true;
    else if (c == '>' && in_tag) in_tag = false;
    else if (!in_tag) out.push_back(c);
  }
  // the few entities WebVTT allows
  auto replace_all = [&](std::string_view from, std::string_view to) {
    for (std::size_t p = out.find(from); p != std::string::npos; p = out.find(from, p + to.size()))
      out.replace(p, from.size(), to);
  };
  replace_all("&amp;", "&");
  replace_all("&lt;", "<");
  replace_all("&gt;", ">");
  replace_all("&nbsp;", " ");
  return out;
}

// A plausible speaker label before ':' ("Dana Reyes", "Interviewer", "Speaker 2").
bool plausible_speaker(std::string_view label) {
  label = trim(label);
  if (label.empty() || label.size() > 48) return false;
  int spaces = 0;
  for (char c : label) {
    if (c == ' ') ++spaces;
    if (c == '"' || c == '?' || c == '!' || c == ',') return false;
  }
  if (spaces > 4) return false;
  // a label starts with a letter (not "http", not a clock)
  auto c0 = static_cast<unsigned char>(label.front());
  if (!((c0 >= 'A' && c0 <= 'Z') || (c0 >= 'a' && c0 <= 'z') || c0 >= 0x80)) return false;
  if (starts_with(label, "http")) return false;
  return true;
}

// Splits "Name: text" → (name, text) when the prefix is a plausible label.
bool split_speaker(std::string_view line, std::string_view& speaker, std::string_view& text) {
  auto colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  auto label = line.substr(0, colon);
  if (!plausible_speaker(label)) return false;
  speaker = trim(label);
  text = trim(line.substr(colon + 1));
  return true;
}

void push_turn(Transcript& t, std::string speaker, std::optional<std::int64_t> start,
               std::optional<std::int64_t> end, std::string_view text) {
  auto clean = detail::collapse_ws(text);
  if (clean.empty()) return;
  if (!t.utterances.empty()) {
    auto& last = t.utterances.back();
    if (last.speaker == speaker) {  // consecutive cues of one speaker form one turn
      last.text += ' ';
      last.text += clean;
      if (end) last.end_ms = end;
      return;
    }
  }
  Utterance u;
  u.speaker = std::move(speaker);
  u.start_ms = start;
  u.end_ms = end;
  u.text = std::move(clean);
  t.utterances.push_back(std::move(u));
}

bool parse_timing(std::string_view line, std::optional<std::int64_t>& start, std::optional<std::int64_t>& end) {
  auto arrow = line.find("-->");
  if (arrow == std::string_view::npos) return false;
  start = parse_clock(line.substr(0, arrow));
  auto rest = trim(line.substr(arrow + 3));
  auto sp = rest.find_first_of(" \t");  // cue settings follow the end time
  end = parse_clock(rest.substr(0, sp));
  return start.has_value() && end.has_value();
}

Result<Transcript> parse_cues(std::string_view text, TranscriptFormat fmt) {
  Transcript t;
  t.format = fmt;
  auto lines = split_lines(text);
  std::size_t i = 0;
  const char* name = fmt == TranscriptFormat::webvtt ? "WebVTT" : "SRT";
  if (fmt == TranscriptFormat::webvtt) {
    if (lines.empty() || !starts_with(trim(lines[0]), "WEBVTT"))
      return Error{Errc::invalid_argument, "WebVTT: line 1: expected the WEBVTT header"};
    ++i;
  }
  while (i < lines.size()) {
    auto line = trim(lines[i]);
    if (line.empty()) {
      ++i;
      continue;
    }
    if (fmt == TranscriptFormat::webvtt && (starts_with(line, "NOTE") || starts_with(line, "STYLE") ||
                                            starts_with(line, "REGION"))) {
      while (i < lines.size() && !trim(lines[i]).empty()) ++i;
      continue;
    }
    std::optional<std::int64_t> start, end;
    if (!parse_timing(line, start, end)) {
      // a cue identifier (SRT counter) precedes the timing line
      if (i + 1 < lines.size() && parse_timing(trim(lines[i + 1]), start, end)) {
        ++i;
      } else if (line.find("-->") != std::string_view::npos) {
        return Error{Errc::invalid_argument, fmt::format("{}: line {}: unreadable cue timing", name, i + 1)};
      } else {
        return Error{Errc::invalid_argument,
                     fmt::format("{}: line {}: expected a cue timing line (\"00:00:01.000 --> 00:00:04.000\")", name, i + 1)};
      }
    }
    ++i;
    std::string cue;
    while (i < lines.size() && !trim(lines[i]).empty()) {
      if (!cue.empty()) cue += '\n';
      cue += trim(lines[i]);
      ++i;
    }
    // voice spans: <v Name>text</v> (possibly several per cue)
    std::size_t pos = 0;
    bool had_voice = false;
    while ((pos = cue.find("<v", pos)) != std::string::npos) {
      if (pos + 2 >= cue.size() || (cue[pos + 2] != ' ' && cue[pos + 2] != '.')) {
        pos += 2;
        continue;
      }
      auto close = cue.find('>', pos);
      if (close == std::string::npos) break;
      auto tag = std::string_view(cue).substr(pos + 2, close - pos - 2);
      auto sp = tag.find(' ');
      std::string speaker = sp == std::string_view::npos ? std::string() : std::string(trim(tag.substr(sp + 1)));
      auto next = cue.find("<v", close);
      auto endv = cue.find("</v>", close);
      auto stop = std::min(next, endv);
      auto body = std::string_view(cue).substr(close + 1, stop == std::string::npos ? std::string::npos : stop - close - 1);
      push_turn(t, speaker, start, end, strip_tags(body));
      had_voice = true;
      pos = stop == std::string::npos ? cue.size() : stop + 1;
    }
    if (!had_voice) {
      auto plain = strip_tags(cue);
      std::string_view sp, body;
      for (char& c : plain)
        if (c == '\n') c = ' ';
      if (split_speaker(plain, sp, body)) push_turn(t, std::string(sp), start, end, body);
      else push_turn(t, std::string(), start, end, plain);
    }
  }
  return t;
}

Result<Transcript> parse_lines(std::string_view text) {
  Transcript t;
  t.format = TranscriptFormat::speaker_lines;
  auto lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto line = trim(lines[i]);
    if (line.empty()) continue;
    std::optional<std::int64_t> start;
    // [hh:mm:ss] or (hh:mm:ss) or bare hh:mm:ss prefix
    if (line.front() == '[' || line.front() == '(') {
      char closer = line.front() == '[' ? ']' : ')';
      auto close = line.find(closer);
      if (close != std::string_view::npos) {
        if (auto c = parse_clock(line.substr(1, close - 1))) {
          start = c;
          line = trim(line.substr(close + 1));
        }
      }
    } else if (line.front() >= '0' && line.front() <= '9') {
      auto sp = line.find(' ');
      if (auto c = parse_clock(line.substr(0, sp))) {
        start = c;
        line = sp == std::string_view::npos ? std::string_view{} : trim(line.substr(sp + 1));
      }
    }
    std::string_view speaker, body;
    if (split_speaker(line, speaker, body)) {
      // "Name (00:01:02)" label form
      std::string label(speaker);
      if (auto lp = label.find(" ("); lp != std::string::npos && label.back() == ')') {
        if (auto c = parse_clock(std::string_view(label).substr(lp + 2, label.size() - lp - 3))) start = c;
        label.resize(lp);
      }
      if (!t.utterances.empty() && t.utterances.back().speaker == label) {
        t.utterances.back().text += ' ';
        t.utterances.back().text += detail::collapse_ws(body);
      } else {
        push_turn(t, label, start, std::nullopt, body);
      }
    } else if (!t.utterances.empty()) {
      t.utterances.back().text += ' ';
      t.utterances.back().text += detail::collapse_ws(line);
    } else {
      return Error{Errc::invalid_argument,
                   fmt::format("speaker lines: line {}: expected \"Name: text\" (optionally after [hh:mm:ss])", i + 1)};
    }
  }
  return t;
}

Result<Transcript> parse_json(std::string_view text) {
  Transcript t;
  t.format = TranscriptFormat::json;
  simdjson::dom::parser parser;
  simdjson::padded_string padded(text);
  simdjson::dom::element root;
  if (auto ec = parser.parse(padded).get(root); ec)
    return Error{Errc::invalid_argument, fmt::format("JSON utterances: $: {}", simdjson::error_message(ec))};
  simdjson::dom::array arr;
  std::string base = "$";
  if (root.is_object()) {
    simdjson::dom::element inner;
    bool found = false;
    for (const char* key : {"utterances", "segments", "transcript", "data"}) {
      if (root[key].get(inner) == simdjson::SUCCESS && inner.is_array()) {
        base = fmt::format("$.{}", key);
        found = true;
        break;
      }
    }
    if (!found)
      return Error{Errc::invalid_argument, "JSON utterances: $: expected an array or {\"utterances\": [...]}"};
    if (inner.get(arr) != simdjson::SUCCESS) return Error{Errc::invalid_argument, "JSON utterances: expected an array"};
  } else if (root.get(arr) == simdjson::SUCCESS) {
  } else {
    return Error{Errc::invalid_argument, "JSON utterances: $: expected an array of utterances"};
  }
  std::size_t idx = 0;
  for (auto el : arr) {
    auto path = fmt::format("{}[{}]", base, idx++);
    if (!el.is_object()) return Error{Errc::invalid_argument, fmt::format("JSON utterances: {}: expected an object", path)};
    std::string_view txt, spk;
    if (el["text"].get(txt) != simdjson::SUCCESS)
      return Error{Errc::invalid_argument, fmt::format("JSON utterances: {}.text: missing or not a string", path)};
    simdjson::dom::element sv;
    if (el["speaker"].get(sv) == simdjson::SUCCESS && !sv.is_null()) {
      if (sv.get(spk) != simdjson::SUCCESS)
        return Error{Errc::invalid_argument, fmt::format("JSON utterances: {}.speaker: expected a string", path)};
    }
    auto read_time = [&](const char* ms_key, const char* s_key) -> Result<std::optional<std::int64_t>> {
      simdjson::dom::element v;
      if (el[ms_key].get(v) == simdjson::SUCCESS && !v.is_null()) {
        double d;
        if (v.get(d) != simdjson::SUCCESS)
          return Error{Errc::invalid_argument, fmt::format("JSON utterances: {}.{}: expected a number", path, ms_key)};
        return std::optional<std::int64_t>(std::llround(d));
      }
      if (el[s_key].get(v) == simdjson::SUCCESS && !v.is_null()) {
        double d;
        if (v.get(d) != simdjson::SUCCESS)
          return Error{Errc::invalid_argument, fmt::format("JSON utterances: {}.{}: expected seconds as a number", path, s_key)};
        return std::optional<std::int64_t>(std::llround(d * 1000.0));
      }
      return std::optional<std::int64_t>{};
    };
    LEVERKIT_TRY(start, read_time("start_ms", "start"));
    LEVERKIT_TRY(end, read_time("end_ms", "end"));
    push_turn(t, std::string(spk), start, end, txt);
  }
  return t;
}

}  // namespace

std::string_view to_string(SpeakerRole r) noexcept {
  switch (r) {
    case SpeakerRole::candidate: return "candidate";
    case SpeakerRole::interviewer: return "interviewer";
    case SpeakerRole::notes: return "notes";
    case SpeakerRole::unknown: break;
  }
  return "unknown";
}

std::string_view to_string(TranscriptFormat f) noexcept {
  switch (f) {
    case TranscriptFormat::webvtt: return "webvtt";
    case TranscriptFormat::srt: return "srt";
    case TranscriptFormat::speaker_lines: return "speaker_lines";
    case TranscriptFormat::json: return "json";
    case TranscriptFormat::notes: return "notes";
    case TranscriptFormat::automatic: break;
  }
  return "automatic";
}

Result<Transcript> parse_transcript(std::string_view text, TranscriptFormat format) {
  auto body = text;
  if (starts_with(body, "\xEF\xBB\xBF")) body.remove_prefix(3);  // UTF-8 BOM
  if (format == TranscriptFormat::automatic) {
    auto t = trim(body);
    auto lines = split_lines(t);
    if (starts_with(t, "WEBVTT")) format = TranscriptFormat::webvtt;
    else if (!t.empty() && (t.front() == '[' || t.front() == '{') && t.back() == (t.front() == '[' ? ']' : '}') &&
             !parse_clock(t.substr(1, t.find(']') == std::string_view::npos ? 0 : t.find(']') - 1)))
      format = TranscriptFormat::json;
    else if (lines.size() >= 2 && detail::is_digits(trim(lines[0])) && lines[1].find("-->") != std::string_view::npos)
      format = TranscriptFormat::srt;
    else
      format = TranscriptFormat::speaker_lines;
  }
  Result<Transcript> r = Error{Errc::invalid_argument, "unknown transcript format"};
  switch (format) {
    case TranscriptFormat::webvtt: r = parse_cues(body, format); break;
    case TranscriptFormat::srt: r = parse_cues(body, format); break;
    case TranscriptFormat::speaker_lines: r = parse_lines(body); break;
    case TranscriptFormat::json: r = parse_json(body); break;
    case TranscriptFormat::notes: return parse_notes(body);
    case TranscriptFormat::automatic: break;
  }
  if (r && r.value().utterances.empty())
    return Error{Errc::invalid_argument, fmt::format("{} transcript: no speech found", to_string(format))};
  return r;
}

Result<Transcript> parse_notes(std::string_view text) {
  Transcript t;
  t.format = TranscriptFormat::notes;
  auto lines = split_lines(text);
  std::string heading;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto line = trim(lines[i]);
    if (line.empty()) continue;
    if (starts_with(line, "```")) {
      std::string code;
      ++i;
      while (i < lines.size() && !starts_with(trim(lines[i]), "```")) {
        code += lines[i];
        code += '\n';
        ++i;
      }
      if (i >= lines.size())
        return Error{Errc::invalid_argument, "notes: unterminated ``` code block"};
      Utterance u;
      u.speaker = "notes";
      u.role = SpeakerRole::notes;
      u.text = std::move(code);
      u.topic = heading;
      u.code_block = true;
      t.utterances.push_back(std::move(u));
      continue;
    }
    if (line.front() == '#') {
      while (!line.empty() && line.front() == '#') line.remove_prefix(1);
      heading = detail::collapse_ws(line);
      continue;
    }
    // bullets: "- ", "* ", "+ ", "1. "
    if (line.size() > 1 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') line = trim(line.substr(2));
    else if (!line.empty() && line.front() >= '0' && line.front() <= '9') {
      auto dot = line.find_first_not_of("0123456789");
      if (dot != std::string_view::npos && (line[dot] == '.' || line[dot] == ')') && dot + 1 < line.size() && line[dot + 1] == ' ')
        line = trim(line.substr(dot + 2));
    }
    std::string clean;
    for (std::size_t k = 0; k < line.size(); ++k) {  // drop markdown emphasis markers
      if (line[k] == '*') continue;
      clean.push_back(line[k]);
    }
    std::string_view key, value;
    Utterance u;
    u.speaker = "notes";
    u.role = SpeakerRole::notes;
    u.topic = heading;
    if (split_speaker(clean, key, value) && !value.empty()) {
      u.topic = std::string(key);
      u.text = detail::collapse_ws(value);
    } else {
      u.text = detail::collapse_ws(clean);
    }
    if (!u.text.empty()) t.utterances.push_back(std::move(u));
  }
  if (t.utterances.empty()) return Error{Errc::invalid_argument, "notes: no content found"};
  return t;
}

}  // namespace leverkit::autofill

// leverkit/autofill/transcript.hpp — what was said in an interview, as speaker turns.
//
// What: `Utterance` (one speaker turn with optional times) and `Transcript`, plus readers for
// the formats notetakers export: WebVTT (`<v Name>` voice tags or `Name: text` cues), SRT,
// `Name: text` lines (optionally prefixed by `[hh:mm:ss]`), JSON utterances
// (`[{"speaker", "start_ms" | "start" (seconds), "end_ms" | "end", "text"}]`, optionally wrapped
// in `{"utterances": [...]}`), and AI notes (markdown bullets, headings, `Key: value` lines,
// fenced code blocks). Roles are assigned later, from the call's participants.
// Errors: invalid_argument naming the format and the line (or JSON path) that could not be read;
// an input with no speech at all is invalid_argument too.
// Thread-safety: value types; the parsers are reentrant.
// Example:
//   LEVERKIT_TRY(t, leverkit::autofill::parse_transcript(file_text));
//   for (const auto& u : t.utterances) fmt::print("{}: {}\n", u.speaker, u.text);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/error.hpp"

namespace leverkit::inline v0::autofill {

/// Who said it. `notes` marks a line of AI notes: a summary of the call about the candidate,
/// usable as evidence for the candidate's facts but attributed to no speaker.
enum class SpeakerRole { unknown, candidate, interviewer, notes };

std::string_view to_string(SpeakerRole r) noexcept;

struct Utterance {
  std::string speaker;                  // label as written in the transcript ("" if none)
  SpeakerRole role = SpeakerRole::unknown;
  std::optional<std::int64_t> start_ms;  // offset from the start of the recording
  std::optional<std::int64_t> end_ms;
  std::string text;
  /// For AI notes `Key: value` lines and headings: the key (or heading) the line sits under;
  /// it plays the part of the interviewer's question during retrieval.
  std::string topic;
  bool code_block = false;              // a fenced code block from AI notes, kept verbatim
};

enum class TranscriptFormat { automatic, webvtt, srt, speaker_lines, json, notes };

std::string_view to_string(TranscriptFormat f) noexcept;

struct Transcript {
  TranscriptFormat format = TranscriptFormat::automatic;
  std::vector<Utterance> utterances;
};

/// Reads a transcript. `automatic` detects WebVTT (`WEBVTT` header), JSON (`[` or `{`), SRT
/// (a numeric counter line followed by a `-->` timing line) and otherwise `Name: text` lines.
/// Continuation lines without a speaker are appended to the previous turn.
Result<Transcript> parse_transcript(std::string_view text,
                                    TranscriptFormat format = TranscriptFormat::automatic);

/// Reads AI notes (markdown). Every bullet, `Key: value` line or paragraph becomes one
/// utterance with role `notes`; headings and keys become the `topic` of the lines below them.
Result<Transcript> parse_notes(std::string_view text);

}  // namespace leverkit::autofill

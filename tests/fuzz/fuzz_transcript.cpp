// libFuzzer target: the transcript readers (auto-detect and each explicit format) and the notes
// reader of autofill.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "leverkit/autofill/transcript.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace leverkit::autofill;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  for (auto f : {TranscriptFormat::automatic, TranscriptFormat::webvtt, TranscriptFormat::srt,
                 TranscriptFormat::speaker_lines, TranscriptFormat::json})
    (void)parse_transcript(in, f);
  (void)parse_notes(in);
  return 0;
}

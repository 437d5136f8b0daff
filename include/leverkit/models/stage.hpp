// leverkit/models/stage.hpp — pipeline stages and archive reasons.
//
// What: `Stage` ({id, text}; built-in stages have slug ids such as "lead-new", custom ones
// UUIDs) and `ArchiveReason`, with their decoders.
// Errors: decoders return decode_error naming the JSON path of the offending value.
// Thread-safety: value types; decoders are reentrant.
// Example:
//   LEVERKIT_TRY(page, leverkit::decode_stage_page(body));
//   for (const auto& s : page.data) fmt::print("{} {}\n", s.id, s.text);
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "leverkit/models/common.hpp"
#include "leverkit/models/error.hpp"

namespace leverkit::inline v0 {

struct Stage {
  std::string id;    // slug for built-in stages ("applicant-new"), UUID for custom ones
  std::string text;
  friend bool operator==(const Stage&, const Stage&) = default;
};

struct ArchiveReason {
  std::string id;
  std::string text;
  std::optional<std::string> status;  // "active" | "inactive"
  std::optional<std::string> type;    // "hired" | "non-hired" (null on /disposition_stages)
  friend bool operator==(const ArchiveReason&, const ArchiveReason&) = default;
};

/// Decode one object: a bare object, `{"data": {...}}`, or the doubled wrap seen in Lever's docs.
Result<Stage> decode_stage(std::string_view json);
Result<Page<Stage>> decode_stage_page(std::string_view json);
Result<ArchiveReason> decode_archive_reason(std::string_view json);
Result<Page<ArchiveReason>> decode_archive_reason_page(std::string_view json);

}  // namespace leverkit

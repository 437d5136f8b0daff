// Private: Lever list pages split into each item's verbatim JSON (simdjson On Demand), so the
// store keeps exactly what Lever sent and the models' decoders read it back later.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/error.hpp"

namespace leverkit::inline v0::integration::detail {

struct RawPage {
  std::vector<std::string> items;  // each element of `data`, verbatim
  bool has_next = false;
  std::optional<std::string> next;
  [[nodiscard]] bool more() const noexcept { return has_next && next && !next->empty(); }
};

/// `{"data": [...], "hasNext": b, "next": "..."}`; also `{"data": {"data": [...]}}`.
Result<RawPage> split_page(std::string_view body);

/// The object of a single-object response (`{"data": {...}}`, a bare object, or the doubled wrap).
Result<std::string> unwrap_object(std::string_view body);

/// The top-level string members of a JSON object (others are skipped); decode_error if `json`
/// is not an object.
Result<std::vector<std::pair<std::string, std::string>>> string_members(std::string_view json);

}  // namespace leverkit::integration::detail

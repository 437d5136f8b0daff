// leverkit/models/panel.hpp — a panel: the interviews for one candidate and stage.
//
// What: `Panel` and its decoders. Only panels with `externally_managed == true` (created by an
// integration) accept interview writes through the API.
// Errors: decoders return decode_error naming the JSON path.
// Thread-safety: value types; decoders are reentrant.
// Example:
//   LEVERKIT_TRY(p, leverkit::decode_panel(body));
//   for (const auto& i : p.interviews) fmt::print("{}\n", i.subject);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/common.hpp"
#include "leverkit/models/error.hpp"
#include "leverkit/models/interview.hpp"
#include "leverkit/models/stage.hpp"
#include "leverkit/models/time.hpp"
#include "leverkit/models/user.hpp"

namespace leverkit::inline v0 {

struct Panel {
  std::string id;
  std::vector<std::string> applications;
  std::optional<Timestamp> canceled_at;
  std::optional<Timestamp> created_at;
  std::optional<Timestamp> start;
  std::optional<Timestamp> end;
  std::optional<std::string> timezone;
  std::optional<std::string> feedback_reminder;
  std::optional<Expandable<User>> user;
  std::optional<Expandable<Stage>> stage;
  std::string note;
  bool externally_managed = false;
  std::optional<std::string> external_url;
  std::vector<Interview> interviews;  // reduced shape; `panel` is filled with this panel's id
  friend bool operator==(const Panel&, const Panel&) = default;
};

Result<Panel> decode_panel(std::string_view json);
Result<Page<Panel>> decode_panel_page(std::string_view json);

}  // namespace leverkit

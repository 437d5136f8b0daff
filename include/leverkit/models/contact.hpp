// leverkit/models/contact.hpp — a contact: the person behind one or more opportunities.
//
// What: `Contact` (note: `location` is an object `{name}` here, a string on opportunities).
// Errors: decoders return decode_error naming the JSON path.
// Thread-safety: value types; decoders are reentrant.
// Example:
//   LEVERKIT_TRY(c, leverkit::decode_contact(body));
//   fmt::print("{} <{}>\n", c.name, c.emails.empty() ? "" : c.emails[0]);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/common.hpp"
#include "leverkit/models/error.hpp"

namespace leverkit::inline v0 {

struct Contact {
  std::string id;
  std::string name;
  std::optional<std::string> headline;
  bool is_anonymized = false;
  std::optional<std::string> location;  // from `location.name`
  std::vector<std::string> emails;
  std::vector<Phone> phones;
  friend bool operator==(const Contact&, const Contact&) = default;
};

Result<Contact> decode_contact(std::string_view json);

}  // namespace leverkit

#include "detail/decoders.hpp"

namespace leverkit::inline v0 {
namespace detail {

Result<Panel> decode_value(od::value v, const JsonPath& p, Tag<Panel>) {
  Panel o;
  bool has_id = false;
  LEVERKIT_TRYV(for_each_field(v, p, "a panel object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "id") {
      has_id = true;
      return assign(o.id, read_string(f, fp));
    }
    if (k == "applications") return assign(o.applications, read_string_array(f, fp));
    if (k == "canceledAt") return assign(o.canceled_at, read_opt_timestamp(f, fp));
    if (k == "createdAt") return assign(o.created_at, read_opt_timestamp(f, fp));
    if (k == "start") return assign(o.start, read_opt_timestamp(f, fp));
    if (k == "end") return assign(o.end, read_opt_timestamp(f, fp));
    if (k == "timezone") return assign(o.timezone, read_opt_string(f, fp));
    if (k == "feedbackReminder") return assign(o.feedback_reminder, read_opt_string(f, fp));
    if (k == "user") return assign(o.user, read_opt_expandable<User>(f, fp, decoder<User>));
    if (k == "stage") return assign(o.stage, read_opt_expandable<Stage>(f, fp, decoder<Stage>));
    if (k == "note") return assign(o.note, read_string_or_empty(f, fp));
    if (k == "externallyManaged") return assign(o.externally_managed, read_bool_or_false(f, fp));
    if (k == "externalUrl") return assign(o.external_url, read_opt_string(f, fp));
    if (k == "interviews") return assign(o.interviews, read_array<Interview>(f, fp, decoder<Interview>));
    return skip(f, fp);
  }));
  LEVERKIT_TRYV(require(has_id, p, "id"));
  // Embedded interviews are a reduced shape without their panel id: it is this panel.
  for (auto& i : o.interviews)
    if (!i.panel) i.panel = o.id;
  return o;
}

}  // namespace detail

Result<Panel> decode_panel(std::string_view json) { return detail::decode_one<Panel>({json, 0}); }
Result<Page<Panel>> decode_panel_page(std::string_view json) { return detail::decode_page<Panel>({json, 0}); }

}  // namespace leverkit

#include "detail/decoders.hpp"

namespace leverkit::inline v0 {
namespace detail {

// The pattern every decoder follows: one pass over the fields, a switch on the key, unknown
// keys skipped, required keys checked at the end.
Result<Stage> decode_value(od::value v, const JsonPath& p, Tag<Stage>) {
  Stage s;
  bool has_id = false;
  LEVERKIT_TRYV(for_each_field(v, p, "a stage object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "id") {
      LEVERKIT_TRY(id, read_string(f, fp));
      s.id = std::move(id);
      has_id = true;
    } else if (k == "text") {
      LEVERKIT_TRY(t, read_string_or_empty(f, fp));
      s.text = std::move(t);
    } else {
      return skip(f, fp);
    }
    return success();
  }));
  LEVERKIT_TRYV(require(has_id, p, "id"));
  return s;
}

Result<ArchiveReason> decode_value(od::value v, const JsonPath& p, Tag<ArchiveReason>) {
  ArchiveReason a;
  bool has_id = false;
  LEVERKIT_TRYV(for_each_field(v, p, "an archive reason object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "id") {
      LEVERKIT_TRY(id, read_string(f, fp));
      a.id = std::move(id);
      has_id = true;
    } else if (k == "text") {
      LEVERKIT_TRY(t, read_string_or_empty(f, fp));
      a.text = std::move(t);
    } else if (k == "status") {
      LEVERKIT_TRY(t, read_opt_string(f, fp));
      a.status = std::move(t);
    } else if (k == "type") {
      LEVERKIT_TRY(t, read_opt_string(f, fp));
      a.type = std::move(t);
    } else {
      return skip(f, fp);
    }
    return success();
  }));
  LEVERKIT_TRYV(require(has_id, p, "id"));
  return a;
}

}  // namespace detail

Result<Stage> decode_stage(std::string_view json) { return detail::decode_one<Stage>({json, 0}); }
Result<Page<Stage>> decode_stage_page(std::string_view json) { return detail::decode_page<Stage>({json, 0}); }
Result<ArchiveReason> decode_archive_reason(std::string_view json) {
  return detail::decode_one<ArchiveReason>({json, 0});
}
Result<Page<ArchiveReason>> decode_archive_reason_page(std::string_view json) {
  return detail::decode_page<ArchiveReason>({json, 0});
}

}  // namespace leverkit

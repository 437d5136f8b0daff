#include "detail/decoders.hpp"

namespace leverkit::inline v0 {
namespace detail {

Result<LeverErrorBody> decode_value(od::value v, const JsonPath& p, Tag<LeverErrorBody>) {
  LeverErrorBody e;
  LEVERKIT_TRYV(for_each_field(v, p, "an error object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "code") return assign(e.code, read_string_or_empty(f, fp));
    if (k == "message") return assign(e.message, read_string_or_empty(f, fp));
    return skip(f, fp);
  }));
  return e;
}

}  // namespace detail

Result<LeverErrorBody> decode_lever_error(std::string_view json) {
  return detail::decode_one<LeverErrorBody>({json, 0});
}

}  // namespace leverkit

// /v1/archive_reasons: list (by type) and get.
#include "api_impl.hpp"

namespace leverkit::sandbox::detail {

ApiResponse Api::Impl::list_archive_reasons(Ctx& ctx) {
  auto type = ctx.param("type");
  if (type && *type != "hired" && *type != "non-hired") bad("type must be hired or non-hired");
  return list(ctx, store.archive_reasons, std::views::iota(std::size_t{0}, store.archive_reasons.size()),
              [&](const Record& r) { return !type || r.value.str("type") == *type; }, {});
}

ApiResponse Api::Impl::get_archive_reason(Ctx& ctx) {
  const Record* r = store.archive_reasons.get(ctx.args.at(0));
  if (!r) not_found("archive_reasons", ctx.args.at(0));
  return single(ctx, r->value, {});
}

}  // namespace leverkit::sandbox::detail

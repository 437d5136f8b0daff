// /v1/stages: list and get.
#include "api_impl.hpp"

namespace leverkit::sandbox::detail {

ApiResponse Api::Impl::list_stages(Ctx& ctx) {
  return list(ctx, store.stages, std::views::iota(std::size_t{0}, store.stages.size()), [](const Record&) { return true; },
              {});
}

ApiResponse Api::Impl::get_stage(Ctx& ctx) {
  const Record* r = store.stages.get(ctx.args.at(0));
  if (!r) not_found("stages", ctx.args.at(0));
  return single(ctx, r->value, {});
}

}  // namespace leverkit::sandbox::detail

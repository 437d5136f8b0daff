// /v1/opportunities/:id/applications (read only).
#include "api_impl.hpp"

namespace leverkit::sandbox::detail {

ApiResponse Api::Impl::list_applications(Ctx& ctx) {
  Record& o = opportunity(ctx);
  return list(ctx, store.applications, store.applications.children(o.value.str("id")), [](const Record&) { return true; },
              {{"posting", &store.postings}, {"postingOwner", &store.users}, {"postingHiringManager", &store.users},
               {"user", &store.users}});
}

ApiResponse Api::Impl::get_application(Ctx& ctx) {
  return single(ctx, child(store.applications, ctx, "applications").value,
                {{"posting", &store.postings}, {"postingOwner", &store.users}, {"postingHiringManager", &store.users},
                 {"user", &store.users}});
}

}  // namespace leverkit::sandbox::detail

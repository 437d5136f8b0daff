// Stages and archive reasons (lever-api.md §6.4, §6.5).
#include "client_state.hpp"

namespace leverkit::inline v0 {

Paginator<Stage> Client::list_stages(const ListStagesRequest& r, const CallOptions& options) const {
  if (auto ok = detail::check_limit(r.limit); !ok) return Paginator<Stage>(std::move(ok).error());
  detail::Query q;
  q.add("limit", r.limit);
  return detail::make_paginator<Stage>(state_, "/stages", std::move(q), r.offset, options);
}

Paginator<ArchiveReason> Client::list_archive_reasons(const ListArchiveReasonsRequest& r,
                                                      const CallOptions& options) const {
  if (auto ok = detail::check_limit(r.limit); !ok) return Paginator<ArchiveReason>(std::move(ok).error());
  detail::Query q;
  q.add("type", r.type);
  q.add("limit", r.limit);
  return detail::make_paginator<ArchiveReason>(state_, "/archive_reasons", std::move(q), r.offset, options);
}

}  // namespace leverkit

// Postings (lever-api.md §6.7).
#include <fmt/format.h>

#include "client_state.hpp"

namespace leverkit::inline v0 {

Paginator<Posting> Client::list_postings(const ListPostingsRequest& r, const CallOptions& options) const {
  if (auto ok = detail::check_limit(r.limit); !ok) return Paginator<Posting>(std::move(ok).error());
  // Lever: the updated_at range "can only be combined with confidentiality".
  if (r.updated_at_start || r.updated_at_end) {
    const bool others = !r.state.empty() || !r.distribution_channel.empty() || r.group || !r.team.empty() ||
                        !r.department.empty() || !r.location.empty() || !r.commitment.empty() ||
                        !r.level.empty() || !r.tag.empty();
    if (others)
      return Paginator<Posting>(Error(Errc::invalid_argument,
                                      "ListPostingsRequest: updated_at_start/updated_at_end can only be combined "
                                      "with confidentiality (Lever rule)"));
  }
  detail::Query q;
  q.add("include", r.include);
  q.add("expand", r.expand);
  q.add("state", r.state);
  q.add("distributionChannel", r.distribution_channel);
  q.add("confidentiality", r.confidentiality);
  q.add("group", r.group);
  q.add("team", r.team);
  q.add("department", r.department);
  q.add("location", r.location);
  q.add("commitment", r.commitment);
  q.add("level", r.level);
  q.add("tag", r.tag);
  q.add("updated_at_start", r.updated_at_start);
  q.add("updated_at_end", r.updated_at_end);
  q.add("limit", r.limit);
  return detail::make_paginator<Posting>(state_, "/postings", std::move(q), r.offset, options);
}

Result<Posting> Client::get_posting(const GetPostingRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, detail::id_path("/postings", r.posting_id, "GetPostingRequest::posting_id"));
  detail::Query q;
  q.add("distribution", r.distribution);
  q.add("include", r.include);
  q.add("expand", r.expand);
  return detail::call_one<Posting>(*state_, HttpMethod::get, path + q.str(), {}, options);
}

}  // namespace leverkit

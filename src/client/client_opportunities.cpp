// Opportunities (lever-api.md §6.1). One file per resource so a program links only the
// decoders of the resources it uses.
#include "client_state.hpp"

namespace leverkit::inline v0 {

Paginator<Opportunity> Client::list_opportunities(const ListOpportunitiesRequest& r, const CallOptions& options) const {
  if (auto ok = detail::check_limit(r.limit); !ok) return Paginator<Opportunity>(std::move(ok).error());
  detail::Query q;
  q.add("include", r.include);
  q.add("expand", r.expand);
  q.add("tag", r.tag);
  q.add("email", r.email);
  q.add("origin", r.origin);
  q.add("source", r.source);
  q.add("confidentiality", r.confidentiality);
  q.add("stage_id", r.stage_id);
  q.add("posting_id", r.posting_id);
  q.add("archived_posting_id", r.archived_posting_id);
  q.add("created_at_start", r.created_at_start);
  q.add("created_at_end", r.created_at_end);
  q.add("updated_at_start", r.updated_at_start);
  q.add("updated_at_end", r.updated_at_end);
  q.add("advanced_at_start", r.advanced_at_start);
  q.add("advanced_at_end", r.advanced_at_end);
  q.add("archived_at_start", r.archived_at_start);
  q.add("archived_at_end", r.archived_at_end);
  q.add("archived", r.archived);
  q.add("archive_reason_id", r.archive_reason_id);
  q.add("snoozed", r.snoozed);
  q.add("contact_id", r.contact_id);
  q.add("location", r.location);
  q.add("limit", r.limit);
  return detail::make_paginator<Opportunity>(state_, "/opportunities", std::move(q), r.offset, options);
}

Result<Opportunity> Client::get_opportunity(const GetOpportunityRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, detail::id_path("/opportunities", r.opportunity_id, "GetOpportunityRequest::opportunity_id"));
  detail::Query q;
  q.add("include", r.include);
  q.add("expand", r.expand);
  return detail::call_one<Opportunity>(*state_, HttpMethod::get, path + q.str(), {}, options);
}

}  // namespace leverkit

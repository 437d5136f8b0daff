// Opportunity writes, applications and contacts (lever-api.md §6.1–§6.3).
#include "client_state.hpp"

namespace leverkit::inline v0 {

using detail::item_path;
using detail::opp_path;
using detail::Query;

namespace {
template <class Body>
Result<Opportunity> opportunity_write(detail::ClientState& st, HttpMethod method, std::string_view opp,
                                      std::string_view suffix, const std::optional<std::string>& perform_as,
                                      const Body& body, const CallOptions& options) {
  LEVERKIT_TRY(path, opp_path(opp, suffix, "opportunity_id"));
  Query q;
  detail::optional_perform_as(q, perform_as);
  return detail::call_one<Opportunity>(st, method, path + q.str(), to_json(body), options);
}
}  // namespace

Result<Opportunity> Client::create_opportunity(const CreateOpportunityRequest& r, const CallOptions& options) const {
  Query q;
  LEVERKIT_TRYV(detail::require_perform_as(q, r.perform_as, "CreateOpportunityRequest::perform_as"));
  LEVERKIT_TRYV(validate(r.body));
  return detail::call_one<Opportunity>(*state_, HttpMethod::post, "/opportunities" + q.str(), to_json(r.body), options);
}

Result<Opportunity> Client::update_opportunity_stage(const UpdateOpportunityStageRequest& r,
                                                     const CallOptions& options) const {
  if (r.body.stage.empty()) return Error(Errc::invalid_argument, "OpportunityStageChange::stage must not be empty");
  return opportunity_write(*state_, HttpMethod::put, r.opportunity_id, "/stage", r.perform_as, r.body, options);
}

Result<Opportunity> Client::update_opportunity_archived(const UpdateOpportunityArchivedRequest& r,
                                                        const CallOptions& options) const {
  return opportunity_write(*state_, HttpMethod::put, r.opportunity_id, "/archived", r.perform_as, r.body, options);
}

Result<Opportunity> Client::add_tags(const ChangeTagsRequest& r, const CallOptions& options) const {
  return opportunity_write(*state_, HttpMethod::post, r.opportunity_id, "/addTags", r.perform_as, r.body, options);
}
Result<Opportunity> Client::remove_tags(const ChangeTagsRequest& r, const CallOptions& options) const {
  return opportunity_write(*state_, HttpMethod::post, r.opportunity_id, "/removeTags", r.perform_as, r.body, options);
}
Result<Opportunity> Client::add_links(const ChangeLinksRequest& r, const CallOptions& options) const {
  return opportunity_write(*state_, HttpMethod::post, r.opportunity_id, "/addLinks", r.perform_as, r.body, options);
}
Result<Opportunity> Client::remove_links(const ChangeLinksRequest& r, const CallOptions& options) const {
  return opportunity_write(*state_, HttpMethod::post, r.opportunity_id, "/removeLinks", r.perform_as, r.body, options);
}
Result<Opportunity> Client::add_sources(const ChangeSourcesRequest& r, const CallOptions& options) const {
  return opportunity_write(*state_, HttpMethod::post, r.opportunity_id, "/addSources", r.perform_as, r.body, options);
}
Result<Opportunity> Client::remove_sources(const ChangeSourcesRequest& r, const CallOptions& options) const {
  return opportunity_write(*state_, HttpMethod::post, r.opportunity_id, "/removeSources", r.perform_as, r.body,
                           options);
}

Paginator<Application> Client::list_applications(const ListOpportunityItemsRequest& r,
                                                 const CallOptions& options) const {
  if (auto ok = detail::check_limit(r.limit); !ok) return Paginator<Application>(std::move(ok).error());
  auto path = opp_path(r.opportunity_id, "/applications", "ListOpportunityItemsRequest::opportunity_id");
  if (!path) return Paginator<Application>(std::move(path).error());
  Query q;
  q.add("expand", r.expand);
  q.add("limit", r.limit);
  return detail::make_paginator<Application>(state_, std::move(path).value(), std::move(q), r.offset, options);
}

Result<Application> Client::get_application(const GetApplicationRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, item_path(r.opportunity_id, "/applications", r.application_id, "GetApplicationRequest::opportunity_id",
                               "GetApplicationRequest::application_id"));
  Query q;
  q.add("expand", r.expand);
  return detail::call_one<Application>(*state_, HttpMethod::get, path + q.str(), {}, options);
}

Result<Contact> Client::get_contact(const GetContactRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, detail::id_path("/contacts", r.contact_id, "GetContactRequest::contact_id"));
  return detail::call_one<Contact>(*state_, HttpMethod::get, path, {}, options);
}

Result<Contact> Client::update_contact(const UpdateContactRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, detail::id_path("/contacts", r.contact_id, "UpdateContactRequest::contact_id"));
  return detail::call_one<Contact>(*state_, HttpMethod::put, path, to_json(r.body), options);
}

}  // namespace leverkit

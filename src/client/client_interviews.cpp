// Interviews and panels (lever-api.md §6.8, §6.9).
#include "client_state.hpp"

namespace leverkit::inline v0 {

using detail::Query;

using detail::item_path;
using detail::opp_path;

// ---- interviews ----

Paginator<Interview> Client::list_interviews(const ListOpportunityItemsRequest& r, const CallOptions& options) const {
  if (auto ok = detail::check_limit(r.limit); !ok) return Paginator<Interview>(std::move(ok).error());
  auto path = opp_path(r.opportunity_id, "/interviews", "ListOpportunityItemsRequest::opportunity_id");
  if (!path) return Paginator<Interview>(std::move(path).error());
  Query q;
  q.add("expand", r.expand);
  q.add("limit", r.limit);
  return detail::make_paginator<Interview>(state_, std::move(path).value(), std::move(q), r.offset, options);
}

Result<Interview> Client::get_interview(const GetInterviewRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, item_path(r.opportunity_id, "/interviews", r.interview_id, "GetInterviewRequest::opportunity_id",
                               "GetInterviewRequest::interview_id"));
  Query q;
  q.add("expand", r.expand);
  return detail::call_one<Interview>(*state_, HttpMethod::get, path + q.str(), {}, options);
}

Result<Interview> Client::create_interview(const CreateInterviewRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, opp_path(r.opportunity_id, "/interviews", "CreateInterviewRequest::opportunity_id"));
  Query q;
  LEVERKIT_TRYV(detail::require_perform_as(q, r.perform_as, "CreateInterviewRequest::perform_as"));
  LEVERKIT_TRYV(validate(r.body));
  return detail::call_one<Interview>(*state_, HttpMethod::post, path + q.str(), to_json(r.body), options);
}

Result<Interview> Client::update_interview(const UpdateInterviewRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, item_path(r.opportunity_id, "/interviews", r.interview_id, "UpdateInterviewRequest::opportunity_id",
                               "UpdateInterviewRequest::interview_id"));
  Query q;
  LEVERKIT_TRYV(detail::require_perform_as(q, r.perform_as, "UpdateInterviewRequest::perform_as"));
  LEVERKIT_TRYV(validate(r.body));
  return detail::call_one<Interview>(*state_, HttpMethod::put, path + q.str(), to_json(r.body), options);
}

Result<Interview> Client::update_interview_fields(const UpdateInterviewFieldsRequest& r,
                                                  const CallOptions& options) const {
  if (!r.edit) return Error(Errc::invalid_argument, "UpdateInterviewFieldsRequest::edit must be set");
  if (r.perform_as.empty())
    return Error(Errc::invalid_argument, "UpdateInterviewFieldsRequest::perform_as: Lever requires perform_as");
  // One budget for both requests: the PUT gets what the GET left, never a fresh timeout.
  const detail::CallBudget budget(*state_, options);
  LEVERKIT_TRY(read_options, budget.next("update_interview_fields (GET)"));
  LEVERKIT_TRY(current, get_interview({.opportunity_id = r.opportunity_id, .interview_id = r.interview_id, .expand = {}},
                                      read_options));
  InterviewUpdate body = interview_update_from(current);
  r.edit(body);
  LEVERKIT_TRY(write_options, budget.next("update_interview_fields (PUT)"));
  return update_interview({.opportunity_id = r.opportunity_id,
                           .interview_id = r.interview_id,
                           .perform_as = r.perform_as,
                           .body = std::move(body)},
                          write_options);
}

Result<void> Client::delete_interview(const DeleteInterviewRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, item_path(r.opportunity_id, "/interviews", r.interview_id, "DeleteInterviewRequest::opportunity_id",
                               "DeleteInterviewRequest::interview_id"));
  Query q;
  LEVERKIT_TRYV(detail::require_perform_as(q, r.perform_as, "DeleteInterviewRequest::perform_as"));
  return detail::call_void(*state_, HttpMethod::delete_, path + q.str(), {}, options);
}

// ---- panels ----

Paginator<Panel> Client::list_panels(const ListOpportunityItemsRequest& r, const CallOptions& options) const {
  if (auto ok = detail::check_limit(r.limit); !ok) return Paginator<Panel>(std::move(ok).error());
  auto path = opp_path(r.opportunity_id, "/panels", "ListOpportunityItemsRequest::opportunity_id");
  if (!path) return Paginator<Panel>(std::move(path).error());
  Query q;
  q.add("expand", r.expand);
  q.add("limit", r.limit);
  return detail::make_paginator<Panel>(state_, std::move(path).value(), std::move(q), r.offset, options);
}

Result<Panel> Client::get_panel(const GetPanelRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, item_path(r.opportunity_id, "/panels", r.panel_id, "GetPanelRequest::opportunity_id",
                               "GetPanelRequest::panel_id"));
  Query q;
  q.add("expand", r.expand);
  return detail::call_one<Panel>(*state_, HttpMethod::get, path + q.str(), {}, options);
}

Result<Panel> Client::create_panel(const CreatePanelRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, opp_path(r.opportunity_id, "/panels", "CreatePanelRequest::opportunity_id"));
  Query q;
  LEVERKIT_TRYV(detail::require_perform_as(q, r.perform_as, "CreatePanelRequest::perform_as"));
  LEVERKIT_TRYV(validate(r.body));
  return detail::call_one<Panel>(*state_, HttpMethod::post, path + q.str(), to_json(r.body), options);
}

Result<Panel> Client::update_panel(const UpdatePanelRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, item_path(r.opportunity_id, "/panels", r.panel_id, "UpdatePanelRequest::opportunity_id",
                               "UpdatePanelRequest::panel_id"));
  Query q;
  LEVERKIT_TRYV(detail::require_perform_as(q, r.perform_as, "UpdatePanelRequest::perform_as"));
  LEVERKIT_TRYV(validate(r.body));
  return detail::call_one<Panel>(*state_, HttpMethod::put, path + q.str(), to_json(r.body), options);
}

Result<void> Client::delete_panel(const DeletePanelRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, item_path(r.opportunity_id, "/panels", r.panel_id, "DeletePanelRequest::opportunity_id",
                               "DeletePanelRequest::panel_id"));
  Query q;
  LEVERKIT_TRYV(detail::require_perform_as(q, r.perform_as, "DeletePanelRequest::perform_as"));
  return detail::call_void(*state_, HttpMethod::delete_, path + q.str(), {}, options);
}

}  // namespace leverkit

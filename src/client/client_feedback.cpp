// Feedback templates, form templates, opportunity feedback and profile forms
// (lever-api.md §6.10–§6.14).
#include "client_state.hpp"

namespace leverkit::inline v0 {

using detail::item_path;
using detail::opp_path;
using detail::Query;

// ---- feedback templates ----

Paginator<FeedbackTemplate> Client::list_feedback_templates(const ListTemplatesRequest& r,
                                                            const CallOptions& options) const {
  if (auto ok = detail::check_limit(r.limit); !ok) return Paginator<FeedbackTemplate>(std::move(ok).error());
  Query q;
  q.add("include", r.include);
  q.add("limit", r.limit);
  return detail::make_paginator<FeedbackTemplate>(state_, "/feedback_templates", std::move(q), r.offset, options);
}

Result<FeedbackTemplate> Client::get_feedback_template(const GetTemplateRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, detail::id_path("/feedback_templates", r.template_id, "GetTemplateRequest::template_id"));
  return detail::call_one<FeedbackTemplate>(*state_, HttpMethod::get, path, {}, options);
}

Result<FeedbackTemplate> Client::create_feedback_template(const CreateFeedbackTemplateRequest& r,
                                                          const CallOptions& options) const {
  LEVERKIT_TRYV(validate(r.body));
  return detail::call_one<FeedbackTemplate>(*state_, HttpMethod::post, "/feedback_templates", to_json(r.body), options);
}

Result<FeedbackTemplate> Client::update_feedback_template(const UpdateFeedbackTemplateRequest& r,
                                                          const CallOptions& options) const {
  LEVERKIT_TRY(path, detail::id_path("/feedback_templates", r.template_id, "UpdateFeedbackTemplateRequest::template_id"));
  LEVERKIT_TRYV(validate(r.body));
  return detail::call_one<FeedbackTemplate>(*state_, HttpMethod::put, path, to_json(r.body), options);
}

Result<void> Client::delete_feedback_template(const DeleteTemplateRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, detail::id_path("/feedback_templates", r.template_id, "DeleteTemplateRequest::template_id"));
  return detail::call_void(*state_, HttpMethod::delete_, path, {}, options);
}

// ---- form templates ----

Paginator<FormTemplate> Client::list_form_templates(const ListTemplatesRequest& r, const CallOptions& options) const {
  if (auto ok = detail::check_limit(r.limit); !ok) return Paginator<FormTemplate>(std::move(ok).error());
  Query q;
  q.add("include", r.include);
  q.add("limit", r.limit);
  return detail::make_paginator<FormTemplate>(state_, "/form_templates", std::move(q), r.offset, options);
}

Result<FormTemplate> Client::get_form_template(const GetTemplateRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, detail::id_path("/form_templates", r.template_id, "GetTemplateRequest::template_id"));
  return detail::call_one<FormTemplate>(*state_, HttpMethod::get, path, {}, options);
}

Result<FormTemplate> Client::create_form_template(const CreateFormTemplateRequest& r, const CallOptions& options) const {
  LEVERKIT_TRYV(validate(r.body));
  return detail::call_one<FormTemplate>(*state_, HttpMethod::post, "/form_templates", to_json(r.body), options);
}

Result<FormTemplate> Client::update_form_template(const UpdateFormTemplateRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, detail::id_path("/form_templates", r.template_id, "UpdateFormTemplateRequest::template_id"));
  LEVERKIT_TRYV(validate(r.body));
  return detail::call_one<FormTemplate>(*state_, HttpMethod::put, path, to_json(r.body), options);
}

Result<void> Client::delete_form_template(const DeleteTemplateRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, detail::id_path("/form_templates", r.template_id, "DeleteTemplateRequest::template_id"));
  return detail::call_void(*state_, HttpMethod::delete_, path, {}, options);
}

// ---- opportunity feedback ----

Paginator<Feedback> Client::list_feedback(const ListFeedbackRequest& r, const CallOptions& options) const {
  if (auto ok = detail::check_limit(r.limit); !ok) return Paginator<Feedback>(std::move(ok).error());
  auto path = opp_path(r.opportunity_id, "/feedback", "ListFeedbackRequest::opportunity_id");
  if (!path) return Paginator<Feedback>(std::move(path).error());
  Query q;
  q.add("expand", r.expand);
  q.add("limit", r.limit);
  std::function<bool(const Feedback&)> keep;
  if (!r.include_deleted) keep = [](const Feedback& f) { return !f.deleted(); };
  return detail::make_paginator<Feedback>(state_, std::move(path).value(), std::move(q), r.offset, options,
                                          std::move(keep));
}

Result<Feedback> Client::get_feedback(const GetFeedbackRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, item_path(r.opportunity_id, "/feedback", r.feedback_id, "GetFeedbackRequest::opportunity_id",
                               "GetFeedbackRequest::feedback_id"));
  Query q;
  q.add("expand", r.expand);
  return detail::call_one<Feedback>(*state_, HttpMethod::get, path + q.str(), {}, options);
}

Result<Feedback> Client::create_feedback(const CreateFeedbackRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, opp_path(r.opportunity_id, "/feedback", "CreateFeedbackRequest::opportunity_id"));
  Query q;
  LEVERKIT_TRYV(detail::require_perform_as(q, r.perform_as, "CreateFeedbackRequest::perform_as"));
  LEVERKIT_TRYV(validate(r.body));
  return detail::call_one<Feedback>(*state_, HttpMethod::post, path + q.str(), to_json(r.body), options);
}

Result<Feedback> Client::update_feedback(const UpdateFeedbackRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, item_path(r.opportunity_id, "/feedback", r.feedback_id, "UpdateFeedbackRequest::opportunity_id",
                               "UpdateFeedbackRequest::feedback_id"));
  Query q;
  LEVERKIT_TRYV(detail::require_perform_as(q, r.perform_as, "UpdateFeedbackRequest::perform_as"));
  LEVERKIT_TRYV(validate(r.body));
  return detail::call_one<Feedback>(*state_, HttpMethod::put, path + q.str(), to_json(r.body), options);
}

Result<void> Client::delete_feedback(const DeleteFeedbackRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, item_path(r.opportunity_id, "/feedback", r.feedback_id, "DeleteFeedbackRequest::opportunity_id",
                               "DeleteFeedbackRequest::feedback_id"));
  Query q;
  LEVERKIT_TRYV(detail::require_perform_as(q, r.perform_as, "DeleteFeedbackRequest::perform_as"));
  return detail::call_void(*state_, HttpMethod::delete_, path + q.str(), {}, options);
}

// ---- profile forms ----

Paginator<ProfileForm> Client::list_profile_forms(const ListOpportunityItemsRequest& r,
                                                  const CallOptions& options) const {
  if (auto ok = detail::check_limit(r.limit); !ok) return Paginator<ProfileForm>(std::move(ok).error());
  auto path = opp_path(r.opportunity_id, "/forms", "ListOpportunityItemsRequest::opportunity_id");
  if (!path) return Paginator<ProfileForm>(std::move(path).error());
  Query q;
  q.add("expand", r.expand);
  q.add("limit", r.limit);
  return detail::make_paginator<ProfileForm>(state_, std::move(path).value(), std::move(q), r.offset, options);
}

Result<ProfileForm> Client::get_profile_form(const GetProfileFormRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, item_path(r.opportunity_id, "/forms", r.profile_form_id, "GetProfileFormRequest::opportunity_id",
                               "GetProfileFormRequest::profile_form_id"));
  Query q;
  q.add("expand", r.expand);
  return detail::call_one<ProfileForm>(*state_, HttpMethod::get, path + q.str(), {}, options);
}

Result<ProfileForm> Client::create_profile_form(const CreateProfileFormRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, opp_path(r.opportunity_id, "/forms", "CreateProfileFormRequest::opportunity_id"));
  Query q;
  detail::optional_perform_as(q, r.perform_as);
  LEVERKIT_TRYV(validate(r.body));
  return detail::call_one<ProfileForm>(*state_, HttpMethod::post, path + q.str(), to_json(r.body), options);
}

}  // namespace leverkit

// leverkit/client/client.hpp — the Lever Data API client.
//
// What: `Client`, one method per Lever operation (verb_noun), each taking one request struct and
// a `CallOptions` last. Every call goes through the same pipeline: credentials → shared rate
// limiter → transport → status mapping → retry with back-off (Retry-After honoured) → decode.
// List methods return a lazy `Paginator<T>`.
// Time: `CallOptions::timeout` bounds a whole method call — rate-limit waits, every attempt and
// back-off, and every request of a method that makes several (update_interview_fields,
// update_note) share one deadline. A paginator's timeout applies to each page it loads: pages
// are pulled by the caller, at the caller's pace.
// Ids: every request names its ids after their resource (`opportunity_id`, `interview_id`,
// `note_id`, `template_id`, ...), the same name for get, update and delete (ADR 0095).
// Errors: `Result<T>` with `Errc` from the HTTP status (400 bad_request, 401 unauthorized, 403
// forbidden, 404 not_found, 409/422 conflict, 429 rate_limited, 5xx server_error, other
// unexpected_status), Lever's `{code, message}` in lever_code/lever_message, the request id, the
// number of attempts; `stale_cursor` when Lever refuses a list's offset token (ADR 0020);
// transport/timeout/cancelled from below HTTP; decode_error naming the JSON path.
// No error, exception or log line ever contains the credential.
// Thread-safety: a Client is a cheap copyable handle to shared state; copies and threads may
// call concurrently and share one rate-limit bucket per credential.
// Example:
//   auto creds = std::make_shared<leverkit::ApiKeyCredentials>(key);
//   LEVERKIT_TRY(client, leverkit::Client::create(creds, {.environment = leverkit::Environment::sandbox}));
//   for (auto& opp : client.list_opportunities({.stage_id = {"applicant-new"}})) { ... }
#pragma once

#include <memory>
#include <string>

#include "leverkit/client/call_options.hpp"
#include "leverkit/client/client_options.hpp"
#include "leverkit/client/credentials.hpp"
#include "leverkit/client/http.hpp"
#include "leverkit/client/paginator.hpp"
#include "leverkit/client/requests.hpp"
#include "leverkit/client/resource_requests.hpp"
#include "leverkit/models/application.hpp"
#include "leverkit/models/contact.hpp"
#include "leverkit/models/feedback.hpp"
#include "leverkit/models/form_template.hpp"
#include "leverkit/models/interview.hpp"
#include "leverkit/models/note.hpp"
#include "leverkit/models/panel.hpp"
#include "leverkit/models/profile_form.hpp"
#include "leverkit/models/webhook.hpp"
#include "leverkit/models/opportunity.hpp"
#include "leverkit/models/posting.hpp"
#include "leverkit/models/stage.hpp"
#include "leverkit/models/user.hpp"

namespace leverkit::inline v0 {

namespace detail {
struct ClientState;
}

class Client {
 public:
  /// Validates `options` (base URL scheme and host, retry numbers) and builds the shared state.
  static Result<Client> create(std::shared_ptr<Credentials> credentials, ClientOptions options = {});

  // ---- opportunities ----
  Paginator<Opportunity> list_opportunities(const ListOpportunitiesRequest& request, const CallOptions& options = {}) const;
  Result<Opportunity> get_opportunity(const GetOpportunityRequest& request, const CallOptions& options = {}) const;

  // ---- users ----
  Paginator<User> list_users(const ListUsersRequest& request, const CallOptions& options = {}) const;
  Result<User> get_user(const GetUserRequest& request, const CallOptions& options = {}) const;

  // ---- stages, archive reasons ----
  Paginator<Stage> list_stages(const ListStagesRequest& request, const CallOptions& options = {}) const;
  Paginator<ArchiveReason> list_archive_reasons(const ListArchiveReasonsRequest& request,
                                                const CallOptions& options = {}) const;

  // ---- postings ----
  Paginator<Posting> list_postings(const ListPostingsRequest& request, const CallOptions& options = {}) const;
  Result<Posting> get_posting(const GetPostingRequest& request, const CallOptions& options = {}) const;

  // ---- interviews (perform_as required on writes; writes only on externally managed panels) ----
  Paginator<Interview> list_interviews(const ListOpportunityItemsRequest& request, const CallOptions& options = {}) const;
  Result<Interview> get_interview(const GetInterviewRequest& request, const CallOptions& options = {}) const;
  Result<Interview> create_interview(const CreateInterviewRequest& request, const CallOptions& options = {}) const;
  /// A full replace on Lever's side: fields missing from `body` are deleted.
  Result<Interview> update_interview(const UpdateInterviewRequest& request, const CallOptions& options = {}) const;
  /// Safe partial update: GET the interview, apply `edit` to every current field, PUT the result.
  /// Both requests share ONE budget (`options.timeout`, else the client's default): the PUT gets
  /// only what the GET left and is not sent once it is spent (Errc::timeout, `not_sent`).
  Result<Interview> update_interview_fields(const UpdateInterviewFieldsRequest& request,
                                            const CallOptions& options = {}) const;
  Result<void> delete_interview(const DeleteInterviewRequest& request, const CallOptions& options = {}) const;

  // ---- panels ----
  Paginator<Panel> list_panels(const ListOpportunityItemsRequest& request, const CallOptions& options = {}) const;
  Result<Panel> get_panel(const GetPanelRequest& request, const CallOptions& options = {}) const;
  Result<Panel> create_panel(const CreatePanelRequest& request, const CallOptions& options = {}) const;
  Result<Panel> update_panel(const UpdatePanelRequest& request, const CallOptions& options = {}) const;
  Result<void> delete_panel(const DeletePanelRequest& request, const CallOptions& options = {}) const;

  // ---- feedback templates and form templates ----
  Paginator<FeedbackTemplate> list_feedback_templates(const ListTemplatesRequest& request,
                                                      const CallOptions& options = {}) const;
  Result<FeedbackTemplate> get_feedback_template(const GetTemplateRequest& request, const CallOptions& options = {}) const;
  Result<FeedbackTemplate> create_feedback_template(const CreateFeedbackTemplateRequest& request,
                                                    const CallOptions& options = {}) const;
  Result<FeedbackTemplate> update_feedback_template(const UpdateFeedbackTemplateRequest& request,
                                                    const CallOptions& options = {}) const;
  Result<void> delete_feedback_template(const DeleteTemplateRequest& request, const CallOptions& options = {}) const;
  Paginator<FormTemplate> list_form_templates(const ListTemplatesRequest& request, const CallOptions& options = {}) const;
  Result<FormTemplate> get_form_template(const GetTemplateRequest& request, const CallOptions& options = {}) const;
  Result<FormTemplate> create_form_template(const CreateFormTemplateRequest& request,
                                            const CallOptions& options = {}) const;
  Result<FormTemplate> update_form_template(const UpdateFormTemplateRequest& request,
                                            const CallOptions& options = {}) const;
  Result<void> delete_form_template(const DeleteTemplateRequest& request, const CallOptions& options = {}) const;

  // ---- opportunity feedback ----
  /// Deleted forms (deletedAt set) are skipped unless `include_deleted`.
  Paginator<Feedback> list_feedback(const ListFeedbackRequest& request, const CallOptions& options = {}) const;
  Result<Feedback> get_feedback(const GetFeedbackRequest& request, const CallOptions& options = {}) const;
  Result<Feedback> create_feedback(const CreateFeedbackRequest& request, const CallOptions& options = {}) const;
  Result<Feedback> update_feedback(const UpdateFeedbackRequest& request, const CallOptions& options = {}) const;
  Result<void> delete_feedback(const DeleteFeedbackRequest& request, const CallOptions& options = {}) const;

  // ---- profile forms ----
  Paginator<ProfileForm> list_profile_forms(const ListOpportunityItemsRequest& request,
                                            const CallOptions& options = {}) const;
  Result<ProfileForm> get_profile_form(const GetProfileFormRequest& request, const CallOptions& options = {}) const;
  Result<ProfileForm> create_profile_form(const CreateProfileFormRequest& request, const CallOptions& options = {}) const;

  // ---- notes ----
  Paginator<Note> list_notes(const ListOpportunityItemsRequest& request, const CallOptions& options = {}) const;
  Result<Note> get_note(const GetNoteRequest& request, const CallOptions& options = {}) const;
  Result<NoteCreated> create_note(const CreateNoteRequest& request, const CallOptions& options = {}) const;
  /// PUT, then a GET of the note (Lever's PUT reply carries only `noteId`). Both share ONE
  /// budget (`options.timeout`, else the client's default): the GET gets what the PUT left, and
  /// is not sent once it is spent (Errc::timeout; the note was written — re-read it later).
  Result<Note> update_note(const UpdateNoteRequest& request, const CallOptions& options = {}) const;
  Result<void> delete_note(const DeleteNoteRequest& request, const CallOptions& options = {}) const;

  // ---- applications, contacts, opportunity changes ----
  Paginator<Application> list_applications(const ListOpportunityItemsRequest& request,
                                           const CallOptions& options = {}) const;
  Result<Application> get_application(const GetApplicationRequest& request, const CallOptions& options = {}) const;
  Result<Contact> get_contact(const GetContactRequest& request, const CallOptions& options = {}) const;
  Result<Contact> update_contact(const UpdateContactRequest& request, const CallOptions& options = {}) const;
  Result<Opportunity> create_opportunity(const CreateOpportunityRequest& request, const CallOptions& options = {}) const;
  /// Lever's reply to stage/archive writes may blank contact fields (lever-api.md §8.16):
  /// re-read with get_opportunity when those matter.
  Result<Opportunity> update_opportunity_stage(const UpdateOpportunityStageRequest& request,
                                               const CallOptions& options = {}) const;
  Result<Opportunity> update_opportunity_archived(const UpdateOpportunityArchivedRequest& request,
                                                  const CallOptions& options = {}) const;
  Result<Opportunity> add_tags(const ChangeTagsRequest& request, const CallOptions& options = {}) const;
  Result<Opportunity> remove_tags(const ChangeTagsRequest& request, const CallOptions& options = {}) const;
  Result<Opportunity> add_links(const ChangeLinksRequest& request, const CallOptions& options = {}) const;
  Result<Opportunity> remove_links(const ChangeLinksRequest& request, const CallOptions& options = {}) const;
  Result<Opportunity> add_sources(const ChangeSourcesRequest& request, const CallOptions& options = {}) const;
  Result<Opportunity> remove_sources(const ChangeSourcesRequest& request, const CallOptions& options = {}) const;

  // ---- webhooks ----
  Paginator<Webhook> list_webhooks(const ListWebhooksRequest& request, const CallOptions& options = {}) const;
  Result<Webhook> create_webhook(const CreateWebhookRequest& request, const CallOptions& options = {}) const;
  /// PUT /webhooks (bulk); returns the updated webhooks.
  Result<std::vector<Webhook>> update_webhooks(const UpdateWebhooksRequest& request,
                                               const CallOptions& options = {}) const;
  Result<void> delete_webhook(const DeleteWebhookRequest& request, const CallOptions& options = {}) const;

  /// The base URL requests go to ("https://api.lever.co/v1").
  [[nodiscard]] const std::string& base_url() const noexcept;

  /// The generic pipeline every method uses: `path_and_query` is appended to the base URL
  /// ("/stages?limit=10"). A non-2xx status is an Error. For operations not wrapped yet.
  Result<HttpResponse> request(HttpMethod method, std::string_view path_and_query, std::string body = {},
                               const CallOptions& options = {}) const;

  /// Identity shared by copies (equal when one is a copy of the other).
  friend bool operator==(const Client& a, const Client& b) noexcept { return a.state_ == b.state_; }

 private:
  explicit Client(std::shared_ptr<detail::ClientState> state) : state_(std::move(state)) {}
  std::shared_ptr<detail::ClientState> state_;
};

}  // namespace leverkit

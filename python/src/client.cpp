// Credentials, client options, the Client (every typed method) and lazy paginators.
// The GIL is released around every network call (requests, page fetches, rate-limit waits), so
// Python threads run concurrently; they share the C++ per-credential rate-limit bucket.
#include "bind.hpp"

#include <deque>
#include <memory>
#include <mutex>

#include <nanobind/stl/unique_ptr.h>

#include "leverkit/client/cancellation.hpp"
#include "leverkit/client/client.hpp"

namespace leverkit::inline v0::py {

#define LK_F(T, n) field(#n, &T::n)

namespace {

/// A Paginator<T> as a Python iterator. Items are served from the current page (moved out of
/// C++ one at a time); the next page is fetched, with the GIL released, only when the current
/// one is used up, and the used-up page is freed first — memory stays at one page.
template <class T>
class PyPaginator {
 public:
  explicit PyPaginator(Paginator<T> p) : paginator_(std::move(p)), range_(paginator_.pages()) {}

  nb::object next_item() {
    std::unique_lock lock(busy_, std::try_to_lock);
    if (!lock) throw std::runtime_error("this paginator is being iterated by another thread");
    if (mode_ == Mode::pages) throw std::runtime_error("use either item iteration or pages() on one paginator");
    mode_ = Mode::items;
    while (index_ >= items_.size()) {
      items_.clear();
      items_.shrink_to_fit();
      index_ = 0;
      if (!fetch_into_items()) throw nb::stop_iteration();
    }
    return nb::cast(std::move(items_[index_++]), nb::rv_policy::move);
  }

  Page<T> next_page() {
    std::unique_lock lock(busy_, std::try_to_lock);
    if (!lock) throw std::runtime_error("this paginator is being iterated by another thread");
    if (mode_ == Mode::items) throw std::runtime_error("use either item iteration or pages() on one paginator");
    mode_ = Mode::pages;
    Page<T> page;
    if (!fetch(page)) throw nb::stop_iteration();
    return page;
  }

  [[nodiscard]] std::optional<std::string> next_token() const { return paginator_.next_token(); }
  [[nodiscard]] bool complete() const { return paginator_.complete() && index_ >= items_.size(); }
  [[nodiscard]] std::size_t pages_fetched() const { return paginator_.pages_fetched(); }

 private:
  enum class Mode { none, items, pages };

  bool fetch_into_items() {
    Page<T> page;
    if (!fetch(page)) return false;
    items_ = std::move(page.data);
    return true;
  }

  // Loads the next page with the GIL released. False at the end; raises on a failed fetch.
  bool fetch(Page<T>& out) {
    if (failed_) return false;
    std::optional<Error> err;
    bool got = false;
    {
      nb::gil_scoped_release release;
      if (!it_) {
        it_ = range_.begin();
      } else {
        ++*it_;
      }
      if (!(*it_ == std::default_sentinel)) {
        auto& r = **it_;
        if (r) {
          out = std::move(r).value();
          got = true;
        } else {
          err = r.error();
        }
      }
    }
    if (err) {
      failed_ = true;
      raise_error(*err);
    }
    return got;
  }

  Paginator<T> paginator_;
  typename Paginator<T>::PageRange range_;
  std::optional<typename Paginator<T>::PageRange::iterator> it_;
  std::vector<T> items_;
  std::size_t index_ = 0;
  Mode mode_ = Mode::none;
  bool failed_ = false;
  std::mutex busy_;
};

/// Signature strings handed to nanobind must outlive the module definition.
const char* keep(std::string s) {
  static std::deque<std::string> store;
  return store.emplace_back(std::move(s)).c_str();
}

template <class T>
struct PyPages {
  nb::object owner;  // the PyPaginator<T>
};

template <class T>
void bind_paginator(nb::module_& m, const std::string& item) {
  const std::string page_name = item + "Page";
  const std::string pag_name = item + "Paginator";
  const std::string pages_name = item + "Pages";
  bind_struct<Page<T>>(m, page_name.c_str(), "One page of a listing: data, has_next and Lever's next token.",
                       Access::read_only, field("data", &Page<T>::data), field("has_next", &Page<T>::has_next),
                       field("next", &Page<T>::next))
      .def("more", &Page<T>::more, "True when another page follows.");

  nb::class_<PyPages<T>>(m, pages_name.c_str(), "The page-by-page view of a paginator (from pages()).")
      .def("__iter__", [](nb::handle self) { return nb::borrow(self); },
           nb::sig(keep("def __iter__(self) -> " + pages_name)))
      .def("__next__", [](PyPages<T>& p) { return nb::cast<PyPaginator<T>&>(p.owner).next_page(); });

  nb::class_<PyPaginator<T>>(
      m, pag_name.c_str(),
      "A lazy listing: iterate for items (pages are fetched on demand with the GIL released; one page "
      "in memory), or pages() for whole pages. A failed fetch raises the LeverError; next_token then "
      "holds the token to resume with (pass it as the request's offset).")
      .def("__iter__", [](nb::handle self) { return nb::borrow(self); },
           nb::sig(keep("def __iter__(self) -> " + pag_name)))
      .def("__next__", &PyPaginator<T>::next_item, nb::sig(keep("def __next__(self) -> " + item)))
      .def(
          "pages", [](nb::handle self) { return PyPages<T>{nb::borrow(self)}; },
          "Iterate whole pages instead of items (do not mix with item iteration).")
      .def_prop_ro("next_token", &PyPaginator<T>::next_token,
                   "The offset token of the next page (None before the first page and after the last): "
                   "save it to checkpoint, pass it as `offset` to resume.")
      .def_prop_ro("complete", &PyPaginator<T>::complete, "True once every item was yielded (or a fetch failed).")
      .def_prop_ro("pages_fetched", &PyPaginator<T>::pages_fetched, "Pages fetched so far.");
}

template <class T>
std::unique_ptr<PyPaginator<T>> wrap(Paginator<T> p) {
  return std::make_unique<PyPaginator<T>>(std::move(p));
}

template <class Req, class R>
void def_call(nb::class_<Client>& cls, const char* name, Result<R> (Client::*fn)(const Req&, const CallOptions&) const,
              const char* doc) {
  cls.def(
      name,
      [fn](const Client& c, Req req, const std::optional<CallOptions>& options) -> R {
        CallOptions o = options.value_or(CallOptions{});
        return call_released([&] { return (c.*fn)(req, o); });
      },
      nb::arg("request"), nb::arg("options") = nb::none(), doc);
}

template <class Req, class T>
void def_list(nb::class_<Client>& cls, const char* name,
              Paginator<T> (Client::*fn)(const Req&, const CallOptions&) const, const char* doc,
              bool default_request) {
  auto body = [fn](const Client& c, const Req& req, const std::optional<CallOptions>& options) {
    // Building the paginator sends nothing: the first page is fetched by the first next().
    return wrap<T>((c.*fn)(req, options.value_or(CallOptions{})));
  };
  if (default_request)
    cls.def(name, body, nb::arg("request") = Req{}, nb::arg("options") = nb::none(), doc);
  else
    cls.def(name, body, nb::arg("request"), nb::arg("options") = nb::none(), doc);
}

}  // namespace

void bind_client(nb::module_& m) {
  // ---- credentials ----
  nb::class_<Credentials>(m, "Credentials",
                          "How requests are authenticated (ApiKeyCredentials, OAuth). Never shows its secret.")
      .def_prop_ro("identity", &Credentials::identity,
                   "A one-way, non-secret identity; credentials with the same identity share one rate limit.")
      .def("redact", [](const Credentials& c, std::string text) {
        c.redact(text);
        return text;
      }, nb::arg("text"), "`text` with every form of the secret replaced by [redacted].");
  nb::class_<ApiKeyCredentials, Credentials>(m, "ApiKeyCredentials", "A Lever API key (HTTP Basic, empty password).")
      .def(nb::new_([](std::string key) { return std::make_shared<ApiKeyCredentials>(std::move(key)); }),
           nb::arg("api_key"))
      .def_static(
          "from_environment", [] { return unwrap(ApiKeyCredentials::from_environment()); },
          "Reads LEVER_API_KEY (only when called).")
      .def("__repr__", [](const ApiKeyCredentials& c) { return "ApiKeyCredentials(identity='" + c.identity() + "')"; });

  // ---- options ----
  nb::enum_<Environment>(m, "Environment", "Lever's hosts: production, sandbox, eu.")
      .value("production", Environment::production)
      .value("sandbox", Environment::sandbox)
      .value("eu", Environment::eu);
  bind_struct<RateLimitOptions>(m, "RateLimitOptions",
                                "Token bucket per credential (Lever: 10 requests/s, bursts to 20).",
                                Access::read_write, LK_F(RateLimitOptions, requests_per_second),
                                LK_F(RateLimitOptions, burst));
  bind_struct<RetryOptions>(m, "RetryOptions", "Retry with exponential back-off and jitter (Retry-After honoured).",
                            Access::read_write, LK_F(RetryOptions, max_attempts), LK_F(RetryOptions, initial_backoff),
                            LK_F(RetryOptions, max_backoff), LK_F(RetryOptions, multiplier),
                            LK_F(RetryOptions, jitter), LK_F(RetryOptions, retry_statuses),
                            LK_F(RetryOptions, retry_transport_errors), LK_F(RetryOptions, max_retry_after));
  bind_struct<TransportOptions>(m, "TransportOptions", "libcurl transport: timeouts, CA file, idle handles.",
                                Access::read_write, LK_F(TransportOptions, connect_timeout),
                                LK_F(TransportOptions, timeout), LK_F(TransportOptions, allow_insecure_http),
                                LK_F(TransportOptions, ca_file), LK_F(TransportOptions, max_idle_handles));

  nb::class_<CancellationToken>(m, "CancellationToken", "Observes a CancellationSource.")
      .def_prop_ro("cancelled", &CancellationToken::cancelled);
  nb::class_<CancellationSource>(m, "CancellationSource",
                                 "Cancels calls in flight (from any thread): pass source.token in CallOptions.")
      .def(nb::init<>())
      .def("cancel", &CancellationSource::cancel, "Cancel every call holding a token of this source.")
      .def_prop_ro("cancelled", &CancellationSource::cancelled)
      .def_prop_ro("token", &CancellationSource::token);
  bind_struct<CallOptions>(m, "CallOptions", "Per-call timeout (whole call), extra headers and cancellation.",
                           Access::read_write, LK_F(CallOptions, timeout), LK_F(CallOptions, headers),
                           LK_F(CallOptions, cancel));

  // ---- paginators ----
  bind_paginator<Opportunity>(m, "Opportunity");
  bind_paginator<User>(m, "User");
  bind_paginator<Stage>(m, "Stage");
  bind_paginator<ArchiveReason>(m, "ArchiveReason");
  bind_paginator<Posting>(m, "Posting");
  bind_paginator<Interview>(m, "Interview");
  bind_paginator<Panel>(m, "Panel");
  bind_paginator<FeedbackTemplate>(m, "FeedbackTemplate");
  bind_paginator<FormTemplate>(m, "FormTemplate");
  bind_paginator<Feedback>(m, "Feedback");
  bind_paginator<ProfileForm>(m, "ProfileForm");
  bind_paginator<Note>(m, "Note");
  bind_paginator<Application>(m, "Application");
  bind_paginator<Webhook>(m, "Webhook");

  // ---- client ----
  nb::class_<Client> cls(m, "Client",
                         "The Lever Data API client: one method per operation, each taking one request object "
                         "and optional CallOptions. Copies share state; safe to use from many threads, which "
                         "share one rate-limit bucket per credential. Errors raise leverkit.LeverError subclasses.");
  cls.def(
      "__init__",
      [](Client* self, std::shared_ptr<Credentials> credentials, std::optional<std::string> base_url,
         Environment environment, std::optional<RateLimitOptions> rate_limit, std::optional<RetryOptions> retry,
         std::optional<TransportOptions> transport, std::optional<std::chrono::milliseconds> timeout) {
        if (!credentials) raise_error(Error(Errc::invalid_argument, "credentials: must not be None"));
        ClientOptions o;
        o.environment = environment;
        if (base_url) o.base_url = *base_url;
        if (rate_limit) o.rate_limit = *rate_limit;
        if (retry) o.retry = *retry;
        if (transport) o.transport_options = *transport;
        if (timeout) o.default_timeout = *timeout;
        auto r = Client::create(std::move(credentials), std::move(o));
        if (!r) raise_error(r.error());
        new (self) Client(std::move(r).value());
      },
      nb::arg("credentials"), nb::kw_only(), nb::arg("base_url") = nb::none(),
      nb::arg("environment") = Environment::production, nb::arg("rate_limit") = nb::none(),
      nb::arg("retry") = nb::none(), nb::arg("transport") = nb::none(), nb::arg("timeout") = nb::none(),
      "Validates the options (InvalidArgument naming the field). base_url overrides environment, "
      "e.g. 'http://127.0.0.1:8080/v1' for a local leverkit-sandbox; timeout is the default "
      "whole-call budget.");
  cls.def_prop_ro("base_url", &Client::base_url, "The base URL requests go to.");
  cls.def("__eq__", [](const Client& a, const Client& b) { return a == b; },
          nb::sig("def __eq__(self, arg: object, /) -> bool"));
  cls.attr("__hash__") = nb::none();
  cls.def(
      "request",
      [](const Client& c, std::string method, std::string path_and_query, std::string body,
         const std::optional<CallOptions>& options) {
        HttpMethod hm;
        if (method == "GET") hm = HttpMethod::get;
        else if (method == "POST") hm = HttpMethod::post;
        else if (method == "PUT") hm = HttpMethod::put;
        else if (method == "DELETE") hm = HttpMethod::delete_;
        else raise_error(Error(Errc::invalid_argument, "method: expected GET, POST, PUT or DELETE, got " + method));
        CallOptions o = options.value_or(CallOptions{});
        auto resp = call_released([&] { return c.request(hm, path_and_query, std::move(body), o); });
        return nb::make_tuple(resp.status, nb::bytes(resp.body.data(), resp.body.size()));
      },
      nb::arg("method"), nb::arg("path_and_query"), nb::arg("body") = "", nb::arg("options") = nb::none(),
      nb::sig("def request(self, method: str, path_and_query: str, body: str = '', options: CallOptions | None = "
              "None) -> tuple[int, bytes]"),
      "The generic pipeline (credentials, rate limit, retry) for operations not wrapped yet: "
      "returns (status, body); a non-2xx status raises.");

  def_list(cls, "list_opportunities", &Client::list_opportunities, "Opportunities (lazy).", true);
  def_call(cls, "get_opportunity", &Client::get_opportunity, "One opportunity.");
  def_list(cls, "list_users", &Client::list_users, "Users (lazy).", true);
  def_call(cls, "get_user", &Client::get_user, "One user.");
  def_list(cls, "list_stages", &Client::list_stages, "Stages (lazy).", true);
  def_list(cls, "list_archive_reasons", &Client::list_archive_reasons, "Archive reasons (lazy).", true);
  def_list(cls, "list_postings", &Client::list_postings, "Postings (lazy).", true);
  def_call(cls, "get_posting", &Client::get_posting, "One posting.");
  def_list(cls, "list_interviews", &Client::list_interviews, "An opportunity's interviews (lazy).", false);
  def_call(cls, "get_interview", &Client::get_interview, "One interview.");
  def_call(cls, "create_interview", &Client::create_interview, "Schedule an interview (externally managed panels).");
  def_call(cls, "update_interview", &Client::update_interview, "Replace an interview (missing fields are deleted).");
  cls.def(
      "update_interview_fields",
      [](const Client& c, nb::handle request, const std::optional<CallOptions>& options) {
        // The Python callable must edit the C++ update in place (nanobind's std::function bridge
        // would pass it a copy), and be called with the GIL held while the request runs without it.
        auto req = nb::cast<UpdateInterviewFieldsRequest>(request);
        nb::object edit = request.attr("edit");
        PyObject* fn = edit.ptr();  // kept alive by `edit` for the whole call
        req.edit = [fn](InterviewUpdate& u) {
          if (fn == Py_None) return;
          nb::gil_scoped_acquire acquire;
          // Not `nb::handle(fn)(...)`: C++ parses that statement as a declaration of a new
          // handle named `fn`, and the callable was never called.
          nb::object update = nb::cast(&u, nb::rv_policy::reference);
          nb::handle callable(fn);
          callable(update);
        };
        CallOptions o = options.value_or(CallOptions{});
        return call_released([&] { return c.update_interview_fields(req, o); });
      },
      nb::arg("request"), nb::arg("options") = nb::none(),
      nb::sig("def update_interview_fields(self, request: UpdateInterviewFieldsRequest, options: CallOptions | None "
              "= None) -> Interview"),
      "GET the interview, call request.edit(update) to change it in place, PUT the result.");
  def_call(cls, "delete_interview", &Client::delete_interview, "Delete an interview.");
  def_list(cls, "list_panels", &Client::list_panels, "An opportunity's panels (lazy).", false);
  def_call(cls, "get_panel", &Client::get_panel, "One panel.");
  def_call(cls, "create_panel", &Client::create_panel, "Create a panel.");
  def_call(cls, "update_panel", &Client::update_panel, "Replace a panel.");
  def_call(cls, "delete_panel", &Client::delete_panel, "Delete a panel.");
  def_list(cls, "list_feedback_templates", &Client::list_feedback_templates, "Feedback templates (lazy).", true);
  def_call(cls, "get_feedback_template", &Client::get_feedback_template, "One feedback template.");
  def_call(cls, "create_feedback_template", &Client::create_feedback_template, "Create a feedback template.");
  def_call(cls, "update_feedback_template", &Client::update_feedback_template, "Replace a feedback template.");
  def_call(cls, "delete_feedback_template", &Client::delete_feedback_template, "Delete a feedback template.");
  def_list(cls, "list_form_templates", &Client::list_form_templates, "Profile form templates (lazy).", true);
  def_call(cls, "get_form_template", &Client::get_form_template, "One form template.");
  def_call(cls, "create_form_template", &Client::create_form_template, "Create a form template.");
  def_call(cls, "update_form_template", &Client::update_form_template, "Replace a form template.");
  def_call(cls, "delete_form_template", &Client::delete_form_template, "Delete a form template.");
  def_list(cls, "list_feedback", &Client::list_feedback, "An opportunity's feedback forms (lazy).", false);
  def_call(cls, "get_feedback", &Client::get_feedback, "One feedback form.");
  def_call(cls, "create_feedback", &Client::create_feedback, "Submit a feedback form (as perform_as).");
  def_call(cls, "update_feedback", &Client::update_feedback, "Update a feedback form's values.");
  def_call(cls, "delete_feedback", &Client::delete_feedback, "Delete a feedback form.");
  def_list(cls, "list_profile_forms", &Client::list_profile_forms, "An opportunity's profile forms (lazy).", false);
  def_call(cls, "get_profile_form", &Client::get_profile_form, "One profile form.");
  def_call(cls, "create_profile_form", &Client::create_profile_form, "Create a profile form.");
  def_list(cls, "list_notes", &Client::list_notes, "An opportunity's notes (lazy).", false);
  def_call(cls, "get_note", &Client::get_note, "One note.");
  def_call(cls, "create_note", &Client::create_note, "Post a note (or a comment on note_id).");
  def_call(cls, "update_note", &Client::update_note, "Replace a note thread (PUT, then GET).");
  def_call(cls, "delete_note", &Client::delete_note, "Delete a note.");
  def_list(cls, "list_applications", &Client::list_applications, "An opportunity's applications (lazy).", false);
  def_call(cls, "get_application", &Client::get_application, "One application.");
  def_call(cls, "get_contact", &Client::get_contact, "One contact.");
  def_call(cls, "update_contact", &Client::update_contact, "Update a contact.");
  def_call(cls, "create_opportunity", &Client::create_opportunity, "Create an opportunity.");
  def_call(cls, "update_opportunity_stage", &Client::update_opportunity_stage, "Move an opportunity to a stage.");
  def_call(cls, "update_opportunity_archived", &Client::update_opportunity_archived,
           "Archive (reason set) or unarchive an opportunity.");
  def_call(cls, "add_tags", &Client::add_tags, "Add tags.");
  def_call(cls, "remove_tags", &Client::remove_tags, "Remove tags.");
  def_call(cls, "add_links", &Client::add_links, "Add links.");
  def_call(cls, "remove_links", &Client::remove_links, "Remove links.");
  def_call(cls, "add_sources", &Client::add_sources, "Add sources.");
  def_call(cls, "remove_sources", &Client::remove_sources, "Remove sources.");
  def_list(cls, "list_webhooks", &Client::list_webhooks, "Webhooks (lazy).", true);
  def_call(cls, "create_webhook", &Client::create_webhook, "Create a webhook.");
  def_call(cls, "update_webhooks", &Client::update_webhooks, "Bulk-update webhooks; returns them.");
  def_call(cls, "delete_webhook", &Client::delete_webhook, "Delete a webhook.");
}

}  // namespace leverkit::py

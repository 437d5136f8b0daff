// Notes (lever-api.md §6.15).
#include "client_state.hpp"

namespace leverkit::inline v0 {

using detail::item_path;
using detail::opp_path;
using detail::Query;

Paginator<Note> Client::list_notes(const ListOpportunityItemsRequest& r, const CallOptions& options) const {
  if (auto ok = detail::check_limit(r.limit); !ok) return Paginator<Note>(std::move(ok).error());
  auto path = opp_path(r.opportunity_id, "/notes", "ListOpportunityItemsRequest::opportunity_id");
  if (!path) return Paginator<Note>(std::move(path).error());
  Query q;
  q.add("expand", r.expand);
  q.add("limit", r.limit);
  return detail::make_paginator<Note>(state_, std::move(path).value(), std::move(q), r.offset, options);
}

Result<Note> Client::get_note(const GetNoteRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, item_path(r.opportunity_id, "/notes", r.note_id, "GetNoteRequest::opportunity_id",
                               "GetNoteRequest::note_id"));
  Query q;
  q.add("expand", r.expand);
  return detail::call_one<Note>(*state_, HttpMethod::get, path + q.str(), {}, options);
}

Result<NoteCreated> Client::create_note(const CreateNoteRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, opp_path(r.opportunity_id, "/notes", "CreateNoteRequest::opportunity_id"));
  Query q;
  detail::optional_perform_as(q, r.perform_as);
  if (r.note_id) {
    if (r.note_id->empty()) return Error(Errc::invalid_argument, "CreateNoteRequest::note_id must not be empty when set");
    q.put("note_id", *r.note_id);
  }
  LEVERKIT_TRYV(validate(r.body));
  return detail::call_one<NoteCreated>(*state_, HttpMethod::post, path + q.str(), to_json(r.body), options);
}

Result<Note> Client::update_note(const UpdateNoteRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, item_path(r.opportunity_id, "/notes", r.note_id, "UpdateNoteRequest::opportunity_id",
                               "UpdateNoteRequest::note_id"));
  LEVERKIT_TRYV(validate(r.body));
  // Lever answers a note PUT with `{"data":{"noteId":…}}`, not the note: read that, then
  // re-GET so the caller gets the thread as Lever now stores it.
  // One budget for both requests: the re-GET gets what the PUT left, never a fresh timeout.
  const detail::CallBudget budget(*state_, options);
  LEVERKIT_TRY(write_options, budget.next("update_note (PUT)"));
  LEVERKIT_TRY(written, detail::call_one<NoteCreated>(*state_, HttpMethod::put, path, to_json(r.body), write_options));
  if (written.note) return std::move(*written.note);
  LEVERKIT_TRY(read_options, budget.next("update_note (GET after the PUT)"));
  return get_note({.opportunity_id = r.opportunity_id,
                   .note_id = written.note_id.empty() ? r.note_id : written.note_id,
                   .expand = {}},
                  read_options);
}

Result<void> Client::delete_note(const DeleteNoteRequest& r, const CallOptions& options) const {
  LEVERKIT_TRY(path, item_path(r.opportunity_id, "/notes", r.note_id, "DeleteNoteRequest::opportunity_id",
                               "DeleteNoteRequest::note_id"));
  return detail::call_void(*state_, HttpMethod::delete_, path, {}, options);
}

}  // namespace leverkit

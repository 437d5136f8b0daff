// /v1/opportunities/:id/notes: list, get, create (or add to a thread), update (atomic replace,
// API-created only) and delete.
#include <fmt/format.h>

#include "api_impl.hpp"
#include "resources/request_args.hpp"

namespace leverkit::sandbox::detail {

ApiResponse Api::Impl::list_notes(Ctx& ctx) {
  Record& o = opportunity(ctx);
  return list(ctx, store.notes, store.notes.children(o.value.str("id")), [](const Record&) { return true; },
              {{"user", &store.users}});
}

ApiResponse Api::Impl::get_note(Ctx& ctx) {
  return single(ctx, child(store.notes, ctx, "notes").value, {{"user", &store.users}});
}

ApiResponse Api::Impl::create_note(Ctx& ctx) {
  Record& o = opportunity(ctx);
  std::string actor = perform_as(ctx, false);
  Value b = body_object(ctx);
  const Value* value = b.find("value");
  if (!value || !value->is_string() || value->as_string().empty()) bad("value is required and must be a non-empty string");
  auto secret = opt_bool(b, "secret");
  auto score = opt_int(b, "score");
  if (score && (*score < 1 || *score > 4)) bad("score must be an integer from 1 to 4");
  opt_bool(b, "notifyFollowers");
  std::int64_t now = write_clock();
  auto created = opt_int(b, "createdAt");
  if (created && *created > now) bad("createdAt cannot be in the future");
  Value comment = Value::object();
  comment.set("createdAt", created.value_or(now));
  comment.set("score", score ? Value(*score) : Value());
  comment.set("stage", o.value.str("stage"));
  comment.set("text", "Comment");
  comment.set("type", "note");
  comment.set("user", actor.empty() ? Value() : Value(actor));
  comment.set("value", value->as_string());
  Record* rec = nullptr;
  if (auto thread = ctx.param("note_id"); thread && !thread->empty()) {
    rec = store.notes.get(*thread);
    if (!rec || rec->parent != o.value.str("id")) not_found("notes", *thread);
    rec->value.find("fields")->push_back(std::move(comment));
  } else {
    Value note = Value::object();
    note.set("id", write_rng.uuid());
    note.set("text", "Note");
    note.set("fields", Value(Array{std::move(comment)}));
    note.set("user", actor.empty() ? Value() : Value(actor));
    note.set("secret", secret.value_or(false));
    note.set("completedAt", created.value_or(now));
    note.set("deletedAt", Value());
    note.set("createdAt", created.value_or(now));
    rec = &store.notes.add(std::move(note), o.value.str("id"));
    rec->api_created = true;
  }
  // Real 2026 response: the full note plus noteId (lever-api.md §6.15).
  Value out = rec->value;
  out.set("noteId", rec->value.str("id"));
  return single(ctx, out, {}, 201);
}

ApiResponse Api::Impl::update_note(Ctx& ctx) {
  Record& rec = child(store.notes, ctx, "notes");
  if (!rec.api_created) fail(403, "Forbidden", "Only notes created through the API can be updated");
  Value b = body_object(ctx);
  const Value* values = b.find("values");
  if (!values || !values->is_array() || values->as_array().empty())
    bad("values is required: a non-empty array of {value, createdAt}");
  auto score = opt_int(b, "score");
  if (score && (*score < 1 || *score > 4)) bad("score must be an integer from 1 to 4");
  std::int64_t now = write_clock();
  auto user = opt_string(b, "user");
  if (user && !store.users.get(*user)) bad(fmt::format("user {} was not found", *user));
  Array fields;
  for (std::size_t i = 0; i < values->as_array().size(); ++i) {
    const Value& v = values->as_array()[i];
    if (!v.is_object() || !v.find("value") || !v.find("value")->is_string()) bad(fmt::format("values[{}].value is required", i));
    Value c = Value::object();
    c.set("createdAt", v.find("createdAt") && v.find("createdAt")->is_int() ? v.num("createdAt") : now);
    c.set("score", score ? Value(*score) : Value());
    c.set("stage", store.opportunities.get(rec.parent)->value.str("stage"));
    c.set("text", "Comment");
    c.set("type", "note");
    c.set("user", user ? Value(*user) : Value());
    c.set("value", v.str("value"));
    fields.push_back(std::move(c));
  }
  // PUT is an atomic replace.
  rec.value.set("fields", Value(std::move(fields)));
  rec.value.set("user", user ? Value(*user) : Value());
  rec.value.set("secret", opt_bool(b, "secret").value_or(false));
  if (auto c = opt_int(b, "createdAt")) rec.value.set("createdAt", *c);
  rec.value.set("completedAt", opt_int(b, "completedAt").value_or(now));
  store.opportunities.get(rec.parent)->value.set("updatedAt", now);
  Value out = Value::object();
  out.set("noteId", rec.value.str("id"));
  return single(ctx, out, {});
}

ApiResponse Api::Impl::delete_note(Ctx& ctx) {
  Record& rec = child(store.notes, ctx, "notes");
  if (!rec.api_created) fail(403, "Forbidden", "Only notes created through the API can be deleted");
  store.notes.remove(rec.value.str("id"));
  write_clock();
  return json(204, "");
}

}  // namespace leverkit::sandbox::detail

#include "detail/decoders.hpp"

namespace leverkit::inline v0 {
namespace detail {
namespace {

Result<NoteComment> read_comment(od::value v, const JsonPath& p) {
  NoteComment c;
  LEVERKIT_TRYV(for_each_field(v, p, "a note comment object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "type") return assign(c.type, read_string_or_empty(f, fp));
    if (k == "text") return assign(c.text, read_string_or_empty(f, fp));
    if (k == "value") return assign(c.value, read_string_or_empty(f, fp));
    if (k == "user") return assign(c.user, read_opt_expandable<User>(f, fp, decoder<User>));
    if (k == "stage") return assign(c.stage, read_opt_expandable<Stage>(f, fp, decoder<Stage>));
    if (k == "createdAt") return assign(c.created_at, read_opt_timestamp(f, fp));
    if (k == "score") {
      LEVERKIT_TRY(s, read_opt_int(f, fp));
      if (s) c.score = static_cast<int>(*s);
      return success();
    }
    return skip(f, fp);
  }));
  return c;
}

// One note key; shared by the note decoder and the create/update response decoder.
Result<void> note_field(Note& n, bool& has_id, std::string_view k, od::value f, const JsonPath& fp) {
  if (k == "id") {
    has_id = true;
    return assign(n.id, read_string(f, fp));
  }
  if (k == "text") return assign(n.text, read_string_or_empty(f, fp));
  if (k == "fields") return assign(n.comments, read_array<NoteComment>(f, fp, read_comment));
  if (k == "user") return assign(n.user, read_opt_expandable<User>(f, fp, decoder<User>));
  if (k == "secret") return assign(n.secret, read_bool_or_false(f, fp));
  if (k == "createdAt") return assign(n.created_at, read_opt_timestamp(f, fp));
  if (k == "completedAt") return assign(n.completed_at, read_opt_timestamp(f, fp));
  if (k == "deletedAt") return assign(n.deleted_at, read_opt_timestamp(f, fp));
  return skip(f, fp);
}

}  // namespace

Result<Note> decode_value(od::value v, const JsonPath& p, Tag<Note>) {
  Note n;
  bool has_id = false;
  LEVERKIT_TRYV(for_each_field(v, p, "a note object", [&](std::string_view k, od::value f, const JsonPath& fp) {
    return note_field(n, has_id, k, f, fp);
  }));
  LEVERKIT_TRYV(require(has_id, p, "id"));
  return n;
}

// Quirk 14: `{"noteId": …}` (docs) or the full note plus `noteId` (real responses).
Result<NoteCreated> decode_value(od::value v, const JsonPath& p, Tag<NoteCreated>) {
  Note n;
  bool has_id = false;
  std::optional<std::string> note_id;
  LEVERKIT_TRYV(for_each_field(v, p, "a note response object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "noteId") return assign(note_id, read_opt_string(f, fp));
    return note_field(n, has_id, k, f, fp);
  }));
  NoteCreated out;
  if (note_id) {
    out.note_id = std::move(*note_id);
  } else if (has_id) {
    out.note_id = n.id;
  } else {
    return decode_error(p, "missing required field 'noteId' (or 'id')");
  }
  if (has_id) out.note = std::move(n);
  return out;
}

}  // namespace detail

Result<Note> decode_note(std::string_view json) { return detail::decode_one<Note>({json, 0}); }
Result<Page<Note>> decode_note_page(std::string_view json) { return detail::decode_page<Note>({json, 0}); }
Result<NoteCreated> decode_note_created(std::string_view json) { return detail::decode_one<NoteCreated>({json, 0}); }

}  // namespace leverkit

// leverkit/models/note.hpp — notes on an opportunity: a thread of comments.
//
// What: `Note` (thread starter, `secret`, timestamps) with its `NoteComment`s (the `fields` of
// type "note": value, author, stage, time, optional score 1–4), and `NoteCreated`, the answer to
// POST/PUT …/notes: Lever's docs show `{"noteId": …}`, real responses the whole note plus
// `noteId` (lever-api.md §8 quirk 14); both decode.
// Errors: decoders return decode_error naming the JSON path.
// Thread-safety: value types; decoders are reentrant.
// Example:
//   LEVERKIT_TRY(n, leverkit::decode_note(body));
//   for (const auto& c : n.comments) fmt::print("{}\n", c.value);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/common.hpp"
#include "leverkit/models/error.hpp"
#include "leverkit/models/stage.hpp"
#include "leverkit/models/time.hpp"
#include "leverkit/models/user.hpp"

namespace leverkit::inline v0 {

struct NoteComment {
  std::string type = "note";
  std::string text;                       // "Comment"
  std::string value;                      // the comment itself
  std::optional<Expandable<User>> user;   // author
  std::optional<Expandable<Stage>> stage; // opportunity stage when written
  std::optional<Timestamp> created_at;
  std::optional<int> score;               // 1 strong no … 4 strong yes
  friend bool operator==(const NoteComment&, const NoteComment&) = default;
};

struct Note {
  std::string id;
  std::string text;                       // "Note"
  std::vector<NoteComment> comments;      // Lever's `fields`
  std::optional<Expandable<User>> user;   // thread starter
  bool secret = false;
  std::optional<Timestamp> created_at;
  std::optional<Timestamp> completed_at;
  std::optional<Timestamp> deleted_at;
  friend bool operator==(const Note&, const Note&) = default;
};

struct NoteCreated {
  std::string note_id;       // `noteId`, else the note's `id`
  std::optional<Note> note;  // when the response carried the note itself
  friend bool operator==(const NoteCreated&, const NoteCreated&) = default;
};

Result<Note> decode_note(std::string_view json);
Result<Page<Note>> decode_note_page(std::string_view json);
Result<NoteCreated> decode_note_created(std::string_view json);

}  // namespace leverkit

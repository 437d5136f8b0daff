// leverkit/match/lever_files.hpp — load a Lever snapshot from saved API responses.
//
// What: reads a directory holding Lever list responses exactly as Lever returns them
// (`{"data": [...], "hasNext": ..., "next": ...}`): `opportunities.json` and `interviews.json`
// (required; each interview carries `opportunityId`), and optionally `panels.json`,
// `users.json`, `postings.json`, `stages.json`. Used by `leverkit match` and by tests.
// `parse_lever_file` decodes one such file's text already in memory.
// Errors: io_error naming a missing/unreadable file (or a directory in its place); decode_error
// naming the file and the JSON path of the bad value ("interviews.json: data[3].date: ..."), or
// what is wrong with the whole file: a saved Lever error body ({"code":"Unauthorized",...}), a
// null or missing `data`, a bare array, an empty file — never read as an empty list.
// Thread-safety: reentrant.
// Example:
//   LEVERKIT_TRY(snap, leverkit::match::load_lever_directory("exports/acme"));
//   auto index = leverkit::match::Index::build(std::move(snap));
#pragma once

#include <filesystem>
#include <string_view>

#include "leverkit/match/index.hpp"
#include "leverkit/models/error.hpp"

namespace leverkit::inline v0::match {

Result<LeverSnapshot> load_lever_directory(const std::filesystem::path& dir);

/// Decodes the saved response `text` of the snapshot file `name` ("opportunities.json", ...,
/// "stages.json"; any other name is invalid_argument) into the matching list of `into`.
Result<void> parse_lever_file(std::string_view name, std::string_view text, LeverSnapshot& into);

}  // namespace leverkit::match

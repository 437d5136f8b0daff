// leverkit/match/lever_files.hpp — load a Lever snapshot from saved API responses.
//
// What: reads a directory holding Lever list responses exactly as Lever returns them
// (`{"data": [...], "hasNext": ..., "next": ...}`): `opportunities.json` and `interviews.json`
// (required; each interview carries `opportunityId`), and optionally `panels.json`,
// `users.json`, `postings.json`, `stages.json`. Used by `leverkit match` and by tests.
// Errors: io_error naming a missing/unreadable file; decode_error naming the file and the JSON
// path of the bad value ("interviews.json: data[3].date: ...").
// Thread-safety: reentrant.
// Example:
//   LEVERKIT_TRY(snap, leverkit::match::load_lever_directory("exports/acme"));
//   auto index = leverkit::match::Index::build(std::move(snap));
#pragma once

#include <filesystem>

#include "leverkit/match/index.hpp"
#include "leverkit/models/error.hpp"

namespace leverkit::match {

Result<LeverSnapshot> load_lever_directory(const std::filesystem::path& dir);

}  // namespace leverkit::match

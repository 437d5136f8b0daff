// The write journal (leverkit/integration/write_journal.hpp): both implementations behave the
// same; the SQLite one survives a reopen (a crash between intent and outcome is visible).
#include <cstdio>
#include <filesystem>
#include <memory>

#include <doctest/doctest.h>

#include "leverkit/integration/sync_store.hpp"
#include "leverkit/integration/write_journal.hpp"

namespace li = leverkit::integration;

namespace {

li::JournalEntry entry(std::string key, li::WriteStatus status = li::WriteStatus::pending) {
  li::JournalEntry e;
  e.key = std::move(key);
  e.kind = li::WriteKind::note;
  e.opportunity_id = "opp-1";
  e.call_id = "call-1";
  e.marker = "[leverkit:call=call-1]";
  e.action = "create";
  e.status = status;
  e.attempts = 1;
  e.updated_at = leverkit::from_unix_ms(1'767'225'600'123);
  return e;
}

void exercise(li::WriteJournal& j) {
  CHECK_FALSE(j.get("note:opp-1:call-1").value().has_value());
  REQUIRE(j.put(entry("note:opp-1:call-1")).has_value());
  REQUIRE(j.put(entry("feedback:opp-1:iv:u:t")).has_value());
  auto got = j.get("note:opp-1:call-1").value();
  REQUIRE(got.has_value());
  CHECK(*got == entry("note:opp-1:call-1"));
  // Upsert: the outcome replaces the intent.
  auto done = entry("note:opp-1:call-1", li::WriteStatus::succeeded);
  done.lever_id = "note-9";
  done.readbacks = 2;
  done.last_error = "server_error (HTTP 503)";
  REQUIRE(j.put(done).has_value());
  CHECK(j.get("note:opp-1:call-1").value() == done);
  auto all = j.list().value();
  REQUIRE(all.size() == 2);
  CHECK(all[0].key == "feedback:opp-1:iv:u:t");  // ordered by key
  CHECK(all[1] == done);
  auto bad = j.put(entry(""));
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == leverkit::Errc::invalid_argument);
}

}  // namespace

TEST_CASE("write journal: in memory") {
  li::MemoryWriteJournal j;
  exercise(j);
}

TEST_CASE("write journal: SQLite in memory") {
  auto j = li::SqliteWriteJournal::open(":memory:");
  REQUIRE(j.has_value());
  exercise(*j.value());
}

TEST_CASE("write journal: SQLite keeps a pending intent across a reopen (crash between intent and outcome)") {
  auto path = std::filesystem::temp_directory_path() / "leverkit_write_journal_test.db";
  std::filesystem::remove(path);
  {
    auto j = li::SqliteWriteJournal::open(path.string());
    REQUIRE(j.has_value());
    REQUIRE(j.value()->put(entry("note:opp-1:call-1")).has_value());
  }  // "crash": no outcome recorded
  {
    auto j = li::SqliteWriteJournal::open(path.string());
    REQUIRE(j.has_value());
    auto got = j.value()->get("note:opp-1:call-1").value();
    REQUIRE(got.has_value());
    CHECK(got->status == li::WriteStatus::pending);
    CHECK(got->attempts == 1);
  }
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
}

TEST_CASE("write journal: SQLite open of an unusable path is an io_error naming the file") {
  auto j = li::SqliteWriteJournal::open("/nonexistent-dir/for/sure/journal.db");
  REQUIRE_FALSE(j.has_value());
  CHECK(j.error().code == leverkit::Errc::io_error);
  CHECK(j.error().message.find("journal.db") != std::string::npos);
}

TEST_CASE("write journal: names of kinds and statuses round-trip") {
  for (auto k : {li::WriteKind::note, li::WriteKind::feedback}) CHECK(li::parse_write_kind(li::to_string(k)) == k);
  for (auto s : {li::WriteStatus::pending, li::WriteStatus::succeeded, li::WriteStatus::ambiguous, li::WriteStatus::failed})
    CHECK(li::parse_write_status(li::to_string(s)) == s);
  CHECK_FALSE(li::parse_write_status("done").has_value());
}

TEST_CASE("write journal: SQLite shares the sync store's file through its own connection and table") {
  auto path = std::filesystem::temp_directory_path() / "leverkit_shared_store_test.db";
  std::filesystem::remove(path);
  {
    auto store = li::open_sqlite_store(path.string());
    REQUIRE(store.has_value());
    auto j = li::SqliteWriteJournal::open(path.string());
    REQUIRE(j.has_value());
    REQUIRE(store.value()->put_value("checkpoint", "opportunities", "token-1").has_value());
    REQUIRE(j.value()->put(entry("note:opp-1:call-1", li::WriteStatus::succeeded)).has_value());
    CHECK(store.value()->checkpoint("opportunities").value() == std::optional<std::string>("token-1"));
    CHECK(j.value()->list().value().size() == 1);
  }
  auto j = li::SqliteWriteJournal::open(path.string());
  REQUIRE(j.has_value());
  CHECK(j.value()->get("note:opp-1:call-1").value()->status == li::WriteStatus::succeeded);
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
}

// leverkit/integration/write_journal.hpp — the record of every write leverkit makes to Lever.
//
// What: `WriteJournal`, the interface the write-back (write_back.hpp) records into: an entry per
// logical write, keyed by an idempotency key ("note:<call>",
// "feedback:<opportunity>:<interview>:<author>:<template>"), with the intent recorded *before*
// the request (status `pending`, attempts + 1) and the outcome after (`succeeded` with the Lever
// id, `ambiguous` when the request may or may not have been applied, `failed` when Lever
// provably refused it). A `pending` or `ambiguous` entry found at start-up is a write whose
// outcome is unknown (a crash or a timeout): the write-back then reads Lever before writing
// again. Two implementations: `MemoryWriteJournal` (tests, one-shot tools) and
// `SqliteWriteJournal` (durable; its own connection and table `leverkit_write_journal`, so it
// may share a file with the sync store).
// Errors: SqliteWriteJournal returns io_error naming the SQLite call and message (never data).
// Thread-safety: both implementations are safe to call from several threads (one mutex).
// Example:
//   LEVERKIT_TRY(journal, leverkit::integration::SqliteWriteJournal::open("leverkit.db"));
//   leverkit::integration::WriteBack writer{client, *journal};
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/models/error.hpp"
#include "leverkit/models/time.hpp"

namespace leverkit::inline v0::integration {

enum class WriteKind { note, feedback };
enum class WriteStatus { pending, succeeded, ambiguous, failed };

std::string_view to_string(WriteKind k) noexcept;
std::string_view to_string(WriteStatus s) noexcept;
std::optional<WriteKind> parse_write_kind(std::string_view s) noexcept;
std::optional<WriteStatus> parse_write_status(std::string_view s) noexcept;

struct JournalEntry {
  std::string key;               // idempotency key (unique)
  WriteKind kind = WriteKind::note;
  std::string opportunity_id;
  std::string call_id;
  std::string marker;            // what a read-back looks for (notes: the marker in the text)
  std::string performed_as;      // perform_as user id, "" when none
  std::string action;            // "create" or "update"
  WriteStatus status = WriteStatus::pending;
  std::string lever_id;          // the note / feedback id once known
  int attempts = 0;              // requests sent for this key
  int readbacks = 0;             // reads of Lever made to resolve an ambiguous outcome
  std::string last_error;        // Error::to_string() of the last failure (never a secret)
  Timestamp updated_at{};
  friend bool operator==(const JournalEntry&, const JournalEntry&) = default;
};

class WriteJournal {
 public:
  virtual ~WriteJournal() = default;
  /// The entry for `key`, or nullopt when none was recorded.
  virtual Result<std::optional<JournalEntry>> get(std::string_view key) = 0;
  /// Inserts or replaces the entry with `entry.key`. Durable when it returns (SQLite).
  virtual Result<void> put(const JournalEntry& entry) = 0;
  /// Every entry, ordered by key.
  virtual Result<std::vector<JournalEntry>> list() = 0;
};

class MemoryWriteJournal final : public WriteJournal {
 public:
  Result<std::optional<JournalEntry>> get(std::string_view key) override;
  Result<void> put(const JournalEntry& entry) override;
  Result<std::vector<JournalEntry>> list() override;

 private:
  std::mutex mutex_;
  std::vector<JournalEntry> entries_;  // sorted by key
};

class SqliteWriteJournal final : public WriteJournal {
 public:
  /// Opens (creating if needed) `path` and the table; ":memory:" works for tests.
  static Result<std::unique_ptr<SqliteWriteJournal>> open(const std::string& path);
  ~SqliteWriteJournal() override;
  SqliteWriteJournal(const SqliteWriteJournal&) = delete;
  SqliteWriteJournal& operator=(const SqliteWriteJournal&) = delete;

  Result<std::optional<JournalEntry>> get(std::string_view key) override;
  Result<void> put(const JournalEntry& entry) override;
  Result<std::vector<JournalEntry>> list() override;

 private:
  struct Db;
  explicit SqliteWriteJournal(std::unique_ptr<Db> db);
  std::unique_ptr<Db> db_;
  std::mutex mutex_;
};

}  // namespace leverkit::integration

// The write journal: in memory and in SQLite (docs/adr/0066-write-journal-and-read-before-retry.md).
#include "leverkit/fmt.hpp"
#include "leverkit/integration/write_journal.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <sqlite3.h>

namespace leverkit::inline v0::integration {

std::string_view to_string(WriteKind k) noexcept {
  switch (k) {
    case WriteKind::note: return "note";
    case WriteKind::feedback: return "feedback";
  }
  return "unknown";
}

std::string_view to_string(WriteStatus s) noexcept {
  switch (s) {
    case WriteStatus::pending: return "pending";
    case WriteStatus::succeeded: return "succeeded";
    case WriteStatus::ambiguous: return "ambiguous";
    case WriteStatus::failed: return "failed";
  }
  return "unknown";
}

std::optional<WriteKind> parse_write_kind(std::string_view s) noexcept {
  if (s == "note") return WriteKind::note;
  if (s == "feedback") return WriteKind::feedback;
  return std::nullopt;
}

std::optional<WriteStatus> parse_write_status(std::string_view s) noexcept {
  if (s == "pending") return WriteStatus::pending;
  if (s == "succeeded") return WriteStatus::succeeded;
  if (s == "ambiguous") return WriteStatus::ambiguous;
  if (s == "failed") return WriteStatus::failed;
  return std::nullopt;
}

// ---------------------------------------------------------------- memory

Result<std::optional<JournalEntry>> MemoryWriteJournal::get(std::string_view key) {
  std::lock_guard lock(mutex_);
  auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                             [](const JournalEntry& e, std::string_view k) { return e.key < k; });
  if (it == entries_.end() || it->key != key) return std::optional<JournalEntry>{};
  return std::optional<JournalEntry>{*it};
}

Result<void> MemoryWriteJournal::put(const JournalEntry& entry) {
  if (entry.key.empty()) return Error(Errc::invalid_argument, "write journal: entry key is empty");
  std::lock_guard lock(mutex_);
  auto it = std::lower_bound(entries_.begin(), entries_.end(), entry.key,
                             [](const JournalEntry& e, const std::string& k) { return e.key < k; });
  if (it != entries_.end() && it->key == entry.key) *it = entry;
  else entries_.insert(it, entry);
  return success();
}

Result<std::vector<JournalEntry>> MemoryWriteJournal::list() {
  std::lock_guard lock(mutex_);
  return entries_;
}

// ---------------------------------------------------------------- sqlite

struct SqliteWriteJournal::Db {
  sqlite3* db = nullptr;
  ~Db() {
    if (db) sqlite3_close(db);
  }
};

namespace {

Error sql_error(sqlite3* db, std::string_view what) {
  return Error(Errc::io_error, fmt::format("write journal: {} failed: {}", what, db ? sqlite3_errmsg(db) : "no database"));
}

/// A prepared statement that finalizes itself.
struct Stmt {
  sqlite3_stmt* s = nullptr;
  ~Stmt() {
    if (s) sqlite3_finalize(s);
  }
};

void bind_text(sqlite3_stmt* s, int i, std::string_view v) {
  sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

std::string column_text(sqlite3_stmt* s, int i) {
  const unsigned char* p = sqlite3_column_text(s, i);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(s, i)))
           : std::string();
}

constexpr std::string_view kColumns =
    "key, kind, opportunity_id, call_id, marker, performed_as, action, status, lever_id, attempts, readbacks, "
    "last_error, updated_at";

Result<JournalEntry> read_row(sqlite3* db, sqlite3_stmt* s) {
  JournalEntry e;
  e.key = column_text(s, 0);
  auto kind = parse_write_kind(column_text(s, 1));
  auto status = parse_write_status(column_text(s, 7));
  if (!kind || !status) return sql_error(db, fmt::format("reading entry {} (unknown kind or status)", e.key));
  e.kind = *kind;
  e.opportunity_id = column_text(s, 2);
  e.call_id = column_text(s, 3);
  e.marker = column_text(s, 4);
  e.performed_as = column_text(s, 5);
  e.action = column_text(s, 6);
  e.status = *status;
  e.lever_id = column_text(s, 8);
  e.attempts = sqlite3_column_int(s, 9);
  e.readbacks = sqlite3_column_int(s, 10);
  e.last_error = column_text(s, 11);
  e.updated_at = from_unix_ms(sqlite3_column_int64(s, 12));
  return e;
}

}  // namespace

SqliteWriteJournal::SqliteWriteJournal(std::unique_ptr<Db> db) : db_(std::move(db)) {}
SqliteWriteJournal::~SqliteWriteJournal() = default;

Result<std::unique_ptr<SqliteWriteJournal>> SqliteWriteJournal::open(const std::string& path) {
  auto db = std::make_unique<Db>();
  if (sqlite3_open_v2(path.c_str(), &db->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK)
    return sql_error(db->db, fmt::format("opening {}", path));
  // The sync store may hold the same file open: wait for its transactions instead of failing.
  sqlite3_busy_timeout(db->db, 5000);
  char* err = nullptr;
  const char* ddl =
      "PRAGMA journal_mode=WAL;"
      "CREATE TABLE IF NOT EXISTS leverkit_write_journal ("
      " key TEXT PRIMARY KEY, kind TEXT NOT NULL, opportunity_id TEXT NOT NULL, call_id TEXT NOT NULL,"
      " marker TEXT NOT NULL, performed_as TEXT NOT NULL, action TEXT NOT NULL, status TEXT NOT NULL,"
      " lever_id TEXT NOT NULL, attempts INTEGER NOT NULL, readbacks INTEGER NOT NULL,"
      " last_error TEXT NOT NULL, updated_at INTEGER NOT NULL);";
  if (sqlite3_exec(db->db, ddl, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return Error(Errc::io_error, fmt::format("write journal: creating the table failed: {}", msg));
  }
  return std::unique_ptr<SqliteWriteJournal>(new SqliteWriteJournal(std::move(db)));
}

Result<std::optional<JournalEntry>> SqliteWriteJournal::get(std::string_view key) {
  std::lock_guard lock(mutex_);
  Stmt st;
  std::string sql = fmt::format("SELECT {} FROM leverkit_write_journal WHERE key = ?1", kColumns);
  if (sqlite3_prepare_v2(db_->db, sql.c_str(), -1, &st.s, nullptr) != SQLITE_OK) return sql_error(db_->db, "prepare get");
  bind_text(st.s, 1, key);
  int rc = sqlite3_step(st.s);
  if (rc == SQLITE_DONE) return std::optional<JournalEntry>{};
  if (rc != SQLITE_ROW) return sql_error(db_->db, "get");
  LEVERKIT_TRY(e, read_row(db_->db, st.s));
  return std::optional<JournalEntry>{std::move(e)};
}

Result<void> SqliteWriteJournal::put(const JournalEntry& e) {
  if (e.key.empty()) return Error(Errc::invalid_argument, "write journal: entry key is empty");
  std::lock_guard lock(mutex_);
  Stmt st;
  std::string sql = fmt::format("INSERT OR REPLACE INTO leverkit_write_journal ({}) VALUES "
                                "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                                kColumns);
  if (sqlite3_prepare_v2(db_->db, sql.c_str(), -1, &st.s, nullptr) != SQLITE_OK) return sql_error(db_->db, "prepare put");
  bind_text(st.s, 1, e.key);
  bind_text(st.s, 2, to_string(e.kind));
  bind_text(st.s, 3, e.opportunity_id);
  bind_text(st.s, 4, e.call_id);
  bind_text(st.s, 5, e.marker);
  bind_text(st.s, 6, e.performed_as);
  bind_text(st.s, 7, e.action);
  bind_text(st.s, 8, to_string(e.status));
  bind_text(st.s, 9, e.lever_id);
  sqlite3_bind_int(st.s, 10, e.attempts);
  sqlite3_bind_int(st.s, 11, e.readbacks);
  bind_text(st.s, 12, e.last_error);
  sqlite3_bind_int64(st.s, 13, e.updated_at.time_since_epoch().count());
  if (sqlite3_step(st.s) != SQLITE_DONE) return sql_error(db_->db, "put");
  return success();
}

Result<std::vector<JournalEntry>> SqliteWriteJournal::list() {
  std::lock_guard lock(mutex_);
  Stmt st;
  std::string sql = fmt::format("SELECT {} FROM leverkit_write_journal ORDER BY key", kColumns);
  if (sqlite3_prepare_v2(db_->db, sql.c_str(), -1, &st.s, nullptr) != SQLITE_OK) return sql_error(db_->db, "prepare list");
  std::vector<JournalEntry> out;
  int rc = 0;
  while ((rc = sqlite3_step(st.s)) == SQLITE_ROW) {
    LEVERKIT_TRY(e, read_row(db_->db, st.s));
    out.push_back(std::move(e));
  }
  if (rc != SQLITE_DONE) return sql_error(db_->db, "list");
  return out;
}

}  // namespace leverkit::integration

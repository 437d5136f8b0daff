// The SQLite SyncStore: one connection, WAL journal, one transaction per batch.
//
// Why WAL with synchronous=NORMAL: a committed batch survives a process crash (the WAL is
// written before commit returns); only an OS crash may lose the last batches, which a sync then
// simply fetches again — every batch is idempotent. Calls are serialised on one connection: a
// sync's writes are small and SQLite allows one writer anyway.
#include <sqlite3.h>

#include <mutex>
#include <utility>

#include <fmt/format.h>

#include "leverkit/fmt.hpp"
#include "leverkit/integration/sync_store.hpp"

namespace leverkit::inline v0::integration {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS objects (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  parent_id TEXT NOT NULL DEFAULT '',
  json TEXT NOT NULL,
  updated_at INTEGER,
  deleted INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL DEFAULT 'poll',
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS objects_parent ON objects (kind, parent_id);
CREATE TABLE IF NOT EXISTS kv (
  ns TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (ns, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', '1');
)sql";

class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  [[nodiscard]] bool ok() const noexcept { return rc_ == SQLITE_OK && s_ != nullptr; }
  Stmt& text(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& int64(int i, std::int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& null(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  int step() { return sqlite3_step(s_); }
  void reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  [[nodiscard]] std::string col_text(int i) const {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(s_, i));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s_, i))) : std::string();
  }
  [[nodiscard]] bool col_null(int i) const { return sqlite3_column_type(s_, i) == SQLITE_NULL; }
  [[nodiscard]] std::int64_t col_int(int i) const { return sqlite3_column_int64(s_, i); }

 private:
  sqlite3_stmt* s_ = nullptr;
  int rc_ = SQLITE_ERROR;
};

class SqliteStore final : public SyncStore {
 public:
  explicit SqliteStore(sqlite3* db) : db_(db) {}
  ~SqliteStore() override { sqlite3_close_v2(db_); }

  Result<void> init() {
    LEVERKIT_TRYV(exec("PRAGMA journal_mode=WAL", "enable WAL"));
    LEVERKIT_TRYV(exec("PRAGMA synchronous=NORMAL", "set synchronous"));
    LEVERKIT_TRYV(exec("PRAGMA foreign_keys=ON", "enable foreign keys"));
    sqlite3_busy_timeout(db_, 10'000);
    return exec(kSchema, "create the schema");
  }

  Result<void> apply(const StoreBatch& b) override {
    std::lock_guard lock(mutex_);
    LEVERKIT_TRYV(exec("BEGIN IMMEDIATE", "begin a transaction"));
    auto r = apply_locked(b);
    if (!r) {
      (void)exec("ROLLBACK", "roll back");
      return r;
    }
    if (auto c = exec("COMMIT", "commit"); !c) {
      (void)exec("ROLLBACK", "roll back");
      return c;
    }
    return success();
  }

  Result<std::optional<StoredObject>> get_object(ObjectKind kind, std::string_view id) const override {
    std::lock_guard lock(mutex_);
    Stmt s(db_, "SELECT kind, id, parent_id, json, updated_at, deleted, source FROM objects WHERE kind=?1 AND id=?2");
    if (!s.ok()) return fail("prepare a read");
    s.text(1, to_string(kind)).text(2, id);
    int rc = s.step();
    if (rc == SQLITE_DONE) return std::optional<StoredObject>{};
    if (rc != SQLITE_ROW) return fail("read an object");
    return std::optional<StoredObject>{row(s)};
  }

  Result<std::vector<StoredObject>> list_objects(ObjectKind kind, std::optional<std::string_view> parent) const override {
    std::lock_guard lock(mutex_);
    Stmt s(db_, parent ? "SELECT kind, id, parent_id, json, updated_at, deleted, source FROM objects "
                         "WHERE kind=?1 AND parent_id=?2 ORDER BY id"
                       : "SELECT kind, id, parent_id, json, updated_at, deleted, source FROM objects "
                         "WHERE kind=?1 ORDER BY id");
    if (!s.ok()) return fail("prepare a listing");
    s.text(1, to_string(kind));
    if (parent) s.text(2, *parent);
    std::vector<StoredObject> out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) out.push_back(row(s));
    if (rc != SQLITE_DONE) return fail("list objects");
    return out;
  }

  Result<std::size_t> count_objects(ObjectKind kind) const override {
    std::lock_guard lock(mutex_);
    Stmt s(db_, "SELECT COUNT(*) FROM objects WHERE kind=?1 AND deleted=0");
    if (!s.ok()) return fail("prepare a count");
    s.text(1, to_string(kind));
    if (s.step() != SQLITE_ROW) return fail("count objects");
    return static_cast<std::size_t>(s.col_int(0));
  }

  Result<std::optional<std::string>> get_value(std::string_view ns, std::string_view key) const override {
    std::lock_guard lock(mutex_);
    Stmt s(db_, "SELECT value FROM kv WHERE ns=?1 AND key=?2");
    if (!s.ok()) return fail("prepare a value read");
    s.text(1, ns).text(2, key);
    int rc = s.step();
    if (rc == SQLITE_DONE) return std::optional<std::string>{};
    if (rc != SQLITE_ROW) return fail("read a value");
    return std::optional<std::string>{s.col_text(0)};
  }

  Result<std::vector<StoredValue>> list_values(std::string_view ns) const override {
    std::lock_guard lock(mutex_);
    Stmt s(db_, "SELECT key, value FROM kv WHERE ns=?1 ORDER BY key");
    if (!s.ok()) return fail("prepare a value listing");
    s.text(1, ns);
    std::vector<StoredValue> out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) out.push_back({std::string(ns), s.col_text(0), s.col_text(1)});
    if (rc != SQLITE_DONE) return fail("list values");
    return out;
  }

 private:
  static StoredObject row(const Stmt& s) {
    StoredObject o;
    o.kind = object_kind_from_string(s.col_text(0)).value_or(ObjectKind::opportunity);
    o.id = s.col_text(1);
    o.parent_id = s.col_text(2);
    o.json = s.col_text(3);
    if (!s.col_null(4)) o.updated_at = from_unix_ms(s.col_int(4));
    o.deleted = s.col_int(5) != 0;
    o.source = s.col_text(6) == "webhook" ? ObjectSource::webhook : ObjectSource::poll;
    return o;
  }

  Error fail(std::string_view what) const {
    return Error(Errc::io_error, fmt::format("sync store: could not {}: {}", what, sqlite3_errmsg(db_)));
  }

  Result<void> exec(const char* sql, std::string_view what) const {
    char* msg = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
      std::string m = msg ? msg : "unknown error";
      sqlite3_free(msg);
      return Error(Errc::io_error, fmt::format("sync store: could not {}: {}", what, m));
    }
    return success();
  }

  Result<void> apply_locked(const StoreBatch& b) {
    if (!b.claims.empty()) {
      Stmt ins(db_, "INSERT OR IGNORE INTO kv (ns, key, value) VALUES (?1, ?2, ?3)");
      if (!ins.ok()) return fail("prepare a claim");
      for (const auto& c : b.claims) {
        ins.text(1, c.ns).text(2, c.key).text(3, c.value);
        if (ins.step() != SQLITE_DONE) return fail("write a claim");
        ins.reset();
        if (sqlite3_changes(db_) == 0)
          return Error(Errc::conflict, fmt::format("store value {}/{} already exists", c.ns, c.key));
      }
    }
    if (!b.replace_children.empty()) {
      Stmt del(db_, "DELETE FROM objects WHERE kind=?1 AND parent_id=?2");
      if (!del.ok()) return fail("prepare a child deletion");
      for (const auto& cs : b.replace_children) {
        del.text(1, to_string(cs.kind)).text(2, cs.parent_id);
        if (del.step() != SQLITE_DONE) return fail("delete children");
        del.reset();
      }
    }
    if (!b.removals.empty()) {
      Stmt del(db_, "DELETE FROM objects WHERE kind=?1 AND id=?2");
      if (!del.ok()) return fail("prepare a deletion");
      for (const auto& r : b.removals) {
        del.text(1, to_string(r.kind)).text(2, r.id);
        if (del.step() != SQLITE_DONE) return fail("delete an object");
        del.reset();
      }
    }
    if (!b.upserts.empty()) {
      Stmt up(db_, "INSERT OR REPLACE INTO objects (kind, id, parent_id, json, updated_at, deleted, source) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
      if (!up.ok()) return fail("prepare an upsert");
      for (const auto& o : b.upserts) {
        up.text(1, to_string(o.kind)).text(2, o.id).text(3, o.parent_id).text(4, o.json);
        if (o.updated_at)
          up.int64(5, to_unix_ms(*o.updated_at));
        else
          up.null(5);
        up.int64(6, o.deleted ? 1 : 0).text(7, o.source == ObjectSource::webhook ? "webhook" : "poll");
        if (up.step() != SQLITE_DONE) return fail("write an object");
        up.reset();
      }
    }
    if (!b.erase_values.empty()) {
      Stmt del(db_, "DELETE FROM kv WHERE ns=?1 AND key=?2");
      if (!del.ok()) return fail("prepare a value deletion");
      for (const auto& v : b.erase_values) {
        del.text(1, v.ns).text(2, v.key);
        if (del.step() != SQLITE_DONE) return fail("delete a value");
        del.reset();
      }
    }
    if (!b.values.empty()) {
      Stmt up(db_, "INSERT OR REPLACE INTO kv (ns, key, value) VALUES (?1, ?2, ?3)");
      if (!up.ok()) return fail("prepare a value write");
      for (const auto& v : b.values) {
        up.text(1, v.ns).text(2, v.key).text(3, v.value);
        if (up.step() != SQLITE_DONE) return fail("write a value");
        up.reset();
      }
    }
    return success();
  }

  sqlite3* db_;
  mutable std::mutex mutex_;
};

}  // namespace

Result<std::shared_ptr<SyncStore>> open_sqlite_store(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Error(Errc::io_error, fmt::format("sync store: could not open {}: {}", path, msg));
  }
  auto store = std::make_shared<SqliteStore>(db);
  LEVERKIT_TRYV(store->init());
  return std::shared_ptr<SyncStore>(std::move(store));
}

}  // namespace leverkit::integration

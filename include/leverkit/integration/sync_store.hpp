// leverkit/integration/sync_store.hpp — the local state of a Lever sync.
//
// What: `SyncStore`, where a sync keeps what it learned from Lever: every synced object
// (opportunity, interview, panel, user, posting, stage) as Lever's raw JSON keyed by kind and id
// (so nothing Lever sent is lost and the models' own decoders read it back), checkpoints
// (pagination tokens, updated_at watermarks, run state) and small keyed values (webhook tokens
// seen, feed and employee state, write journals of other features). Every change goes through
// `apply(StoreBatch)`, which is atomic: a crash leaves either the whole batch or none of it, and a
// sync writes one batch per Lever page together with the page's checkpoint, so it resumes exactly
// where it stopped. `load_snapshot()` decodes the live objects into `match::LeverSnapshot`, so the
// matcher indexes the store directly.
// Two implementations: `open_sqlite_store(path)` (embedded SQLite, WAL journal, one transaction
// per batch; the default for hosts) and `make_memory_store()` (tests, short-lived tools).
// Errors: io_error for SQLite failures (the message names the operation, never a secret);
// conflict when a batch's `claims` hit an existing value (nothing of that batch is applied);
// decode_error from load_snapshot when a stored object no longer decodes (naming kind and id).
// Thread-safety: both stores are safe to call from many threads (calls are serialised).
// Example:
//   LEVERKIT_TRY(store, leverkit::integration::open_sqlite_store("lever.db"));
//   LEVERKIT_TRY(snapshot, store->load_snapshot());
//   auto index = leverkit::match::Index::build(std::move(snapshot));
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leverkit/match/index.hpp"
#include "leverkit/models/error.hpp"
#include "leverkit/models/time.hpp"

namespace leverkit::inline v0::integration {

enum class ObjectKind { opportunity, interview, panel, user, posting, stage };

/// "opportunity", "interview", ... (stable: stored in SQLite).
std::string_view to_string(ObjectKind kind) noexcept;
std::optional<ObjectKind> object_kind_from_string(std::string_view name) noexcept;

/// Where the latest version of an object came from.
enum class ObjectSource { poll, webhook };

/// One Lever object as stored.
struct StoredObject {
  ObjectKind kind = ObjectKind::opportunity;
  std::string id;
  std::string parent_id;  // the opportunity of an interview or panel; empty otherwise
  std::string json;       // Lever's JSON of the object, verbatim
  std::optional<Timestamp> updated_at;  // Lever's updatedAt when it has one
  /// A tombstone: Lever deleted it (deleted opportunity, interviewDeleted). Kept so feeds can
  /// report the deletion; never part of a snapshot.
  bool deleted = false;
  ObjectSource source = ObjectSource::poll;
  friend bool operator==(const StoredObject&, const StoredObject&) = default;
};

struct ObjectRef {
  ObjectKind kind = ObjectKind::opportunity;
  std::string id;
};

/// A keyed value in a namespace ("checkpoint", "webhook_token", "feed", ...).
struct StoredValue {
  std::string ns;
  std::string key;
  std::string value;
  friend bool operator==(const StoredValue&, const StoredValue&) = default;
};

/// Every object of `kind` whose parent is `parent_id` (the children of one opportunity).
struct ChildSet {
  ObjectKind kind = ObjectKind::interview;
  std::string parent_id;
};

/// One atomic change. Applied in this order: claims are checked (any existing → conflict, nothing
/// applied), `replace_children` erases those children, `removals` erase objects, `upserts` insert
/// or replace by (kind, id), `erase_values` then `values` are written.
struct StoreBatch {
  std::vector<StoredValue> claims;     // must not exist yet; inserted with the batch
  std::vector<ChildSet> replace_children;
  std::vector<ObjectRef> removals;
  std::vector<StoredObject> upserts;
  std::vector<StoredValue> erase_values;  // only ns + key matter
  std::vector<StoredValue> values;        // insert or replace

  [[nodiscard]] bool empty() const noexcept {
    return claims.empty() && replace_children.empty() && removals.empty() && upserts.empty() &&
           erase_values.empty() && values.empty();
  }
};

struct SnapshotOptions {
  /// Include archived opportunities (and their interviews). Deleted ones are never included.
  bool include_archived = true;
  /// Include canceled interviews.
  bool include_canceled = true;
};

class SyncStore {
 public:
  virtual ~SyncStore() = default;

  /// Applies `batch` atomically (see StoreBatch for the order).
  virtual Result<void> apply(const StoreBatch& batch) = 0;

  virtual Result<std::optional<StoredObject>> get_object(ObjectKind kind, std::string_view id) const = 0;
  /// Objects of `kind` (tombstones included), ordered by id; with `parent_id`, only its children.
  virtual Result<std::vector<StoredObject>> list_objects(ObjectKind kind,
                                                         std::optional<std::string_view> parent_id = std::nullopt) const = 0;
  /// Live (non-tombstone) objects of `kind`.
  virtual Result<std::size_t> count_objects(ObjectKind kind) const = 0;

  virtual Result<std::optional<std::string>> get_value(std::string_view ns, std::string_view key) const = 0;
  /// All values of `ns`, ordered by key.
  virtual Result<std::vector<StoredValue>> list_values(std::string_view ns) const = 0;

  // ---- conveniences on top of the primitives ----
  Result<void> put_value(std::string_view ns, std::string_view key, std::string_view value);
  Result<void> erase_value(std::string_view ns, std::string_view key);
  /// Inserts ns/key → value unless present; false when it was already there (a replay).
  Result<bool> claim(std::string_view ns, std::string_view key, std::string_view value);
  Result<std::optional<std::string>> checkpoint(std::string_view name) const { return get_value("checkpoint", name); }

  /// The live objects decoded with the models' decoders.
  Result<match::LeverSnapshot> load_snapshot(const SnapshotOptions& options = {}) const;
};

/// An in-memory store (lost when destroyed).
std::shared_ptr<SyncStore> make_memory_store();

/// Opens (creating if needed) an SQLite database at `path` (":memory:" works) in WAL mode.
Result<std::shared_ptr<SyncStore>> open_sqlite_store(const std::string& path);

}  // namespace leverkit::integration

// SyncStore semantics, proved identically on the in-memory and the SQLite store.
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

#include <doctest/doctest.h>

#include "leverkit/integration/sync_store.hpp"

using namespace leverkit::integration;
using leverkit::Errc;

namespace {

std::string temp_db(std::string_view name) {
  auto p = std::filesystem::temp_directory_path() /
           (std::string("leverkit-") + std::string(name) + "-" + std::to_string(::getpid()) + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + suffix);
  return p.string();
}

std::vector<std::shared_ptr<SyncStore>> both_stores(std::string_view name) {
  auto sqlite = open_sqlite_store(temp_db(name));
  REQUIRE(sqlite.has_value());
  return {make_memory_store(), sqlite.value()};
}

StoredObject obj(ObjectKind k, std::string id, std::string parent, std::string json) {
  return StoredObject{.kind = k, .id = std::move(id), .parent_id = std::move(parent), .json = std::move(json)};
}

}  // namespace

TEST_CASE("sync store: upsert, replace, list in id order, tombstones not counted") {
  for (auto& s : both_stores("basic")) {
    StoreBatch b;
    b.upserts = {obj(ObjectKind::stage, "s2", "", R"({"id":"s2","text":"B"})"),
                 obj(ObjectKind::stage, "s1", "", R"({"id":"s1","text":"A"})")};
    REQUIRE(s->apply(b).has_value());
    auto l = s->list_objects(ObjectKind::stage).value();
    REQUIRE(l.size() == 2);
    CHECK(l[0].id == "s1");
    CHECK(l[1].json == R"({"id":"s2","text":"B"})");
    StoreBatch b2;
    auto dead = obj(ObjectKind::stage, "s2", "", R"({"id":"s2","text":"B2"})");
    dead.deleted = true;
    dead.updated_at = leverkit::from_unix_ms(1234);
    dead.source = ObjectSource::webhook;
    b2.upserts = {dead};
    REQUIRE(s->apply(b2).has_value());
    CHECK(s->count_objects(ObjectKind::stage).value() == 1);
    auto got = s->get_object(ObjectKind::stage, "s2").value();
    REQUIRE(got.has_value());
    CHECK(*got == dead);
    CHECK_FALSE(s->get_object(ObjectKind::stage, "nope").value().has_value());
    CHECK_FALSE(s->get_object(ObjectKind::user, "s1").value().has_value());  // kinds are separate
  }
}

TEST_CASE("sync store: replace_children swaps one opportunity's children only") {
  for (auto& s : both_stores("children")) {
    StoreBatch b;
    b.upserts = {obj(ObjectKind::interview, "i1", "o1", "{}"), obj(ObjectKind::interview, "i2", "o1", "{}"),
                 obj(ObjectKind::interview, "i3", "o2", "{}"), obj(ObjectKind::panel, "p1", "o1", "{}")};
    REQUIRE(s->apply(b).has_value());
    StoreBatch r;
    r.replace_children = {{ObjectKind::interview, "o1"}};
    r.upserts = {obj(ObjectKind::interview, "i2", "o1", R"({"v":2})")};
    REQUIRE(s->apply(r).has_value());
    auto o1 = s->list_objects(ObjectKind::interview, "o1").value();
    REQUIRE(o1.size() == 1);
    CHECK(o1[0].json == R"({"v":2})");
    CHECK(s->list_objects(ObjectKind::interview, "o2").value().size() == 1);
    CHECK(s->list_objects(ObjectKind::panel, "o1").value().size() == 1);
  }
}

TEST_CASE("sync store: claims make a batch all-or-nothing") {
  for (auto& s : both_stores("claims")) {
    CHECK(s->claim("webhook_token", "t1", "1").value() == true);
    CHECK(s->claim("webhook_token", "t1", "2").value() == false);
    CHECK(s->get_value("webhook_token", "t1").value() == std::optional<std::string>("1"));
    StoreBatch b;
    b.claims = {{"webhook_token", "t2", "x"}, {"webhook_token", "t1", "y"}};
    b.upserts = {obj(ObjectKind::user, "u1", "", "{}")};
    b.values = {{"checkpoint", "k", "v"}};
    auto r = s->apply(b);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == Errc::conflict);
    CHECK_FALSE(s->get_value("webhook_token", "t2").value().has_value());
    CHECK(s->count_objects(ObjectKind::user).value() == 0);
    CHECK_FALSE(s->checkpoint("k").value().has_value());
  }
}

TEST_CASE("sync store: values by namespace, erase, overwrite") {
  for (auto& s : both_stores("values")) {
    REQUIRE(s->put_value("a", "2", "two").has_value());
    REQUIRE(s->put_value("a", "1", "one").has_value());
    REQUIRE(s->put_value("b", "1", "other").has_value());
    REQUIRE(s->put_value("a", "2", "TWO").has_value());
    auto a = s->list_values("a").value();
    REQUIRE(a.size() == 2);
    CHECK(a[0] == StoredValue{"a", "1", "one"});
    CHECK(a[1].value == "TWO");
    REQUIRE(s->erase_value("a", "1").has_value());
    CHECK(s->list_values("a").value().size() == 1);
    CHECK(s->list_values("b").value().size() == 1);
  }
}

TEST_CASE("sqlite store: data survives reopening, in WAL mode") {
  auto path = temp_db("reopen");
  {
    auto s = open_sqlite_store(path).value();
    StoreBatch b;
    b.upserts = {obj(ObjectKind::stage, "lead-new", "", R"({"id":"lead-new","text":"New lead"})")};
    b.values = {{"checkpoint", "sync.watermark", "42"}};
    REQUIRE(s->apply(b).has_value());
    CHECK(std::filesystem::exists(path + "-wal"));  // journal_mode=WAL took effect
  }
  auto s = open_sqlite_store(path).value();
  CHECK(s->checkpoint("sync.watermark").value() == std::optional<std::string>("42"));
  auto snap = s->load_snapshot().value();
  REQUIRE(snap.stages.size() == 1);
  CHECK(snap.stages[0].text == "New lead");
  auto bad = open_sqlite_store("/nonexistent-dir/x/y.db");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == Errc::io_error);
}

TEST_CASE("load_snapshot decodes live objects, names a broken one, skips deleted opportunities' children") {
  for (auto& s : both_stores("snapshot")) {
    StoreBatch b;
    b.upserts = {obj(ObjectKind::opportunity, "o1", "", R"({"id":"o1","name":"Ana","createdAt":1})"),
                 obj(ObjectKind::interview, "i1", "o1", R"({"id":"i1","subject":"Call","date":5,"duration":30})"),
                 obj(ObjectKind::interview, "i2", "o2", R"({"id":"i2","subject":"Gone","date":5,"duration":30})")};
    auto gone = obj(ObjectKind::opportunity, "o2", "", R"({"id":"o2","name":"Bo","deletedAt":9})");
    gone.deleted = true;
    b.upserts.push_back(gone);
    REQUIRE(s->apply(b).has_value());
    auto snap = s->load_snapshot().value();
    REQUIRE(snap.opportunities.size() == 1);
    REQUIRE(snap.interviews.size() == 1);
    CHECK(snap.interviews[0].id == "i1");
    CHECK(snap.interviews[0].opportunity_id == std::optional<std::string>("o1"));  // from the parent
    StoreBatch broken;
    broken.upserts = {obj(ObjectKind::user, "u9", "", R"({"id": 5})")};
    REQUIRE(s->apply(broken).has_value());
    auto r = s->load_snapshot();
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == Errc::decode_error);
    CHECK(r.error().message.find("user u9") != std::string::npos);
  }
}

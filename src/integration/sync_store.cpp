// SyncStore: the parts shared by every store (kind names, conveniences, snapshot decoding) and the
// in-memory store.
#include "leverkit/fmt.hpp"
#include "leverkit/integration/sync_store.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <mutex>
#include <set>
#include <tuple>
#include <utility>

#include <fmt/format.h>

namespace leverkit::inline v0::integration {

namespace {
constexpr std::array<std::pair<ObjectKind, std::string_view>, 6> kKindNames{{
    {ObjectKind::opportunity, "opportunity"},
    {ObjectKind::interview, "interview"},
    {ObjectKind::panel, "panel"},
    {ObjectKind::user, "user"},
    {ObjectKind::posting, "posting"},
    {ObjectKind::stage, "stage"},
}};
}  // namespace

std::string_view to_string(ObjectKind kind) noexcept {
  for (const auto& [k, n] : kKindNames)
    if (k == kind) return n;
  return "unknown";
}

std::optional<ObjectKind> object_kind_from_string(std::string_view name) noexcept {
  for (const auto& [k, n] : kKindNames)
    if (n == name) return k;
  return std::nullopt;
}

Result<void> SyncStore::put_value(std::string_view ns, std::string_view key, std::string_view value) {
  StoreBatch b;
  b.values.push_back({std::string(ns), std::string(key), std::string(value)});
  return apply(b);
}

Result<void> SyncStore::erase_value(std::string_view ns, std::string_view key) {
  StoreBatch b;
  b.erase_values.push_back({std::string(ns), std::string(key), {}});
  return apply(b);
}

Result<bool> SyncStore::claim(std::string_view ns, std::string_view key, std::string_view value) {
  StoreBatch b;
  b.claims.push_back({std::string(ns), std::string(key), std::string(value)});
  auto r = apply(b);
  if (r) return true;
  if (r.error().code == Errc::conflict) return false;
  return std::move(r).error();
}

namespace {

template <class T, class Decode>
Result<void> decode_all(const std::vector<StoredObject>& objects, Decode decode, std::vector<T>& out) {
  out.reserve(out.size() + objects.size());
  for (const auto& o : objects) {
    if (o.deleted) continue;
    auto r = decode(o.json);
    if (!r) {
      Error e = std::move(r).error();
      e.message = fmt::format("stored {} {}: {}", to_string(o.kind), o.id, e.message);
      return e;
    }
    out.push_back(std::move(r).value());
  }
  return success();
}

}  // namespace

Result<match::LeverSnapshot> SyncStore::load_snapshot(const SnapshotOptions& options) const {
  match::LeverSnapshot s;
  LEVERKIT_TRY(opps, list_objects(ObjectKind::opportunity));
  LEVERKIT_TRYV(decode_all(opps, [](std::string_view j) { return decode_opportunity(j); }, s.opportunities));
  std::set<std::string, std::less<>> excluded;  // opportunities whose children stay out
  for (const auto& o : opps)
    if (o.deleted) excluded.insert(o.id);
  if (!options.include_archived) {
    std::erase_if(s.opportunities, [&](const Opportunity& o) {
      if (!o.is_archived()) return false;
      excluded.insert(o.id);
      return true;
    });
  }
  auto child_ok = [&](const StoredObject& o) { return o.parent_id.empty() || !excluded.contains(o.parent_id); };
  LEVERKIT_TRY(ivs, list_objects(ObjectKind::interview));
  std::erase_if(ivs, [&](const StoredObject& o) { return !child_ok(o); });
  LEVERKIT_TRYV(decode_all(ivs, [](std::string_view j) { return decode_interview(j); }, s.interviews));
  for (std::size_t i = 0, j = 0; i < ivs.size(); ++i) {
    if (ivs[i].deleted) continue;
    // The parent is the opportunity the interview was listed under, whatever the body says.
    if (!s.interviews[j].opportunity_id && !ivs[i].parent_id.empty()) s.interviews[j].opportunity_id = ivs[i].parent_id;
    ++j;
  }
  if (!options.include_canceled) std::erase_if(s.interviews, [](const Interview& i) { return i.canceled(); });
  LEVERKIT_TRY(panels, list_objects(ObjectKind::panel));
  std::erase_if(panels, [&](const StoredObject& o) { return !child_ok(o); });
  LEVERKIT_TRYV(decode_all(panels, [](std::string_view j) { return decode_panel(j); }, s.panels));
  LEVERKIT_TRY(users, list_objects(ObjectKind::user));
  LEVERKIT_TRYV(decode_all(users, [](std::string_view j) { return decode_user(j); }, s.users));
  LEVERKIT_TRY(postings, list_objects(ObjectKind::posting));
  LEVERKIT_TRYV(decode_all(postings, [](std::string_view j) { return decode_posting(j); }, s.postings));
  LEVERKIT_TRY(stages, list_objects(ObjectKind::stage));
  LEVERKIT_TRYV(decode_all(stages, [](std::string_view j) { return decode_stage(j); }, s.stages));
  return s;
}

// ---------------------------------------------------------------- the in-memory store

namespace {

class MemoryStore final : public SyncStore {
 public:
  Result<void> apply(const StoreBatch& b) override {
    std::lock_guard lock(mutex_);
    for (const auto& c : b.claims)
      if (values_.contains({c.ns, c.key}))
        return Error(Errc::conflict, fmt::format("store value {}/{} already exists", c.ns, c.key));
    for (const auto& c : b.claims) values_[{c.ns, c.key}] = c.value;
    for (const auto& cs : b.replace_children) {
      for (auto it = objects_.lower_bound({cs.kind, std::string()}); it != objects_.end() && it->first.first == cs.kind;) {
        if (it->second.parent_id == cs.parent_id)
          it = objects_.erase(it);
        else
          ++it;
      }
    }
    for (const auto& r : b.removals) objects_.erase({r.kind, r.id});
    for (const auto& o : b.upserts) objects_[{o.kind, o.id}] = o;
    for (const auto& v : b.erase_values) values_.erase({v.ns, v.key});
    for (const auto& v : b.values) values_[{v.ns, v.key}] = v.value;
    return success();
  }

  Result<std::optional<StoredObject>> get_object(ObjectKind kind, std::string_view id) const override {
    std::lock_guard lock(mutex_);
    auto it = objects_.find({kind, std::string(id)});
    if (it == objects_.end()) return std::optional<StoredObject>{};
    return std::optional<StoredObject>{it->second};
  }

  Result<std::vector<StoredObject>> list_objects(ObjectKind kind, std::optional<std::string_view> parent) const override {
    std::lock_guard lock(mutex_);
    std::vector<StoredObject> out;
    for (auto it = objects_.lower_bound({kind, std::string()}); it != objects_.end() && it->first.first == kind; ++it)
      if (!parent || it->second.parent_id == *parent) out.push_back(it->second);
    return out;
  }

  Result<std::size_t> count_objects(ObjectKind kind) const override {
    std::lock_guard lock(mutex_);
    std::size_t n = 0;
    for (auto it = objects_.lower_bound({kind, std::string()}); it != objects_.end() && it->first.first == kind; ++it)
      if (!it->second.deleted) ++n;
    return n;
  }

  Result<std::optional<std::string>> get_value(std::string_view ns, std::string_view key) const override {
    std::lock_guard lock(mutex_);
    auto it = values_.find({std::string(ns), std::string(key)});
    if (it == values_.end()) return std::optional<std::string>{};
    return std::optional<std::string>{it->second};
  }

  Result<std::vector<StoredValue>> list_values(std::string_view ns) const override {
    std::lock_guard lock(mutex_);
    std::vector<StoredValue> out;
    for (auto it = values_.lower_bound({std::string(ns), std::string()}); it != values_.end() && it->first.first == ns; ++it)
      out.push_back({it->first.first, it->first.second, it->second});
    return out;
  }

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<ObjectKind, std::string>, StoredObject> objects_;
  std::map<std::pair<std::string, std::string>, std::string> values_;
};

}  // namespace

std::shared_ptr<SyncStore> make_memory_store() { return std::make_shared<MemoryStore>(); }

}  // namespace leverkit::integration

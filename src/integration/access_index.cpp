// A snapshot's objects by id for decide_access (leverkit/integration/access_index.hpp).
#include "leverkit/integration/access_index.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace leverkit::inline v0::integration {

struct AccessIndex::Data {
  const match::LeverSnapshot* snap = nullptr;
  // Keys view the snapshot's own id strings: no copies, and stable while the snapshot is.
  std::unordered_map<std::string_view, const Opportunity*> opportunities;
  std::unordered_map<std::string_view, const Interview*> interviews;
  std::unordered_map<std::string_view, const Posting*> postings;
  std::unordered_map<std::string_view, const Panel*> panels;
  std::unordered_map<std::string_view, const User*> users;
  std::unordered_map<std::string_view, std::vector<const Interview*>> panel_interviews;
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> users_by_role;  // positions in snap->users
};

namespace {

template <class T>
void index_by_id(std::unordered_map<std::string_view, const T*>& map, const std::vector<T>& xs) {
  map.reserve(xs.size());
  for (const auto& x : xs)
    if (!x.id.empty()) map.emplace(x.id, &x);  // emplace keeps the first of a repeated id
}

template <class T>
const T* find_in(const std::unordered_map<std::string_view, const T*>& map, std::string_view id) noexcept {
  auto it = map.find(id);
  return it == map.end() ? nullptr : it->second;
}

}  // namespace

AccessIndex::AccessIndex(const match::LeverSnapshot& snap) : data_(std::make_unique<Data>()) {
  auto& d = *data_;
  d.snap = &snap;
  index_by_id(d.opportunities, snap.opportunities);
  index_by_id(d.interviews, snap.interviews);
  index_by_id(d.postings, snap.postings);
  index_by_id(d.panels, snap.panels);
  index_by_id(d.users, snap.users);
  for (const auto& iv : snap.interviews)
    if (iv.panel && !iv.panel->empty()) d.panel_interviews[*iv.panel].push_back(&iv);
  for (std::size_t i = 0; i < snap.users.size(); ++i)
    d.users_by_role[snap.users[i].access_role].push_back(static_cast<std::uint32_t>(i));
}

AccessIndex::AccessIndex(AccessIndex&&) noexcept = default;
AccessIndex& AccessIndex::operator=(AccessIndex&&) noexcept = default;
AccessIndex::~AccessIndex() = default;

const match::LeverSnapshot& AccessIndex::snapshot() const noexcept { return *data_->snap; }

const Opportunity* AccessIndex::opportunity(std::string_view id) const noexcept {
  return find_in(data_->opportunities, id);
}
const Interview* AccessIndex::interview(std::string_view id) const noexcept { return find_in(data_->interviews, id); }
const Posting* AccessIndex::posting(std::string_view id) const noexcept { return find_in(data_->postings, id); }
const Panel* AccessIndex::panel(std::string_view id) const noexcept { return find_in(data_->panels, id); }
const User* AccessIndex::user(std::string_view id) const noexcept { return find_in(data_->users, id); }

std::span<const Interview* const> AccessIndex::panel_interviews(std::string_view panel_id) const noexcept {
  auto it = data_->panel_interviews.find(panel_id);
  if (it == data_->panel_interviews.end()) return {};
  return it->second;
}

std::vector<const User*> AccessIndex::users_with_roles(std::span<const std::string> roles) const {
  std::vector<std::uint32_t> positions;
  for (std::size_t r = 0; r < roles.size(); ++r) {
    if (std::find(roles.begin(), roles.begin() + static_cast<std::ptrdiff_t>(r), roles[r]) !=
        roles.begin() + static_cast<std::ptrdiff_t>(r))
      continue;  // a role listed twice
    if (auto it = data_->users_by_role.find(roles[r]); it != data_->users_by_role.end())
      positions.insert(positions.end(), it->second.begin(), it->second.end());
  }
  std::sort(positions.begin(), positions.end());  // snapshot order, as a scan would give
  std::vector<const User*> out;
  out.reserve(positions.size());
  for (auto p : positions) out.push_back(&data_->snap->users[p]);
  return out;
}

}  // namespace leverkit::integration

#include "store.hpp"

#include <charconv>

namespace leverkit::inline v0::sandbox::detail {

Record& Collection::add(Value v, std::string parent) {
  std::size_t pos = items_.size();
  std::string id = v.str("id");
  if (!parent.empty()) by_parent_[parent].push_back(pos);
  items_.push_back(Record{std::move(v), std::move(parent), false, false, {}, {}});
  index_[std::move(id)] = pos;
  return items_.back();
}

std::optional<std::size_t> Collection::position(std::string_view id) const {
  auto it = index_.find(std::string(id));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

Record* Collection::get(std::string_view id) {
  auto pos = position(id);
  if (!pos || items_[*pos].deleted) return nullptr;
  return &items_[*pos];
}

const Record* Collection::get(std::string_view id) const {
  auto pos = position(id);
  if (!pos || items_[*pos].deleted) return nullptr;
  return &items_[*pos];
}

void Collection::remove(std::string_view id) {
  if (auto pos = position(id)) items_[*pos].deleted = true;
}

const std::vector<std::size_t>& Collection::children(std::string_view parent) const {
  static const std::vector<std::size_t> kNone;
  auto it = by_parent_.find(std::string(parent));
  return it == by_parent_.end() ? kNone : it->second;
}

void Collection::clear() {
  items_.clear();
  index_.clear();
  by_parent_.clear();
}

void Store::clear() {
  for (Collection* c : {&users, &stages, &archive_reasons, &postings, &feedback_templates, &form_templates,
                        &contacts, &opportunities, &deleted_opportunities, &applications, &panels, &interviews,
                        &feedback, &notes, &forms, &webhooks})
    c->clear();
  contact_by_email.clear();
  account_id.clear();
}

std::string encode_cursor(const Cursor& c) {
  std::string json = "[";
  json += std::to_string(c.position);
  json += ',';
  json += std::to_string(c.created_at);
  json += ',';
  write_json_string(json, c.id);
  json += ']';
  return url_encode(json);
}

std::optional<Cursor> decode_cursor(std::string_view token) {
  std::string text;
  if (!token.empty() && token.front() == '[') {
    text = std::string(token);
  } else {
    auto decoded = url_decode(token);
    if (!decoded) return std::nullopt;
    text = std::move(*decoded);
  }
  std::string error;
  auto v = parse_json(text, error);
  if (!v || !v->is_array()) return std::nullopt;
  const auto& a = v->as_array();
  if (a.size() != 3 || !a[0].is_int() || !a[1].is_int() || !a[2].is_string()) return std::nullopt;
  if (a[0].as_int() < 0) return std::nullopt;
  return Cursor{a[0].as_int(), a[1].as_int(), a[2].as_string()};
}

std::uint64_t Rng::next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::string Rng::hex(std::size_t n) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(n, '0');
  std::uint64_t bits = 0;
  int left = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (left == 0) {
      bits = next();
      left = 16;
    }
    out[i] = kHex[bits & 0xF];
    bits >>= 4;
    --left;
  }
  return out;
}

std::string Rng::uuid() {
  std::string h = hex(32);
  h[12] = '4';
  h[16] = "89ab"[next() & 3];
  std::string out;
  out.reserve(36);
  out.append(h, 0, 8).append("-").append(h, 8, 4).append("-").append(h, 12, 4).append("-")
     .append(h, 16, 4).append("-").append(h, 20, 12);
  return out;
}

}  // namespace leverkit::sandbox::detail

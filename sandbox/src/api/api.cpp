// The Api facade and the Impl basics: construction (keys, clients, seeded id sources), the
// clocks, Lever-style error responses, and loading generated data plus --data fixtures.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <filesystem>

#include <fmt/format.h>

#include "api_impl.hpp"
#include "api/scopes.hpp"

namespace leverkit::sandbox::detail {

Api::Impl::Impl(ServerOptions o) : opt(std::move(o)) {
  keys = opt.api_keys;
  if (keys.empty()) {
    keys.push_back(ApiKey{std::string(kFullKey), "full", all_scopes()});
    keys.push_back(ApiKey{std::string(kReadOnlyKey), "read-only", read_scopes()});
  }
  clients = opt.oauth_clients;
  if (clients.empty()) clients.push_back(OAuthClient{std::string(kOAuthClientId), std::string(kOAuthClientSecret), {}});
  for (auto& c : clients)
    if (c.redirect_uris.empty()) c.redirect_uris = kDefaultRedirectUris;
  rate = opt.rate_limit;
  webhook_token = opt.webhook_signature_token;
  if (webhook_token.empty()) webhook_token = Rng(opt.seed ^ 0x77ebb00c5ULL).hex(48);
  write_rng = Rng(opt.seed ^ 0xC0FFEEULL);
  oauth_rng = Rng(opt.seed ^ 0x0A07ULL);
  webhook_rng = Rng(opt.seed ^ 0x1ebe7ULL);
  add_routes();
}

std::int64_t Api::Impl::now_ms() const {
  if (opt.clock) return opt.clock();
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::int64_t Api::Impl::write_clock() {
  std::int64_t t = std::max(now_ms(), last_write_ms + 1);
  last_write_ms = t;
  return t;
}

ApiResponse Api::Impl::json(int status, std::string body) {
  ApiResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

ApiResponse Api::Impl::error(int status, std::string_view code, std::string_view message) {
  std::string out = "{\"code\":";
  write_json_string(out, code);
  out += ",\"message\":";
  write_json_string(out, message);
  out.push_back('}');
  return json(status, std::move(out));
}

void Api::Impl::fail(int status, std::string_view code, std::string message) {
  throw ApiFailure{status, std::string(code), std::move(message)};
}

void Api::Impl::not_found(std::string_view kind, std::string_view id) {
  fail(404, "ResourceNotFound", fmt::format("{} {} was not found", kind, id));
}

void Api::Impl::count_write(std::string_view resource) {
  std::lock_guard lock(stats_mutex);
  ++writes_per_resource[std::string(resource)];
}

Api::Api(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Api::~Api() = default;

const ServerOptions& Api::options() const noexcept { return impl_->opt; }

std::optional<std::string> Api::load() {
  std::unique_lock lock(impl_->store_mutex);
  generate(impl_->store, GeneratorOptions{impl_->opt.seed, impl_->opt.opportunities});
  if (impl_->opt.data_dir.empty()) return std::nullopt;
  // Fixtures: <dir>/<collection>.json holding an array of objects (or {"data": [...]}) appended
  // to the generated data. Sub-resources name their opportunity in "opportunityId".
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(impl_->opt.data_dir, ec)) return "--data: not a directory: " + impl_->opt.data_dir;
  Store& s = impl_->store;
  std::pair<std::string_view, Collection*> files[] = {
      {"users", &s.users},         {"stages", &s.stages},     {"archive_reasons", &s.archive_reasons},
      {"postings", &s.postings},   {"contacts", &s.contacts}, {"opportunities", &s.opportunities},
      {"feedback_templates", &s.feedback_templates},         {"form_templates", &s.form_templates},
      {"applications", &s.applications}, {"panels", &s.panels}, {"interviews", &s.interviews},
      {"feedback", &s.feedback},   {"notes", &s.notes},       {"forms", &s.forms}};
  for (auto [name, coll] : files) {
    fs::path file = fs::path(impl_->opt.data_dir) / (std::string(name) + ".json");
    if (!fs::exists(file, ec)) continue;
    std::ifstream in(file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string err;
    auto doc = parse_json(text, err);
    if (!doc) return fmt::format("{}: invalid JSON: {}", file.string(), err);
    const Value* arr = doc->is_array() ? &*doc : doc->find("data");
    if (!arr || !arr->is_array()) return fmt::format("{}: expected an array or {{\"data\": [...]}}", file.string());
    std::size_t k = 0;
    for (const auto& item : arr->as_array()) {
      if (!item.is_object() || item.str("id").empty())
        return fmt::format("{}: item {} must be an object with a string \"id\"", file.string(), k);
      bool sub = coll == &s.applications || coll == &s.panels || coll == &s.interviews || coll == &s.feedback ||
                 coll == &s.notes || coll == &s.forms;
      std::string parent = sub ? item.str("opportunityId") : std::string();
      if (sub && parent.empty()) return fmt::format("{}: item {} needs \"opportunityId\"", file.string(), k);
      Value v = item;
      if (!v.find("createdAt")) v.set("createdAt", std::int64_t{0});
      Record& r = coll->add(std::move(v), parent);
      if (coll == &s.panels || coll == &s.interviews || coll == &s.feedback || coll == &s.notes) r.value.erase("opportunityId");
      if (coll == &s.interviews) r.value.set("opportunityId", parent);
      ++k;
    }
  }
  return std::nullopt;
}

ApiResponse Api::handle(const ApiRequest& req) { return impl_->dispatch(req); }

}  // namespace leverkit::sandbox::detail

// /v1/postings: list (filters), get, create and update (validated on a copy).
#include <algorithm>

#include <fmt/format.h>

#include "api_impl.hpp"
#include "resources/request_args.hpp"

namespace leverkit::sandbox::detail {

ApiResponse Api::Impl::list_postings(Ctx& ctx) {
  auto states = ctx.params("state");
  auto teams = ctx.params("team");
  auto departments = ctx.params("department");
  auto locations = ctx.params("location");
  auto commitments = ctx.params("commitment");
  auto levels = ctx.params("level");
  auto tags = ctx.params("tag");
  auto channels = ctx.params("distributionChannel");
  std::string conf = std::string(ctx.param("confidentiality").value_or("non-confidential"));
  if (conf != "non-confidential" && conf != "confidential" && conf != "all")
    bad("confidentiality must be confidential, non-confidential or all");
  Range updated = range_of(ctx, "updated_at");
  return list(ctx, store.postings, std::views::iota(std::size_t{0}, store.postings.size()),
              [&](const Record& r) {
                const Value& p = r.value;
                const Value& cat = *p.find("categories");
                if (conf != "all" && p.str("confidentiality") != conf) return false;
                if (!states.empty() && !contains(states, p.str("state"))) return false;
                if (!teams.empty() && !contains(teams, cat.str("team"))) return false;
                if (!departments.empty() && !contains(departments, cat.str("department"))) return false;
                if (!locations.empty() && !contains(locations, cat.str("location"))) return false;
                if (!commitments.empty() && !contains(commitments, cat.str("commitment"))) return false;
                if (!levels.empty() && !contains(levels, cat.str("level"))) return false;
                if (!tags.empty() && std::none_of(tags.begin(), tags.end(), [&](auto t) { return array_has(p.find("tags"), t); }))
                  return false;
                if (!channels.empty() &&
                    std::none_of(channels.begin(), channels.end(),
                                 [&](auto c) { return array_has(p.find("distributionChannels"), c); }))
                  return false;
                return updated.holds(p.find("updatedAt"));
              },
              {{"user", &store.users}, {"owner", &store.users}, {"hiringManager", &store.users}, {"followers", &store.users}});
}

ApiResponse Api::Impl::get_posting(Ctx& ctx) {
  const Record* r = store.postings.get(ctx.args.at(0));
  if (!r) not_found("postings", ctx.args.at(0));
  return single(ctx, r->value,
                {{"user", &store.users}, {"owner", &store.users}, {"hiringManager", &store.users}, {"followers", &store.users}});
}

namespace {
constexpr std::string_view kPostingStates[] = {"published", "internal", "closed", "draft", "pending", "rejected"};

void apply_posting(Store& s, Value& p, const Value& b) {
  if (auto t = opt_string(b, "text")) p.set("text", *t);
  if (auto st = opt_string(b, "state")) {
    if (std::find(std::begin(kPostingStates), std::end(kPostingStates), *st) == std::end(kPostingStates))
      throw ApiFailure{400, "InvalidParameter", "state must be published, internal, closed, draft, pending or rejected"};
    p.set("state", *st);
  }
  if (auto c = opt_string(b, "confidentiality"); c && *c == "confidential")
    throw ApiFailure{400, "InvalidParameter", "confidential postings cannot be created through the API"};
  for (std::string_view key : {"owner", "hiringManager"}) {
    if (auto u = opt_string(b, key)) {
      if (!s.users.get(*u)) throw ApiFailure{400, "InvalidParameter", fmt::format("{} {} was not found", key, *u)};
      p.set(key, *u);
    }
  }
  if (const Value* cat = b.find("categories"); cat && !cat->is_null()) {
    if (!cat->is_object()) throw ApiFailure{400, "InvalidParameter", "categories must be an object"};
    Value& mine = *p.find("categories");
    for (std::string_view key : {"team", "department", "location", "commitment", "level"})
      if (auto v = opt_string(*cat, key)) mine.set(key, *v);
    if (auto loc = opt_string(*cat, "location")) mine.set("allLocations", Value(Array{Value(*loc)}));
  }
  if (b.find("tags")) p.set("tags", to_array(string_array(b, "tags", false)));
  if (auto w = opt_string(b, "workplaceType")) {
    if (*w != "unspecified" && *w != "onsite" && *w != "remote" && *w != "hybrid")
      throw ApiFailure{400, "InvalidParameter", "workplaceType must be unspecified, onsite, remote or hybrid"};
    p.set("workplaceType", *w);
  }
  if (const Value* c = b.find("content"); c && c->is_object()) {
    Value& mine = *p.find("content");
    if (auto d = opt_string(*c, "description")) {
      mine.set("description", *d);
      mine.set("descriptionHtml", fmt::format("<div>{}</div>", *d));
    }
  }
}
}  // namespace

ApiResponse Api::Impl::create_posting(Ctx& ctx) {
  std::string actor = perform_as(ctx, true);
  Value b = body_object(ctx);
  need_string(b, "text");
  std::int64_t now = write_clock();
  std::string id = write_rng.uuid();
  Value p = Value::object();
  p.set("id", id);
  p.set("text", "");
  p.set("createdAt", now);
  p.set("updatedAt", now);
  p.set("state", "draft");
  p.set("distributionChannels", Value(Array{Value("public"), Value("internal")}));
  p.set("confidentiality", "non-confidential");
  p.set("user", actor);
  p.set("owner", actor);
  p.set("hiringManager", Value());
  Value cat = Value::object();
  for (std::string_view key : {"team", "department", "location"}) cat.set(key, "");
  cat.set("allLocations", Value::array());
  cat.set("commitment", "");
  cat.set("level", "");
  p.set("categories", std::move(cat));
  p.set("tags", Value::array());
  Value content = Value::object();
  content.set("description", "");
  content.set("descriptionHtml", "");
  content.set("lists", Value::array());
  content.set("closing", "");
  content.set("closingHtml", "");
  p.set("content", std::move(content));
  p.set("country", Value());
  p.set("followers", Value(Array{Value(actor)}));
  p.set("reqCode", Value());
  p.set("requisitionCodes", Value::array());
  p.set("salaryDescription", "");
  p.set("salaryDescriptionHtml", "");
  p.set("salaryRange", Value());
  Value urls = Value::object();
  urls.set("list", "https://jobs.lever.co/acme-robotics");
  urls.set("show", fmt::format("https://jobs.lever.co/acme-robotics/{}", id));
  urls.set("apply", fmt::format("https://jobs.lever.co/acme-robotics/{}/apply", id));
  p.set("urls", std::move(urls));
  p.set("workplaceType", "unspecified");
  apply_posting(store, p, b);
  Record& r = store.postings.add(std::move(p));
  r.api_created = true;
  return single(ctx, r.value, {}, 201);
}

ApiResponse Api::Impl::update_posting(Ctx& ctx) {
  Record* r = store.postings.get(ctx.args.at(0));
  if (!r) not_found("postings", ctx.args.at(0));
  perform_as(ctx, true);
  Value b = body_object(ctx);
  Value p = r->value;  // validate on a copy: a rejected update changes nothing
  apply_posting(store, p, b);
  p.set("updatedAt", write_clock());
  r->value = std::move(p);
  return single(ctx, r->value, {});
}

}  // namespace leverkit::sandbox::detail

// The Lever resources served by the sandbox, with Lever's shapes and quirks
// (lever-api.md §6 and §8). Handlers run under the store lock taken by Api::Impl::dispatch.
#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "api_impl.hpp"

namespace leverkit::sandbox::detail {
namespace {

std::optional<std::int64_t> to_int(std::string_view s) {
  std::int64_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool contains(const std::vector<std::string_view>& xs, std::string_view x) {
  return std::find(xs.begin(), xs.end(), x) != xs.end();
}

bool array_has(const Value* arr, std::string_view x) {
  if (!arr) return false;
  for (const auto& e : arr->as_array())
    if (e.as_string() == x) return true;
  return false;
}

/// Inclusive ms range filter from `<name>_start` / `<name>_end`.
struct Range {
  std::optional<std::int64_t> start, end;
  [[nodiscard]] bool active() const { return start || end; }
  [[nodiscard]] bool holds(const Value* v) const {
    if (!active()) return true;
    if (!v || !v->is_number()) return false;
    std::int64_t t = v->as_int();
    return (!start || t >= *start) && (!end || t <= *end);
  }
};

Range range_of(const Ctx& ctx, std::string_view name) {
  Range r;
  for (std::string_view suffix : {"_start", "_end"}) {
    std::string key = std::string(name) + std::string(suffix);
    if (auto v = ctx.param(key)) {
      auto n = to_int(*v);
      if (!n) throw ApiFailure{400, "InvalidParameter", fmt::format("{} must be a timestamp in milliseconds", key)};
      (suffix == "_start" ? r.start : r.end) = *n;
    }
  }
  return r;
}

std::optional<bool> bool_param(const Ctx& ctx, std::string_view name) {
  auto v = ctx.param(name);
  if (!v) return std::nullopt;
  if (*v == "true") return true;
  if (*v == "false") return false;
  throw ApiFailure{400, "InvalidParameter", fmt::format("{} must be true or false", name)};
}

const std::string& need_string(const Value& body, std::string_view key) {
  const Value* v = body.find(key);
  if (!v || !v->is_string() || v->as_string().empty())
    throw ApiFailure{400, "InvalidParameter", fmt::format("{} is required and must be a non-empty string", key)};
  return v->as_string();
}

std::optional<std::string> opt_string(const Value& body, std::string_view key) {
  const Value* v = body.find(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_string()) throw ApiFailure{400, "InvalidParameter", fmt::format("{} must be a string", key)};
  return v->as_string();
}

std::optional<std::int64_t> opt_int(const Value& body, std::string_view key) {
  const Value* v = body.find(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_int()) throw ApiFailure{400, "InvalidParameter", fmt::format("{} must be an integer", key)};
  return v->as_int();
}

std::optional<bool> opt_bool(const Value& body, std::string_view key) {
  const Value* v = body.find(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_bool()) throw ApiFailure{400, "InvalidParameter", fmt::format("{} must be a boolean", key)};
  return v->as_bool();
}

std::vector<std::string> string_array(const Value& body, std::string_view key, bool required) {
  const Value* v = body.find(key);
  if (!v || v->is_null()) {
    if (required) throw ApiFailure{400, "InvalidParameter", fmt::format("{} is required (an array of strings)", key)};
    return {};
  }
  if (!v->is_array()) throw ApiFailure{400, "InvalidParameter", fmt::format("{} must be an array of strings", key)};
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v->as_array().size(); ++i) {
    const Value& e = v->as_array()[i];
    if (!e.is_string()) throw ApiFailure{400, "InvalidParameter", fmt::format("{}[{}] must be a string", key, i)};
    out.push_back(e.as_string());
  }
  return out;
}

Value to_array(const std::vector<std::string>& xs) {
  Array a;
  for (const auto& x : xs) a.emplace_back(x);
  return Value(std::move(a));
}

constexpr std::string_view kReminders[] = {"once", "daily", "frequently", "none"};

std::string reminder(const Value& body, std::string_view fallback) {
  auto r = opt_string(body, "feedbackReminder");
  if (!r) return std::string(fallback);
  if (std::find(std::begin(kReminders), std::end(kReminders), *r) == std::end(kReminders))
    throw ApiFailure{400, "InvalidParameter", "feedbackReminder must be once, daily, frequently or none"};
  return *r;
}

}  // namespace

// ---------------------------------------------------------------- handler helpers

Value Api::Impl::body_object(const Ctx& ctx) {
  if (ctx.req.body.empty()) fail(400, "BadRequest", "Request body is required (a JSON object)");
  std::string err;
  auto v = parse_json(ctx.req.body, err);
  if (!v) fail(400, "BadRequest", "Invalid JSON body: " + err);
  if (!v->is_object()) fail(400, "BadRequest", "Invalid JSON body: expected an object");
  return std::move(*v);
}

std::size_t Api::Impl::limit_of(const Ctx& ctx) {
  auto v = ctx.param("limit");
  if (!v) return 100;
  auto n = to_int(*v);
  if (!n || *n < 1 || *n > 100) fail(400, "InvalidParameter", "limit must be an integer between 1 and 100");
  return static_cast<std::size_t>(*n);
}

std::optional<Cursor> Api::Impl::cursor_of(const Ctx& ctx) {
  auto v = ctx.param("offset");
  if (!v) return std::nullopt;
  // Lever only accepts an offset that came from a `next`: an empty one is a client bug (a cursor
  // lost on the way), not "the first page".
  if (v->empty()) fail(400, "InvalidParameter", "offset must not be empty: pass the `next` value of a previous page");
  auto c = decode_cursor(*v);
  if (!c) fail(400, "InvalidParameter", fmt::format("Invalid offset token {}: pass the `next` value of a previous page", *v));
  return c;
}

std::string Api::Impl::perform_as(const Ctx& ctx, bool required) {
  auto v = ctx.param("perform_as");
  if (!v || v->empty()) {
    if (required) fail(400, "InvalidParameter", "perform_as is required: the id of the user on whose behalf to write");
    return {};
  }
  const Record* u = store.users.get(*v);
  if (!u) fail(400, "InvalidParameter", fmt::format("perform_as user {} was not found", *v));
  if (!u->value.find("deactivatedAt")->is_null())
    fail(400, "InvalidParameter", fmt::format("perform_as user {} is deactivated", *v));
  return std::string(*v);
}

void Api::Impl::write_item(std::string& out, const Value& v, const Ctx& ctx, std::initializer_list<Expansion> exp) const {
  auto expand = ctx.params("expand");
  auto include = ctx.params("include");
  if (expand.empty() && include.empty()) {
    write_json(out, v);
    return;
  }
  out.push_back('{');
  bool first = true;
  for (const auto& [k, e] : v.as_object()) {
    const Expansion* x = nullptr;
    if (contains(expand, k))
      for (const auto& cand : exp)
        if (cand.key == k) x = &cand;
    if (!include.empty() && k != "id" && !x && !contains(include, k)) continue;
    if (!first) out.push_back(',');
    first = false;
    write_json_string(out, k);
    out.push_back(':');
    if (!x) {
      write_json(out, e);
    } else if (e.is_string()) {
      const Record* r = x->target->get(e.as_string());
      if (r) write_json(out, r->value);
      else write_json(out, e);
    } else if (e.is_array()) {
      out.push_back('[');
      bool f2 = true;
      for (const auto& id : e.as_array()) {
        if (!f2) out.push_back(',');
        f2 = false;
        const Record* r = id.is_string() ? x->target->get(id.as_string()) : nullptr;
        if (r) write_json(out, r->value);
        else write_json(out, id);
      }
      out.push_back(']');
    } else {
      write_json(out, e);
    }
  }
  out.push_back('}');
}

ApiResponse Api::Impl::single(const Ctx& ctx, const Value& v, std::initializer_list<Expansion> exp, int status,
                              std::string_view extra) {
  std::string out = "{";
  out += extra;
  out += "\"data\":";
  write_item(out, v, ctx, exp);
  out.push_back('}');
  return json(status, std::move(out));
}

Record& Api::Impl::opportunity(const Ctx& ctx) {
  Record* r = store.opportunities.get(ctx.args.at(0));
  if (!r) not_found("opportunities", ctx.args.at(0));
  return *r;
}

Record& Api::Impl::child(Collection& c, const Ctx& ctx, std::string_view kind) {
  opportunity(ctx);
  Record* r = c.get(ctx.args.at(1));
  if (!r || r->parent != ctx.args.at(0)) not_found(kind, ctx.args.at(1));
  return *r;
}

Value Api::Impl::panel_view(const Value& panel) const {
  Value out = panel;
  Array interviews;
  const std::string& pid = panel.str("id");
  // Interviews of a panel belong to the same opportunity; walk that opportunity's interviews.
  std::string opp;
  if (auto pos = store.panels.position(pid)) opp = store.panels.at(*pos).parent;
  for (std::size_t pos : store.interviews.children(opp)) {
    const Record& r = store.interviews.at(pos);
    if (r.deleted || r.value.str("panel") != pid) continue;
    const Value& iv = r.value;
    Value small = Value::object();
    small.set("id", iv.str("id"));
    small.set("date", *iv.find("date"));
    small.set("duration", *iv.find("duration"));
    small.set("feedbackReminder", *iv.find("feedbackReminder"));
    const Value* ft = iv.find("feedbackTemplate");
    small.set("feedbackTemplate", ft && ft->is_string() ? *ft : Value("no-feedback"));
    Array who;
    for (const auto& person : iv.find("interviewers")->as_array()) {
      Value p = Value::object();
      p.set("id", person.str("id"));
      p.set("email", person.str("email"));
      p.set("name", person.str("name"));
      p.set("responseStatus", "needsAction");
      p.set("feedbackTemplate", *person.find("feedbackTemplate"));
      who.push_back(std::move(p));
    }
    small.set("interviewers", Value(std::move(who)));
    small.set("location", *iv.find("location"));
    small.set("note", iv.str("note").empty() ? Value() : Value(iv.str("note")));
    small.set("subject", iv.str("subject"));
    interviews.push_back(std::move(small));
  }
  // Keep Lever's key order: interviews sit between feedbackReminder and note.
  Object ordered;
  for (auto& [k, v] : out.object_ref()) {
    if (k == "note") ordered.emplace_back("interviews", Value(std::move(interviews)));
    ordered.emplace_back(k, std::move(v));
  }
  return Value(std::move(ordered));
}


// ---------------------------------------------------------------- opportunities

ApiResponse Api::Impl::list_opportunities(Ctx& ctx) {
  auto tags = ctx.params("tag");
  auto emails = ctx.params("email");
  auto origins = ctx.params("origin");
  auto sources = ctx.params("source");
  auto stages = ctx.params("stage_id");
  auto postings = ctx.params("posting_id");
  auto archived_postings = ctx.params("archived_posting_id");
  auto reasons = ctx.params("archive_reason_id");
  auto contacts = ctx.params("contact_id");
  auto locations = ctx.params("location");
  std::string conf = std::string(ctx.param("confidentiality").value_or("non-confidential"));
  if (conf != "non-confidential" && conf != "confidential" && conf != "all")
    bad("confidentiality must be confidential, non-confidential or all");
  Range created = range_of(ctx, "created_at"), updated = range_of(ctx, "updated_at"),
        advanced = range_of(ctx, "advanced_at"), archived_at = range_of(ctx, "archived_at");
  auto archived = bool_param(ctx, "archived");
  auto snoozed = bool_param(ctx, "snoozed");
  std::vector<std::string> lowered_emails;
  for (auto e : emails) lowered_emails.push_back(lower(e));
  std::int64_t now = now_ms();
  auto keep = [&](const Record& r) {
    const Value& o = r.value;
    if (conf != "all" && o.str("confidentiality") != conf) return false;
    if (!tags.empty() && std::none_of(tags.begin(), tags.end(), [&](auto t) { return array_has(o.find("tags"), t); }))
      return false;
    if (!sources.empty() &&
        std::none_of(sources.begin(), sources.end(), [&](auto t) { return array_has(o.find("sources"), t); }))
      return false;
    if (!origins.empty() && !contains(origins, o.str("origin"))) return false;
    if (!stages.empty() && !contains(stages, o.str("stage"))) return false;
    if (!contacts.empty() && !contains(contacts, o.str("contact"))) return false;
    if (!locations.empty() && !contains(locations, o.str("opportunityLocation")) && !contains(locations, o.str("location")))
      return false;
    const Value* arch = o.find("archived");
    bool is_archived = arch && arch->is_object();
    if (!postings.empty() && (is_archived || !contains(postings, r.posting))) return false;
    if (!archived_postings.empty() && (!is_archived || !contains(archived_postings, r.posting))) return false;
    if (archived && *archived != is_archived) return false;
    if (!reasons.empty() && (!is_archived || !contains(reasons, arch->str("reason")))) return false;
    if (archived_at.active() && !(is_archived && archived_at.holds(arch->find("archivedAt")))) return false;
    if (!created.holds(o.find("createdAt")) || !updated.holds(o.find("updatedAt")) ||
        !advanced.holds(o.find("lastAdvancedAt")))
      return false;
    if (snoozed) {
      const Value* s = o.find("snoozedUntil");
      bool is_snoozed = s && s->is_number() && s->as_int() > now;
      if (*snoozed != is_snoozed) return false;
    }
    if (!lowered_emails.empty()) {
      bool any = false;
      for (const auto& e : o.find("emails")->as_array())
        if (std::find(lowered_emails.begin(), lowered_emails.end(), lower(e.as_string())) != lowered_emails.end()) any = true;
      if (!any) return false;
    }
    return true;
  };
  return list(ctx, store.opportunities, std::views::iota(std::size_t{0}, store.opportunities.size()), keep,
              {{"applications", &store.applications}, {"stage", &store.stages}, {"owner", &store.users},
               {"followers", &store.users}, {"sourcedBy", &store.users}, {"contact", &store.contacts}});
}

ApiResponse Api::Impl::list_deleted_opportunities(Ctx& ctx) {
  Range deleted = range_of(ctx, "deleted_at");
  return list(ctx, store.deleted_opportunities, std::views::iota(std::size_t{0}, store.deleted_opportunities.size()),
              [&](const Record& r) { return deleted.holds(r.value.find("deletedAt")); }, {});
}

ApiResponse Api::Impl::get_opportunity(Ctx& ctx) {
  return single(ctx, opportunity(ctx).value,
                {{"applications", &store.applications}, {"stage", &store.stages}, {"owner", &store.users},
                 {"followers", &store.users}, {"sourcedBy", &store.users}, {"contact", &store.contacts}});
}

Value Api::Impl::opportunity_write_view(const Value& opp) const {
  // Lever's stage/archive write responses blank the contact fields (lever-api.md §6.1).
  Value v = opp;
  v.set("name", "");
  v.set("headline", "");
  v.set("emails", Value::array());
  v.set("phones", Value::array());
  return v;
}

Value Api::Impl::event_ids(const Record& opp) const {
  Value d = Value::object();
  d.set("opportunityId", opp.value.str("id"));
  d.set("candidateId", opp.value.str("id"));
  d.set("contactId", opp.value.str("contact"));
  return d;
}

ApiResponse Api::Impl::create_opportunity(Ctx& ctx) {
  std::string actor = perform_as(ctx, true);
  Value b = body_object(ctx);
  std::string name = opt_string(b, "name").value_or("");
  std::string headline = opt_string(b, "headline").value_or("");
  std::string location = opt_string(b, "location").value_or("");
  std::vector<std::string> emails = string_array(b, "emails", false);
  std::vector<std::string> links = string_array(b, "links", false);
  std::vector<std::string> tags = string_array(b, "tags", false);
  std::vector<std::string> sources = string_array(b, "sources", false);
  std::vector<std::string> postings = string_array(b, "postings", false);
  std::vector<std::string> followers = string_array(b, "followers", false);
  if (postings.size() > 1) bad("postings accepts exactly one posting id");
  if (!postings.empty() && !store.postings.get(postings[0])) bad(fmt::format("posting {} was not found", postings[0]));
  std::string stage = opt_string(b, "stage").value_or("lead-new");
  if (!store.stages.get(stage)) bad(fmt::format("stage {} was not found", stage));
  std::string origin = opt_string(b, "origin").value_or("sourced");
  {
    constexpr std::string_view kOrigins[] = {"agency", "applied", "internal", "referred", "sourced", "university"};
    if (std::find(std::begin(kOrigins), std::end(kOrigins), origin) == std::end(kOrigins))
      bad("origin must be one of agency, applied, internal, referred, sourced, university");
  }
  std::string owner = opt_string(b, "owner").value_or(actor);
  if (!store.users.get(owner)) bad(fmt::format("owner {} was not found", owner));
  Array phones;
  if (const Value* ph = b.find("phones"); ph && !ph->is_null()) {
    if (!ph->is_array()) bad("phones must be an array of {type, value} objects");
    for (const auto& p : ph->as_array()) {
      if (!p.is_object() || !p.find("value") || !p.find("value")->is_string())
        bad("phones[] must be objects with a string value");
      phones.push_back(p);
    }
  }
  if (name.empty() && emails.empty()) bad("name or emails is required");
  std::int64_t now = write_clock();
  std::optional<std::int64_t> created = opt_int(b, "createdAt");
  // E-mail match: the new opportunity joins the existing contact (Lever's dedupe).
  bool deduped = false;
  std::string contact_id;
  if (auto c = opt_string(b, "contact")) {
    if (!store.contacts.get(*c)) bad(fmt::format("contact {} was not found", *c));
    contact_id = *c;
  }
  for (const auto& e : emails) {
    if (!contact_id.empty()) break;
    if (auto it = store.contact_by_email.find(e); it != store.contact_by_email.end()) {
      contact_id = it->second;
      deduped = true;
    }
  }
  bool new_contact = contact_id.empty();
  if (new_contact) {
    contact_id = write_rng.uuid();
    Value c = Value::object();
    c.set("id", contact_id);
    c.set("name", name);
    c.set("headline", headline);
    c.set("isAnonymized", false);
    Value loc = Value::object();
    loc.set("name", location);
    c.set("location", std::move(loc));
    c.set("emails", to_array(emails));
    c.set("phones", Value(phones));
    c.set("createdAt", now);
    store.contacts.add(std::move(c));
    for (const auto& e : emails) store.contact_by_email[e] = contact_id;
  }
  std::string id = write_rng.uuid();
  Value o = Value::object();
  o.set("id", id);
  o.set("name", name);
  o.set("contact", contact_id);
  o.set("headline", headline);
  o.set("stage", stage);
  o.set("confidentiality", "non-confidential");
  o.set("location", location);
  o.set("phones", Value(std::move(phones)));
  o.set("emails", to_array(emails));
  o.set("links", to_array(links));
  Value archived;
  if (const Value* a = b.find("archived"); a && a->is_object()) {
    const std::string& reason = a->str("reason");
    if (!store.archive_reasons.get(reason)) bad(fmt::format("archived.reason {} was not found", reason));
    archived = Value::object();
    archived.set("reason", reason);
    archived.set("archivedAt", a->find("archivedAt") && a->find("archivedAt")->is_int() ? a->num("archivedAt") : now);
  }
  o.set("archived", archived);
  o.set("tags", to_array(tags));
  o.set("sources", to_array(sources));
  Value change = Value::object();
  change.set("toStageId", stage);
  change.set("toStageIndex", static_cast<std::int64_t>(*store.stages.position(stage)));
  change.set("updatedAt", now);
  change.set("userId", actor);
  o.set("stageChanges", Value(Array{std::move(change)}));
  o.set("origin", origin);
  o.set("sourcedBy", origin == "sourced" ? Value(actor) : Value());
  o.set("owner", owner);
  if (followers.empty()) followers.push_back(owner);
  o.set("followers", to_array(followers));
  std::string app_id;
  if (!postings.empty()) app_id = write_rng.uuid();
  o.set("applications", app_id.empty() ? Value::array() : Value(Array{Value(app_id)}));
  o.set("createdAt", created.value_or(now));
  o.set("updatedAt", now);
  o.set("lastInteractionAt", now);
  o.set("lastAdvancedAt", now);
  o.set("snoozedUntil", Value());
  Value urls = Value::object();
  urls.set("list", "https://hire.lever.co/candidates");
  urls.set("show", fmt::format("https://hire.lever.co/candidates/{}", id));
  o.set("urls", std::move(urls));
  o.set("isAnonymized", false);
  o.set("dataProtection", Value());
  o.set("opportunityLocation",
        postings.empty() ? Value("") : Value(store.postings.get(postings[0])->value.find("categories")->str("location")));
  // Keep list order by creation: a back-dated createdAt still goes to the end of the list, but
  // the cursor carries the stored createdAt, so it stays consistent.
  Record& rec = store.opportunities.add(std::move(o));
  if (!postings.empty()) {
    rec.posting = postings[0];
    const Value& posting = store.postings.get(postings[0])->value;
    Value a = Value::object();
    a.set("id", app_id);
    a.set("opportunityId", id);
    a.set("candidateId", id);
    a.set("createdAt", now);
    a.set("type", "user");
    a.set("posting", postings[0]);
    a.set("postingHiringManager", *posting.find("hiringManager"));
    a.set("postingOwner", posting.str("owner"));
    a.set("user", actor);
    a.set("name", name);
    a.set("email", emails.empty() ? std::string() : emails[0]);
    a.set("phone", Value());
    a.set("company", "");
    a.set("links", to_array(links));
    a.set("comments", Value());
    a.set("customQuestions", Value::array());
    a.set("archived", Value());
    a.set("requisitionForHire", Value());
    store.applications.add(std::move(a), id);
  }
  rec.api_created = true;
  Value ev = event_ids(rec);
  if (!app_id.empty()) {
    ev.set("applicationId", app_id);
    emit("applicationCreated", ev);
  }
  if (new_contact) {
    Value c = Value::object();
    c.set("contactId", contact_id);
    emit("contactCreated", std::move(c));
  }
  return single(ctx, rec.value, {}, 201, deduped ? "\"deduped\":true," : "\"deduped\":false,");
}

ApiResponse Api::Impl::update_stage(Ctx& ctx) {
  Record& r = opportunity(ctx);
  std::string actor = perform_as(ctx, false);
  Value b = body_object(ctx);
  const std::string& stage = need_string(b, "stage");
  auto pos = store.stages.position(stage);
  if (!pos || !store.stages.get(stage)) bad(fmt::format("stage {} was not found", stage));
  std::string from = r.value.str("stage");
  std::int64_t now = write_clock();
  r.value.set("stage", stage);
  Value change = Value::object();
  change.set("toStageId", stage);
  change.set("toStageIndex", static_cast<std::int64_t>(*pos));
  change.set("updatedAt", now);
  change.set("userId", actor.empty() ? Value() : Value(actor));
  r.value.find("stageChanges")->push_back(std::move(change));
  r.value.set("lastAdvancedAt", now);
  r.value.set("updatedAt", now);
  Value ev = event_ids(r);
  ev.set("toStageId", stage);
  ev.set("fromStageId", from);
  emit("candidateStageChange", std::move(ev));
  return single(ctx, opportunity_write_view(r.value), {});
}

ApiResponse Api::Impl::update_archived(Ctx& ctx) {
  Record& r = opportunity(ctx);
  perform_as(ctx, false);
  Value b = body_object(ctx);
  const Value* reason = b.find("reason");
  if (!reason) bad("reason is required (an archive reason id, or null to unarchive)");
  std::int64_t now = write_clock();
  Value from = *r.value.find("archived");
  if (reason->is_null()) {
    r.value.set("archived", Value());
  } else {
    if (!reason->is_string()) bad("reason must be an archive reason id or null");
    const Record* ar = store.archive_reasons.get(reason->as_string());
    if (!ar) bad(fmt::format("archive reason {} was not found", reason->as_string()));
    Value a = Value::object();
    a.set("reason", reason->as_string());
    a.set("archivedAt", now);
    r.value.set("archived", std::move(a));
    if (opt_bool(b, "cleanInterviews").value_or(false)) {
      for (std::size_t pos : store.interviews.children(r.value.str("id"))) {
        Record& iv = store.interviews.at(pos);
        if (!iv.deleted && iv.value.num("date") > now) iv.value.set("canceledAt", now);
      }
    }
    if (ar->value.str("type") == "hired") emit("candidateHired", event_ids(r));
  }
  r.value.set("updatedAt", now);
  Value ev = event_ids(r);
  ev.set("fromArchived", std::move(from));
  ev.set("toArchived", *r.value.find("archived"));
  emit("candidateArchiveChange", std::move(ev));
  return single(ctx, opportunity_write_view(r.value), {});
}

ApiResponse Api::Impl::edit_list(Ctx& ctx, std::string_view field, bool add) {
  Record& r = opportunity(ctx);
  perform_as(ctx, false);
  Value b = body_object(ctx);
  std::vector<std::string> xs = string_array(b, field, true);
  Value& arr = *r.value.find(field);
  for (const auto& x : xs) {
    auto& a = arr.array_ref();
    auto it = std::find_if(a.begin(), a.end(), [&](const Value& v) { return v.as_string() == x; });
    if (add && it == a.end()) a.emplace_back(x);
    if (!add && it != a.end()) a.erase(it);
  }
  r.value.set("updatedAt", write_clock());
  return single(ctx, r.value, {});
}

ApiResponse Api::Impl::add_tags(Ctx& ctx) { return edit_list(ctx, "tags", true); }
ApiResponse Api::Impl::remove_tags(Ctx& ctx) { return edit_list(ctx, "tags", false); }
ApiResponse Api::Impl::add_links(Ctx& ctx) { return edit_list(ctx, "links", true); }
ApiResponse Api::Impl::remove_links(Ctx& ctx) { return edit_list(ctx, "links", false); }
ApiResponse Api::Impl::add_sources(Ctx& ctx) { return edit_list(ctx, "sources", true); }
ApiResponse Api::Impl::remove_sources(Ctx& ctx) { return edit_list(ctx, "sources", false); }

// ---------------------------------------------------------------- applications, contacts

ApiResponse Api::Impl::list_applications(Ctx& ctx) {
  Record& o = opportunity(ctx);
  return list(ctx, store.applications, store.applications.children(o.value.str("id")), [](const Record&) { return true; },
              {{"posting", &store.postings}, {"postingOwner", &store.users}, {"postingHiringManager", &store.users},
               {"user", &store.users}});
}

ApiResponse Api::Impl::get_application(Ctx& ctx) {
  return single(ctx, child(store.applications, ctx, "applications").value,
                {{"posting", &store.postings}, {"postingOwner", &store.users}, {"postingHiringManager", &store.users},
                 {"user", &store.users}});
}

ApiResponse Api::Impl::get_contact(Ctx& ctx) {
  const Record* c = store.contacts.get(ctx.args.at(0));
  if (!c) not_found("contacts", ctx.args.at(0));
  return single(ctx, c->value, {});
}

ApiResponse Api::Impl::update_contact(Ctx& ctx) {
  Record* c = store.contacts.get(ctx.args.at(0));
  if (!c) not_found("contacts", ctx.args.at(0));
  Value b = body_object(ctx);
  if (auto v = opt_string(b, "name")) c->value.set("name", *v);
  if (auto v = opt_string(b, "headline")) c->value.set("headline", *v);
  if (auto v = opt_string(b, "location")) {
    Value loc = Value::object();
    loc.set("name", *v);
    c->value.set("location", std::move(loc));
  }
  if (b.find("emails")) {
    auto emails = string_array(b, "emails", false);
    c->value.set("emails", to_array(emails));
    for (const auto& e : emails) store.contact_by_email[e] = c->value.str("id");
  }
  if (const Value* ph = b.find("phones")) {
    if (!ph->is_array()) bad("phones must be an array of {type, value} objects");
    for (const auto& p : ph->as_array())
      if (!p.is_object() || !p.find("value") || !p.find("value")->is_string()) bad("phones[] must be objects with a string value");
    c->value.set("phones", *ph);
  }
  Value ev = Value::object();
  ev.set("contactId", c->value.str("id"));
  emit("contactUpdated", std::move(ev));
  return single(ctx, c->value, {});
}

// ---------------------------------------------------------------- interviews and panels

namespace {
void recompute_panel_times(Store& s, Record& panel) {
  std::int64_t start = 0, end = 0;
  bool any = false;
  for (std::size_t pos : s.interviews.children(panel.parent)) {
    const Record& r = s.interviews.at(pos);
    if (r.deleted || r.value.str("panel") != panel.value.str("id")) continue;
    std::int64_t d = r.value.num("date");
    std::int64_t e = d + r.value.num("duration") * 60'000;
    start = any ? std::min(start, d) : d;
    end = any ? std::max(end, e) : e;
    any = true;
  }
  if (any) {
    panel.value.set("start", start);
    panel.value.set("end", end);
  }
}

std::size_t live_interviews(const Store& s, const Record& panel) {
  std::size_t n = 0;
  for (std::size_t pos : s.interviews.children(panel.parent)) {
    const Record& r = s.interviews.at(pos);
    if (!r.deleted && r.value.str("panel") == panel.value.str("id")) ++n;
  }
  return n;
}
}  // namespace

Value Api::Impl::make_interview(const Ctx& ctx, const Value& in, const std::string& opp_id, const std::string& panel_id,
                                const std::string& creator, std::string_view default_reminder, const std::string& id,
                                std::int64_t created, const Value& panel) {
  (void)ctx;
  if (!in.is_object()) bad("each interview must be an object");
  const Value* who = in.find("interviewers");
  if (!who || !who->is_array() || who->as_array().empty())
    bad("interviewers is required: a non-empty array of {id, feedbackTemplate}");
  auto date = opt_int(in, "date");
  if (!date) bad("date is required (ms since the epoch)");
  auto duration = opt_int(in, "duration");
  if (!duration || *duration < 1) bad("duration is required (minutes, at least 1)");
  std::optional<std::string> tmpl = opt_string(in, "feedbackTemplate");
  if (tmpl && *tmpl != "no-feedback" && !store.feedback_templates.get(*tmpl))
    bad(fmt::format("feedbackTemplate {} was not found", *tmpl));
  Array interviewers;
  for (std::size_t i = 0; i < who->as_array().size(); ++i) {
    const Value& w = who->as_array()[i];
    if (!w.is_object() || !w.find("id") || !w.find("id")->is_string())
      bad(fmt::format("interviewers[{}].id is required", i));
    const Record* u = store.users.get(w.str("id"));
    if (!u) bad(fmt::format("interviewers[{}]: user {} was not found", i, w.str("id")));
    std::string ft = w.str("feedbackTemplate");
    if (ft.empty()) ft = tmpl.value_or("no-feedback");
    if (ft != "no-feedback" && !store.feedback_templates.get(ft))
      bad(fmt::format("interviewers[{}].feedbackTemplate {} was not found", i, ft));
    Value p = Value::object();
    p.set("id", w.str("id"));
    p.set("name", u->value.str("name"));
    p.set("email", u->value.str("email"));
    p.set("feedbackTemplate", ft);
    interviewers.push_back(std::move(p));
  }
  const Record& opp = *store.opportunities.get(opp_id);
  Array postings;
  for (std::size_t pos : store.applications.children(opp_id))
    if (!store.applications.at(pos).deleted) postings.emplace_back(store.applications.at(pos).value.str("posting"));
  Value iv = Value::object();
  iv.set("id", id);
  iv.set("panel", panel_id);
  iv.set("subject", opt_string(in, "subject").value_or(""));
  iv.set("note", opt_string(in, "note").value_or(""));
  iv.set("interviewers", Value(std::move(interviewers)));
  iv.set("timezone", panel.str("timezone"));
  iv.set("createdAt", created);
  iv.set("date", *date);
  iv.set("duration", *duration);
  auto loc = opt_string(in, "location");
  iv.set("location", loc ? Value(*loc) : Value());
  iv.set("feedbackTemplate", tmpl ? Value(*tmpl) : Value());
  iv.set("feedbackForms", Value::array());
  iv.set("feedbackReminder", reminder(in, default_reminder));
  iv.set("user", creator);
  iv.set("stage", opp.value.str("stage"));
  iv.set("canceledAt", Value());
  iv.set("postings", Value(std::move(postings)));
  iv.set("gcalEventUrl", Value());
  iv.set("opportunityId", opp_id);
  return iv;
}

ApiResponse Api::Impl::list_interviews(Ctx& ctx) {
  Record& o = opportunity(ctx);
  return list(ctx, store.interviews, store.interviews.children(o.value.str("id")), [](const Record&) { return true; },
              {{"user", &store.users}, {"stage", &store.stages}, {"postings", &store.postings},
               {"feedbackForms", &store.feedback}});
}

ApiResponse Api::Impl::get_interview(Ctx& ctx) {
  return single(ctx, child(store.interviews, ctx, "interviews").value,
                {{"user", &store.users}, {"stage", &store.stages}, {"postings", &store.postings},
                 {"feedbackForms", &store.feedback}});
}

ApiResponse Api::Impl::create_interview(Ctx& ctx) {
  Record& o = opportunity(ctx);
  std::string actor = perform_as(ctx, true);
  Value b = body_object(ctx);
  const std::string& panel_id = need_string(b, "panel");
  Record* panel = store.panels.get(panel_id);
  if (!panel || panel->parent != o.value.str("id")) bad(fmt::format("panel {} was not found on this opportunity", panel_id));
  if (!panel->value.find("externallyManaged")->as_bool())
    fail(403, "Forbidden", "Interviews can only be created on externally managed panels");
  std::int64_t now = write_clock();
  Value iv = make_interview(ctx, b, o.value.str("id"), panel_id, actor, "frequently", write_rng.uuid(), now, panel->value);
  Record& rec = store.interviews.add(std::move(iv), o.value.str("id"));
  rec.api_created = true;
  recompute_panel_times(store, *panel);
  Value ev = event_ids(o);
  ev.set("interviewId", rec.value.str("id"));
  ev.set("panelId", panel_id);
  emit("interviewCreated", std::move(ev));
  return single(ctx, rec.value, {}, 201);
}

ApiResponse Api::Impl::update_interview(Ctx& ctx) {
  Record& rec = child(store.interviews, ctx, "interviews");
  std::string actor = perform_as(ctx, true);
  Value b = body_object(ctx);
  Record* panel = store.panels.get(rec.value.str("panel"));
  if (!panel || !panel->value.find("externallyManaged")->as_bool())
    fail(403, "Forbidden", "Only interviews on externally managed panels can be changed through the API");
  if (auto p = opt_string(b, "panel"); p && *p != rec.value.str("panel"))
    bad("panel cannot be changed; delete the interview and create it on the other panel");
  // PUT is a whole-object replace: every field not sent is reset (lever-api.md §6.9).
  Value iv = make_interview(ctx, b, rec.parent, rec.value.str("panel"), rec.value.str("user"), "frequently",
                            rec.value.str("id"), rec.value.num("createdAt"), panel->value);
  iv.set("feedbackForms", *rec.value.find("feedbackForms"));
  (void)actor;
  rec.value = std::move(iv);
  write_clock();
  recompute_panel_times(store, *panel);
  Value ev = event_ids(*store.opportunities.get(rec.parent));
  ev.set("interviewId", rec.value.str("id"));
  ev.set("panelId", rec.value.str("panel"));
  emit("interviewUpdated", std::move(ev));
  return single(ctx, rec.value, {});
}

ApiResponse Api::Impl::delete_interview(Ctx& ctx) {
  Record& rec = child(store.interviews, ctx, "interviews");
  perform_as(ctx, true);
  Record* panel = store.panels.get(rec.value.str("panel"));
  if (!panel || !panel->value.find("externallyManaged")->as_bool())
    fail(403, "Forbidden", "Only interviews on externally managed panels can be deleted through the API");
  std::string id = rec.value.str("id");
  store.interviews.remove(id);
  // Deleting the last interview deletes the panel.
  if (live_interviews(store, *panel) == 0) store.panels.remove(panel->value.str("id"));
  else recompute_panel_times(store, *panel);
  write_clock();
  Value ev = event_ids(*store.opportunities.get(rec.parent));
  ev.set("interviewId", id);
  ev.set("panelId", rec.value.str("panel"));
  emit("interviewDeleted", std::move(ev));
  return json(204, "");
}

ApiResponse Api::Impl::list_panels(Ctx& ctx) {
  Record& o = opportunity(ctx);
  return list(ctx, store.panels, store.panels.children(o.value.str("id")), [](const Record&) { return true; },
              {{"stage", &store.stages}, {"user", &store.users}}, false,
              [this](const Value& v) { return panel_view(v); });
}

ApiResponse Api::Impl::get_panel(Ctx& ctx) {
  return single(ctx, panel_view(child(store.panels, ctx, "panels").value), {{"stage", &store.stages}, {"user", &store.users}});
}

namespace {
Value panel_applications(const Store& s, const Value& body, const std::string& opp_id) {
  const Value* apps = body.find("applications");
  if (!apps || apps->is_null()) {
    Array all;
    for (std::size_t pos : s.applications.children(opp_id))
      if (!s.applications.at(pos).deleted) all.emplace_back(s.applications.at(pos).value.str("id"));
    return Value(std::move(all));
  }
  if (!apps->is_array() || apps->as_array().empty())
    throw ApiFailure{400, "InvalidParameter", "applications must be a non-empty array of application ids"};
  for (const auto& a : apps->as_array()) {
    const Record* r = a.is_string() ? s.applications.get(a.as_string()) : nullptr;
    if (!r || r->parent != opp_id)
      throw ApiFailure{400, "InvalidParameter", fmt::format("application {} does not belong to this opportunity", to_json(a))};
  }
  return *apps;
}
}  // namespace

ApiResponse Api::Impl::create_panel(Ctx& ctx) {
  Record& o = opportunity(ctx);
  std::string actor = perform_as(ctx, true);
  Value b = body_object(ctx);
  const std::string& tz = need_string(b, "timezone");
  const Value* ivs = b.find("interviews");
  if (!ivs || !ivs->is_array() || ivs->as_array().empty()) bad("interviews is required: a non-empty array");
  std::string opp_id = o.value.str("id");
  std::int64_t now = write_clock();
  std::string reminder_value = reminder(b, "daily");
  Value p = Value::object();
  std::string panel_id = write_rng.uuid();
  p.set("id", panel_id);
  p.set("applications", panel_applications(store, b, opp_id));
  p.set("canceledAt", Value());
  p.set("createdAt", now);
  p.set("end", std::int64_t{0});
  p.set("externallyManaged", true);
  auto ext = opt_string(b, "externalUrl");
  p.set("externalUrl", ext ? Value(*ext) : Value());
  p.set("feedbackReminder", reminder_value);
  auto note = opt_string(b, "note");
  p.set("note", note ? Value(*note) : Value());
  p.set("stage", o.value.str("stage"));
  p.set("start", std::int64_t{0});
  p.set("timezone", tz);
  p.set("user", actor);
  // Validate every interview before storing anything.
  std::vector<Value> made;
  for (std::size_t i = 0; i < ivs->as_array().size(); ++i) {
    try {
      made.push_back(make_interview(ctx, ivs->as_array()[i], opp_id, panel_id, actor, reminder_value, write_rng.uuid(),
                                    now, p));
    } catch (ApiFailure& f) {
      f.message = fmt::format("interviews[{}]: {}", i, f.message);
      throw;
    }
  }
  Record& prec = store.panels.add(std::move(p), opp_id);
  prec.api_created = true;
  for (auto& iv : made) {
    Value ev = event_ids(o);
    ev.set("interviewId", iv.str("id"));
    ev.set("panelId", panel_id);
    store.interviews.add(std::move(iv), opp_id).api_created = true;
    emit("interviewCreated", std::move(ev));
  }
  Record& panel = *store.panels.get(panel_id);
  recompute_panel_times(store, panel);
  return single(ctx, panel_view(panel.value), {}, 201);
}

ApiResponse Api::Impl::update_panel(Ctx& ctx) {
  Record& panel = child(store.panels, ctx, "panels");
  std::string actor = perform_as(ctx, true);
  if (!panel.value.find("externallyManaged")->as_bool())
    fail(403, "Forbidden", "Only externally managed panels can be changed through the API");
  Value b = body_object(ctx);
  const std::string& tz = need_string(b, "timezone");
  const Value* ivs = b.find("interviews");
  if (!ivs || !ivs->is_array() || ivs->as_array().empty()) bad("interviews is required: a non-empty array");
  std::string opp_id = panel.parent;
  std::string panel_id = panel.value.str("id");
  std::string reminder_value = reminder(b, "daily");
  Value p = panel.value;
  p.set("applications", panel_applications(store, b, opp_id));
  auto ext = opt_string(b, "externalUrl");
  p.set("externalUrl", ext ? Value(*ext) : Value());
  p.set("feedbackReminder", reminder_value);
  auto note = opt_string(b, "note");
  p.set("note", note ? Value(*note) : Value());
  p.set("timezone", tz);
  std::int64_t now = write_clock();
  // Existing interviews keep their id; new ones must have none; the rest are deleted.
  std::vector<std::pair<Record*, Value>> replaced;
  std::vector<Value> added;
  std::vector<std::string> kept;
  for (std::size_t i = 0; i < ivs->as_array().size(); ++i) {
    const Value& in = ivs->as_array()[i];
    try {
      if (auto id = in.is_object() ? opt_string(in, "id") : std::nullopt) {
        Record* r = store.interviews.get(*id);
        if (!r || r->value.str("panel") != panel_id) bad(fmt::format("interview {} is not on this panel", *id));
        Value iv = make_interview(ctx, in, opp_id, panel_id, r->value.str("user"), reminder_value, *id,
                                  r->value.num("createdAt"), p);
        iv.set("feedbackForms", *r->value.find("feedbackForms"));
        replaced.emplace_back(r, std::move(iv));
        kept.push_back(*id);
      } else {
        added.push_back(make_interview(ctx, in, opp_id, panel_id, actor, reminder_value, write_rng.uuid(), now, p));
      }
    } catch (ApiFailure& f) {
      f.message = fmt::format("interviews[{}]: {}", i, f.message);
      throw;
    }
  }
  Record& o = *store.opportunities.get(opp_id);
  for (std::size_t pos : store.interviews.children(opp_id)) {
    Record& r = store.interviews.at(pos);
    if (r.deleted || r.value.str("panel") != panel_id) continue;
    if (std::find(kept.begin(), kept.end(), r.value.str("id")) == kept.end()) {
      r.deleted = true;
      Value ev = event_ids(o);
      ev.set("interviewId", r.value.str("id"));
      ev.set("panelId", panel_id);
      emit("interviewDeleted", std::move(ev));
    }
  }
  for (auto& [r, v] : replaced) {
    r->value = std::move(v);
    Value ev = event_ids(o);
    ev.set("interviewId", r->value.str("id"));
    ev.set("panelId", panel_id);
    emit("interviewUpdated", std::move(ev));
  }
  for (auto& v : added) {
    Value ev = event_ids(o);
    ev.set("interviewId", v.str("id"));
    ev.set("panelId", panel_id);
    store.interviews.add(std::move(v), opp_id).api_created = true;
    emit("interviewCreated", std::move(ev));
  }
  Record& fresh = *store.panels.get(panel_id);
  fresh.value = std::move(p);
  recompute_panel_times(store, fresh);
  return single(ctx, panel_view(fresh.value), {});
}

ApiResponse Api::Impl::delete_panel(Ctx& ctx) {
  Record& panel = child(store.panels, ctx, "panels");
  perform_as(ctx, true);
  if (!panel.value.find("externallyManaged")->as_bool())
    fail(403, "Forbidden", "Only externally managed panels can be deleted through the API");
  std::string panel_id = panel.value.str("id");
  Record& o = *store.opportunities.get(panel.parent);
  for (std::size_t pos : store.interviews.children(panel.parent)) {
    Record& r = store.interviews.at(pos);
    if (r.deleted || r.value.str("panel") != panel_id) continue;
    r.deleted = true;
    Value ev = event_ids(o);
    ev.set("interviewId", r.value.str("id"));
    ev.set("panelId", panel_id);
    emit("interviewDeleted", std::move(ev));
  }
  store.panels.remove(panel_id);
  write_clock();
  return json(204, "");
}

// ---------------------------------------------------------------- feedback

namespace {
bool has_option(const Value& field, std::string_view text) {
  for (const auto& o : field.find("options") ? field.find("options")->as_array() : Array{})
    if (o.str("text") == text) return true;
  return false;
}

/// Checks a submitted value against the field's type (lever-api.md §6.11).
void check_value(const Value& field, const Value& v, std::size_t i) {
  if (v.is_null()) return;
  const std::string& type = field.str("type");
  auto fail_type = [&](std::string_view what) {
    throw ApiFailure{400, "InvalidParameter",
                     fmt::format("fieldValues[{}]: field {} ({}) expects {}", i, field.str("id"), type, what)};
  };
  if (type == "text" || type == "textarea" || type == "code") {
    if (!v.is_string()) fail_type("a string");
  } else if (type == "score-system" || type == "dropdown" || type == "multiple-choice") {
    if (!v.is_string() || !has_option(field, v.as_string())) fail_type("the text of one of its options");
  } else if (type == "multiple-select") {
    if (!v.is_array()) fail_type("an array of option texts");
    for (const auto& x : v.as_array())
      if (!x.is_string() || !has_option(field, x.as_string())) fail_type("an array of option texts");
  } else if (type == "score") {
    if (!v.is_int() || v.as_int() < 1 || v.as_int() > 4) fail_type("an integer from 1 to 4");
  } else if (type == "scorecard") {
    const Value* scores = field.find("scores");
    if (!v.is_array() || !scores || v.as_array().size() != scores->as_array().size())
      fail_type("an array of {score, comment}, one per scorecard row");
    for (const auto& x : v.as_array())
      if (!x.is_object() || (x.find("score") && !x.find("score")->is_null() && !x.find("score")->is_int()))
        fail_type("an array of {score, comment}, one per scorecard row");
  } else if (type == "yes-no") {
    if (!v.is_string() || (v.as_string() != "yes" && v.as_string() != "no")) fail_type("\"yes\", \"no\" or null");
  } else if (type == "date") {
    if (!v.is_int()) fail_type("a timestamp in milliseconds");
  } else if (type == "currency") {
    if (!v.is_number()) fail_type("a number");
  }
}

/// Applies `fieldValues` [{id, value}] to `fields` (each field gets its `value`).
void apply_field_values(Array& fields, const Value& body) {
  const Value* fv = body.find("fieldValues");
  if (!fv || fv->is_null()) return;
  if (!fv->is_array()) throw ApiFailure{400, "InvalidParameter", "fieldValues must be an array of {id, value}"};
  for (std::size_t i = 0; i < fv->as_array().size(); ++i) {
    const Value& e = fv->as_array()[i];
    if (!e.is_object() || !e.find("id") || !e.find("id")->is_string())
      throw ApiFailure{400, "InvalidParameter", fmt::format("fieldValues[{}].id is required", i)};
    auto it = std::find_if(fields.begin(), fields.end(), [&](const Value& f) { return f.str("id") == e.str("id"); });
    if (it == fields.end())
      throw ApiFailure{400, "InvalidParameter",
                       fmt::format("fieldValues[{}]: field {} is not on this form (field ids change when a template is updated)",
                                   i, e.str("id"))};
    Value v = e.find("value") ? *e.find("value") : Value();
    check_value(*it, v, i);
    it->set("value", std::move(v));
  }
}
}  // namespace

ApiResponse Api::Impl::list_feedback(Ctx& ctx) {
  Record& o = opportunity(ctx);
  // Deleted feedback stays listed with deletedAt set (lever-api.md §6.12).
  return list(ctx, store.feedback, store.feedback.children(o.value.str("id")), [](const Record&) { return true; },
              {{"user", &store.users}});
}

ApiResponse Api::Impl::get_feedback(Ctx& ctx) {
  return single(ctx, child(store.feedback, ctx, "feedback").value, {{"user", &store.users}});
}

ApiResponse Api::Impl::create_feedback(Ctx& ctx) {
  Record& o = opportunity(ctx);
  std::string actor = perform_as(ctx, true);
  Value b = body_object(ctx);
  const std::string& tid = need_string(b, "baseTemplateId");
  const Record* tmpl = store.feedback_templates.get(tid);
  if (!tmpl) bad(fmt::format("baseTemplateId {} was not found", tid));
  auto panel = opt_string(b, "panel");
  auto interview = opt_string(b, "interview");
  if (panel.has_value() != interview.has_value()) bad("panel and interview must be sent together");
  std::string opp_id = o.value.str("id");
  Record* iv = nullptr;
  if (panel) {
    const Record* p = store.panels.get(*panel);
    if (!p || p->parent != opp_id) bad(fmt::format("panel {} was not found on this opportunity", *panel));
    iv = store.interviews.get(*interview);
    if (!iv || iv->value.str("panel") != *panel) bad(fmt::format("interview {} does not belong to panel {}", *interview, *panel));
  }
  Array fields;
  for (const auto& f : tmpl->value.find("fields")->as_array()) {
    Value x = f;
    x.set("value", Value());
    fields.push_back(std::move(x));
  }
  apply_field_values(fields, b);
  std::int64_t now = write_clock();
  auto created = opt_int(b, "createdAt");
  auto completed = opt_int(b, "completedAt");
  Value fb = Value::object();
  std::string id = write_rng.uuid();
  fb.set("id", id);
  fb.set("type", "interview");
  fb.set("text", tmpl->value.str("text"));
  fb.set("instructions", tmpl->value.str("instructions"));
  fb.set("fields", Value(std::move(fields)));
  fb.set("baseTemplateId", tid);
  fb.set("interview", interview ? Value(*interview) : Value());
  fb.set("panel", panel ? Value(*panel) : Value());
  fb.set("user", actor);
  fb.set("createdAt", created.value_or(now));
  fb.set("completedAt", completed.value_or(now));
  fb.set("updatedAt", now);
  fb.set("deletedAt", Value());
  Record& rec = store.feedback.add(std::move(fb), opp_id);
  rec.api_created = true;
  if (iv) iv->value.find("feedbackForms")->push_back(id);
  return single(ctx, rec.value, {}, 201);
}

ApiResponse Api::Impl::update_feedback(Ctx& ctx) {
  Record& rec = child(store.feedback, ctx, "feedback");
  std::string actor = perform_as(ctx, true);
  if (!rec.value.find("deletedAt")->is_null()) not_found("feedback", rec.value.str("id"));
  Value b = body_object(ctx);
  Array fields = rec.value.find("fields")->as_array();
  apply_field_values(fields, b);  // ids come from the form itself, not from the current template
  std::int64_t now = write_clock();
  rec.value.set("fields", Value(fields));
  if (auto c = opt_int(b, "completedAt")) rec.value.set("completedAt", *c);
  rec.value.set("updatedAt", now);
  // The PUT response has its own shape (lever-api.md §6.12, sample feedback_update_response.json).
  Value out = Value::object();
  out.set("accountId", store.account_id);
  out.set("createdAt", *rec.value.find("createdAt"));
  out.set("userId", rec.value.str("user"));
  out.set("profileId", rec.parent);
  out.set("baseTemplateId", rec.value.str("baseTemplateId"));
  out.set("text", rec.value.str("text"));
  out.set("instructions", rec.value.str("instructions"));
  out.set("type", rec.value.str("type"));
  Array put_fields;
  for (const auto& f : fields) {
    Value x = Value::object();
    bool overall = f.str("type") == "score-system";
    for (const auto& [k, v] : f.as_object()) {
      if (k == "value") continue;
      x.set(k, k == "type" && overall ? Value("score") : v);
    }
    if (overall) {
      x.set("isSummary", true);
      x.set("summaryText", "");
      x.set("overall", true);
    }
    x.set("value", f.find("value") ? *f.find("value") : Value());
    put_fields.push_back(std::move(x));
  }
  out.set("fields", Value(std::move(put_fields)));
  out.set("completedAt", *rec.value.find("completedAt"));
  out.set("updatedAt", now);
  out.set("id", rec.value.str("id"));
  (void)actor;
  return single(ctx, out, {});
}

ApiResponse Api::Impl::delete_feedback(Ctx& ctx) {
  Record& rec = child(store.feedback, ctx, "feedback");
  perform_as(ctx, true);
  if (!rec.value.find("deletedAt")->is_null()) not_found("feedback", rec.value.str("id"));
  rec.value.set("deletedAt", write_clock());
  return json(204, "");
}

// ---------------------------------------------------------------- notes

ApiResponse Api::Impl::list_notes(Ctx& ctx) {
  Record& o = opportunity(ctx);
  return list(ctx, store.notes, store.notes.children(o.value.str("id")), [](const Record&) { return true; },
              {{"user", &store.users}});
}

ApiResponse Api::Impl::get_note(Ctx& ctx) {
  return single(ctx, child(store.notes, ctx, "notes").value, {{"user", &store.users}});
}

ApiResponse Api::Impl::create_note(Ctx& ctx) {
  Record& o = opportunity(ctx);
  std::string actor = perform_as(ctx, false);
  Value b = body_object(ctx);
  const Value* value = b.find("value");
  if (!value || !value->is_string() || value->as_string().empty()) bad("value is required and must be a non-empty string");
  auto secret = opt_bool(b, "secret");
  auto score = opt_int(b, "score");
  if (score && (*score < 1 || *score > 4)) bad("score must be an integer from 1 to 4");
  opt_bool(b, "notifyFollowers");
  std::int64_t now = write_clock();
  auto created = opt_int(b, "createdAt");
  if (created && *created > now) bad("createdAt cannot be in the future");
  Value comment = Value::object();
  comment.set("createdAt", created.value_or(now));
  comment.set("score", score ? Value(*score) : Value());
  comment.set("stage", o.value.str("stage"));
  comment.set("text", "Comment");
  comment.set("type", "note");
  comment.set("user", actor.empty() ? Value() : Value(actor));
  comment.set("value", value->as_string());
  Record* rec = nullptr;
  if (auto thread = ctx.param("note_id"); thread && !thread->empty()) {
    rec = store.notes.get(*thread);
    if (!rec || rec->parent != o.value.str("id")) not_found("notes", *thread);
    rec->value.find("fields")->push_back(std::move(comment));
  } else {
    Value note = Value::object();
    note.set("id", write_rng.uuid());
    note.set("text", "Note");
    note.set("fields", Value(Array{std::move(comment)}));
    note.set("user", actor.empty() ? Value() : Value(actor));
    note.set("secret", secret.value_or(false));
    note.set("completedAt", created.value_or(now));
    note.set("deletedAt", Value());
    note.set("createdAt", created.value_or(now));
    rec = &store.notes.add(std::move(note), o.value.str("id"));
    rec->api_created = true;
  }
  // Real 2026 response: the full note plus noteId (lever-api.md §6.15).
  Value out = rec->value;
  out.set("noteId", rec->value.str("id"));
  return single(ctx, out, {}, 201);
}

ApiResponse Api::Impl::update_note(Ctx& ctx) {
  Record& rec = child(store.notes, ctx, "notes");
  if (!rec.api_created) fail(403, "Forbidden", "Only notes created through the API can be updated");
  Value b = body_object(ctx);
  const Value* values = b.find("values");
  if (!values || !values->is_array() || values->as_array().empty())
    bad("values is required: a non-empty array of {value, createdAt}");
  auto score = opt_int(b, "score");
  if (score && (*score < 1 || *score > 4)) bad("score must be an integer from 1 to 4");
  std::int64_t now = write_clock();
  auto user = opt_string(b, "user");
  if (user && !store.users.get(*user)) bad(fmt::format("user {} was not found", *user));
  Array fields;
  for (std::size_t i = 0; i < values->as_array().size(); ++i) {
    const Value& v = values->as_array()[i];
    if (!v.is_object() || !v.find("value") || !v.find("value")->is_string()) bad(fmt::format("values[{}].value is required", i));
    Value c = Value::object();
    c.set("createdAt", v.find("createdAt") && v.find("createdAt")->is_int() ? v.num("createdAt") : now);
    c.set("score", score ? Value(*score) : Value());
    c.set("stage", store.opportunities.get(rec.parent)->value.str("stage"));
    c.set("text", "Comment");
    c.set("type", "note");
    c.set("user", user ? Value(*user) : Value());
    c.set("value", v.str("value"));
    fields.push_back(std::move(c));
  }
  // PUT is an atomic replace.
  rec.value.set("fields", Value(std::move(fields)));
  rec.value.set("user", user ? Value(*user) : Value());
  rec.value.set("secret", opt_bool(b, "secret").value_or(false));
  if (auto c = opt_int(b, "createdAt")) rec.value.set("createdAt", *c);
  rec.value.set("completedAt", opt_int(b, "completedAt").value_or(now));
  store.opportunities.get(rec.parent)->value.set("updatedAt", now);
  Value out = Value::object();
  out.set("noteId", rec.value.str("id"));
  return single(ctx, out, {});
}

ApiResponse Api::Impl::delete_note(Ctx& ctx) {
  Record& rec = child(store.notes, ctx, "notes");
  if (!rec.api_created) fail(403, "Forbidden", "Only notes created through the API can be deleted");
  store.notes.remove(rec.value.str("id"));
  write_clock();
  return json(204, "");
}

// ---------------------------------------------------------------- profile forms

ApiResponse Api::Impl::list_forms(Ctx& ctx) {
  Record& o = opportunity(ctx);
  return list(ctx, store.forms, store.forms.children(o.value.str("id")), [](const Record&) { return true; },
              {{"user", &store.users}, {"stage", &store.stages}});
}

ApiResponse Api::Impl::get_form(Ctx& ctx) {
  return single(ctx, child(store.forms, ctx, "forms").value, {{"user", &store.users}, {"stage", &store.stages}});
}

ApiResponse Api::Impl::create_form(Ctx& ctx) {
  Record& o = opportunity(ctx);
  std::string actor = perform_as(ctx, false);
  Value b = body_object(ctx);
  const std::string& tid = need_string(b, "baseTemplateId");
  const Record* tmpl = store.form_templates.get(tid);
  if (!tmpl) bad(fmt::format("baseTemplateId {} was not found", tid));
  const Value* in = b.find("fields");
  const auto& tfields = tmpl->value.find("fields")->as_array();
  if (!in || !in->is_array()) bad("fields is required: every field of the template, each with a value");
  if (in->as_array().size() != tfields.size())
    bad(fmt::format("fields must contain every field of the template ({} expected, {} sent)", tfields.size(),
                    in->as_array().size()));
  Array fields;
  for (std::size_t i = 0; i < tfields.size(); ++i) {
    const Value& sent = in->as_array()[i];
    if (!sent.is_object()) bad(fmt::format("fields[{}] must be an object", i));
    const Value& tf = tfields[i];
    if ((sent.find("type") && sent.str("type") != tf.str("type")) || (sent.find("text") && sent.str("text") != tf.str("text")))
      bad(fmt::format("fields[{}] does not match template field \"{}\" ({})", i, tf.str("text"), tf.str("type")));
    Value v = sent.find("value") ? *sent.find("value") : Value();
    if (v.is_null() && tf.find("required")->as_bool()) bad(fmt::format("fields[{}] (\"{}\") is required", i, tf.str("text")));
    check_value(tf, v, i);
    Value x = tf;
    x.set("value", std::move(v));
    fields.push_back(std::move(x));
  }
  std::int64_t now = write_clock();
  Value form = Value::object();
  form.set("id", write_rng.uuid());
  form.set("type", "form");
  form.set("text", tmpl->value.str("text"));
  form.set("instructions", tmpl->value.str("instructions"));
  form.set("baseTemplateId", tid);
  form.set("fields", Value(std::move(fields)));
  form.set("user", actor.empty() ? Value() : Value(actor));
  form.set("stage", o.value.str("stage"));
  form.set("secret", opt_bool(b, "secret").value_or(tmpl->value.find("secretByDefault")->as_bool()));
  form.set("createdAt", now);
  form.set("completedAt", now);
  form.set("deletedAt", Value());
  Record& rec = store.forms.add(std::move(form), o.value.str("id"));
  rec.api_created = true;
  return single(ctx, rec.value, {}, 201);
}

// ---------------------------------------------------------------- templates

Array Api::Impl::template_fields(const Value& fields_in, bool feedback, const Value* previous) {
  (void)previous;  // Lever regenerates every field id on update, so nothing is carried over
  if (!fields_in.is_array() || fields_in.as_array().empty()) bad("fields is required: a non-empty array");
  Array out;
  int score_systems = 0;
  for (std::size_t i = 0; i < fields_in.as_array().size(); ++i) {
    const Value& f = fields_in.as_array()[i];
    if (!f.is_object()) bad(fmt::format("fields[{}] must be an object", i));
    const Value* type = f.find("type");
    if (!type || !type->is_string()) bad(fmt::format("fields[{}].type is required", i));
    const std::string& t = type->as_string();
    if (feedback ? !is_feedback_field_type(t) : !is_form_field_type(t))
      bad(fmt::format("fields[{}].type '{}' is not allowed on a {} template", i, t, feedback ? "feedback" : "form"));
    const Value* text = f.find("text");
    if (!text || !text->is_string()) bad(fmt::format("fields[{}].text is required", i));
    Value x = Value::object();
    x.set("description", f.find("description") && f.find("description")->is_string() ? f.str("description") : "");
    x.set("required", f.find("required") ? f.find("required")->as_bool() : false);
    x.set("text", text->as_string());
    x.set("type", t);
    x.set("id", write_rng.uuid());
    if (t == "score-system") {
      ++score_systems;
      x.set("prompt", f.find("prompt") && f.find("prompt")->is_string() ? f.str("prompt") : "Select one");
      const Value* opts = f.find("options");
      x.set("options", opts && opts->is_array() && !opts->as_array().empty() ? *opts : default_score_system_options());
    } else if (t == "dropdown" || t == "multiple-choice" || t == "multiple-select") {
      const Value* opts = f.find("options");
      if (!opts || !opts->is_array() || opts->as_array().empty())
        bad(fmt::format("fields[{}].options is required for {} fields", i, t));
      Array o;
      for (const auto& opt_v : opts->as_array()) {
        if (!opt_v.is_object() || !opt_v.find("text") || !opt_v.find("text")->is_string())
          bad(fmt::format("fields[{}].options[] must be objects with a text", i));
        Value ov = Value::object();
        ov.set("text", opt_v.str("text"));
        o.push_back(std::move(ov));
      }
      if (t == "dropdown") x.set("prompt", f.find("prompt") && f.find("prompt")->is_string() ? f.str("prompt") : "Select one");
      x.set("options", Value(std::move(o)));
    } else if (t == "scorecard") {
      const Value* scores = f.find("scores");
      if (!scores || !scores->is_array() || scores->as_array().empty())
        bad(fmt::format("fields[{}].scores is required for scorecard fields", i));
      Array sc;
      for (const auto& s : scores->as_array()) {
        if (!s.is_object() || !s.find("text") || !s.find("text")->is_string())
          bad(fmt::format("fields[{}].scores[] must be objects with a text", i));
        Value sv = Value::object();
        sv.set("text", s.str("text"));
        sv.set("description", s.str("description"));
        sc.push_back(std::move(sv));
      }
      x.set("scores", Value(std::move(sc)));
    }
    out.push_back(std::move(x));
  }
  if (feedback && score_systems != 1)
    bad(fmt::format("a feedback template needs exactly one score-system field ({} sent)", score_systems));
  return out;
}

ApiResponse Api::Impl::list_feedback_templates(Ctx& ctx) {
  return list(ctx, store.feedback_templates, std::views::iota(std::size_t{0}, store.feedback_templates.size()),
              [](const Record&) { return true; }, {});
}

ApiResponse Api::Impl::get_feedback_template(Ctx& ctx) {
  const Record* r = store.feedback_templates.get(ctx.args.at(0));
  if (!r) not_found("feedback_templates", ctx.args.at(0));
  return single(ctx, r->value, {});
}

namespace {
Value template_group(const Value& body) {
  const Value* g = body.find("group");
  if (!g || g->is_null() || (g->is_string() && g->as_string().empty())) return Value();
  if (g->is_string()) {
    Value out = Value::object();
    out.set("id", g->as_string());
    out.set("name", g->as_string());
    return out;
  }
  if (g->is_object()) return *g;
  throw ApiFailure{400, "InvalidParameter", "group must be a group id"};
}
}  // namespace

void Api::Impl::apply_template_body(Value& target, Ctx& ctx, bool feedback, bool create) {
  Value b = body_object(ctx);
  const std::string& text = need_string(b, "text");
  const Value* fields = b.find("fields");
  if (!fields) bad("fields is required: a non-empty array");
  // On update the previous fields are passed so field ids are regenerated as Lever does.
  Array f = template_fields(*fields, feedback, create ? nullptr : target.find("fields"));
  const std::int64_t now = write_clock();
  if (create) target.set("id", write_rng.uuid());
  target.set("text", text);
  target.set("group", template_group(b));
  target.set("instructions", opt_string(b, "instructions").value_or(""));
  if (!feedback) target.set("secretByDefault", opt_bool(b, "secretByDefault").value_or(false));
  target.set("fields", Value(std::move(f)));
  if (create) {
    target.set("createdAt", now);
    if (feedback) target.set("stage", Value());
  }
  target.set("updatedAt", now);
}

ApiResponse Api::Impl::create_feedback_template(Ctx& ctx) {
  Value t = Value::object();
  apply_template_body(t, ctx, true, true);
  Record& r = store.feedback_templates.add(std::move(t));
  r.api_created = true;
  return single(ctx, r.value, {}, 201);
}

ApiResponse Api::Impl::update_feedback_template(Ctx& ctx) {
  Record* r = store.feedback_templates.get(ctx.args.at(0));
  if (!r) not_found("feedback_templates", ctx.args.at(0));
  apply_template_body(r->value, ctx, true, false);
  return single(ctx, r->value, {});
}

ApiResponse Api::Impl::delete_feedback_template(Ctx& ctx) {
  Record* r = store.feedback_templates.get(ctx.args.at(0));
  if (!r) not_found("feedback_templates", ctx.args.at(0));
  if (!r->api_created) fail(403, "Forbidden", "Only feedback templates created through the API can be deleted");
  store.feedback_templates.remove(ctx.args.at(0));
  write_clock();
  return json(204, "");
}

ApiResponse Api::Impl::list_form_templates(Ctx& ctx) {
  return list(ctx, store.form_templates, std::views::iota(std::size_t{0}, store.form_templates.size()),
              [](const Record&) { return true; }, {});
}

ApiResponse Api::Impl::get_form_template(Ctx& ctx) {
  const Record* r = store.form_templates.get(ctx.args.at(0));
  if (!r) not_found("form_templates", ctx.args.at(0));
  return single(ctx, r->value, {});
}

ApiResponse Api::Impl::create_form_template(Ctx& ctx) {
  Value t = Value::object();
  apply_template_body(t, ctx, false, true);
  Record& r = store.form_templates.add(std::move(t));
  r.api_created = true;
  return single(ctx, r.value, {}, 201);
}

ApiResponse Api::Impl::update_form_template(Ctx& ctx) {
  Record* r = store.form_templates.get(ctx.args.at(0));
  if (!r) not_found("form_templates", ctx.args.at(0));
  apply_template_body(r->value, ctx, false, false);
  return single(ctx, r->value, {});
}

ApiResponse Api::Impl::delete_form_template(Ctx& ctx) {
  Record* r = store.form_templates.get(ctx.args.at(0));
  if (!r) not_found("form_templates", ctx.args.at(0));
  if (!r->api_created) fail(403, "Forbidden", "Only form templates created through the API can be deleted");
  store.form_templates.remove(ctx.args.at(0));
  write_clock();
  return json(204, "");
}

// ---------------------------------------------------------------- users

namespace {
constexpr std::string_view kAccessRoles[] = {"super admin", "admin", "team member", "limited team member", "interviewer"};
std::string access_role(const Value& b) {
  auto r = opt_string(b, "accessRole");
  if (!r) return "interviewer";
  if (std::find(std::begin(kAccessRoles), std::end(kAccessRoles), *r) == std::end(kAccessRoles))
    throw ApiFailure{400, "InvalidParameter",
                     "accessRole must be super admin, admin, team member, limited team member or interviewer"};
  return *r;
}
}  // namespace

ApiResponse Api::Impl::list_users(Ctx& ctx) {
  bool include_deactivated = ctx.flag("includeDeactivated");
  auto emails = ctx.params("email");
  auto roles = ctx.params("accessRole");
  auto external = ctx.params("external_directory_id");
  std::vector<std::string> lowered;
  for (auto e : emails) lowered.push_back(lower(e));
  return list(ctx, store.users, std::views::iota(std::size_t{0}, store.users.size()),
              [&](const Record& r) {
                const Value& u = r.value;
                if (!include_deactivated && !u.find("deactivatedAt")->is_null()) return false;
                if (!lowered.empty() && std::find(lowered.begin(), lowered.end(), lower(u.str("email"))) == lowered.end())
                  return false;
                if (!roles.empty() && !contains(roles, u.str("accessRole"))) return false;
                if (!external.empty() && !contains(external, u.str("externalDirectoryId"))) return false;
                return true;
              },
              {});
}

ApiResponse Api::Impl::get_user(Ctx& ctx) {
  const Record* r = store.users.get(ctx.args.at(0));
  if (!r) not_found("users", ctx.args.at(0));
  return single(ctx, r->value, {});
}

ApiResponse Api::Impl::create_user(Ctx& ctx) {
  Value b = body_object(ctx);
  const std::string& name = need_string(b, "name");
  const std::string& email = need_string(b, "email");
  if (email.find('@') == std::string::npos) bad("email must be an e-mail address");
  for (std::size_t i = 0; i < store.users.size(); ++i)
    if (!store.users.at(i).deleted && lower(store.users.at(i).value.str("email")) == lower(email))
      bad(fmt::format("a user with email {} already exists", email));
  std::string role = access_role(b);
  auto manager = opt_string(b, "managerId");
  if (manager && !store.users.get(*manager)) bad(fmt::format("managerId {} was not found", *manager));
  Value u = Value::object();
  u.set("id", write_rng.uuid());
  u.set("name", name);
  u.set("username", email.substr(0, email.find('@')));
  u.set("email", email);
  u.set("accessRole", role);
  u.set("photo", Value());
  u.set("createdAt", write_clock());
  u.set("deactivatedAt", Value());
  auto ext = opt_string(b, "externalDirectoryId");
  u.set("externalDirectoryId", ext ? Value(*ext) : Value());
  u.set("linkedContactIds", Value());
  auto title = opt_string(b, "jobTitle");
  u.set("jobTitle", title ? Value(*title) : Value());
  u.set("managerId", manager ? Value(*manager) : Value());
  Record& r = store.users.add(std::move(u));
  r.api_created = true;
  return single(ctx, r.value, {}, 201);
}

ApiResponse Api::Impl::update_user(Ctx& ctx) {
  Record* r = store.users.get(ctx.args.at(0));
  if (!r) not_found("users", ctx.args.at(0));
  Value b = body_object(ctx);
  // Full replace: name, email and accessRole are required; omitted optional fields reset.
  const std::string& name = need_string(b, "name");
  const std::string& email = need_string(b, "email");
  need_string(b, "accessRole");
  std::string role = access_role(b);
  auto manager = opt_string(b, "managerId");
  if (manager && !store.users.get(*manager)) bad(fmt::format("managerId {} was not found", *manager));
  r->value.set("name", name);
  r->value.set("username", email.substr(0, email.find('@')));
  r->value.set("email", email);
  r->value.set("accessRole", role);
  auto ext = opt_string(b, "externalDirectoryId");
  r->value.set("externalDirectoryId", ext ? Value(*ext) : Value());
  auto title = opt_string(b, "jobTitle");
  r->value.set("jobTitle", title ? Value(*title) : Value());
  r->value.set("managerId", manager ? Value(*manager) : Value());
  write_clock();
  return single(ctx, r->value, {});
}

ApiResponse Api::Impl::deactivate_user(Ctx& ctx) {
  Record* r = store.users.get(ctx.args.at(0));
  if (!r) not_found("users", ctx.args.at(0));
  if (!r->value.find("deactivatedAt")->is_null()) bad("user is already deactivated");
  r->value.set("deactivatedAt", write_clock());
  return single(ctx, r->value, {});
}

ApiResponse Api::Impl::reactivate_user(Ctx& ctx) {
  Record* r = store.users.get(ctx.args.at(0));
  if (!r) not_found("users", ctx.args.at(0));
  if (r->value.find("deactivatedAt")->is_null()) bad("user is not deactivated");
  r->value.set("deactivatedAt", Value());
  write_clock();
  return single(ctx, r->value, {});
}

// ---------------------------------------------------------------- stages, archive reasons

ApiResponse Api::Impl::list_stages(Ctx& ctx) {
  return list(ctx, store.stages, std::views::iota(std::size_t{0}, store.stages.size()), [](const Record&) { return true; },
              {});
}

ApiResponse Api::Impl::get_stage(Ctx& ctx) {
  const Record* r = store.stages.get(ctx.args.at(0));
  if (!r) not_found("stages", ctx.args.at(0));
  return single(ctx, r->value, {});
}

ApiResponse Api::Impl::list_archive_reasons(Ctx& ctx) {
  auto type = ctx.param("type");
  if (type && *type != "hired" && *type != "non-hired") bad("type must be hired or non-hired");
  return list(ctx, store.archive_reasons, std::views::iota(std::size_t{0}, store.archive_reasons.size()),
              [&](const Record& r) { return !type || r.value.str("type") == *type; }, {});
}

ApiResponse Api::Impl::get_archive_reason(Ctx& ctx) {
  const Record* r = store.archive_reasons.get(ctx.args.at(0));
  if (!r) not_found("archive_reasons", ctx.args.at(0));
  return single(ctx, r->value, {});
}

// ---------------------------------------------------------------- postings

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

// ---------------------------------------------------------------- webhooks

namespace {
constexpr std::string_view kEvents[] = {"applicationCreated", "candidateHired",   "candidateStageChange",
                                        "candidateArchiveChange", "candidateDeleted", "interviewCreated",
                                        "interviewUpdated",   "interviewDeleted", "contactCreated",
                                        "contactUpdated"};
}  // namespace

ApiResponse Api::Impl::list_webhooks(Ctx& ctx) {
  (void)ctx;
  // No hasNext and no signature tokens on this list (lever-api.md §6.17).
  std::string out = "{\"data\":[";
  bool first = true;
  for (std::size_t i = 0; i < store.webhooks.size(); ++i) {
    const Record& r = store.webhooks.at(i);
    if (r.deleted) continue;
    if (!first) out.push_back(',');
    first = false;
    write_json(out, r.value);
  }
  out += "]}";
  return json(200, std::move(out));
}

ApiResponse Api::Impl::create_webhook(Ctx& ctx) {
  Value b = body_object(ctx);
  const std::string& url = need_string(b, "url");
  if (!url.starts_with("https://") && !url.starts_with("http://")) bad("url must be an http(s) URL");
  const std::string& event = need_string(b, "event");
  if (std::find(std::begin(kEvents), std::end(kEvents), event) == std::end(kEvents))
    bad(fmt::format("event {} is not a webhook event", event));
  Value origins = Value(Array{Value("applied"), Value("sourced"), Value("referred"), Value("university"),
                              Value("internal"), Value("agency")});
  if (const Value* cfg = b.find("configuration"); cfg && cfg->is_object()) {
    if (const Value* cond = cfg->find("conditions"); cond && cond->is_object()) {
      if (const Value* o = cond->find("origins"); o && o->is_array()) origins = *o;
    }
  }
  std::int64_t now = write_clock();
  Value w = Value::object();
  w.set("id", write_rng.uuid());
  w.set("event", event);
  w.set("url", url);
  Value cfg = Value::object();
  Value cond = Value::object();
  cond.set("origins", std::move(origins));
  cfg.set("conditions", std::move(cond));
  w.set("configuration", std::move(cfg));
  w.set("createdAt", now);
  w.set("updatedAt", now);
  Record& r = store.webhooks.add(std::move(w));
  r.api_created = true;
  r.secret = write_rng.hex(48);
  Value out = r.value;
  out.find("configuration")->set("signatureToken", r.secret);
  return single(ctx, out, {}, 201);
}

ApiResponse Api::Impl::delete_webhook(Ctx& ctx) {
  Record* r = store.webhooks.get(ctx.args.at(0));
  if (!r) not_found("webhooks", ctx.args.at(0));
  store.webhooks.remove(ctx.args.at(0));
  write_clock();
  return json(204, "");
}

}  // namespace leverkit::sandbox::detail

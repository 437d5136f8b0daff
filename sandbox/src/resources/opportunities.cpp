// /v1/opportunities: list (filters), deleted, get, create (contact dedupe), stage, archive and
// the tag/link/source list edits. Handlers run under the store lock taken by the router.
#include <algorithm>

#include <fmt/format.h>

#include "api_impl.hpp"
#include "resources/request_args.hpp"

namespace leverkit::sandbox::detail {

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

}  // namespace leverkit::sandbox::detail

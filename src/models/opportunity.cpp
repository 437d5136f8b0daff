#include "detail/decoders.hpp"

namespace leverkit::inline v0 {
namespace detail {
namespace {

Result<StageChange> read_stage_change(od::value v, const JsonPath& p) {
  StageChange c;
  LEVERKIT_TRYV(for_each_field(v, p, "a stage change object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "toStageId") return assign(c.to_stage_id, read_string_or_empty(f, fp));
    if (k == "toStageIndex") {
      LEVERKIT_TRY(i, read_opt_int(f, fp));
      if (i) c.to_stage_index = static_cast<int>(*i);
      return success();
    }
    if (k == "userId") return assign(c.user_id, read_opt_string(f, fp));
    if (k == "updatedAt") return assign(c.updated_at, read_opt_timestamp(f, fp));
    return skip(f, fp);
  }));
  return c;
}

Result<OpportunityUrls> read_urls(od::value v, const JsonPath& p) {
  OpportunityUrls u;
  if (is_null(v)) return u;
  LEVERKIT_TRYV(for_each_field(v, p, "a urls object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "list") return assign(u.list, read_opt_string(f, fp));
    if (k == "show") return assign(u.show, read_opt_string(f, fp));
    return skip(f, fp);
  }));
  return u;
}

}  // namespace

Result<Opportunity> decode_value(od::value v, const JsonPath& p, Tag<Opportunity>) {
  Opportunity o;
  bool has_id = false;
  // Quirk 4: the legacy top-level pair, merged into `archived` after the walk (keys come in
  // any order, and the real `archived` object wins where both are present).
  std::optional<Timestamp> legacy_archived_at;
  std::optional<std::string> legacy_reason;
  const auto expandable_user = [](od::value e, const JsonPath& ep) { return read_expandable<User>(e, ep, decoder<User>); };
  LEVERKIT_TRYV(for_each_field(v, p, "an opportunity object", [&](std::string_view k, od::value f, const JsonPath& fp) -> Result<void> {
    if (k == "id") {
      has_id = true;
      return assign(o.id, read_string(f, fp));
    }
    if (k == "name") return assign(o.name, read_string_or_empty(f, fp));
    if (k == "headline") return assign(o.headline, read_opt_string(f, fp));
    if (k == "contact") return assign(o.contact, read_opt_expandable<Contact>(f, fp, decoder<Contact>));
    if (k == "stage") return assign(o.stage, read_opt_expandable<Stage>(f, fp, decoder<Stage>));
    if (k == "stageChanges") return assign(o.stage_changes, read_array<StageChange>(f, fp, read_stage_change));
    if (k == "confidentiality") return assign(o.confidentiality, read_opt_string(f, fp));
    if (k == "location") return assign(o.location, read_opt_string(f, fp));
    if (k == "phones") return assign(o.phones, read_array<Phone>(f, fp, read_phone));
    if (k == "emails") return assign(o.emails, read_string_array(f, fp));
    if (k == "links") return assign(o.links, read_string_array(f, fp));
    if (k == "archived") return assign(o.archived, read_archived(f, fp));
    if (k == "archivedAt") return assign(legacy_archived_at, read_opt_timestamp(f, fp));
    if (k == "archiveReason") return assign(legacy_reason, read_opt_string(f, fp));
    if (k == "tags") return assign(o.tags, read_string_array(f, fp));
    if (k == "sources") return assign(o.sources, read_string_array(f, fp));
    if (k == "sourcedBy") return assign(o.sourced_by, read_opt_expandable<User>(f, fp, decoder<User>));
    if (k == "origin") return assign(o.origin, read_opt_string(f, fp));
    if (k == "owner") return assign(o.owner, read_opt_expandable<User>(f, fp, decoder<User>));
    if (k == "followers") return assign(o.followers, read_array<Expandable<User>>(f, fp, expandable_user));
    if (k == "applications")
      return assign(o.applications, read_array<Expandable<Application>>(f, fp, [](od::value e, const JsonPath& ep) {
                      return read_expandable<Application>(e, ep, decoder<Application>);
                    }));
    if (k == "createdAt") return assign(o.created_at, read_opt_timestamp(f, fp));
    if (k == "updatedAt") return assign(o.updated_at, read_opt_timestamp(f, fp));
    if (k == "lastInteractionAt") return assign(o.last_interaction_at, read_opt_timestamp(f, fp));
    if (k == "lastAdvancedAt") return assign(o.last_advanced_at, read_opt_timestamp(f, fp));
    if (k == "snoozedUntil") return assign(o.snoozed_until, read_opt_timestamp(f, fp));
    if (k == "urls") return assign(o.urls, read_urls(f, fp));
    if (k == "isAnonymized") return assign(o.is_anonymized, read_bool_or_false(f, fp));
    if (k == "opportunityLocation") return assign(o.opportunity_location, read_opt_string(f, fp));
    if (k == "deletedAt") return assign(o.deleted_at, read_opt_timestamp(f, fp));
    if (k == "deletedBy") return assign(o.deleted_by, read_opt_string(f, fp));
    return skip(f, fp);
  }));
  LEVERKIT_TRYV(require(has_id, p, "id"));
  if (legacy_archived_at || legacy_reason) {
    if (!o.archived) o.archived.emplace();
    if (!o.archived->archived_at) o.archived->archived_at = legacy_archived_at;
    if (!o.archived->reason) o.archived->reason = std::move(legacy_reason);
  }
  return o;
}

}  // namespace detail

Result<Opportunity> decode_opportunity(std::string_view json) { return detail::decode_one<Opportunity>({json, 0}); }
Result<Page<Opportunity>> decode_opportunity_page(std::string_view json) {
  return detail::decode_page<Opportunity>({json, 0});
}

}  // namespace leverkit

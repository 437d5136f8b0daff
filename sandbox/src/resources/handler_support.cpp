// Plumbing shared by the resource handlers: JSON bodies, limit/offset, perform_as, expand and
// include, single-item responses, and the opportunity/child lookups that answer 404.
#include <fmt/format.h>

#include "api_impl.hpp"
#include "resources/request_args.hpp"

namespace leverkit::sandbox::detail {

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

}  // namespace leverkit::sandbox::detail

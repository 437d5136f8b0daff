// The `leverkit._leverkit` extension module: shared helpers and the module entry point.
#include "bind.hpp"

#include <string>

namespace leverkit::inline v0::py {

namespace {
nb::handle type_of(nb::handle h) { return nb::handle(reinterpret_cast<PyObject*>(Py_TYPE(h.ptr()))); }
}  // namespace

const DateTimeApi& datetime_api() {
  // Leaked on purpose: destroying Python objects after interpreter shutdown would crash.
  static const DateTimeApi* api = [] {
    nb::module_ dt = nb::module_::import_("datetime");
    auto* a = new DateTimeApi;
    a->datetime_cls = dt.attr("datetime");
    a->timedelta_cls = dt.attr("timedelta");
    a->utc = dt.attr("timezone").attr("utc");
    a->epoch = a->datetime_cls(1970, 1, 1, nb::arg("tzinfo") = a->utc);
    a->one_ms = a->timedelta_cls(nb::arg("milliseconds") = 1);
    return a;
  }();
  return *api;
}

void raise_error(const Error& e) {
  // The classes live in leverkit/errors.py (plain Python: typed, documented, subclassable).
  nb::object factory = nb::module_::import_("leverkit.errors").attr("_from_native");
  nb::object retry_after = nb::none();
  if (e.retry_after) retry_after = nb::float_(static_cast<double>(e.retry_after->count()) / 1000.0);
  nb::object exc = factory(std::string(to_string(e.code)), e.to_string(), e.http_status, e.lever_code,
                           e.lever_message, e.request_id, retry_after, e.attempts, e.retryable());
  PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exc.ptr())), exc.ptr());
  throw nb::python_error();
}

nb::object to_python_plain(nb::handle value) {
  if (value.is_none() || nb::isinstance<nb::bool_>(value) || nb::isinstance<nb::int_>(value) ||
      nb::isinstance<nb::float_>(value) || nb::isinstance<nb::str>(value))
    return nb::borrow(value);
  if (nb::isinstance<nb::list>(value) || nb::isinstance<nb::tuple>(value)) {
    nb::list out;
    for (nb::handle item : value) out.append(to_python_plain(item));
    return out;
  }
  if (nb::isinstance<nb::dict>(value)) {
    nb::dict out;
    for (auto [k, v] : nb::borrow<nb::dict>(value)) out[k] = to_python_plain(v);
    return out;
  }
  if (nb::hasattr(type_of(value), "_fields")) return struct_to_dict(value);
  if (nb::isinstance(value, datetime_api().datetime_cls)) return value.attr("isoformat")();
  if (nb::hasattr(value, "name") && nb::hasattr(value, "value") && nb::hasattr(type_of(value), "__members__"))
    return value.attr("name");  // an enum
  return nb::borrow(value);
}

nb::dict struct_to_dict(nb::handle self) {
  nb::dict out;
  for (nb::handle name : nb::borrow<nb::tuple>(type_of(self).attr("_fields")))
    out[name] = to_python_plain(nb::getattr(self, name));
  return out;
}

std::string struct_repr(nb::handle self) {
  std::string out = nb::cast<std::string>(type_of(self).attr("__name__"));
  out += "(";
  bool first = true;
  for (nb::handle name : nb::borrow<nb::tuple>(type_of(self).attr("_fields"))) {
    if (!first) out += ", ";
    first = false;
    out += nb::cast<std::string>(nb::str(name));
    out += "=";
    out += nb::cast<std::string>(nb::repr(nb::getattr(self, name)));
  }
  out += ")";
  return out;
}

}  // namespace leverkit::py

NB_MODULE(_leverkit, m) {
  m.doc() =
      "leverkit's native core: the Lever Data API client, call matching and feedback autofill. "
      "Import the `leverkit` package rather than this module.";
  using namespace leverkit::py;
  // Objects kept alive by module-level reference cycles at interpreter exit are not leaks of ours.
  nb::set_leak_warnings(false);
  bind_errors(m);
  bind_models(m);
  bind_requests(m);
  bind_client(m);
  bind_oauth(m);
  bind_match(m);
  bind_autofill(m);
  bind_integration(m);
}

// python/src/bind.hpp — shared helpers of the leverkit nanobind module.
//
// What: the `Timestamp` <-> timezone-aware `datetime` caster, the declarative struct binder
// (`bind_struct`: typed attributes, keyword-only constructor, `to_dict()`, `__repr__`), the
// error bridge (`raise_error`: leverkit::Error -> the Python exception hierarchy of
// leverkit/errors.py) and `call_released` (run C++ with the GIL released, raise on error).
// Errors: `raise_error` never puts a secret in an exception: leverkit's Error carries none and
// the message is additionally passed through the client's credentials redaction by callers that
// have credentials. Thread-safety: everything here runs with the GIL held except the callable
// passed to `call_released`.
#pragma once

#include <nanobind/nanobind.h>
#include <nanobind/operators.h>
#include <nanobind/stl/chrono.h>
#include <nanobind/stl/function.h>
#include <nanobind/stl/optional.h>
#include <nanobind/stl/pair.h>
#include <nanobind/stl/shared_ptr.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/string_view.h>
#include <nanobind/stl/variant.h>
#include <nanobind/stl/vector.h>

#include <chrono>
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "leverkit/models/error.hpp"
#include "leverkit/models/time.hpp"

namespace nb = nanobind;

namespace leverkit::inline v0::py {

/// datetime objects the Timestamp caster needs, imported once and never freed (they must outlive
/// every module-level destructor, and the interpreter owns them anyway).
struct DateTimeApi {
  nb::object datetime_cls;
  nb::object timedelta_cls;
  nb::object utc;
  nb::object epoch;
  nb::object one_ms;
};
const DateTimeApi& datetime_api();

}  // namespace leverkit::py

namespace nanobind::detail {

/// leverkit::Timestamp (ms since the Unix epoch, UTC) <-> an aware `datetime.datetime` in UTC.
/// A naive datetime is taken as UTC (never as local time: Lever's instants are UTC). Python's
/// datetime has microseconds; sub-millisecond parts are truncated towards the past.
template <>
struct type_caster<leverkit::Timestamp> {
  NB_TYPE_CASTER(leverkit::Timestamp, const_name("datetime.datetime"))

  bool from_python(handle src, uint8_t, cleanup_list*) noexcept {
    try {
      const auto& api = leverkit::py::datetime_api();
      if (!isinstance(src, api.datetime_cls)) return false;
      object dt = borrow(src);
      if (dt.attr("tzinfo").is_none()) dt = dt.attr("replace")(arg("tzinfo") = api.utc);
      object delta = dt - api.epoch;
      // floor division of two timedeltas is an int: milliseconds since the epoch
      object ms = delta.attr("__floordiv__")(api.one_ms);
      value = leverkit::from_unix_ms(cast<std::int64_t>(ms));
      return true;
    } catch (...) {
      PyErr_Clear();
      return false;
    }
  }

  static handle from_cpp(const leverkit::Timestamp& t, rv_policy, cleanup_list*) noexcept {
    try {
      const auto& api = leverkit::py::datetime_api();
      object delta = api.timedelta_cls(arg("milliseconds") = leverkit::to_unix_ms(t));
      return (api.epoch + delta).release();
    } catch (python_error& e) {
      e.restore();
      return handle();
    } catch (...) {
      return handle();
    }
  }
};

}  // namespace nanobind::detail

namespace leverkit::inline v0::py {

/// Raises the Python exception for `e` (leverkit.errors: LeverError and one subclass per Errc).
[[noreturn]] void raise_error(const Error& e);

/// Runs `fn()` (returning a Result<T>) with the GIL released; returns the value or raises.
template <class Fn>
auto call_released(Fn&& fn) {
  auto r = [&] {
    nb::gil_scoped_release release;
    return fn();
  }();
  if (!r) raise_error(r.error());
  if constexpr (!std::is_void_v<typename decltype(r)::value_type>) {
    return std::move(r).value();
  }
}

/// Unwraps a Result computed with the GIL held.
template <class T>
T unwrap(Result<T> r) {
  if (!r) raise_error(r.error());
  if constexpr (!std::is_void_v<T>) return std::move(r).value();
}

/// Generic to_dict / repr over the `_fields` tuple every bound struct carries.
nb::object to_python_plain(nb::handle value);
nb::dict struct_to_dict(nb::handle self);
std::string struct_repr(nb::handle self);

template <class T, class M>
struct Field {
  const char* name;
  M T::*ptr;
  const char* doc;
};
template <class T, class M>
constexpr Field<T, M> field(const char* name, M T::*ptr, const char* doc = nullptr) {
  return {name, ptr, doc};
}

enum class Access { read_only, read_write };

/// Binds aggregate `T` as a Python class: one typed attribute per field, a keyword-only
/// constructor taking any subset of the fields, `to_dict()` (plain, JSON-ready values: nested
/// structs as dicts, enums as their names, datetimes as ISO-8601 strings) and a `__repr__`.
template <class T, class... M>
nb::class_<T> bind_struct(nb::handle scope, const char* name, const char* doc, Access access, Field<T, M>... fs) {
  nb::class_<T> cls(scope, name, doc);
  if (access == Access::read_write) {
    (cls.def_rw(fs.name, fs.ptr), ...);
  } else {
    (cls.def_ro(fs.name, fs.ptr), ...);
  }
  cls.def(
      "__init__",
      [fs...](T* self, std::optional<M>... vals) {
        new (self) T{};
        ((vals ? void(self->*(fs.ptr) = std::move(*vals)) : void()), ...);
      },
      nb::kw_only(), (nb::arg(fs.name) = nb::none())...,
      "Builds the value; every field is optional and keeps its default when omitted.");
  cls.attr("_fields") = nb::make_tuple(fs.name...);
  cls.def(
      "to_dict", [](nb::handle self) { return struct_to_dict(self); },
      nb::sig("def to_dict(self) -> dict[str, typing.Any]"),
      "The value as plain Python data: nested values as dicts and lists, enums as their names, "
      "datetimes as ISO-8601 strings (json.dumps-ready).");
  cls.def("__repr__", [](nb::handle self) { return struct_repr(self); });
  if constexpr (std::equality_comparable<T>) {
    cls.def(nb::self == nb::self, nb::sig("def __eq__(self, arg: object, /) -> bool"));
    cls.attr("__hash__") = nb::none();
  }
  return cls;
}

// Registration functions, one per binding file.
void bind_errors(nb::module_& m);
void bind_models(nb::module_& m);
void bind_requests(nb::module_& m);
void bind_client(nb::module_& m);
void bind_oauth(nb::module_& m);
void bind_match(nb::module_& m);
void bind_autofill(nb::module_& m);
void bind_integration(nb::module_& m);

}  // namespace leverkit::py

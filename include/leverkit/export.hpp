// leverkit/export.hpp — LEVERKIT_EXPORT: which symbols a shared leverkit library exports.
//
// What: leverkit's shared libraries (-DBUILD_SHARED_LIBS=ON) are compiled with
// -fvisibility=hidden -fvisibility-inlines-hidden, so only what is marked LEVERKIT_EXPORT is
// visible to a program linking them: the public classes (with their vtables and typeinfo, so
// exceptions and dynamic_cast work across the library boundary) and the public free functions.
// In a static build (the default) the macro changes nothing.
// GCC/Clang: `__attribute__((visibility("default")))`, always — harmless in a static library.
// MSVC (documented scheme, not built here — docs/adr/0093): a DLL build would define
// LEVERKIT_SHARED for everyone and LEVERKIT_BUILDING_DLL while compiling leverkit itself, giving
// `__declspec(dllexport)` inside and `__declspec(dllimport)` outside. Because leverkit is several
// libraries (models, client, match, ...), a DLL build needs one such macro pair per library;
// until that exists CMake refuses BUILD_SHARED_LIBS on Windows, and a static build uses nothing.
// Errors: none. Thread-safety: not applicable (a macro).
// Example:
//   class LEVERKIT_EXPORT Client { ... };
//   LEVERKIT_EXPORT Result<Stage> decode_stage(std::string_view json);
#pragma once

#if defined(_WIN32) || defined(__CYGWIN__)
#  if defined(LEVERKIT_SHARED) && defined(LEVERKIT_BUILDING_DLL)
#    define LEVERKIT_EXPORT __declspec(dllexport)
#  elif defined(LEVERKIT_SHARED)
#    define LEVERKIT_EXPORT __declspec(dllimport)
#  else
#    define LEVERKIT_EXPORT
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define LEVERKIT_EXPORT __attribute__((visibility("default")))
#else
#  define LEVERKIT_EXPORT
#endif

// leverkit::integration bindings (only when that layer is built; see ADR 0070).
#include "bind.hpp"

namespace leverkit::py {

void bind_integration(nb::module_& m) {
#ifdef LEVERKIT_PY_HAS_INTEGRATION
  m.attr("HAS_INTEGRATION") = true;
#else
  m.attr("HAS_INTEGRATION") = false;
#endif
}

}  // namespace leverkit::py

// fixture
#pragma once
#include <leverkit/a/y.hpp>  // reachable transitively

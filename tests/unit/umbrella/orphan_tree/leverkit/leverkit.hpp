// fixture: an umbrella that misses a/orphan.hpp and wrongly pulls in a test seam
#pragma once
#include "leverkit/a/x.hpp"
#include <leverkit/testing/fake.hpp>

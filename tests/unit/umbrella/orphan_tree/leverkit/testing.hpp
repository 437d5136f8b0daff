// fixture
#pragma once
#include "leverkit/testing/fake.hpp"

// fixture: not in testing.hpp
#pragma once

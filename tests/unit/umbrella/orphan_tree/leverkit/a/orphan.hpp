// fixture: reachable from no umbrella
#pragma once

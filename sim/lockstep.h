// Lockstep refinement: the same event given to the model node and the impl
// node must produce equal effects. This spells out, readably, where two
// Effects differ ("sends[1]: model StoreRequest ... to 3 / impl (none)").
#pragma once

#include <string>
#include <vector>

#include "core/node.h"

namespace dt {

// Empty when model == impl.
std::vector<std::string> effect_differences(const Effects& model, const Effects& impl);

// One line per effect item, also used by timelines.
std::string describe(const Outgoing& send);
std::string describe(const TimerRequest& timer);
std::string describe(const ClientReply& reply);
std::string describe(const TraceRecord& record);

}  // namespace dt

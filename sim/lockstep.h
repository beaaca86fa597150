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
// Appends where the two nodes' abstract states differ (nothing when equal).
// Compares comparison_digest()s first and builds both states only when those
// differ; unequal digests of equal states are an internal error (a wrong
// digest walk), never a reported difference.
void append_state_differences(const Node& model, const Node& impl,
                              std::vector<std::string>& out);

// One line per effect item, also used by timelines.
std::string describe(const Outgoing& send);
std::string describe(const TimerRequest& timer);
std::string describe(const ClientReply& reply);
std::string describe(const TraceRecord& record);

}  // namespace dt

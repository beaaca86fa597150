// A counterexample as a file: the setup (side, config, bounds, injected bugs)
// and the list of choices the explorer took. `replay FILE` re-executes the
// choices on the same nodes (each found among the enabled steps by its key)
// and then the same path end, so it gives the same history, trace and digest
// as the explored path. docs/explore.md shows the format.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/status.h"
#include "explore/bounds.h"
#include "explore/choice.h"
#include "explore/path_end.h"

namespace dt {

struct ChoiceRef {
  ChoiceKind kind = ChoiceKind::deliver;
  uint64_t key = 0;
  std::string text;  // for readers; replay matches by kind and key
};

struct Interleaving {
  std::string side = "impl";  // model|impl|both
  Config config;
  ExploreBounds bounds;
  std::vector<std::string> inject;  // sorted, unique
  std::vector<ChoiceRef> choices;
  std::string failure;  // what the explorer saw at the end ("" = none)
  std::string digest;   // the explored path's run digest (16 hex digits)
};

inline constexpr const char* kInterleavingFormat = "dynamo-testbed-interleaving";

std::string write_interleaving_json(const Interleaving& interleaving);
// Errors read "FILE: path: reason" as for schedules.
Result<Interleaving> read_interleaving_json(const std::string& text, const std::string& file);
// True when `text` is a JSON object whose "format" is kInterleavingFormat.
bool is_interleaving_json(const std::string& text);

std::vector<ChoiceRef> refs_of(const std::vector<Choice>& choices);
// The setup an interleaving names. Unknown side or bug names are errors.
Result<ExploreSetup> setup_of(const Interleaving& interleaving);
// Re-executes the choices; an error names the first choice that is not enabled.
Result<PathVerdict> replay_interleaving(const ExploreSetup& setup,
                                        const std::vector<ChoiceRef>& choices);

}  // namespace dt

// `minimize FILE` when FILE is an explorer interleaving (explore/
// interleaving.h): drop choices while the replay still fails the same way.
#pragma once

#include <cstdint>
#include <string>

namespace dt {

// `text` is the file's content (already recognised as an interleaving).
// Writes original.json, minimized.json, history.json, trace.json and
// timeline.txt into `out_dir`, or prints the minimized file when it is empty.
// Returns the exit code (kExitViolation when it minimized a failure).
int minimize_interleaving_file(const std::string& file, const std::string& text,
                               const std::string& out_dir, uint64_t max_replays);

}  // namespace dt

// Files of a directory that `report` reads: whether one is there, and its path.
#pragma once

#include <string>

namespace dt {

// True when DIR/NAME is a regular file (a missing directory is not an error).
bool has_file(const std::string& dir, const char* name);
// "DIR/NAME".
std::string in_dir(const std::string& dir, const char* name);

}  // namespace dt

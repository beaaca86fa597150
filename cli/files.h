// Writing output files with errors that name the path.
#pragma once

#include <string>

#include "core/status.h"

namespace dt {

Status write_text_file(const std::string& path, const std::string& text);
Status make_directory(const std::string& path);

}  // namespace dt

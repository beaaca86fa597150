#include "report/dir_files.h"

#include <filesystem>

namespace dt {

bool has_file(const std::string& dir, const char* name) {
  std::error_code error;
  return std::filesystem::is_regular_file(std::filesystem::path(dir) / name, error);
}

std::string in_dir(const std::string& dir, const char* name) {
  return (std::filesystem::path(dir) / name).string();
}

}  // namespace dt

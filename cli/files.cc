#include "cli/files.h"

#include <filesystem>
#include <fstream>

namespace dt {

Status write_text_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return Status::error(path + ": cannot open for writing");
  out << text;
  out.close();
  if (!out) return Status::error(path + ": cannot write");
  return Status::ok();
}

Status make_directory(const std::string& path) {
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec) return Status::error(path + ": cannot create directory: " + ec.message());
  return Status::ok();
}

}  // namespace dt

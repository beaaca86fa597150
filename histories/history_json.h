// History files (docs/history-format.md): the config of the run and its client
// operations, one op per line.
#pragma once

#include <string>
#include <string_view>

#include "core/config.h"
#include "core/history.h"
#include "core/status.h"

namespace dt {

inline constexpr const char* kHistoryFormat = "dynamo-testbed-history";
inline constexpr uint64_t kHistoryVersion = 1;

struct HistoryFile {
  Config config;
  History ops;
  friend bool operator==(const HistoryFile&, const HistoryFile&) = default;
};

// Deterministic; fields at their defaults are omitted (see the format doc).
std::string write_history_json(const Config& config, const History& history);

// Parses, validates the config (Config::validate) and the history
// (validate_history). Errors read "h.json: ops[7]: ok for process 2 with no open invoke".
Result<HistoryFile> read_history_json(std::string_view text, std::string_view file_name);
Result<HistoryFile> load_history_file(const std::string& path);

}  // namespace dt

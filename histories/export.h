// Exports of a client history to external checkers (docs/exports.md):
//   elle-rw-register(-edn)   Elle rw-register: single-key transactions
//   elle-set-full(-edn)      Jepsen set-full over one cart key (add / read)
//   knossos-register         one key as a read/write register for Knossos
//                            (elle-cli --model cas-register)
//   porcupine-kv             all register keys, each op tagged with its key
// Every export writes ops in real-time order with dense indices, integer
// processes, each invoke followed by one completion per process, and a fresh
// process after every info. A history the export cannot express faithfully
// is an error, never a silently wrong file; so is an export that would hold no
// op (Elle cannot read an empty file): the error says why and which format to use.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/history.h"
#include "core/status.h"

namespace dt {

enum class ExportFormat {
  elle_rw_register,
  elle_rw_register_edn,
  elle_set_full,
  elle_set_full_edn,
  knossos_register,
  porcupine_kv,
};

const char* to_string(ExportFormat format);
// "elle-rw-register" etc.; the error lists the names.
Result<ExportFormat> parse_export_format(std::string_view name);
const std::vector<std::string>& export_format_names();

struct ExportOptions {
  // The one key that set-full and knossos-register export; absent = the only
  // key the history uses for that export (an error when there are several).
  std::optional<Key> key;
};

struct ExportOutput {
  std::string text;                // the file
  std::vector<std::string> notes;  // what was left out and why (for stderr)
};

Result<ExportOutput> export_history(const History& history, ExportFormat format,
                                    const ExportOptions& options);
// The file only, with default options.
Result<std::string> export_history(const History& history, ExportFormat format);

}  // namespace dt

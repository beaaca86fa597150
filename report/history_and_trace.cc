#include "report/history_and_trace.h"

#include <utility>

#include "histories/history_json.h"
#include "histories/trace_json.h"
#include "report/dir_files.h"

namespace dt {

Status load_history_and_trace(const std::string& dir, const std::string& config_source,
                              RunFiles& files) {
  const std::string history_path = in_dir(dir, "history.json");
  Result<HistoryFile> history = load_history_file(history_path);
  if (!history.is_ok()) return history.status();
  if (config_source.empty()) {
    files.schedule.config = history.value().config;
  } else if (!(history.value().config == files.schedule.config)) {
    return Status::error(history_path + ": config: differs from " + config_source + "'s");
  }
  files.history = std::move(history).value().ops;
  const std::string trace_path = in_dir(dir, "trace.json");
  Result<ReplicaTrace> trace = load_trace_file(trace_path);
  if (!trace.is_ok()) return trace.status();
  files.trace = std::move(trace).value();
  if (!files.trace.final_states.empty() &&
      files.trace.final_states.size() != files.schedule.config.nodes) {
    return Status::error(trace_path + ": final_states: " +
                         std::to_string(files.trace.final_states.size()) + " states for " +
                         std::to_string(files.schedule.config.nodes) + " nodes");
  }
  return Status::ok();
}

}  // namespace dt

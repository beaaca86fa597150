// The history.json and trace.json of a run, failure or explore directory,
// read into RunFiles and checked against the config, the one loading path
// that `report` uses for every kind of directory.
#pragma once

#include <string>

#include "core/status.h"
#include "report/run_data.h"

namespace dt {

// Reads DIR/history.json and DIR/trace.json into files.history and
// files.trace. With a non-empty `config_source` (the file files.schedule came
// from), the history's config must equal files.schedule.config; with an empty
// one, files.schedule.config is taken from the history (an explored path has
// no schedule). A trace with final states must have one per node.
Status load_history_and_trace(const std::string& dir, const std::string& config_source,
                              RunFiles& files);

}  // namespace dt

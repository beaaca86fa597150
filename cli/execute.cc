#include "cli/execute.h"

#include <filesystem>

#include <fmt/format.h>

#include "checks/verdict.h"
#include "cli/exit_codes.h"
#include "cli/files.h"
#include "fuzz/failure_files.h"
#include "fuzz/run_check.h"
#include "histories/history_json.h"
#include "histories/schedule_json.h"
#include "histories/trace_json.h"

namespace dt {

int Execution::exit_code() const {
  if (run.divergence.has_value() || report.any_promised_violation()) return kExitViolation;
  return kExitOk;
}

Execution execute(const Schedule& schedule, Side side) {
  const SideFactories factories = factories_for(side);
  RunVerdict verdict = run_and_check(schedule, factories.primary, factories.shadow);
  return Execution{std::move(verdict.run), std::move(verdict.report)};
}

namespace {

struct OpCounts {
  size_t invoked = 0, ok = 0, fail = 0, info = 0;
};

OpCounts count_ops(const History& history) {
  OpCounts c;
  for (const HistoryOp& op : history) {
    switch (op.type) {
      case OpType::invoke: ++c.invoked; break;
      case OpType::ok: ++c.ok; break;
      case OpType::fail: ++c.fail; break;
      case OpType::info: ++c.info; break;
    }
  }
  return c;
}

std::string config_line(const Config& c) {
  return fmt::format("nodes={} N={} R={} W={} Q={} {} hints={} {}", c.nodes, c.replicas_n,
                     c.read_quorum_r, c.write_quorum_w, c.partitions_q, to_string(c.quorum_mode),
                     to_string(c.hint_store), to_string(c.versioning));
}

}  // namespace

Status write_outputs(const std::string& dir, const Schedule& schedule, const Execution& e) {
  if (Status s = make_directory(dir); !s.is_ok()) return s;
  const std::filesystem::path base(dir);
  for (const auto& [name, text] :
       {std::pair<const char*, std::string>{"schedule.json", write_schedule_json(schedule)},
        {"history.json", write_history_json(schedule.config, e.run.history)},
        {"trace.json", write_trace_json(e.run.trace)},
        {"report.txt", summary_text(schedule, e)},
        {"report.json", to_json(e.report).dump(2) + "\n"}}) {
    if (Status s = write_text_file((base / name).string(), text); !s.is_ok()) return s;
  }
  if (!e.run.divergence) return Status::ok();
  return write_text_file((base / "divergence.json").string(),
                         divergence_json_text(*e.run.divergence));
}

std::string summary_text(const Schedule& schedule, const Execution& e) {
  const OpCounts ops = count_ops(e.run.history);
  std::string out;
  out += fmt::format("seed:        {}\n", schedule.seed);
  out += fmt::format("config:      {}\n", config_line(schedule.config));
  out += fmt::format("schedule:    {} events, workload {} ops on {} keys by {} clients\n",
                     schedule.events.size(), schedule.workload.ops, schedule.workload.keys,
                     schedule.workload.clients);
  out += fmt::format("history:     {} ops invoked: {} ok, {} fail, {} info\n", ops.invoked, ops.ok,
                     ops.fail, ops.info);
  out += fmt::format("simulator:   {} events, {} messages sent, {} dropped\n", e.run.stats.events,
                     e.run.stats.messages_sent, e.run.stats.messages_dropped);
  out += fmt::format("quiescence:  {} after {} round(s)\n",
                     e.run.trace.quiesced ? "converged" : "NOT converged",
                     e.run.trace.quiescence_rounds_used);
  if (e.run.divergence) {
    const Divergence& d = *e.run.divergence;
    out += fmt::format("REFINEMENT:  model and impl diverged at event {} (t={} ns, node {}): {}\n",
                       d.event_index, d.time_ns, d.node, d.event);
    for (const std::string& line : d.differences) out += "  " + line + "\n";
  }
  out += "\n" + format_report(e.report, 5);
  out += fmt::format("\ndigest: {}\n", digest_hex(e.run.digest));
  return out;
}

nlohmann::json summary_json(const Schedule& schedule, const Execution& e) {
  const OpCounts ops = count_ops(e.run.history);
  nlohmann::json j;
  j["seed"] = schedule.seed;
  j["config"] = config_line(schedule.config);
  j["ops"] = {{"invoked", ops.invoked}, {"ok", ops.ok}, {"fail", ops.fail}, {"info", ops.info}};
  j["events"] = e.run.stats.events;
  j["quiesced"] = e.run.trace.quiesced;
  j["quiescence_rounds"] = e.run.trace.quiescence_rounds_used;
  j["checks"] = to_json(e.report);
  if (e.run.divergence) {
    const Divergence& d = *e.run.divergence;
    j["divergence"] = {{"event_index", d.event_index}, {"time_ns", d.time_ns},
                       {"node", d.node},               {"event", d.event},
                       {"differences", d.differences}};
  } else {
    j["divergence"] = nullptr;
  }
  j["digest"] = digest_hex(e.run.digest);
  j["exit_code"] = e.exit_code();
  return j;
}

}  // namespace dt

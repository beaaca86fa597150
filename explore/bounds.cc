#include "explore/bounds.h"

#include <fmt/format.h>

#include "core/assert.h"

namespace dt {

const char* to_string(CoordinatorPolicy policy) {
  switch (policy) {
    case CoordinatorPolicy::spread: return "spread";
    case CoordinatorPolicy::first: return "first";
    case CoordinatorPolicy::any: return "any";
  }
  return "?";
}

Result<CoordinatorPolicy> parse_coordinator_policy(const std::string& text) {
  if (text == "spread") return CoordinatorPolicy::spread;
  if (text == "first") return CoordinatorPolicy::first;
  if (text == "any") return CoordinatorPolicy::any;
  return Status::error("--coordinators: \"" + text + "\" is not spread|first|any");
}

const char* to_string(TimeoutPolicy policy) {
  switch (policy) {
    case TimeoutPolicy::any: return "any";
    case TimeoutPolicy::after_loss: return "after-loss";
  }
  return "?";
}

Result<TimeoutPolicy> parse_timeout_policy(const std::string& text) {
  if (text == "any") return TimeoutPolicy::any;
  if (text == "after-loss") return TimeoutPolicy::after_loss;
  return Status::error("--timeouts: \"" + text + "\" is not any|after-loss");
}

Result<std::vector<OpFn>> parse_op_pattern(const std::string& text) {
  std::vector<OpFn> out;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = text.find(',', start);
    const std::string item =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const std::optional<OpFn> fn = parse_op_fn(item);
    if (!fn) return Status::error("--ops-pattern: \"" + item + "\" is not put|get|delete|add");
    out.push_back(*fn);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (out.empty()) return Status::error("--ops-pattern: empty");
  return out;
}

std::string op_pattern_text(const std::vector<OpFn>& pattern) {
  std::string out;
  for (OpFn fn : pattern) {
    if (!out.empty()) out += ",";
    out += to_string(fn);
  }
  return out;
}

std::string ExploreBounds::describe() const {
  return fmt::format(
      "clients={} ops/client={} keys={} pattern={} coordinators={} crashes={} wipes={} "
      "partitions={} lost={} duplicates={} timer-firings/node={} timeouts={} depth={} "
      "max-states={}",
      clients, ops_per_client, keys, op_pattern_text(op_pattern), to_string(coordinators),
      crashes, wipes, partitions, lost_messages, duplicates, timer_firings_per_node,
      to_string(timeouts), max_depth,
      max_states == 0 ? std::string("none") : std::to_string(max_states));
}

Status ExploreBounds::validate(const Config& config) const {
  if (Status s = config.validate(); !s.is_ok()) return s;
  if (clients == 0 || clients > 8) return Status::error("--clients: 1..8");
  if (ops_per_client > 8) return Status::error("--ops: 0..8 per client");
  if (keys == 0 || keys > 8) return Status::error("--keys: 1..8");
  if (op_pattern.empty()) return Status::error("--ops-pattern: empty");
  if (config.nodes > 8) return Status::error("--nodes: the explorer takes at most 8");
  if (max_depth == 0 || max_depth > 10'000) return Status::error("--max-depth: 1..10000");
  return Status::ok();
}

OpFn ExploreBounds::op_of(uint32_t op_index) const {
  DT_ASSERT(!op_pattern.empty(), "empty op pattern");
  return op_pattern[op_index % op_pattern.size()];
}

Key ExploreBounds::key_of(uint32_t client, uint32_t op_index) const {
  DT_ASSERT(keys > 0, "no keys");
  return (client + op_index) % keys;
}

}  // namespace dt

#include "histories/export_register.h"

#include <algorithm>

#include "histories/export_elle.h"
#include "histories/json_util.h"

namespace dt::exporting {

namespace {

void fill_write(const HistoryOp& invoke, Pair& pair) {
  DT_ASSERT(invoke.f == OpFn::put || invoke.f == OpFn::del, "a register write");
  pair.f = "write";
  pair.invoke_value = invoke.f == OpFn::put ? Json(*invoke.value) : Json(nullptr);
  pair.completion_value = pair.invoke_value;
}

}  // namespace

std::map<Key, std::string> non_register_keys(const History& history,
                                             const std::vector<Pair>& pairs) {
  std::map<Key, std::string> reasons;
  for (const Pair& pair : pairs) {
    const HistoryOp& invoke = history[pair.invoke];
    if (reasons.count(invoke.key) > 0) continue;
    if (invoke.f == OpFn::add) {
      reasons[invoke.key] = element_path("ops", pair.invoke) + " is an add (a set, not a register)";
      continue;
    }
    if (invoke.f != OpFn::get || !pair.completion) continue;
    const HistoryOp& done = history[*pair.completion];
    if (done.type == OpType::ok && !register_read_value(done, true)) {
      reasons[invoke.key] = element_path("ops", *pair.completion) + " read " +
                            std::to_string(done.read.size()) +
                            " siblings (a register read has one value)";
    }
  }
  DT_ASSERT(reasons.size() <= pairs.size(), "at most one reason per pair");
  return reasons;
}

Status select_register(const History& history, const std::vector<Key>& keys, bool tag_keys,
                       std::vector<Pair>& pairs) {
  DT_ASSERT(std::is_sorted(keys.begin(), keys.end()), "keys sorted for lookup");
  for (Pair& pair : pairs) {
    const HistoryOp& invoke = history[pair.invoke];
    if (!std::binary_search(keys.begin(), keys.end(), invoke.key)) continue;
    DT_ASSERT(invoke.f != OpFn::add, "cart keys are not register keys");
    const std::optional<OpType> outcome =
        pair.completion ? std::optional<OpType>(history[*pair.completion].type) : std::nullopt;
    if (outcome == OpType::fail) continue;  // did not happen
    if (tag_keys) pair.key = invoke.key;
    if (invoke.f == OpFn::get) {
      if (outcome != OpType::ok) continue;  // an unknown read tells nothing
      pair.keep = true;
      pair.f = "read";
      pair.invoke_value = nullptr;
      pair.completion_type = OpType::ok;
      std::optional<Json> value = register_read_value(history[*pair.completion], true);
      DT_ASSERT(value.has_value(), "multi-sibling keys were excluded");
      pair.completion_value = *value;
      continue;
    }
    if (invoke.f == OpFn::put && !invoke.value) {
      return Status::error(element_path("ops", pair.invoke) + ": put has no value");
    }
    pair.keep = true;
    fill_write(invoke, pair);
    if (outcome) pair.completion_type = *outcome;  // ok or info (may happen any time later)
  }
  return Status::ok();
}

}  // namespace dt::exporting

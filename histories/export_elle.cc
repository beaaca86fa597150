#include "histories/export_elle.h"

#include <limits>
#include <map>
#include <set>

#include "histories/json_util.h"

namespace dt::exporting {

namespace {

Json micro_op(const char* kind, Key key, Json value) {
  return Json::array({Json::array({kind, key, std::move(value)})});
}

// Each written value may appear once per key: Elle infers version order from it.
class UniqueValues {
 public:
  Status add(const char* format, Key key, int64_t value, size_t op_index) {
    auto [it, inserted] = first_writer_[key].emplace(value, op_index);
    if (inserted) return Status::ok();
    return Status::error(std::string(format) + ": " + element_path("ops", op_index) + ": value " +
                         std::to_string(value) + " is written to key " + std::to_string(key) +
                         " twice (first by " + element_path("ops", it->second) +
                         "); Elle needs unique written values per key");
  }

 private:
  std::map<Key, std::map<int64_t, size_t>> first_writer_;
};

// The value a put or delete writes in rw-register.
Result<int64_t> written_value(const HistoryOp& op, size_t index) {
  DT_ASSERT(op.f == OpFn::put || op.f == OpFn::del, "only puts and deletes write registers");
  if (op.f == OpFn::put) {
    if (!op.value)
      return Status::error("elle-rw-register: " + element_path("ops", index) +
                           ": put has no value");
    return *op.value;
  }
  if (op.write_id == 0 || op.write_id > static_cast<WriteId>(std::numeric_limits<int64_t>::max())) {
    return Status::error("elle-rw-register: " + element_path("ops", index) +
                         ": delete has no usable write_id (" + std::to_string(op.write_id) + ")");
  }
  return tombstone_value(op.write_id);
}

void fill_get(const History& history, Pair& pair, size_t& info_reads) {
  const HistoryOp& invoke = history[pair.invoke];
  pair.invoke_value = micro_op("r", invoke.key, nullptr);
  pair.completion_value = pair.invoke_value;
  if (!pair.completion) return;
  const HistoryOp& done = history[*pair.completion];
  pair.completion_type = done.type;
  if (done.type != OpType::ok) return;
  std::optional<Json> value = register_read_value(done, false);
  if (value) {
    pair.completion_value = micro_op("r", invoke.key, *value);
  } else {
    pair.completion_type = OpType::info;  // several siblings: no single register value
    ++info_reads;
  }
}

}  // namespace

int64_t tombstone_value(WriteId write_id) {
  DT_ASSERT(write_id > 0, "a delete has a write id");
  return -static_cast<int64_t>(write_id);
}

std::optional<Json> register_read_value(const HistoryOp& done, bool tombstone_as_null) {
  DT_ASSERT(done.f == OpFn::get && done.type == OpType::ok, "only a get's ok has a read value");
  if (done.read.empty()) return Json(nullptr);
  if (done.read.size() > 1) return std::nullopt;
  const Version& v = done.read.front();
  if (v.tombstone) {
    if (tombstone_as_null) return Json(nullptr);
    if (v.write_id == 0 || v.write_id > static_cast<WriteId>(std::numeric_limits<int64_t>::max())) {
      return std::nullopt;
    }
    return Json(tombstone_value(v.write_id));
  }
  if (v.value.size() != 1) return std::nullopt;  // a cart value, not a register
  return Json(v.value.front());
}

Status select_rw_register(const History& history, std::vector<Pair>& pairs,
                          std::vector<std::string>& notes) {
  std::set<Key> cart_keys;
  for (const HistoryOp& op : history) {
    if (op.f == OpFn::add) cart_keys.insert(op.key);
  }
  UniqueValues unique;
  size_t info_reads = 0;
  for (Pair& pair : pairs) {
    const HistoryOp& invoke = history[pair.invoke];
    if (cart_keys.count(invoke.key) > 0) continue;
    pair.keep = true;
    pair.f = "txn";
    if (invoke.f == OpFn::get) {
      fill_get(history, pair, info_reads);
      continue;
    }
    Result<int64_t> value = written_value(invoke, pair.invoke);
    if (!value) return value.status();
    if (Status s = unique.add("elle-rw-register", invoke.key, value.value(), pair.invoke); !s) {
      return s;
    }
    pair.invoke_value = micro_op("w", invoke.key, value.value());
    pair.completion_value = pair.invoke_value;
    if (pair.completion) pair.completion_type = history[*pair.completion].type;
  }
  for (Key key : cart_keys) {
    notes.push_back("key " + std::to_string(key) +
                    " left out: it has add ops (set values are not registers; use elle-set-full)");
  }
  if (info_reads > 0) {
    notes.push_back(std::to_string(info_reads) +
                    " get(s) that returned several siblings were exported as info (a register "
                    "read has one value)");
  }
  return Status::ok();
}

namespace {

Json read_set(const HistoryOp& done) {
  std::set<ElementValue> elements;
  for (const Version& v : done.read) {
    if (!v.tombstone) elements.insert(v.value.begin(), v.value.end());
  }
  Json set = Json::array();
  for (ElementValue e : elements) set.push_back(e);
  return set;
}

}  // namespace

Status select_set_full(const History& history, Key key, std::vector<Pair>& pairs,
                       std::vector<std::string>& notes) {
  UniqueValues unique;
  size_t left_out = 0;
  for (Pair& pair : pairs) {
    const HistoryOp& invoke = history[pair.invoke];
    if (invoke.key != key) {
      ++left_out;
      continue;
    }
    if (invoke.f == OpFn::put || invoke.f == OpFn::del) {
      return Status::error("elle-set-full: " + element_path("ops", pair.invoke) + ": a " +
                           to_string(invoke.f) + " on key " + std::to_string(key) +
                           "; set-full needs a key written only by add");
    }
    pair.keep = true;
    if (pair.completion) pair.completion_type = history[*pair.completion].type;
    if (invoke.f == OpFn::add) {
      if (!invoke.value) {
        return Status::error("elle-set-full: " + element_path("ops", pair.invoke) +
                             ": add has no element");
      }
      if (Status s = unique.add("elle-set-full", key, *invoke.value, pair.invoke); !s) return s;
      pair.f = "add";
      pair.invoke_value = *invoke.value;
      pair.completion_value = *invoke.value;
      continue;
    }
    pair.f = "read";
    pair.invoke_value = nullptr;
    pair.completion_value = nullptr;
    if (pair.completion && pair.completion_type == OpType::ok) {
      pair.completion_value = read_set(history[*pair.completion]);
    }
  }
  if (left_out > 0) {
    notes.push_back(std::to_string(left_out) + " op(s) on keys other than " + std::to_string(key) +
                    " left out (set-full checks one set)");
  }
  return Status::ok();
}

}  // namespace dt::exporting

#include "histories/export.h"

#include <array>
#include <optional>
#include <set>
#include <utility>

#include "histories/export_elle.h"
#include "histories/export_ops.h"
#include "histories/export_register.h"
#include "histories/json_util.h"

namespace dt {

namespace {

constexpr std::array<std::pair<ExportFormat, const char*>, 6> kNames{{
    {ExportFormat::elle_rw_register, "elle-rw-register"},
    {ExportFormat::elle_rw_register_edn, "elle-rw-register-edn"},
    {ExportFormat::elle_set_full, "elle-set-full"},
    {ExportFormat::elle_set_full_edn, "elle-set-full-edn"},
    {ExportFormat::knossos_register, "knossos-register"},
    {ExportFormat::porcupine_kv, "porcupine-kv"},
}};

std::string join_keys(const std::set<Key>& keys) {
  std::string out;
  for (Key key : keys) out += (out.empty() ? "" : ", ") + std::to_string(key);
  return out;
}

// The key a one-key export uses: the option, else the only key of `fns` ops.
Result<Key> pick_key(const History& history, const ExportOptions& options, const char* format,
                     std::initializer_list<OpFn> fns) {
  if (options.key) return *options.key;
  std::set<Key> keys;
  for (const HistoryOp& op : history) {
    for (OpFn fn : fns) {
      if (op.f == fn) keys.insert(op.key);
    }
  }
  if (keys.size() == 1) return *keys.begin();
  DT_ASSERT(keys.size() != 1, "a single key was returned above");
  if (keys.empty()) {
    return Status::error(std::string(format) + ": the history has no ops to export");
  }
  return Status::error(std::string(format) + ": the history uses keys " + join_keys(keys) +
                       "; choose one key to export");
}

// An export that left out every op would write a file Elle cannot read: say
// why, and which format the history's ops need instead (if any can take them).
Status nothing_to_export(const History& history, ExportFormat format,
                         const std::vector<std::string>& notes) {
  std::set<Key> add_keys;
  std::set<Key> register_keys;  // written by put or delete
  for (const HistoryOp& op : history) {
    if (op.f == OpFn::add) add_keys.insert(op.key);
    if (op.f == OpFn::put || op.f == OpFn::del) register_keys.insert(op.key);
  }
  if (add_keys.empty() && register_keys.empty()) {
    return Status::error(std::string(to_string(format)) + ": the history has no ops to export");
  }
  std::string message = std::string(to_string(format)) + ": every op was left out";
  std::string why;
  for (const std::string& note : notes) why += (why.empty() ? "" : "; ") + note;
  if (!why.empty()) message += " (" + why + ")";
  const bool set_full =
      format == ExportFormat::elle_set_full || format == ExportFormat::elle_set_full_edn;
  std::optional<Key> cart_only;      // add ops only: elle-set-full takes it
  std::optional<Key> register_only;  // no add ops: the register formats take it
  for (Key key : add_keys) {
    if (!cart_only && register_keys.count(key) == 0) cart_only = key;
  }
  for (Key key : register_keys) {
    if (!register_only && add_keys.count(key) == 0) register_only = key;
  }
  const std::optional<Key> same_kind = set_full ? cart_only : register_only;
  if (same_kind && format == ExportFormat::knossos_register) {
    return Status::error(message + "; choose --key " + std::to_string(*same_kind));
  }
  if (same_kind && set_full) {
    return Status::error(message + "; choose --key " + std::to_string(*same_kind));
  }
  if (!set_full && cart_only) {
    return Status::error(message + "; use elle-set-full --key " + std::to_string(*cart_only));
  }
  if (set_full && register_only) return Status::error(message + "; use elle-rw-register");
  return Status::error(message + "; no export format takes this history");
}

Result<ExportOutput> export_elle(const History& history, ExportFormat format,
                                 const ExportOptions& options, std::vector<exporting::Pair> pairs) {
  ExportOutput out;
  const bool set_full =
      format == ExportFormat::elle_set_full || format == ExportFormat::elle_set_full_edn;
  if (set_full) {
    Result<Key> key = pick_key(history, options, "elle-set-full", {OpFn::add});
    if (!key) return key.status();
    if (Status s = exporting::select_set_full(history, key.value(), pairs, out.notes); !s) return s;
  } else {
    if (Status s = exporting::select_rw_register(history, pairs, out.notes); !s) return s;
  }
  const std::vector<exporting::Op> ops = exporting::sequence(history, pairs);
  DT_ASSERT(ops.size() <= history.size(), "an export invents no op");
  if (ops.empty()) return nothing_to_export(history, format, out.notes);
  const bool edn =
      format == ExportFormat::elle_rw_register_edn || format == ExportFormat::elle_set_full_edn;
  out.text = edn ? exporting::render_edn(ops) : exporting::render_json(ops);
  return out;
}

Result<ExportOutput> export_knossos(const History& history, const ExportOptions& options,
                                    std::vector<exporting::Pair> pairs) {
  Result<Key> key =
      pick_key(history, options, "knossos-register", {OpFn::put, OpFn::get, OpFn::del});
  if (!key) return key.status();
  const std::map<Key, std::string> excluded = exporting::non_register_keys(history, pairs);
  if (auto it = excluded.find(key.value()); it != excluded.end()) {
    return Status::error("knossos-register: key " + std::to_string(key.value()) +
                         " is not a register: " + it->second);
  }
  if (Status s = exporting::select_register(history, {key.value()}, false, pairs); !s) {
    return Status::error("knossos-register: " + s.message());
  }
  const std::vector<exporting::Op> ops = exporting::sequence(history, pairs);
  if (ops.empty()) return nothing_to_export(history, ExportFormat::knossos_register, {});
  ExportOutput out;
  out.text = exporting::render_json(ops);
  return out;
}

Result<ExportOutput> export_porcupine(const History& history, std::vector<exporting::Pair> pairs) {
  const std::map<Key, std::string> excluded = exporting::non_register_keys(history, pairs);
  std::set<Key> all_keys;
  for (const HistoryOp& op : history) all_keys.insert(op.key);
  std::vector<Key> keys;
  for (Key key : all_keys) {
    if (excluded.count(key) == 0) keys.push_back(key);
  }
  if (Status s = exporting::select_register(history, keys, true, pairs); !s) {
    return Status::error("porcupine-kv: " + s.message());
  }
  ExportOutput out;
  Json doc = Json::object();
  doc["format"] = "dynamo-testbed-porcupine-kv";
  doc["version"] = 1;
  doc["skipped_keys"] = Json::array();
  for (const auto& [key, reason] : excluded) {
    doc["skipped_keys"].push_back(Json{{"key", key}, {"reason", reason}});
    out.notes.push_back("key " + std::to_string(key) + " skipped: " + reason);
  }
  const std::vector<exporting::Op> ops = exporting::sequence(history, pairs);
  if (ops.empty()) return nothing_to_export(history, ExportFormat::porcupine_kv, out.notes);
  doc["ops"] = Json::array();
  for (const exporting::Op& op : ops) {
    doc["ops"].push_back(exporting::op_to_json(op));
  }
  out.text = dump_document(doc, {"skipped_keys", "ops"});
  return out;
}

}  // namespace

const char* to_string(ExportFormat format) {
  for (const auto& [f, name] : kNames) {
    if (f == format) return name;
  }
  return "?";
}

const std::vector<std::string>& export_format_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& entry : kNames) out.emplace_back(entry.second);
    return out;
  }();
  return names;
}

Result<ExportFormat> parse_export_format(std::string_view name) {
  for (const auto& [f, known] : kNames) {
    if (name == known) return f;
  }
  std::string all;
  for (const auto& entry : kNames) all += (all.empty() ? "" : "|") + std::string(entry.second);
  return Status::error("\"" + std::string(name) + "\" is not an export format (" + all + ")");
}

Result<ExportOutput> export_history(const History& history, ExportFormat format,
                                    const ExportOptions& options) {
  Result<std::vector<exporting::Pair>> pairs = exporting::pair_ops(history);
  if (!pairs) return Status::error(std::string(to_string(format)) + ": " + pairs.error());
  switch (format) {
    case ExportFormat::elle_rw_register:
    case ExportFormat::elle_rw_register_edn:
    case ExportFormat::elle_set_full:
    case ExportFormat::elle_set_full_edn:
      return export_elle(history, format, options, std::move(pairs).value());
    case ExportFormat::knossos_register:
      return export_knossos(history, options, std::move(pairs).value());
    case ExportFormat::porcupine_kv:
      return export_porcupine(history, std::move(pairs).value());
  }
  DT_ASSERT(false, "every export format handled");
  return Status::error("unknown export format");
}

Result<std::string> export_history(const History& history, ExportFormat format) {
  Result<ExportOutput> out = export_history(history, format, ExportOptions{});
  if (!out) return out.status();
  return std::move(out).value().text;
}

}  // namespace dt

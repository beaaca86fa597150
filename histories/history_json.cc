#include "histories/history_json.h"

#include <utility>

#include "histories/config_json.h"
#include "histories/history_validate.h"
#include "histories/json_util.h"
#include "histories/version_json.h"

namespace dt {

namespace {

Json op_to_json(const HistoryOp& op) {
  Json j = Json::object();
  j["index"] = op.index;
  j["time_ns"] = op.time_ns;
  j["process"] = op.process;
  j["type"] = to_string(op.type);
  j["f"] = to_string(op.f);
  j["key"] = op.key;
  if (op.value.has_value()) j["value"] = *op.value;
  if (op.write_id != 0) j["write_id"] = op.write_id;
  j["op_id"] = op.op_id;
  if (op.coordinator != kNoNode) j["coordinator"] = op.coordinator;
  if (!op.context.empty()) j["context"] = vclock_to_json(op.context);
  if (!op.read.empty()) j["read"] = siblings_to_json(op.read);
  if (op.not_found) j["not_found"] = true;
  if (!op.error.empty()) j["error"] = op.error;
  DT_ASSERT(j.size() >= 7, "the always-present fields are written");
  return j;
}

// "type" and "f" through their parse functions.
void read_names(ObjectReader& r, HistoryOp& op) {
  std::string type;
  std::string f;
  r.read("type", type, Need::required);
  if (!r.ok()) return;
  if (std::optional<OpType> t = parse_op_type(type)) {
    op.type = *t;
  } else {
    r.fail(Status::error(r.path_of("type") + ": \"" + type +
                         "\" is not an op type (invoke|ok|fail|info)"));
    return;
  }
  r.read("f", f, Need::required);
  if (!r.ok()) return;
  if (std::optional<OpFn> fn = parse_op_fn(f)) {
    op.f = *fn;
  } else {
    r.fail(Status::error(r.path_of("f") + ": \"" + f + "\" is not an op (put|get|delete|add)"));
  }
}

Result<HistoryOp> op_from_json(const Json& json, const std::string& path) {
  HistoryOp op;
  ObjectReader r(json, path);
  r.read("index", op.index, Need::required);
  r.read("time_ns", op.time_ns, Need::required);
  r.read("process", op.process, Need::required);
  read_names(r, op);
  r.read("key", op.key, Need::required);
  if (r.has("value")) {
    int64_t value = 0;
    r.read("value", value, Need::required);
    op.value = value;
  }
  r.read("write_id", op.write_id, Need::optional);
  r.read("op_id", op.op_id, Need::required);
  r.read("coordinator", op.coordinator, Need::optional);
  if (const Json* context = r.field("context", Need::optional)) {
    if (Status s = read_vclock(*context, r.path_of("context"), op.context); !s) r.fail(s);
  }
  if (const Json* read = r.field("read", Need::optional)) {
    if (Status s = read_siblings(*read, r.path_of("read"), op.read); !s) r.fail(s);
  }
  r.read("not_found", op.not_found, Need::optional);
  r.read("error", op.error, Need::optional);
  if (Status s = r.finish("an op"); !s) return s;
  DT_ASSERT(op.value.has_value() == json.contains("value"), "value read when present");
  return op;
}

Status history_from_json(const Json& doc, HistoryFile& file) {
  ObjectReader r(doc, "");
  if (Status s = check_header(r, kHistoryFormat, kHistoryVersion); !s) return s;
  if (const Json* config = r.field("config", Need::required)) {
    Result<Config> c = config_from_json(*config, "config");
    if (!c) return c.status();
    file.config = c.value();
  }
  size_t size = 0;
  if (const Json* ops = r.field("ops", Need::required)) {
    if (Status s = expect_array(*ops, "ops", size); !s) return s;
    file.ops.reserve(size);
    for (size_t i = 0; i < size; ++i) {
      Result<HistoryOp> op = op_from_json((*ops)[i], element_path("ops", i));
      if (!op) return op.status();
      file.ops.push_back(std::move(op).value());
    }
  }
  if (Status s = r.finish("a history"); !s) return s;
  DT_ASSERT(file.ops.size() == size, "one op per array entry");
  if (Status s = file.config.validate(); !s) return s;
  return validate_history(file.config, file.ops);
}

}  // namespace

std::string write_history_json(const Config& config, const History& history) {
  Json doc = Json::object();
  doc["format"] = kHistoryFormat;
  doc["version"] = kHistoryVersion;
  doc["config"] = config_to_json(config);
  doc["ops"] = Json::array();
  for (const HistoryOp& op : history) doc["ops"].push_back(op_to_json(op));
  DT_ASSERT(doc["ops"].size() == history.size(), "every op written");
  return dump_document(doc, {"ops"});
}

Result<HistoryFile> read_history_json(std::string_view text, std::string_view file_name) {
  Result<Json> doc = parse_json(text);
  if (!doc) return in_file(file_name, doc.status());
  HistoryFile file;
  if (Status s = history_from_json(doc.value(), file); !s) return in_file(file_name, s);
  return file;
}

Result<HistoryFile> load_history_file(const std::string& path) {
  Result<std::string> text = read_text_file(path);
  if (!text) return text.status();
  return read_history_json(text.value(), path);
}

}  // namespace dt

// Exports: exact files for hand-built histories, exact errors for histories an
// export cannot express, and the structural rules external checkers need
// (docs/exports.md, /work/shared/EXPORT-FORMATS.md) on generated histories.
#include "histories/export.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <map>
#include <set>

#include "histories/json_util.h"
#include "tests/histories/generators.h"

namespace dt {
namespace {

// Builds well-formed histories: time advances by 10 ns per op.
class Builder {
 public:
  void invoke(ProcessId p, OpFn f, Key key, std::optional<ElementValue> value = {},
              WriteId write_id = 0) {
    HistoryOp op = next(p, OpType::invoke);
    op.f = f;
    op.key = key;
    op.value = value;
    op.write_id = write_id;
    op.op_id = 100 + h.size();
    open[p] = h.size();
    h.push_back(op);
  }
  void complete(ProcessId p, OpType type, Siblings read = {}) {
    const HistoryOp& inv = h[open.at(p)];
    HistoryOp op = next(p, type);
    op.f = inv.f;
    op.key = inv.key;
    op.value = inv.value;
    op.write_id = inv.write_id;
    op.op_id = inv.op_id;
    if (type == OpType::ok && op.f == OpFn::get) op.not_found = all_tombstones(read);
    op.read = std::move(read);
    if (type == OpType::fail || type == OpType::info) op.error = "timeout";
    open.erase(p);
    h.push_back(op);
  }
  History h;

 private:
  HistoryOp next(ProcessId p, OpType type) {
    HistoryOp op;
    op.index = h.size();
    op.time_ns = 10 * (h.size() + 1);
    op.process = p;
    op.type = type;
    return op;
  }
  std::map<ProcessId, size_t> open;
};

Version live(ActorId actor, uint64_t counter, Value value, WriteId write_id) {
  Version v;
  v.dot = Dot{actor, counter};
  v.value = std::move(value);
  v.write_id = write_id;
  return v;
}

Version tomb(ActorId actor, uint64_t counter, WriteId write_id) {
  Version v = live(actor, counter, {}, write_id);
  v.tombstone = true;
  return v;
}

std::string exported(const History& h, ExportFormat format, ExportOptions options = {}) {
  Result<ExportOutput> out = export_history(h, format, options);
  return out.is_ok() ? out.value().text : "error: " + out.error();
}

TEST(Export, NamesRoundTrip) {
  for (const std::string& name : export_format_names()) {
    Result<ExportFormat> f = parse_export_format(name);
    ASSERT_TRUE(f.is_ok());
    EXPECT_EQ(to_string(f.value()), name);
  }
  EXPECT_EQ(parse_export_format("elle").error(),
            "\"elle\" is not an export format (elle-rw-register|elle-rw-register-edn|"
            "elle-set-full|elle-set-full-edn|knossos-register|porcupine-kv)");
}

TEST(Export, RwRegisterWritesSingleKeyTransactions) {
  Builder b;
  b.invoke(0, OpFn::put, 1, 7, 7);
  b.invoke(1, OpFn::get, 1);
  b.complete(0, OpType::ok);
  b.complete(1, OpType::ok, {live(2, 1, {7}, 7)});
  b.invoke(1, OpFn::get, 2);
  b.complete(1, OpType::ok);
  EXPECT_EQ(exported(b.h, ExportFormat::elle_rw_register),
            "[\n"
            R"({"index":0,"time":10,"process":0,"type":"invoke","f":"txn","value":[["w",1,7]]},)"
            "\n"
            R"({"index":1,"time":20,"process":1,"type":"invoke","f":"txn","value":[["r",1,null]]},)"
            "\n"
            R"({"index":2,"time":30,"process":0,"type":"ok","f":"txn","value":[["w",1,7]]},)"
            "\n"
            R"({"index":3,"time":40,"process":1,"type":"ok","f":"txn","value":[["r",1,7]]},)"
            "\n"
            R"({"index":4,"time":50,"process":1,"type":"invoke","f":"txn","value":[["r",2,null]]},)"
            "\n"
            R"({"index":5,"time":60,"process":1,"type":"ok","f":"txn","value":[["r",2,null]]})"
            "\n]\n");
  EXPECT_EQ(exported(b.h, ExportFormat::elle_rw_register_edn),
            "{:index 0, :time 10, :process 0, :type :invoke, :f :txn, :value [[:w 1 7]]}\n"
            "{:index 1, :time 20, :process 1, :type :invoke, :f :txn, :value [[:r 1 nil]]}\n"
            "{:index 2, :time 30, :process 0, :type :ok, :f :txn, :value [[:w 1 7]]}\n"
            "{:index 3, :time 40, :process 1, :type :ok, :f :txn, :value [[:r 1 7]]}\n"
            "{:index 4, :time 50, :process 1, :type :invoke, :f :txn, :value [[:r 2 nil]]}\n"
            "{:index 5, :time 60, :process 1, :type :ok, :f :txn, :value [[:r 2 nil]]}\n");
}

TEST(Export, RwRegisterTurnsMultiSiblingReadsIntoInfoWithAFreshProcess) {
  Builder b;
  b.invoke(3, OpFn::get, 1);
  b.complete(3, OpType::ok, {live(1, 1, {5}, 5), live(2, 1, {6}, 6)});
  b.invoke(3, OpFn::get, 1);
  b.complete(3, OpType::ok, {live(1, 1, {5}, 5)});
  Result<ExportOutput> out = export_history(b.h, ExportFormat::elle_rw_register, {});
  ASSERT_TRUE(out.is_ok()) << out.error();
  EXPECT_EQ(out.value().text,
            "[\n"
            R"({"index":0,"time":10,"process":3,"type":"invoke","f":"txn","value":[["r",1,null]]},)"
            "\n"
            R"({"index":1,"time":20,"process":3,"type":"info","f":"txn","value":[["r",1,null]]},)"
            "\n"
            R"({"index":2,"time":30,"process":4,"type":"invoke","f":"txn","value":[["r",1,null]]},)"
            "\n"
            R"({"index":3,"time":40,"process":4,"type":"ok","f":"txn","value":[["r",1,5]]})"
            "\n]\n");
  EXPECT_EQ(out.value().notes,
            std::vector<std::string>{"1 get(s) that returned several siblings were exported as "
                                     "info (a register read has one value)"});
}

TEST(Export, RwRegisterWritesDeletesAsNegatedWriteIds) {
  Builder b;
  b.invoke(0, OpFn::del, 1, std::nullopt, 9);
  b.complete(0, OpType::ok);
  b.invoke(0, OpFn::get, 1);
  b.complete(0, OpType::ok, {tomb(2, 3, 9)});
  const std::string text = exported(b.h, ExportFormat::elle_rw_register);
  EXPECT_NE(text.find(R"("type":"invoke","f":"txn","value":[["w",1,-9]]})"), std::string::npos)
      << text;
  EXPECT_NE(text.find(R"("type":"ok","f":"txn","value":[["r",1,-9]]})"), std::string::npos) << text;
}

TEST(Export, RwRegisterRejectsRepeatedWrittenValues) {
  Builder b;
  b.invoke(0, OpFn::put, 1, 7, 1);
  b.complete(0, OpType::ok);
  b.invoke(0, OpFn::put, 1, 7, 2);
  EXPECT_EQ(exported(b.h, ExportFormat::elle_rw_register),
            "error: elle-rw-register: ops[2]: value 7 is written to key 1 twice (first by "
            "ops[0]); Elle needs unique written values per key");
  b.invoke(1, OpFn::put, 2, std::nullopt, 3);
  b.h.erase(b.h.begin() + 2);  // keep only the valueless put beside the first pair
  b.h[2].index = 2;
  EXPECT_EQ(exported(b.h, ExportFormat::elle_rw_register),
            "error: elle-rw-register: ops[2]: put has no value");
}

TEST(Export, RwRegisterLeavesOutCartKeys) {
  Builder b;
  b.invoke(0, OpFn::add, 4, 11, 11);
  b.complete(0, OpType::ok);
  b.invoke(0, OpFn::put, 1, 7, 7);
  Result<ExportOutput> out = export_history(b.h, ExportFormat::elle_rw_register, {});
  ASSERT_TRUE(out.is_ok());
  EXPECT_EQ(out.value().text,
            "[\n"
            R"({"index":0,"time":30,"process":0,"type":"invoke","f":"txn","value":[["w",1,7]]})"
            "\n]\n");
  EXPECT_EQ(out.value().notes,
            std::vector<std::string>{"key 4 left out: it has add ops (set values are not "
                                     "registers; use elle-set-full)"});
}

TEST(Export, RejectsMalformedHistories) {
  Builder b;
  b.invoke(0, OpFn::put, 1, 7, 7);
  b.complete(0, OpType::ok);
  History h = {b.h[1]};
  h[0].index = 0;
  h[0].process = 2;
  EXPECT_EQ(exported(h, ExportFormat::elle_rw_register),
            "error: elle-rw-register: ops[0]: ok for process 2 with no open invoke");
  h = {b.h[0], b.h[0]};
  EXPECT_EQ(exported(h, ExportFormat::porcupine_kv),
            "error: porcupine-kv: ops[1]: invoke for process 0 while ops[0] is still open");
  h = {b.h[0], b.h[1]};
  h[1].key = 2;
  EXPECT_EQ(exported(h, ExportFormat::elle_set_full),
            "error: elle-set-full: ops[1]: ok does not match its invoke ops[0] (f, key and op_id "
            "must be equal)");
}

TEST(Export, SetFullReadsTheUnionOfLiveSiblings) {
  Builder b;
  b.invoke(0, OpFn::add, 4, 11, 11);
  b.invoke(1, OpFn::add, 4, 12, 12);
  b.complete(0, OpType::ok);
  b.complete(1, OpType::info);
  b.invoke(2, OpFn::get, 4);
  b.complete(2, OpType::ok, {live(1, 1, {11}, 11), live(2, 1, {11, 12}, 12), tomb(3, 1, 13)});
  EXPECT_EQ(exported(b.h, ExportFormat::elle_set_full),
            "[\n"
            R"({"index":0,"time":10,"process":0,"type":"invoke","f":"add","value":11},)"
            "\n"
            R"({"index":1,"time":20,"process":1,"type":"invoke","f":"add","value":12},)"
            "\n"
            R"({"index":2,"time":30,"process":0,"type":"ok","f":"add","value":11},)"
            "\n"
            R"({"index":3,"time":40,"process":1,"type":"info","f":"add","value":12},)"
            "\n"
            R"({"index":4,"time":50,"process":2,"type":"invoke","f":"read","value":null},)"
            "\n"
            R"({"index":5,"time":60,"process":2,"type":"ok","f":"read","value":[11,12]})"
            "\n]\n");
  EXPECT_EQ(exported(b.h, ExportFormat::elle_set_full_edn),
            "{:index 0, :time 10, :process 0, :type :invoke, :f :add, :value 11}\n"
            "{:index 1, :time 20, :process 1, :type :invoke, :f :add, :value 12}\n"
            "{:index 2, :time 30, :process 0, :type :ok, :f :add, :value 11}\n"
            "{:index 3, :time 40, :process 1, :type :info, :f :add, :value 12}\n"
            "{:index 4, :time 50, :process 2, :type :invoke, :f :read, :value nil}\n"
            "{:index 5, :time 60, :process 2, :type :ok, :f :read, :value [11 12]}\n");
}

TEST(Export, EveryOpLeftOutIsAnErrorNamingTheFormatToUse) {
  Builder cart;
  cart.invoke(0, OpFn::add, 4, 11, 11);
  cart.complete(0, OpType::ok);
  EXPECT_EQ(exported(cart.h, ExportFormat::elle_rw_register),
            "error: elle-rw-register: every op was left out (key 4 left out: it has add ops "
            "(set values are not registers; use elle-set-full)); use elle-set-full --key 4");
  EXPECT_NE(exported(cart.h, ExportFormat::elle_rw_register_edn).find("; use elle-set-full"),
            std::string::npos);
  EXPECT_EQ(exported(cart.h, ExportFormat::porcupine_kv),
            "error: porcupine-kv: every op was left out (key 4 skipped: ops[0] is an add (a "
            "set, not a register)); use elle-set-full --key 4");
  Builder registers;
  registers.invoke(0, OpFn::put, 1, 7, 7);
  registers.complete(0, OpType::ok);
  EXPECT_EQ(exported(registers.h, ExportFormat::elle_set_full, {.key = 1}),
            "error: elle-set-full: ops[0]: a put on key 1; set-full needs a key written only "
            "by add");
  EXPECT_EQ(exported(registers.h, ExportFormat::elle_set_full, {.key = 9}),
            "error: elle-set-full: every op was left out (1 op(s) on keys other than 9 left out "
            "(set-full checks one set)); use elle-rw-register");
  EXPECT_EQ(exported(registers.h, ExportFormat::knossos_register, {.key = 9}),
            "error: knossos-register: every op was left out; choose --key 1");
  EXPECT_EQ(exported(History{}, ExportFormat::porcupine_kv),
            "error: porcupine-kv: the history has no ops to export");
  // A key written by both add and put fits no format: no format is suggested.
  Builder mixed;
  mixed.invoke(0, OpFn::add, 4, 11, 11);
  mixed.complete(0, OpType::ok);
  mixed.invoke(0, OpFn::put, 4, 12, 12);
  mixed.complete(0, OpType::ok);
  EXPECT_EQ(exported(mixed.h, ExportFormat::porcupine_kv),
            "error: porcupine-kv: every op was left out (key 4 skipped: ops[0] is an add (a "
            "set, not a register)); no export format takes this history");
  // Near miss: one op kept is a file.
  EXPECT_EQ(exported(registers.h, ExportFormat::elle_rw_register).rfind("error", 0),
            std::string::npos);
}

TEST(Export, SetFullNeedsOneCartKey) {
  Builder b;
  b.invoke(0, OpFn::add, 4, 11, 11);
  b.complete(0, OpType::ok);
  b.invoke(0, OpFn::add, 5, 12, 12);
  b.complete(0, OpType::ok);
  EXPECT_EQ(exported(b.h, ExportFormat::elle_set_full),
            "error: elle-set-full: the history uses keys 4, 5; choose one key to export");
  Result<ExportOutput> one = export_history(b.h, ExportFormat::elle_set_full, {.key = 5});
  ASSERT_TRUE(one.is_ok());
  EXPECT_EQ(one.value().notes, std::vector<std::string>{"1 op(s) on keys other than 5 left out "
                                                        "(set-full checks one set)"});
  b.invoke(0, OpFn::put, 4, 13, 13);
  EXPECT_EQ(exported(b.h, ExportFormat::elle_set_full, {.key = 4}),
            "error: elle-set-full: ops[4]: a put on key 4; set-full needs a key written only "
            "by add");
  EXPECT_EQ(exported(History{}, ExportFormat::elle_set_full),
            "error: elle-set-full: the history has no ops to export");
}

TEST(Export, KnossosRegisterDropsFailsAndUnknownReads) {
  Builder b;
  b.invoke(0, OpFn::put, 1, 7, 7);
  b.complete(0, OpType::fail);
  b.invoke(0, OpFn::put, 1, 8, 8);
  b.complete(0, OpType::info);
  b.invoke(1, OpFn::del, 1, std::nullopt, 9);
  b.complete(1, OpType::ok);
  b.invoke(1, OpFn::get, 1);
  b.complete(1, OpType::info);
  b.invoke(2, OpFn::get, 1);
  b.complete(2, OpType::ok, {tomb(1, 1, 9)});
  b.invoke(3, OpFn::get, 1);
  EXPECT_EQ(exported(b.h, ExportFormat::knossos_register),
            "[\n"
            R"({"index":0,"time":30,"process":0,"type":"invoke","f":"write","value":8},)"
            "\n"
            R"({"index":1,"time":40,"process":0,"type":"info","f":"write","value":8},)"
            "\n"
            R"({"index":2,"time":50,"process":1,"type":"invoke","f":"write","value":null},)"
            "\n"
            R"({"index":3,"time":60,"process":1,"type":"ok","f":"write","value":null},)"
            "\n"
            R"({"index":4,"time":90,"process":2,"type":"invoke","f":"read","value":null},)"
            "\n"
            R"({"index":5,"time":100,"process":2,"type":"ok","f":"read","value":null})"
            "\n]\n");
}

TEST(Export, KnossosRegisterRejectsSiblingKeys) {
  Builder b;
  b.invoke(0, OpFn::get, 1);
  b.complete(0, OpType::ok, {live(1, 1, {5}, 5), live(2, 1, {6}, 6)});
  EXPECT_EQ(exported(b.h, ExportFormat::knossos_register),
            "error: knossos-register: key 1 is not a register: ops[1] read 2 siblings (a "
            "register read has one value)");
  b.invoke(0, OpFn::get, 2);
  EXPECT_EQ(exported(b.h, ExportFormat::knossos_register),
            "error: knossos-register: the history uses keys 1, 2; choose one key to export");
}

TEST(Export, PorcupineKvSkipsNonRegisterKeys) {
  Builder b;
  b.invoke(0, OpFn::get, 1);
  b.complete(0, OpType::ok, {live(1, 1, {5}, 5), live(2, 1, {6}, 6)});
  b.invoke(0, OpFn::add, 2, 3, 3);
  b.complete(0, OpType::ok);
  b.invoke(0, OpFn::put, 3, 4, 4);
  b.complete(0, OpType::ok);
  Result<ExportOutput> out = export_history(b.h, ExportFormat::porcupine_kv, {});
  ASSERT_TRUE(out.is_ok()) << out.error();
  EXPECT_EQ(
      out.value().text,
      "{\n"
      "  \"format\": \"dynamo-testbed-porcupine-kv\",\n"
      "  \"version\": 1,\n"
      "  \"skipped_keys\": [\n"
      R"x(    {"key":1,"reason":"ops[1] read 2 siblings (a register read has one value)"},)x"
      "\n"
      R"x(    {"key":2,"reason":"ops[2] is an add (a set, not a register)"})x"
      "\n  ],\n"
      "  \"ops\": [\n"
      R"(    {"index":0,"time":50,"process":0,"type":"invoke","f":"write","key":3,"value":4},)"
      "\n"
      R"(    {"index":1,"time":60,"process":0,"type":"ok","f":"write","key":3,"value":4})"
      "\n  ]\n}\n");
  EXPECT_EQ(out.value().notes.size(), 2u);
}

// The rules of EXPORT-FORMATS.md, checked on an exported op array.
std::string structural_problem(const Json& ops, ExportFormat format) {
  if (!ops.is_array()) return "not one top-level array";
  std::map<uint64_t, size_t> open;  // process -> invoke position
  std::set<uint64_t> retired;       // processes that completed with info
  std::map<uint64_t, std::set<int64_t>> written;
  uint64_t last_time = 0;
  for (size_t i = 0; i < ops.size(); ++i) {
    const Json& op = ops[i];
    const std::string at = "op " + std::to_string(i) + ": ";
    if (!op["process"].is_number_unsigned()) return at + "process is not an integer";
    if (op["index"] != i) return at + "index is not dense";
    if (op["time"].get<uint64_t>() < last_time) return at + "time goes backwards";
    last_time = op["time"].get<uint64_t>();
    const uint64_t p = op["process"].get<uint64_t>();
    const std::string type = op["type"].get<std::string>();
    if (type == "invoke") {
      if (retired.count(p) > 0) return at + "invoke after info";
      if (open.count(p) > 0) return at + "invoke while open";
      open[p] = i;
    } else {
      if (type != "ok" && type != "fail" && type != "info") return at + "bad type";
      if (open.count(p) == 0) return at + "completion without invoke";
      if (ops[open[p]]["f"] != op["f"]) return at + "f differs from its invoke";
      open.erase(p);
      if (type == "info") retired.insert(p);
    }
    const Json& value = op["value"];
    if (format == ExportFormat::elle_rw_register) {
      if (op["f"] != "txn" || !value.is_array() || value.size() != 1) return at + "not one mop";
      const Json& mop = value[0];
      if (!mop.is_array() || mop.size() != 3 || !mop[1].is_number_unsigned()) {
        return at + "bad micro-op shape";
      }
      if (mop[0] == "w") {
        if (!mop[2].is_number_integer()) return at + "write without integer value";
        if (type == "invoke" && !written[mop[1]].insert(mop[2].get<int64_t>()).second) {
          return at + "written value repeated";
        }
      } else if (mop[0] == "r") {
        if (type == "invoke" && !mop[2].is_null()) return at + "read invoke carries a value";
        if (!mop[2].is_null() && !mop[2].is_number_integer()) return at + "bad read value";
      } else {
        return at + "micro-op is neither r nor w";
      }
    }
    if (format == ExportFormat::elle_set_full) {
      if (op["f"] == "add") {
        if (!value.is_number_integer()) return at + "add without an element";
        if (type == "invoke" && !written[0].insert(value.get<int64_t>()).second) {
          return at + "element added twice";
        }
      } else if (op["f"] == "read") {
        if (type == "invoke" && !value.is_null()) return at + "read invoke carries a value";
        if (type == "ok" && !value.is_array()) return at + "read ok without a set";
      } else {
        return at + "f is neither add nor read";
      }
    }
  }
  return "";
}

RC_GTEST_PROP(Export, RwRegisterFollowsTheElleRules, ()) {
  const Config config = testgen::gen_config();
  const History h = testgen::gen_history(config, 3);
  Result<ExportOutput> out = export_history(h, ExportFormat::elle_rw_register, {});
  if (!out.is_ok()) {  // nothing left to export: an error, never an empty file
    RC_ASSERT(out.error().find("elle-rw-register: ") == 0);
    RC_ASSERT(out.error().find("use elle-set-full") != std::string::npos ||
              out.error().find("no ops to export") != std::string::npos);
    return;
  }
  Result<Json> ops = parse_json(out.value().text);
  RC_ASSERT(ops.is_ok());
  RC_ASSERT(structural_problem(ops.value(), ExportFormat::elle_rw_register) == "");
  Result<std::string> edn = export_history(h, ExportFormat::elle_rw_register_edn);
  RC_ASSERT(edn.is_ok());
  RC_ASSERT(static_cast<size_t>(std::count(edn.value().begin(), edn.value().end(), '\n')) ==
            ops.value().size());
}

RC_GTEST_PROP(Export, SetFullFollowsTheElleRules, ()) {
  const Config config = testgen::gen_config();
  const History h = testgen::gen_history(config, 1, {OpFn::add, OpFn::get});
  Result<ExportOutput> out = export_history(h, ExportFormat::elle_set_full, {.key = 0});
  if (!out.is_ok()) {
    RC_ASSERT(out.error().find("elle-set-full: ") == 0);
    return;
  }
  Result<Json> ops = parse_json(out.value().text);
  RC_ASSERT(ops.is_ok());
  RC_ASSERT(structural_problem(ops.value(), ExportFormat::elle_set_full) == "");
}

RC_GTEST_PROP(Export, RegisterExportsPairEveryOp, ()) {
  const Config config = testgen::gen_config();
  const History h = testgen::gen_history(config, 3);
  Result<ExportOutput> out = export_history(h, ExportFormat::porcupine_kv, {});
  if (!out.is_ok()) {
    RC_ASSERT(out.error().find("porcupine-kv: ") == 0);
    return;
  }
  Result<Json> doc = parse_json(out.value().text);
  RC_ASSERT(doc.is_ok());
  RC_ASSERT(structural_problem(doc.value()["ops"], ExportFormat::porcupine_kv) == "");
  Result<ExportOutput> one = export_history(h, ExportFormat::knossos_register, {.key = 0});
  if (!one.is_ok()) {
    RC_ASSERT(one.error().find("knossos-register: key 0 is not a register") == 0 ||
              one.error() == "knossos-register: the history has no ops to export" ||
              one.error().find("knossos-register: every op was left out") == 0);
    return;
  }
  Result<Json> ops = parse_json(one.value().text);
  RC_ASSERT(ops.is_ok());
  RC_ASSERT(structural_problem(ops.value(), ExportFormat::knossos_register) == "");
}

}  // namespace
}  // namespace dt

#include "core/history.h"

namespace dt {

const char* to_string(OpType type) {
  switch (type) {
    case OpType::invoke: return "invoke";
    case OpType::ok: return "ok";
    case OpType::fail: return "fail";
    case OpType::info: return "info";
  }
  return "?";
}

const char* to_string(OpFn fn) {
  switch (fn) {
    case OpFn::put: return "put";
    case OpFn::get: return "get";
    case OpFn::del: return "delete";
    case OpFn::add: return "add";
  }
  return "?";
}

std::optional<OpType> parse_op_type(std::string_view text) {
  for (OpType t : {OpType::invoke, OpType::ok, OpType::fail, OpType::info}) {
    if (text == to_string(t)) return t;
  }
  return std::nullopt;
}

std::optional<OpFn> parse_op_fn(std::string_view text) {
  for (OpFn f : {OpFn::put, OpFn::get, OpFn::del, OpFn::add}) {
    if (text == to_string(f)) return f;
  }
  return std::nullopt;
}

}  // namespace dt

#include "nodes/sides.h"

#include "impl/impl_node.h"
#include "model/model_node.h"

namespace dt {

Result<Side> parse_side(const std::string& text) {
  if (text == "model") return Side::model;
  if (text == "impl") return Side::impl;
  if (text == "both") return Side::both;
  return Status::error("--side: \"" + text + "\" is not a side (model|impl|both)");
}

const char* to_string(Side side) {
  switch (side) {
    case Side::model: return "model";
    case Side::impl: return "impl";
    case Side::both: return "both";
  }
  return "?";
}

SideFactories factories_for(Side side) {
  switch (side) {
    case Side::model: return {&make_model_node, nullptr};
    case Side::impl: return {&make_impl_node, nullptr};
    case Side::both: return {&make_model_node, &make_impl_node};
  }
  DT_ASSERT(false, "unknown side");
  return {&make_model_node, nullptr};
}

}  // namespace dt

#include "cli/factories.h"

#include "impl/impl_node.h"
#include "model/model_node.h"

namespace dt {

SideFactories factories_for(Side side) {
  switch (side) {
    case Side::model: return {&make_model_node, nullptr};
    case Side::impl: return {&make_impl_node, nullptr};
    case Side::both: return {&make_model_node, &make_impl_node};
  }
  return {&make_model_node, nullptr};
}

}  // namespace dt

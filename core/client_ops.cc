#include "core/client_ops.h"

#include <set>

#include "core/assert.h"

namespace dt {

Value add_value(const Siblings& read, ElementValue element) {
  std::set<ElementValue> elements{element};
  for (const Version& v : read) {
    if (!v.tombstone) elements.insert(v.value.begin(), v.value.end());
  }
  return Value(elements.begin(), elements.end());
}

ClientRequest write_phase_request(uint64_t op_id, OpFn f, Key key, WriteId write_id,
                                  const ClientReply& read_reply,
                                  const std::optional<ElementValue>& element) {
  DT_ASSERT(is_composite(f), "write phase of a simple op");
  ClientRequest request;
  request.op_id = op_id;
  request.key = key;
  request.context = read_reply.context;
  request.write_id = write_id;
  if (f == OpFn::del) {
    request.kind = ClientOpKind::del;
  } else {
    DT_ASSERT(element.has_value(), "add without an element");
    request.kind = ClientOpKind::put;
    request.value = add_value(read_reply.siblings, *element);
  }
  return request;
}

}  // namespace dt

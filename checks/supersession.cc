#include "checks/supersession.h"

#include "core/assert.h"

namespace dt {

Supersession::Supersession(const HistoryIndex& index, const WriteFacts& facts)
    : facts_(facts), index_(index) {
  for (const IndexedOp& op : index.ops()) {
    if (!is_write(op.f)) continue;
    const WriteFact* fact = facts.find(op.write_id);
    DT_ASSERT(fact != nullptr, "every invoked write has facts");
    writes_by_key_[op.key].push_back(op.write_id);
  }
  DT_ASSERT(writes_by_key_.size() <= index.ops().size(), "more keys than ops");
}

std::unordered_set<WriteId> Supersession::descendants(WriteId write_id) const {
  std::unordered_set<WriteId> seen{write_id};
  const auto op = index_.op_of_write(write_id);
  if (!op) return seen;
  const auto same_key = writes_by_key_.find(index_.op(*op).key);
  DT_ASSERT(same_key != writes_by_key_.end(), "a write without its key's list");
  std::vector<WriteId> frontier{write_id};
  while (!frontier.empty()) {
    const WriteId older = frontier.back();
    frontier.pop_back();
    for (WriteId newer : same_key->second) {
      if (seen.count(newer) != 0 || !facts_.covers(newer, older)) continue;
      seen.insert(newer);
      frontier.push_back(newer);
    }
  }
  DT_ASSERT(seen.size() <= same_key->second.size() + 1, "more descendants than writes");
  return seen;
}

}  // namespace dt

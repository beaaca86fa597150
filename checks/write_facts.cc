#include "checks/write_facts.h"

#include <algorithm>

#include "core/assert.h"

namespace dt {

namespace {

// Actors stay below 2^24 (incarnation * 1024 + node); counters below 2^40.
uint64_t pack_dot(const Dot& dot) { return (uint64_t{dot.actor} << 40) ^ dot.counter; }

const VClock kEmptyClock;

}  // namespace

WriteFacts::WriteFacts(const HistoryIndex& index, const ReplicaTrace& trace)
    : slot_of_write_(4 * index.ops().size() + 1024) {
  facts_.reserve(index.ops().size());
  write_of_slot_.reserve(index.ops().size());
  // Contexts from the client's side first: versions seen below override them.
  for (const IndexedOp& op : index.ops()) {
    if (!is_write(op.f)) continue;
    WriteFact& fact = fact_of(op.write_id);
    fact.context = &index.invoke_of(op).context;
    // Deletes and adds read first and write with the context that read returned.
    if ((op.f == OpFn::add || op.f == OpFn::del) && op.completed()) {
      owned_contexts_.push_back(
          VClock::merged(*fact.context, context_of(index.completion_of(op).read)));
      fact.context = &owned_contexts_.back();
    }
  }
  for (const HistoryOp& op : index.history()) {
    for (const Version& version : op.read) learn_version(version);
  }
  for (const NodeState& state : trace.final_states) {
    for (const auto& [key, siblings] : state.store) {
      for (const Version& version : siblings) learn_version(version);
    }
  }
  for (const TraceRecord& record : trace.records) {
    if (record.write_id != 0 && record.dot.counter != 0) learn_dot(record.write_id, record.dot);
  }
  write_by_dot_.reserve(facts_.size());
  for (size_t slot = 0; slot < facts_.size(); ++slot) {
    if (!facts_[slot].dot) continue;
    write_by_dot_.emplace_back(pack_dot(*facts_[slot].dot), write_of_slot_[slot]);
  }
  std::sort(write_by_dot_.begin(), write_by_dot_.end());
  DT_ASSERT(facts_.size() == write_of_slot_.size(), "one write id per slot");
  DT_ASSERT(write_by_dot_.size() <= facts_.size(), "a dot without its write");
}

WriteFact& WriteFacts::fact_of(WriteId write_id) {
  DT_ASSERT(write_id != 0, "facts about write 0");
  if (const auto slot = slot_of_write_.find(write_id)) return facts_[*slot];
  DT_ASSERT(facts_.size() < UINT32_MAX - 1, "too many writes");
  slot_of_write_.insert(write_id, static_cast<uint32_t>(facts_.size()));
  write_of_slot_.push_back(write_id);
  facts_.push_back(WriteFact{std::nullopt, &kEmptyClock, false});
  return facts_.back();
}

void WriteFacts::learn_version(const Version& version) {
  if (version.write_id == 0) return;
  WriteFact& fact = fact_of(version.write_id);
  if (!fact.context_from_version) {
    fact.context = &version.context;
    fact.context_from_version = true;
  }
  if (!fact.dot) fact.dot = version.dot;
}

void WriteFacts::learn_dot(WriteId write_id, const Dot& dot) {
  WriteFact& fact = fact_of(write_id);
  if (!fact.dot) fact.dot = dot;
}

const WriteFact* WriteFacts::find(WriteId write_id) const {
  const auto slot = slot_of_write_.find(write_id);
  return slot ? &facts_[*slot] : nullptr;
}

bool WriteFacts::covers(WriteId newer, WriteId older) const {
  if (newer == older) return true;
  const WriteFact* newer_fact = find(newer);
  const WriteFact* older_fact = find(older);
  if (newer_fact == nullptr || older_fact == nullptr || !older_fact->dot) return false;
  return clock_covers(*newer_fact->context, *older_fact->dot);
}

std::optional<WriteId> WriteFacts::write_of_dot(const Dot& dot) const {
  const uint64_t packed = pack_dot(dot);
  const auto it = std::lower_bound(write_by_dot_.begin(), write_by_dot_.end(),
                                   std::make_pair(packed, WriteId{0}));
  if (it == write_by_dot_.end() || it->first != packed) return std::nullopt;
  return it->second;
}

}  // namespace dt

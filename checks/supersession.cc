#include "checks/supersession.h"

#include <algorithm>
#include <limits>

#include "checks/strong_components.h"
#include "core/assert.h"

namespace dt {

namespace {

// A dotted write of the key, ordered by (actor, counter): the versions of one
// actor that a context covers are then a contiguous prefix of its run.
struct ChainEntry {
  ActorId actor = 0;
  uint64_t counter = 0;
  uint32_t position = 0;  // in KeyWrites::writes
  friend auto operator<=>(const ChainEntry&, const ChainEntry&) = default;
};

bool counter_below(uint64_t counter, const ChainEntry& entry) { return counter < entry.counter; }

// Each write's context restricted to the actors of the key's dots, as (actor
// position, covered counter) pairs: read once, since contexts live scattered
// in the history.
struct KeyContexts {
  std::vector<uint32_t> offsets{0};  // write p's pairs: entries[offsets[p] .. offsets[p + 1])
  std::vector<std::pair<uint32_t, uint64_t>> entries;
};

KeyContexts key_contexts(const WriteFacts& facts, const std::vector<WriteId>& writes,
                         const std::vector<ActorId>& actors) {
  KeyContexts out;
  out.offsets.reserve(writes.size() + 1);
  for (WriteId write_id : writes) {
    for (const auto& [actor, covered] : facts.find(write_id)->context->entries()) {
      const auto a = std::lower_bound(actors.begin(), actors.end(), actor);
      if (a == actors.end() || *a != actor) continue;  // no version of this key by it
      out.entries.emplace_back(static_cast<uint32_t>(a - actors.begin()), covered);
    }
    out.offsets.push_back(static_cast<uint32_t>(out.entries.size()));
  }
  DT_ASSERT(out.offsets.size() == writes.size() + 1, "one range per write");
  return out;
}

// The graph whose paths are chains of supersession read backwards: node p < W is
// the key's p-th write, node W + i stands for "chain entries of i's actor up to
// i". A write points to the prefix its context covers, a prefix node to its
// entry and to the next shorter prefix: linear size instead of quadratic.
CsrGraph backward_graph(const KeyContexts& contexts, const std::vector<ChainEntry>& chain,
                        const std::vector<uint32_t>& actor_begin) {
  const auto w = static_cast<uint32_t>(contexts.offsets.size() - 1);
  CsrGraph graph;
  graph.offsets.reserve(w + chain.size() + 1);
  for (uint32_t p = 0; p < w; ++p) {
    for (uint32_t e = contexts.offsets[p]; e < contexts.offsets[p + 1]; ++e) {
      const auto [run, covered] = contexts.entries[e];
      const auto run_begin = chain.begin() + actor_begin[run];
      const auto run_end = chain.begin() + actor_begin[run + 1];
      const auto past = std::upper_bound(run_begin, run_end, covered, counter_below);
      if (past == run_begin) continue;  // covers none of the actor's versions
      graph.targets.push_back(w + static_cast<uint32_t>(past - chain.begin()) - 1);
    }
    graph.offsets.push_back(static_cast<uint32_t>(graph.targets.size()));
  }
  for (uint32_t i = 0; i < chain.size(); ++i) {
    graph.targets.push_back(chain[i].position);
    if (i > 0 && chain[i - 1].actor == chain[i].actor) graph.targets.push_back(w + i - 1);
    graph.offsets.push_back(static_cast<uint32_t>(graph.targets.size()));
  }
  DT_ASSERT(graph.node_count() == w + chain.size(), "one node per write and entry");
  return graph;
}

// Node ids grouped by component, components in increasing order (a counting sort).
std::vector<uint32_t> nodes_by_component(const StrongComponents& components) {
  std::vector<uint32_t> start(size_t{components.count} + 1, 0);
  for (uint32_t c : components.component_of) ++start[c + 1];
  for (size_t c = 0; c < components.count; ++c) start[c + 1] += start[c];
  std::vector<uint32_t> nodes(components.component_of.size());
  for (uint32_t u = 0; u < nodes.size(); ++u) nodes[start[components.component_of[u]]++] = u;
  DT_ASSERT(components.count == 0 || start[components.count - 1] == nodes.size(), "all placed");
  return nodes;
}

}  // namespace

Supersession::Supersession(const HistoryIndex& index, const WriteFacts& facts)
    : facts_(facts), slot_of_write_(4 * index.ops().size() + 1024) {
  std::map<Key, uint32_t> key_slot;
  for (const IndexedOp& op : index.ops()) {
    if (!is_write(op.f)) continue;
    DT_ASSERT(facts.find(op.write_id) != nullptr, "every invoked write has facts");
    const auto [it, added] = key_slot.try_emplace(op.key, static_cast<uint32_t>(keys_.size()));
    if (added) keys_.emplace_back();
    KeyWrites& key = keys_[it->second];
    const bool fresh = slot_of_write_.insert(op.write_id, static_cast<uint32_t>(slots_.size()));
    DT_ASSERT(fresh, "write ids are unique in an indexed history");
    slots_.push_back({it->second, static_cast<uint32_t>(key.writes.size())});
    key.writes.push_back(op.write_id);
  }
  DT_ASSERT(slots_.size() < std::numeric_limits<uint32_t>::max() / 4, "too many writes");
  for (KeyWrites& key : keys_) close_key(key);
  DT_ASSERT(keys_.size() <= index.ops().size(), "more keys than ops");
}

void Supersession::close_key(KeyWrites& key) {
  std::vector<ChainEntry> chain;
  for (uint32_t p = 0; p < key.writes.size(); ++p) {
    const WriteFact* fact = facts_.find(key.writes[p]);
    if (fact->dot) chain.push_back({fact->dot->actor, fact->dot->counter, p});
  }
  std::sort(chain.begin(), chain.end());
  std::vector<uint32_t> actor_begin;
  for (uint32_t i = 0; i < chain.size(); ++i) {
    if (i > 0 && chain[i - 1].actor == chain[i].actor) continue;
    key.actors.push_back(chain[i].actor);
    actor_begin.push_back(i);
  }
  actor_begin.push_back(static_cast<uint32_t>(chain.size()));
  const size_t width = key.actors.size();
  const KeyContexts contexts = key_contexts(facts_, key.writes, key.actors);
  const CsrGraph graph = backward_graph(contexts, chain, actor_begin);
  const StrongComponents components = strong_components(graph);
  // Each component's closed clock: its writes' own contexts, then (in reverse
  // topological order, so successors are final) the clocks of the components it points to.
  std::vector<uint64_t> clock(size_t{components.count} * width, 0);
  for (uint32_t p = 0; p < key.writes.size(); ++p) {
    // data() + offset, not &clock[offset]: a key whose writes have no dot has
    // width 0 and an empty clock (found by the differential fuzzer under UBSan).
    uint64_t* own = clock.data() + size_t{components.component_of[p]} * width;
    for (uint32_t e = contexts.offsets[p]; e < contexts.offsets[p + 1]; ++e) {
      const auto [a, covered] = contexts.entries[e];
      own[a] = std::max(own[a], covered);
    }
  }
  for (uint32_t u : nodes_by_component(components)) {
    const uint32_t c = components.component_of[u];
    for (uint32_t e = graph.offsets[u]; e < graph.offsets[u + 1]; ++e) {
      const uint32_t d = components.component_of[graph.targets[e]];
      DT_ASSERT(d <= c, "components out of reverse topological order");
      if (d == c) continue;
      for (size_t a = 0; a < width; ++a) {
        clock[c * width + a] = std::max(clock[c * width + a], clock[d * width + a]);
      }
    }
  }
  key.closure_offset = closures_.size();
  for (uint32_t p = 0; p < key.writes.size(); ++p) {
    const uint64_t* closed = clock.data() + size_t{components.component_of[p]} * width;
    closures_.insert(closures_.end(), closed, closed + width);
  }
  DT_ASSERT(closures_.size() == key.closure_offset + key.writes.size() * width, "closure size");
}

const uint64_t* Supersession::closure_of(const Slot& slot) const {
  const KeyWrites& key = keys_[slot.key_slot];
  DT_ASSERT(slot.position < key.writes.size(), "slot past its key's writes");
  return closures_.data() + key.closure_offset + slot.position * key.actors.size();
}

bool Supersession::descends(WriteId newer, WriteId older) const {
  if (newer == older) return true;
  const auto newer_slot = slot_of_write_.find(newer);
  const auto older_slot = slot_of_write_.find(older);
  if (!newer_slot || !older_slot) return false;
  const Slot& n = slots_[*newer_slot];
  if (n.key_slot != slots_[*older_slot].key_slot) return false;
  const WriteFact* fact = facts_.find(older);
  DT_ASSERT(fact != nullptr, "every invoked write has facts");
  if (!fact->dot) return false;  // an unknown dot is covered by no context
  const KeyWrites& key = keys_[n.key_slot];
  const auto a = std::lower_bound(key.actors.begin(), key.actors.end(), fact->dot->actor);
  DT_ASSERT(a != key.actors.end() && *a == fact->dot->actor, "a dotted write's actor is known");
  return closure_of(n)[a - key.actors.begin()] >= fact->dot->counter;
}

std::unordered_set<WriteId> Supersession::descendants(WriteId write_id) const {
  std::unordered_set<WriteId> seen{write_id};
  const auto slot = slot_of_write_.find(write_id);
  if (!slot) return seen;
  const KeyWrites& key = keys_[slots_[*slot].key_slot];
  for (WriteId newer : key.writes) {
    if (descends(newer, write_id)) seen.insert(newer);
  }
  DT_ASSERT(seen.size() <= key.writes.size(), "more descendants than writes");
  return seen;
}

}  // namespace dt

#include "core/node_state.h"

#include <fmt/format.h>

#include "core/hash.h"
#include "core/state_digest.h"

namespace dt {

namespace {

void diff_store(const std::map<Key, Siblings>& a, const std::map<Key, Siblings>& b,
                const std::string& label, const char* a_name, const char* b_name,
                std::vector<std::string>& out) {
  static const Siblings kNone;
  std::map<Key, bool> keys;
  for (const auto& [k, _] : a) keys[k] = true;
  for (const auto& [k, _] : b) keys[k] = true;
  for (const auto& [k, _] : keys) {
    auto ia = a.find(k);
    auto ib = b.find(k);
    const Siblings& sa = ia == a.end() ? kNone : ia->second;
    const Siblings& sb = ib == b.end() ? kNone : ib->second;
    if (sa != sb) {
      out.push_back(fmt::format("{}[key {}]: {} {} / {} {}", label, k, a_name, to_string(sa),
                                b_name, to_string(sb)));
    }
  }
}

std::string pending_text(const std::vector<PendingRequestState>& pending) {
  std::string out;
  for (const auto& p : pending) {
    out += fmt::format(" req{}(op {} key {} targets [{}] answered [{}])", p.request_id, p.op_id,
                       p.key, fmt::join(p.targets, ","), fmt::join(p.answered, ","));
  }
  return out.empty() ? " none" : out;
}

}  // namespace

uint64_t NodeState::digest() const {
  uint64_t h = hash_u64(node, 0x6e6f6465);
  h = hash_combine(h, store_digest(store));
  h = hash_combine(h, hints.size());
  for (const auto& [intended, hinted] : hints) {
    h = hash_combine(h, hash_combine(intended, store_digest(hinted)));
  }
  h = hash_combine(h, ids_digest(suspected));
  h = hash_combine(h, pending.size());
  for (const auto& p : pending) {
    h = hash_combine(h, hash_combine(p.request_id, p.op_id));
    h = hash_combine(h, hash_combine(p.key, hash_combine(ids_digest(p.targets),
                                                         ids_digest(p.answered))));
  }
  for (const auto& [partition, root] : merkle_roots) {
    h = hash_combine(h, hash_combine(partition, root));
  }
  return h;
}

uint64_t NodeState::comparison_digest() const {
  NodeStateDigest digest(node);
  digest.store(store_digest(store));
  digest.hint_count(hints.size());
  for (const auto& [intended, hinted] : hints) digest.hinted(intended, store_digest(hinted));
  digest.suspected(suspected);
  digest.pending(pending);
  RootsDigest roots(merkle_roots.size());
  for (const auto& [partition, root] : merkle_roots) roots.add(partition, root);
  digest.roots(roots.value());
  return digest.value();
}

std::vector<std::string> NodeState::differences(const NodeState& other, const char* this_name,
                                                const char* other_name) const {
  std::vector<std::string> out;
  if (node != other.node) out.push_back(fmt::format("node id: {} / {}", node, other.node));
  diff_store(store, other.store, "store", this_name, other_name, out);
  std::map<NodeId, bool> intended;
  for (const auto& [n, _] : hints) intended[n] = true;
  for (const auto& [n, _] : other.hints) intended[n] = true;
  static const std::map<Key, Siblings> kEmpty;
  for (const auto& [n, _] : intended) {
    auto ia = hints.find(n);
    auto ib = other.hints.find(n);
    diff_store(ia == hints.end() ? kEmpty : ia->second,
               ib == other.hints.end() ? kEmpty : ib->second, fmt::format("hints_for[{}]", n),
               this_name, other_name, out);
  }
  if (suspected != other.suspected) {
    out.push_back(fmt::format("suspected: {} [{}] / {} [{}]", this_name,
                              fmt::join(suspected, ","), other_name,
                              fmt::join(other.suspected, ",")));
  }
  if (pending != other.pending) {
    out.push_back(fmt::format("pending: {}{} / {}{}", this_name, pending_text(pending), other_name,
                              pending_text(other.pending)));
  }
  if (merkle_roots != other.merkle_roots) {
    for (const auto& [p, root] : merkle_roots) {
      auto it = other.merkle_roots.find(p);
      if (it == other.merkle_roots.end() || it->second != root) {
        out.push_back(fmt::format("merkle_root[partition {}]: {} {:016x} / {} {}", p, this_name,
                                  root, other_name,
                                  it == other.merkle_roots.end()
                                      ? std::string("missing")
                                      : fmt::format("{:016x}", it->second)));
      }
    }
    for (const auto& [p, root] : other.merkle_roots) {
      if (!merkle_roots.count(p)) {
        out.push_back(fmt::format("merkle_root[partition {}]: {} missing / {} {:016x}", p,
                                  this_name, other_name, root));
      }
    }
  }
  return out;
}

}  // namespace dt

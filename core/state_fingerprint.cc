#include "core/state_fingerprint.h"

namespace dt {

void add_store(Hasher& h, const std::map<Key, Siblings>& store) {
  h.add_u64(store.size());
  for (const auto& [key, siblings] : store) {
    h.add_u64(key);
    h.add_u64(hash_siblings(siblings));
  }
}

void add_hints(Hasher& h, const std::map<NodeId, std::map<Key, Siblings>>& hints) {
  h.add_u64(hints.size());
  for (const auto& [intended, store] : hints) {
    h.add_u64(intended);
    add_store(h, store);
  }
}

void add_version(Hasher& h, const Version& version) {
  h.add_u64(version.hash());
}

}  // namespace dt

// Register exports for linearizability checkers (Knossos, Porcupine): per key
// read/write histories. See docs/exports.md for the rules and why.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/history.h"
#include "histories/export_ops.h"

namespace dt::exporting {

// Why each key cannot be a register history (it has add ops, or a get read
// several siblings); keys not listed can.
std::map<Key, std::string> non_register_keys(const History& history,
                                             const std::vector<Pair>& pairs);

// Marks and fills the pairs of `keys` as register ops: writes (a delete writes
// null), reads; fail ops and reads without an ok are dropped. `tag_keys`
// puts the key on every op (porcupine-kv).
Status select_register(const History& history, const std::vector<Key>& keys, bool tag_keys,
                       std::vector<Pair>& pairs);

}  // namespace dt::exporting

#include "impl/bugs.h"

#include <fmt/format.h>

#include "core/assert.h"

namespace dt {

namespace {

// Test-only switches of the impl that are not zoo bugs (no story, no checker).
constexpr std::string_view kTestSwitches[] = {"test-divergence"};

std::vector<BugInfo> make_zoo() {
  return {
      {"hint_deleted_before_ack",
       "Cassandra/Riak hinted handoff: a hint must survive until the target confirms it",
       "the hint holder deletes a hint as soon as it sends the handoff offer",
       "handoff_hygiene", "hint_deleted_before_handoff"},
      {"failed_handoff_drops_hint",
       "Cassandra CASSANDRA-4740-style hint loss: a timed-out hint delivery is discarded",
       "a handoff offer still unacknowledged at the next handoff round drops its hints",
       "handoff_hygiene", "hint_deleted_before_handoff"},
      {"handoff_skips_tombstones",
       "Cassandra hints/tombstone bugs: deletes not delivered by handoff resurrect data",
       "tombstones are left out of handoff offers, so those hints are never delivered",
       "convergence", "hint_left"},
      {"sibling_drop_on_merge",
       "Dynamo paper / Riak allow_mult=false: concurrent writes silently discarded",
       "a replica drops an incoming version concurrent with what it stores (still acking it)",
       "durability", "acked_write_never_stored"},
      {"merkle_leaf_not_updated_on_repair",
       "Riak AAE hashtree not updated on read repair: trees never agree, exchanges spin",
       "read repair and anti-entropy writes skip the incremental Merkle tree update",
       "convergence", "merkle_roots_differ"},
      {"last_partition_not_in_tree",
       "Cassandra repair off-by-one at the ring wrap-around: the last range never repaired",
       "anti-entropy never exchanges the last partition (Q-1), as if it had no tree",
       "convergence", "diverged_replicas"},
      {"duplicate_preference_node",
       "Riak preflist with a node twice (vnodes of one host): N distinct copies not made",
       "a write's preference list names its first node twice: N-1 nodes asked, its ack counts 2",
       "quorum_overlap", "stale_read_disjoint_quorums"},
      {"get_ignores_later_replies",
       "Cassandra digest-mismatch bug: the coordinator answers from the first replica only",
       "a get answers with the lowest-numbered responder's siblings, not the merge of all R",
       "quorum_overlap", "stale_read"},
      {"request_ids_reset_on_crash",
       "Riak kv679's pattern for request ids: a counter kept in memory restarts after a "
       "crash, so a late reply to a pre-crash request answers the new request reusing its id",
       "a coordinator's request ids restart at 1 after a crash; a reply is matched by id "
       "(and a sanity check of kind and key) only",
       "quorum_overlap", "stale_read"},
      {"hint_stored_as_owned",
       "Riak fallback vnodes keeping data as their own: it is never handed off home",
       "a fallback stores a hinted write in its main store instead of the hint store",
       "durability", "lost_write"},
      {"fetch_hides_tombstones",
       "Cassandra tombstones purged on the read path: a delete disappears from reads",
       "a replica leaves tombstones out of its fetch replies",
       "quorum_overlap", "stale_read"},
      {"write_quorum_off_by_one",
       "Dynamo paper's R + W > N argument broken by a quorum count off by one",
       "a write coordinator reports success after W - 1 acknowledgements",
       "quorum_overlap", "stale_read_disjoint_quorums"},
      {"get_unions_without_pruning",
       "Riak sibling explosion: replies unioned without dropping superseded versions",
       "a get answers with every replied version (deduplicated by dot), superseded ones too",
       "causality", "sibling_supersedes"},
      {"suspicion_never_cleared",
       "Cassandra gossip nodes stuck DOWN after they recovered: the detector never re-marks",
       "a message from a suspected peer no longer clears the suspicion",
       "availability", "unavailable_write"},
      {"strict_fallback_counts",
       "Riak/Cassandra strict-quorum setups silently using sloppy fallbacks: PR/PW broken",
       "in strict mode a timed-out home target is replaced by a fallback, asked without a "
       "hint, and its ack or reply counts toward W or R",
       "quorum_overlap", "strict_quorum_used_fallback"},
      {"vclock_reset_after_wipe",
       "Riak kv679: a wiped node reuses its actor id, new dots collide, acked writes vanish",
       "after a wipe the dot counter restarts under the node's first actor id, and a merge "
       "meeting two versions with one dot keeps the incoming one",
       "causality", "duplicate_dot"},
      {"no_read_repair",
       "Cassandra read_repair_chance = 0 / Riak read repair off: stale replicas stay stale "
       "until anti-entropy, if it ever runs",
       "a get never sends the merged version to its stale responders",
       "mechanisms", "read_repair_missing"},
      {"read_repair_skips_tombstones",
       "Cassandra read repair not propagating tombstones: a replica keeps serving deleted data",
       "a read repair leaves tombstones out of the version it sends (and sends nothing when "
       "only tombstones differ)",
       "mechanisms", "read_repair_incomplete"},
      {"no_hinted_handoff",
       "Cassandra hinted_handoff_enabled = false with hints still stored: they pile up and "
       "the intended replica never gets the write",
       "the handoff round never offers any hint",
       "mechanisms", "handoff_missing"},
      {"no_anti_entropy",
       "Riak AAE / Cassandra repair switched off: replicas that missed writes and read "
       "repair diverge for good",
       "the anti-entropy round never starts a Merkle exchange",
       "mechanisms", "anti_entropy_missing"},
  };
}

}  // namespace

const std::vector<BugInfo>& bug_zoo() {
  static const std::vector<BugInfo> zoo = make_zoo();
  DT_ASSERT(!zoo.empty(), "empty bug zoo");
  return zoo;
}

const BugInfo* find_bug(std::string_view name) {
  for (const BugInfo& bug : bug_zoo()) {
    if (name == bug.name) return &bug;
  }
  return nullptr;
}

bool is_known_bug(std::string_view name) {
  if (find_bug(name) != nullptr) return true;
  for (std::string_view test_switch : kTestSwitches) {
    if (name == test_switch) return true;
  }
  return false;
}

Status validate_bug_names(const std::vector<std::string>& names, const std::string& field) {
  DT_ASSERT(!field.empty(), "bug names validated without a field name");
  for (size_t i = 0; i < names.size(); ++i) {
    if (is_known_bug(names[i])) continue;
    return Status::error(fmt::format("{}[{}]: \"{}\" is not a known bug (see docs/bug-zoo.md)",
                                     field, i, names[i]));
  }
  return Status::ok();
}

}  // namespace dt

// Named bugs the impl can be built with, resolved once at construction into
// plain bools so the hot path pays one predictable branch per check. The bug
// zoo adds a field here and a name in resolve_impl_bugs().
#pragma once

#include "core/node.h"

namespace dt {

struct ImplBugs {
  // Test only: a read repair omits its `read_repair` mark, so lockstep must
  // report a divergence at the FetchReply that completed the get.
  bool test_divergence = false;
  // The bug zoo (impl/bugs.h, docs/bug-zoo.md): one flag per bug name.
  bool hint_deleted_before_ack = false;
  bool failed_handoff_drops_hint = false;
  bool handoff_skips_tombstones = false;
  bool sibling_drop_on_merge = false;
  bool merkle_leaf_not_updated_on_repair = false;
  bool last_partition_not_in_tree = false;
  bool duplicate_preference_node = false;
  bool get_ignores_later_replies = false;
  bool request_ids_reset_on_crash = false;
  bool hint_stored_as_owned = false;
  bool fetch_hides_tombstones = false;
  bool write_quorum_off_by_one = false;
  bool get_unions_without_pruning = false;
  bool suspicion_never_cleared = false;
  bool strict_fallback_counts = false;
  bool vclock_reset_after_wipe = false;
  bool no_read_repair = false;
  bool read_repair_skips_tombstones = false;
  bool no_hinted_handoff = false;
  bool no_anti_entropy = false;

  friend bool operator==(const ImplBugs&, const ImplBugs&) = default;
};

// Unknown names are ignored here; the CLI and campaigns validate names against
// impl/bugs.h's registry (validate_bug_names).
inline ImplBugs resolve_impl_bugs(const BugSet& bugs) {
  ImplBugs flags;
  flags.test_divergence = bugs.count("test-divergence") > 0;
  flags.hint_deleted_before_ack = bugs.count("hint_deleted_before_ack") > 0;
  flags.failed_handoff_drops_hint = bugs.count("failed_handoff_drops_hint") > 0;
  flags.handoff_skips_tombstones = bugs.count("handoff_skips_tombstones") > 0;
  flags.sibling_drop_on_merge = bugs.count("sibling_drop_on_merge") > 0;
  flags.merkle_leaf_not_updated_on_repair = bugs.count("merkle_leaf_not_updated_on_repair") > 0;
  flags.last_partition_not_in_tree = bugs.count("last_partition_not_in_tree") > 0;
  flags.duplicate_preference_node = bugs.count("duplicate_preference_node") > 0;
  flags.get_ignores_later_replies = bugs.count("get_ignores_later_replies") > 0;
  flags.request_ids_reset_on_crash = bugs.count("request_ids_reset_on_crash") > 0;
  flags.hint_stored_as_owned = bugs.count("hint_stored_as_owned") > 0;
  flags.fetch_hides_tombstones = bugs.count("fetch_hides_tombstones") > 0;
  flags.write_quorum_off_by_one = bugs.count("write_quorum_off_by_one") > 0;
  flags.get_unions_without_pruning = bugs.count("get_unions_without_pruning") > 0;
  flags.suspicion_never_cleared = bugs.count("suspicion_never_cleared") > 0;
  flags.strict_fallback_counts = bugs.count("strict_fallback_counts") > 0;
  flags.vclock_reset_after_wipe = bugs.count("vclock_reset_after_wipe") > 0;
  flags.no_read_repair = bugs.count("no_read_repair") > 0;
  flags.read_repair_skips_tombstones = bugs.count("read_repair_skips_tombstones") > 0;
  flags.no_hinted_handoff = bugs.count("no_hinted_handoff") > 0;
  flags.no_anti_entropy = bugs.count("no_anti_entropy") > 0;
  return flags;
}

}  // namespace dt

// Vector clocks, dots, versions and sibling sets <-> JSON, in a compact form:
//   clock    [[node, counter], ...]   sorted by node, counters >= 1
//   dot      [actor, counter]         counter >= 1
//   version  {"write_id": 7, "dot": [3, 2], "context": [[0, 1]], "value": [5],
//             "tombstone": true, "lww_timestamp_ns": 12}
//            (context, tombstone and lww_timestamp_ns are omitted at their defaults)
//   siblings [version, ...]           canonical: sorted by dot, no repeated dot
// Readers check the canonical forms (the core types assert on them) but not
// causality: pairwise concurrency of siblings is for the checkers to judge.
#pragma once

#include <string>

#include "core/vclock.h"
#include "core/version.h"
#include "histories/json_util.h"

namespace dt {

Json vclock_to_json(const VClock& clock);
Json version_to_json(const Version& version);
Json siblings_to_json(const Siblings& siblings);
Json value_to_json(const Value& value);

Status read_vclock(const Json& json, const std::string& path, VClock& out);
Status read_dot(const Json& json, const std::string& path, Dot& out);
Status read_value(const Json& json, const std::string& path, Value& out);  // sorted, unique
Status read_version(const Json& json, const std::string& path, Version& out);
Status read_siblings(const Json& json, const std::string& path, Siblings& out);

}  // namespace dt

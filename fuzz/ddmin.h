// Delta debugging (Zeller's ddmin) over the indices 0..count-1: finds a subset
// on which `still_fails` holds and from which no single chunk at the final
// granularity can be removed. The caller bounds the work: `still_fails` can
// return false once its own run budget is spent, which ends the search.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace dt {

using SubsetTest = std::function<bool(const std::vector<size_t>& kept_indices)>;

// REQUIRES: the full set 0..count-1 fails (not re-tested).
// Returns the kept indices, ascending. The empty set is tried first.
std::vector<size_t> ddmin(size_t count, const SubsetTest& still_fails);

}  // namespace dt

// The bug zoo's registry: every bug the impl can be built with (`--inject
// NAME`), the real failure it is modelled on, and the property checker (and
// violation kind) that must catch it. docs/bug-zoo.md tells each story;
// impl/impl_bugs.h resolves a BugSet into the bools the impl tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace dt {

struct BugInfo {
  const char* name;      // the --inject name
  const char* story;     // the real-world failure it is modelled on
  const char* wrong;     // what the impl does wrong
  const char* property;  // the checker that catches it ("durability", ...)
  const char* kind;      // the promised Violation.kind that checker reports
};

// Every zoo bug, in docs/bug-zoo.md order.
const std::vector<BugInfo>& bug_zoo();
// nullptr when `name` is no zoo bug.
const BugInfo* find_bug(std::string_view name);
// Zoo bugs plus the impl's test-only switches (e.g. "test-divergence").
bool is_known_bug(std::string_view name);
// OK when every name is known; else "<field>[i]: \"foo\" is not a known bug
// (see docs/bug-zoo.md)" for the first unknown one.
Status validate_bug_names(const std::vector<std::string>& names, const std::string& field);

}  // namespace dt

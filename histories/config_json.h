// Config <-> JSON: every field by its C++ name, enums as their names
// (sloppy|strict, durable|volatile, vclock|lww). Used by schedules and histories.
#pragma once

#include <string>

#include "core/config.h"
#include "histories/json_util.h"

namespace dt {

// All fields, in declaration order.
Json config_to_json(const Config& config);
// Omitted fields keep their defaults from `Config{}`; unknown fields are errors.
// Errors read "config.nodes: ..." (path = "config"). Does not run validate().
Result<Config> config_from_json(const Json& value, const std::string& path);

}  // namespace dt

// Assembles one self-contained HTML page: the embedded template with the
// page's CSS and JS inlined and the data as one JSON blob in
// <script type="application/json" id="data">.
#pragma once

#include <string>
#include <string_view>

#include "histories/json_util.h"

namespace dt {

// The JSON text with every '<' written as \u003c, so no string in the data can
// close the script element ("</script>") or open a comment ("<!--").
std::string escape_for_script(std::string_view json_text);

// The whole page. `title` is HTML-escaped; `data` is what report.js renders
// (its "kind" picks the run, campaign or experiment page).
std::string render_page(std::string_view title, const Json& data);

}  // namespace dt

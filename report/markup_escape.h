// Escaping text for HTML and XML (SVG) markup: & < > " become entities, so
// any text is safe inside an element or a double-quoted attribute.
#pragma once

#include <string>
#include <string_view>

namespace dt {

std::string escape_markup(std::string_view text);

}  // namespace dt

#include "report/html_page.h"

#include "core/assert.h"
#include "report/markup_escape.h"
#include "report/page_assets.h"

namespace dt {

namespace {

// Replaces the one occurrence of `marker` in `page` (the template must hold it).
void fill(std::string& page, std::string_view marker, std::string_view content) {
  const size_t at = page.find(marker);
  DT_ASSERT(at != std::string::npos, "report template lacks a placeholder");
  DT_ASSERT(page.find(marker, at + 1) == std::string::npos, "placeholder appears twice");
  page.replace(at, marker.size(), content);
}

}  // namespace

std::string escape_for_script(std::string_view json_text) {
  std::string out;
  out.reserve(json_text.size() + json_text.size() / 16);
  for (char c : json_text) {
    if (c == '<') {
      out += "\\u003c";  // only inside JSON strings, where the escape means '<'
    } else {
      out += c;
    }
  }
  return out;
}

std::string render_page(std::string_view title, const Json& data) {
  DT_ASSERT(data.is_object() && data.contains("kind"), "page data names its kind");
  // The inlined sources must not end their own elements early.
  DT_ASSERT(page_assets::script().find("</script") == std::string_view::npos,
            "report.js contains </script");
  DT_ASSERT(page_assets::style().find("</style") == std::string_view::npos,
            "report.css contains </style");
  // Fill the data last: it is the largest part and placeholders never occur in it.
  std::string page(page_assets::html_template());
  fill(page, "@TITLE@", escape_markup(title));
  fill(page, "/*@STYLE@*/", page_assets::style());
  fill(page, "/*@SCRIPT@*/", page_assets::script());
  fill(page, "@DATA@", escape_for_script(dump_json(data)));
  return page;
}

}  // namespace dt

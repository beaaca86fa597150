// The report page's source files (report/page/), embedded at build time by
// embed_page.cmake. Each returns the file's exact bytes.
#pragma once

#include <string_view>

namespace dt::page_assets {

std::string_view html_template();  // report/page/report.html
std::string_view script();         // report/page/report.js
std::string_view style();          // report/page/report.css

}  // namespace dt::page_assets

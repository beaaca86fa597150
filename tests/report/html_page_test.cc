// report/html_page: the data blob cannot end its script element.
#include "report/html_page.h"

#include <gtest/gtest.h>

namespace dt {
namespace {

TEST(HtmlPage, DataCannotCloseTheScriptTag) {
  Json data = {{"kind", "run"}, {"title", "</script><script>alert(1)</script><!--"}};
  const std::string page = render_page("a <b> & \"c\"", data);
  const size_t open = page.find("<script type=\"application/json\" id=\"data\">");
  ASSERT_NE(open, std::string::npos);
  const size_t close = page.find("</script>", open);
  const std::string blob = page.substr(open, close - open);
  EXPECT_EQ(blob.find("alert"), blob.rfind("alert"));  // all inside one element
  EXPECT_NE(blob.find("\\u003c/script>\\u003cscript>alert(1)"), std::string::npos);
  EXPECT_NE(page.find("<title>a &lt;b&gt; &amp; &quot;c&quot;</title>"), std::string::npos);
}

TEST(HtmlPage, InlinesStyleAndScriptWithNoNetwork) {
  const std::string page = render_page("t", Json{{"kind", "campaign"}});
  EXPECT_EQ(page.find("@DATA@"), std::string::npos);
  EXPECT_EQ(page.find("/*@SCRIPT@*/"), std::string::npos);
  EXPECT_EQ(page.find("<link"), std::string::npos);
  EXPECT_EQ(page.find("src="), std::string::npos);
  EXPECT_NE(page.find("data-rendered"), std::string::npos);
}

TEST(HtmlPage, EscapeKeepsJsonMeaning) {
  EXPECT_EQ(escape_for_script("{\"a\":\"<\"}"), "{\"a\":\"\\u003c\"}");
}

}  // namespace
}  // namespace dt

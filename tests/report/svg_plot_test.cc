#include "report/svg_plot.h"

#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace dt {
namespace {

// Tags open and close in order (self-closing ones aside): enough structure to
// show the document is well formed for the elements the plotter writes.
bool tags_balance(const std::string& svg) {
  std::vector<std::string> open;
  const std::regex tag("<(/?)([a-zA-Z]+)[^>]*?(/?)>");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), tag); it != std::sregex_iterator();
       ++it) {
    const std::smatch& m = *it;
    if (m[3].length() > 0) continue;  // <x/>
    if (m[1].length() == 0) {
      open.push_back(m[2]);
    } else {
      if (open.empty() || open.back() != m[2].str()) return false;
      open.pop_back();
    }
  }
  return open.empty();
}

std::vector<std::pair<double, double>> circles(const std::string& svg) {
  std::vector<std::pair<double, double>> out;
  const std::regex circle("<circle cx=\"([0-9.\\-]+)\" cy=\"([0-9.\\-]+)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), circle);
       it != std::sregex_iterator(); ++it) {
    out.emplace_back(std::stod((*it)[1]), std::stod((*it)[2]));
  }
  return out;
}

void expect_inside(const std::string& svg, size_t expected_points) {
  const PlotArea area = plot_area();
  const auto points = circles(svg);
  EXPECT_EQ(points.size(), expected_points);
  for (const auto& [x, y] : points) {
    EXPECT_GE(x, area.left - 0.01);
    EXPECT_LE(x, area.left + area.width + 0.01);
    EXPECT_GE(y, area.top - 0.01);
    EXPECT_LE(y, area.top + area.height + 0.01);
  }
}

TEST(SvgPlotTest, LinearPlotIsWellFormedWithPointsInside) {
  Plot plot{"a <title> & more", {"x", AxisScale::linear}, {"y", AxisScale::linear}, {}};
  plot.series.push_back({"one", {{0, 1, 0.5, 1.5}, {3, 7, 6, 8}, {10, -2, -3, -1}}});
  plot.series.push_back({"two \"quoted\"", {{1, 1}, {2, 4}}});
  const std::string svg = render_svg(plot);
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_TRUE(tags_balance(svg));
  EXPECT_NE(svg.find("a &lt;title&gt; &amp; more"), std::string::npos);
  EXPECT_NE(svg.find("two &quot;quoted&quot;"), std::string::npos);
  expect_inside(svg, 5);
  EXPECT_EQ(std::count(svg.begin(), svg.end(), '\n') > 10, true);
}

TEST(SvgPlotTest, NinesAndLogScalesLabelAndPlaceEveryPoint) {
  Plot plot{"nines", {"rate", AxisScale::log10}, {"availability", AxisScale::nines}, {}};
  plot.series.push_back({"strict", {{0.01, 0.999, 0.998, 0.9995}, {0.1, 0.99}, {1, 0.9}}});
  plot.series.push_back({"sloppy", {{0.01, 1.0}, {0.1, 0.99999}, {1, 0.9999}}});
  const std::string svg = render_svg(plot);
  EXPECT_TRUE(tags_balance(svg));
  EXPECT_NE(svg.find(">99.9%<"), std::string::npos);
  EXPECT_NE(svg.find(">99.999%<"), std::string::npos);
  EXPECT_NE(svg.find(">100%<"), std::string::npos);  // the perfect point's top edge
  EXPECT_NE(svg.find(">0.01<"), std::string::npos);
  expect_inside(svg, 6);
  EXPECT_EQ(std::count(svg.begin(), svg.end(), '\n') > 10, true);
}

TEST(SvgPlotTest, SeriesNamedFindsOrAppends) {
  Plot plot;
  series_named(plot, "a").points.push_back({1, 2});
  series_named(plot, "b");
  series_named(plot, "a").points.push_back({2, 3});
  ASSERT_EQ(plot.series.size(), 2u);
  EXPECT_EQ(plot.series[0].points.size(), 2u);
}

TEST(SvgPlotTest, UndrawablePointsAreLeftOutAndEmptyPlotsStillHaveAxes) {
  Plot plot{"log", {"x", AxisScale::log10}, {"y", AxisScale::log10}, {}};
  plot.series.push_back({"s", {{0, 1}, {1, 0}, {10, 100}}});
  expect_inside(render_svg(plot), 1);
  const std::string empty = render_svg(Plot{"empty", {}, {}, {}});
  EXPECT_TRUE(tags_balance(empty));
  EXPECT_NE(empty.find("plot-area"), std::string::npos);
}

}  // namespace
}  // namespace dt

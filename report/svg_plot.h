// Standalone SVG line plots: axes with ticks, linear / log10 / "nines"
// scales, several series with a legend, optional error bars. Pure text out;
// experiments/ and report pages share it. No dependency beyond the standard
// library.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace dt {

// nines: y is a proportion drawn at -log10(1 - y), ticks labelled 90%, 99%,
// 99.9%, ...; y = 1 is drawn at the top of the axis (kMaxNines).
enum class AxisScale { linear, log10, nines };
inline constexpr double kMaxNines = 9;

struct PlotAxis {
  std::string label;
  AxisScale scale = AxisScale::linear;
};

struct PlotPoint {
  PlotPoint(double x_value, double y_value) : x(x_value), y(y_value) {}
  PlotPoint(double x_value, double y_value, double low, double high)
      : x(x_value), y(y_value), y_low(low), y_high(high) {}

  double x = 0;
  double y = 0;
  std::optional<double> y_low;   // error bar ends (both or neither)
  std::optional<double> y_high;
};

struct PlotSeries {
  std::string name;
  std::vector<PlotPoint> points;  // drawn in order, joined by a line
};

struct Plot {
  std::string title;
  PlotAxis x;
  PlotAxis y;
  std::vector<PlotSeries> series;
};

// The series called `name`, appended (empty) when the plot has none yet.
PlotSeries& series_named(Plot& plot, const std::string& name);

// The plot area inside the SVG, in pixels (the rect with class "plot-area").
struct PlotArea {
  double left = 0;
  double top = 0;
  double width = 0;
  double height = 0;
};
PlotArea plot_area();

// A complete SVG document. Points that cannot be drawn on a log scale
// (x or y <= 0) are left out; an empty plot still has axes.
std::string render_svg(const Plot& plot);

}  // namespace dt

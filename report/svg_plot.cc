// SVG rendering of line plots (svg_plot.h): scale transforms, tick choice,
// then axes, series, error bars and legend as plain SVG elements.
#include "report/svg_plot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "report/markup_escape.h"

namespace dt {

namespace {

constexpr double kWidthPx = 720;
constexpr double kHeightPx = 420;
constexpr double kLeftPx = 100;
constexpr double kRightPx = 200;  // room for the legend
constexpr double kTopPx = 40;
constexpr double kBottomPx = 56;
constexpr const char* kColors[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                                   "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"};
constexpr size_t kColorCount = sizeof(kColors) / sizeof(kColors[0]);

std::string num(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

// The value in axis units (NaN when it cannot be drawn).
double to_axis(AxisScale scale, double value) {
  switch (scale) {
    case AxisScale::linear: return value;
    case AxisScale::log10: return value > 0 ? std::log10(value) : NAN;
    case AxisScale::nines:
      // A perfect 1 has no finite nines: it is placed at the top (see frame_for).
      if (value >= 1) return NAN;
      return std::min(kMaxNines, -std::log10(1 - std::max(0.0, value)));
  }
  return NAN;
}

struct Tick {
  double at = 0;  // axis units
  std::string label;
};

std::string format_value(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

// 1 -> "90%", 2 -> "99%", 3 -> "99.9%", ...
std::string nines_label(int nines) {
  if (nines <= 0) return "0%";
  if (nines == 1) return "90%";
  return "99" + (nines > 2 ? "." + std::string(static_cast<size_t>(nines - 2), '9') : "") + "%";
}

struct Range {
  double low = 0;
  double high = 1;
  std::vector<Tick> ticks;
};

// Linear ticks at 1, 2 or 5 times a power of ten, about five of them.
Range linear_range(double low, double high) {
  if (!(high > low)) {
    low -= 1;
    high += 1;
  }
  const double raw_step = (high - low) / 5;
  const double power = std::pow(10, std::floor(std::log10(raw_step)));
  double step = power;
  for (double factor : {1.0, 2.0, 5.0, 10.0}) {
    step = factor * power;
    if (step >= raw_step) break;
  }
  Range range{std::floor(low / step) * step, std::ceil(high / step) * step, {}};
  for (double at = range.low; at <= range.high + step / 2; at += step) {
    range.ticks.push_back({at, format_value(std::abs(at) < step / 1e6 ? 0 : at)});
  }
  return range;
}

// Whole decades (log10) or whole nines.
Range integer_range(AxisScale scale, double low, double high) {
  Range range{std::floor(low), std::ceil(high), {}};
  if (range.high <= range.low) range.high = range.low + 1;
  const int span = static_cast<int>(range.high - range.low);
  const int stride = std::max(1, span / 8);
  for (int at = static_cast<int>(range.low); at <= static_cast<int>(range.high); at += stride) {
    const std::string label = scale == AxisScale::nines ? nines_label(at)
                                                        : format_value(std::pow(10, at));
    range.ticks.push_back({static_cast<double>(at), label});
  }
  return range;
}

Range axis_range(AxisScale scale, const std::vector<double>& values) {
  double low = INFINITY, high = -INFINITY;
  for (double v : values) {
    if (std::isnan(v)) continue;
    low = std::min(low, v);
    high = std::max(high, v);
  }
  if (!std::isfinite(low)) low = high = 0;
  if (scale == AxisScale::linear) return linear_range(low, high);
  return integer_range(scale, low, high);
}

struct Frame {
  Range x, y;
  bool nines = false;
  // A y value in axis units; on a nines axis 1 sits on the top edge.
  double y_at(AxisScale scale, double value) const {
    if (nines && value >= 1) return y.high;
    return to_axis(scale, value);
  }
  double px_x(double at) const {
    return kLeftPx + (at - x.low) / (x.high - x.low) * (kWidthPx - kLeftPx - kRightPx);
  }
  double px_y(double at) const {
    return kHeightPx - kBottomPx - (at - y.low) / (y.high - y.low) * (kHeightPx - kTopPx - kBottomPx);
  }
};

Frame frame_for(const Plot& plot) {
  std::vector<double> xs, ys;
  bool perfect = false;  // some y is exactly 1 on a nines axis
  for (const PlotSeries& series : plot.series) {
    for (const PlotPoint& p : series.points) {
      xs.push_back(to_axis(plot.x.scale, p.x));
      ys.push_back(to_axis(plot.y.scale, p.y));
      perfect = perfect || (plot.y.scale == AxisScale::nines && p.y >= 1);
      if (p.y_low) ys.push_back(to_axis(plot.y.scale, *p.y_low));
      if (p.y_high) ys.push_back(to_axis(plot.y.scale, *p.y_high));
    }
  }
  Frame frame{axis_range(plot.x.scale, xs), axis_range(plot.y.scale, ys)};
  frame.nines = plot.y.scale == AxisScale::nines;
  if (frame.nines && perfect) {
    // One more whole nine of headroom, its tick relabelled: the top edge means 100%.
    double finite_high = -INFINITY;
    for (double y : ys) finite_high = std::isnan(y) ? finite_high : std::max(finite_high, y);
    const double top = std::min(kMaxNines, std::isfinite(finite_high) ? std::floor(finite_high) + 1
                                                                      : 1.0);
    frame.y = integer_range(AxisScale::nines, frame.y.low, std::max(top, frame.y.low + 1));
    if (frame.y.ticks.back().at == frame.y.high) frame.y.ticks.pop_back();
    frame.y.ticks.push_back({frame.y.high, "100%"});
  }
  return frame;
}

void draw_axes(const Plot& plot, const Frame& frame, std::string& out) {
  const PlotArea area = plot_area();
  out += "<rect class=\"plot-area\" x=\"" + num(area.left) + "\" y=\"" + num(area.top) +
         "\" width=\"" + num(area.width) + "\" height=\"" + num(area.height) +
         "\" fill=\"none\" stroke=\"#444\"/>\n";
  for (const Tick& tick : frame.x.ticks) {
    const std::string px = num(frame.px_x(tick.at));
    out += "<line x1=\"" + px + "\" y1=\"" + num(area.top + area.height) + "\" x2=\"" + px +
           "\" y2=\"" + num(area.top + area.height + 5) + "\" stroke=\"#444\"/>\n";
    out += "<text x=\"" + px + "\" y=\"" + num(area.top + area.height + 18) +
           "\" text-anchor=\"middle\">" + escape_markup(tick.label) + "</text>\n";
  }
  for (const Tick& tick : frame.y.ticks) {
    const std::string py = num(frame.px_y(tick.at));
    out += "<line x1=\"" + num(area.left) + "\" y1=\"" + py + "\" x2=\"" +
           num(area.left + area.width) + "\" y2=\"" + py + "\" stroke=\"#ddd\"/>\n";
    out += "<text x=\"" + num(area.left - 6) + "\" y=\"" + py +
           "\" text-anchor=\"end\" dominant-baseline=\"middle\">" + escape_markup(tick.label) +
           "</text>\n";
  }
  out += "<text x=\"" + num(area.left + area.width / 2) + "\" y=\"" + num(kHeightPx - 12) +
         "\" text-anchor=\"middle\">" + escape_markup(plot.x.label) + "</text>\n";
  out += "<text transform=\"translate(16," + num(area.top + area.height / 2) +
         ") rotate(-90)\" text-anchor=\"middle\">" + escape_markup(plot.y.label) + "</text>\n";
  out += "<text x=\"" + num(kWidthPx / 2) + "\" y=\"22\" text-anchor=\"middle\" " +
         "font-weight=\"bold\">" + escape_markup(plot.title) + "</text>\n";
}

void draw_series(const Plot& plot, const Frame& frame, size_t index, std::string& out) {
  const PlotSeries& series = plot.series[index];
  const std::string color = kColors[index % kColorCount];
  std::string path;
  std::string marks;
  for (const PlotPoint& p : series.points) {
    const double ax = to_axis(plot.x.scale, p.x), ay = frame.y_at(plot.y.scale, p.y);
    if (std::isnan(ax) || std::isnan(ay)) continue;
    const std::string px = num(frame.px_x(ax)), py = num(frame.px_y(ay));
    path += (path.empty() ? "M" : " L") + px + "," + py;
    marks += "<circle cx=\"" + px + "\" cy=\"" + py + "\" r=\"3\" fill=\"" + color + "\"/>\n";
    if (!p.y_low || !p.y_high) continue;
    double low = frame.y_at(plot.y.scale, *p.y_low);
    const double high = frame.y_at(plot.y.scale, *p.y_high);
    if (std::isnan(low)) low = frame.y.low;
    if (std::isnan(high)) continue;
    marks += "<line class=\"error-bar\" x1=\"" + px + "\" y1=\"" + num(frame.px_y(low)) +
             "\" x2=\"" + px + "\" y2=\"" + num(frame.px_y(high)) + "\" stroke=\"" + color +
             "\"/>\n";
  }
  out += "<g class=\"series\">\n";
  if (!path.empty()) {
    out += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + color +
           "\" stroke-width=\"1.5\"/>\n";
  }
  out += marks;
  const double legend_y = kTopPx + 10 + 18 * static_cast<double>(index);
  const double legend_x = kWidthPx - kRightPx + 12;
  out += "<rect x=\"" + num(legend_x) + "\" y=\"" + num(legend_y - 5) +
         "\" width=\"12\" height=\"10\" fill=\"" + color + "\"/>\n";
  out += "<text x=\"" + num(legend_x + 18) + "\" y=\"" + num(legend_y) +
         "\" dominant-baseline=\"middle\">" + escape_markup(series.name) + "</text>\n";
  out += "</g>\n";
}

}  // namespace

PlotSeries& series_named(Plot& plot, const std::string& name) {
  for (PlotSeries& series : plot.series) {
    if (series.name == name) return series;
  }
  plot.series.push_back({name, {}});
  return plot.series.back();
}

PlotArea plot_area() {
  return {kLeftPx, kTopPx, kWidthPx - kLeftPx - kRightPx, kHeightPx - kTopPx - kBottomPx};
}

std::string render_svg(const Plot& plot) {
  const Frame frame = frame_for(plot);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(kWidthPx) + "\" height=\"" +
         num(kHeightPx) + "\" viewBox=\"0 0 " + num(kWidthPx) + " " + num(kHeightPx) +
         "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  out += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  draw_axes(plot, frame, out);
  for (size_t i = 0; i < plot.series.size(); ++i) draw_series(plot, frame, i, out);
  out += "</svg>\n";
  return out;
}

}  // namespace dt

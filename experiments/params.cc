// Parsing `--param k=v` values against their specs.
#include "experiments/params.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include <fmt/format.h>

namespace dt {

const char* to_string(ParamKind kind) {
  switch (kind) {
    case ParamKind::integer: return "integer";
    case ParamKind::real: return "number";
    case ParamKind::integer_list: return "integer list";
    case ParamKind::real_list: return "number list";
    case ParamKind::choice_list: return "choice list";
  }
  return "?";
}

namespace {

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  std::string part;
  while (std::getline(stream, part, ',')) parts.push_back(part);
  if (!text.empty() && text.back() == ',') parts.push_back("");
  return parts;
}

// strtod/strtoll accept leading spaces and partial input; we do not.
bool parse_real(const std::string& text, double& out) {
  if (text.empty() || std::isspace(static_cast<unsigned char>(text[0]))) return false;
  char* end = nullptr;
  errno = 0;
  out = std::strtod(text.c_str(), &end);
  return errno == 0 && end == text.c_str() + text.size() && std::isfinite(out);
}

bool parse_integer(const std::string& text, int64_t& out) {
  if (text.empty() || std::isspace(static_cast<unsigned char>(text[0]))) return false;
  char* end = nullptr;
  errno = 0;
  out = std::strtoll(text.c_str(), &end, 10);
  return errno == 0 && end == text.c_str() + text.size();
}

Status check_range(const ParamSpec& spec, const std::string& part, double number) {
  if (number < spec.min || number > spec.max) {
    return Status::error(fmt::format("--param {}: {} is outside [{}, {}]", spec.name, part,
                                     spec.min, spec.max));
  }
  return Status::ok();
}

Status parse_number(const ParamSpec& spec, const std::string& part, bool integral,
                    std::vector<int64_t>& integers, std::vector<double>& reals) {
  if (integral) {
    int64_t value = 0;
    if (!parse_integer(part, value)) {
      return Status::error(fmt::format("--param {}: \"{}\" is not an integer", spec.name, part));
    }
    integers.push_back(value);
    return check_range(spec, part, static_cast<double>(value));
  }
  double value = 0;
  if (!parse_real(part, value)) {
    return Status::error(fmt::format("--param {}: \"{}\" is not a number", spec.name, part));
  }
  reals.push_back(value);
  return check_range(spec, part, value);
}

bool is_list(ParamKind kind) {
  return kind == ParamKind::integer_list || kind == ParamKind::real_list ||
         kind == ParamKind::choice_list;
}

bool is_integral(ParamKind kind) {
  return kind == ParamKind::integer || kind == ParamKind::integer_list;
}

std::string choices_text(const std::vector<std::string>& choices) {
  return fmt::format("{}", fmt::join(choices, ", "));
}

Status parse_choice(const ParamSpec& spec, const std::string& part,
                    std::vector<std::string>& out) {
  for (const std::string& choice : spec.choices) {
    if (choice == part) {
      out.push_back(part);
      return Status::ok();
    }
  }
  return Status::error(fmt::format("--param {}: \"{}\" is not one of {}", spec.name, part,
                                   choices_text(spec.choices)));
}

}  // namespace

Result<Params> parse_params(const std::vector<ParamSpec>& specs,
                            const std::vector<std::string>& assignments) {
  std::map<std::string, std::string> given;
  for (const std::string& assignment : assignments) {
    const size_t eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Status::error(fmt::format("--param: \"{}\" is not k=v", assignment));
    }
    const std::string name = assignment.substr(0, eq);
    bool known = false;
    std::vector<std::string> names;
    for (const ParamSpec& spec : specs) {
      known = known || spec.name == name;
      names.push_back(spec.name);
    }
    if (!known) {
      return Status::error(fmt::format("--param {}: unknown parameter (known: {})", name,
                                       choices_text(names)));
    }
    given[name] = assignment.substr(eq + 1);
  }
  Params params;
  for (const ParamSpec& spec : specs) {
    const auto it = given.find(spec.name);
    const std::string text = it != given.end() ? it->second : spec.default_text;
    Params::Value value;
    value.kind = spec.kind;
    const std::vector<std::string> parts =
        is_list(spec.kind) ? split_commas(text) : std::vector<std::string>{text};
    if (parts.empty()) return Status::error(fmt::format("--param {}: empty value", spec.name));
    for (const std::string& part : parts) {
      const Status status =
          spec.kind == ParamKind::choice_list
              ? parse_choice(spec, part, value.choices)
              : parse_number(spec, part, is_integral(spec.kind), value.integers, value.reals);
      if (!status.is_ok()) return status;
    }
    params.values_[spec.name] = std::move(value);
    params.texts_.emplace_back(spec.name, text);
  }
  return params;
}

const Params::Value& Params::value(const std::string& name, ParamKind kind) const {
  const auto it = values_.find(name);
  DT_ASSERT(it != values_.end(), "undeclared experiment parameter " + name);
  DT_ASSERT(it->second.kind == kind, "parameter " + name + " read as the wrong kind");
  return it->second;
}

int64_t Params::integer(const std::string& name) const {
  return value(name, ParamKind::integer).integers.at(0);
}

double Params::real(const std::string& name) const {
  return value(name, ParamKind::real).reals.at(0);
}

const std::vector<int64_t>& Params::integers(const std::string& name) const {
  return value(name, ParamKind::integer_list).integers;
}

const std::vector<double>& Params::reals(const std::string& name) const {
  return value(name, ParamKind::real_list).reals;
}

const std::vector<std::string>& Params::choices(const std::string& name) const {
  return value(name, ParamKind::choice_list).choices;
}

}  // namespace dt

// An experiment's parameters: specs (name, kind, default, allowed range) and
// the values parsed from `--param k=v` flags. Bad input is a returned error
// that names the parameter; reading a value the spec does not declare, or
// with the wrong kind, is a bug (asserted).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace dt {

// Lists are comma-separated ("10,100,1000"); a `choice` list only takes
// values from ParamSpec::choices.
enum class ParamKind { integer, real, integer_list, real_list, choice_list };
const char* to_string(ParamKind kind);

struct ParamSpec {
  std::string name;           // lower_snake_case, units last ("mttr_s")
  ParamKind kind = ParamKind::integer;
  std::string default_text;   // parsed like a flag value
  std::string help;
  double min = 0;             // every number (each list element too) in [min, max]
  double max = 1e18;
  std::vector<std::string> choices;  // choice_list only
};

class Params {
 public:
  // REQUIRES: `name` is declared with the matching kind (asserted).
  int64_t integer(const std::string& name) const;
  double real(const std::string& name) const;
  const std::vector<int64_t>& integers(const std::string& name) const;
  const std::vector<double>& reals(const std::string& name) const;
  const std::vector<std::string>& choices(const std::string& name) const;
  // Every parameter as "name=value" text, in spec order (for results files).
  const std::vector<std::pair<std::string, std::string>>& texts() const { return texts_; }

 private:
  friend Result<Params> parse_params(const std::vector<ParamSpec>&,
                                     const std::vector<std::string>&);
  struct Value {
    ParamKind kind = ParamKind::integer;
    std::vector<int64_t> integers;
    std::vector<double> reals;
    std::vector<std::string> choices;
  };
  const Value& value(const std::string& name, ParamKind kind) const;
  std::map<std::string, Value> values_;
  std::vector<std::pair<std::string, std::string>> texts_;
};

// `assignments` are "k=v" strings; later ones override earlier ones and
// unset parameters take their defaults. Errors: "--param nodes: \"x\" is not
// an integer", "--param bogus: unknown parameter (known: nodes, mttf_s)".
Result<Params> parse_params(const std::vector<ParamSpec>& specs,
                            const std::vector<std::string>& assignments);

}  // namespace dt

#include "histories/json_util.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <utility>

namespace dt {

namespace {

// Nesting depth of `text` outside strings, stopping early past the limit.
// Checked before parsing so hostile input cannot exhaust the stack anywhere.
bool deeper_than(std::string_view text, size_t limit) {
  size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '[' || c == '{') {
      if (++depth > limit) return true;
    }
    if ((c == ']' || c == '}') && depth > 0) --depth;
  }
  return false;
}

// "[json.exception.parse_error.101] parse error at ..." -> "parse error at ...".
std::string parser_message(const char* what) {
  std::string message(what);
  if (!message.empty() && message[0] == '[') {
    const size_t end = message.find("] ");
    if (end != std::string::npos) message.erase(0, end + 2);
  }
  return message;
}

// A SAX pass that rejects an object naming one field twice; it also reports
// syntax errors with the parser's message.
class RepeatedFieldCheck : public nlohmann::json_sax<Json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override {
    open_objects_.emplace_back();
    return true;
  }
  bool key(string_t& name) override {
    DT_ASSERT(!open_objects_.empty(), "a key belongs to an open object");
    if (open_objects_.back().insert(name).second) return true;
    error_ = "field \"" + name + "\" appears twice in one object";
    return false;
  }
  bool end_object() override {
    DT_ASSERT(!open_objects_.empty(), "the parser balances objects");
    open_objects_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    error_ = parser_message(e.what());
    return false;
  }
  const std::string& error() const { return error_; }

 private:
  std::vector<std::set<std::string>> open_objects_;
  std::string error_ = "invalid input";
};

std::string expected_unsigned(const Json& value, const std::string& path) {
  return path + ": expected an unsigned integer, got " + type_name(value);
}

}  // namespace

Result<Json> parse_json(std::string_view text) {
  if (deeper_than(text, kMaxJsonDepth)) {
    return Status::error("not valid JSON: nested deeper than " + std::to_string(kMaxJsonDepth));
  }
  // A repeated field would otherwise silently keep the last value. (nlohmann's
  // parser callback could catch it too, but is quadratic on long arrays.)
  RepeatedFieldCheck check;
  if (!Json::sax_parse(text.begin(), text.end(), &check)) {
    return Status::error("not valid JSON: " + check.error());
  }
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::exception& e) {
    return Status::error("not valid JSON: " + parser_message(e.what()));
  } catch (const std::exception& e) {  // e.g. bad_alloc on absurd input
    return Status::error(std::string("not valid JSON: ") + e.what());
  }
}

Status in_file(std::string_view file_name, const Status& status) {
  DT_ASSERT(!status.is_ok(), "in_file wraps errors only");
  return Status::error(std::string(file_name) + ": " + status.message());
}

std::string dump_json(const Json& value, int indent) {
  DT_ASSERT(indent >= -1 && indent <= 8, "a sane indent");
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string dump_document(const Json& document, const std::vector<std::string>& one_per_line) {
  DT_ASSERT(document.is_object(), "a document is an object");
  std::string out = "{\n";
  size_t field = 0;
  for (auto it = document.begin(); it != document.end(); ++it, ++field) {
    out += "  " + dump_json(Json(it.key())) + ": ";
    const bool lines =
        std::find(one_per_line.begin(), one_per_line.end(), it.key()) != one_per_line.end();
    if (lines && it.value().is_array() && !it.value().empty()) {
      out += "[\n";
      for (size_t i = 0; i < it.value().size(); ++i) {
        out += "    " + dump_json(it.value()[i]);
        out += i + 1 < it.value().size() ? ",\n" : "\n";
      }
      out += "  ]";
    } else {
      std::string nested = dump_json(it.value(), 2);
      for (size_t pos = 0; (pos = nested.find('\n', pos)) != std::string::npos; pos += 3) {
        nested.replace(pos, 1, "\n  ");
      }
      out += nested;
    }
    out += field + 1 < document.size() ? ",\n" : "\n";
  }
  out += "}\n";
  DT_ASSERT(field == document.size(), "every field printed");
  return out;
}

std::string type_name(const Json& value) {
  if (value.is_number_float()) return "a float";
  if (value.is_number_integer()) return "an integer";
  return value.type_name();
}

Status read_u64(const Json& value, const std::string& path, uint64_t& out) {
  if (value.is_number_unsigned()) {
    out = value.get<uint64_t>();
    return Status::ok();
  }
  if (value.is_number_integer()) {
    const int64_t signed_value = value.get<int64_t>();
    if (signed_value < 0) {
      return Status::error(path + ": " + std::to_string(signed_value) +
                           " is negative, expected an unsigned integer");
    }
    out = static_cast<uint64_t>(signed_value);  // "-0"
    return Status::ok();
  }
  if (value.is_number_float()) {
    const double d = value.get<double>();
    // 2^64 and beyond parse as floats: report them as out of range.
    if (std::floor(d) == d && d >= 18446744073709551616.0) {
      return Status::error(path + ": " + dump_json(value) + " is out of range (0.." +
                           std::to_string(std::numeric_limits<uint64_t>::max()) + ")");
    }
    return Status::error(path + ": " + dump_json(value) + " is not an integer");
  }
  return Status::error(expected_unsigned(value, path));
}

Status read_u32(const Json& value, const std::string& path, uint32_t& out) {
  uint64_t wide = 0;
  if (Status s = read_u64(value, path, wide); !s) return s;
  if (wide > std::numeric_limits<uint32_t>::max()) {
    return Status::error(path + ": " + std::to_string(wide) + " is out of range (0.." +
                         std::to_string(std::numeric_limits<uint32_t>::max()) + ")");
  }
  out = static_cast<uint32_t>(wide);
  return Status::ok();
}

Status read_i64(const Json& value, const std::string& path, int64_t& out) {
  if (value.is_number_unsigned()) {
    const uint64_t u = value.get<uint64_t>();
    if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      return Status::error(path + ": " + std::to_string(u) + " is out of range (" +
                           std::to_string(std::numeric_limits<int64_t>::min()) + ".." +
                           std::to_string(std::numeric_limits<int64_t>::max()) + ")");
    }
    out = static_cast<int64_t>(u);
    return Status::ok();
  }
  if (value.is_number_integer()) {
    out = value.get<int64_t>();
    return Status::ok();
  }
  if (value.is_number_float()) {
    return Status::error(path + ": " + dump_json(value) + " is not an integer in range");
  }
  return Status::error(path + ": expected an integer, got " + type_name(value));
}

Status read_bool(const Json& value, const std::string& path, bool& out) {
  if (!value.is_boolean()) {
    return Status::error(path + ": expected a boolean, got " + type_name(value));
  }
  out = value.get<bool>();
  return Status::ok();
}

Status read_string(const Json& value, const std::string& path, std::string& out) {
  if (!value.is_string()) {
    return Status::error(path + ": expected a string, got " + type_name(value));
  }
  out = value.get<std::string>();
  return Status::ok();
}

Status expect_array(const Json& value, const std::string& path, size_t& size) {
  if (!value.is_array()) {
    return Status::error(path + ": expected an array, got " + type_name(value));
  }
  size = value.size();
  return Status::ok();
}

std::string element_path(const std::string& path, size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

ObjectReader::ObjectReader(const Json& value, std::string path)
    : value_(&value), path_(std::move(path)) {
  if (!value.is_object()) {
    const std::string where = path_.empty() ? "the document" : path_;
    status_ = Status::error(where + ": expected an object, got " + type_name(value));
  }
}

std::string ObjectReader::path_of(const char* name) const {
  return path_.empty() ? std::string(name) : path_ + "." + name;
}

bool ObjectReader::has(const char* name) const {
  return value_->is_object() && value_->contains(name);
}

const Json* ObjectReader::field(const char* name, Need need) {
  if (!ok()) return nullptr;
  used_.emplace_back(name);
  auto it = value_->find(name);
  if (it == value_->end()) {
    if (need == Need::required) fail(Status::error(path_of(name) + ": missing"));
    return nullptr;
  }
  return &*it;
}

void ObjectReader::fail(Status status) {
  DT_ASSERT(!status.is_ok(), "fail() takes an error");
  if (ok()) status_ = std::move(status);
}

template <typename T, typename ReadFn>
static void read_field(ObjectReader& reader, const char* name, T& out, Need need, ReadFn read) {
  const Json* value = reader.field(name, need);
  if (value == nullptr) return;
  if (Status s = read(*value, reader.path_of(name), out); !s) reader.fail(std::move(s));
}

void ObjectReader::read(const char* name, uint64_t& out, Need need) {
  read_field(*this, name, out, need, read_u64);
}
void ObjectReader::read(const char* name, uint32_t& out, Need need) {
  read_field(*this, name, out, need, read_u32);
}
void ObjectReader::read(const char* name, int64_t& out, Need need) {
  read_field(*this, name, out, need, read_i64);
}
void ObjectReader::read(const char* name, bool& out, Need need) {
  read_field(*this, name, out, need, read_bool);
}
void ObjectReader::read(const char* name, std::string& out, Need need) {
  read_field(*this, name, out, need, read_string);
}

Status ObjectReader::finish(std::string_view what) {
  if (!ok()) return status_;
  for (auto it = value_->begin(); it != value_->end(); ++it) {
    if (std::find(used_.begin(), used_.end(), it.key()) != used_.end()) continue;
    std::string reason = "unknown field";
    if (!what.empty()) reason += " of " + std::string(what);
    return Status::error(path_of(it.key().c_str()) + ": " + reason);
  }
  return Status::ok();
}

// Checks "format" and "version" of any of our documents.
Status check_header(ObjectReader& r, const char* format, uint64_t version) {
  std::string found_format;
  r.read("format", found_format, Need::required);
  if (r.ok() && found_format != format) {
    return Status::error("format: \"" + found_format + "\" is not \"" + format + "\"");
  }
  uint64_t found_version = 0;
  r.read("version", found_version, Need::required);
  if (r.ok() && found_version != version) {
    return Status::error("version: " + std::to_string(found_version) +
                         " is not supported (this build reads version " + std::to_string(version) +
                         ")");
  }
  return r.ok() ? Status::ok() : r.finish();
}

Result<std::string> read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(path + ": cannot read file");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return Status::error(path + ": cannot read file");
  return bytes.str();
}

}  // namespace dt

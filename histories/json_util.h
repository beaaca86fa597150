// Small helpers for the testbed's JSON files: a parser that never throws, typed
// field readers that name the field path in every error ("events[3].node:
// expected an unsigned integer, got string"), and a stable pretty printer.
// Nothing here throws: nlohmann exceptions are caught at this boundary.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace dt {

// Insertion-ordered objects: the writers decide the key order, so output is stable.
using Json = nlohmann::ordered_json;

// Deeper nesting than this is rejected before parsing (no file of ours needs it).
inline constexpr size_t kMaxJsonDepth = 64;

// Parses `text`; errors are "not valid JSON: <parser message>".
Result<Json> parse_json(std::string_view text);

// Prefixes an error with the file name: "bad.json: <message>".
Status in_file(std::string_view file_name, const Status& status);

// Serializes without throwing (invalid UTF-8 is replaced). indent -1 = one line.
std::string dump_json(const Json& value, int indent = -1);

// A top-level object printed with two-space indentation, except that the
// arrays named in `one_per_line` print one compact element per line (events, ops).
std::string dump_document(const Json& document, const std::vector<std::string>& one_per_line);

// Typed readers of one value at `path`. They leave `out` unchanged on error.
Status read_u64(const Json& value, const std::string& path, uint64_t& out);
Status read_u32(const Json& value, const std::string& path, uint32_t& out);
Status read_i64(const Json& value, const std::string& path, int64_t& out);
Status read_bool(const Json& value, const std::string& path, bool& out);
Status read_string(const Json& value, const std::string& path, std::string& out);
// `value` must be an array; its size goes to `size`.
Status expect_array(const Json& value, const std::string& path, size_t& size);
std::string element_path(const std::string& path, size_t index);  // "ops[3]"
std::string type_name(const Json& value);                         // "string", "number"

enum class Need { required, optional };

// Reads the fields of one JSON object, remembering the first error. Every
// field read is marked used; finish() rejects the fields never read.
class ObjectReader {
 public:
  // An error if `value` is not an object.
  ObjectReader(const Json& value, std::string path);

  bool ok() const { return status_.is_ok(); }
  // Optional fields that are absent leave `out` unchanged (the default).
  void read(const char* name, uint64_t& out, Need need);
  void read(const char* name, uint32_t& out, Need need);
  void read(const char* name, int64_t& out, Need need);
  void read(const char* name, bool& out, Need need);
  void read(const char* name, std::string& out, Need need);
  // The raw field (marked used), or nullptr when absent (an error if required).
  const Json* field(const char* name, Need need);
  bool has(const char* name) const;
  std::string path_of(const char* name) const;  // "config.nodes"
  const std::string& path() const { return path_; }
  // Records an error (only the first one is kept).
  void fail(Status status);
  // First error, else an error for the first unknown field ("what" names the
  // object in the message: "unknown field of a crash event").
  Status finish(std::string_view what = "");

 private:
  const Json* value_;
  std::string path_;
  std::vector<std::string> used_;
  Status status_ = Status::ok();
};

// Checks the "format" and "version" fields of one of our documents (read
// through `r`, the top-level object): "format: \"x\" is not \"dynamo-...\"".
Status check_header(ObjectReader& r, const char* format, uint64_t version);

// The whole file as bytes, or "PATH: cannot read file"; shared by the loaders.
Result<std::string> read_text_file(const std::string& path);

}  // namespace dt

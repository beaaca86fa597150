#include "histories/version_json.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace dt {

Json vclock_to_json(const VClock& clock) {
  Json j = Json::array();
  for (const auto& [node, counter] : clock.entries()) j.push_back(Json::array({node, counter}));
  DT_ASSERT(j.size() == clock.entries().size(), "one pair per entry");
  return j;
}

Json value_to_json(const Value& value) {
  Json j = Json::array();
  for (ElementValue element : value) j.push_back(element);
  return j;
}

Json version_to_json(const Version& v) {
  DT_ASSERT(v.dot.counter >= 1, "a stored version has a real dot");
  Json j = Json::object();
  j["write_id"] = v.write_id;
  j["dot"] = Json::array({v.dot.actor, v.dot.counter});
  if (!v.context.empty()) j["context"] = vclock_to_json(v.context);
  j["value"] = value_to_json(v.value);
  if (v.tombstone) j["tombstone"] = true;
  if (v.lww_timestamp_ns != 0) j["lww_timestamp_ns"] = v.lww_timestamp_ns;
  return j;
}

Json siblings_to_json(const Siblings& siblings) {
  Json j = Json::array();
  for (const Version& v : siblings) j.push_back(version_to_json(v));
  DT_ASSERT(j.size() == siblings.size(), "one object per sibling");
  return j;
}

namespace {

// A two-element array of unsigned integers, e.g. a clock entry or a dot.
Status read_pair(const Json& json, const std::string& path, uint32_t& first, uint64_t& second) {
  size_t size = 0;
  if (Status s = expect_array(json, path, size); !s) return s;
  if (size != 2) {
    return Status::error(path + ": expected [id, counter], got " + std::to_string(size) +
                         " elements");
  }
  if (Status s = read_u32(json[0], element_path(path, 0), first); !s) return s;
  if (Status s = read_u64(json[1], element_path(path, 1), second); !s) return s;
  if (second == 0) return Status::error(element_path(path, 1) + ": a counter is at least 1");
  return Status::ok();
}

}  // namespace

Status read_vclock(const Json& json, const std::string& path, VClock& out) {
  size_t size = 0;
  if (Status s = expect_array(json, path, size); !s) return s;
  std::vector<VClock::Entry> entries;
  for (size_t i = 0; i < size; ++i) {
    VClock::Entry entry;
    if (Status s = read_pair(json[i], element_path(path, i), entry.first, entry.second); !s) {
      return s;
    }
    if (!entries.empty() && entries.back().first >= entry.first) {
      return Status::error(element_path(path, i) + ": node " + std::to_string(entry.first) +
                           " is not after the previous entry's (entries are sorted, unique)");
    }
    entries.push_back(entry);
  }
  DT_ASSERT(entries.size() == size, "one entry per pair");
  out = VClock(std::move(entries));
  return Status::ok();
}

Status read_dot(const Json& json, const std::string& path, Dot& out) {
  return read_pair(json, path, out.actor, out.counter);
}

Status read_value(const Json& json, const std::string& path, Value& out) {
  size_t size = 0;
  if (Status s = expect_array(json, path, size); !s) return s;
  Value value;
  for (size_t i = 0; i < size; ++i) {
    ElementValue element = 0;
    if (Status s = read_i64(json[i], element_path(path, i), element); !s) return s;
    if (!value.empty() && value.back() >= element) {
      return Status::error(element_path(path, i) + ": " + std::to_string(element) +
                           " is not after the previous element (values are sorted sets)");
    }
    value.push_back(element);
  }
  DT_ASSERT(value.size() == size, "one element per array entry");
  DT_ASSERT(
      std::adjacent_find(value.begin(), value.end(),
                         [](ElementValue a, ElementValue b) { return a >= b; }) == value.end(),
      "values are sorted sets");
  out = std::move(value);
  return Status::ok();
}

Status read_version(const Json& json, const std::string& path, Version& out) {
  Version v;
  ObjectReader r(json, path);
  r.read("write_id", v.write_id, Need::required);
  if (const Json* dot = r.field("dot", Need::required)) {
    if (Status s = read_dot(*dot, r.path_of("dot"), v.dot); !s) r.fail(s);
  }
  if (const Json* context = r.field("context", Need::optional)) {
    if (Status s = read_vclock(*context, r.path_of("context"), v.context); !s) r.fail(s);
  }
  if (const Json* value = r.field("value", Need::required)) {
    if (Status s = read_value(*value, r.path_of("value"), v.value); !s) r.fail(s);
  }
  r.read("tombstone", v.tombstone, Need::optional);
  r.read("lww_timestamp_ns", v.lww_timestamp_ns, Need::optional);
  if (Status s = r.finish("a version"); !s) return s;
  if (v.tombstone && !v.value.empty()) {
    return Status::error(r.path_of("value") + ": a tombstone has an empty value");
  }
  out = std::move(v);
  return Status::ok();
}

Status read_siblings(const Json& json, const std::string& path, Siblings& out) {
  size_t size = 0;
  if (Status s = expect_array(json, path, size); !s) return s;
  Siblings siblings;
  for (size_t i = 0; i < size; ++i) {
    Version v;
    if (Status s = read_version(json[i], element_path(path, i), v); !s) return s;
    if (!siblings.empty() && !(siblings.back().dot < v.dot)) {
      return Status::error(element_path(path, i) +
                           ".dot: not after the previous sibling's dot (siblings are sorted "
                           "by dot, unique)");
    }
    siblings.push_back(std::move(v));
  }
  DT_ASSERT(siblings.size() == size, "one version per array entry");
  out = std::move(siblings);
  return Status::ok();
}

}  // namespace dt

// Errors from outside (files, flags, fuzz bytes): returned, never thrown across
// module lines. The message names the file, the field path and the reason.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "core/assert.h"

namespace dt {

class Status {
 public:
  static Status ok() { return Status(); }
  static Status error(std::string message) { return Status(std::move(message)); }

  bool is_ok() const { return !message_.has_value(); }
  explicit operator bool() const { return is_ok(); }
  // REQUIRES: !is_ok()
  const std::string& message() const {
    DT_ASSERT(message_.has_value(), "message() on an ok Status");
    return *message_;
  }

 private:
  Status() = default;
  explicit Status(std::string message) : message_(std::move(message)) {}
  std::optional<std::string> message_;
};

// A value or an error message.
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status error) : state_(std::move(error)) {  // NOLINT
    DT_ASSERT(!std::get<Status>(state_).is_ok(), "Result built from an ok Status");
  }

  bool is_ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return is_ok(); }
  const T& value() const& {
    DT_ASSERT(is_ok(), "value() on an error Result");
    return std::get<T>(state_);
  }
  T& value() & {
    DT_ASSERT(is_ok(), "value() on an error Result");
    return std::get<T>(state_);
  }
  T&& value() && {
    DT_ASSERT(is_ok(), "value() on an error Result");
    return std::get<T>(std::move(state_));
  }
  const std::string& error() const {
    DT_ASSERT(!is_ok(), "error() on an ok Result");
    return std::get<Status>(state_).message();
  }
  Status status() const { return is_ok() ? Status::ok() : std::get<Status>(state_); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace dt

#include "core/node.h"

namespace dt {

const char* to_string(ClientOpKind kind) {
  switch (kind) {
    case ClientOpKind::put: return "put";
    case ClientOpKind::get: return "get";
    case ClientOpKind::del: return "delete";
  }
  return "?";
}

const char* to_string(ReplyStatus status) {
  switch (status) {
    case ReplyStatus::ok: return "ok";
    case ReplyStatus::fail: return "fail";
    case ReplyStatus::timeout: return "timeout";
  }
  return "?";
}

const char* to_string(TimerKind kind) {
  switch (kind) {
    case TimerKind::probe: return "probe";
    case TimerKind::probe_timeout: return "probe_timeout";
    case TimerKind::replica_timeout: return "replica_timeout";
    case TimerKind::request_deadline: return "request_deadline";
    case TimerKind::handoff: return "handoff";
    case TimerKind::anti_entropy: return "anti_entropy";
  }
  return "?";
}

}  // namespace dt

// The command's exit codes, documented in --help and the README.
#pragma once

namespace dt {

enum ExitCode : int {
  kExitOk = 0,         // ran, no promised property violated
  kExitViolation = 1,  // a promised property was violated (or model and impl diverged)
  kExitBadInput = 2,   // bad input file, flag or usage
  kExitInternal = 3,   // internal error (a bug in the testbed)
};

inline constexpr const char* kExitCodeHelp =
    "Exit codes: 0 ok, 1 a promised property was violated (or model and impl diverged), "
    "2 bad input or usage, 3 internal error.";

}  // namespace dt

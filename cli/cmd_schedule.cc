// `schedule validate|print FILE` and `schedule --from-fuzz-input FILE`.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "fuzz/schedule_decoder.h"
#include "histories/schedule_json.h"

namespace dt {

namespace {

Result<std::vector<uint8_t>> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(path + ": cannot open");
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return bytes;
}

int load_and(const std::string& path, bool print) {
  const Result<Schedule> schedule = load_schedule_file(path);
  if (!schedule.is_ok()) {
    std::fprintf(stderr, "dynamo-testbed schedule: %s\n", schedule.error().c_str());
    return kExitBadInput;
  }
  if (print) {
    std::printf("%s", write_schedule_json(schedule.value()).c_str());
  } else {
    std::printf("%s: valid (%zu events, %u nodes)\n", path.c_str(),
                schedule.value().events.size(), schedule.value().config.nodes);
  }
  return kExitOk;
}

}  // namespace

void add_schedule_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("schedule", "validate, print or decode schedules");
  auto fuzz_input = std::make_shared<std::string>();
  cmd->add_option("--from-fuzz-input", *fuzz_input,
                  "print the schedule that these fuzzer input bytes decode to");
  auto* validate = cmd->add_subcommand("validate", "check a schedule file; exit 2 if invalid");
  auto* print = cmd->add_subcommand("print", "print a schedule file in canonical form");
  auto validate_file = std::make_shared<std::string>();
  auto print_file = std::make_shared<std::string>();
  validate->add_option("FILE", *validate_file, "schedule JSON")->required();
  print->add_option("FILE", *print_file, "schedule JSON")->required();
  validate->callback([&exit_code, validate_file] { exit_code = load_and(*validate_file, false); });
  print->callback([&exit_code, print_file] { exit_code = load_and(*print_file, true); });
  cmd->callback([&exit_code, cmd, fuzz_input] {
    if (fuzz_input->empty()) {
      if (cmd->get_subcommands().empty()) {
        std::fprintf(stderr, "dynamo-testbed schedule: give validate FILE, print FILE or "
                             "--from-fuzz-input FILE\n");
        exit_code = kExitBadInput;
      }
      return;
    }
    const Result<std::vector<uint8_t>> bytes = read_bytes(*fuzz_input);
    if (!bytes.is_ok()) {
      std::fprintf(stderr, "dynamo-testbed schedule: %s\n", bytes.error().c_str());
      exit_code = kExitBadInput;
      return;
    }
    const DecodedSchedule decoded = decode_schedule(bytes.value());
    std::fprintf(stderr, "swarm: %s\n", decoded.swarm.describe().c_str());
    std::printf("%s", write_schedule_json(decoded.schedule).c_str());
  });
}

}  // namespace dt

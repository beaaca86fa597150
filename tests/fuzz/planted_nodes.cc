#include "tests/fuzz/planted_nodes.h"

#include <utility>

#include "model/model_node.h"

namespace dt::testing {

namespace {

// Forwards every event to the model; subclasses edit the effects.
class WrappedModel : public Node {
 public:
  WrappedModel(NodeId self, const Config& config, const BugSet& bugs)
      : inner_(make_model_node(self, config, bugs)) {}

  void on_start(const NodeClock& clock, Effects& out) override {
    inner_->on_start(clock, out);
    after_start(out);
  }
  void on_client_request(const NodeClock& clock, const ClientRequest& request,
                         Effects& out) override {
    inner_->on_client_request(clock, request, out);
    edit(out);
  }
  void on_message(const NodeClock& clock, NodeId from, const Message& message,
                  Effects& out) override {
    inner_->on_message(clock, from, message, out);
    edit(out);
  }
  void on_timer(const NodeClock& clock, TimerKind kind, uint64_t tag, Effects& out) override {
    inner_->on_timer(clock, kind, tag, out);
    edit(out);
  }
  void on_crash(Effects& out) override { inner_->on_crash(out); }
  void on_wipe(Effects& out) override { inner_->on_wipe(out); }
  NodeState abstract_state() const override { return inner_->abstract_state(); }

 protected:
  virtual void after_start(Effects&) {}
  virtual void edit(Effects&) {}

 private:
  std::unique_ptr<Node> inner_;
};

class RestartMarking : public WrappedModel {
 public:
  using WrappedModel::WrappedModel;

 protected:
  void after_start(Effects& out) override {
    if (++starts_ >= 2) out.marks.push_back(CoverageMark::suspected_peer);
  }

 private:
  int starts_ = 0;
};

class RestartHiding : public WrappedModel {
 public:
  RestartHiding(NodeId self, const Config& config, const BugSet& bugs)
      : WrappedModel(self, config, bugs), self_(self) {}

  NodeState abstract_state() const override {
    NodeState state = WrappedModel::abstract_state();
    if (starts_ >= 2) state.suspected.insert(state.suspected.begin(), self_);
    return state;
  }

 protected:
  void after_start(Effects&) override { ++starts_; }

 private:
  NodeId self_;
  int starts_ = 0;
};

class AmnesiacReader : public WrappedModel {
 public:
  using WrappedModel::WrappedModel;

 protected:
  void edit(Effects& out) override {
    for (ClientReply& reply : out.replies) {
      if (reply.status != ReplyStatus::ok || reply.siblings.empty()) continue;
      reply.siblings.clear();
      reply.context = VClock();
    }
  }
};

}  // namespace

std::unique_ptr<Node> make_restart_marking_node(NodeId self, const Config& config,
                                                const BugSet& bugs) {
  return std::make_unique<RestartMarking>(self, config, bugs);
}

std::unique_ptr<Node> make_amnesiac_reader_node(NodeId self, const Config& config,
                                                const BugSet& bugs) {
  return std::make_unique<AmnesiacReader>(self, config, bugs);
}

std::unique_ptr<Node> make_restart_hiding_node(NodeId self, const Config& config,
                                               const BugSet& bugs) {
  return std::make_unique<RestartHiding>(self, config, bugs);
}

}  // namespace dt::testing

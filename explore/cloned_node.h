// A node owned by an explored world. Copying it clones the node
// (Node::clone), so a World copies member by member and no field of it can
// be left out of a copy by hand.
#pragma once

#include <memory>
#include <utility>

#include "core/assert.h"
#include "core/node.h"

namespace dt {

class ClonedNode {
 public:
  ClonedNode() = default;
  explicit ClonedNode(std::unique_ptr<Node> node) : node_(std::move(node)) {}
  ClonedNode(const ClonedNode& other) : node_(clone_of(other.node_.get())) {}
  ClonedNode& operator=(const ClonedNode& other) {
    if (this != &other) node_ = clone_of(other.node_.get());
    return *this;
  }
  ClonedNode(ClonedNode&&) noexcept = default;
  ClonedNode& operator=(ClonedNode&&) noexcept = default;

  Node* get() const { return node_.get(); }
  Node* operator->() const { return node_.get(); }
  Node& operator*() const { return *node_; }
  explicit operator bool() const { return node_ != nullptr; }

 private:
  static std::unique_ptr<Node> clone_of(const Node* node) {
    if (node == nullptr) return nullptr;
    std::unique_ptr<Node> copy = node->clone();
    DT_ASSERT(copy != nullptr, "explore needs nodes that implement clone()");
    return copy;
  }

  std::unique_ptr<Node> node_;
};

}  // namespace dt

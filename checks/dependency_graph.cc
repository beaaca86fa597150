#include "checks/dependency_graph.h"

#include <algorithm>
#include <unordered_map>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/depth_first_search.hpp>

#include "core/assert.h"

namespace dt {

namespace {

// Compressed sparse rows: one allocation for all edges, built once, searched once.
using Graph = boost::compressed_sparse_row_graph<boost::directedS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

// Records DFS tree parents and the first back edge (which closes a cycle).
struct CycleFinder {
  std::vector<Vertex> parent;
  bool found = false;
  Vertex back_from = 0;
  Vertex back_to = 0;
};

class CycleVisitor : public boost::default_dfs_visitor {
 public:
  explicit CycleVisitor(CycleFinder* finder) : finder_(finder) {}
  void tree_edge(Edge e, const Graph& g) const {
    finder_->parent[boost::target(e, g)] = boost::source(e, g);
  }
  void back_edge(Edge e, const Graph& g) const {
    if (finder_->found) return;
    finder_->found = true;
    finder_->back_from = boost::source(e, g);
    finder_->back_to = boost::target(e, g);
  }

 private:
  CycleFinder* finder_;
};

void add_read_edges(const HistoryIndex& index, uint32_t reader, std::vector<DependencyEdge>& out) {
  for (const Version& v : index.completion_of(index.op(reader)).read) {
    const auto writer = index.op_of_write(v.write_id);
    if (writer && *writer != reader) {
      out.push_back({static_cast<uint32_t>(*writer), reader, DependencyEdgeKind::write_read});
    }
  }
}

void add_write_write_edges(const HistoryIndex& index, const WriteFacts& facts, uint32_t writer,
                           std::vector<DependencyEdge>& out) {
  const WriteFact* fact = facts.find(index.op(writer).write_id);
  if (fact == nullptr) return;
  // The highest covered dot per actor: enough for the edges a cycle needs when
  // contexts are causally closed, and linear in the clock's size.
  for (const auto& [actor, counter] : fact->context->entries()) {
    const auto earlier = facts.write_of_dot(Dot{actor, counter});
    if (!earlier) continue;
    const auto earlier_op = index.op_of_write(*earlier);
    if (earlier_op) {
      out.push_back({static_cast<uint32_t>(*earlier_op), writer, DependencyEdgeKind::write_write});
    }
  }
}

// True when `sent` descends from the context get `done` returned (its reply's
// context merged with its siblings' clocks) and that context is not empty.
// Checked part by part: merging the clocks of many siblings allocates per sibling.
bool builds_on(const VClock& sent, const HistoryOp& done) {
  bool empty = done.context.empty();
  if (!sent.descends(done.context)) return false;
  for (const Version& v : done.read) {
    empty = empty && v.context.empty() && v.dot.counter == 0;  // clock() adds a non-zero dot
    if (!sent.descends(v.context) || sent.get(v.dot.actor) < v.dot.counter) return false;
  }
  return !empty;
}

}  // namespace

std::vector<DependencyEdge> dependency_edges(const HistoryIndex& index, const WriteFacts& facts) {
  std::vector<DependencyEdge> edges;
  edges.reserve(index.ops().size() * 2);
  // process -> its last ok get
  std::unordered_map<ProcessId, uint32_t> last_read;
  for (uint32_t number = 0; number < index.ops().size(); ++number) {
    const IndexedOp& op = index.op(number);
    if (is_write(op.f)) {
      const auto read = last_read.find(op.process);
      const VClock& sent = index.invoke_of(op).context;
      if (read != last_read.end() && !sent.empty() &&
          builds_on(sent, index.completion_of(index.op(read->second)))) {
        edges.push_back({read->second, number, DependencyEdgeKind::read_write});
      }
      add_write_write_edges(index, facts, number, edges);
    }
    if (op.ok() && (op.f == OpFn::get || op.f == OpFn::add)) {
      add_read_edges(index, number, edges);
      if (op.f == OpFn::get) {
        last_read[op.process] = number;
      }
    }
  }
  DT_ASSERT(std::all_of(edges.begin(), edges.end(),
                        [&](const DependencyEdge& e) { return e.from < index.ops().size() &&
                                                              e.to < index.ops().size(); }),
            "edge names an op out of range");
  return edges;
}

std::vector<uint32_t> find_dependency_cycle(size_t op_count,
                                            const std::vector<DependencyEdge>& edges) {
  std::vector<std::pair<size_t, size_t>> pairs;
  pairs.reserve(edges.size());
  for (const DependencyEdge& e : edges) {
    DT_ASSERT(e.from < op_count && e.to < op_count, "edge out of range");
    pairs.emplace_back(e.from, e.to);
  }
  const Graph graph(boost::edges_are_unsorted_multi_pass, pairs.begin(), pairs.end(), op_count);
  CycleFinder finder;
  finder.parent.assign(op_count, 0);
  std::vector<boost::default_color_type> colors(op_count);
  boost::depth_first_search(
      graph, boost::visitor(CycleVisitor(&finder))
                 .color_map(boost::make_iterator_property_map(
                     colors.begin(), boost::get(boost::vertex_index, graph))));
  if (!finder.found) return {};
  // back_to is an ancestor of back_from: walk parents up to it.
  std::vector<uint32_t> cycle;
  for (Vertex v = finder.back_from; v != finder.back_to; v = finder.parent[v]) {
    cycle.push_back(static_cast<uint32_t>(v));
    DT_ASSERT(cycle.size() <= op_count, "parent chain does not reach the back edge's target");
  }
  cycle.push_back(static_cast<uint32_t>(finder.back_to));
  std::reverse(cycle.begin(), cycle.end());
  return cycle;
}

}  // namespace dt

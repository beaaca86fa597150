#include "report/fault_bands.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/assert.h"

namespace dt {

namespace {

// Open intervals while walking the events; closed ones go to the picture.
struct Walk {
  FaultPicture picture;
  std::map<NodeId, NodeBand> down;    // crash or wipe until restart
  std::map<NodeId, NodeBand> paused;  // pause until resume
  std::vector<PartitionSpan> partition;  // at most one open
  std::map<std::pair<NodeId, NodeId>, LinkSpan> links;

  void close(std::map<NodeId, NodeBand>& open, NodeId node, TimeNs at_ns) {
    auto it = open.find(node);
    if (it == open.end()) return;
    it->second.end_ns = at_ns;
    picture.bands.push_back(it->second);
    open.erase(it);
  }
  void close_network(TimeNs at_ns) {
    for (PartitionSpan& p : partition) {
      p.end_ns = at_ns;
      picture.partitions.push_back(std::move(p));
    }
    partition.clear();
    for (auto& [_, link] : links) {
      link.end_ns = at_ns;
      picture.links.push_back(link);
    }
    links.clear();
  }
  void node_event(const ScheduleEvent& e) {
    switch (e.kind) {
      case EventKind::crash:
        if (down.count(e.node) == 0) down[e.node] = NodeBand{e.node, "down", e.at_ns, 0};
        break;
      case EventKind::wipe:  // a wipe during a crash turns the rest of the band into "wiped"
        close(down, e.node, e.at_ns);
        down[e.node] = NodeBand{e.node, "wiped", e.at_ns, 0};
        break;
      case EventKind::restart: close(down, e.node, e.at_ns); break;
      case EventKind::pause:
        if (paused.count(e.node) == 0) paused[e.node] = NodeBand{e.node, "paused", e.at_ns, 0};
        break;
      case EventKind::resume: close(paused, e.node, e.at_ns); break;
      default: break;
    }
  }
  void network_event(const ScheduleEvent& e) {
    if (e.kind == EventKind::heal) {
      close_network(e.at_ns);
    } else if (e.kind == EventKind::partition) {
      for (PartitionSpan& p : partition) p.end_ns = e.at_ns;
      for (PartitionSpan& p : partition) picture.partitions.push_back(std::move(p));
      partition.assign(1, PartitionSpan{e.groups, e.at_ns, 0});
    } else if (e.kind == EventKind::link) {
      const std::pair<NodeId, NodeId> key{e.from, e.to};
      if (auto it = links.find(key); it != links.end()) {
        it->second.end_ns = e.at_ns;
        picture.links.push_back(it->second);
        links.erase(it);
      }
      links[key] = LinkSpan{e.from, e.to, e.drop_ppm, e.duplicate_ppm,
                            e.delay_min_ns, e.delay_max_ns, e.at_ns, 0};
    } else if (e.kind == EventKind::clock_skew) {
      picture.skews.push_back(ClockSkewMark{e.node, e.at_ns, e.skew_ns});
    }
  }
};

}  // namespace

FaultPicture fault_picture(const Schedule& schedule, TimeNs heal_ns) {
  Walk walk;
  for (const ScheduleEvent& e : schedule.events) {
    DT_ASSERT(e.at_ns <= heal_ns, "a fault after the final heal");
    walk.node_event(e);
    walk.network_event(e);
  }
  // The final heal brings every node up and heals the network.
  while (!walk.down.empty()) walk.close(walk.down, walk.down.begin()->first, heal_ns);
  while (!walk.paused.empty()) walk.close(walk.paused, walk.paused.begin()->first, heal_ns);
  walk.close_network(heal_ns);
  FaultPicture& p = walk.picture;
  std::stable_sort(p.bands.begin(), p.bands.end(), [](const NodeBand& a, const NodeBand& b) {
    return a.start_ns < b.start_ns;
  });
  std::stable_sort(p.links.begin(), p.links.end(), [](const LinkSpan& a, const LinkSpan& b) {
    return a.start_ns < b.start_ns;
  });
  return std::move(walk.picture);
}

Json to_json(const FaultPicture& picture) {
  Json bands = Json::array(), partitions = Json::array(), links = Json::array();
  Json skews = Json::array();
  for (const NodeBand& b : picture.bands) {
    bands.push_back({{"node", b.node}, {"kind", b.kind}, {"t0", b.start_ns}, {"t1", b.end_ns}});
  }
  for (const PartitionSpan& p : picture.partitions) {
    partitions.push_back({{"groups", p.groups}, {"t0", p.start_ns}, {"t1", p.end_ns}});
  }
  for (const LinkSpan& l : picture.links) {
    links.push_back({{"from", l.from}, {"to", l.to}, {"drop_ppm", l.drop_ppm},
                     {"duplicate_ppm", l.duplicate_ppm}, {"delay_min_ns", l.delay_min_ns},
                     {"delay_max_ns", l.delay_max_ns}, {"t0", l.start_ns}, {"t1", l.end_ns}});
  }
  for (const ClockSkewMark& s : picture.skews) {
    skews.push_back({{"node", s.node}, {"t", s.at_ns}, {"skew_ns", s.skew_ns}});
  }
  return Json{{"bands", bands}, {"partitions", partitions}, {"links", links}, {"skews", skews}};
}

}  // namespace dt

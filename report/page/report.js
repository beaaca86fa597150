// dynamo-testbed report page: draws a run, a failure, a campaign, an explore or
// an experiment from the JSON in <script id="data">. Lanes are virtualised:
// only the lanes in view and the records in the visible time window become SVG
// nodes.
// Test hooks: after each render <body> carries data-* counts (see publish()),
// and a location hash "#select=violation:N" or "#select=op:I" selects on load.
(function () {
  'use strict';

  var D = JSON.parse(document.getElementById('data').textContent);
  var SVGNS = 'http://www.w3.org/2000/svg';
  var LANE_H = 22, LABEL_W = 118, AXIS_H = 26, MAX_VIEW_H = 620;
  // A lane with more bars than this in view merges bars closer than a pixel.
  var MERGE_ABOVE = 300;

  // ---- small DOM helpers (textContent only: data never becomes markup) ----
  function h(tag, attrs, children) {
    var e = document.createElement(tag);
    setAttrs(e, attrs);
    (children || []).forEach(function (c) {
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return e;
  }
  function s(tag, attrs, text) {
    var e = document.createElementNS(SVGNS, tag);
    setAttrs(e, attrs);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function setAttrs(e, attrs) {
    for (var k in attrs || {}) {
      if (attrs[k] !== undefined && attrs[k] !== null) e.setAttribute(k, String(attrs[k]));
    }
  }
  function ms(ns) { return (ns / 1e6).toFixed(3) + ' ms'; }
  function app() { return document.getElementById('app'); }
  function setOf(list) { var o = {}; (list || []).forEach(function (x) { o[x] = true; }); return o; }
  function keys(o) { return Object.keys(o).map(Number).sort(function (a, b) { return a - b; }); }

  // ======================= run / failure page =======================
  var R = {};  // run state: indexes, lanes, view, selection

  function buildIndexes() {
    R.ops = D.ops;
    R.recs = D.records;
    R.kind = D.kinds;
    R.spanOfIndex = {};   // history index -> span
    R.byOpId = {};        // op_id -> record indices
    R.byWrite = {};       // write id -> record indices
    R.ops.forEach(function (op, i) {
      R.spanOfIndex[op.i] = i;
      if (op.c !== null) R.spanOfIndex[op.c] = i;
    });
    R.recs.forEach(function (r, i) {
      if (r[5]) (R.byOpId[r[5]] = R.byOpId[r[5]] || []).push(i);
      if (r[6]) (R.byWrite[r[6]] = R.byWrite[r[6]] || []).push(i);
    });
  }

  // Node lanes first (few, always at the top), then one lane per client process.
  function buildLanes() {
    R.lanes = [];
    R.nodeLane = {};
    for (var n = 0; n < D.config.nodes; n++) {
      R.nodeLane[n] = R.lanes.length;
      R.lanes.push({type: 'node', node: n, label: 'node ' + n});
    }
    var byProcess = {};
    R.ops.forEach(function (op, i) { (byProcess[op.p] = byProcess[op.p] || []).push(i); });
    R.procLane = {};
    keys(byProcess).forEach(function (p) {
      R.procLane[p] = R.lanes.length;
      R.lanes.push({type: 'client', process: p, label: 'client p' + p, spans: byProcess[p]});
    });
    R.barCount = 0;
    R.lanes.forEach(function (l) { if (l.spans) R.barCount += l.spans.length; });
  }

  function opEnd(op) { return op.t1 === null ? D.end_ns : op.t1; }

  // ---- time scale ----
  function plotWidth() { return Math.max(200, R.width - LABEL_W - 12); }
  function x(t) { return LABEL_W + (t - R.view.t0) / (R.view.t1 - R.view.t0) * plotWidth(); }
  function tAt(px) { return R.view.t0 + (px - LABEL_W) / plotWidth() * (R.view.t1 - R.view.t0); }
  function fit() { R.view = {t0: 0, t1: D.end_ns * 1.02 + 1}; }
  function zoom(factor, centerT) {
    var c = centerT === undefined ? (R.view.t0 + R.view.t1) / 2 : centerT;
    var span = Math.max(1000, (R.view.t1 - R.view.t0) * factor);
    var t0 = c - (c - R.view.t0) * (span / (R.view.t1 - R.view.t0));
    R.view = {t0: t0, t1: t0 + span};
    schedule();
  }
  function pan(dt) { R.view = {t0: R.view.t0 + dt, t1: R.view.t1 + dt}; schedule(); }
  function showRange(t0, t1) {
    var pad = Math.max((t1 - t0) * 0.15, D.end_ns * 0.03);
    R.view = {t0: Math.max(0, t0 - pad), t1: t1 + pad};
  }

  var pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; render(); });
  }

  // ---- drawing ----
  function laneY(lane) { return lane * LANE_H; }
  function visibleLanes() {
    var box = R.lanesBox;
    var first = Math.max(0, Math.floor(box.scrollTop / LANE_H));
    var last = Math.min(R.lanes.length - 1, Math.ceil((box.scrollTop + box.clientHeight) / LANE_H));
    return [first, last];
  }

  function render() {
    R.width = R.lanesBox.clientWidth || 1200;
    drawAxis();
    var range = visibleLanes();
    var top = range[0] * LANE_H;
    var g = s('svg', {width: R.width, height: (range[1] - range[0] + 1) * LANE_H,
                      id: 'lanes-svg'});
    g.style.top = top + 'px';
    var inner = s('g', {transform: 'translate(0,' + (-top) + ')'});
    g.appendChild(inner);
    for (var l = range[0]; l <= range[1]; l++) drawLane(inner, l);
    drawMarkers(inner, top, range);
    drawSelection(inner);
    if (R.svg) R.lanesBox.removeChild(R.svg);
    R.svg = g;
    R.lanesBox.appendChild(g);
    publish();
  }

  function drawAxis() {
    var a = R.axis;
    while (a.firstChild) a.removeChild(a.firstChild);
    setAttrs(a, {width: R.width, height: AXIS_H});
    var span = R.view.t1 - R.view.t0, step = Math.pow(10, Math.floor(Math.log10(span / 8)));
    if (span / step > 16) step *= 5; else if (span / step > 8) step *= 2;
    for (var t = Math.ceil(R.view.t0 / step) * step; t <= R.view.t1; t += step) {
      a.appendChild(s('line', {x1: x(t), x2: x(t), y1: AXIS_H - 6, y2: AXIS_H, stroke: '#555'}));
      a.appendChild(s('text', {x: x(t) + 2, y: AXIS_H - 9, 'font-size': 10}, ms(t)));
    }
    a.appendChild(s('text', {x: 4, y: 16, 'font-size': 11, 'font-weight': 600}, 'time'));
  }

  function drawLane(g, l) {
    var lane = R.lanes[l], y = laneY(l);
    if (lane.type === 'node' && R.hlNodes[lane.node]) {
      g.appendChild(s('rect', {x: 0, y: y, width: R.width, height: LANE_H, 'class': 'lane-hl'}));
    }
    // Half-pixel y: a crisp 1px separator (the screenshot test looks for it).
    g.appendChild(s('line', {x1: 0, x2: R.width, y1: y + LANE_H - 0.5, y2: y + LANE_H - 0.5,
                             'class': 'lane-sep'}));
    var cls = 'lane-label' + (lane.type === 'node' && R.hlNodes[lane.node] ? ' hl' : '');
    g.appendChild(s('text', {x: 4, y: y + 15, 'class': cls, 'data-lane': lane.label},
                    lane.label));
    if (lane.type === 'node') drawNodeLane(g, lane.node, y);
    else drawClientLane(g, lane, y);
  }

  function inView(t0, t1) { return t1 >= R.view.t0 && t0 <= R.view.t1; }
  function clampX(px) { return Math.max(LABEL_W, Math.min(R.width, px)); }

  function drawNodeLane(g, node, y) {
    var f = D.faults;
    f.partitions.forEach(function (p) {
      if (!inView(p.t0, p.t1)) return;
      var group = -1;
      p.groups.forEach(function (members, gi) { if (members.indexOf(node) >= 0) group = gi; });
      var fill = group < 0 ? '#000' : 'hsl(' + (group * 137 % 360) + ',70%,50%)';
      g.appendChild(s('rect', {x: clampX(x(p.t0)), y: y + 1, height: LANE_H - 2,
                               width: Math.max(1, clampX(x(p.t1)) - clampX(x(p.t0))),
                               fill: fill, 'class': 'part', 'data-node': node,
                               'data-t0': p.t0, 'data-t1': p.t1},
                      undefined)).appendChild(s('title', {},
        'partition ' + p.groups.map(function (m) { return '{' + m.join(',') + '}'; }).join(' | ') +
        (group < 0 ? ': cut off' : ': group ' + group)));
    });
    f.bands.forEach(function (b) {
      if (b.node !== node || !inView(b.t0, b.t1)) return;
      var r = s('rect', {x: clampX(x(b.t0)), y: y + 3, height: LANE_H - 6,
                         width: Math.max(2, clampX(x(b.t1)) - clampX(x(b.t0))),
                         'class': 'band ' + b.kind, 'data-node': b.node, 'data-kind': b.kind,
                         'data-t0': b.t0, 'data-t1': b.t1, 'data-x0': x(b.t0)});
      r.appendChild(s('title', {}, b.kind + ' ' + ms(b.t0) + ' .. ' + ms(b.t1)));
      g.appendChild(r);
    });
    f.links.forEach(function (k) {
      if (k.from !== node || !inView(k.t0, k.t1)) return;
      var line = s('line', {x1: clampX(x(k.t0)), x2: clampX(x(k.t1)), y1: y + LANE_H - 3,
                            y2: y + LANE_H - 3, 'class': 'link'});
      line.appendChild(s('title', {}, 'link ' + k.from + ' -> ' + k.to + ': drop ' +
        k.drop_ppm / 1e4 + '%, duplicate ' + k.duplicate_ppm / 1e4 + '%, delay ' +
        ms(k.delay_min_ns) + '..' + ms(k.delay_max_ns)));
      g.appendChild(line);
      g.appendChild(s('text', {x: clampX(x(k.t0)) + 2, y: y + 9, 'font-size': 9,
                               fill: '#b05000'}, '\u2192' + k.to));
    });
    f.skews.forEach(function (k) {
      if (k.node !== node || !inView(k.t, k.t)) return;
      g.appendChild(s('text', {x: x(k.t), y: y + 15, 'font-size': 11, fill: '#333'},
                      '\u23f1' + (k.skew_ns / 1e6) + 'ms'));
    });
  }

  // Client ops of one process never overlap: binary search the first in view.
  function firstInView(spans) {
    var lo = 0, hi = spans.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (opEnd(R.ops[spans[mid]]) < R.view.t0) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  function drawClientLane(g, lane, y) {
    var spans = lane.spans, start = firstInView(spans), lastX = -1e9;
    var end = start;
    while (end < spans.length && R.ops[spans[end]].t0 <= R.view.t1) end++;
    var merge = end - start > MERGE_ABOVE;
    for (var j = start; j < end; j++) {
      var i = spans[j], op = R.ops[i];
      var x0 = clampX(x(op.t0)), x1 = clampX(x(opEnd(op)));
      if (merge && x1 < lastX + 1 && !R.hlOps[i] && R.selOp !== i) continue;
      lastX = x1;
      var cls = 'op ' + op.r + (R.hlOps[i] ? ' hl' : '') + (R.matchOps[i] ? ' match' : '') +
                (R.selOp === i ? ' sel' : '');
      var bar = s('rect', {x: x0, y: y + 3, width: Math.max(2, x1 - x0), height: LANE_H - 6,
                           'class': cls, 'data-span': i, 'data-i': op.i});
      bar.appendChild(s('title', {}, opText(op)));
      g.appendChild(bar);
      if (x1 - x0 > 60) {
        g.appendChild(s('text', {x: x0 + 3, y: y + 15, 'class': 'op-label'}, opLabel(op)));
      }
    }
  }

  function opLabel(op) {
    return op.f + ' k' + op.k + (op.v !== null ? '=' + op.v : '') + (op.w ? ' w' + op.w : '');
  }
  function readText(op) {
    if (op.nf) return 'not found';
    if (!op.read) return '';
    return op.read.map(function (v) {
      return 'w' + v.write_id + (v.tombstone ? ' tombstone' : '=' + JSON.stringify(v.value));
    }).join(', ');
  }
  function opText(op) {
    return 'history[' + op.i + (op.c !== null ? '..' + op.c : '') + '] p' + op.p + ' ' +
      opLabel(op) + ' -> ' + op.r + (op.co !== null ? ' via node ' + op.co : '') +
      ' ' + ms(op.t0) + ' .. ' + (op.t1 === null ? 'open' : ms(op.t1)) +
      (op.read || op.nf ? ' read: ' + readText(op) : '') + (op.err ? ' (' + op.err + ')' : '');
  }

  function drawMarkers(g, top, range) {
    var y0 = top, y1 = (range[1] + 1) * LANE_H;
    [[D.final_heal_ns, 'final heal'], [D.final_reads_ns, 'final reads']].forEach(function (m) {
      if (!m[0] || !inView(m[0], m[0])) return;
      g.appendChild(s('line', {x1: x(m[0]), x2: x(m[0]), y1: y0, y2: y1, 'class': 'marker'}));
      g.appendChild(s('text', {x: x(m[0]) + 3, y: y0 + 10, 'font-size': 10, fill: '#444'}, m[1]));
    });
    R.hlTimes.forEach(function (t) {
      if (!inView(t, t)) return;
      g.appendChild(s('line', {x1: x(t), x2: x(t), y1: y0, y2: y1, 'class': 'vt'}));
    });
  }

  // ---- an op's story: coordinator, targets, replies, hints, handoff, repair ----
  function story(i) {
    var op = R.ops[i], out = [];
    (R.byOpId[op.op] || []).forEach(function (r) { out.push(r); });
    if (op.w) (R.byWrite[op.w] || []).forEach(function (r) { out.push(r); });
    if (op.f === 'get' && op.co !== null) {
      // The coordinator records read_repair_sent with the get's op id; the
      // responder's `repaired` carries none, so each send is paired with the
      // first repair of this key from this coordinator at that responder after
      // it. Traces from before read_repair_sent existed fall back to the
      // coordinator's repairs of the key within one request deadline.
      var sent = out.filter(function (ri) { return R.kind[R.recs[ri][2]] === 'read_repair_sent'; });
      var until = opEnd(op) + D.config.request_deadline_ns;
      var taken = {};
      R.recs.forEach(function (r, ri) {
        if (R.kind[r[2]] !== 'repaired' || r[3] !== op.co || r[4] !== op.k || r[0] < op.t0) return;
        if (!sent.length) {
          if (r[0] <= until) out.push(ri);
          return;
        }
        sent.forEach(function (si) {
          var send = R.recs[si];
          if (taken[si] === undefined && send[3] === r[1] && r[0] >= send[0]) {
            taken[si] = ri;
            out.push(ri);
          }
        });
      });
    }
    out.sort(function (a, b) { return a - b; });
    return out.filter(function (r, k) { return k === 0 || out[k - 1] !== r; });
  }

  function storySummary(i) {
    var op = R.ops[i], targets = [], fallbacks = [], replies = [], hints = [], handoffs = [],
        repairs = [], repairSends = [], ae = [];
    story(i).forEach(function (ri) {
      var r = R.recs[ri], k = R.kind[r[2]];
      if (k === 'target_chosen' && r[5] === op.op) (r[7] ? fallbacks : targets).push(r[3]);
      if (k === 'replica_replied' && r[5] === op.op) replies.push(r[3]);
      if (k === 'hinted') hints.push(r[1] + ' for ' + r[3]);
      if (k === 'handed_off') handoffs.push(r[3] + '\u2192' + r[1]);
      if (k === 'repaired') repairs.push(r[1]);
      if (k === 'read_repair_sent' && r[5] === op.op) repairSends.push(r[3]);
      if (k === 'anti_entropy_stored') ae.push(r[3] + '\u2192' + r[1]);
    });
    return {coordinator: op.co, targets: targets, fallbacks: fallbacks, replies: replies,
            hints: hints, handoffs: handoffs, repairs: repairs, repairSends: repairSends, ae: ae};
  }

  function recordText(r) {
    var k = R.kind[r[2]], who = r[1] < 0 ? 'cluster' : 'node ' + r[1];
    return ms(r[0]) + '  ' + who + ' ' + k + (r[3] >= 0 ? ' peer=' + r[3] : '') +
      (r[4] || k.indexOf('request') === 0 ? ' key=' + r[4] : '') + (r[6] ? ' w' + r[6] : '') +
      (k === 'target_chosen' && r[7] ? ' (fallback)' : '') + (r[10] ? ' ' + r[10] : '');
  }

  function laneOfNode(n) { return R.nodeLane[n]; }
  function arrow(g, t, fromLane, toLane, cls, title) {
    if (fromLane === undefined || toLane === undefined || !inView(t, t)) return;
    var y1 = laneY(fromLane) + LANE_H / 2, y2 = laneY(toLane) + LANE_H / 2;
    var line = s('line', {x1: x(t), x2: x(t) + 6, y1: y1, y2: y2, 'class': 'arrow ' + cls,
                          'marker-end': 'url(#arrowhead)'});
    line.appendChild(s('title', {}, title));
    g.appendChild(line);
  }
  function dot(g, t, lane, cls, title) {
    if (lane === undefined || !inView(t, t)) return;
    var c = s('circle', {cx: x(t), cy: laneY(lane) + LANE_H / 2, r: 4, 'class': 'dot ' + cls});
    c.appendChild(s('title', {}, title));
    g.appendChild(c);
  }

  function drawStory(g, i) {
    var op = R.ops[i], client = R.procLane[op.p];
    if (op.co !== null) {
      arrow(g, op.t0, client, laneOfNode(op.co), 'invoke', 'invoke via node ' + op.co);
    }
    story(i).forEach(function (ri) {
      var r = R.recs[ri], k = R.kind[r[2]], t = r[0], text = recordText(r);
      if (k === 'target_chosen') {
        arrow(g, t, laneOfNode(r[1]), laneOfNode(r[3]), r[7] ? 'fallback' : 'target', text);
      } else if (k === 'replica_replied') {
        arrow(g, t, laneOfNode(r[3]), laneOfNode(r[1]), 'reply', text);
      } else if (k === 'request_finished' && r[5] === op.op) {
        arrow(g, t, laneOfNode(r[1]), client, 'finish', text);
      } else if (k === 'handed_off') {
        arrow(g, t, laneOfNode(r[3]), laneOfNode(r[1]), 'handoff', text);
      } else if (k === 'read_repair_sent') {
        arrow(g, t, laneOfNode(r[1]), laneOfNode(r[3]), 'repair', text);
      } else if (k === 'repaired') {
        dot(g, t, laneOfNode(r[1]), 'stored', text);
      } else if (k === 'anti_entropy_stored') {
        arrow(g, t, laneOfNode(r[3]), laneOfNode(r[1]), 'ae', text);
      } else if (k === 'stored') {
        dot(g, t, laneOfNode(r[1]), 'stored', text);
      } else if (k === 'hinted') {
        dot(g, t, laneOfNode(r[1]), 'hinted', text);
      } else if (k.indexOf('lost') === 0 || k.indexOf('superseded') >= 0) {
        dot(g, t, laneOfNode(r[1]), 'loss', text);
      } else if (r[1] >= 0 && k !== 'request_started') {
        dot(g, t, laneOfNode(r[1]), 'other', text);
      }
    });
  }

  function drawSelection(g) {
    var defs = s('defs');
    var marker = s('marker', {id: 'arrowhead', viewBox: '0 0 10 10', refX: 9, refY: 5,
                              markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse'});
    marker.appendChild(s('path', {d: 'M0,0 L10,5 L0,10 z', fill: '#333'}));
    defs.appendChild(marker);
    g.appendChild(defs);
    R.storyOps.forEach(function (i) { drawStory(g, i); });
  }

  // ---- test hooks: counts the browser tests read from <body> ----
  function publish() {
    var b = document.body, bars = R.svg.querySelectorAll('rect.op');
    var hl = [];
    R.svg.querySelectorAll('rect.op.hl').forEach(function (e) {
      hl.push(Number(e.getAttribute('data-i')));
    });
    hl.sort(function (p, q) { return p - q; });
    b.setAttribute('data-op-bars', R.barCount);
    b.setAttribute('data-op-bars-dom', bars.length);
    b.setAttribute('data-highlighted-ops', hl.join(','));
    b.setAttribute('data-fault-bands-dom', R.svg.querySelectorAll('rect.band').length);
    b.setAttribute('data-view-t0', R.view.t0);
    b.setAttribute('data-view-t1', R.view.t1);
    b.setAttribute('data-plot-x0', LABEL_W);
    b.setAttribute('data-plot-width', plotWidth());
    b.setAttribute('data-lanes', R.lanes.length);
    b.setAttribute('data-lanes-dom', R.svg.querySelectorAll('text.lane-label').length);
  }

  // ---- selection: a violation or an op ----
  function clearSelection() {
    R.hlOps = {}; R.hlNodes = {}; R.hlTimes = []; R.storyOps = []; R.selOp = -1;
    document.querySelectorAll('li.violation.selected').forEach(function (e) {
      e.classList.remove('selected');
    });
  }

  function selectViolation(n) {
    var v = R.violations[n];
    if (!v) return;
    clearSelection();
    var li = document.querySelector('li.violation[data-v="' + n + '"]');
    if (li) li.classList.add('selected');
    v.op_indices.forEach(function (idx) {
      if (R.spanOfIndex[idx] !== undefined) R.hlOps[R.spanOfIndex[idx]] = true;
    });
    R.hlNodes = setOf(v.nodes);
    R.hlTimes = v.times_ns.slice();
    var spans = keys(R.hlOps), writes = setOf(v.writes), told = [];
    // The witness writes' stories too (stores, hints, handoffs), without
    // marking their bars: highlighted bars are exactly the witness ops.
    R.ops.forEach(function (op, i) { if (op.w && writes[op.w] && !R.hlOps[i]) told.push(i); });
    if (spans.length + told.length <= 4) R.storyOps = spans.concat(told);
    var times = R.hlTimes.slice();
    spans.forEach(function (i) { times.push(R.ops[i].t0, opEnd(R.ops[i])); });
    if (times.length) showRange(Math.min.apply(null, times), Math.max.apply(null, times));
    document.body.setAttribute('data-selected', 'violation:' + n);
    showViolationDetail(v, spans);
    scrollToLane(spans.length ? R.procLane[R.ops[spans[0]].p] : undefined);
    render();
  }

  function selectOp(i) {
    if (!R.ops[i]) return;
    clearSelection();
    R.selOp = i;
    R.storyOps = [i];
    document.body.setAttribute('data-selected', 'op:' + R.ops[i].i);
    showStory(i);
    render();
  }

  function scrollToLane(l) {
    if (l === undefined) return;
    var box = R.lanesBox, y = laneY(l);
    if (y < box.scrollTop || y + LANE_H > box.scrollTop + box.clientHeight) {
      box.scrollTop = Math.max(0, y - box.clientHeight / 2);
    }
  }

  // The write's ack set against the read's reply set: where quorums failed to meet.
  function quorumSets(spans) {
    var writes = spans.filter(function (i) { return R.ops[i].w; });
    var reads = spans.filter(function (i) { return R.ops[i].f === 'get'; });
    if (!writes.length || !reads.length) return null;
    var rows = [];
    writes.forEach(function (w) {
      reads.forEach(function (g) {
        var acks = storySummary(w).replies, replies = storySummary(g).replies;
        var meet = acks.filter(function (n) { return replies.indexOf(n) >= 0; });
        rows.push({write: R.ops[w], read: R.ops[g], acks: acks, replies: replies, meet: meet});
      });
    });
    return rows;
  }

  function showViolationDetail(v, spans) {
    var box = document.getElementById('vdetail');
    box.textContent = '';
    box.appendChild(h('div', {}, [h('b', {}, [v.kind]), ' \u2014 ' + v.explanation]));
    box.appendChild(h('div', {'class': 'witness'}, [witnessText(v)]));
    spans.forEach(function (i) { box.appendChild(h('div', {'class': 'mono'}, [opText(R.ops[i])])); });
    var sets = quorumSets(spans);
    if (sets) {
      var t = h('table', {'class': 'sets'});
      sets.forEach(function (row) {
        t.appendChild(h('tr', {}, [
          h('td', {}, ['write w' + row.write.w + ' acked by {' + row.acks.join(',') + '}']),
          h('td', {}, ['get history[' + row.read.i + '] replies from {' +
                       row.replies.join(',') + '}']),
          h('td', {'class': row.meet.length ? 'meet' : 'nomeet'},
            [row.meet.length ? 'meet at {' + row.meet.join(',') + '}' : 'do not meet'])]));
      });
      box.appendChild(t);
    }
    box.style.display = '';
  }

  function showStory(i) {
    var op = R.ops[i], sum = storySummary(i), box = document.getElementById('story');
    box.textContent = '';
    box.appendChild(h('div', {'class': 'mono'}, [opText(op)]));
    var lines = [
      'coordinator: ' + (sum.coordinator === null ? 'none' : 'node ' + sum.coordinator),
      'targets: {' + sum.targets.join(',') + '}' +
        (sum.fallbacks.length ? '  fallbacks: {' + sum.fallbacks.join(',') + '}' : ''),
      'replies that counted: {' + sum.replies.join(',') + '}',
      'hints written: ' + (sum.hints.join('; ') || 'none') + '   handed off: ' +
        (sum.handoffs.join('; ') || 'none'),
      'read repair sent to: {' + sum.repairSends.join(',') + '} stored on: {' +
      sum.repairs.join(',') + '}   anti-entropy: ' +
        (sum.ae.join('; ') || 'none')];
    lines.forEach(function (l) { box.appendChild(h('div', {}, [l])); });
    var list = h('ul', {'class': 'story mono'});
    story(i).slice(0, 400).forEach(function (ri) {
      list.appendChild(h('li', {}, [recordText(R.recs[ri])]));
    });
    box.appendChild(list);
  }

  function witnessText(v) {
    var parts = [];
    if (v.op_indices.length) parts.push('ops ' + v.op_indices.join(','));
    if (v.keys.length) parts.push('keys ' + v.keys.join(','));
    if (v.nodes.length) parts.push('nodes ' + v.nodes.join(','));
    if (v.writes.length) parts.push('writes ' + v.writes.map(function (w) { return 'w' + w; }).join(','));
    if (v.times_ns.length) parts.push('times ' + v.times_ns.map(ms).join(', '));
    return parts.join(' \u00b7 ');
  }

  // ---- search by key, op, write id or node ----
  function search(q) {
    R.matchOps = {};
    q = q.trim();
    var m, found = [], status = '';
    if (!q) { setStatus(''); render(); return; }
    if ((m = /^w(\d+)$/i.exec(q))) {
      R.ops.forEach(function (op, i) { if (op.w === Number(m[1])) found.push(i); });
      status = 'write w' + m[1];
    } else if ((m = /^(?:n|node)\s*(\d+)$/i.exec(q))) {
      R.hlNodes = {}; R.hlNodes[m[1]] = true;
      scrollToLane(R.nodeLane[m[1]]);
      setStatus('node ' + m[1] + (R.nodeLane[m[1]] === undefined ? ': no such node' : ''));
      render();
      return;
    } else if ((m = /^(?:op|#)\s*(\d+)$/i.exec(q))) {
      var i = R.spanOfIndex[Number(m[1])];
      if (i !== undefined) found.push(i);
      status = 'history[' + m[1] + ']';
    } else if ((m = /^(?:k|key)?\s*(\d+)$/i.exec(q))) {
      R.ops.forEach(function (op, i) { if (op.k === Number(m[1])) found.push(i); });
      status = 'key ' + m[1];
    } else {
      setStatus('search: k3 / key 3, w7, n2 / node 2, op 12 / #12');
      return;
    }
    found.forEach(function (i) { R.matchOps[i] = true; });
    setStatus(status + ': ' + found.length + ' op(s)');
    document.body.setAttribute('data-matches', found.length);
    if (found.length) {
      scrollToLane(R.procLane[R.ops[found[0]].p]);
      if (found.length === 1) { selectOp(found[0]); return; }
    }
    render();
  }
  function setStatus(text) { document.getElementById('status').textContent = text; }

  // ---- page sections ----
  function header() {
    var c = D.config, counts = {ok: 0, fail: 0, info: 0, open: 0};
    R.ops.forEach(function (op) { counts[op.r]++; });
    if (D.kind !== 'explore') app().appendChild(h('h1', {}, [D.title]));
    app().appendChild(h('div', {'class': 'summary-line'}, [
      (D.kind === 'explore' ? 'counterexample path' : 'seed ' + D.seed) + ' \u00b7 nodes=' + c.nodes + ' N=' + c.replicas_n + ' R=' +
      c.read_quorum_r + ' W=' + c.write_quorum_w + ' Q=' + c.partitions_q + ' ' +
      c.quorum_mode + ' hints=' + c.hint_store + ' ' + c.versioning +
      (D.inject.length ? ' \u00b7 inject ' + D.inject.join(',') : '')]));
    app().appendChild(h('div', {'class': 'summary-line muted'}, [
      R.ops.length + ' ops: ' + counts.ok + ' ok, ' + counts.fail + ' fail, ' + counts.info +
      ' info, ' + counts.open + ' open \u00b7 ' + R.recs.length + ' trace records \u00b7 ' +
      'final heal at ' + ms(D.final_heal_ns) + ', ' + (D.quiesced ? 'quiesced' : 'NOT quiesced') +
      ' after ' + D.quiescence_rounds_used + ' round(s)']));
  }

  function violationsPanel() {
    var sec = h('section', {id: 'violations'}, [h('h2', {}, ['Violations'])]);
    var table = h('table', {'class': 'verdicts'}, [h('tr', {}, ['property', 'checked',
      'promised', 'bugs', 'expected', 'summary'].map(function (t) { return h('th', {}, [t]); }))]);
    var list = h('ul', {'class': 'violations'});
    R.violations = [];
    D.report.verdicts.forEach(function (v) {
      table.appendChild(h('tr', {}, [h('td', {}, [v.property]), h('td', {}, [v.checked ? 'yes' : 'no']),
        h('td', {}, [v.promised ? 'yes' : 'no']), h('td', {'class': 'num'}, [String(v.promised_violations)]),
        h('td', {'class': 'num'}, [String(v.expected_violations)]), h('td', {}, [v.summary])]));
      v.violations.forEach(function (w) {
        var n = R.violations.length;
        R.violations.push(w);
        var li = h('li', {'class': 'violation' + (w.promised ? ' bug' : ''), 'data-v': n}, [
          h('span', {'class': 'badge' + (w.promised ? ' bug' : '')}, [w.promised ? 'BUG' : 'expected']),
          h('b', {}, [v.property + ' / ' + w.kind]), ' ' + w.explanation,
          h('div', {'class': 'witness'}, [witnessText(w)])]);
        li.addEventListener('click', function () { selectViolation(n); });
        list.appendChild(li);
      });
    });
    sec.appendChild(table);
    if (!R.violations.length) sec.appendChild(h('p', {}, ['No violations: every property held.']));
    sec.appendChild(list);
    sec.appendChild(h('div', {id: 'vdetail', 'class': 'panel', style: 'display:none'}));
    if (D.divergence) sec.appendChild(h('p', {'class': 'nomeet'},
      ['Model and impl diverged: see "Lockstep divergence" below.']));
    app().appendChild(sec);
    document.body.setAttribute('data-violations', list.querySelectorAll('li.violation').length);
  }

  function toolbar() {
    var input = h('input', {id: 'search', type: 'search',
                            placeholder: 'search: key 3, w7, node 2, op 12'});
    input.addEventListener('keydown', function (e) { if (e.key === 'Enter') search(input.value); });
    function button(label, fn) {
      var b = h('button', {type: 'button'}, [label]);
      b.addEventListener('click', fn);
      return b;
    }
    var legend = h('span', {'class': 'legend muted'}, [['ok', '--ok'], ['fail', '--fail'],
      ['info', '--info'], ['open', '--open'], ['down', '--down'], ['wiped', '--wiped'],
      ['paused', '--paused']].map(function (p) {
        return h('span', {}, [h('span', {'class': 'swatch', style: 'background:var(' + p[1] + ')'}), p[0]]);
      }));
    app().appendChild(h('h2', {}, ['Timeline']));
    app().appendChild(h('div', {'class': 'toolbar'}, [input, button('search', function () {
      search(input.value); }), button('zoom in', function () { zoom(0.5); }),
      button('zoom out', function () { zoom(2); }), button('fit', function () { fit(); schedule(); }),
      button('\u2190', function () { pan(-(R.view.t1 - R.view.t0) / 4); }),
      button('\u2192', function () { pan((R.view.t1 - R.view.t0) / 4); }),
      h('span', {id: 'status', 'class': 'muted'}), legend]));
  }

  function timeline() {
    R.axis = s('svg', {id: 'axis'});
    R.lanesBox = h('div', {id: 'lanes'});
    var height = R.lanes.length * LANE_H;
    R.lanesBox.style.height = Math.min(height + 2, MAX_VIEW_H) + 'px';
    R.lanesBox.appendChild(h('div', {style: 'height:' + height + 'px'}));
    app().appendChild(R.axis);
    app().appendChild(R.lanesBox);
    app().appendChild(h('p', {'class': 'muted'}, ['Wheel zooms, drag pans; click an op for its ' +
      'story (arrows: black invoke/finish, blue target, dashed orange fallback, green reply ' +
      'that counted, purple handoff, teal read repair, dotted grey anti-entropy).']));
    app().appendChild(h('div', {id: 'story', 'class': 'panel'}, ['Click an op to see its story.']));
    R.lanesBox.addEventListener('scroll', schedule);
    R.lanesBox.addEventListener('wheel', function (e) {
      if (!e.ctrlKey && Math.abs(e.deltaY) < Math.abs(e.deltaX)) return;
      e.preventDefault();
      zoom(e.deltaY > 0 ? 1.25 : 0.8, tAt(e.offsetX));
    }, {passive: false});
    var drag = null;
    R.lanesBox.addEventListener('mousedown', function (e) { drag = {x: e.clientX, moved: false}; });
    window.addEventListener('mouseup', function () { setTimeout(function () { drag = null; }, 0); });
    window.addEventListener('mousemove', function (e) {
      if (!drag) return;
      var dx = e.clientX - drag.x;
      if (Math.abs(dx) < 3 && !drag.moved) return;
      drag.moved = true;
      drag.x = e.clientX;
      pan(-dx / plotWidth() * (R.view.t1 - R.view.t0));
    });
    R.lanesBox.addEventListener('click', function (e) {
      if (drag && drag.moved) return;
      var span = e.target.getAttribute && e.target.getAttribute('data-span');
      if (span !== null && span !== undefined) selectOp(Number(span));
    });
    window.addEventListener('resize', schedule);
  }

  function replicaTable() {
    var sec = h('section', {id: 'replicas'}, [h('h2', {}, ['Final replica states'])]);
    var rows = D.replicas.keys, shown = 0;
    sec.appendChild(h('p', {'class': 'muted'}, ['Per key: each home replica\'s siblings after ' +
      'quiescence and the Merkle root of the key\'s partition; cells that differ from the ' +
      'most common state are red. ' + rows.length + ' key(s)' +
      (D.replicas.omitted_keys ? ', ' + D.replicas.omitted_keys + ' more omitted' : '') + '.']));
    var table = h('table', {'class': 'replicas'}, [h('tr', {}, ['key', 'partition',
      'home replicas', 'other copies and hints'].map(function (t) { return h('th', {}, [t]); }))]);
    var more = h('button', {type: 'button'}, ['show more']);
    function versions(list) {
      return list.length ? list.map(function (v) { return v.text; }).join('  ') : '(none)';
    }
    function addRows(count) {
      rows.slice(shown, shown + count).forEach(function (k) {
        var texts = k.home.map(function (r) { return versions(r.siblings); }), freq = {}, best = '';
        texts.forEach(function (t) { freq[t] = (freq[t] || 0) + 1; if (!best || freq[t] > freq[best]) best = t; });
        var cells = h('td', {});
        var inner = h('table', {});
        k.home.forEach(function (r, j) {
          inner.appendChild(h('tr', {}, [h('td', {}, ['node ' + r.node]),
            h('td', {'class': 'mono' + (texts[j] !== best ? ' diff' : '')}, [texts[j]]),
            h('td', {'class': 'mono muted'}, ['merkle ' + (r.merkle_root || '-')])]));
        });
        cells.appendChild(inner);
        var extra = k.others.map(function (o) { return 'node ' + o.node + ': ' + versions(o.siblings); })
          .concat(k.hints.map(function (o) {
            return 'hint at ' + o.holder + ' for ' + o.intended + ': ' + versions(o.siblings); }));
        table.appendChild(h('tr', {'class': k.differs ? 'differs' : ''}, [h('td', {}, ['k' + k.key]),
          h('td', {}, [String(k.partition)]), cells, h('td', {'class': 'mono'}, [extra.join('\n') || '-'])]));
      });
      shown = Math.min(rows.length, shown + count);
      more.style.display = shown < rows.length ? '' : 'none';
    }
    more.addEventListener('click', function () { addRows(200); });
    addRows(50);
    sec.appendChild(table);
    sec.appendChild(more);
    app().appendChild(sec);
  }

  function divergenceSection() {
    if (!D.divergence) return;
    var d = D.divergence;
    var sec = h('section', {id: 'divergence'}, [h('h2', {}, ['Lockstep divergence']),
      h('p', {}, ['Model and impl first differed at event ' + d.event_index + ' (' + ms(d.time_ns) +
        ', node ' + d.node + '): ' + d.event])]);
    var table = h('table', {'class': 'verdicts divergence'}, [h('tr', {}, [h('th', {}, ['what']),
      h('th', {}, ['model']), h('th', {}, ['impl'])])]);
    d.differences.forEach(function (line) {
      var m = /^(.*?): model (.*) impl (.*)$/.exec(line);
      table.appendChild(h('tr', {}, m ? [h('td', {}, [m[1]]), h('td', {}, [m[2]]), h('td', {}, [m[3]])]
                                      : [h('td', {colspan: 3}, [line])]));
    });
    sec.appendChild(table);
    app().appendChild(sec);
  }

  function eventText(e) {
    var rest = Object.keys(e).filter(function (k) { return k !== 'at_ns' && k !== 'kind'; })
      .map(function (k) { return k + '=' + JSON.stringify(e[k]); }).join(' ');
    return ms(e.at_ns).padStart(16) + '  ' + e.kind + ' ' + rest;
  }

  function rawSections() {
    var events = h('details', {open: D.kind === 'failure' ? '' : null}, [
      h('summary', {}, [(D.kind === 'failure' ? 'Minimized schedule: ' : 'Schedule: ') +
                        D.events.length + ' event(s)']),
      h('pre', {}, [D.events.map(eventText).join('\n') || '(no events)'])]);
    app().appendChild(h('h2', {}, ['Schedule and text report']));
    app().appendChild(events);
    if (D.report_text) {
      app().appendChild(h('details', {}, [h('summary', {}, ['report.txt']),
                                          h('pre', {}, [D.report_text])]));
    }
  }

  function renderRun() {
    buildIndexes();
    buildLanes();
    clearSelection();
    R.matchOps = {};
    fit();
    header();
    violationsPanel();
    toolbar();
    timeline();
    replicaTable();
    divergenceSection();
    rawSections();
    render();
    applyHash();
  }

  function applyHash() {
    var m = /select=(violation|op):(\d+)/.exec(window.location.hash);
    if (!m) return;
    if (m[1] === 'violation') selectViolation(Number(m[2]));
    else if (R.spanOfIndex[Number(m[2])] !== undefined) selectOp(R.spanOfIndex[Number(m[2])]);
  }

  // ======================= campaign page =======================
  function barChart(id, entries) {
    var max = 1, rowH = 18, labelW = 190, w = 620;
    entries.forEach(function (e) { max = Math.max(max, e[1]); });
    var g = s('svg', {id: id, 'class': 'bars', width: w + labelW + 90, height: entries.length * rowH + 4});
    entries.forEach(function (e, i) {
      var y = i * rowH + 2, width = e[1] ? Math.max(2, e[1] / max * w) : 3;
      g.appendChild(s('text', {x: 0, y: y + 12}, e[0]));
      g.appendChild(s('rect', {x: labelW, y: y + 2, width: width, height: rowH - 5,
                               'class': e[1] ? 'bar' : 'bar zero', 'data-name': e[0]}));
      g.appendChild(s('text', {x: labelW + width + 4, y: y + 12}, String(e[1]) +
                                                               (e[1] ? '' : '  NOT REACHED')));
    });
    return g;
  }

  // Runs/s between consecutive progress samples ([seconds, runs, failed]),
  // drawn as a line over wall time; failed runs so far as the label.
  function rateChart(samples) {
    var w = 620, ht = 160, left = 60, bottom = 24, pts = [], maxRate = 1, maxT = 1;
    for (var i = 1; i < samples.length; ++i) {
      var dt = samples[i][0] - samples[i - 1][0];
      if (!(dt > 0)) continue;
      var rate = (samples[i][1] - samples[i - 1][1]) / dt;
      pts.push([samples[i][0], rate, samples[i][2]]);
      maxRate = Math.max(maxRate, rate);
      maxT = Math.max(maxT, samples[i][0]);
    }
    var g = s('svg', {id: 'rate', 'class': 'rate', width: w + left + 20, height: ht + bottom + 10,
                      'data-points': pts.length});
    g.appendChild(s('line', {x1: left, y1: ht, x2: left + w, y2: ht, 'class': 'axis'}));
    g.appendChild(s('line', {x1: left, y1: 0, x2: left, y2: ht, 'class': 'axis'}));
    g.appendChild(s('text', {x: 0, y: 12}, maxRate.toFixed(0) + ' runs/s'));
    g.appendChild(s('text', {x: 0, y: ht}, '0'));
    g.appendChild(s('text', {x: left + w - 40, y: ht + 18}, maxT.toFixed(0) + ' s'));
    var xy = pts.map(function (p) {
      return (left + p[0] / maxT * w).toFixed(1) + ',' + (ht - p[1] / maxRate * (ht - 4)).toFixed(1);
    });
    if (pts.length) g.appendChild(s('polyline', {points: xy.join(' '), 'class': 'rate-line'}));
    pts.forEach(function (p, i) {
      var c = xy[i].split(',');
      var dot = s('circle', {cx: c[0], cy: c[1], r: 2.5, 'class': p[2] ? 'rate-dot failed' : 'rate-dot'});
      dot.appendChild(s('title', {}, p[0].toFixed(1) + ' s: ' + p[1].toFixed(1) + ' runs/s, ' +
                                     p[2] + ' failed run(s) so far'));
      g.appendChild(dot);
    });
    return g;
  }

  function renderCampaign() {
    var c = D.campaign;
    app().appendChild(h('h1', {}, [D.title]));
    app().appendChild(h('div', {'class': 'summary-line'}, [c.runs + ' runs in ' +
      Number(c.run_seconds || 0).toFixed(1) + ' s (' + Number(c.runs_per_second || 0).toFixed(1) +
      ' runs/s) \u00b7 ' + c.failed_runs + ' failed run(s) \u00b7 exit code ' + c.exit_code]));
    var samples = c.progress || [];
    app().appendChild(h('h2', {}, ['Runs/s over time']));
    var chart = rateChart(samples);
    if (samples.length > 1) app().appendChild(chart);
    else app().appendChild(h('p', {'class': 'muted'}, ['Fewer than two progress samples ' +
      '(a campaign shorter than a second, or a report written before they were recorded).']));
    document.body.setAttribute('data-rate-points', chart.getAttribute('data-points'));
    var fsec = h('section', {id: 'failures'}, [h('h2', {}, ['Failures by signature'])]);
    var list = h('ul', {'class': 'violations'});
    (c.failures || []).forEach(function (f, i) {
      var link = D.failure_pages[i];
      var m = f.minimized;
      list.appendChild(h('li', {'class': 'violation bug failure'}, [
        h('span', {'class': 'badge bug'}, ['FAIL']), h('b', {}, [f.signature]),
        ' seed ' + f.seed + ' \u00b7 swarm ' + (f.swarm || '') +
        (f.same_signature_runs > 1 ? ' \u00b7 ' + f.same_signature_runs + ' runs failed this way' : ''),
        h('div', {'class': 'witness'}, [m ? 'minimized: ' + m.events_before + ' \u2192 ' +
          m.events_after + ' events, ' + m.ops_before + ' \u2192 ' + m.ops_after + ' ops' :
          'not minimized']),
        h('div', {'class': 'mono'}, [f.dir ? 'dynamo-testbed replay ' + f.dir + '/' +
          (m ? 'minimized.json' : 'original.json') : '']),
        link ? h('a', {href: link}, ['failure report']) : h('span', {'class': 'muted'}, ['no page'])]));
    });
    if (!(c.failures || []).length) fsec.appendChild(h('p', {}, ['No failures.']));
    fsec.appendChild(list);
    app().appendChild(fsec);
    document.body.setAttribute('data-failures', list.children.length);
    var cov = Object.keys(c.coverage).map(function (k) { return [k, c.coverage[k]]; });
    app().appendChild(h('h2', {}, ['Coverage marks (' + c.marks_reached + '/' + c.marks_total + ' reached)']));
    app().appendChild(barChart('coverage', cov));
    var prof = Object.keys(c.profiles).map(function (k) { return [k, c.profiles[k]]; });
    app().appendChild(h('h2', {}, ['Swarm profiles (runs per dimension)']));
    app().appendChild(barChart('profiles', prof));
    document.body.setAttribute('data-coverage-bars', cov.length);
    var nums = h('table', {'class': 'nums'});
    Object.keys(c).forEach(function (k) {
      var v = c[k];
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && k !== 'shard') return;
      if (k === 'failures' || k === 'progress') return;
      nums.appendChild(h('tr', {}, [h('td', {}, [k]), h('td', {'class': 'mono'}, [JSON.stringify(v)])]));
    });
    app().appendChild(h('h2', {}, ['Report numbers']));
    app().appendChild(nums);
  }

  // ======================= explore page =======================
  function renderExplore() {
    var x = D.explore, v = x.violation;
    app().appendChild(h('h1', {}, [D.title]));
    var verdict = v ? 'VIOLATION: ' + v.failure + ' (shortest path: ' + v.choices.length + ' steps)'
      : x.verified ? 'VERIFIED within the bounds'
      : 'NOT EXHAUSTIVE: bound(s) hit: ' + x.bounds_hit.join(', ');
    app().appendChild(h('div', {id: 'explore-verdict', 'class': 'summary-line ' +
                                (v ? 'bad' : x.verified ? 'good' : 'warn')}, [verdict]));
    var rows = [['side', x.side], ['inject', String(x.inject || '') || '-'], ['config', x.config],
      ['bounds', x.bounds], ['bounds hit', x.bounds_hit.join(', ') || 'none'],
      ['search', x.search ? x.search.order + ', jobs ' + x.search.jobs + ', reductions: ' +
        x.search.reductions + ', identity: ' +
        (x.search.exact_order ? 'exact order' : 'per-node order') : ''],
      ['states', x.states], ['transitions', x.transitions], ['max depth', x.max_depth],
      ['complete histories checked', x.histories_checked], ['failing paths', x.failing_paths],
      ['seconds', x.seconds], ['states/s', x.states_per_second],
      ['visited bytes', x.visited_bytes], ['peak RSS bytes', x.peak_rss_bytes]];
    var table = h('table', {'class': 'nums', id: 'explore-summary'});
    rows.forEach(function (r) {
      if (r[1] === undefined) return;
      table.appendChild(h('tr', {}, [h('td', {}, [r[0]]), h('td', {'class': 'mono'}, [String(r[1])])]));
    });
    app().appendChild(table);
    var kinds = x.choice_kinds || {};
    var ktable = h('table', {'class': 'verdicts', id: 'choice-kinds'}, [h('tr', {}, ['step kind',
      'states where enabled', 'taken'].map(function (t) { return h('th', {}, [t]); }))]);
    Object.keys(kinds).forEach(function (k) {
      var e = kinds[k];
      ktable.appendChild(h('tr', {'class': e.enabled_states ? '' : 'never'}, [h('td', {}, [k]),
        h('td', {'class': 'num'}, [e.enabled_states ? String(e.enabled_states) : 'never enabled']),
        h('td', {'class': 'num'}, [String(e.taken)])]));
    });
    app().appendChild(h('h2', {}, ['Coverage of step kinds']));
    app().appendChild(ktable);
    var steps = h('ol', {id: 'explore-steps', 'class': 'steps mono'});
    (v ? v.choices : []).forEach(function (text) { steps.appendChild(h('li', {}, [text])); });
    if (v) {
      app().appendChild(h('h2', {}, ['Counterexample: the steps']));
      app().appendChild(steps);
      app().appendChild(h('div', {'class': 'mono'}, ['dynamo-testbed replay <dir>/counterexample.json']));
    }
    document.body.setAttribute('data-explore-steps', steps.children.length);
    document.body.setAttribute('data-verified', x.verified ? '1' : '0');
    if (D.ops) {  // the run page's fields come only with a counterexample path
      app().appendChild(h('h2', {}, ['The counterexample path (logical time: 1 ms per step)']));
      renderRun();
    }
  }

  // ======================= experiment page =======================
  // The table and notes as preformatted text, the plots as images (data URLs,
  // so the page stays one file and SVG text never becomes page markup).
  function renderExperiment() {
    app().appendChild(h('h1', {}, ['Experiment: ' + D.experiment]));
    app().appendChild(h('p', {}, [D.question]));
    var params = Object.keys(D.params).map(function (k) { return k + '=' + D.params[k]; });
    app().appendChild(h('p', {'class': 'mono'}, ['seeds ' + D.seeds.join(',') + ' \u00b7 ' +
                                                  params.join(' ')]));
    app().appendChild(h('h2', {}, ['Results (mean and 95% confidence interval over seeds)']));
    app().appendChild(h('pre', {'class': 'mono experiment-table'}, [D.table]));
    if (D.notes) app().appendChild(h('pre', {'class': 'mono experiment-notes'}, [D.notes]));
    D.plots.forEach(function (p) {
      app().appendChild(h('h2', {}, [p.file]));
      app().appendChild(h('img', {'class': 'experiment-plot', alt: p.file,
                                  src: 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(p.svg)}));
    });
    document.body.setAttribute('data-plots', D.plots.length);
    document.body.setAttribute('data-points', D.points.length);
  }

  try {
    if (D.kind === 'campaign') renderCampaign();
    else if (D.kind === 'explore') renderExplore();
    else if (D.kind === 'experiment') renderExperiment();
    else renderRun();
    document.body.setAttribute('data-rendered', '1');
  } catch (e) {
    document.body.setAttribute('data-render-error', String(e && e.stack || e));
    throw e;
  }
})();

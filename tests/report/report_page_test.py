#!/usr/bin/env python3
"""Tests of the HTML report (report/): the `report` command's inputs and
errors, and the page itself in headless Chromium (Debian's `chromium`).

Usage: report_page_test.py cli|dom|screenshot BINARY SOURCE_DIR

The page publishes what it drew as data-* attributes on <body> (see publish()
in report/page/report.js); `chromium --dump-dom` prints them after the page's
script ran, so no driver is needed. Expected values are computed here from the
run's own files, independently of the page. Exit 77 = skipped (no chromium).
"""
import glob
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

SKIP = 77
failures = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else ": " + detail))
    if not ok:
        failures.append(name)


def run(args, want=0):
    p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode not in (want if isinstance(want, tuple) else (want,)):
        sys.exit("command %s exited %d (want %d):\n%s%s" % (args, p.returncode, want,
                                                             p.stdout[-2000:], p.stderr[-2000:]))
    return p


def chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def browser_args(profile):
    return [chromium(), "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--user-data-dir=" + profile]


def dump_dom(page, hash_part=""):
    with tempfile.TemporaryDirectory() as profile:
        p = run(browser_args(profile) + ["--dump-dom", "file://" + os.path.abspath(page) + hash_part])
    body = re.search(r"<body([^>]*)>", p.stdout)
    if not body:
        sys.exit("no <body> in the dumped DOM of " + page)
    attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', body.group(1)))
    return attrs, p.stdout


def load(path):
    with open(path) as f:
        return json.load(f)


def spans_of(history):
    """history index -> index of the invoke that opened its op."""
    opened, span = {}, {}
    for op in history["ops"]:
        if op["type"] == "invoke":
            opened[op["process"]] = op["index"]
            span[op["index"]] = op["index"]
        else:
            span[op["index"]] = opened.pop(op["process"])
    return span


def violations(report):
    return [v for verdict in report["verdicts"] for v in verdict["violations"]]


def check_loads(name, attrs):
    check(name + ": rendered", attrs.get("data-rendered") == "1", str(attrs))
    check(name + ": no script errors", attrs.get("data-errors") == "0",
          attrs.get("data-error-text", "") + attrs.get("data-render-error", ""))


def check_run_page(name, run_dir):
    page = os.path.join(run_dir, "report.html")
    attrs, dom = dump_dom(page)
    check_loads(name, attrs)
    history = load(os.path.join(run_dir, "history.json"))
    ops = sum(1 for op in history["ops"] if op["type"] == "invoke")  # completed + open
    check(name + ": op bars laid out = completed + open ops", attrs.get("data-op-bars") == str(ops),
          "%s bars, %d ops" % (attrs.get("data-op-bars"), ops))
    bars = len(re.findall(r'<rect [^>]*class="op ', dom))
    check(name + ": op bars in the DOM = completed + open ops", bars == ops,
          "%d bars, %d ops" % (bars, ops))
    found = violations(load(os.path.join(run_dir, "report.json")))
    listed = len(re.findall(r'<li class="violation', dom))
    check(name + ": every violation listed", listed == len(found) and
          attrs.get("data-violations") == str(len(found)), "%d listed, %d in report.json" %
          (listed, len(found)))
    return history, found


def check_witnesses(name, run_dir, history, found):
    span = spans_of(history)
    for n, v in enumerate(found[:12]):
        attrs, _ = dump_dom(os.path.join(run_dir, "report.html"), "#select=violation:%d" % n)
        want = sorted(set(span[i] for i in v["op_indices"]))
        got = [int(x) for x in attrs.get("data-highlighted-ops", "").split(",") if x]
        check("%s: violation %d (%s) highlights exactly its witness ops" % (name, n, v["kind"]),
              got == want and attrs.get("data-selected") == "violation:%d" % n,
              "highlighted %s, witnesses %s" % (got, want))


def band_rects(dom):
    rects = []
    for tag in re.findall(r"<rect [^>]*>", dom):
        a = dict(re.findall(r'([\w-]+)="([^"]*)"', tag))
        if "band" in a.get("class", "") or "part" in a.get("class", ""):
            rects.append(a)
    return rects


def check_fault_bands(name, run_dir, schedule_file):
    attrs, dom = dump_dom(os.path.join(run_dir, "report.html"))
    check_loads(name, attrs)
    rects = band_rects(dom)
    t0, t1 = float(attrs["data-view-t0"]), float(attrs["data-view-t1"])
    x0, width = float(attrs["data-plot-x0"]), float(attrs["data-plot-width"])

    def px(t):
        return x0 + (t - t0) / (t1 - t0) * width

    starts = {"crash": "down", "wipe": "wiped", "pause": "paused"}
    ends = {"restart": ("down", "wiped"), "resume": ("paused",)}
    events = load(schedule_file)["events"]
    checked = 0
    for e in events:
        kind, at = e["kind"], e["at_ns"]
        if kind in starts:
            hit = [r for r in rects if r.get("data-node") == str(e["node"]) and
                   r.get("data-kind") == starts[kind] and r.get("data-t0") == str(at) and
                   abs(float(r["x"]) - px(at)) < 1.0]
            check("%s: %s of node %d drawn at %d ns" % (name, kind, e["node"], at), len(hit) == 1,
                  "bands: %s" % [r for r in rects if r.get("data-node") == str(e["node"])])
            checked += 1
        elif kind in ends:
            hit = [r for r in rects if r.get("data-node") == str(e["node"]) and
                   r.get("data-kind") in ends[kind] and r.get("data-t1") == str(at)]
            check("%s: band of node %d ends at its %s (%d ns)" % (name, e["node"], kind, at),
                  len(hit) == 1, str(rects))
            checked += 1
        elif kind == "partition":
            members = sorted(n for g in e["groups"] for n in g)
            hit = [r for r in rects if "part" in r.get("class", "") and r.get("data-t0") == str(at)
                   and abs(float(r["x"]) - px(at)) < 1.0]
            check("%s: partition at %d ns shades its nodes" % (name, at),
                  sorted(int(r["data-node"]) for r in hit) == members, str(hit))
            checked += 1
    check(name + ": the schedule has faults to draw", checked > 0, schedule_file)


def test_dom(binary, work):
    run_dir = os.path.join(work, "run16")
    run([binary, "run", "--seed", "16", "--out", run_dir, "--html"], want=(0, 1))
    history, found = check_run_page("run seed 16", run_dir)
    check("run seed 16 has violations to select", len(found) > 0)
    check_witnesses("run seed 16", run_dir, history, found)

    faults = os.path.join(work, "faults")
    src_schedule = os.path.join(SOURCE, "tests/report/faults-schedule.json")
    run([binary, "replay", src_schedule, "--side", "impl", "--out", faults, "--html"], want=1)
    check_run_page("faults run", faults)
    check_fault_bands("faults run", faults, os.path.join(faults, "schedule.json"))

    test_explore_pages(binary, work)

    campaign = make_campaign(binary, work)
    failure = sorted(glob.glob(os.path.join(campaign, "failure-*")))[0]
    history, found = check_run_page("campaign failure", failure)
    check_witnesses("campaign failure", failure, history, found)
    check_fault_bands("campaign failure", failure, os.path.join(failure, "minimized.json"))
    attrs, dom = dump_dom(os.path.join(campaign, "report.html"))
    check_loads("campaign page", attrs)
    report = load(os.path.join(campaign, "report.json"))
    check("campaign page: every failure listed",
          attrs.get("data-failures") == str(len(report["failures"])), str(attrs))
    link = os.path.basename(failure) + "/report.html"
    check("campaign page: links the failure's own report", 'href="%s"' % link in dom, link)
    check("campaign page: one bar per coverage mark",
          attrs.get("data-coverage-bars") == str(len(report["coverage"])), str(attrs))
    samples = report["progress"]
    check("campaign report: progress ends with the run count",
          samples and samples[-1][1] >= report["runs"], str(samples[-1:]))
    rates = sum(1 for a, b in zip(samples, samples[1:]) if b[0] > a[0])
    check("campaign page: one runs/s point per progress interval",
          attrs.get("data-rate-points") == str(rates), "%s vs %d" % (attrs, rates))
    bad = os.path.join(work, "bad-campaign")
    os.makedirs(bad)
    report["progress"] = [[1.0, 10, 0], [2.0, "x", 0]]
    json.dump(report, open(os.path.join(bad, "report.json"), "w"))
    p = run([binary, "report", bad], want=2)
    check("report: a bad progress sample exits 2 naming file and field",
          "report.json: progress[1][1]" in p.stderr, p.stderr)

    check_experiment_page(binary, work)


# explore --out --html: a verified search and a counterexample path.
TINY_EXPLORE = ["--nodes", "2", "-N", "2", "-R", "1", "-W", "2", "-Q", "2", "--quorum-mode",
                "strict", "--clients", "1", "--timer-firings", "0", "--quiet"]


def test_explore_pages(binary, work):
    verified = os.path.join(work, "explore-verified")
    run([binary, "explore"] + TINY_EXPLORE + ["--ops", "1", "--out", verified, "--html"], want=0)
    attrs, dom = dump_dom(os.path.join(verified, "report.html"))
    check_loads("explore verified page", attrs)
    summary = load(os.path.join(verified, "summary.json"))
    check("explore verified page: says verified", attrs.get("data-verified") == "1" and
          summary["verified"] and "VERIFIED within the bounds" in dom, str(attrs))
    check("explore verified page: no steps, no lanes", attrs.get("data-explore-steps") == "0" and
          attrs.get("data-op-bars") is None, str(attrs))
    found = os.path.join(work, "explore-found")
    run([binary, "explore"] + TINY_EXPLORE + ["--ops", "2", "--inject", "write_quorum_off_by_one",
                                              "--out", found, "--html"], want=1)
    attrs, dom = dump_dom(os.path.join(found, "report.html"))
    check_loads("explore counterexample page", attrs)
    summary = load(os.path.join(found, "summary.json"))
    steps = summary["violation"]["choices"]
    check("explore page: one list item per counterexample step",
          attrs.get("data-explore-steps") == str(len(steps)) and
          len(re.findall(r"<li>", dom.split('id="explore-steps"')[1].split("</ol>")[0])) == len(steps),
          "%s vs %d" % (attrs.get("data-explore-steps"), len(steps)))
    history = load(os.path.join(found, "history.json"))
    ops = sum(1 for op in history["ops"] if op["type"] == "invoke")
    check("explore page: op bars = the path's ops", attrs.get("data-op-bars") == str(ops),
          "%s bars, %d ops" % (attrs.get("data-op-bars"), ops))
    check("explore page: the path's violation is listed",
          int(attrs.get("data-violations", "0")) >= 1 and "quorum_overlap" in dom, str(attrs))


# A tiny experiment's page: its table and every plot drawn.
def check_experiment_page(binary, work):
    out = os.path.join(work, "experiment")
    run([binary, "experiment", "availability", "--param", "nodes=6", "--param", "w=2",
         "--param", "mttf_s=5,50", "--param", "duration_s=3", "--param", "keys=20",
         "--seeds", "2", "--quiet", "--html", "--out", out])
    attrs, dom = dump_dom(os.path.join(out, "index.html"))
    check_loads("experiment page", attrs)
    results = load(os.path.join(out, "results.json"))
    svgs = glob.glob(os.path.join(out, "*.svg"))
    check("experiment page: every plot shown", attrs.get("data-plots") == str(len(svgs)),
          str(attrs))
    check("experiment page: every point counted",
          attrs.get("data-points") == str(len(results["points"])), str(attrs))
    check("experiment page: the table with intervals", "write_success [95% CI]" in dom)


# The README's example failure: the bug-zoo hunt, kept small for the tests.
def make_campaign(binary, work):
    out = os.path.join(work, "campaign")
    run([binary, "campaign", "--runs", "300", "--inject", "hint_deleted_before_ack", "--seed", "1",
         "--minimize-runs", "200", "-q", "--out", out, "--html"], want=1)
    return out


def png_pixels(path):
    """Decodes an 8-bit RGB/RGBA PNG (what Chromium writes) into rows of pixels."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and color in (2, 6), "unexpected PNG format"
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(idat), width * channels, [], None
    for y in range(height):
        line = raw[y * (stride + 1):(y + 1) * (stride + 1)]
        f, cur = line[0], bytearray(line[1:])
        prev = prev or bytearray(stride)
        for i in range(stride):
            a = cur[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1: cur[i] = (cur[i] + a) & 255
            elif f == 2: cur[i] = (cur[i] + b) & 255
            elif f == 3: cur[i] = (cur[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                cur[i] = (cur[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(cur[i:i + 3]) for i in range(0, stride, channels)])
        prev = cur
    return rows


def near(pixel, rgb, tolerance=40):
    return all(abs(p - q) <= tolerance for p, q in zip(pixel, rgb))


def test_screenshot(binary, work, keep):
    campaign = make_campaign(binary, work)
    failure = sorted(glob.glob(os.path.join(campaign, "failure-*")))[0]
    png = keep or os.path.join(work, "failure.png")
    with tempfile.TemporaryDirectory() as profile:
        run(browser_args(profile) + ["--hide-scrollbars", "--window-size=1400,1100",
                                     "--screenshot=" + png,
                                     "file://" + os.path.abspath(failure) + "/report.html"])
    rows = png_pixels(png)
    colours = set(p for row in rows[::4] for p in row[::4])
    check("screenshot is not blank", len(colours) > 20, "%d colours" % len(colours))
    # Lane regions: the lane separators (#eee) run across the plot, and the
    # op bars are drawn in the ok/fail/info colours.
    separators = sum(1 for row in rows if sum(1 for p in row[200:1200] if near(p, (238, 238, 238), 3)) > 900)
    check("screenshot has lane separators", separators >= 3, "%d rows" % separators)
    ops = sum(1 for row in rows for p in row[120:] if near(p, (47, 143, 70)) or
              near(p, (200, 65, 58)) or near(p, (217, 149, 39)))
    check("screenshot has op bars", ops > 50, "%d op-coloured pixels" % ops)


def test_cli(binary, work):
    bad = os.path.join(work, "bad")
    run([binary, "run", "--seed", "3", "--out", bad], want=0)
    for name in ("report.json",):
        path = os.path.join(bad, name)
        text = open(path).read().replace('"op_indices": []', '"op_indices": "x"', 1)
        text = text.replace('"summary"', '"summry"', 1)
        open(path, "w").write(text)
    p = run([binary, "report", bad], want=2)
    check("report: bad report.json exits 2 naming file and field",
          "report.json: verdicts[0].summary: missing" in p.stderr, p.stderr)
    p = run([binary, "report", os.path.join(work, "nowhere")], want=2)
    check("report: a missing directory exits 2", "nowhere: not a directory" in p.stderr, p.stderr)
    p = run([binary, "run", "--seed", "3", "--html"], want=2)
    check("run --html without --out exits 2", "--html: needs --out" in p.stderr, p.stderr)
    good = os.path.join(work, "good")
    run([binary, "run", "--seed", "3", "--out", good], want=0)
    out = os.path.join(work, "page.html")
    run([binary, "report", good, "-o", out], want=0)
    page = open(out).read()
    check("report -o writes one self-contained page", page.startswith("<!DOCTYPE html>") and
          "http://" not in page.replace("http://www.w3.org/2000/svg", "") and
          "https://" not in page and '<script src' not in page and '<link' not in page)
    data = re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.S)
    check("data blob parses and holds the run", data is not None and
          json.loads(data.group(1))["kind"] == "run")
    explore_dir = os.path.join(work, "explore")
    run([binary, "explore"] + TINY_EXPLORE + ["--ops", "1", "--out", explore_dir], want=0)
    path = os.path.join(explore_dir, "summary.json")
    text = open(path).read().replace('"verified":', '"verifed":', 1)  # the key, not a value
    open(path, "w").write(text)
    p = run([binary, "report", explore_dir], want=2)
    check("report: a bad explore summary exits 2 naming file and field",
          "summary.json: verified: missing" in p.stderr, p.stderr)
    p = run([binary, "explore"] + TINY_EXPLORE + ["--ops", "1", "--html"], want=2)
    check("explore --html without --out exits 2", "--html: needs --out" in p.stderr, p.stderr)
    os.remove(os.path.join(good, "report.json"))  # older run dirs: checked afresh
    run([binary, "report", good], want=0)
    check("report without report.json still writes the page",
          os.path.exists(os.path.join(good, "report.html")))


def main():
    global SOURCE
    mode, binary, SOURCE = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    if mode in ("dom", "screenshot") and chromium() is None:
        print("SKIPPED: chromium is not installed (apt-get install chromium); CI installs it")
        return SKIP
    work = tempfile.mkdtemp(prefix="dt-report-")
    try:
        if mode == "cli":
            test_cli(binary, work)
        elif mode == "dom":
            test_dom(binary, work)
        else:
            test_screenshot(binary, work, os.environ.get("DT_SCREENSHOT_OUT"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("%d failure(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

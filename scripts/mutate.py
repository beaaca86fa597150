#!/usr/bin/env python3
"""Mutation testing for checks/ and model/ (docs/mutation.md).

Copies the tracked files into a scratch tree, builds it once, then for each
mutant: applies one source mutation to one file, rebuilds the targets that
judge it, runs the judges until one kills it (checks_test for checks/; a
model-side campaign, then model_test, for model/), classifies the mutant and
restores the file. The caller's checkout is
never written to.
"""

import argparse
import fnmatch
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field, asdict

MASK = "\x01"  # stands in for comment, string and assertion characters
MASK64 = (1 << 64) - 1

FOLDERS = {
    # folder: the build targets its judges need
    "checks": ["checks_test"],
    "model": ["dynamo-testbed", "model_test"],
}
# The judges of a folder, run in this order on each mutant until one kills it.
# A model/ mutant is first judged by a campaign (the checkers must catch it);
# only one that survives the campaign is handed to the model's unit tests,
# which pin what a campaign does not judge (coverage marks, helpers the node
# does not call). The report counts the kills of each judge apart.
JUDGES = {
    "checks": ["checks_test"],
    "model": ["campaign", "model_test"],
}

CXX_KEYWORDS = {
    "alignas", "alignof", "and", "asm", "auto", "bool", "break", "case", "catch", "char",
    "class", "const", "consteval", "constexpr", "constinit", "const_cast", "continue",
    "co_await", "co_return", "co_yield", "decltype", "default", "delete", "do", "double",
    "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for",
    "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new",
    "noexcept", "not", "nullptr", "operator", "or", "private", "protected", "public",
    "register", "reinterpret_cast", "requires", "return", "short", "signed", "sizeof",
    "static", "static_assert", "static_cast", "struct", "switch", "template", "this",
    "throw", "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using",
    "virtual", "void", "volatile", "while", "size_t", "uint64_t", "uint32_t", "int64_t",
}
# Swapping the arguments of these gives an equivalent mutant by construction.
SYMMETRIC_CALLS = {"min", "max", "swap", "std::min", "std::max", "std::swap", "gcd", "lcm"}
ASSERTION_MACROS = ("DT_ASSERT", "static_assert", "assert")
# Prepended to a mutated file only. The build treats warnings as errors, and a
# mutant whose only flaw is a name it left unused (a dropped condition was the
# sole reader of a parameter) or a style warning is still a runnable mutant,
# not a stillborn one. The unmutated tree builds clean, so these can only
# silence what the mutation caused. Reported line numbers are the original ones.
MUTANT_PRAGMAS = "".join('#pragma GCC diagnostic ignored "%s"\n' % w for w in (
    "-Wunused-parameter", "-Wunused-variable", "-Wunused-but-set-variable",
    "-Wunused-but-set-parameter", "-Wunused-function", "-Wunused-local-typedefs",
    "-Wparentheses", "-Wtype-limits", "-Wbool-compare", "-Wtautological-compare"))


# ---------------------------------------------------------------------------
# Lexing: blank out what must never be mutated, keeping every offset.

def mask_source(text):
    """Returns text with comments, string/char literals, preprocessor lines and
    assertion statements replaced by MASK (newlines kept), so that a match in
    the result is at the same offset as in text and is always code."""
    out = list(text)
    n = len(text)

    def blank(a, b):
        for k in range(a, b):
            if out[k] != "\n":
                out[k] = MASK

    i = 0
    at_line_start = True
    while i < n:
        c = text[i]
        if at_line_start and c == "#":
            j = i
            while True:  # a directive runs on across backslash-newlines
                e = text.find("\n", j)
                e = n if e < 0 else e
                if e > 0 and text[e - 1] == "\\" and e < n:
                    j = e + 1
                    continue
                break
            blank(i, e)
            i = e
            continue
        if c == "\n":
            at_line_start = True
            i += 1
            continue
        if not c.isspace():
            at_line_start = False
        if text.startswith("//", i):
            e = text.find("\n", i)
            e = n if e < 0 else e
            blank(i, e)
            i = e
        elif text.startswith("/*", i):
            e = text.find("*/", i + 2)
            e = n if e < 0 else e + 2
            blank(i, e)
            i = e
        elif text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or
                                                          text[i - 1] == "_")):
            p = text.find("(", i + 2)
            delim = text[i + 2:p]
            e = text.find(")" + delim + '"', p)
            e = n if e < 0 else e + len(delim) + 2
            blank(i, e)
            i = e
        elif c == '"' or (c == "'" and not (i > 0 and text[i - 1].isalnum())):
            # A quote after a digit or letter is a digit separator (1'000'000).
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            blank(i, min(j + 1, n))
            i = j + 1
        else:
            i += 1
    masked = "".join(out)
    # Assertions are the spec: mutating them tests nothing.
    for m in re.finditer(r"\b(?:%s)\s*\(" % "|".join(ASSERTION_MACROS), masked):
        if m.start() > 0 and (masked[m.start() - 1].isalnum() or masked[m.start() - 1] == "_"):
            continue
        close = match_paren(masked, m.end() - 1)
        if close is None:
            continue
        end = close + 1
        if end < n and masked[end] == ";":
            end += 1
        blank(m.start(), end)
    return "".join(out)


def match_paren(s, open_at):
    """Offset of the bracket closing the one at open_at, or None."""
    pairs = {"(": ")", "[": "]", "{": "}"}
    opening = s[open_at]
    closing = pairs[opening]
    depth = 0
    for k in range(open_at, len(s)):
        if s[k] == opening:
            depth += 1
        elif s[k] == closing:
            depth -= 1
            if depth == 0:
                return k
    return None


def statement_end(s, start):
    """Offset of the ';' ending the statement that starts at start (depth 0)."""
    depth = 0
    for k in range(start, len(s)):
        ch = s[k]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth < 0:
                return None
        elif ch == ";" and depth == 0:
            return k
    return None


def top_level_positions(s, ch):
    depth = 0
    found = []
    for k, c in enumerate(s):
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == ch and depth == 0:
            found.append(k)
    return found


# ---------------------------------------------------------------------------
# Mutation sites.

@dataclass
class Site:
    start: int
    end: int
    replacement: str
    operator: str


def bool_function_ranges(m):
    """(open, close) brace offsets of functions declared to return bool."""
    ranges = []
    header_re = re.compile(
        r"^(?:(?:static|inline|constexpr|virtual|friend|\[\[nodiscard\]\])\s+)*bool\s+"
        r"[\w:~]+\s*\(")
    last_stop = 0
    for k, c in enumerate(m):
        if c in ";}":
            last_stop = k + 1
        elif c == "{":
            header = m[last_stop:k].replace(MASK, " ").strip()
            if header_re.match(header):
                close = match_paren(m, k)
                if close is not None:
                    ranges.append((k, close))
            last_stop = k + 1
    return ranges


BOOLISH_RE = re.compile(
    r"(?:\s(?:==|!=|<=|>=|<|>|&&|\|\|)\s)|^!|"
    r"\.(?:empty|contains|is_\w+|has_\w+|ok|completed)\(\)|"
    r"\b(?:is_\w+|has_\w+|contains|any_of|all_of|none_of|binary_search)\(")


def find_sites(text):
    m = mask_source(text)
    sites = []

    def add(a, b, rep, op):
        sites.append(Site(a, b, rep, op))

    # Relational flips; the spaces on both sides keep templates, shifts and
    # arrows out (the tree is clang-formatted).
    flips = {"<": "<=", "<=": "<", ">": ">=", ">=": ">", "==": "!=", "!=": "=="}
    for x in re.finditer(r"(?<=\s)(<=|>=|==|!=|<|>)(?=\s)", m):
        if re.search(r"operator\s*$", m[:x.start()]):
            continue
        add(x.start(), x.end(), flips[x.group(1)], "relational")

    for x in re.finditer(r"(?<=\s)(&&|\|\|)(?=\s)", m):
        add(x.start(), x.end(), "||" if x.group(1) == "&&" else "&&", "logical")

    # Unary '!' dropped (not '!=').
    for x in re.finditer(r"(?<![\w)\]!])!(?![=!])", m):
        add(x.start(), x.end(), "", "negation")

    # Off by one: `+ 1` -> `+ 2`, `- 1` -> `- 2`, and a for loop starting at 1.
    for x in re.finditer(r"(?<=\s)[+-] (1)(?![\w.'])", m):
        add(x.start(1), x.end(1), "2", "off_by_one")
    for x in re.finditer(r"\bfor\s*\(", m):
        close = match_paren(m, x.end() - 1)
        if close is None:
            continue
        header = m[x.end():close]
        semi = top_level_positions(header, ";")
        if not semi:
            continue  # range-for
        init = re.search(r"=\s*(0)\s*$", header[:semi[0]])
        if init:
            add(x.end() + init.start(1), x.end() + init.end(1), "1", "off_by_one")

    for x in re.finditer(r"\b(true|false)\b", m):
        add(x.start(), x.end(), "false" if x.group(1) == "true" else "true", "bool_literal")

    # Dropped condition: if (cond) -> if (true) / if (false). An init-statement
    # (`if (auto s = f(); !s.ok())`) is kept; a declaration as condition is skipped.
    for x in re.finditer(r"\bif\s*\(", m):
        close = match_paren(m, x.end() - 1)
        if close is None:
            continue
        a = x.end()
        semi = top_level_positions(m[a:close], ";")
        if semi:
            a = a + semi[-1] + 1
        while a < close and m[a].isspace():
            a += 1
        cond = m[a:close]
        if cond.strip() in ("true", "false") or MASK in cond:
            continue
        if re.search(r"(?<![=!<>])=(?!=)", cond):
            continue  # `if (T x = ...)`
        add(a, close, "true", "dropped_condition")
        add(a, close, "false", "dropped_condition")

    # Skipped loop body: `continue;` first in a for body (the increment still
    # runs), `break;` first in a while body (a `continue;` there would only spin).
    for x in re.finditer(r"\b(for|while)\s*\(", m):
        close = match_paren(m, x.end() - 1)
        if close is None:
            continue
        k = close + 1
        while k < len(m) and m[k].isspace():
            k += 1
        if k >= len(m) or m[k] in ";" + MASK:
            continue  # do-while tail or empty body
        stmt = "continue;" if x.group(1) == "for" else "break;"
        if m[k] == "{":
            close_body = match_paren(m, k)
            body = m[k + 1:close_body] if close_body is not None else ""
            if not body.replace(MASK, "").strip():
                continue  # assertions only: skipping them is equivalent by construction
            add(k + 1, k + 1, " " + stmt, "skipped_body")
        else:
            e = statement_end(m, k)
            if e is None:
                continue
            add(k, e + 1, "{ " + stmt + " " + text[k:e + 1] + " }", "skipped_body")

    for x in re.finditer(r"\b(continue|break)\s*;", m):
        add(x.start(1), x.end(1), "break" if x.group(1) == "continue" else "continue",
            "continue_break")

    # Swapped arguments of f(a, b) with two plain identifiers.
    call_re = re.compile(r"\b([A-Za-z_]\w*(?:(?:::|\.|->)[A-Za-z_]\w*)*)\s*\(\s*"
                         r"([A-Za-z_]\w*)\s*,\s*([A-Za-z_]\w*)\s*\)")
    for x in call_re.finditer(m):
        name, a, b = x.group(1), x.group(2), x.group(3)
        last = re.split(r"::|\.|->", name)[-1]
        if name in CXX_KEYWORDS or last in CXX_KEYWORDS or last in ASSERTION_MACROS:
            continue
        if name in SYMMETRIC_CALLS or last in SYMMETRIC_CALLS:
            continue
        if a == b or a in CXX_KEYWORDS or b in CXX_KEYWORDS:
            continue
        add(x.start(2), x.end(3), b + ", " + a, "swapped_args")

    # A boolean `return x;` flipped to `return !(x);`.
    bool_ranges = bool_function_ranges(m)
    for x in re.finditer(r"\breturn\s+", m):
        a = x.end()
        e = statement_end(m, a)
        if e is None:
            continue
        expr = m[a:e].strip()
        if not expr or expr in ("true", "false") or MASK in expr or expr.startswith("!"):
            continue  # `return !x;` is already the negation operator's mutant
        in_bool_fn = any(o < a < c for o, c in bool_ranges)
        if not (in_bool_fn or BOOLISH_RE.search(expr)):
            continue
        add(a, e, "!(" + text[a:e] + ")", "return_flipped")

    sites.sort(key=lambda s: (s.start, s.end, s.operator, s.replacement))
    unique = []
    for s in sites:
        if not unique or (s.start, s.end, s.replacement) != (unique[-1].start, unique[-1].end,
                                                             unique[-1].replacement):
            unique.append(s)
    return unique


def describe(text, site):
    """(line number, original snippet, mutated snippet) for a report line."""
    line_start = text.rfind("\n", 0, site.start) + 1
    line_end = text.find("\n", site.end)
    line_end = len(text) if line_end < 0 else line_end
    original = text[line_start:line_end]
    mutated = text[line_start:site.start] + site.replacement + text[site.end:line_end]
    norm = lambda s: " ".join(s.split())
    return text.count("\n", 0, site.start) + 1, norm(original), norm(mutated)


# ---------------------------------------------------------------------------
# Deterministic selection: splitmix64 seeded by --seed and the file's path, so a
# file gets the same mutants whatever else is in the run.

def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return state, z ^ (z >> 31)


def choose(count, per_file, seed, path):
    if per_file <= 0 or per_file >= count:
        return list(range(count))
    digest = int.from_bytes(hashlib.sha256(path.encode()).digest()[:8], "little")
    state = (seed ^ digest) & MASK64
    order = list(range(count))
    for i in range(per_file):  # partial Fisher-Yates
        state, r = splitmix64(state)
        j = i + r % (count - i)
        order[i], order[j] = order[j], order[i]
    return sorted(order[:per_file])


# ---------------------------------------------------------------------------
# Equivalent mutants, read from docs/mutation.md: the ```equivalent block holds
# report lines `file:line: original  =>  mutated  # why`; the line number is
# ignored when matching, so edits elsewhere in the file keep the entry valid.

def load_equivalents(doc_path):
    known = {}
    if not os.path.exists(doc_path):
        return known
    inside = False
    with open(doc_path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if line.strip().startswith("```"):
                inside = line.strip() == "```equivalent"
                continue
            if not inside or not line.strip():
                continue
            body, _, why = line.partition("  # ")
            hit = re.match(r"^(\S+?):\d+: (.*?)  =>  (.*)$", body.strip())
            if hit:
                key = (hit.group(1), " ".join(hit.group(2).split()),
                       " ".join(hit.group(3).split()))
                known[key] = why.strip()
    return known


# ---------------------------------------------------------------------------
# Running.

@dataclass
class Mutant:
    index: int
    folder: str
    file: str
    line: int
    operator: str
    original: str
    mutated: str
    verdict: str = ""
    detail: str = ""
    build_seconds: float = 0.0
    judge_seconds: float = 0.0
    equivalent: str = ""
    killed_by: str = ""  # the judge that killed it (killed and timeout only)


def run(cmd, env, timeout_s, log=None):
    """(exit code or 'timeout', seconds)."""
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout_s)
        code = p.returncode
        if log is not None:
            with open(log, "wb") as f:
                f.write(p.stdout)
    except subprocess.TimeoutExpired:
        code = "timeout"
    return code, time.monotonic() - t0


def sync_tree(root, scratch):
    """Copies the tracked files of root into scratch, touching only those whose
    content changed, so ninja rebuilds nothing else on a rerun."""
    listed = subprocess.run(["git", "-C", root, "ls-files", "-z"], check=True,
                            stdout=subprocess.PIPE).stdout.decode().split("\0")
    copied = 0
    for rel in filter(None, listed):
        src = os.path.join(root, rel)
        if not os.path.isfile(src):
            continue  # deleted in the working tree
        dst = os.path.join(scratch, rel)
        with open(src, "rb") as f:
            data = f.read()
        if os.path.exists(dst):
            with open(dst, "rb") as f:
                if f.read() == data:
                    continue
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(dst, "wb") as f:
            f.write(data)
        shutil.copymode(src, dst)
        copied += 1
    return copied


def write_file(path, data):
    with open(path, "w", encoding="utf-8") as f:
        f.write(data)
    # A fresh mtime even if two writes land in the same clock tick: ninja
    # decides on mtimes.
    now_ns = time.time_ns()
    st = os.stat(path)
    os.utime(path, ns=(now_ns, max(now_ns, st.st_mtime_ns + 1000)))


def fmt_clock(seconds):
    s = int(seconds)
    return "%d:%02d:%02d" % (s // 3600, s // 60 % 60, s % 60)


def parse_args(argv):
    ap = argparse.ArgumentParser(prog="scripts/mutate.sh",
                                 description="Mutation testing of checks/ and model/ "
                                             "(docs/mutation.md).")
    ap.add_argument("--folder", choices=["checks", "model", "both"], default="both")
    ap.add_argument("--per-file", default="10",
                    help="mutants per file, drawn from all its sites ('all' or 0: every site)")
    ap.add_argument("--files", default="",
                    help="space-separated globs relative to the root (default: FOLDER/*.cc)")
    ap.add_argument("--seed", type=int, default=1, help="selects the mutants (default 1)")
    ap.add_argument("--campaign-seconds", type=float, default=60.0,
                    help="model campaign length per mutant (default 60)")
    ap.add_argument("--out", default="mutation-out", help="scratch tree, build and reports")
    ap.add_argument("--rejudge", default="",
                    help="judge only the mutants listed as survivors in this report "
                         "(mutation-report.txt or any file of 'file:line: original  =>  "
                         "mutated' lines), matched without line numbers; --per-file and "
                         "--seed are then ignored")
    ap.add_argument("--list", action="store_true",
                    help="list the selected mutants without building anything")
    ap.add_argument("--jobs", type=int, default=int(os.environ.get("JOBS", "2")),
                    help="build jobs and campaign threads (default $JOBS or 2)")
    args = ap.parse_args(argv)
    if args.per_file == "all":
        args.per_file = 0
    else:
        try:
            args.per_file = int(args.per_file)
        except ValueError:
            ap.error("--per-file: expected a number or 'all', got %r" % args.per_file)
        if args.per_file < 0:
            ap.error("--per-file: must be 0 (all) or more")
    if not args.campaign_seconds > 0:
        ap.error("--campaign-seconds: must be more than 0")
    if args.jobs < 1:
        ap.error("--jobs: must be at least 1")
    if args.rejudge and not os.path.isfile(args.rejudge):
        ap.error("--rejudge: no such file: %s" % args.rejudge)
    return args


def select_files(root, folders, globs):
    listed = subprocess.run(["git", "-C", root, "ls-files"], check=True,
                            stdout=subprocess.PIPE).stdout.decode().split("\n")
    patterns = globs.split() if globs else [f + "/*.cc" for f in folders]
    files = []
    for rel in sorted(filter(None, listed)):
        folder = rel.split("/", 1)[0]
        if folder in folders and any(fnmatch.fnmatch(rel, p) for p in patterns):
            files.append(rel)
    return files


SURVIVOR_LINE = re.compile(r"^(\S+):\d+: (.*?)  =>  (.*?)(  \[equivalent: .*\])?$")


def load_survivors(path):
    """The (file, original, mutated) triples of the survivor lines in path."""
    wanted = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = SURVIVOR_LINE.match(line.rstrip("\n"))
            if m:
                wanted.add((m.group(1), m.group(2), m.group(3)))
    return wanted


def plan(root, files, args):
    mutants = []
    wanted = load_survivors(args.rejudge) if args.rejudge else None
    for rel in files:
        with open(os.path.join(root, rel), encoding="utf-8") as f:
            text = f.read()
        sites = find_sites(text)
        if wanted is not None:
            for site in sites:
                line, original, mutated = describe(text, site)
                if (rel, original, mutated) in wanted:
                    mutants.append((rel, site, Mutant(0, rel.split("/", 1)[0], rel, line,
                                                      site.operator, original, mutated)))
            continue
        for k in choose(len(sites), args.per_file, args.seed, rel):
            line, original, mutated = describe(text, sites[k])
            mutants.append((rel, sites[k], Mutant(0, rel.split("/", 1)[0], rel, line,
                                                  sites[k].operator, original, mutated)))
    for i, (_, _, mu) in enumerate(mutants):
        mu.index = i + 1
    return mutants


def build(env, build_dir, targets, jobs, log):
    cmd = ["cmake", "--build", build_dir, "-j", str(jobs)]
    for target in targets:
        cmd += ["--target", target]
    return run(cmd, env, 1800, log)


def judge_cmd(judge, build_dir, args, campaign_out):
    if judge == "checks_test":
        return [os.path.join(build_dir, "tests", "checks", "checks_test")]
    if judge == "model_test":
        return [os.path.join(build_dir, "tests", "model", "model_test")]
    assert judge == "campaign", judge
    return [os.path.join(build_dir, "cli", "dynamo-testbed"), "campaign", "--side", "model",
            "--seconds", "%g" % args.campaign_seconds, "--stop-on-failure", "--quiet",
            "--seed", "1", "--jobs", str(args.jobs), "--out", campaign_out]


def report(mutants, files, args, equivalents, out_dir, wall_s):
    per_file = {}
    for rel in files:
        per_file[rel] = {"file": rel, "mutants": 0, "killed": 0, "timeout": 0, "survived": 0,
                         "equivalent": 0, "stillborn": 0, "survivors": [], "killed_by": {}}
    if args.rejudge:  # only the files that had a survivor to judge
        files = sorted({mu.file for mu in mutants})
        per_file = {rel: per_file[rel] for rel in files}
    for mu in mutants:
        row = per_file[mu.file]
        if mu.verdict == "stillborn":
            row["stillborn"] += 1
            continue
        row["mutants"] += 1
        if mu.verdict in ("killed", "timeout"):
            row["killed"] += 1
            row["timeout"] += mu.verdict == "timeout"
            row["killed_by"][mu.killed_by] = row["killed_by"].get(mu.killed_by, 0) + 1
        elif mu.verdict == "survived":
            row["survived"] += 1
            row["equivalent"] += bool(mu.equivalent)
            row["survivors"].append(mu)

    def rate(killed, counted, equivalent=0):
        base = counted - equivalent
        return None if base <= 0 else killed / base

    has_model = any(f.startswith("model/") for f in files)
    lines = ["mutation report: seed %d, %s per file%s, %s wall" %
             (args.seed, args.per_file or "all",
              ", campaign %g s" % args.campaign_seconds if has_model else "",
              fmt_clock(wall_s)), ""]
    head = "%-34s %7s %6s %8s %5s %9s %9s" % ("file", "mutants", "killed", "survived", "equiv",
                                               "stillborn", "kill rate")
    folders_json = {}
    for folder in ("checks", "model"):
        rows = [r for r in per_file.values() if r["file"].startswith(folder + "/")]
        if not rows:
            continue
        lines += ["%s/ (judges, in order: %s)" % (folder, ", ".join(
            "campaign --side model" if j == "campaign" else j for j in JUDGES[folder])), head]
        tot = {k: 0 for k in ("mutants", "killed", "timeout", "survived", "equivalent",
                              "stillborn")}
        killed_by = {j: 0 for j in JUDGES[folder]}
        for r in rows:
            for k in tot:
                tot[k] += r[k]
            for j, count in r["killed_by"].items():
                killed_by[j] += count
            rr = rate(r["killed"], r["mutants"], r["equivalent"])
            lines.append("%-34s %7d %6d %8d %5d %9d %9s" % (
                r["file"], r["mutants"], r["killed"], r["survived"], r["equivalent"],
                r["stillborn"], "-" if rr is None else "%.0f%%" % (100 * rr)))
        tr = rate(tot["killed"], tot["mutants"], tot["equivalent"])
        raw = rate(tot["killed"], tot["mutants"])
        lines.append("%-34s %7d %6d %8d %5d %9d %9s" % (
            "total " + folder + "/", tot["mutants"], tot["killed"], tot["survived"],
            tot["equivalent"], tot["stillborn"], "-" if tr is None else "%.0f%%" % (100 * tr)))
        lines.append("  (kill rate = killed / (mutants - equivalent); %d of the killed timed "
                     "out; raw rate %s)" % (tot["timeout"],
                                            "-" if raw is None else "%.0f%%" % (100 * raw)))
        if len(JUDGES[folder]) > 1:
            lines.append("  (killed by %s)" % ", ".join(
                "%s: %d" % (j, killed_by[j]) for j in JUDGES[folder]))
        lines.append("")
        folders_json[folder] = dict(tot, kill_rate=tr, raw_kill_rate=raw, killed_by=killed_by)
    survivors = [mu for mu in mutants if mu.verdict == "survived"]
    lines.append("survivors (%d):" % len(survivors))
    for mu in survivors:
        tag = "  [equivalent: %s]" % mu.equivalent if mu.equivalent else ""
        lines.append("%s:%d: %s  =>  %s%s" % (mu.file, mu.line, mu.original, mu.mutated, tag))
    text = "\n".join(lines) + "\n"
    doc = {
        "seed": args.seed, "per_file": args.per_file, "campaign_seconds": args.campaign_seconds,
        "wall_seconds": round(wall_s, 1), "folders": folders_json,
        "files": [dict({k: v for k, v in r.items() if k != "survivors"},
                       kill_rate=rate(r["killed"], r["mutants"], r["equivalent"]))
                  for r in per_file.values()],
        "mutants": [dict(asdict(mu), build_seconds=round(mu.build_seconds, 1),
                         judge_seconds=round(mu.judge_seconds, 1)) for mu in mutants],
    }
    with open(os.path.join(out_dir, "mutation-report.txt"), "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(out_dir, "mutation-report.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")
    return text


def main(argv):
    args = parse_args(argv)
    root = subprocess.run(["git", "rev-parse", "--show-toplevel"], check=True,
                          stdout=subprocess.PIPE,
                          cwd=os.path.dirname(os.path.abspath(__file__))).stdout.decode().strip()
    folders = ["checks", "model"] if args.folder == "both" else [args.folder]
    files = select_files(root, folders, args.files)
    if not files:
        print("mutate: no tracked file under %s matches --files %r" %
              ("/".join(folders), args.files), file=sys.stderr)
        return 2
    equivalents = load_equivalents(os.path.join(root, "docs", "mutation.md"))
    mutants = plan(root, files, args)
    if args.list:
        for _, site, mu in mutants:
            print("%3d %s:%d %s: %s  =>  %s" % (mu.index, mu.file, mu.line, mu.operator,
                                                mu.original, mu.mutated))
        return 0

    out_dir = os.path.abspath(args.out)
    scratch = os.path.join(out_dir, "src")
    build_dir = os.path.join(out_dir, "build")
    logs = os.path.join(out_dir, "logs")
    os.makedirs(scratch, exist_ok=True)
    shutil.rmtree(logs, ignore_errors=True)  # a previous run's logs would mislead
    os.makedirs(logs, exist_ok=True)
    # RapidCheck properties draw a random seed per run unless told: a mutant
    # that only a property catches would then be killed on some runs only.
    # ctest's seed, unless the caller chose one.
    env = dict(os.environ, CCACHE_BASEDIR=scratch, JOBS=str(args.jobs))
    env.setdefault("RC_PARAMS", "seed=20261127")
    # Mutant builds read the cache but never write it: a compile interrupted
    # while the tool restores the file could store the unmutated object under
    # the mutant's hash, and a later run would then judge the wrong code.
    mutant_env = dict(env, CCACHE_READONLY="1")
    targets = sorted({t for f in folders for t in FOLDERS[f]})

    t_start = time.monotonic()
    copied = sync_tree(root, scratch)
    print("mutate: %d files, %d mutants (seed %d); scratch tree %s (%d files updated)" %
          (len(files), len(mutants), args.seed, scratch, copied), flush=True)
    print("mutate: building %s in %s ..." % (" ".join(targets), build_dir), flush=True)
    code, secs = run([os.path.join(scratch, "scripts", "build.sh"), build_dir, "g++-12",
                      "-DDT_BUILD_BENCH=OFF"], dict(env, BUILD_TARGETS=" ".join(targets)),
                     7200, os.path.join(logs, "build-initial.log"))
    if code != 0:
        print("mutate: the unmutated tree does not build (%s); see %s" %
              (code, os.path.join(logs, "build-initial.log")), file=sys.stderr)
        return 3
    print("mutate: built in %.0f s" % secs, flush=True)

    # The unmutated code must pass its judges, or every mutant would look killed.
    campaign_out = os.path.join(out_dir, "campaign")
    limits = {}
    for judge in [j for f in folders for j in JUDGES[f]]:
        shutil.rmtree(campaign_out, ignore_errors=True)
        log = os.path.join(logs, "baseline-%s.log" % judge)
        code, secs = run(judge_cmd(judge, build_dir, args, campaign_out), env,
                         600 + 3 * args.campaign_seconds, log)
        if code != 0:
            print("mutate: baseline judge %s fails on unmutated code (exit %s); see %s" %
                  (judge, code, log), file=sys.stderr)
            return 3
        limits[judge] = 2 * args.campaign_seconds + 120 if judge == "campaign" else \
            max(60.0, 10 * secs)
        print("mutate: baseline %s passes in %.1f s; mutant time limit %.0f s" %
              (judge, secs, limits[judge]), flush=True)

    n = len(mutants)
    for rel, site, mu in mutants:
        path = os.path.join(scratch, rel)
        with open(path, encoding="utf-8") as f:
            original = f.read()
        try:
            write_file(path, MUTANT_PRAGMAS + original[:site.start] + site.replacement +
                       original[site.end:])
            log = os.path.join(logs, "mutant-%04d" % mu.index)
            code, mu.build_seconds = build(mutant_env, build_dir, FOLDERS[mu.folder],
                                           args.jobs, log + "-build.log")
            if code != 0:
                mu.verdict, mu.detail = "stillborn", "build exit %s" % code
            else:
                for judge in JUDGES[mu.folder]:
                    shutil.rmtree(campaign_out, ignore_errors=True)
                    code, secs = run(judge_cmd(judge, build_dir, args, campaign_out), env,
                                     limits[judge], log + "-judge.log")
                    mu.judge_seconds += secs
                    if code == "timeout":
                        mu.verdict, mu.detail = "timeout", "%s over %.0f s" % (judge, limits[judge])
                    elif code < 0:
                        mu.verdict, mu.detail = "killed", "%s signal %d" % (judge, -code)
                    elif code != 0:
                        mu.verdict, mu.detail = "killed", "%s exit %d" % (judge, code)
                    else:
                        continue
                    mu.killed_by = judge
                    break
                else:
                    mu.verdict = "survived"
                    mu.equivalent = equivalents.get((mu.file, mu.original, mu.mutated), "")
                    os.remove(log + "-build.log")
                    os.remove(log + "-judge.log")
            if mu.verdict == "stillborn" or mu.verdict == "killed":
                # Logs of stillborn and killed mutants are rarely read; keep
                # their last lines only.
                for suffix in ("-build.log", "-judge.log"):
                    if os.path.exists(log + suffix):
                        with open(log + suffix, "rb") as f:
                            tail = f.read()[-4000:]
                        with open(log + suffix, "wb") as f:
                            f.write(tail)
        finally:
            write_file(path, original)
        print("[%*d/%d] %s:%d %s: %s%s  (build %.0f s, judge %.1f s, elapsed %s)" % (
            len(str(n)), mu.index, n, mu.file, mu.line, mu.operator, mu.verdict,
            " (%s)" % mu.detail if mu.detail else "", mu.build_seconds, mu.judge_seconds,
            fmt_clock(time.monotonic() - t_start)), flush=True)
        if mu.verdict == "survived":
            print("      survived: %s  =>  %s" % (mu.original, mu.mutated), flush=True)

    shutil.rmtree(campaign_out, ignore_errors=True)
    print()
    print(report([mu for _, _, mu in mutants], files, args, equivalents, out_dir,
                 time.monotonic() - t_start), end="")
    print("reports: %s, %s" % (os.path.join(out_dir, "mutation-report.txt"),
                               os.path.join(out_dir, "mutation-report.json")))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        print("mutate: interrupted (the scratch file was restored)", file=sys.stderr)
        sys.exit(130)

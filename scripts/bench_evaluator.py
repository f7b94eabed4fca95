"""Evaluator throughput, and what the run budget (exshell/engine/budget.py) costs.

Usage: python3 scripts/bench_evaluator.py [--baseline DIR] [--rounds N]

Runs a few evaluator-bound workloads (a counting loop, function calls, a ForEach-Object
pipeline, string building, a hashtable filled in a loop) in one process, each timed
with the shell's default budget (only the always-on size caps) and with an armed
untrusted budget (steps, wall clock and memory checked).  With ``--baseline DIR`` (a
checkout of another revision, e.g. ``git worktree add /tmp/base <rev>``) the same
workloads run in a subprocess on that tree too, interleaved round by round, so the
ratios compare like with like on a busy machine.  Prints the median CPU time per
workload and the ratios.  Not a test: numbers vary by machine.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TREE = os.path.join(HERE, "..")

WORKLOADS = {
    "loop": "$s = 0; for ($i = 0; $i -lt 20000; $i++) { $s += $i }; $s",
    "functions": "function f($x) { $x * 2 }; $t = 0; foreach ($i in 1..5000) { $t += f $i }; $t",
    "pipeline": "(1..5000 | ForEach-Object { $_ + 1 } | Where-Object { $_ % 2 }).Count",
    "strings": "$s = ''; foreach ($i in 1..3000) { $s += 'ab' }; $s.Length",
    "hashtable": "$h = @{}; foreach ($i in 1..5000) { $h[\"k$i\"] = $i }; $h.Count",
}

#: Run inside the measured tree: prints {workload: seconds} as JSON.
CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from exshell.testing import make_shell
workloads = json.loads(sys.argv[2])
armed = sys.argv[3] == "armed"
shell, host = make_shell()
if armed:
    from exshell.engine.budget import Budget
    shell.budget = Budget.untrusted(origin="option", max_seconds=600)
out = {}
for name, text in workloads.items():
    shell.run(text)                      # warm up (parse caches, lazy imports)
    t = time.process_time()
    shell.run(text)
    out[name] = time.process_time() - t
print(json.dumps(out))
"""


def measure(tree: str, mode: str) -> dict:
    res = subprocess.run([sys.executable, "-c", CHILD, tree, json.dumps(WORKLOADS), mode],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main(argv) -> int:
    baseline = None
    rounds = 7
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--baseline":
            baseline = args.pop(0)
        elif a == "--rounds":
            rounds = int(args.pop(0))
        else:
            sys.stderr.write(__doc__)
            return 2
    runs = {"default": [], "armed": []}
    if baseline:
        runs["baseline"] = []
    started = time.perf_counter()
    for _ in range(rounds):
        runs["default"].append(measure(TREE, "default"))
        runs["armed"].append(measure(TREE, "armed"))
        if baseline:
            runs["baseline"].append(measure(baseline, "default"))
    med = {mode: {w: statistics.median(r[w] for r in rs) for w in WORKLOADS} for mode, rs in runs.items()}
    head = "%-10s %10s %10s" % ("workload", "default", "armed")
    if baseline:
        head += " %10s %14s %14s" % ("baseline", "default/base", "armed/base")
    print(head)
    for w in WORKLOADS:
        line = "%-10s %9.1fms %9.1fms" % (w, med["default"][w] * 1000, med["armed"][w] * 1000)
        if baseline:
            b = med["baseline"][w]
            line += " %9.1fms %14.3f %14.3f" % (b * 1000, med["default"][w] / b, med["armed"][w] / b)
        else:
            line += "   armed/default %.3f" % (med["armed"][w] / med["default"][w])
        print(line)
    total = {mode: sum(v.values()) for mode, v in med.items()}
    summary = "total: default %.1fms, armed %.1fms (armed/default %.3f)" % (
        total["default"] * 1000, total["armed"] * 1000, total["armed"] / total["default"])
    if baseline:
        summary += ", baseline %.1fms (default/base %.3f, armed/base %.3f)" % (
            total["baseline"] * 1000, total["default"] / total["baseline"],
            total["armed"] / total["baseline"])
    print(summary)
    print("(%d rounds, median CPU time of one run each, %.0fs)" % (rounds, time.perf_counter() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""scripts/bench_repl.py keeps working (its completion half, on a small store)."""
from __future__ import annotations

import importlib.util
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_completion_benchmark_runs_on_a_small_store():
    spec = importlib.util.spec_from_file_location("bench_repl", os.path.join(ROOT, "scripts", "bench_repl.py"))
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    setup, results = bench.completion(20, 1)
    rows = {r["label"]: r for r in results}
    # 20 added + the server's own three (2013), all offered with no prefix, by Tab and menu.
    assert rows["empty"]["tab"][0] == rows["empty"]["menu"][0] == 23
    assert rows["identity"]["tab"][0] == rows["1-char"]["tab"][0]
    assert 1 <= rows["1-char"]["tab"][0] < 23 and 1 <= rows["2-char"]["tab"][0] <= rows["1-char"]["tab"][0]
    assert rows["quoted"]["tab"][0] == rows["1-char"]["tab"][0]
    assert rows["connector"]["tab"][0] == 5 and rows["enum"]["tab"][0] == 2   # 2013: five connectors

"""scripts/bench_repl.py keeps working (its completion half, on a small store)."""
from __future__ import annotations

import importlib.util
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_completion_benchmark_runs_on_a_small_store():
    spec = importlib.util.spec_from_file_location("bench_repl", os.path.join(ROOT, "scripts", "bench_repl.py"))
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    setup, results, views = bench.completion(20, 1)
    # 20 added + the server's own certificate, all offered with no prefix.
    assert results["all"][0] == 21
    assert 1 <= results["prefix"][0] < 21
    assert results["enum"][0] == 2

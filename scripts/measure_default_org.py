"""Measure how long default_organization() takes (run by hand; not a test).

    python3 scripts/measure_default_org.py

Prints the cold time (first build in the process: lazy imports of cryptography and
parsing the first lab keys included) and the warm time per version.
"""
from __future__ import annotations

import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))


def main() -> None:
    t0 = time.perf_counter()
    from exshell.exchange import default_organization
    t1 = time.perf_counter()
    default_organization("2010")
    t2 = time.perf_counter()
    print("import exshell.exchange: %.1f ms" % ((t1 - t0) * 1000))
    print("first default_organization('2010') (cold): %.1f ms" % ((t2 - t1) * 1000))
    for version in ("2007", "2010", "2013", "2016", "2019"):
        runs = []
        for _ in range(20):
            start = time.perf_counter()
            default_organization(version)
            runs.append(time.perf_counter() - start)
        runs.sort()
        print("default_organization(%r) warm: median %.2f ms, best %.2f ms"
              % (version, runs[len(runs) // 2] * 1000, runs[0] * 1000))


if __name__ == "__main__":
    main()

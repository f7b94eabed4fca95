#!/usr/bin/env python3
"""Start-up benchmark: `exshell -Command 'Get-ExchangeCertificate'` against
`python -c "import cryptography.x509"`, median of several runs, as a ratio.

    python3 scripts/bench_startup.py [--runs 15]

Run it on an installed package (pip install .) so bytecode is cached, as users get it.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time


def median_seconds(cmd, runs):
    times = []
    env = dict(os.environ)
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    py = sys.executable
    base = median_seconds([py, "-c", "import cryptography.x509"], args.runs)
    ours = median_seconds([py, "-m", "exshell", "-NoLogo", "-Command", "Get-ExchangeCertificate"], args.runs)
    print("python -c 'import cryptography.x509'     : %6.1f ms" % (base * 1000))
    print("exshell -Command 'Get-ExchangeCertificate': %6.1f ms" % (ours * 1000))
    print("ratio: %.2fx" % (ours / base))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""World-store benchmark: ratios in one run, so a busy machine affects every figure alike.

    python3 scripts/bench_worlds.py [--runs 5] [--sizes 1000,10000] [--keep DIR]

1. Start-up: ``exshell -NoLogo -Command "Get-ExchangeServer | Out-Null"`` (which needs the
   organisation) on a throwaway world of the built-in organisation (the baseline), on an
   organisation file with N self-signed certificates built from the file (``-Fresh
   -Organization``: every key from the pools, every certificate signed), and on the
   world of that file once made (``-State FILE``, the usual start after the first).
   Medians of --runs processes each, and their ratio to the baseline.
2. ``Get-ExchangeCertificate | Where-Object {...} | Format-Table`` over the largest world,
   in one shell (seconds; the world is loaded first).
3. Commit cost: the same world-changing command (Set-PopSettings) run 200 times on a
   world file (one durable SQLite transaction each) and on a throwaway world in memory;
   the difference per command is what saving costs.

Run it on an installed package (pip install .) so bytecode is cached, as users get it.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

QUERY = "Get-ExchangeServer | Out-Null"
FILTER = ("Get-ExchangeCertificate | Where-Object {$_.NotAfter -lt (Get-Date).AddDays(30)} "
          "| Format-Table")


def organization_file(folder: str, n: int) -> str:
    path = os.path.join(folder, "org%d.toml" % n)
    lines = ['version = "2016"', "clock = 2026-11-28T10:00:00", "", "[[servers]]", 'name = "EX01"', ""]
    for i in range(n):
        lines += ["[[certificates]]", 'domains = ["host%d.contoso.com"]' % i,
                  "days_left = %d" % (10 + i % 700), 'friendly_name = "cert %d"' % i, ""]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))
    return path


def median_seconds(args, runs: int, env) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        r = subprocess.run([sys.executable, "-m", "exshell", "-NoLogo", *args], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        times.append(time.perf_counter() - t)
        if r.returncode != 0:
            raise SystemExit("exshell %s failed: %s" % (" ".join(args), r.stderr.decode()[-500:]))
    return statistics.median(times)


def in_process(folder: str, big_world: str) -> None:
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    from exshell.host import RecordingHost
    from exshell.shell import Shell

    shell = Shell(host=RecordingHost([], width=120, interactive=False), state_file=big_world)
    t = time.perf_counter()
    shell.run(QUERY)
    load = time.perf_counter() - t
    times, cpu = [], []
    for _ in range(3):
        shell.host.clear()
        t, c = time.perf_counter(), time.process_time()
        shell.run(FILTER)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    rows = len(shell.host.text.splitlines())
    shell.close()
    print("\n2. In one shell on %s (first command %.2f s):" % (os.path.basename(big_world), load))
    print("   %s\n   median %.2f s (best %.2f s; %.2f s of CPU), %d lines of output"
          % (FILTER, statistics.median(times), min(times), statistics.median(cpu), rows))

    commands = 200
    results = {}
    for label, kwargs in (("world file", {"state_file": os.path.join(folder, "commit.db")}),
                          ("in memory", {})):
        shell = Shell("2016", host=RecordingHost([], width=120, interactive=False), **kwargs)
        shell.run(QUERY)
        t = time.perf_counter()
        for i in range(commands):
            shell.run("Set-PopSettings -X509CertificateName pop%d.contoso.com" % i)
        results[label] = (time.perf_counter() - t) / commands
        shell.close()
    print("\n3. Set-PopSettings, %d times: %.2f ms per command on a world file, %.2f ms in "
          "memory:\n   saving costs %.2f ms per command that changes the world"
          % (commands, results["world file"] * 1000, results["in memory"] * 1000,
             (results["world file"] - results["in memory"]) * 1000))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--keep", help="folder for the files (default: a temporary one)")
    args = ap.parse_args()
    folder = args.keep or tempfile.mkdtemp(prefix="exshell-bench-worlds-")
    os.makedirs(folder, exist_ok=True)
    env = dict(os.environ, EXSHELL_WORLDS_DIR=os.path.join(folder, "worlds"))
    env.pop("EXSHELL_FRESH", None)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    try:
        base = median_seconds(["-Fresh", "-Command", QUERY], args.runs, env)
        print("1. Start-up, median of %d processes each (%s):" % (args.runs, QUERY))
        print("   built-in organisation (-Fresh)                 %7.2f s   1.0x" % base)
        worlds = {}
        for n in sizes:
            org = organization_file(folder, n)
            cold = median_seconds(["-Fresh", "-Organization", org, "-Command", QUERY],
                                  max(1, min(args.runs, 3 if n >= 10000 else args.runs)), env)
            world = os.path.join(folder, "world%d.db" % n)
            subprocess.run([sys.executable, "-m", "exshell", "-NoLogo", "-Organization", org,
                            "-State", world, "-Command", QUERY], env=env, check=True,
                           stdout=subprocess.DEVNULL)
            warm = median_seconds(["-State", world, "-Command", QUERY], args.runs, env)
            worlds[n] = world
            print("   %6d certificates, built from the file (-Fresh) %7.2f s  %5.1fx" % (n, cold, cold / base))
            print("   %6d certificates, its world file (-State)      %7.2f s  %5.1fx" % (n, warm, warm / base))
        if worlds:
            in_process(folder, worlds[max(worlds)])
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

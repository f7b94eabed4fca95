#!/usr/bin/env python3
"""Start-up benchmark: ``exshell -NonInteractive -NoLogo -Command Get-ExchangeCertificate``
against ``python -c "import cryptography.x509"``, as ratios measured in one run.

    python3 scripts/bench_startup.py [--runs 15]

Each case runs alternately with the baseline (A B A B ...), and the ratio is taken
pair by pair (a busy machine slows both alike), then the median.  Both wall-clock time
and CPU time (user + system of the child, from the operating system) are reported;
on a shared machine the CPU ratio is the steadier one.  Cases:

* ``world``  -- the user's world file (the default: a world is kept in SQLite),
  made by a warm-up run in a temporary home folder, then opened by each run;
* ``fresh``  -- ``-Fresh``: the built-in organisation built in memory each run;
* ``date``   -- ``-Command Get-Date`` on the world: a command that needs no
  certificate (so no cryptography).

Aim (issue 17): the ``world`` case within 1.8x.  Run it on an installed package (``pip
install .``) so bytecode is cached, as users get it (bytecode goes to a temporary
prefix when run from the source tree).  The REPL's first prompt is measured by
``scripts/bench_repl.py``.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

CASES = (
    ("world", ["-NonInteractive", "-NoLogo", "-Command", "Get-ExchangeCertificate"]),
    ("fresh", ["-NonInteractive", "-NoLogo", "-Fresh", "-Command", "Get-ExchangeCertificate"]),
    ("date", ["-NonInteractive", "-NoLogo", "-Command", "Get-Date"]),
)
AIM = 1.8


def _timed(cmd, env):
    """(wall seconds, CPU seconds) of one run of ``cmd``."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit("%s failed (exit %d)" % (" ".join(cmd), proc.returncode))
    return wall, usage.ru_utime + usage.ru_stime


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args(argv)
    py = sys.executable
    home = tempfile.mkdtemp(prefix="exshell-bench-home-")
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
               PYTHONPYCACHEPREFIX=os.path.join(tempfile.gettempdir(), "exshell-bench-pyc"))
    for name in ("PYTHONDONTWRITEBYTECODE", "EXSHELL_FRESH", "EXSHELL_WORLDS_DIR"):
        env.pop(name, None)
    base = [py, "-c", "import cryptography.x509"]
    cases = [(label, [py, "-m", "exshell"] + extra) for label, extra in CASES]
    for _, cmd in cases:            # warm-up: bytecode, and the world file made once
        _timed(cmd, env)
    _timed(base, env)
    rows = {label: {"a": [], "b": [], "wall": [], "cpu": []} for label, _ in cases}
    for _ in range(args.runs):
        for label, cmd in cases:    # interleaved: a busy moment hurts every case alike
            a = _timed(cmd, env)
            b = _timed(base, env)
            row = rows[label]
            row["a"].append(a)
            row["b"].append(b)
            row["wall"].append(a[0] / b[0])
            row["cpu"].append(a[1] / b[1])
    med = statistics.median
    print("start-up, median of %d pairs (each case run alternately with the baseline)" % args.runs)
    first = rows[cases[0][0]]
    print("  %-44s wall %6.1f ms  cpu %6.1f ms" % ("baseline: python -c 'import cryptography.x509'",
                                                    med(b[0] for b in first["b"]) * 1000,
                                                    med(b[1] for b in first["b"]) * 1000))
    for label, cmd in cases:
        row = rows[label]
        shown = "%s: exshell %s" % (label, " ".join(a for a in cmd[3:] if a not in
                                                     ("-NonInteractive", "-NoLogo")))
        print("  %-44s wall %6.1f ms  cpu %6.1f ms   ratio: wall %.2fx  cpu %.2fx"
              % (shown, med(a[0] for a in row["a"]) * 1000, med(a[1] for a in row["a"]) * 1000,
                 med(row["wall"]), med(row["cpu"])))
    ratio = med(rows["world"]["cpu"])
    ok = ratio <= AIM
    print("aim: Get-ExchangeCertificate on the world within %.1fx (cpu): %s (%.2fx)"
          % (AIM, "met" if ok else "MISSED", ratio))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Load test of ``exshell serve``: N simulated learners (real SSH clients: asyncssh,
each with a terminal, as a learner's ssh would have) do the renewal lab at once.

    python scripts/bench_serve.py [--learners 30] [--think 2.0] [--rounds 3] [--hogs 0]
                                  [--gil]

It starts a class server on free loopback ports with a fresh data folder and a roster
of N learners (keys made here), then

1. one learner alone does the lab ``--rounds`` times (the baseline: the same server,
   the same run);
2. N learners do it at once (each starts at a random moment in the first ``--think``
   seconds, and waits ``--think`` seconds, +-50%, between commands, as people do);
   ``--hogs K`` adds K learners who run endless loops the whole time (each stopped by
   the budget, then started again);

and reports per-command latency (Enter to the next prompt or question) p50/p95 for
both and their ratio, that every learner passed (Test-LabTask and the dashboard's
JSON), and the server's memory per learner: the proportional set size (PSS, shared
pages split between the processes that share them) of the server, its session
factory and every session, at the peak of phase 2, minus the same before phase 2,
divided by N.  ``--gil`` also measures why sessions are processes: a command's time
next to an endless loop in another thread of the same process, and in another
process.  Ratios within one run are what to read; the machine is shared.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROMPT = re.compile(rb"\[PS\] C:\\Windows\\system32>")
QUESTION = re.compile(rb'\(default is "Y"\):')
ENV = {"PROMPT_TOOLKIT_NO_CPR": "1"}
#: prompt_toolkit turns bracketed paste on when a line editor starts, off when it ends.
READY = re.compile(re.escape(b"\x1b[?2004h"))
ACCEPTED = re.compile(re.escape(b"\x1b[?2004l"))

#: The renewal lab as a learner types it: (line, what ends it: "prompt" or "question").
LAB = [
    ("Get-LabTask", "prompt"),
    ("Get-ExchangeCertificate", "prompt"),
    ("Get-ExchangeCertificate | Format-List", "prompt"),
    ("$old = Get-ExchangeCertificate", "prompt"),
    ("$new = $old | New-ExchangeCertificate", "question"),
    ("Y", "prompt"),
    ("Enable-ExchangeCertificate -Thumbprint $new.Thumbprint -Services IIS", "prompt"),
    ("Test-LabTask", "prompt"),
    ("Remove-ExchangeCertificate -Thumbprint $old.Thumbprint", "question"),
    ("Y", "prompt"),
    ("Get-ExchangeCertificate", "prompt"),
    ("Test-LabTask", "prompt"),
]


# ----------------------------------------------------------------- the server

def start_server(folder: str, learners: int, hogs: int):
    import asyncssh
    keys = []
    lines = ['title = "Load test"', 'labs = ["renew-2010"]', ""]
    for i in range(learners + hogs + 1):
        key = asyncssh.generate_private_key("ssh-ed25519")
        name = "learner%02d" % i
        keys.append((name, key))
        lines += ["[[learners]]", 'name = "%s"' % name,
                  'public_key = "%s"' % key.export_public_key().decode().strip(), ""]
    roster = os.path.join(folder, "class.toml")
    with open(roster, "w") as fh:
        fh.write("\n".join(lines))
    proc = subprocess.Popen([sys.executable, "-m", "exshell", "serve", "-Roster", roster,
                             "-Data", os.path.join(folder, "data"), "-SshPort", "0",
                             "-WebPort", "0"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True,
                            env=dict(os.environ, PYTHONUNBUFFERED="1"))
    text = ""
    while "Ctrl-C stops" not in text:
        line = proc.stdout.readline()
        if not line:
            raise SystemExit("the server did not start:\n" + text)
        text += line
    threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
    port = int(re.search(r"ssh -p (\d+) ", text).group(1))
    web = re.search(r"(http://127\.0\.0\.1:\d+)/login", text).group(1)
    token = re.search(r"Token:\s+(\S+)", text).group(1)
    return proc, port, web, token, keys


def api(web: str, token: str, path: str = "/api/class"):
    request = urllib.request.Request(web + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read().decode())


# ----------------------------------------------------------------- memory

def _children(pid: int):
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def tree(pid: int):
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += _children(p)
    return out


def memory_kb(pids):
    """(PSS, RSS) summed over ``pids``, in kB."""
    pss = rss = 0
    for pid in pids:
        try:
            with open("/proc/%d/smaps_rollup" % pid) as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1])
                    elif line.startswith("Rss:"):
                        rss += int(line.split()[1])
        except OSError:
            pass
    return pss, rss


# ----------------------------------------------------------------- a learner

class Terminal:
    """The learner's side of the channel: collects the output.  It is a terminal that
    does not answer cursor position requests, and says so (``PROMPT_TOOLKIT_NO_CPR``,
    which the server accepts from clients, as ``ssh -o SendEnv`` would send it)."""

    def __init__(self):
        self.buffer = bytearray()
        self.event = asyncio.Event()
        self.chan = None

    def feed(self, data: bytes) -> None:
        self.buffer += data
        self.event.set()

    async def wait(self, pattern, timeout=120.0) -> bytes:
        deadline = time.monotonic() + timeout
        while True:
            m = pattern.search(self.buffer)
            if m:
                seen = bytes(self.buffer[:m.end()])
                del self.buffer[:m.end()]
                return seen
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no %r in %r" % (pattern.pattern, bytes(self.buffer[-300:])))
            self.event.clear()
            try:
                await asyncio.wait_for(self.event.wait(), left)
            except asyncio.TimeoutError:
                pass


async def learner(port: int, name: str, key, think: float, delay: float, samples: list,
                  opened: list, results: dict, rng: random.Random):
    import asyncssh
    await asyncio.sleep(delay)
    term = Terminal()

    class Session(asyncssh.SSHClientSession):
        def data_received(self, data, datatype):
            term.feed(data)

    async with asyncssh.connect("127.0.0.1", port, username=name, client_keys=[key],
                                known_hosts=None) as conn:
        t0 = time.monotonic()
        chan, _ = await conn.create_session(Session, "renew-2010", term_type="xterm",
                                            term_size=(120, 40), encoding=None, env=ENV)
        term.chan = chan
        await term.wait(PROMPT)
        opened.append(time.monotonic() - t0)
        transcript = b""
        for line, until in LAB:
            await asyncio.sleep(think * rng.uniform(0.5, 1.5))
            start = time.monotonic()
            chan.write(line.encode() + b"\r")
            # The line editor lets go of the line (bracketed paste off), the command
            # runs, and the next line editor starts (on): the prompt or the question.
            transcript += await term.wait(ACCEPTED)
            transcript += await term.wait(READY)
            samples.append(time.monotonic() - start)
            transcript += await term.wait(PROMPT if until == "prompt" else QUESTION)
        chan.write(b"exit\r")
        await chan.wait_closed()
        results[name] = transcript.count(b"PASSED") == 2


async def hog(port: int, name: str, key, stop: asyncio.Event):
    """A learner whose commands never end on their own (the budget stops each)."""
    import asyncssh
    term = Terminal()

    class Session(asyncssh.SSHClientSession):
        def data_received(self, data, datatype):
            term.feed(data)

    async with asyncssh.connect("127.0.0.1", port, username=name, client_keys=[key],
                                known_hosts=None) as conn:
        chan, _ = await conn.create_session(Session, "renew-2010", term_type="xterm",
                                            term_size=(120, 40), encoding=None, env=ENV)
        term.chan = chan
        await term.wait(PROMPT)
        while not stop.is_set():
            chan.write(b"$i = 0; while ($true) { $i++ }\r")
            await term.wait(PROMPT, timeout=300)
        chan.write(b"exit\r")


def percentile(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * p / 100.0
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


async def phase(port, keys, think, rng, hogs=()):
    samples, opened, results = [], [], {}
    stop = asyncio.Event()
    hog_tasks = [asyncio.ensure_future(hog(port, name, key, stop)) for name, key in hogs]
    if hog_tasks:
        await asyncio.sleep(1.0)
    await asyncio.gather(*[learner(port, name, key, think, rng.uniform(0, think), samples,
                                   opened, results, random.Random(rng.random()))
                           for name, key in keys])
    stop.set()
    await asyncio.gather(*hog_tasks, return_exceptions=True)
    return samples, opened, results


# ----------------------------------------------------------------- the GIL, measured

_HOG = """
import sys
from exshell.engine.budget import Budget
from exshell.host import RecordingHost
from exshell.shell import Shell
shell = Shell("2010", host=RecordingHost([], interactive=False))
shell.budget = Budget(max_seconds=30, throttle_after=1.0 if sys.argv[1] == "1" else None)
shell.run("while ($true) { }")
"""


def gil_experiment(rounds: int = 3):
    """How much slower a command gets next to an endless loop: in another thread of
    the same process, in another process, and in another process throttled as the
    server's sessions are (a quarter of a CPU after the first second).  Each ratio
    is against the command alone measured just before (the machine is shared), the
    median of ``rounds``."""
    from exshell.engine.budget import Budget
    from exshell.host import RecordingHost
    from exshell.shell import Shell
    command = "1..20 | ForEach-Object { Get-ExchangeCertificate | Format-List | Out-String } | Out-Null"
    shell = Shell("2010", host=RecordingHost([], interactive=False))
    shell.run(command)

    def timed(n=9):
        times = []
        for _ in range(n):
            t = time.perf_counter()
            shell.run(command)
            times.append(time.perf_counter() - t)
        return statistics.median(times)

    def in_thread():
        hog_shell = Shell("2010", host=RecordingHost([], interactive=False))
        hog_shell.budget = Budget(max_seconds=30)
        thread = threading.Thread(target=hog_shell.run, args=("while ($true) { }",), daemon=True)
        thread.start()
        time.sleep(0.3)

        def stop():
            hog_shell.budget.max_steps = 0     # the loop stops at its next check
            hog_shell.budget.limit = 0
            thread.join(60)
        return stop

    def in_process(throttled):
        def start():
            proc = subprocess.Popen([sys.executable, "-c", _HOG, throttled], cwd=ROOT,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(3.5)                    # started, and past the throttle's first second

            def stop():
                proc.kill()
                proc.wait()
            return stop
        return start

    ratios: dict = {"thread": [], "process": [], "throttled": []}
    alone_all = []
    for _ in range(rounds):
        for name, start in (("thread", in_thread), ("process", in_process("0")),
                            ("throttled", in_process("1"))):
            alone = timed()
            alone_all.append(alone)
            stop = start()
            try:
                ratios[name].append(timed() / alone)
            finally:
                stop()
    return (statistics.median(alone_all), statistics.median(ratios["thread"]),
            statistics.median(ratios["process"]), statistics.median(ratios["throttled"]))


# ----------------------------------------------------------------- main

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--think", type=float, default=2.0,
                        help="seconds between a learner's commands (+-50%%)")
    parser.add_argument("--rounds", type=int, default=3, help="baseline runs of one learner")
    parser.add_argument("--hogs", type=int, default=0, help="learners running endless loops")
    parser.add_argument("--gil", action="store_true", help="also measure threads vs processes")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    folder = tempfile.mkdtemp(prefix="exshell-bench-serve-")
    print("starting a class server with %d learners (+%d hogs) in %s"
          % (args.learners, args.hogs, folder), flush=True)
    proc, port, web, token, keys = start_server(folder, args.learners, args.hogs)
    try:
        solo_key = keys[-1]
        crowd = keys[:args.learners]
        hogs = keys[args.learners:args.learners + args.hogs]
        solo = []
        for r in range(args.rounds):
            samples, opened, results = asyncio.run(phase(port, [solo_key], args.think, rng))
            assert all(results.values()), "the single learner did not pass"
            solo += samples
            if r + 1 < args.rounds:       # the next round starts the lab over
                slug = next(l["slug"] for l in api(web, token)["learners"]
                            if l["name"] == solo_key[0])
                request = urllib.request.Request(
                    web + "/action/reset", method="POST",
                    data=json.dumps({"learner": slug, "lab": "renew-2010"}).encode(),
                    headers={"Authorization": "Bearer " + token,
                             "Content-Type": "application/json"})
                urllib.request.urlopen(request, timeout=60).read()
        base_pss, base_rss = memory_kb(tree(proc.pid))
        peak = [base_pss, base_rss, 0]
        sampling = [True]

        def sample():
            while sampling[0]:
                pids = tree(proc.pid)
                pss, rss = memory_kb(pids)
                if pss > peak[0]:
                    peak[:] = [pss, rss, len(pids) - 2]
                time.sleep(0.25)
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        t = time.monotonic()
        samples, opened, results = asyncio.run(phase(port, crowd, args.think, rng, hogs))
        elapsed = time.monotonic() - t
        sampling[0] = False
        sampler.join()
        data = api(web, token)
        on_dashboard = sum(1 for l in data["learners"] if l["name"] in dict(crowd)
                           and l["labs"]["renew-2010"]["tasks_done"] == 2)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
    n = args.learners
    s50, s95 = percentile(solo, 50) * 1000, percentile(solo, 95) * 1000
    c50, c95 = percentile(samples, 50) * 1000, percentile(samples, 95) * 1000
    print()
    print("per-command latency (Enter to the next prompt), ms:")
    print("  %-34s p50 %7.1f   p95 %7.1f   (%d commands)" % ("1 learner alone", s50, s95, len(solo)))
    print("  %-34s p50 %7.1f   p95 %7.1f   (%d commands, %.0f s)"
          % ("%d learners at once%s" % (n, " + %d hogs" % args.hogs if args.hogs else ""),
             c50, c95, len(samples), elapsed))
    print("  ratio: p50 %.2fx, p95 %.2fx (aim: p95 within 3x)" % (c50 / s50, c95 / s95))
    print("opening the lab (first time, the learner's keys made): median %.2f s, max %.2f s"
          % (statistics.median(opened), max(opened)))
    print("passed: %d of %d in the session (Test-LabTask), %d of %d on the dashboard"
          % (sum(1 for v in results.values() if v), n, on_dashboard, n))
    per_pss = (peak[0] - base_pss) / 1024.0 / max(1, peak[2])
    print("memory at the peak: %d sessions; PSS %.0f MB (%.1f MB per session over the idle "
          "server's %.0f MB); RSS %.0f MB (%.1f MB per session, shared pages counted in each)"
          % (peak[2], peak[0] / 1024.0, per_pss, base_pss / 1024.0, peak[1] / 1024.0,
             (peak[1] - base_rss) / 1024.0 / max(1, peak[2])))
    print("memory per learner, the whole server (PSS / learners): %.1f MB (aim: under 60 MB)"
          % (peak[0] / 1024.0 / n))
    if args.gil:
        alone, with_thread, with_process, throttled = gil_experiment()
        print()
        print("a command (%.1f ms alone) next to an endless loop, time / alone:" % (alone * 1000))
        for label, value in (("the loop in another thread of the same process", with_thread),
                             ("the loop in another process", with_process),
                             ("the loop in another process, throttled as sessions are",
                              throttled)):
            print("  %-56s %.2fx" % (label, value))
    ok = sum(1 for v in results.values() if v) == n and on_dashboard == n
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

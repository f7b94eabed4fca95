"""Parser throughput, in one run: exshell's parser against a baseline checkout of exshell
and against tree-sitter's PowerShell grammar.

Usage: python3 scripts/bench_parser.py [--corpus DIR] [--baseline DIR] [--rounds N]
                                       [--generated LINES]

* Corpus: every ``*.ps1``/``*.psm1`` under DIR (default: /work/scratch/ps1corpus when it
  exists, else tests/lang/corpus), each decoded as the shell decodes scripts and parsed
  once per round.  Every parse is a first parse: each ``parse()`` starts from the text,
  nothing is cached between parses.
* Each parser runs in its own process (this checkout; ``--baseline DIR``, another
  checkout of exshell, e.g. ``git worktree add /tmp/base 3dd26ae``), built before the
  timing starts; the rounds alternate between them, each going first in turn (and
  tree-sitter, when the optional benchmark-only packages ``tree-sitter`` and
  ``tree-sitter-powershell`` are installed), so the machine's load hits all of them
  alike.  The figure per parser is its process
  CPU time, best of the rounds; the ratios are the figures to read.  The first round
  (a fresh process's first pass over the corpus, what one ``-CheckSyntax`` run over
  those files costs) is shown as well.
* Generated: a realistic admin script of LINES lines (default 10,000), parsed in this
  process.
* Start-up: the CPU cost of importing exshell.lang, building the grammar and a first
  one-line parse, beyond importing pyparsing.

Not a test: numbers vary by machine; compare ratios taken in the same run.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import random
import subprocess
import sys
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)

SCRATCH_CORPUS = "/work/scratch/ps1corpus"

CHUNKS = [
    "# Renew the self-signed certificates that expire within 30 days\n",
    "$cutoff = (Get-Date).AddDays(30)\n",
    "$certs = Get-ExchangeCertificate | Where-Object { $_.NotAfter -lt $cutoff -and $_.IsSelfSigned }\n",
    "foreach ($c in $certs) {\n"
    "    Write-Host \"Renewing $($c.Thumbprint) for $($c.Subject)\"\n"
    "    $new = $c | New-ExchangeCertificate -Force -Confirm:$false\n"
    "    Enable-ExchangeCertificate -Thumbprint $new.Thumbprint -Services IIS,SMTP -Force\n"
    "}\n",
    "Get-ExchangeCertificate -thumbprint \u201cC5DD5B60949267AD624618D8492C4C5281FDD10F\u201d | New-ExchangeCertificate\n",
    "Enable-ExchangeCertificate -thumbprint \u201c3DA55740509DBA19D1A43A9C7161ED2D0B3B9E3E\u201d -services IIS\n",
    "Get-ExchangeCertificate -Domain mail.contoso.com | fl Thumbprint, Services, NotAfter\n",
    "\n",
    "if ($certs.Count -gt 0) {\n    Write-Output ('{0} certificates renewed' -f $certs.Count)\n} else {\n"
    "    Write-Warning 'Nothing to renew'\n}\n",
    "$params = @{ Thumbprint = $t; Services = 'IIS, SMTP'; Force = $true }\n",
    "Enable-ExchangeCertificate @params 2>&1 | Out-Null\n",
    "Get-ExchangeCertificate | Sort-Object NotAfter | Select-Object -First 5 | ft -AutoSize\n",
    "$bytes = [System.IO.File]::ReadAllBytes('C:\\certs\\mail.pfx')\n",
    "Import-ExchangeCertificate -FileData $bytes -Password (ConvertTo-SecureString 'P@ss' -AsPlainText -Force)\n",
    "try {\n    Remove-ExchangeCertificate -Thumbprint $old.Thumbprint -Confirm:$false -ErrorAction Stop\n"
    "} catch {\n    Write-Error $_.Exception.Message\n}\n",
    "$i = 0; while ($i -lt 10) { $i++ }\n",
]


def make_script(lines: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    out, n = [], 0
    while n < lines:
        chunk = rng.choice(CHUNKS)
        out.append(chunk)
        n += chunk.count("\n")
    return "".join(out)


def corpus_files(folder: str) -> list:
    return sorted(glob.glob(os.path.join(folder, "**", "*.ps1"), recursive=True)
                  + glob.glob(os.path.join(folder, "**", "*.psm1"), recursive=True))


def decode(data: bytes) -> str:
    """As the shell decodes a script (kept here so an old checkout decodes alike)."""
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                       (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"),
                       (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# One parser in its own process: reads the corpus, builds the grammar, then parses the
# whole corpus each time it reads a line, answering with the CPU time and how many
# files it accepted.
_WORKER = r"""
import json, sys, time
sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))
files = json.loads(sys.stdin.readline())
texts = []
for name in files:
    with open(name, "rb") as fh:
        texts.append(DECODE(fh.read()))
import exshell
from exshell.lang import ParseError, parse
parse("Get-ExchangeCertificate | fl")
print("ready " + exshell.__file__, flush=True)
for line in sys.stdin:
    ok = 0
    t = time.process_time()
    for text in texts:
        try:
            parse(text)
            ok += 1
        except ParseError:
            pass
    print(json.dumps([time.process_time() - t, ok]), flush=True)
"""


class Worker:
    """A parser (a checkout of exshell) in a process of its own."""

    def __init__(self, root: str, files: list):
        import inspect
        code = "DECODE = None\n" + inspect.getsource(decode) + "DECODE = decode\n" + _WORKER
        env = dict(os.environ, PYTHONPATH=root)
        self.proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, env=env, cwd=root)
        self.proc.stdin.write(json.dumps(files) + "\n")
        self.proc.stdin.flush()
        ready = self.proc.stdout.readline().strip()
        where = os.path.realpath(ready[len("ready "):]) if ready.startswith("ready ") else ""
        if not where.startswith(os.path.realpath(root) + os.sep):
            raise SystemExit(f"the parser in {root} did not start ({ready or 'no answer'})")
        self.best = float("inf")
        self.first = None
        self.accepted = 0

    def round(self) -> None:
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()
        cpu, ok = json.loads(self.proc.stdout.readline())
        self.best = min(self.best, cpu)
        if self.first is None:
            self.first = cpu
        self.accepted = ok

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait()


def tree_sitter_parser():
    try:
        import tree_sitter_powershell
        from tree_sitter import Language, Parser
    except ImportError:
        return None
    return Parser(Language(tree_sitter_powershell.language()))


def bench_corpus(folder: str, baseline: str | None, rounds: int) -> None:
    files = corpus_files(folder)
    texts = []
    for name in files:
        with open(name, "rb") as fh:
            texts.append(decode(fh.read()))
    lines = sum(text.count("\n") + 1 for text in texts)
    ours = Worker(os.path.abspath(ROOT), files)
    base = Worker(os.path.abspath(baseline), files) if baseline else None
    ts = tree_sitter_parser()
    encoded = [text.encode("utf-8") for text in texts]
    ts_best = float("inf")
    ts_first = None
    for r in range(rounds):
        # Who goes first alternates too: the first of a pair measured slower by about a
        # tenth on a loaded machine, whichever it was.
        for worker in ((ours, base) if r % 2 == 0 else (base, ours)):
            if worker is not None:
                worker.round()
        if ts is not None:
            t = time.process_time()
            for data in encoded:
                ts.parse(data)
            took = time.process_time() - t
            ts_best = min(ts_best, took)
            if ts_first is None:
                ts_first = took
    ours.close()
    if base is not None:
        base.close()
    print(f"corpus {folder}: {len(files)} files, {lines:,} lines; best of {rounds} alternating rounds")
    print(f"  exshell      {lines / ours.best:>10,.0f} lines/s  ({ours.best:.2f} s)  accepts {ours.accepted}")
    if base is not None:
        print(f"  baseline     {lines / base.best:>10,.0f} lines/s  ({base.best:.2f} s)  accepts {base.accepted}"
              f"  [{baseline}]")
        print(f"  exshell is {base.best / ours.best:.2f}x as fast as the baseline")
    if ts is None:
        print("  tree-sitter  (not installed: pip install tree-sitter tree-sitter-powershell)")
        return
    print(f"  tree-sitter  {lines / ts_best:>10,.0f} lines/s  ({ts_best:.2f} s)")
    print(f"  exshell takes {ours.best / ts_best:.1f}x tree-sitter's time")
    print(f"  first round (the process's first pass over the corpus, as one `-CheckSyntax` run):"
          f" exshell {ours.first:.2f} s"
          + (f", baseline {base.first:.2f} s ({base.first / ours.first:.2f}x)" if base is not None else "")
          + f", tree-sitter {ts_first:.2f} s; exshell takes {ours.first / ts_first:.1f}x tree-sitter's time")


def bench_generated(lines: int) -> None:
    from exshell.lang import parse
    text = make_script(lines)
    n = text.count("\n")
    parse("Get-ExchangeCertificate | fl")
    best = float("inf")
    for _ in range(3):
        t = time.process_time()
        parse(text)
        best = min(best, time.process_time() - t)
    print(f"generated script: {n:,} lines: {n / best:,.0f} lines/s (best of 3)")


def startup_cost() -> tuple[float, float]:
    code = ("import time; t=time.process_time(); import pyparsing; t1=time.process_time();"
            "import exshell.lang as L; L.parse('Get-ExchangeCertificate -Domain | fl');"
            "t2=time.process_time(); print(t1-t, t2-t1)")
    # With bytecode cached, as an installed package runs (the first run writes it).
    env = dict(os.environ, PYTHONPATH=ROOT)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for _ in range(2):
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    a, b = res.stdout.split()
    return float(a) * 1000, float(b) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = SCRATCH_CORPUS if os.path.isdir(SCRATCH_CORPUS) else os.path.join(ROOT, "tests", "lang", "corpus")
    ap.add_argument("--corpus", default=default)
    ap.add_argument("--baseline", help="another checkout of exshell to time alongside")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--generated", type=int, default=10_000)
    opts = ap.parse_args()
    bench_corpus(opts.corpus, opts.baseline, opts.rounds)
    if opts.generated:
        bench_generated(opts.generated)
    imp, first = startup_cost()
    print(f"start-up CPU: import pyparsing {imp:.1f} ms; then import exshell.lang + build grammar "
          f"+ first one-line parse {first:.1f} ms")


if __name__ == "__main__":
    main()

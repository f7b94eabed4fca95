"""Parser throughput, in one run: exshell's parser against tree-sitter's PowerShell grammar.

Usage: python3 scripts/bench_parser.py [--corpus DIR] [--generated LINES]

* Corpus: every ``*.ps1``/``*.psm1`` under DIR (default: /work/scratch/ps1corpus when it
  exists, else tests/lang/corpus), each decoded as the shell decodes scripts and parsed
  once per round, the first parse counted (no result is cached between parses: each
  parse() starts from the text).  Prints lines/s for exshell and, when the optional
  benchmark-only packages ``tree-sitter`` and ``tree-sitter-powershell`` are installed
  (never needed by the shell or the tests), for tree-sitter too and the ratio.
* Generated: a realistic admin script of LINES lines (default 10,000), as before.
* Start-up: the CPU cost of importing exshell.lang, building the grammar and a first
  one-line parse, beyond importing pyparsing.

Figures are process CPU time, best of three rounds (the machine may be shared).  Not a
test: numbers vary by machine; compare ratios taken in the same run.
"""
from __future__ import annotations

import argparse
import glob
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


def load_corpus(folder: str) -> list:
    from exshell.lang.source import decode_script
    names = sorted(glob.glob(os.path.join(folder, "**", "*.ps1"), recursive=True)
                   + glob.glob(os.path.join(folder, "**", "*.psm1"), recursive=True))
    out = []
    for name in names:
        with open(name, "rb") as fh:
            data = fh.read()
        out.append((name, data, decode_script(data)))
    return out


def best_cpu(fn, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def tree_sitter_parser():
    try:
        import tree_sitter_powershell
        from tree_sitter import Language, Parser
    except ImportError:
        return None
    return Parser(Language(tree_sitter_powershell.language()))


def bench_corpus(folder: str) -> None:
    from exshell.lang import ParseError, parse
    files = load_corpus(folder)
    lines = sum(text.count("\n") + 1 for _, _, text in files)
    parse("Get-ExchangeCertificate | fl")  # build the grammar outside the timing
    accepted = [0]

    def ours():
        accepted[0] = 0
        for name, _, text in files:
            try:
                parse(text, file=name)
                accepted[0] += 1
            except ParseError:
                pass
    ours_cpu = best_cpu(ours)
    print(f"corpus {folder}: {len(files)} files, {lines:,} lines; exshell accepts {accepted[0]}")
    print(f"  exshell      {lines / ours_cpu:>10,.0f} lines/s  ({ours_cpu:.2f} s)")
    ts = tree_sitter_parser()
    if ts is None:
        print("  tree-sitter  (not installed: pip install tree-sitter tree-sitter-powershell)")
        return
    encoded = [text.encode("utf-8") for _, _, text in files]

    def theirs():
        for data in encoded:
            ts.parse(data)
    ts_cpu = best_cpu(theirs)
    print(f"  tree-sitter  {lines / ts_cpu:>10,.0f} lines/s  ({ts_cpu:.2f} s)")
    print(f"  exshell takes {ours_cpu / ts_cpu:.1f}x tree-sitter's time")


def bench_generated(lines: int) -> None:
    from exshell.lang import parse
    text = make_script(lines)
    n = text.count("\n")
    parse("Get-ExchangeCertificate | fl")
    cpu = best_cpu(lambda: parse(text))
    print(f"generated script: {n:,} lines: {n / cpu:,.0f} lines/s (best of 3)")


def startup_cost() -> tuple[float, float]:
    code = ("import time; t=time.process_time(); import pyparsing; t1=time.process_time();"
            "import exshell.lang as L; L.parse('Get-ExchangeCertificate -Domain | fl');"
            "t2=time.process_time(); print(t1-t, t2-t1)")
    env = dict(os.environ, PYTHONPATH=ROOT)
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    a, b = res.stdout.split()
    return float(a) * 1000, float(b) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = SCRATCH_CORPUS if os.path.isdir(SCRATCH_CORPUS) else os.path.join(ROOT, "tests", "lang", "corpus")
    ap.add_argument("--corpus", default=default)
    ap.add_argument("--generated", type=int, default=10_000)
    opts = ap.parse_args()
    bench_corpus(opts.corpus)
    bench_generated(opts.generated)
    imp, first = startup_cost()
    print(f"start-up CPU: import pyparsing {imp:.1f} ms; then import exshell.lang + build grammar "
          f"+ first one-line parse {first:.1f} ms")


if __name__ == "__main__":
    main()

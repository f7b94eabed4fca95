"""Fuzz Shell.run with many inputs and count what must never happen: a Python
traceback, an "internal error" (the safety net in Shell.run or in the parser), an
exception escaping Shell.run, a run that does not come back, or a way out of the
drive: each shell's drive holds a symbolic link (``C:/link``, ``C:/Users/link``)
to a folder outside it with a secret file, and the secret showing in any output, or
any change outside the drives (that folder, the worker's working folder), counts as
a drive escape.

Usage: python3 scripts/fuzz_run.py [-n 100000] [--seed 1] [--jobs 2] [--show 5]

Inputs come from three generators, in turn:

* token soup: words of the language (keywords, operators, every registered command
  and its parameters, variables, literals of every kind, brackets, quotes);
* mutations of the golden transcripts' commands (characters deleted, inserted or
  replaced; a fragment of one command spliced into another);
* splices: pieces of several transcript commands joined by separators.

Every input runs in a deterministic shell (lab key pool, fixed clock) on a throwaway
drive, under an untrusted budget (so an endless loop is an error, not a hang), and
each worker starts a fresh shell every --fresh inputs.  Prints the counts and the
first failures of each kind (deduplicated).  Exit code 0 when nothing went wrong.
Not a test (it takes minutes); tests/engine/test_fuzz.py runs the same generators
with hypothesis on a smaller scale.
"""
from __future__ import annotations

import argparse
import glob
import multiprocessing
import os
import random
import sys
import time
import traceback
from typing import Dict, List, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))

TRANSCRIPTS = os.path.join(HERE, "..", "tests", "transcripts")

LITERALS = ["1", "0", "-1", "2kb", "0x1F", "1.5", "1e3", "1e999", "[int]::MaxValue", "$null",
            "$true", "$false", "'text'", '"exp $x"', '"$(1+1)"', "@'\nhere\n'@", '@"\n$x\n"@',
            "@()", "@(1,2)", "@{a=1}", "{ $_ }", "$_", "$x", "$x.Thumbprint", "$x[0]", "$args",
            "$env:COMPUTERNAME", "C:\\x.txt", "C:\\", "\\\\fs01\\share\\a", "..\\..", "*", "?",
            "[datetime]'2026-01-01'", "(Get-Date)", "[System.IO.File]", "[string]", "[int[]]",
            "C:\\link", "C:\\link\\secret.txt", "C:\\Users\\link\\x.txt", "link", "..\\link",
            "C:\\link\\new.txt", "'C:\\link\\secret.txt'",
            "'x' * 3", "1..3", "IIS", "SMTP", "IIS,SMTP", "EX01", "26AB4ED1EFF22AB001479E854A8DE78434C6364E"]
PUNCT = ["|", ";", "\n", "(", ")", "{", "}", "[", "]", "@(", "$(", "@{", "=", "+=", ",", ".", "::",
         "'", '"', "\u201c", "\u201d", "\u2018", "\u2019", "`", "#", "<#", "#>", "&", ". ", "2>&1",
         ">", ">>", "<", "!", "-", "--", "++", "..", "%", "?", ":", "\u2013", "\\"]


def vocabulary() -> List[str]:
    """Keywords, operators, commands and their parameters, literals and punctuation."""
    from exshell import cmdlets  # noqa: F401  (registers everything)
    from exshell.engine.cmdlet import REGISTRY
    from exshell.lang.lexicon import COMPARISON, KEYWORDS, PRECEDENCE
    words = list(KEYWORDS)
    words += ["-" + op for op in PRECEDENCE if op[0].isalpha()]
    words += ["-" + op for op in COMPARISON] + ["+", "-", "*", "/", "%", "..", ","]
    names = []
    try:
        for name in sorted(REGISTRY.names()):
            names.append(name)
    except Exception:  # noqa: BLE001 - another registry shape: fall back to a few
        names = ["Get-ExchangeCertificate", "New-ExchangeCertificate", "Get-Content"]
    words += names
    params = set()
    for name in names[:400]:
        try:
            cls = REGISTRY.lookup(name)
        except Exception:  # noqa: BLE001
            cls = None
        for p in getattr(cls, "parameters", ()) or ():
            params.add("-" + p.name)
    words += sorted(params)
    return words + LITERALS + PUNCT


def transcript_commands() -> List[str]:
    out = []
    for path in sorted(glob.glob(os.path.join(TRANSCRIPTS, "*.txt"))):
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().split("\n")
        current = None
        for line in lines:
            if line.startswith("PS> "):
                if current is not None:
                    out.append(current)
                current = line[4:]
            elif line.startswith(">> ") and current is not None:
                current += "\n" + line[3:]
            elif current is not None:
                out.append(current)
                current = None
        if current is not None:
            out.append(current)
    return [c for c in out if c.strip()]


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = vocabulary()
        self.commands = transcript_commands()

    def soup(self) -> str:
        n = self.rng.randint(1, 14)
        sep = self.rng.choice([" ", "", "  ", " "])
        return sep.join(self.rng.choice(self.words) for _ in range(n))

    def mutate(self) -> str:
        chars = list(self.rng.choice(self.commands))
        for _ in range(self.rng.randint(1, 5)):
            op = self.rng.choice(("delete", "insert", "replace", "splice"))
            pos = self.rng.randint(0, max(len(chars) - 1, 0))
            if op == "delete" and chars:
                del chars[pos]
            elif op == "insert":
                chars.insert(pos, self.rng.choice(PUNCT + list("$x9 -")))
            elif op == "replace" and chars:
                chars[pos] = self.rng.choice(PUNCT + list("$x9 -"))
            else:
                other = self.rng.choice(self.commands)
                a = self.rng.randint(0, len(other))
                chars[pos:pos] = list(other[a:a + self.rng.randint(1, 20)])
        return "".join(chars)

    def splice(self) -> str:
        parts = [self.rng.choice(self.commands) for _ in range(self.rng.randint(2, 3))]
        out = []
        for p in parts:
            a = self.rng.randint(0, len(p))
            b = self.rng.randint(a, len(p))
            out.append(p[a:b] if self.rng.random() < 0.6 else p)
        return self.rng.choice([" | ", "; ", "\n", " ", ""]).join(out)

    def next(self, i: int) -> str:
        return (self.soup, self.mutate, self.splice)[i % 3]()


SECRET = "FUZZ-OUTSIDE-SECRET-7f3a"


def make_shell(outside: str):
    from exshell.engine.budget import Budget
    from exshell.testing import make_shell as _make
    shell, host = _make(answers=["n"] * 20, interactive=False)
    shell.budget = Budget.untrusted(origin="option", max_seconds=5, max_steps=20_000,
                                    max_memory_mb=None)
    shell.drive.ensure()
    for where in (("C", "link"), ("C", "Users", "link")):
        os.symlink(outside, os.path.join(shell.drive_root, *where))
    return shell, host


def _outside_state(folder: str) -> List[Tuple[str, bytes]]:
    out = []
    for base, dirs, files in os.walk(folder):
        for name in sorted(dirs + files):
            path = os.path.join(base, name)
            data = b""
            if os.path.isfile(path) and not os.path.islink(path):
                with open(path, "rb") as fh:
                    data = fh.read(4096)
            out.append((os.path.relpath(path, folder), data))
    return sorted(out)


def _escape_check(workdir: str, outside: str, expected) -> str:
    """What changed outside the drives ("" when nothing did)."""
    now = _outside_state(outside)
    if now != expected:
        return "the folder outside changed: %r" % sorted(set(now) ^ set(expected))[:3]
    strays = [n for n in os.listdir(workdir) if n not in ("outside", "tmp")]
    strays += [n for n in os.listdir(os.path.join(workdir, "tmp"))
               if not n.startswith("exshell-drive-")]
    return "written outside the drive: %r" % strays[:3] if strays else ""


def worker(args: Tuple[int, int, int, int]) -> Dict:
    import shutil
    import tempfile
    start, count, seed, fresh = args
    gen = Generator(seed + start)
    found: Dict[str, Dict] = {"traceback": {}, "internal": {}, "escaped": {}, "drive": {}}
    counts = {"inputs": 0, "traceback": 0, "internal": 0, "escaped": 0, "drive": 0}
    # A working folder of this worker's own: drives are made in its tmp/, the links
    # point to its outside/, and nothing else may appear in it.
    workdir = tempfile.mkdtemp(prefix="exshell-fuzz-")
    outside = os.path.join(workdir, "outside")
    os.makedirs(os.path.join(outside, "sub"))
    with open(os.path.join(outside, "secret.txt"), "w") as fh:
        fh.write(SECRET)
    os.mkdir(os.path.join(workdir, "tmp"))
    saved_tempdir, saved_cwd = tempfile.tempdir, os.getcwd()
    tempfile.tempdir = os.path.join(workdir, "tmp")
    os.chdir(workdir)
    expected = _outside_state(outside)
    try:
        _work(gen, start, count, fresh, outside, workdir, expected, counts, found)
    finally:
        os.chdir(saved_cwd)
        tempfile.tempdir = saved_tempdir
        shutil.rmtree(workdir, ignore_errors=True)
    return {"counts": counts, "found": found}


def _work(gen, start, count, fresh, outside, workdir, expected, counts, found) -> None:
    shell = host = None
    for i in range(count):
        if shell is None or i % fresh == 0:
            shell, host = make_shell(outside)
        text = gen.next(start + i)
        host.clear()
        before = len(shell.internal_errors)
        try:
            shell.run(text)
        except BaseException as e:  # noqa: BLE001 - that is what we count
            if isinstance(e, KeyboardInterrupt):
                raise
            counts["escaped"] += 1
            key = "%s: %s" % (type(e).__name__, str(e)[:120])
            found["escaped"].setdefault(key, (text, traceback.format_exc()[-1500:]))
            shell = None
            counts["inputs"] += 1
            continue
        counts["inputs"] += 1
        out = host.text
        why = "the secret outside the drive was shown" if SECRET in out else ""
        if not why and i % 25 == 0:
            why = _escape_check(workdir, outside, expected)
        if why:
            counts["drive"] += 1
            found["drive"].setdefault(why, (text, out[-800:]))
            expected = _outside_state(outside)      # count each escape once
        if "Traceback (most recent call last)" in out:
            counts["traceback"] += 1
            found["traceback"].setdefault(out[-200:], (text, out[-1500:]))
        if len(shell.internal_errors) > before or "internal error" in out:
            counts["internal"] += 1
            err = shell.internal_errors[-1] if len(shell.internal_errors) > before else None
            key = ("%s: %s" % (type(err).__name__, str(err)[:120])) if err else out[-160:]
            tb = "".join(traceback.format_exception(type(err), err, err.__traceback__))[-2000:] \
                if err else out[-800:]
            found["internal"].setdefault(key, (text, tb))


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=100_000, help="inputs in all (default 100000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--fresh", type=int, default=400, help="a fresh shell every N inputs")
    ap.add_argument("--show", type=int, default=5, help="failures of each kind to print")
    opts = ap.parse_args(argv)
    os.environ.setdefault("EXSHELL_FRESH", "1")
    chunk = max(1, opts.n // (opts.jobs * 8))
    tasks = []
    done = 0
    while done < opts.n:
        n = min(chunk, opts.n - done)
        tasks.append((done, n, opts.seed, opts.fresh))
        done += n
    started = time.perf_counter()
    totals = {"inputs": 0, "traceback": 0, "internal": 0, "escaped": 0, "drive": 0}
    found: Dict[str, Dict] = {"traceback": {}, "internal": {}, "escaped": {}, "drive": {}}
    if opts.jobs > 1:
        with multiprocessing.Pool(opts.jobs) as pool:
            results = pool.imap_unordered(worker, tasks)
            for r in results:
                _merge(totals, found, r)
    else:
        for t in tasks:
            _merge(totals, found, worker(t))
    elapsed = time.perf_counter() - started
    print("inputs: %d in %.0f s (%.0f/s), seed %d" % (totals["inputs"], elapsed,
                                                      totals["inputs"] / max(elapsed, 1e-9), opts.seed))
    print("tracebacks: %d, internal errors: %d, exceptions out of Shell.run: %d, "
          "drive escapes: %d" % (totals["traceback"], totals["internal"], totals["escaped"],
                                 totals["drive"]))
    for kind in ("drive", "escaped", "internal", "traceback"):
        for key, (text, detail) in list(found[kind].items())[:opts.show]:
            print("\n--- %s: %s\ninput: %r\n%s" % (kind, key, text, detail))
    return 0 if not (totals["traceback"] or totals["internal"] or totals["escaped"]
                     or totals["drive"]) else 1


def _merge(totals, found, r) -> None:
    for k, v in r["counts"].items():
        totals[k] += v
    for kind, items in r["found"].items():
        for key, value in items.items():
            found[kind].setdefault(key, value)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

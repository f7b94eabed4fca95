"""How the report cmdlets compare with what scripts already use for the same objects.

Usage: python3 scripts/bench_reports.py [--rounds N] [--objects N]

In one process, interleaved round by round so a busy machine affects all alike:
``ConvertTo-Html`` against ``ConvertTo-Csv`` on the same objects (both turn each
object into one line), ``-As List`` against ``Format-List | Out-String``, and a
``Send-MailMessage`` of the page against writing the same page with ``Out-File``.
Prints the median CPU time of each workload and each ratio.  Not a test: the
numbers vary by machine.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from exshell.testing import make_shell  # noqa: E402

SETUP = ("$objs = foreach ($i in 1..{n}) {{ [pscustomobject]@{{Thumbprint = ('{{0:X40}}' -f $i); "
         "Subject = \"CN=mail$i.contoso.com\"; NotAfter = (Get-Date).AddDays($i); Services = 'IIS, SMTP'}} }}; "
         "$page = $objs | ConvertTo-Html | Out-String")

PAIRS = [
    ("html", "$null = $objs | ConvertTo-Html", "csv", "$null = $objs | ConvertTo-Csv -NoTypeInformation"),
    ("html-list", "$null = $objs | ConvertTo-Html -As List",
     "format-list", "$null = $objs | Format-List | Out-String"),
    ("mail", "Send-MailMessage a@contoso.com s -From b@contoso.com -SmtpServer m -Body $page -BodyAsHtml",
     "out-file", "$page | Out-File C:\\page.html"),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--objects", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as root:
        shell, _host = make_shell("2016")
        shell.drive_root = root
        shell.run(SETUP.format(n=args.objects))
        times = {name: [] for pair in PAIRS for name in (pair[0], pair[2])}
        for _ in range(args.rounds):
            for a, a_text, b, b_text in PAIRS:
                for name, text in ((a, a_text), (b, b_text)):
                    start = time.process_time()
                    result = shell.run(text)
                    times[name].append(time.process_time() - start)
                    if result.errors:
                        sys.exit("%s failed: %s" % (name, result.errors[0].message))
    for a, _, b, _ in PAIRS:
        ta, tb = statistics.median(times[a]), statistics.median(times[b])
        print("%-10s %7.3f s   %-12s %7.3f s   ratio %.2f" % (a, ta, b, tb, ta / tb))


if __name__ == "__main__":
    main()

"""``exshell lab new``: the skeleton of a lab file, every key explained in a comment.

The skeleton is a working lab (it passes ``exshell lab validate`` and can be
``exshell lab preview``-ed at once): one task on the built-in organisation of the
version chosen, with a check and a declared mistake, so an author edits from
something that works.  :func:`scaffold` returns its text.
"""
from __future__ import annotations

__all__ = ["scaffold"]

_TEMPLATE = '''# A lab for exshell (see README, "Training labs", for every key).
# Check it with:   exshell lab validate {file}
# Try it with:     exshell lab preview {file}     (as a learner; your own labs are untouched)

# What the lab list shows.  Say which Exchange version: learners pick by it.
title = "Renew the self-signed certificate (Exchange {version})"
# One or two sentences: the situation, and what the learner must achieve.
summary = """EX01's self-signed certificate from setup expires soon. Renew it and \\
make the new certificate serve IIS as well."""
# The Exchange version the lab runs on: 2007, 2010, 2013, 2016 or 2019.
version = "{version}"
# The emulated clock at the start (the world's "now": expiry dates depend on it).
clock = 2026-11-28T10:00:00
# The starting organisation: leave both out for the built-in Contoso (one server,
# EX01); or organization_file = "my-org.toml" (a path next to this file); or an
# inline definition:  organization = """ [[servers]] ... """

[[tasks]]
# A short name, unique in the lab (Get-LabTask -Id, progress files, reports).
id = "renew"
title = "Renew the certificate and enable it for IIS"
# Markdown: paragraphs, numbered lists, `inline code`, **strong**, and fenced code
# blocks (```) -- Get-LabTask renders them for the terminal.
instructions = """
EX01's self-signed certificate expires soon:

1. Look at it: `Get-ExchangeCertificate | fl`.
2. Renew it by piping it into `New-ExchangeCertificate`; answer **Y** to the SMTP
   question.
3. Enable the new certificate for IIS:

   ```
   Enable-ExchangeCertificate -Thumbprint <new> -Services IIS
   ```
"""
# Given one at a time by Get-LabHint.
hints = [
  "Get-ExchangeCertificate -Thumbprint <old> | New-ExchangeCertificate renews it.",
  "Enable-ExchangeCertificate -Thumbprint <new> -Services IIS",
]
# The reference solution: Show-LabSolution shows it, and validate runs it to prove
# that the checks below can pass.
solution = """
$old = Get-ExchangeCertificate | Where-Object {{ $_.Services -match 'IIS' }}
$new = $old | New-ExchangeCertificate
Enable-ExchangeCertificate -Thumbprint $new.Thumbprint -Services IIS
"""
# Answers to the solution's prompts, in order (the SMTP question here).
answers = ["Y"]

# What must be true at the end.  Kinds: certificate, no_certificate, tls, pfx, file,
# auth_certificate, expression, expiring_report.  Without a description, exshell
# writes one from the keys; message is added when the check fails.
[[tasks.checks]]
kind = "certificate"
new = true                    # made during the lab
issuer = "self"               # self | ca | enterprise | public
services = ["IIS", "SMTP"]
default_smtp = true
message = "Renew the certificate (answer Y to the SMTP question), then enable IIS on it."

# A check written as PowerShell: it must return $true.  Its description is what the
# learner reads, so say what is expected.
[[tasks.checks]]
kind = "expression"
script = "[string](Get-ExchangeCertificate | Sort-Object NotBefore | Select-Object -Last 1).Services -match 'IIS'"
description = "The newest certificate serves IIS"

# A mistake learners make, run by validate: it must fail check number `fails`
# (counting from 0) with an explanation that contains every word of `says`.
[[tasks.mistakes]]
script = """
$new = Get-ExchangeCertificate | Where-Object {{ $_.Services -match 'IIS' }} | New-ExchangeCertificate
Enable-ExchangeCertificate -Thumbprint $new.Thumbprint -Services IIS
"""
answers = ["N"]                   # "No" to the SMTP question
fails = 0
says = ["default SMTP certificate"]
'''


def scaffold(file_name: str, version: str = "2010") -> str:
    return _TEMPLATE.format(file=file_name, version=version)

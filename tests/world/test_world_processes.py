"""Worlds under real processes: shells killed with SIGKILL in the middle of a long
script, and two shells (two processes) taking turns on one world."""
import multiprocessing
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")

ENV = dict(os.environ, EXSHELL_CLOCK="2026-11-28T10:00:00", PYTHONUNBUFFERED="1")
ENV.pop("EXSHELL_FRESH", None)

# Every statement is one New-ExchangeCertificate: a certificate row, a key, the IIS
# binding of the server row and the counters, in one transaction.
SCRIPT = """param([int]$start)
for ($i = $start; $i -lt $start + 400; $i++) {
    New-ExchangeCertificate -DomainName "c$i.contoso.com" -Services IIS -KeySize 1024 -Force | Out-Null
    Write-Host "done $i"
}
"""


def _exshell(*args, **kw):
    return subprocess.run([sys.executable, "-m", "exshell", "-NoLogo", *args], env=ENV,
                          capture_output=True, text=True, timeout=120, **kw)


def _read_world(path):
    """(integrity, numbers of the cN certificates in My, number bound to IIS site 1)."""
    conn = sqlite3.connect(path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        from cryptography import x509
        numbers = {}
        for thumb, der in conn.execute("SELECT thumbprint, der FROM certificates WHERE store = 'My'"):
            cn = x509.load_der_x509_certificate(der).subject.rfc4514_string()
            m = re.fullmatch(r"CN=c(\d+)\.contoso\.com", cn)
            if m:
                numbers[thumb] = int(m.group(1))
        import json
        (settings,) = conn.execute("SELECT settings FROM servers WHERE name = 'EX01'").fetchone()
        bound = numbers.get(json.loads(settings)["iis"].get("1"))
    finally:
        conn.close()
    return integrity, sorted(numbers.values()), bound


def test_sigkill_during_a_long_script_keeps_every_finished_statement(tmp_path):
    world = str(tmp_path / "w.db")
    script = tmp_path / "many.ps1"
    script.write_text(SCRIPT)
    assert _exshell("-ExchangeVersion", "2016", "-State", world, "-Command", "exit").returncode == 0
    rng = random.Random(7)
    kills = 0
    done_total = 0
    deadline = time.monotonic() + 60
    while kills < 12 and time.monotonic() < deadline:
        _, numbers, _ = _read_world(world)
        start = len(numbers) + 1
        child = subprocess.Popen([sys.executable, "-m", "exshell", "-NoLogo", "-State", world,
                                  "-File", str(script), str(start)], env=ENV,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.8, 2.5))     # start-up, then some statements
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate()
        kills += 1
        assert b"Traceback" not in err
        done = [int(n) for n in re.findall(rb"done (\d+)", out)]
        integrity, numbers, bound = _read_world(world)
        assert integrity == "ok"
        assert numbers == list(range(1, len(numbers) + 1))      # no gap, nothing twice
        if done:
            assert numbers[-1] >= done[-1]                        # every finished statement
            assert numbers[-1] <= done[-1] + 1                    # (and at most the one in flight)
        if numbers:
            assert bound == numbers[-1]       # the binding came with its certificate, never apart
        done_total = len(numbers)
    assert kills >= 6 and done_total >= 5
    # The world still works as a world: a shell resumes it.
    r = _exshell("-State", world, "-Command", "(Get-ExchangeCertificate | Where-Object {$_.Subject -like 'CN=c*'}).Count")
    assert r.returncode == 0 and int(r.stdout.strip()) == done_total


# ----------------------------------------------------------------- two shells

def _serve(conn, world):
    """A shell in its own process, run by the test through a pipe; a prompt asks the
    test for the answer (so the test can act while the prompt waits)."""
    from exshell.engine.host import Host
    from exshell.shell import Shell

    class PipeHost(Host):
        width = 120
        interactive = True

        def __init__(self):
            self.out = []

        def write(self, text, stream="output", fg=None, bg=None):
            self.out.append(text)

        def read_line(self, prompt="", secure=False):
            self.out.append(prompt)
            conn.send(("prompt", "".join(self.out)))
            return conn.recv()

    host = PipeHost()
    shell = Shell(host=host, state_file=world)
    while True:
        command = conn.recv()
        if command is None:
            break
        host.out = []
        shell.run(command)
        conn.send(("done", "".join(host.out)))
    shell.close()
    conn.send(("closed", ""))


class Remote:
    def __init__(self, world):
        ctx = multiprocessing.get_context("fork")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, world), daemon=True)
        self.process.start()

    def send(self, command):
        self.conn.send(command)

    def wait(self, timeout=60):
        assert self.conn.poll(timeout), "the shell did not answer"
        return self.conn.recv()

    def run(self, command):
        self.send(command)
        kind, text = self.wait()
        assert kind == "done", text
        return text

    def close(self):
        self.conn.send(None)
        self.wait()
        self.process.join(10)


def test_two_shells_take_turns_on_one_world(tmp_path):
    world = str(tmp_path / "w.db")
    assert _exshell("-ExchangeVersion", "2016", "-State", world, "-Command", "exit").returncode == 0
    a, b = Remote(world), Remote(world)
    try:
        a.run("$new = New-ExchangeCertificate -DomainName shared.contoso.com -Services IIS -Force")
        thumb = a.run("$new.Thumbprint").strip()
        assert re.fullmatch(r"[0-9A-F]{40}", thumb)
        # B sees A's certificate at its next command, Services and all.
        assert "IIS" in b.run("(Get-ExchangeCertificate -Thumbprint %s).Services" % thumb)
        # Both remove it: the second gets "not found", as from a real server.
        assert a.run("Remove-ExchangeCertificate -Thumbprint %s -Confirm:$false" % thumb).strip() == ""
        second = b.run("Remove-ExchangeCertificate -Thumbprint %s -Confirm:$false" % thumb)
        assert "was not found" in second and thumb in second
        # No lost update: each changes one setting of the same server.
        a.run("Set-PopSettings -X509CertificateName pop.contoso.com")
        b.run("Set-ImapSettings -X509CertificateName imap.contoso.com")
        both = a.run("(Get-PopSettings).X509CertificateName; (Get-ImapSettings).X509CertificateName")
        assert both.split() == ["pop.contoso.com", "imap.contoso.com"]
        # A waits at a prompt: B can still change the world meanwhile.
        a.send("Remove-ExchangeCertificate -Thumbprint (Get-ExchangeCertificate | "
               "Where-Object {$_.Subject -like '*WMSvc*'}).Thumbprint")
        kind, text = a.wait()
        assert kind == "prompt" and "Are you sure" in text
        b.run("New-SendConnector WhileAWaits -AddressSpaces * | Out-Null")   # not blocked by A
        a.conn.send("Y")
        kind, text = a.wait()
        assert kind == "done"
        assert a.run("(Get-SendConnector).Name").split() == ["WhileAWaits"]
        assert "WMSvc" not in b.run("Get-ExchangeCertificate | Format-List Subject")
    finally:
        a.close()
        b.close()

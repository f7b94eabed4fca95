"""Learners over SSH, with the real OpenSSH client against ``exshell serve``: who gets
in (keys, passwords, nobody else), a lab solved without a terminal passes on the
dashboard, each learner's own world (different thumbprints), the full REPL on a
terminal (Ctrl-C stops a running command), a dropped connection resumes, bad input
does not hurt the server, and a restart keeps everything."""
import os
import re
import signal
import subprocess
import time

import pexpect

from .conftest import SSH, SSH_OPTIONS, needs_ssh

pytestmark = needs_ssh

PROMPT = r"\[PS\] C:\\Windows\\system32>"

#: The renewal lab as a learner would type it, with the answers to its two prompts.
RENEWAL = """$old = Get-ExchangeCertificate
$new = $old | New-ExchangeCertificate
Y
Enable-ExchangeCertificate -Thumbprint $new.Thumbprint -Services IIS
Test-LabTask
Remove-ExchangeCertificate -Thumbprint $old.Thumbprint
Y
Test-LabTask
exit
"""


def thumbprints(text):
    return re.findall(r"\b[0-9A-F]{40}\b", text)


def test_key_login_lists_the_class(server):
    done = server.ssh("alice", "list")
    assert done.returncode == 0, done.stderr
    assert "Test class <i>December</i>" in done.stdout
    assert "Hello Alice <b>Martin</b>." in done.stdout
    assert "renew-2010" in done.stdout and "enterprise-ca" in done.stdout


def test_a_key_logs_in_only_as_its_own_learner(server):
    # bob's key for alice, an unknown key, an unknown user: all refused.
    for learner, key in (("alice", server.keys["bob"]), ("alice", server.keys["mallory"]),
                         ("mallory", server.keys["mallory"]), ("bob", server.keys["alice"])):
        done = server.ssh(learner, "list", key=key)
        assert done.returncode == 255, (learner, done.stdout)
        assert "Permission denied" in done.stderr
        assert "Hello" not in done.stdout
    assert "refused key for 'alice'" in server.log


def test_password_login(server, tmp_path):
    askpass = tmp_path / "askpass"

    def login(password):
        askpass.write_text("#!/bin/sh\necho '%s'\n" % password)
        askpass.chmod(0o700)
        env = dict(os.environ, SSH_ASKPASS=str(askpass), SSH_ASKPASS_REQUIRE="force",
                   DISPLAY=":0")
        return subprocess.run(
            [SSH, *SSH_OPTIONS, "-o", "PubkeyAuthentication=no", "-o", "NumberOfPasswordPrompts=1",
             "-o", "PreferredAuthentications=password", "-p", str(server.ssh_port), "-T",
             "bob@127.0.0.1", "list"], capture_output=True, text=True, env=env, timeout=60,
            stdin=subprocess.DEVNULL)
    done = login("bob-secret-42")
    assert done.returncode == 0, done.stderr
    assert "Hello bob." in done.stdout
    wrong = login("bob-secret-43")
    assert wrong.returncode == 255 and "Permission denied" in wrong.stderr


def test_a_lab_solved_over_ssh_passes_on_the_dashboard(server):
    done = server.ssh("bob", "renew-2010", input=RENEWAL)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stdout.count("PASSED") == 2, done.stdout
    assert "Well done: every task of this lab is done." in done.stdout
    bob = server.learner("bob")
    tasks = bob["labs"]["renew-2010"]["tasks"]
    assert tasks["renew"]["passed"] is True and tasks["remove-old"]["passed"] is True
    assert tasks["renew"]["attempts"] == 1
    assert bob["labs"]["renew-2010"]["tasks_done"] == 2
    # The command log: the answer to each prompt, in order, with the command.
    log = server.api("/api/learner/%s" % bob["slug"])["learner"]["commands"]
    texts = [c["text"] for c in log if c["lab"] == "renew-2010"]
    assert texts[:3] == ["$old = Get-ExchangeCertificate", "$new = $old | New-ExchangeCertificate",
                         "Enable-ExchangeCertificate -Thumbprint $new.Thumbprint -Services IIS"]
    renew = next(c for c in log if c["text"] == "$new = $old | New-ExchangeCertificate")
    assert renew["answers"] == ["Y"] and renew["status"] == "Completed"


def test_two_learners_see_different_thumbprints(server):
    seen = {}
    for learner in ("alice", "bob"):
        done = server.ssh(learner, "enterprise-ca", input="Get-ExchangeCertificate | fl Thumbprint\n")
        assert done.returncode == 0, done.stderr
        seen[learner] = set(thumbprints(done.stdout))
        assert seen[learner]
    assert seen["alice"].isdisjoint(seen["bob"])
    # And again the same for each: their world is kept.
    again = server.ssh("alice", "enterprise-ca", input="Get-ExchangeCertificate | fl Thumbprint\n")
    assert set(thumbprints(again.stdout)) == seen["alice"]


def spawn(server, learner, *command):
    child = pexpect.spawn(server.ssh_args(learner, *command, tty=True)[0],
                          server.ssh_args(learner, *command, tty=True)[1:], encoding="utf-8",
                          timeout=30, dimensions=(40, 140),
                          env=dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1"))
    return child


def test_the_terminal_repl_and_ctrl_c(server):
    child = spawn(server, "alice")
    child.expect("Lab: ")
    child.sendline("2")                    # by number from the menu
    child.expect(PROMPT)
    child.send("Get-ExchangeCert\t")       # Tab completion on the server's shell
    child.expect("Get-ExchangeCertificate")
    child.send("\r")
    child.expect("Thumbprint")
    child.expect(PROMPT)
    child.sendline("$i = 0; while ($true) { $i++ }")
    time.sleep(1.5)
    child.sendcontrol("c")                 # stops the running command, not the session
    child.expect(PROMPT, timeout=10)
    child.sendline("$i -gt 1000")
    child.expect("True")
    child.expect(PROMPT)
    child.sendline("exit")
    child.expect("Lab: ")                   # back at the menu
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_a_dropped_connection_loses_nothing_and_resumes(server):
    child = spawn(server, "alice", "renew-2010")
    child.expect(PROMPT)
    child.sendline("$new = Get-ExchangeCertificate | New-ExchangeCertificate")
    child.expect(r"\(default is \"Y\"\):")
    child.sendline("Y")
    child.expect(PROMPT)
    child.sendline("Remove-ExchangeCertificate -Thumbprint $new.Thumbprint")
    child.expect(r"\(default is \"Y\"\):")
    os.kill(child.pid, signal.SIGKILL)      # the connection drops in the middle of a prompt
    child.close()
    done = server.wait_for(lambda: (lambda r: r if r.returncode == 0 else None)(
        server.ssh("alice", "renew-2010", input="Get-ExchangeCertificate\n")),
        what="alice to get back in")
    # The renewal was kept; the removal never happened (it was waiting for its answer).
    assert len(thumbprints(done.stdout.split("Get-ExchangeCertificate", 1)[-1])) == 2
    log = server.api("/api/learner/%s" % server.learner("alice")["slug"])["learner"]["commands"]
    assert any(c["text"].startswith("$new = ") and c["answers"] == ["Y"] for c in log)
    assert server.proc.poll() is None


def test_bad_input_does_not_hurt_the_server(server):
    garbage = bytes(range(256)) * 40 + b"\xff\xfe\xc3(\n" + b"x" * 200_000 + b"\n"
    done = subprocess.run(server.ssh_args("alice", "renew-2010"), input=garbage,
                          capture_output=True, timeout=60)
    assert b"Traceback" not in done.stdout + done.stderr
    for command in ("no-such-lab", "", "list extra words", "renew-2010 -Fresh"):
        server.ssh("alice", command, input="\x00\x1b[31m\n")
    child = spawn(server, "alice")
    child.expect("Lab: ")
    child.send("\x1b[A\x1b[D\x7f\x7f\x03nonsense\r")
    child.expect("There is no lab")
    child.sendline("q")
    child.expect(pexpect.EOF)
    assert server.proc.poll() is None
    assert server.ssh("alice", "list").returncode == 0
    assert "internal error" not in server.log


def test_a_restart_keeps_worlds_progress_and_logs(server):
    before = server.ssh("bob", "enterprise-ca", input="Get-ExchangeCertificate | fl Thumbprint\n")
    summary = server.learner("bob")
    fingerprint = re.search(r"Host key:\s+(\S+)", server.log).group(1)
    key = os.path.join(server.data, "ssh_host_ed25519_key")
    assert os.stat(key).st_mode & 0o777 == 0o600
    server.stop()
    server.start()
    assert re.search(r"Host key:\s+(\S+)", server.log).group(1) == fingerprint   # made once
    after = server.ssh("bob", "enterprise-ca", input="Get-ExchangeCertificate | fl Thumbprint\n")
    assert set(thumbprints(after.stdout)) == set(thumbprints(before.stdout))
    again = server.learner("bob")
    assert again["labs"]["renew-2010"]["tasks"] == summary["labs"]["renew-2010"]["tasks"]
    assert again["labs"]["renew-2010"]["commands"] == summary["labs"]["renew-2010"]["commands"]

"""A real class server for the tests: ``python -m exshell serve`` on free loopback
ports (-SshPort 0 -WebPort 0), driven with Debian's OpenSSH client (``ssh``) and
plain HTTP; one server per test module (starting one takes a few seconds: the
session factory warms up)."""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

SSH = shutil.which("ssh")
SSH_KEYGEN = shutil.which("ssh-keygen")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

needs_ssh = pytest.mark.skipif(not (SSH and SSH_KEYGEN),
                               reason="OpenSSH's ssh and ssh-keygen are not installed")

#: The options of every ssh call: no host key prompts or files, only the key given.
SSH_OPTIONS = ["-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
               "-o", "GlobalKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
               "-o", "IdentitiesOnly=yes", "-o", "ConnectTimeout=20", "-F", "/dev/null"]


def make_key(folder, name):
    path = os.path.join(str(folder), name)
    subprocess.run([SSH_KEYGEN, "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path],
                   check=True)
    with open(path + ".pub") as fh:
        return path, fh.read().strip()


def roster_text(keys, *, labs=("renew-2010", "enterprise-ca"), extra="", learners_extra=""):
    """A roster: alice and bob with keys (bob also with a password), and a learner
    whose name is HTML (never logs in: the dashboard must escape it)."""
    return """title = "Test class <i>December</i>"
labs = [%s]
%s

[[learners]]
name = "alice"
full_name = "Alice <b>Martin</b>"
public_key = "%s"

[[learners]]
name = "bob"
public_key = "%s"
password = "bob-secret-42"

[[learners]]
name = "<script>alert(1)</script>"
password = "never-used-1"
%s
""" % (", ".join('"%s"' % l for l in labs), extra, keys["alice"][1], keys["bob"][1],
       learners_extra)


class Server:
    """``exshell serve`` in a subprocess; its ports and token read from what it prints."""

    def __init__(self, folder, roster, keys):
        self.folder = str(folder)
        self.roster = os.path.join(self.folder, "class.toml")
        self.data = os.path.join(self.folder, "data")
        with open(self.roster, "w") as fh:
            fh.write(roster)
        self.keys = keys
        self.proc = None
        self.lines = []

    def start(self, timeout=90):
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.lines = []
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "exshell", "serve", "-Roster", self.roster, "-Data", self.data,
             "-SshPort", "0", "-WebPort", "0"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True)
        deadline = time.time() + timeout
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            self.lines.append(line)
            if "Ctrl-C stops" in line:
                break
        text = "".join(self.lines)
        match = re.search(r"ssh -p (\d+) ", text)
        assert match, "the server did not start:\n" + text
        self.ssh_port = int(match.group(1))
        self.web = re.search(r"(http://127\.0\.0\.1:\d+)/login", text).group(1)
        self.token = re.search(r"Token:\s+(\S+)", text).group(1)
        threading.Thread(target=self._drain, daemon=True).start()
        return self

    def _drain(self):
        for line in self.proc.stdout:
            self.lines.append(line)

    @property
    def log(self):
        return "".join(self.lines)

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    # -- SSH ---------------------------------------------------------------------------
    def ssh_args(self, learner, *command, key=None, tty=False):
        key_path = (key or self.keys[learner])[0]
        return [SSH, *SSH_OPTIONS, "-o", "BatchMode=yes", "-o", "PasswordAuthentication=no",
                "-i", key_path, "-p", str(self.ssh_port), "-tt" if tty else "-T",
                "%s@127.0.0.1" % learner, *command]

    def ssh(self, learner, *command, input="", key=None, timeout=60):
        return subprocess.run(self.ssh_args(learner, *command, key=key), input=input,
                              capture_output=True, text=True, timeout=timeout)

    # -- HTTP --------------------------------------------------------------------------
    def http(self, path, *, token=True, method="GET", data=None, headers=None):
        request = urllib.request.Request(self.web + path, method=method, data=data,
                                         headers=dict(headers or {}))
        if token:
            request.add_header("Authorization", "Bearer " + (self.token if token is True
                                                             else token))
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, dict(response.headers), response.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read().decode("utf-8")

    def api(self, path="/api/class"):
        status, _, body = self.http(path)
        assert status == 200, body
        return json.loads(body)

    def learner(self, name):
        return next(l for l in self.api()["learners"] if l["name"] == name)

    def wait_for(self, predicate, timeout=20, what="a condition"):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = predicate()
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError("timed out waiting for %s\n%s" % (what, self.log[-3000:]))


@pytest.fixture(scope="session")
def keys(tmp_path_factory):
    if not (SSH and SSH_KEYGEN):
        pytest.skip("OpenSSH's ssh and ssh-keygen are not installed")
    folder = tmp_path_factory.mktemp("keys")
    return {name: make_key(folder, name) for name in ("alice", "bob", "mallory")}


@pytest.fixture(scope="module")
def server(tmp_path_factory, keys):
    srv = Server(tmp_path_factory.mktemp("class"), roster_text(keys, extra=(
        "[limits]\nmax_seconds = 60\nmax_steps = 500000000\n")), keys).start()
    yield srv
    srv.stop()

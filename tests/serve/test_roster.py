"""The class roster: what a valid one gives, and every mistake reported with its file,
line and key (never a traceback); ``exshell serve -Check``; the class database."""
import os
import subprocess
import sys

import pytest

from exshell.serve.classdb import ClassDB, ClassDBError, ProgressStore
from exshell.serve.roster import RosterError, learner_slug, load_roster, parse_public_key

ED = ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHfWmPGoKMn2mc1Nx9a8KkdxQPv+Yb7GVb4XZMzz8vXy "
      "alice@laptop")
ED2 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOnLk0lwpsaPKdFxqH8XBiHjJwHHm8SK7UuVBuKRl/Ur bob"


def roster(text, tmp_path):
    path = tmp_path / "class.toml"
    path.write_text(text)
    return load_roster(str(path))


def issues(text, tmp_path):
    with pytest.raises(RosterError) as e:
        roster(text, tmp_path)
    return [(i.line, i.key, i.message) for i in e.value.issues]


def test_a_roster(tmp_path):
    (tmp_path / "mine.toml").write_text(
        (open(os.path.join(os.path.dirname(__file__), "..", "..", "exshell", "data", "labs",
                           "renew-2010.toml")).read()))
    r = roster('''title = "December"
labs = ["renew-2010", "mine.toml", "3"]
exam = true
time_limit_minutes = 90
warn_minutes = [1, 10]
[limits]
max_seconds = 5
[[learners]]
name = "alice"
full_name = "Alice Martin"
public_key = "%s"
[[learners]]
name = "bob"
public_keys = ["%s"]
password = "pw"
''' % (ED, ED2), tmp_path)
    assert r.title == "December" and r.exam and r.time_limit_minutes == 90
    assert [lab.id for lab in r.labs] == ["renew-2010", "mine", "enterprise-ca"]
    assert r.warn_minutes == (10.0, 1.0) and r.limits["max_seconds"] == 5
    assert r.limits["max_steps"] == 2_000_000           # the others keep their default
    alice = r.learner("alice")
    assert alice.keys == [parse_public_key(ED)] and alice.password is None
    assert r.learner("bob").password == "pw" and r.uses_passwords
    assert r.learner("Alice") is None                    # SSH user names are exact
    assert r.by_slug(alice.slug) is alice and r.lab("2").id == "mine"


def test_every_mistake_with_its_line_and_key(tmp_path):
    found = issues('''title = 3
labs = ["renew-2010", "no-such-lab", "renew-2010"]
exam = "yes"
time_limit_minutes = -5
trainer_token = "short"
colour = "blue"

[limits]
max_seconds = 0
max_cpu = 3

[[learners]]
name = "alice"
public_key = "ssh-ed25519 AAAA-not-base64"

[[learners]]
name = "ALICE"
password = "x"

[[learners]]
full_name = "Nobody"

[[learners]]
name = "carol"

[[learners]]
name = "dave"
public_key = "%s"
[[learners]]
name = "erin"
public_key = "%s"
''' % (ED, ED), tmp_path)
    lines = {(line, key) for line, key, _ in found}
    assert (1, "title") in lines and (3, "exam") in lines and (4, "time_limit_minutes") in lines
    assert (5, "trainer_token") in lines and (6, "colour") in lines
    assert (9, "limits.max_seconds") in lines and (10, "limits.max_cpu") in lines
    assert (14, "learners[0].public_key") in lines
    assert (17, "learners[1].name") in lines                 # the name is taken (any case)
    assert (20, "learners[2].name") in lines                 # no name at all
    assert (23, "learners[3]") in lines                      # neither key nor password
    assert (31, "learners[5].public_key") in lines           # dave's key is not erin's too
    messages = " ".join(m for _, _, m in found)
    assert "no lab 'no-such-lab'" in messages and "listed twice" in messages
    assert "already dave's" in messages


@pytest.mark.parametrize("text, expected", [
    ("labs = [", "not valid TOML"),
    ("labs = []\n[[learners]]\nname='a'\npassword='p'", "at least one"),
    ('labs = ["renew-2010"]', "no [[learners]]"),
    ('labs = ["renew-2010"]\nlearners = 3', "[[learners]] tables"),
    ('labs = ["renew-2010"]\n[[learners]]\nname = " padded "\npassword = "p"', "spaces around"),
    ('labs = ["renew-2010"]\n[[learners]]\nname = "a\\u0007"\npassword = "p"', "control"),
    ("a = " + "[" * 5000 + "]" * 5000, "not valid TOML"),
])
def test_odd_rosters(tmp_path, text, expected):
    found = issues(text, tmp_path)
    assert expected in " ".join(m for _, _, m in found)


def test_unreadable_rosters(tmp_path):
    (tmp_path / "bin.toml").write_bytes(b"title = \"\xff\xfe\"\n")
    with pytest.raises(RosterError) as e:
        load_roster(str(tmp_path / "bin.toml"))
    assert "not UTF-8" in str(e.value) and "line 1" in str(e.value)
    with pytest.raises(RosterError) as e:
        load_roster(str(tmp_path / "missing.toml"))
    assert "cannot read the roster" in str(e.value)


def test_public_keys_and_slugs():
    assert parse_public_key(ED) == parse_public_key(ED.rsplit(" ", 1)[0] + " other comment")
    assert parse_public_key("ssh-rsa " + ED.split()[1]) is None     # the blob says ed25519
    assert parse_public_key("ssh-ed25519") is None
    assert parse_public_key('from="1.2.3.4" ' + ED) is None
    assert learner_slug("alice") != learner_slug("Alice")
    assert learner_slug("<script>").startswith("script-")
    assert all(c.isalnum() or c == "-" for c in learner_slug("é ü/../x"))


def test_exshell_serve_check_and_usage(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('labs = ["renew-2010"]\n[[learners]]\nname = "a"\npassword = "p"\n')
    run = lambda *a: subprocess.run([sys.executable, "-m", "exshell", "serve", *a],
                                    capture_output=True, text=True, timeout=60)
    done = run("-Roster", str(path), "-Check")
    assert done.returncode == 0 and "1 lab(s), 1 learner(s)" in done.stdout
    path.write_text('labs = ["nope"]\n')
    done = run("-ros", str(path), "-ch")
    assert done.returncode == 2 and "c.toml, line 1: no lab 'nope'" in done.stderr
    assert "Traceback" not in done.stderr
    assert run("-Roster").returncode == 2
    assert run("-Roster", str(path), "-SshPort", "70000").returncode == 2
    assert run("-Bogus").returncode == 2
    helped = run("-Help")
    assert helped.returncode == 0 and "-WebPort" in helped.stdout and "-HostKey" in helped.stdout
    main_help = subprocess.run([sys.executable, "-m", "exshell", "-Help"], capture_output=True,
                               text=True, timeout=60)
    assert "exshell serve -Roster class.toml" in main_help.stdout


def test_the_class_database(tmp_path):
    db = ClassDB(str(tmp_path / "class.db"))
    assert oct(os.stat(tmp_path / "class.db").st_mode & 0o777) == "0o600"
    secret = db.secret()
    assert db.secret() == secret and len(secret) == 64

    class P:
        def __init__(self, data):
            self.data = data

        def as_dict(self):
            return dict(self.data)
    store = ProgressStore(db, "alice", "renew-2010")
    store.save(P({"hints_used": {"renew": 1}, "passed": {"renew": "T"}, "seconds": 12.5,
                  "commands": [{"text": "not kept here"}]}))
    store.log(P({"seconds": 13.0}), {"text": "Get-Date", "answers": ["Y"],
                                     "errors": [{"id": "X", "message": "<b>"}]})
    assert db.progress("alice", "renew-2010") == {"seconds": 13.0}
    [entry] = db.commands("alice")
    assert entry["text"] == "Get-Date" and entry["answers"] == ["Y"]
    assert db.command_counts()[("alice", "renew-2010")]["errors"] == 1
    db.set_results("alice", "renew-2010", [{"id": "renew", "passed": True, "checks": []}], "test")
    assert db.results()[("alice", "renew-2010", "renew")]["passes"] is True
    db.save_progress("alice", "renew-2010", {"passed": {"renew": "T"}, "resets": 1})
    db.reset_lab("alice", "renew-2010")
    assert db.progress("alice", "renew-2010")["passed"] == {}
    assert db.progress("alice", "renew-2010")["resets"] == 2
    assert db.results() == {}
    # Time: started once, more time reopens a learner closed by time (not by the exam).
    assert db.start_clock("alice", now=100.0) == 100.0 and db.start_clock("alice") == 100.0
    assert db.close_learner("alice", "time") and not db.close_learner("alice", "time")
    db.add_time("alice", 600)
    state = db.learner_state("alice")
    assert state["closed_at"] is None and state["extra_seconds"] == 600
    db.close_learner("alice", "exam")
    db.add_time("alice", 60)
    assert db.learner_state("alice")["closed_why"] == "exam"
    db.close()
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    with pytest.raises(ClassDBError):
        ClassDB(str(tmp_path / "junk.db"))

"""The HTML lab report as a browser shows it: headless Chromium renders the page and
the test reads the DOM after rendering (title, tasks, checks, hints, attempts, time,
commands typed), and takes a screenshot at 1200x900.

Needs Debian's ``chromium`` package (``.ci/run`` installs it); skipped only when
``/usr/bin/chromium`` is absent.
"""
import os
import re
import struct
import subprocess
from html.parser import HTMLParser

import pytest

from exshell import cli
from exshell.host import RecordingHost
from exshell.labs.cli import find_lab, open_session
from exshell.labs.report import render_html, report_data

CHROMIUM = "/usr/bin/chromium"

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                reason="Debian's chromium package is not installed")

#: Flags for a quiet, offline, throw-away browser (no sandbox: CI runs as root).
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

#: Wall-clock time the learner spent (Progress measures it with time.monotonic; the
#: test sets it instead of waiting).
SECONDS_SPENT = 754      # 12 min 34 s


def chromium(tmp_path, page, *extra):
    profile = tmp_path / ("profile-%d" % len(list(tmp_path.glob("profile-*"))))
    done = subprocess.run([CHROMIUM, *FLAGS, "--user-data-dir=%s" % profile, *extra,
                           page.resolve().as_uri()],
                          capture_output=True, text=True, timeout=25)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class _Texts(HTMLParser):
    """The text of the <title> and of every element with an id (its whole subtree)."""

    VOID = {"meta", "br", "img", "link", "input", "hr"}

    def __init__(self):
        super().__init__()
        self.open = []          # [tag, id or None] of the open elements
        self.texts = {}

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        ident = dict(attrs).get("id") or ("title" if tag == "title" else None)
        if ident:
            self.texts[ident] = ""
        self.open.append((tag, ident))

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data):
        for _, ident in self.open:
            if ident:
                self.texts[ident] += " " + data   # cells/terms are separate words


def texts(dom):
    parser = _Texts()
    parser.feed(dom)
    return {k: " ".join(v.split()) for k, v in parser.texts.items()}


@pytest.fixture
def learner(tmp_path):
    """A learner's lab folder: task 1 passed on the second attempt with two hints,
    task 2 tried once and still failing.  Returns (lab, root, commands typed)."""
    lab = find_lab("renew-2010")
    root = tmp_path / "labs"
    ls = open_session(lab, host=RecordingHost([], interactive=True), root=str(root))
    typed = ["Get-LabHint", "Get-LabHint", "Test-LabTask", lab.tasks[0].solution.strip(),
             "Test-LabTask", "Test-LabTask"]
    try:
        for command in typed:
            ls.shell.host.answers = ["Y"]
            ls.shell.run(command)
        assert ls.shell.internal_errors == []
        ls.progress.learner = "Alex <admin>"
        ls.progress.seconds = SECONDS_SPENT
        ls.progress.save()
    finally:
        ls.shell.close()
    return lab, root, typed


def test_report_as_rendered_by_chromium(learner, tmp_path):
    lab, root, _ = learner
    page = tmp_path / "report.html"
    assert cli.main(["lab", "report", lab.id, "-Format", "html", "-Out", str(page),
                     "-Root", str(root)]) == 0
    dom = chromium(tmp_path, page, "--dump-dom")
    # Chromium's serialisation of the rendered DOM, not the file we wrote.
    assert dom != page.read_text() and "</body></html>" in dom
    t = texts(dom)
    assert t["title"] == "Lab report: %s (Alex <admin>)" % lab.title
    summary = t["summary"]
    assert "Learner Alex <admin>" in summary
    assert "Time spent 12 min 34 s" in summary
    assert "Tasks done 1 of 2" in summary and "Exchange 2010" in summary
    # The table: number, title, status, attempts, hints used of hints, solution shown.
    renew, remove = lab.tasks
    assert t["row-renew"].startswith("1 %s done 2 2 of %d no 20" % (renew.title, len(renew.hints)))
    assert t["row-renew"].endswith(" UTC")
    assert t["row-remove-old"] == "2 %s not yet 1 0 of %d no -" % (remove.title, len(remove.hints))
    # The checks of each task as they stand now.
    assert t["task-renew"].startswith("Task 1: %s (done) PASS " % renew.title)
    assert "FAIL" not in t["task-renew"]
    second = t["task-remove-old"]
    assert second.startswith("Task 2: %s (not yet)" % remove.title)
    assert "FAIL EX01 no longer has its original certificate" in second
    assert "26AB4ED1EFF22AB001479E854A8DE78434C6364E" in second
    assert "PASS The new certificate still serves IIS and SMTP" in second
    # Escaping survived the browser: the learner's name is text, not an element.
    assert "<admin>" not in dom.replace("&lt;admin&gt;", "")


def test_commands_typed_as_rendered(learner, tmp_path):
    lab, root, typed = learner
    data = report_data(lab, str(root))
    # What the session recorded, not what the test remembers typing.
    assert data["commands"] == typed
    page = tmp_path / "commands.html"
    page.write_text(render_html(data), encoding="utf-8")
    t = texts(chromium(tmp_path, page, "--dump-dom"))
    assert "Commands typed %d" % len(typed) in t["summary"]
    listed = t["commands"]
    # Each command follows when it ran and how long it took ('12:41:19, 0.9 s').
    when = r"\d\d:\d\d:\d\d, \d+\.\d s "
    assert re.match("%sGet-LabHint %sGet-LabHint %sTest-LabTask %s\\$old = " % ((when,) * 4),
                    listed), listed
    assert listed.count("Test-LabTask") == 3


def test_screenshot_is_a_full_page(learner, tmp_path):
    lab, root, _ = learner
    page = tmp_path / "report.html"
    assert cli.main(["lab", "report", lab.id, "-Format", "html", "-Out", str(page),
                     "-Root", str(root)]) == 0
    png = tmp_path / "report.png"
    chromium(tmp_path, page, "--screenshot=%s" % png, "--window-size=1200,900")
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", head[16:24]) == (1200, 900)

"""README.md's set-up commands are the ones that work on a fresh machine, and CI runs them.

The always-on tests check the README's blocks against ``.ci/run`` and against each other
(POSIX and Windows say the same steps).  ``test_first_command_in_a_fresh_clone`` runs the
README's first command for real -- a new virtual environment and ``pip install`` in a clean
``git clone`` -- and the test command's collection in it; it takes a few tens of seconds,
so it runs when ``EXSHELL_TEST_README=1`` (``.ci/run`` sets it) and is skipped otherwise.
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

import exshell

ROOT = pathlib.Path(__file__).resolve().parents[2]


def setup_blocks():
    """The fenced blocks of the README's "Set-up" section, by language: {'sh': [...], 'bat': [...]}."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Set-up\n", 1)[1].split("\n## ", 1)[0]
    blocks = {}
    for lang, body in re.findall(r"```(\w+)\n(.*?)```", section, re.S):
        blocks[lang] = [line.strip() for line in body.splitlines() if line.strip()]
    return blocks


def test_readme_gives_posix_and_windows_commands():
    blocks = setup_blocks()
    assert blocks["sh"] == [
        "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/exshell",
        ".venv/bin/python -m pytest -q",
    ]
    # Windows: the same four steps, with the launcher and the Scripts folder.
    steps = [re.sub(r"^(py|\.venv\\Scripts\\\w+)", lambda m: m.group(1).split("\\")[-1], line)
             for line in blocks["bat"]]
    assert steps == ["py -m venv .venv", 'pip install ".[test]"', "exshell", "python -m pytest -q"]


def test_ci_runs_exactly_the_readme_commands():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in script.splitlines() if line and not line.startswith(("#", " "))]
    run_lines = [line for line in commands if ".venv" in line]
    # The shell's stdin is empty in CI (</dev/null), otherwise the commands are verbatim.
    assert [line.replace(" </dev/null", "") for line in run_lines] == setup_blocks()["sh"]
    assert "export EXSHELL_TEST_README=1" in commands
    for package in ("python3-venv", "chromium", "openssh-client"):
        assert "need+=(%s)" % package in script


def test_version_option_prints_the_package_version():
    for spelling in ("--version", "-Version", "-v", "-ver"):
        proc = subprocess.run([sys.executable, "-m", "exshell", spelling], capture_output=True,
                              text=True, timeout=60)
        assert (proc.returncode, proc.stdout, proc.stderr) == (0, "exshell %s\n" % exshell.__version__, "")


@pytest.mark.skipif(os.environ.get("EXSHELL_TEST_README") != "1",
                    reason="runs in CI (.ci/run sets EXSHELL_TEST_README=1): pip install in a fresh venv")
def test_first_command_in_a_fresh_clone(tmp_path):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.fail("EXSHELL_TEST_README=1 needs a git checkout and git")
    clone = tmp_path / "exshell"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, timeout=120)
    env = {k: v for k, v in os.environ.items()
           if k not in ("EXSHELL_TEST_README", "VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env.update(NO_COLOR="1", EXSHELL_DETERMINISTIC="1", EXSHELL_CLOCK="2026-11-28T10:00:00")
    install, test = setup_blocks()["sh"]
    # The shell at the end of the first command reads its commands from stdin (not a terminal).
    proc = subprocess.run(["bash", "-c", install], cwd=clone, env=env, capture_output=True, text=True,
                          input="Get-ExchangeCertificate | Format-List Subject,Services\n", timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert re.search(r"Subject\s+: CN=EX01\nServices\s+: IMAP, POP, IIS, SMTP", proc.stdout), proc.stdout[-2000:]
    version = subprocess.run([str(clone / ".venv" / "bin" / "exshell"), "--version"], cwd=clone,
                             env=env, capture_output=True, text=True, timeout=60)
    assert version.stdout == "exshell %s\n" % exshell.__version__
    # The test command, collecting only: every test module imports in the fresh install.
    collect = subprocess.run(["bash", "-c", test + " --collect-only"], cwd=clone, env=env,
                             capture_output=True, text=True, timeout=300)
    assert collect.returncode == 0, collect.stdout[-3000:]
    assert re.search(r"^\d+ tests collected", collect.stdout, re.M), collect.stdout[-2000:]

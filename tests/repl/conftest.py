"""Fixtures for the REPL tests: a deterministic shell, and the ``terminal`` marker
(real-terminal tests; they run by default, ``-m "not terminal"`` skips them)."""
from __future__ import annotations

import pytest


def pytest_configure(config):
    config.addinivalue_line("markers", "terminal: drives python -m exshell in a real terminal (tmux)")


@pytest.fixture
def shell():
    from exshell.testing import make_shell
    sh, _host = make_shell("2010")
    return sh


@pytest.fixture
def shell2013():
    from exshell.testing import make_shell
    sh, _host = make_shell("2013")
    return sh


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A temporary HOME (and no XDG_DATA_HOME) so no test touches the user's history."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    return tmp_path

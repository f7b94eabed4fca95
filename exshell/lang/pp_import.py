"""Importing pyparsing without what the shell never uses.

``import pyparsing`` also imports ``pyparsing.testing``, and with it the standard
library's ``unittest`` (about a tenth of the shell's start-up).  :func:`pyparsing`
imports the package with a stand-in for that one module: its ``pyparsing_test`` loads
the real module the first time anything of it is used, so nothing changes for code that
does use it.
"""
from __future__ import annotations

import importlib
import sys
import types

__all__ = ["pyparsing"]


class _LazyTesting:
    """Stands for ``pyparsing.testing.pyparsing_test`` until it is used."""

    def __getattr__(self, name):
        return getattr(_real_testing().pyparsing_test, name)


def _real_testing():
    stub = sys.modules.get("pyparsing.testing")
    real = getattr(stub, "_real", None)
    if real is None:
        del sys.modules["pyparsing.testing"]
        real = importlib.import_module("pyparsing.testing")
        stub._real = real
    return real


def pyparsing():
    """The pyparsing package (imported once; ``unittest`` only when used)."""
    module = sys.modules.get("pyparsing")
    if module is not None:
        return module
    stub = types.ModuleType("pyparsing.testing")
    stub.pyparsing_test = _LazyTesting()
    stub._real = None
    sys.modules["pyparsing.testing"] = stub
    try:
        return importlib.import_module("pyparsing")
    except BaseException:
        sys.modules.pop("pyparsing.testing", None)
        raise

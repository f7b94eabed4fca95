"""Deterministic organisations for the Exchange model tests (imported by conftest
and by test modules; pytest puts this directory on sys.path).

Every organisation here uses a FixedClock, the lab key pool (a fresh
PoolKeySource, so the same keys in the same order every time) and
CountingSerials, which makes every certificate -- and so every thumbprint --
stable across runs.
"""
from __future__ import annotations

import datetime

from exshell.exchange import CountingSerials, FixedClock, PoolKeySource, default_organization

NOW = datetime.datetime(2026, 11, 28, 9, 0, 0)


def make_org(version: str = "2010", now: datetime.datetime = NOW):
    return default_organization(version, clock=FixedClock(now), key_source=PoolKeySource(),
                                serials=CountingSerials(0x1000))

"""Fixtures for the Exchange model tests (see exchange_fixtures.py)."""
from __future__ import annotations

import pytest

from exchange_fixtures import make_org


@pytest.fixture
def org():
    return make_org("2010")


@pytest.fixture
def server(org):
    return org.local_server


@pytest.fixture
def org2013():
    return make_org("2013")


@pytest.fixture
def org2019():
    return make_org("2019")

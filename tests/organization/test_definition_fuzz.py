"""Whatever a definition file says, building it either works or raises
WorldFileError (a message with file and line) -- never another exception."""
import datetime as _dt

from hypothesis import HealthCheck, given, settings, strategies as st

from exshell.exchange.clock import FixedClock
from exshell.exchange.definition import KNOWN_KEYS, build_organization
from exshell.exchange.errors import WorldFileError
from exshell.exchange.keys import PoolKeySource, SeededSerials, extra_lab_keys_source

VALUES = st.sampled_from([
    '"EX01"', '"EX02"', '"Mailbox"', '"mail.contoso.com"', '"CN=mail.contoso.com"', '"enterprise"',
    '"self"', '"pending"', '"expired"', '"<I>CN=a<S>CN=b"', '"bad name!"', '""', '"2016"', '"2007"',
    "5", "-3", "0", "2048", "1024", "true", "false", "2026-11-28T10:00:00", "1999-01-01",
    '["Mailbox"]', '["IIS", "SMTP"]', '["mail.contoso.com"]', '["EX01"]', "[]", '["Hub"]', "[1, 2]",
    '["POP", "IMAP"]', '"*"',
])
ARRAY_SECTIONS = ("servers", "authorities", "certificates", "send_connectors", "receive_connectors")


@st.composite
def documents(draw):
    lines = []
    for key in draw(st.lists(st.sampled_from(["version", "clock"]), unique=True)):
        lines.append("%s = %s" % (key, draw(VALUES)))
    for _ in range(draw(st.integers(0, 5))):
        section = draw(st.sampled_from(ARRAY_SECTIONS + ("organization", "auth")))
        lines.append(("[[%s]]" if section in ARRAY_SECTIONS else "[%s]") % section)
        keys = draw(st.lists(st.sampled_from(KNOWN_KEYS[section] + ("typo",)), unique=True, max_size=5))
        for key in keys:
            lines.append("%s = %s" % (key, draw(VALUES)))
    return "\n".join(lines) + "\n"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_definition_builds_or_gives_a_world_file_error(text):
    try:
        org = build_organization(text, path="fuzz.toml", clock=FixedClock(_dt.datetime(2026, 11, 28, 10)),
                                 key_source=PoolKeySource(fallback=extra_lab_keys_source()),
                                 serials=SeededSerials("f"))
    except WorldFileError as e:
        assert str(e).startswith("fuzz.toml")
    else:
        assert org.servers and org.local_server is org.servers[0]

"""Organisation and lab files that are odd, careless or hostile (issue 14): each one
fails with a message naming the file, the line and the key -- never Python's own error
text, never a traceback."""
import datetime as _dt
import re

import pytest

from exshell.exchange.clock import FixedClock
from exshell.exchange.definition import build_organization, load_definition
from exshell.exchange.errors import WorldFileError
from exshell.exchange.keys import PoolKeySource, SeededSerials

CLOCK = _dt.datetime(2026, 11, 28, 10, 0, 0)
#: Words that betray Python error text.
PYTHON_WORDS = re.compile(r"Error\b|Traceback|Exception|cannot convert float|out of range for|"
                          r"int too large|codec can't|NoneType")


def _load(tmp_path, data: bytes):
    path = tmp_path / "lab.toml"
    path.write_bytes(data)
    return load_definition(str(path), clock=FixedClock(CLOCK), key_source=PoolKeySource(),
                           serials=SeededSerials("t"))


def _fails(tmp_path, data, line, key, words):
    with pytest.raises(WorldFileError) as info:
        _load(tmp_path, data)
    e = info.value
    text = str(e)
    assert text.startswith(str(tmp_path / "lab.toml")), text
    assert e.line == line, text
    assert e.key == key, text
    assert words in text, text
    assert not PYTHON_WORDS.search(text), text
    return text


SERVER = b'[[servers]]\nname = "EX01"\n'


@pytest.mark.parametrize("data, line, key, words", [
    (SERVER + b"setup_certificate_days_left = nan\n", 3, "servers.setup_certificate_days_left",
     "must be a number of days from -36500 to 36500"),
    (SERVER + b"setup_certificate_days_left = inf\n", 3, "servers.setup_certificate_days_left",
     "must be a number of days"),
    (SERVER + b"setup_certificate_days_left = -inf\n", 3, "servers.setup_certificate_days_left",
     "must be a number of days"),
    (SERVER + b"setup_certificate_days_left = 1e12\n", 3, "servers.setup_certificate_days_left",
     "must be a number of days"),
    (SERVER + b"setup_certificate_days_left = -1000000\n", 3, "servers.setup_certificate_days_left",
     "must be a number of days"),
    (b'clock = 9999-12-31\n', 1, "clock", "'clock' must be between 1970-01-01 and 2999-12-31"),
    (b'clock = 0001-01-01T00:00:00\n', 1, "clock", "must be between"),
    (SERVER + b'setup_certificate_expires = 9999-12-31T23:59:59\n', 3,
     "servers.setup_certificate_expires", "must be between 1950-01-01 and 9998-12-31"),
    (b'[[certificates]]\ndomains = ["a.contoso.com"]\ndays_left = nan\n', 3,
     "certificates.days_left", "must be a number of days"),
    (b'[[certificates]]\ndomains = ["a.contoso.com"]\nnot_after = 9999-12-31\n', 3,
     "certificates.not_after", "must be between"),
    (b'[[authorities]]\nname = "Fab"\ndays_left = 1e300\n', 3, "authorities.days_left",
     "must be a number of days"),
    (b'[organization]\ndomain = "contoso .com"\n', 2, "organization.domain",
     "'contoso .com' is not a valid domain name"),
    (b'[organization]\ndomain = ""\n', 2, "organization.domain", "'domain' must not be empty"),
    (b'[organization]\naccepted_domains = ["fabrikam..com"]\n', 2, "organization.accepted_domains",
     "is not a valid domain name"),
    (b'[organization]\ndomain_controller = "DC 01"\n', 2, "organization.domain_controller",
     "must be a computer name"),
    (b'[[authorities]]\nname = "Fabrikam"\n[[authorities]]\nname = "fabrikam"\n', 4,
     "authorities.name", "there is already an authority named 'fabrikam'"),
    (b'[[authorities]]\nname = "enterprise"\n[[authorities]]\nname = "Enterprise"\n', 4,
     "authorities.name", "there is already an authority named"),
    (b'[[receive_connectors]]\nserver = "EX01"\nname = "Default EX01"\nbindings = ["not-an-address"]\n',
     4, "receive_connectors.bindings", "'not-an-address' is not a binding"),
    (b'[[receive_connectors]]\nserver = "EX01"\nname = "Default EX01"\nbindings = ["0.0.0.0:99999"]\n',
     4, "receive_connectors.bindings", "is not a binding"),
    (b'[[receive_connectors]]\nserver = "EX01"\nname = "Default EX01"\nbindings = ["::1:25"]\n',
     4, "receive_connectors.bindings", "is not a binding"),
    (b'[[certificates]]\ndomains = ["a.contoso.com"]\nfriendly_name = "' + b"f" * 10000 + b'"\n', 3,
     "certificates.friendly_name", "'friendly_name' is longer than 63 characters"),
    (b'[[certificates]]\nsubject = "CN=' + b"a" * 100 + b'"\n', 2, "certificates.subject",
     "is not a distinguished name"),
    (b'[[certificates]]\nsubject = "CN=' + b"a" * 2000 + b'"\n', 2, "certificates.subject",
     "'subject' is longer than 1024 characters"),
    (SERVER + b'[[servers]]\nname = "ex01"\n', 4, "servers.name", "already a server named"),
    (b'[[servers]]\nname = "' + b"X" * 300 + b'"\n', 2, "servers.name", "longer than 15 characters"),
    (b'[[send_connectors]]\nname = "Out"\nfqdn = "not a name"\n', 3, "send_connectors.fqdn",
     "is not a valid domain name"),
    (SERVER + b'host_names = ["mail contoso"]\n', 3, "servers.host_names", "not a valid domain name"),
    (b'[[send_connectors]]\nname = ""\n', 2, "send_connectors.name", "'name' must not be empty"),
    (SERVER + b'[[receive_connectors]]\nserver = "EX01"\nname = "  "\n', 5, "receive_connectors.name",
     "'name' must not be empty"),
    # A stall, not an organisation: 20,000 servers took minutes to build.
    (b"".join(b'[[servers]]\nname = "EX%05d"\n' % i for i in range(2001)), 4001, "servers",
     "more than 2000 [[servers]] entries"),
])
def test_bad_values_name_file_line_and_key(tmp_path, data, line, key, words):
    _fails(tmp_path, data, line, key, words)


def test_the_negative_days_of_a_setup_certificate_are_fine_or_blamed_on_that_key(tmp_path):
    org = _load(tmp_path, SERVER + b"setup_certificate_days_left = -4000\n")
    assert org.local_server is not None             # long expired: a legitimate lab


@pytest.mark.parametrize("data, line, words", [
    (b"\xff\xfe" + 'version = "2010"\n[[servers]]\nname = "EX01"\n'.encode("utf-16-le") + b"\x00\xd8",
     4, "the UTF-16 text cannot be read"),
    (b'version = "2010"\n\xfd\x01\x02binary', 2, "not a text file in UTF-8 (byte 0xFD cannot be read)"),
    (b'version = "2010"\n\x00\x00\x00', 2, "not a text file (it contains NUL characters)"),
    (b"a = " + b"[" * 100000 + b"]" * 100000 + b"\n", 1, "nested more than 100 deep"),
    (b'x = 1\n[organization]\nname = {a = ' + b"{b = " * 5000 + b"1" + b"}" * 5000 + b"}\n", 3,
     "nested more than 100 deep"),
])
def test_files_that_are_not_toml_text(tmp_path, data, line, words):
    with pytest.raises(WorldFileError) as info:
        _load(tmp_path, data)
    assert info.value.line == line, str(info.value)
    assert words in str(info.value)
    assert not PYTHON_WORDS.search(str(info.value))


def test_utf16_with_a_bom_is_read(tmp_path):
    text = 'version = "2016"\n[[servers]]\nname = "EX07"\n'
    org = _load(tmp_path, b"\xff\xfe" + text.encode("utf-16-le"))
    assert org.local_server.name == "EX07" and org.profile.version == "2016"


def test_build_organization_never_shows_python_text():
    # A last-resort message for what no check foresaw: still no exception text.
    with pytest.raises(WorldFileError) as info:
        build_organization('[[certificates]]\nsubject = "CN=a"\ndomains = ["a.contoso.com"]\n'
                           'not_before = 2027-01-01\nnot_after = 2026-01-01\n', path="lab.toml",
                           clock=FixedClock(CLOCK), key_source=PoolKeySource(),
                           serials=SeededSerials("t"))
    assert not PYTHON_WORDS.search(str(info.value))


@pytest.mark.parametrize("data, words", [
    (b"\xfd\xfe binary", "not a text file in UTF-8"),
    (b"title = " + b"[" * 50000 + b"]" * 50000, "nested more than 100 deep"),
])
def test_lab_files_too(tmp_path, data, words):
    from exshell.labs.validate import validate_file
    path = tmp_path / "bad-lab.toml"
    path.write_bytes(data)
    issues = validate_file(str(path))
    assert issues and words in str(issues[0]) and str(issues[0]).startswith(str(path))
    assert not PYTHON_WORDS.search(str(issues[0]))


def test_state_files_nested_too_deeply(tmp_path):
    from exshell.exchange.world import ExchangeWorld
    path = tmp_path / "state.json"
    path.write_bytes(b"[" * 100000)
    with pytest.raises(WorldFileError) as info:
        ExchangeWorld.open_copy(str(path))
    assert not PYTHON_WORDS.search(str(info.value))

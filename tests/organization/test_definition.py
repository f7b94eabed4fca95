"""Organisation definition files: what they build, and errors that name line and key."""
import datetime as _dt

import pytest

from exshell.exchange.clock import FixedClock
from exshell.exchange.definition import build_organization, default_definition_text, load_definition
from exshell.exchange.errors import WorldFileError
from exshell.exchange.keys import PoolKeySource, SeededSerials
from exshell.exchange.definition import default_organization
from exshell.exchange.services import CertificateStatus
from exshell.exchange.state import dump_world

from org_paths import THREE

CLOCK = _dt.datetime(2026, 11, 28, 10, 0, 0)


def _build(text, **kw):
    return build_organization(text, path="lab.toml", clock=FixedClock(CLOCK),
                              key_source=PoolKeySource(), serials=SeededSerials("t"), **kw)


def test_default_organization_is_the_builtin_file():
    a = default_organization("2013", clock=FixedClock(CLOCK), key_source=PoolKeySource(),
                             serials=SeededSerials("t"))
    b = _build(default_definition_text(), version="2013")
    assert dump_world(a) == dump_world(b)
    assert [s.name for s in a.servers] == ["EX01"]
    assert a.local_server.my.get(a.local_server.iis_bindings[1]).cert.not_valid_after_utc \
        .replace(tzinfo=None) == CLOCK + _dt.timedelta(days=23)


def test_three_server_file():
    org = load_definition(THREE, clock=FixedClock(_dt.datetime(2000, 1, 1)), key_source=PoolKeySource(),
                          serials=SeededSerials("t"))
    assert org.clock.now() == CLOCK                       # the file's clock wins
    assert [s.name for s in org.servers] == ["EX01", "EX02", "EX03"]
    assert org.profile.version == "2016"
    ex1, ex2, ex3 = org.servers
    mail = [c for c in ex1.certificates() if c.Subject.startswith("CN=mail")][0]
    assert mail.RootCAType.name == "Enterprise" and not mail.IsSelfSigned
    assert str(mail.Services) == "IIS, SMTP"
    assert ex1.iis_bindings[1] == mail.Thumbprint
    assert [c.Status for c in ex2.certificates() if c.Subject == "CN=mail.contoso.com"] == \
        [CertificateStatus.PendingRequest]
    setup3 = [c for c in ex3.certificates() if c.Subject == "CN=EX03"][0]
    assert setup3.Status is CertificateStatus.DateInvalid
    assert org.send_connectors[0].tls_certificate_name == "<I>%s<S>%s" % (mail.Issuer, mail.Subject)
    assert [d.domain for d in org.accepted_domains] == ["contoso.com", "fabrikam.com"]
    # the Auth certificate reached every server
    auth = org.auth_config.current_thumbprint
    assert all(auth in s.my for s in org.servers)


@pytest.mark.parametrize("text, line, words", [
    ('version = "2016"\n[[servers]]\nname = "EX01"\nrole = ["Mailbox"]\n', 4, "unknown key 'role'"),
    ('version = "2016"\n[[servers]]\nname = 5\n', 3, "'name' must be a string"),
    ('version = "2016\n', 1, "invalid TOML"),
    ('version = "2011"\n', 1, "unknown Exchange version"),
    ('[[servers]]\nname = "EX01"\n[[servers]]\nname = "EX02"\nroles = ["Hub"]\n', 5, "unknown role 'Hub'"),
    ('[[servers]]\nname = "EX01"\n[[certificates]]\nserver = "EX09"\ndomains = ["a.contoso.com"]\n',
     4, "no server named 'EX09'"),
    ('[[certificates]]\ndomains = ["a.contoso.com"]\nissuer = "Nobody CA"\n', 3, "unknown issuer"),
    ('[[certificates]]\ndomains = ["bad domain"]\n', 2, "not a valid domain name"),
    ('[[send_connectors]]\nname = "X"\ntls_certificate = "nope"\n', 3, "no certificate with id 'nope'"),
    ('[[send_connectors]]\nname = "X"\ntls_certificate_name = "CN=x"\n', 3, "<I>issuer<S>subject"),
    ('[organization]\ndomain = "contoso.com"\nforest = "x"\n', 3, "unknown key 'forest'"),
    ('[[servers]]\nroles = ["Mailbox"]\n', 1, "missing key 'name'"),
    ('[[certificates]]\ndomains = ["a.contoso.com"]\nkey_size = 1000\n', 3, "key_size must be"),
    ('[[certificates]]\ndomains = ["a.contoso.com"]\nstatus = "revoked"\n', 3, "status must be"),
])
def test_errors_name_line_and_key(text, line, words):
    with pytest.raises(WorldFileError) as info:
        _build(text)
    assert info.value.line == line, str(info.value)
    assert words in str(info.value)
    assert str(info.value).startswith("lab.toml, line %d: " % line)


def test_missing_file_is_a_world_file_error(tmp_path):
    with pytest.raises(WorldFileError) as info:
        load_definition(str(tmp_path / "nope.toml"))
    assert "cannot read" in str(info.value)


def test_custom_authority_trusted_only_where_said():
    org = _build('version = "2010"\n[[servers]]\nname = "EX01"\n[[servers]]\nname = "EX02"\n'
                 '[[authorities]]\nname = "Fabrikam"\nsubject = "CN=Fabrikam Root"\ntrusted_by = ["EX01"]\n'
                 '[[certificates]]\nservers = ["EX01", "EX02"]\nissuer = "Fabrikam"\n'
                 'domains = ["mail.contoso.com"]\n')
    statuses = [[c.Status for c in s.certificates() if c.Subject == "CN=mail.contoso.com"]
                for s in org.servers]
    assert statuses == [[CertificateStatus.Valid], [CertificateStatus.Untrusted]]


def test_readme_example_builds():
    """The README documents every key with one example: it must stay loadable."""
    import pathlib
    import re
    readme = (pathlib.Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(.*?)```", readme, re.S).group(1)
    org = _build(block)
    assert [s.name for s in org.servers] == ["EX01"]
    assert org.send_connectors[0].tls_certificate_name.startswith("<I>CN=contoso-DC01-CA")
    from exshell.exchange.definition import KNOWN_KEYS
    documented = set(re.findall(r"\b(\w+) =", block))
    sections = set(KNOWN_KEYS[""]) - {"version", "clock"}
    assert documented >= {k for keys in KNOWN_KEYS.values() for k in keys} - sections


def test_absurd_values_name_line_and_key():
    with pytest.raises(WorldFileError) as info:
        _build('[[certificates]]\ndomains = ["a.contoso.com"]\ndays_left = 1e12\n')
    assert str(info.value).startswith("lab.toml, line 3: 'days_left' must be a number of days")
    assert info.value.key == "certificates.days_left"

"""AllowedServices, CertificateStatus and CertificateAuthorityType."""
from __future__ import annotations

import pytest

from exshell.exchange import (AllowedServices as S, CertificateAuthorityType,
                              CertificateStatus, get_profile)


@pytest.mark.parametrize("value, text", [
    (S.None_, "None"),
    (S.IMAP | S.POP | S.IIS | S.SMTP, "IMAP, POP, IIS, SMTP"),
    (S.SMTP | S.Federation, "SMTP, Federation"),
    (S.UMCallRouter | S.IMAP, "IMAP, UMCallRouter"),
])
def test_str_lists_flags_in_value_order(value, text):
    assert str(value) == text
    assert f"{value}" == text


@pytest.mark.parametrize("value, width, code", [
    (S.IMAP | S.POP | S.IIS | S.SMTP, 7, "IP.WS.."),
    (S.IMAP | S.POP | S.IIS | S.SMTP, 6, "IP.WS."),
    (S.IMAP | S.POP | S.IIS | S.SMTP, 5, "IP.WS"),
    (S.SMTP, 7, "....S.."),
    (S.None_, 7, "......."),
    (S.SMTP | S.Federation, 6, "....SF"),
    (S.POP, 6, ".P...."),
    (S.IMAP | S.IIS, 6, "I..W.."),
    (S.UM | S.UMCallRouter, 7, "..U...C"),
])
def test_string_form(value, width, code):
    assert value.string_form(width) == code


@pytest.mark.parametrize("text, expected", [
    ("IIS", S.IIS),
    ("iis", S.IIS),
    ("IMAP, POP, IIS, SMTP", S.IMAP | S.POP | S.IIS | S.SMTP),
    ("iis,smtp,pop,imap", S.IMAP | S.POP | S.IIS | S.SMTP),
    (["IIS", "SMTP"], S.IIS | S.SMTP),
    (["IIS", "pop, imap"], S.IIS | S.POP | S.IMAP),
    ("None", S.None_),
    (24, S.IIS | S.SMTP),
    ("24", S.IIS | S.SMTP),
    (0, S.None_),
    (S.UM, S.UM),
    ("Federation", S.Federation),
    ("UMCallRouter", S.UMCallRouter),
])
def test_parse(text, expected):
    assert S.parse(text) == expected


@pytest.mark.parametrize("bad, name", [
    ("HTTP", "HTTP"),
    ("IIS, Web", "Web"),
    (["SMTP", "X400"], "X400"),
    ("", ""),
    (128, "128"),
    (-1, "-1"),
])
def test_parse_rejects_unknown_names(bad, name):
    with pytest.raises(ValueError) as info:
        S.parse(bad)
    assert str(info.value) == name


def test_parse_with_profile_refuses_later_flags():
    assert S.parse("SMTP", get_profile("2007")) == S.SMTP
    with pytest.raises(ValueError, match="Federation"):
        S.parse("Federation", get_profile("2007"))
    with pytest.raises(ValueError, match="UMCallRouter"):
        S.parse("IIS,UMCallRouter", get_profile("2010"))
    assert S.parse("UMCallRouter", get_profile("2013")) == S.UMCallRouter


def test_names_in_dotnet_order():
    assert S.names() == ["None", "IMAP", "POP", "UM", "IIS", "SMTP", "Federation", "UMCallRouter"]
    assert S.names(get_profile("2010")) == ["None", "IMAP", "POP", "UM", "IIS", "SMTP", "Federation"]
    assert S.names(get_profile("2007"))[-1] == "SMTP"


def test_dotnet_type_names():
    ns = "Microsoft.Exchange.Management.SystemConfigurationTasks."
    assert S.DOTNET_NAME == ns + "AllowedServices"
    assert CertificateStatus.DOTNET_NAME == ns + "CertificateStatus"
    assert CertificateAuthorityType.DOTNET_NAME == ns + "CertificateAuthorityType"


def test_status_and_root_type_display_names():
    assert str(CertificateStatus.DateInvalid) == "DateInvalid"
    assert str(CertificateStatus.PendingRequest) == "PendingRequest"
    assert str(CertificateAuthorityType.None_) == "None"
    assert str(CertificateAuthorityType.Registry) == "Registry"
    assert CertificateAuthorityType.parse("none") is CertificateAuthorityType.None_
    assert CertificateStatus.parse("valid") is CertificateStatus.Valid

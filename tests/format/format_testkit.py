"""Helpers for exact-text formatting tests (imported by the tests in this folder).

Expected output is written as a block whose every line ends with ``|`` so trailing
spaces are visible and survive editors; failures show spaces as ``·``.
"""
import datetime
import enum
import textwrap

CERT_TYPE = "Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate"


def block(text):
    """Lines of a ``|``-terminated block (the first and last newline are dropped)."""
    lines = textwrap.dedent(text).split("\n")
    if lines and lines[0] == "":
        lines = lines[1:]
    if lines and lines[-1].strip() == "":
        lines = lines[:-1]
    out = []
    for line in lines:
        assert line.endswith("|"), "expected-output line must end with '|': %r" % line
        out.append(line[:-1])
    return out


def show(lines):
    return "\n".join(line.replace(" ", "·") + "¶" for line in lines)


def assert_lines(actual, expected_block):
    expected = block(expected_block)
    assert actual == expected, "\n--- actual ---\n%s\n--- expected ---\n%s" % (show(actual), show(expected))


class Services(enum.IntFlag):
    """A stand-in for the Exchange flags enum, without a custom __str__."""
    IMAP = 1
    POP = 2
    UM = 4
    IIS = 8
    SMTP = 16
    Federation = 32


class FakeCert:
    PS_TYPE_NAMES = (CERT_TYPE, "System.Security.Cryptography.X509Certificates.X509Certificate2",
                     "System.Object")
    PS_PROPERTIES = ("AccessRules", "CertificateDomains", "CertificateRequest", "IisServices",
                     "IsSelfSigned", "KeyIdentifier", "RootCAType", "Services", "Status",
                     "SubjectKeyIdentifier", "PrivateKeyExportable", "PublicKeySize",
                     "Identity", "ServicesStringForm", "FriendlyName", "HasPrivateKey",
                     "Issuer", "NotAfter", "NotBefore", "SerialNumber", "Subject", "Thumbprint")

    def __init__(self, thumbprint, code, subject, services=Services(27), domains=("EX01", "EX01.contoso.com"),
                 rules=3):
        for name in self.PS_PROPERTIES:
            setattr(self, name, None)
        self.Thumbprint = thumbprint
        self.ServicesStringForm = code
        self.Subject = subject
        self.Issuer = subject
        self.AccessRules = ["System.Security.AccessControl.CryptoKeyAccessRule"] * rules
        self.CertificateDomains = list(domains)
        self.HasPrivateKey = True
        self.IsSelfSigned = True
        self.NotAfter = datetime.datetime(2028, 2, 2, 3, 9, 22)
        self.NotBefore = datetime.datetime(2023, 2, 2, 3, 9, 22)
        self.PublicKeySize = 2048
        self.RootCAType = "Registry"
        self.SerialNumber = "49B8393042D5D59F4AE6D301FDF8C963"
        self.Services = services
        self.Status = "Valid"


def sample_certs():
    return [
        FakeCert("8D2E1C47A9F03B5E6C7D8E9F0A1B2C3D4E5F6071", "...WS..",
                 "CN=mail.contoso.com, OU=IT, O=Contoso Ltd, L=Seattle, S=WA, C=US", Services(24)),
        FakeCert("3F9A0B1C2D3E4F5061728394A5B6C7D8E9F0A1B2", "....S..",
                 "CN=Microsoft Exchange Server Auth Certificate", Services(16)),
        FakeCert("C1D2E3F4A5B6C7D8E9F0A1B2C3D4E5F6A7B8C9D0", "IP.WS..", "CN=EX01"),
        FakeCert("0A9B8C7D6E5F4A3B2C1D0E9F8A7B6C5D4E3F2A1B", ".......", "CN=WMSvc-SHA2-EX01",
                 Services(0)),
    ]


"""Services derive POP/IMAP from a certificate's domains; they are kept by thumbprint
(a certificate object hashes its whole encoding at each lookup)."""
from exshell.exchange.certificate import certificate_domain_set, domain_set_by_thumbprint
from exshell.testing import make_shell


def test_the_domains_by_thumbprint_are_the_certificates_own():
    shell, _ = make_shell("2013")
    shell.run("New-ExchangeCertificate -SubjectName 'CN=mail.contoso.com' "
              "-DomainName mail.contoso.com,AutoDiscover.contoso.com -Force | Out-Null")
    entries = list(shell.organization.local_server.my)
    assert len(entries) >= 2
    for entry in entries:
        assert domain_set_by_thumbprint(entry.thumbprint, entry.cert) == \
            certificate_domain_set(entry.cert)
    assert "autodiscover.contoso.com" in set().union(
        *(domain_set_by_thumbprint(e.thumbprint, e.cert) for e in entries))

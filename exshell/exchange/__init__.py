"""The Exchange model: an organisation, its servers and their certificate stores,
with real X.509 certificates.

Knows nothing of the language, engine or formatting: imports only the standard
library and ``cryptography`` (lazily; only ``issuance``, ``codec`` and ``keys``
touch ``cryptography.hazmat``).  Modules:

(Version differences are facts of ``exshell.profiles``: the model reads
``organization.profile``, one row of that table.)

* ``services``   -- AllowedServices, CertificateStatus, CertificateAuthorityType
* ``clock``/``keys`` -- injected time, RSA keys (lab key pool) and serial numbers
* ``errors``/``texts`` -- ExchangeError and the catalogue of user-visible texts
* ``names``      -- Windows DN display/parse, domain-name checks, thumbprints
* ``issuance``   -- building certificates the way Exchange does
* ``certificate``/``dotnet`` -- the ExchangeCertificate view and .NET stand-ins
* ``store``      -- store entries
* ``codec``      -- PKCS#10 requests, PFX, PEM/DER/PKCS#7 data of Import/Export
* ``authority``  -- a lab enterprise CA (request -> CA -> import practice)
* ``admin``      -- Get-ExchangeServer / AuthConfig / transport / POP-IMAP views
* ``organization`` -- Organization, Server (plans and operations)
* ``definition`` -- organisation definition files (TOML); the built-in organisation
  (default_organization)
* ``state``      -- -State files: the whole world as JSON, atomic saves, the lock
* ``stamps``     -- the 2013+ ``[Server=...,RequestId=...]`` error stamp
* ``tls``        -- real TLS handshakes on loopback with what a service presents
"""
from .errors import ExchangeError
from .services import AllowedServices, CertificateAuthorityType, CertificateStatus
from ..profiles import PROFILES, Profile, get_profile
from .clock import Clock, FixedClock
from .keys import (CountingSerials, GeneratedKeySource, KeySource, PoolKeySource, RandomSerials,
                   SeededSerials, SerialSource, load_lab_keys)
from .certificate import ExchangeCertificate, ExchangeCertificateV2
from .organization import (EnablePlan, ImportPlan, NewCertificatePlan, Organization,
                           PendingCertificate, Server, SmtpQuestion)
from .definition import default_organization

__all__ = ["ExchangeError", "AllowedServices", "CertificateAuthorityType", "CertificateStatus",
           "PROFILES", "Profile", "get_profile", "Clock", "FixedClock",
           "CountingSerials", "GeneratedKeySource", "KeySource", "PoolKeySource", "RandomSerials",
           "SeededSerials", "SerialSource", "load_lab_keys", "ExchangeCertificate", "ExchangeCertificateV2",
           "EnablePlan", "ImportPlan", "NewCertificatePlan", "Organization", "PendingCertificate", "Server",
           "SmtpQuestion", "default_organization"]

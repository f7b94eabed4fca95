"""Errors of the Exchange model: :class:`ExchangeError` and the message catalogue.

Every failure the model reports is an :class:`ExchangeError` built by
:func:`exchange_error` from :data:`CATALOGUE`, the ONE table of texts, categories
and exception types.  Texts marked [C]/[D] are the product's own (reference
§6.2); the others are our plausible wording (the real text is unknown) and are
marked ``# ours``.  ``message`` never includes the "A special Rpc error occurs on
server X: " prefix: :meth:`ExchangeError.display_message` adds it when
``rpc`` is set and the version wraps errors (``profile.rpc_prefix``).

Imports only the standard library.
"""
from __future__ import annotations

from typing import Any, Dict, Optional

from ..structs import Struct

__all__ = ["ExchangeError", "exchange_error", "CATALOGUE", "RPC_PREFIX", "ErrorSpec"]

#: The wrapper the certificate cmdlets put around servicelet errors (2010+) [C].
RPC_PREFIX = "A special Rpc error occurs on server {server}: "


class ErrorSpec(Struct, frozen=True):
    template: str            # str.format template
    category: str            # PowerShell ErrorCategory name
    exception_type: str = "InvalidOperationException"   # short .NET type name
    rpc: bool = True         # raised by the servicelet (wrapped with RPC_PREFIX)


# Errors the servicelet reports reach the user as InvalidOperationException whatever
# their category (reference §1.1); client-side checks use their own exception types.
_IOE = "InvalidOperationException"
_ARG = "ArgumentException"

CATALOGUE: Dict[str, ErrorSpec] = {
    # ---- lookups (Get/Enable/Remove/Export); category by cmdlet, see exchange_error()
    "CertificateNotFound": ErrorSpec(
        "The certificate with thumbprint {thumbprint} was not found.", "ObjectNotFound"),  # [C]
    "CertificateNotValid": ErrorSpec(
        "The certificate with thumbprint {thumbprint} was found but is not valid for use "
        "with Exchange Server (reason: {reason}).", "NotSpecified"),  # [C]
    # ---- server resolution (client side, no RPC).  The real text of
    # ManagementObjectNotFoundException for an id that resolves to nothing [C, other cmdlets].
    "ErrorServerNotFound": ErrorSpec(
        "The operation couldn't be performed because object '{name}' couldn't be found "
        "on '{dc}'.", "NotSpecified", "ManagementObjectNotFoundException", rpc=False),
    "ErrorServerNotUnique": ErrorSpec(
        "The operation couldn't be performed because '{name}' matches multiple entries.",
        "NotSpecified", "ManagementObjectAmbiguousException", rpc=False),
    "ErrorInvalidServerName": ErrorSpec(  # ours
        "'{name}' is not a valid server name.", "InvalidArgument", _ARG, rpc=False),
    "ErrorSendConnectorNotFound": ErrorSpec(
        "The operation couldn't be performed because object '{name}' couldn't be found "
        "on '{dc}'.", "NotSpecified", "ManagementObjectNotFoundException", rpc=False),
    "ErrorAcceptedDomainNotFound": ErrorSpec(
        "The operation couldn't be performed because object '{name}' couldn't be found "
        "on '{dc}'.", "NotSpecified", "ManagementObjectNotFoundException", rpc=False),
    "ErrorSendConnectorExists": ErrorSpec(  # ours (the AD "already exists" wording)
        "The operation couldn't be performed because object '{name}' already exists.",
        "InvalidArgument", _ARG, rpc=False),
    "ErrorTlsCertificateNameInvalid": ErrorSpec(  # ours
        "'{name}' isn't a valid TLS certificate name. Use the form "
        "<I>issuer distinguished name<S>subject distinguished name.", "InvalidArgument", _ARG,
        rpc=False),
    "ErrorX509CertificateNameInvalid": ErrorSpec(  # ours
        "'{name}' isn't a valid fully qualified domain name.", "InvalidArgument", _ARG, rpc=False),
    "ErrorAuthCertificateNotFoundAnywhere": ErrorSpec(  # ours
        "The certificate with thumbprint {thumbprint} was not found on any Exchange server.",
        "ObjectNotFound", "ManagementObjectNotFoundException", rpc=False),
    "AuthConfigNoNextCertificate": ErrorSpec(  # ours
        "There is no next certificate to publish. Use the NewCertificateThumbprint parameter "
        "first.", "InvalidOperation", _IOE, rpc=False),
    # ---- New-ExchangeCertificate (texts ours unless marked)
    "FriendlyNameTooLong": ErrorSpec(
        "The friendly name is too long. It must be less than 64 characters.",
        "InvalidArgument", _IOE),
    "SubjectCnNotValidFQDN": ErrorSpec(
        "The subject name '{subject}' isn't valid. When you don't specify DomainName, the "
        "common name (CN) of the subject must be a valid fully qualified domain name.",
        "InvalidArgument", _IOE),
    "DomainNameIsNotValidForCertificate": ErrorSpec(
        "The domain name '{name}' isn't valid for a certificate. Specify a valid domain "
        "name or wildcard name.", "InvalidArgument", _IOE),
    "InvalidSubjectName": ErrorSpec(
        "The subject name '{subject}' isn't a valid X.500 distinguished name.",
        "InvalidArgument", _ARG, rpc=False),
    "InvalidKeySize": ErrorSpec(
        "The key size {size} isn't valid. Valid key sizes are {sizes}.",
        "InvalidArgument", _IOE),
    "ServicesNotSupported": ErrorSpec(  # ours: a flag this version does not have
        "The service '{service}' isn't supported by this version of Exchange.",
        "InvalidArgument", _ARG, rpc=False),
    "SubjectKeyIdentifierInvalid": ErrorSpec(
        "The subject key identifier '{ski}' isn't valid. Specify an even number of "
        "hexadecimal digits.", "InvalidArgument", _IOE),
    "ServicesWithGenerateRequest": ErrorSpec(
        "The Services parameter can't be used when generating a certificate request.",
        "InvalidArgument", _ARG, rpc=False),
    "InvalidInstance": ErrorSpec(  # ours
        "The Instance parameter must be a certificate.", "InvalidArgument", _ARG, rpc=False),
    "CertificateRequestMissingForArgument": ErrorSpec(
        "The BinaryEncoded parameter can only be used with the GenerateRequest parameter.",
        "InvalidArgument", _ARG, rpc=False),
    "IncludeAutoDiscoverOnlyApplicableToCAS": ErrorSpec(  # a warning, never raised
        "The IncludeAutoDiscover parameter only applies to servers with the Client Access "
        "server role.", "InvalidArgument", _ARG, rpc=False),
    # ---- Enable-ExchangeCertificate
    "EnableCertificateServiceNotInstalled": ErrorSpec(
        "The certificate can't be enabled for {service} because the {role} role isn't "
        "installed on server {server_name}.", "InvalidArgument", _IOE),
    "EnableCertificateFederation": ErrorSpec(
        "Federation isn't a service a certificate can be enabled for with "
        "Enable-ExchangeCertificate. Use New-FederationTrust or Set-FederationTrust to "
        "manage federation certificates.", "InvalidArgument", _IOE),
    "CertificateExpired": ErrorSpec(
        "The certificate with thumbprint {thumbprint} has expired and can't be enabled "
        "for {service}.", "InvalidArgument", _IOE),
    "CannotEnablePendingRequest": ErrorSpec(
        "The certificate with thumbprint {thumbprint} is a pending request and can't be "
        "enabled for services. Complete it with Import-ExchangeCertificate first.",
        "InvalidArgument", _IOE),
    # ---- Remove-ExchangeCertificate
    # Wording remembered from Exchange 2010 consoles [?]; category per §6.3 [X].
    "CannotRemoveInternalTransportCertificate": ErrorSpec(
        "The internal transport certificate cannot be removed because that would cause "
        "the Microsoft Exchange Transport service to stop. To replace the internal "
        "transport certificate, create a new certificate. The new certificate will "
        "automatically become the internal transport certificate. You can then remove "
        "the existing certificate.", "InvalidArgument", _IOE),
    "CannotRemoveUMCertificate": ErrorSpec(
        "The certificate with thumbprint {thumbprint} is used by Unified Messaging and "
        "can't be removed.", "InvalidArgument", _IOE),
    "CannotRemoveUMCRCertificate": ErrorSpec(
        "The certificate with thumbprint {thumbprint} is used by the Unified Messaging "
        "call router and can't be removed.", "InvalidArgument", _IOE),
    "RemoveCertificateFederation": ErrorSpec(
        "The certificate with thumbprint {thumbprint} is used by a federation trust and "
        "can't be removed. Use Set-FederationTrust to replace it first.",
        "InvalidArgument", _IOE),
    "CertificateTaggedWithSendConnectors": ErrorSpec(  # [C][D]
        "These certificates are tagged with following Send Connectors : {names}. "
        "Removing and replacing certificates from Send Connector would break the mail "
        "flow. If you still want to proceed then replace or remove these certificates "
        "from Send Connector and then try this command.", "InvalidArgument", _IOE),
    # ---- Export / Import (for later; the texts marked [C] are real)
    "ExportCertificateAs12WithoutKey": ErrorSpec(
        "The certificate with thumbprint {thumbprint} doesn't have a private key and "
        "can't be exported as PKCS-12.", "InvalidArgument", _IOE),
    "ExportWithPrivateKeyRequiresPassword": ErrorSpec(
        "A password is required to export a certificate with its private key. Use the "
        "Password parameter.", "InvalidArgument", _IOE),
    "ExportCertificateKeyNotExportable": ErrorSpec(  # [C]
        "The private key couldn't be exported as PKCS-12. It either couldn't be accessed "
        "or isn't exportable.", "InvalidArgument", _IOE),
    "ImportCertificateDataInvalid": ErrorSpec(  # [C]
        "The source data cannot be imported or the wrong password was specified.",
        "ReadError", _IOE),
    "ImportCertificateAlreadyExists": ErrorSpec(  # [C]
        "Cannot import certificate. A certificate with the thumbprint {thumbprint} "
        "already exists.", "WriteError", _IOE),
    "ImportCertificateBase64DataInvalid": ErrorSpec(
        "The certificate data isn't valid Base64-encoded data.", "ReadError", _IOE),
    "ImportCertificateUntrustedRoot": ErrorSpec(
        "The certificate chain couldn't be built to a trusted root authority.",
        "ReadError", _IOE),
}

# FullyQualifiedErrorId hex codes seen in captures (reference §6.1), keyed by
# (error_id, purpose, reason).  Others get a stable hash, see _hex_id().
_KNOWN_HEX = {
    ("CertificateNotFound", "get", None): "71D7F7B0",
    ("CertificateNotValid", "enable", "PrivateKeyMissing"): "DA6D9EA1",
    ("ImportCertificateDataInvalid", "import", None): "A39CF339",
}

# Lookup failures: the category depends on the cmdlet [X][C] (reference §6.3).
_LOOKUP_CATEGORY = {"get": "NotSpecified"}


def _hex_id(error_id: str, purpose: Optional[str], reason: Optional[str]) -> str:
    for key in ((error_id, purpose, reason), (error_id, purpose, None)):
        if key in _KNOWN_HEX:
            return _KNOWN_HEX[key]
    import zlib
    return "%08X" % zlib.crc32(("%s|%s" % (error_id, purpose or "")).encode("utf-8"))


class ExchangeError(Exception):
    """A failure reported by the Exchange model.

    ``error_id`` is the resource key (API); ``message`` the text without the RPC
    prefix; ``category`` the PowerShell ErrorCategory; ``exception_type`` the short
    .NET exception name; ``server`` the short name of the server that ran the task;
    ``hex_id`` the 8-hex-digit part of the FullyQualifiedErrorId; ``rpc`` whether the
    real server wraps it in the RPC prefix; ``target`` the target object (usually
    None); ``purpose`` the operation ("get", "new", "enable", "remove", ...).
    """

    def __init__(self, error_id: str, message: str, *, category: str = "NotSpecified",
                 exception_type: str = "InvalidOperationException", server: Optional[str] = None,
                 hex_id: Optional[str] = None, rpc: bool = True, target: Any = None,
                 purpose: Optional[str] = None):
        super().__init__(message)
        self.error_id = error_id
        self.message = message
        self.category = category
        self.exception_type = exception_type
        self.server = server
        self.hex_id = hex_id or _hex_id(error_id, purpose, None)
        self.rpc = rpc
        self.target = target
        self.purpose = purpose

    def display_message(self, rpc_prefix: bool = True) -> str:
        """The text the user sees: with the RPC prefix when ``rpc`` and the version
        wraps errors (pass ``profile.rpc_prefix``)."""
        if self.rpc and rpc_prefix and self.server:
            return RPC_PREFIX.format(server=self.server) + self.message
        return self.message

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "ExchangeError(%r, %r)" % (self.error_id, self.message)


def exchange_error(error_id: str, *, server: Optional[str] = None, purpose: Optional[str] = None,
                   target: Any = None, category: Optional[str] = None, **fields: Any) -> ExchangeError:
    """Build the catalogued error ``error_id`` with its template ``fields``."""
    spec = CATALOGUE[error_id]
    message = spec.template.format(**fields)
    if category is None:
        category = spec.category
        if error_id == "CertificateNotFound":
            category = _LOOKUP_CATEGORY.get(purpose or "", spec.category)
    reason = fields.get("reason")
    return ExchangeError(error_id, message, category=category,
                         exception_type=spec.exception_type, server=server,
                         hex_id=_hex_id(error_id, purpose, reason), rpc=spec.rpc,
                         target=target, purpose=purpose)


class WorldFileError(Exception):
    """An organisation definition or state file that cannot be used.  ``str()`` is the
    complete user-facing message (file, line and key where known); the command line
    prints it and exits, no traceback."""

    def __init__(self, message: str, *, path: Optional[str] = None, line: Optional[int] = None,
                 key: Optional[str] = None):
        self.path, self.line, self.key = path, line, key
        self.message = message
        where = path or "<definition>"
        if line is not None:
            where += ", line %d" % line
        text = "%s: %s" % (where, message)
        if key and ("'%s'" % key) not in message:
            text += " (key '%s')" % key
        super().__init__(text)

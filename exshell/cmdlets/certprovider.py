"""The Certificate provider: the ``Cert:`` drive.

``Cert:\\`` holds the store locations (``CurrentUser``, ``LocalMachine``), each its
stores (``My``, ``Root``, ``CA``, ``REQUEST``, ``TrustedPeople``...), each its
certificates by thumbprint.  The stores are the machine's own
(:mod:`exshell.exchange.certstores`): ``Cert:\\LocalMachine\\My`` is the store
Get-ExchangeCertificate reads, ``Cert:\\LocalMachine\\Root`` the trust Exchange and
X509Chain use.  The navigation cmdlets reach it through the provider table like any
drive; items are X509StoreLocation, X509Store and X509Certificate2 objects with
PowerShell's PS* properties.

Paths keep the case they were typed in (``Cert:\\localmachine\\my``), as the real
provider does; PSPath is ``Microsoft.PowerShell.Security\\Certificate::<path>``.

Version differences are dialect facts: 2.0's provider is read-only (Remove-Item
fails as PowerShell 2.0 says) and knows only ``-CodeSigningCert``; 3.0 adds
``-DnsName``, ``-Eku``, ``-ExpiringInDays``, ``-SSLServerAuthentication``,
``-DocumentEncryptionCert`` and Remove-Item's ``-DeleteKey``.  Messages are the
provider's own (CertificateProviderStrings).
"""
from __future__ import annotations

import datetime as _dt
import fnmatch
import re
from typing import Any, Callable, List, Optional, Tuple

from ..engine.conversion import SWITCH, IntType, ListOf, StringType, to_string
from ..engine.parameters import Parameter
from ..engine.providers import PROVIDERS, DriveInfo, Provider, ProviderError
from .x509types import (PROVIDER_NAME, PathNote, X509Certificate2, X509Store, X509StoreLocation,
                        certificate_from_item, env_of)

__all__ = ["CertificateProvider", "CertPath", "CertProviderError", "DRIVE_PREFIX"]

DRIVE_PREFIX = "Cert:\\"
_QUALIFIERS = (PROVIDER_NAME + "::", "Certificate::")

#: Enhanced key usages the switches look for.
_CODE_SIGNING = "1.3.6.1.5.5.7.3.3"
_SERVER_AUTH = "1.3.6.1.5.5.7.3.1"
_DOCUMENT_ENCRYPTION = "1.3.6.1.4.1.311.80.1"

_CONTAINER_MESSAGE = "You cannot remove a certificate container. "
_USER_STORE_MESSAGE = "Deleting certificate stores under CurrentUser is not supported. "
_SYSTEM_STORE_MESSAGE = "The store %s is a built-in system store and cannot be deleted."


class CertProviderError(ProviderError):
    """A failure the Certificate provider reports in its own words."""

    def __init__(self, message: str, error_id: str, path: str, category: str = "InvalidOperation",
                 exception_type: str = "System.InvalidOperationException"):
        super().__init__("CertProvider", path, message)
        self.error_id = error_id
        self.category = category
        self.exception_type = exception_type
        self.target = None


class CertPath:
    """A path on the Cert: drive: the parts as typed and what they name."""

    __slots__ = ("parts", "location", "store", "item")

    def __init__(self, parts: List[str], location: Optional[str] = None, store: Any = None,
                 item: Any = None):
        self.parts = parts
        #: The canonical store location, when the first part names one.
        self.location = location
        #: The LogicalStore, when the second part names one.
        self.store = store
        #: The StoredCertificate, when the third part names one.
        self.item = item

    @property
    def depth(self) -> int:
        return len(self.parts)

    @property
    def text(self) -> str:
        """The provider path: ``LocalMachine\\My`` ("" for the root)."""
        return "\\".join(self.parts)

    def __repr__(self) -> str:
        return "<CertPath %s>" % (self.text or "\\")


def _split(text: str) -> List[str]:
    out: List[str] = []
    for part in re.split(r"[\\/]", text):
        if part in ("", "."):
            continue
        if part == "..":
            if out:
                out.pop()
            continue
        out.append(part)
    return out


@PROVIDERS.add
class CertificateProvider(Provider):
    """The ``Cert:`` drive over the local server's certificate stores."""

    name = "Certificate"

    def __init__(self, context: Any):
        super().__init__(context)
        #: The drive's own current location (``cd Cert:`` goes back to it).
        self._current: List[str] = []

    # -- drives -------------------------------------------------------------------------
    def has_drive(self, name: str) -> bool:
        return name.casefold() == "cert"

    def drives(self, location: str) -> List[DriveInfo]:
        here = "\\".join(self._current)
        if location.casefold().startswith("cert:"):
            here = location[len(DRIVE_PREFIX):]
        return [DriveInfo("Cert", self.name, "\\", here, "X509 Certificate Provider")]

    def _server(self) -> Any:
        return env_of(self.context).server()

    # -- paths --------------------------------------------------------------------------
    def resolve(self, path: str, location: str) -> CertPath:
        text = str(path).strip()
        for prefix in _QUALIFIERS:
            if text.casefold().startswith(prefix.casefold()):
                return self._name(_split(text[len(prefix):]))
        if text[:5].casefold() == "cert:":
            rest = text[5:]
            if rest[:1] in ("\\", "/"):
                return self._name(_split(rest))
            base = self._current
            if location.casefold().startswith("cert:"):
                base = _split(location[5:])
            return self._name(_split("\\".join(base + [rest])))
        if text[:1] in ("\\", "/"):
            return self._name(_split(text))
        base = _split(location[5:]) if location.casefold().startswith("cert:") else self._current
        return self._name(_split("\\".join(base + [text])))

    def _name(self, parts: List[str]) -> CertPath:
        from ..exchange.certstores import canonical_location, logical_store
        path = CertPath(parts)
        if not parts:
            return path
        path.location = canonical_location(parts[0])
        server = self._server()
        if path.location is None or len(parts) < 2 or server is None:
            return path
        path.store = logical_store(server, path.location, parts[1])
        if path.store is None or len(parts) < 3:
            return path
        if len(parts) == 3 and re.fullmatch(r"[0-9A-Fa-f]{40}", parts[2]):
            path.item = path.store.get(parts[2])
        return path

    def exists(self, item: CertPath) -> bool:
        if item.depth == 0:
            return True
        if item.depth == 1:
            return item.location is not None
        if item.depth == 2:
            return item.store is not None
        return item.depth == 3 and item.item is not None

    def is_container(self, item: CertPath) -> bool:
        return item.depth <= 2

    def children(self, item: CertPath) -> List[CertPath]:
        from ..exchange.certstores import LOCATIONS, store_names
        if item.depth == 0:
            return [self._name([loc]) for loc in LOCATIONS]
        server = self._server()
        if item.depth == 1 and item.location is not None and server is not None:
            return [self._name(item.parts + [n]) for n in store_names(server, item.location)]
        if item.depth == 2 and item.store is not None:
            return [CertPath(item.parts + [c.thumbprint], item.location, item.store, c)
                    for c in item.store.items()]
        return []

    def item_name(self, item: CertPath) -> str:
        return item.parts[-1] if item.parts else ""

    def item_path(self, item: CertPath) -> str:
        return DRIVE_PREFIX + item.text

    def location_of(self, item: CertPath) -> str:
        self._current = list(item.parts)
        return DRIVE_PREFIX + item.text

    def get_item(self, item: CertPath) -> Any:
        from ..exchange.certstores import LOCATIONS, store_names
        env = env_of(self.context)
        parent = "\\".join(item.parts[:-1])
        note = PathNote(parent, item.parts[-1] if item.parts else "", item.depth <= 2)
        server = self._server()
        if item.depth == 0:
            return [X509StoreLocation(loc, store_names(server, loc) if server else [],
                                      PathNote("", loc, True)) for loc in LOCATIONS]
        if item.depth == 1:
            return X509StoreLocation(item.location, store_names(server, item.location)
                                     if server else [], note)
        if item.depth == 2:
            return X509Store(env, item.parts[1], item.location, note)
        return certificate_from_item(env, item.item, note)

    # -- dynamic parameters ---------------------------------------------------------------
    def dynamic_parameters(self, command: str) -> Tuple[Parameter, ...]:
        d = self.context.dialect
        code = Parameter("CodeSigningCert", SWITCH)
        document = Parameter("DocumentEncryptionCert", SWITCH)
        if command == "Get-ChildItem":
            if not d.cert_filter_parameters:
                return (code,)
            return (code, document, Parameter("SSLServerAuthentication", SWITCH),
                    Parameter("DnsName", StringType(
                        "Microsoft.PowerShell.Commands.DnsNameRepresentation")),
                    Parameter("Eku", ListOf(StringType(), "System.String[]")),
                    Parameter("ExpiringInDays", IntType()))
        if command == "Get-Item":
            return (code, document) if d.cert_filter_parameters else (code,)
        if command == "Remove-Item" and d.cert_provider_writes:
            return (Parameter("DeleteKey", SWITCH),)
        return ()

    def item_filter(self, params: Any) -> Optional[Callable[[CertPath], bool]]:
        tests: List[Callable[[Any], bool]] = []
        if params.get("CodeSigningCert"):
            tests.append(lambda c: c.HasPrivateKey and _has_purpose(c, _CODE_SIGNING))
        if params.get("DocumentEncryptionCert"):
            tests.append(lambda c: _has_purpose(c, _DOCUMENT_ENCRYPTION))
        if params.get("SSLServerAuthentication"):
            tests.append(lambda c: _has_purpose(c, _SERVER_AUTH))
        dns = params.get("DnsName")
        if dns is not None:
            rx = re.compile(fnmatch.translate(to_string(dns)), re.I)
            tests.append(lambda c: any(rx.match(str(n)) for n in c.DnsNameList))
        ekus = params.get("Eku")
        if ekus:
            patterns = [re.compile(fnmatch.translate(to_string(e)), re.I) for e in ekus]
            tests.append(lambda c: not c.EnhancedKeyUsageList or all(
                any(p.match(str(u)) for u in c.EnhancedKeyUsageList) for p in patterns))
        days = params.get("ExpiringInDays")
        if params.get("ExpiringInDays") is not None and days is not None:
            now = self.context.clock.now()
            deadline = now.replace(hour=0, minute=0, second=0, microsecond=0) + \
                _dt.timedelta(days=int(days))

            def expiring(c: Any) -> bool:
                if int(days) <= 0:
                    return c.NotAfter < now
                return c.NotBefore <= now <= c.NotAfter < deadline
            tests.append(expiring)
        if not tests:
            return None
        env = env_of(self.context)

        def keep(item: CertPath) -> bool:
            if item.item is None:
                return False
            cert = certificate_from_item(env, item.item)
            return all(t(cert) for t in tests)
        return keep

    # -- removing -----------------------------------------------------------------------
    def remove_prompt(self, item: CertPath, params: Any) -> Tuple[str, str]:
        if not self.context.dialect.cert_provider_writes:
            raise ProviderError("ProviderNotSupported", self.item_path(item))
        action = "Remove certificate and its private key." if params.get("DeleteKey") \
            else "Remove certificate"
        return action, "Item: %s " % item.text

    def remove(self, item: CertPath, recurse: bool = False) -> None:
        self.remove_item(item, recurse, {})

    def remove_item(self, item: CertPath, recurse: bool, params: Any) -> None:
        from ..exchange.certstores import CURRENT_USER, StoreAccessDenied
        if not self.context.dialect.cert_provider_writes:
            raise ProviderError("ProviderNotSupported", self.item_path(item))
        if item.depth <= 1:
            raise CertProviderError(_CONTAINER_MESSAGE, "CannotRemoveContainer", self.item_path(item))
        if item.depth == 2:
            if item.location == CURRENT_USER:
                raise CertProviderError(_USER_STORE_MESSAGE, "CannotDeleteUserStore",
                                        self.item_path(item))
            raise CertProviderError(_SYSTEM_STORE_MESSAGE % item.parts[1], "CannotRemoveSystemStore",
                                    self.item_path(item))
        stored = item.item
        delete_key = bool(params.get("DeleteKey")) if hasattr(params, "get") else False
        try:
            key = item.store.remove(stored.thumbprint)
        except StoreAccessDenied:
            raise CertProviderError("Access is denied.", "System.ComponentModel.Win32Exception",
                                    self.item_path(item), "NotSpecified",
                                    "System.ComponentModel.Win32Exception") from None
        except KeyError:
            raise ProviderError("PathNotFound", self.item_path(item)) from None
        if key is not None and not delete_key:
            # The key container stays on the machine (certutil -repairstore finds it).
            item.store.server.orphan_keys.append(key)


def _has_purpose(cert: X509Certificate2, oid: str) -> bool:
    from ..exchange.x509text import eku_oids
    ekus = eku_oids(cert.x509)
    return not ekus or oid in ekus or "2.5.29.37.0" in ekus

"""The Windows Server PKI module (2013+ profiles: Server 2012 R2 and later) and
Get-PfxCertificate (PowerShell's own, every version).

* Import-PfxCertificate / Export-PfxCertificate -- a PFX into a Cert: store (the key
  with it) and back out; the PFX is written as Windows writes one (3DES/SHA-1, or
  AES-256 with -CryptoAlgorithmOption where the server has it).
* Import-Certificate / Export-Certificate -- certificates without keys: .cer (DER
  or base64), .p7b and .sst (a serialized store).
* New-SelfSignedCertificate -- Server 2012 R2's small parameter set (-DnsName,
  -CloneCert, -CertStoreLocation) or Server 2016's (-Subject, -KeyAlgorithm,
  -KeyLength, -NotAfter, -KeyExportPolicy, -TextExtension, -KeyUsage, -Type,
  -FriendlyName, -Signer...): which one is a profile fact.
* Test-Certificate -- builds the chain under the emulated trust and clock.

The stores are the machine's (:mod:`exshell.exchange.certstores`), reached through
the Cert: provider's paths, so what these cmdlets import, Get-ExchangeCertificate
sees.  Errors read as the module writes them; where the real text is not known the
words are ours and marked so here.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any, List, Optional, Tuple

from ..engine.cmdlet import Cmdlet
from ..engine.completion import PATH, complete_paths, completing
from ..engine.conversion import (SWITCH, ChoiceType, DateTimeType, IntType, ListOf, ObjectType,
                                 StringType, to_string)
from ..engine.parameters import Parameter
from ..engine.properties import type_names
from ..profiles import has_full_selfsigned, has_pfx_crypto_option, has_pki_module
from .types import SECURE_STRING
from .x509types import (CertEnv, CertificateLoadError, PathNote, X509Certificate2,
                        certificate_from_item, env_of, load_certificate_data, password_text)

__all__ = ["ImportPfxCertificate", "ExportPfxCertificate", "ImportCertificate", "ExportCertificate",
           "NewSelfSignedCertificate", "TestCertificate", "GetPfxCertificate", "PKI_MESSAGES",
           "resolve_store", "certificate_argument", "read_certificates", "serialized_store",
           "CHAIN_ERRORS"]

_PKI = "Microsoft.CertificateServices.Commands."
_CERT_TYPE = "Microsoft.CertificateServices.Commands.Certificate"

#: The module's texts.  "ours" marks wording we could not check against a server.
PKI_MESSAGES = {
    "bad_password": "The PFX file you are trying to import requires either a different password or "
                    "membership in an Active Directory principal to which it is protected.",
    "not_exportable": "Cannot export non-exportable private key.",
    "file_not_found": "The system cannot find the file specified. (Exception from HRESULT: 0x80070002)",
    "path_not_found": "The system cannot find the path specified. (Exception from HRESULT: 0x80070003)",
    "bad_data": "Cannot find the requested object. (Exception from HRESULT: 0x80092004)",
    "exists": "The file exists. (Exception from HRESULT: 0x80070050)",
    # ours:
    "need_password": "Either the Password or the ProtectTo parameter must be specified.",
    "not_a_store": "Cannot use '%s' as a certificate store: give a store path such as "
                   "Cert:\\LocalMachine\\My.",
    "my_only": "New-SelfSignedCertificate stores certificates in Cert:\\LocalMachine\\My or "
               "Cert:\\CurrentUser\\My only.",
    "no_subject": "Specify -DnsName, -Subject or -CloneCert: the certificate needs a subject.",
    "bad_extension": "The value '%s' of the TextExtension parameter is not valid.",
    "signer_key": "The signing certificate has no private key.",
    "pfxdata_only": "PfxDataOnly is valid only with the PFXData parameter.",
    "no_domain": "Cannot protect the PFX file to '%s': no such user or group in the domain.",
    "bad_key_algorithm": "The key algorithm '%s' is not supported.",
    "bad_hash": "The hash algorithm '%s' is not supported.",
    # CertEnroll's failure for a key length or validity it refuses.
    "bad_parameter": "CertEnroll::CX509Enrollment::_CreateRequest: The parameter is incorrect. "
                     "0x80070057 (WIN32: 87 ERROR_INVALID_PARAMETER)",
}

#: X509ChainStatus name -> (CERT_TRUST_* name, hex HRESULT, decimal, symbol).
CHAIN_ERRORS = {
    "NotTimeValid": ("CERT_TRUST_IS_NOT_TIME_VALID", "0x800b0101", -2146762495, "CERT_E_EXPIRED"),
    "Revoked": ("CERT_TRUST_IS_REVOKED", "0x80092010", -2146885616, "CRYPT_E_REVOKED"),
    "NotSignatureValid": ("CERT_TRUST_IS_NOT_SIGNATURE_VALID", "0x80096004", -2146869244,
                          "TRUST_E_CERT_SIGNATURE"),
    "NotValidForUsage": ("CERT_TRUST_IS_NOT_VALID_FOR_USAGE", "0x800b0110", -2146762480,
                         "CERT_E_WRONG_USAGE"),
    "UntrustedRoot": ("CERT_TRUST_IS_UNTRUSTED_ROOT", "0x800b0109", -2146762487,
                      "CERT_E_UNTRUSTEDROOT"),
    "PartialChain": ("CERT_TRUST_IS_PARTIAL_CHAIN", "0x800b010a", -2146762486, "CERT_E_CHAINING"),
    "Cyclic": ("CERT_TRUST_IS_CYCLIC", "0x800b010a", -2146762486, "CERT_E_CHAINING"),
    "ExplicitDistrust": ("CERT_TRUST_IS_EXPLICIT_DISTRUST", "0x800b0111", -2146762479,
                         "TRUST_E_EXPLICIT_DISTRUST"),
    "InvalidBasicConstraints": ("CERT_TRUST_INVALID_BASIC_CONSTRAINTS", "0x80096019", -2146869223,
                                "TRUST_E_BASIC_CONSTRAINTS"),
}
_NAME_MISMATCH = ("The certificate's CN name does not match the passed value.", "0x800b010f",
                  -2146762481, "CERT_E_CN_NO_MATCH")

class _CertificateType(ObjectType):
    """``Microsoft.CertificateServices.Commands.Certificate``: an X509Certificate2, or
    a path to one on the Cert: drive (resolved by the cmdlet)."""

    dotnet_name = _CERT_TYPE

    def is_exact(self, value: Any) -> bool:
        return value is not None and "System.Security.Cryptography.X509Certificates.X509Certificate2" \
            in type_names(value)

    def convert(self, value: Any) -> Any:
        return value


#: A Certificate parameter: Tab offers Cert: paths.
CERTIFICATE = completing(_CertificateType(), complete_paths)


# ====================================================================== shared plumbing

def resolve_store(cmdlet: Cmdlet, text: Optional[str]) -> Tuple[Any, str]:
    """(LogicalStore, provider path as typed) of a Cert: store path (the current
    location when ``text`` is None); raises ValueError naming what was given."""
    shown = text if text is not None else cmdlet.context.location
    try:
        provider, item = cmdlet.context.providers.resolve(str(shown))
    except OSError:
        raise ValueError(shown) from None
    if provider.name != "Certificate" or getattr(item, "depth", 0) != 2 or item.store is None:
        raise ValueError(shown)
    return item.store, "%s\\%s" % (item.store.location, item.parts[1])


def certificate_argument(cmdlet: Cmdlet, value: Any) -> Optional[X509Certificate2]:
    """A ``Certificate`` argument: an X509Certificate2, or a Cert: path to one."""
    if isinstance(value, X509Certificate2):
        return value
    raw = getattr(value, "RawData", None)
    env = env_of(cmdlet.context)
    if isinstance(raw, (bytes, bytearray)) and not isinstance(value, str):
        try:
            return X509Certificate2(env, load_certificate_data(bytes(raw), None))
        except CertificateLoadError:
            return None
    text = to_string(value)
    try:
        provider, item = cmdlet.context.providers.resolve(text)
    except OSError:
        return None
    if provider.name != "Certificate" or not provider.exists(item) or provider.is_container(item):
        return None
    return provider.get_item(item)


def serialized_store(certs: List[Tuple[bytes, str]]) -> bytes:
    """An .sst file: a serialized certificate store (header, elements, end marker)."""
    from ..exchange.codec import serialize_certificate
    return b"\x00\x00\x00\x00CERT" + b"".join(serialize_certificate(d, f) for d, f in certs) + \
        b"\x00" * 12


def _read_serialized_store(data: bytes) -> Optional[List[Tuple[bytes, str]]]:
    import struct
    if not data.startswith(b"\x00\x00\x00\x00CERT"):
        return None
    pos, out, friendly = 8, [], ""
    while pos + 12 <= len(data):
        pid, enc, length = struct.unpack_from("<III", data, pos)
        pos += 12
        if pid == 0 and length == 0:
            return out
        if length > len(data) - pos:
            return None
        value = data[pos:pos + length]
        pos += length
        if pid == 11:
            friendly = value.decode("utf-16-le", "replace").rstrip("\0")
        elif pid == 32:
            out.append((value, friendly))
            friendly = ""
    return out


def read_certificates(data: bytes) -> List[Tuple[Any, bytes, str]]:
    """The certificates of a .cer, .p7b or .sst file: [(x509, DER, friendly name)];
    ValueError when it holds none."""
    from cryptography import x509
    from ..exchange.codec import ImportDataError, load_import
    from ..exchange.issuance import der_bytes
    store = _read_serialized_store(data)
    if store is not None:
        try:
            return [(x509.load_der_x509_certificate(d), d, f) for d, f in store]
        except ValueError:
            raise ValueError("damaged store") from None
    try:
        material = load_import(data)
    except ImportDataError:
        raise ValueError("no certificate") from None
    if material.kind == "pfx":
        raise ValueError("a PFX")
    return [(c, der_bytes(c), "") for c in material.certificates]


class _PkiCmdlet(Cmdlet, register=False):
    """A PKI module cmdlet: present where the version's Windows Server has the module."""

    available = has_pki_module
    supports_should_process = True

    @property
    def env(self) -> CertEnv:
        return env_of(self.context)

    def fail(self, key: str, error_id: str, category: str = "NotSpecified",
             exception: str = "System.Exception", target: Any = None, *args: Any,
             terminating: bool = False) -> None:
        text = PKI_MESSAGES[key] % args if args else PKI_MESSAGES[key]
        record = self.error_record(text, error_id, category, target=target,
                                   exception_type=exception)
        if terminating:
            self.throw_terminating(record)
        self.write_error(record)

    def read_input(self, path: Any) -> Optional[bytes]:
        """A file named by the user (relative to the current location); the module's
        error when it cannot be read."""
        from .filesystem import filesystem, resolve
        target = resolve(self, path, report=False)
        if target is None or not target.is_file:
            self.fail("file_not_found", "System.IO.FileNotFoundException", "NotSpecified",
                      "System.IO.FileNotFoundException", to_string(path))
            return None
        try:
            return filesystem(self).drive.read_bytes(target)
        except OSError:
            self.fail("file_not_found", "System.IO.FileNotFoundException", "NotSpecified",
                      "System.IO.FileNotFoundException", to_string(path))
            return None

    def write_output_file(self, path: Any, data: bytes, no_clobber: bool = False) -> bool:
        """Write ``data`` to the file ``path`` and output its item; False (with the
        error written) when it cannot."""
        from .filesystem import filesystem, resolve
        target = resolve(self, path, report=False)
        drive = filesystem(self).drive if target is not None else None
        if target is None or not drive.resolve(target.parent_text, "C:\\").is_folder:
            self.fail("path_not_found", "System.IO.DirectoryNotFoundException", "NotSpecified",
                      "System.IO.DirectoryNotFoundException", to_string(path))
            return False
        if no_clobber and target.exists:
            self.fail("exists", "System.IO.IOException", "NotSpecified", "System.IO.IOException",
                      target.text)
            return False
        try:
            drive.write_bytes(target, data)
        except OSError:
            self.fail("path_not_found", "System.IO.DirectoryNotFoundException", "NotSpecified",
                      "System.IO.DirectoryNotFoundException", target.text)
            return False
        provider = filesystem(self)
        self.write_object(provider.get_item(provider.resolve(target.text, "C:\\")))
        return True

    def store_or_fail(self, text: Optional[str]) -> Optional[Tuple[Any, str]]:
        try:
            return resolve_store(self, text)
        except ValueError as e:
            self.fail("not_a_store", "System.ArgumentException", "InvalidArgument",
                      "System.ArgumentException", str(e), str(e))
            return None

    def import_target(self, p: Any, action: str) -> Optional[Tuple[Any, str, bytes]]:
        """(store, its path, the file's bytes) for an import into -CertStoreLocation,
        after ShouldProcess; None when the store, the answer or the file says no."""
        found = self.store_or_fail(p.CertStoreLocation)
        if found is None:
            return None
        if not self.should_process("", target=to_string(p.FilePath), action=action):
            return None
        data = self.read_input(p.FilePath)
        if data is None:
            return None
        return found[0], found[1], data

    def emit(self, stored: Any, parent: str) -> None:
        self.write_object(certificate_from_item(self.env, stored, PathNote(parent, stored.thumbprint,
                                                                           False)))


def _add_chain(server: Any, location: str, chain: List[Any]) -> None:
    """CA certificates that came with a PFX go where Windows' import puts them:
    self-signed ones in Root, the others in CA (of the same location)."""
    from ..exchange.certstores import logical_store
    for ca in chain:
        name = "Root" if ca.subject == ca.issuer else "CA"
        store = logical_store(server, location, name)
        if store is not None:
            store.add(ca)


# ====================================================================== PFX

class ImportPfxCertificate(_PkiCmdlet):
    """Import a PFX into a Cert: store, key included."""

    name = "Import-PfxCertificate"
    dotnet_class = _PKI + "ImportPfxCertificate"
    synopsis = "Imports certificates and private keys from a Personal Information Exchange (PFX) file."
    parameters = (
        Parameter("FilePath", PATH, position=0, mandatory=True, from_pipeline_by_name=True,
                  aliases=("FullName",)),
        Parameter("CertStoreLocation", PATH, position=1),
        Parameter("Exportable", SWITCH),
        Parameter("Password", SECURE_STRING),
    )

    def process(self, p: Any) -> None:
        target = self.import_target(p, "Import PFX certificate")
        if target is None:
            return
        store, parent, data = target
        secret = password_text(p.Password)
        if secret is None:
            secret = _protected_password(self, data)
        try:
            material = load_certificate_data(data, secret)
        except CertificateLoadError:
            self.fail("bad_password", "System.Security.Cryptography.CryptographicException",
                      "NotSpecified", "System.Security.Cryptography.CryptographicException",
                      to_string(p.FilePath))
            return
        item, _added = store.add(material.cert, material.key, friendly_name=material.friendly_name,
                                 exportable=bool(p.Exportable), der=material.der)
        _add_chain(store.server, store.location, material.chain)
        self.emit(item, parent)


def _protected_password(cmdlet: Cmdlet, data: bytes) -> Optional[str]:
    """A PFX protected to AD principals (-ProtectTo) opens without a password for a
    member; the lab's domain remembers the files it protected (the world keeps them)."""
    import hashlib
    world = _organization(cmdlet)
    if world is None:
        return None
    entry = world.protected_pfx.get(hashlib.sha1(data).hexdigest())
    if entry is None:
        return None
    principals, secret = entry
    user = "%s\\%s" % (cmdlet.context.environment.get_value("USERDOMAIN") or "",
                       cmdlet.context.environment.get_value("USERNAME") or "")
    allowed = {p.casefold() for p in principals}
    groups = {user.casefold(), "contoso\\domain admins", "builtin\\administrators",
              (user.split("\\")[0] + "\\domain admins").casefold()}
    return secret if allowed & groups else None


def _organization(cmdlet: Cmdlet) -> Any:
    from ..exchange.world import ExchangeWorld
    world = cmdlet.context.find(ExchangeWorld)
    return world.organization if world is not None else None


class ExportPfxCertificate(_PkiCmdlet):
    """Export certificates with their keys to a PFX file."""

    name = "Export-PfxCertificate"
    dotnet_class = _PKI + "ExportPfxCertificate"
    synopsis = "Exports a certificate or a PFXData object to a Personal Information Exchange (PFX) file."
    parameters = (
        Parameter("Cert", CERTIFICATE, position=0, mandatory=True, from_pipeline=True,
                  from_pipeline_by_name=True, aliases=("PsPath",)),
        Parameter("FilePath", PATH, position=1, mandatory=True),
        Parameter("ChainOption", ChoiceType(["BuildChain", "EndEntityCertOnly", "PfxDataOnly"],
                                            _PKI + "ExportChainOption")),
        Parameter("NoProperties", SWITCH),
        Parameter("NoClobber", SWITCH),
        Parameter("Force", SWITCH),
        Parameter("Password", SECURE_STRING),
        Parameter("ProtectTo", ListOf(StringType(), "System.String[]")),
        Parameter("CryptoAlgorithmOption", ChoiceType(["TripleDES_SHA1", "AES256_SHA256"],
                                                      _PKI + "CryptoAlgorithmOptions"),
                  available=has_pfx_crypto_option),
    )

    def begin(self) -> None:
        self.certs: List[X509Certificate2] = []
        self.params: Any = None
        self.failed = False

    def process(self, p: Any) -> None:
        self.params = p
        cert = certificate_argument(self, p.Cert)
        if cert is None:
            self.fail("bad_data", "System.ArgumentException", "InvalidArgument",
                      "System.ArgumentException", to_string(p.Cert))
            self.failed = True
            return
        if cert.HasPrivateKey and not cert.exportable:
            self.fail("not_exportable", "System.ComponentModel.Win32Exception", "NotSpecified",
                      "System.ComponentModel.Win32Exception", cert.Thumbprint)
            self.failed = True
            return
        self.certs.append(cert)

    def end(self) -> None:
        import hashlib
        p = self.params
        if p is None or not self.certs or self.failed:
            return
        if p.ChainOption == "PfxDataOnly":
            self.fail("pfxdata_only", "System.ArgumentException", "InvalidArgument",
                      "System.ArgumentException")
            return
        secret = password_text(p.Password)
        if secret is None and not p.ProtectTo:
            self.fail("need_password", "System.ArgumentException", "InvalidArgument",
                      "System.ArgumentException")
            return
        if not self.should_process("", target=to_string(p.FilePath), action="Export PFX certificate"):
            return
        protected = secret
        if p.ProtectTo:
            org = _organization(self)
            domain = (org.name if org is not None else "").casefold()
            for principal in p.ProtectTo:
                if "\\" not in principal or principal.split("\\")[0].casefold() != domain:
                    self.fail("no_domain", "System.ArgumentException", "InvalidArgument",
                              "System.ArgumentException", principal, principal)
                    return
            if protected is None:
                import secrets
                protected = secrets.token_urlsafe(18)
        data = self._pfx(p, protected)
        if data is None:
            return
        written = self.write_output_file(p.FilePath, data, no_clobber=bool(p.NoClobber))
        org = _organization(self)
        if written and p.ProtectTo and org is not None:
            # The domain remembers who may open the file (the world store keeps it).
            org.protected_pfx[hashlib.sha1(data).hexdigest()] = (list(p.ProtectTo), protected)

    def _pfx(self, p: Any, secret: Optional[str]) -> Optional[bytes]:
        from ..exchange.codec import export_pfx_windows
        from ..exchange.issuance import der_bytes
        leaf = next((c for c in self.certs if c.key is not None), self.certs[0])
        others = [c.x509 for c in self.certs if c is not leaf]
        if p.ChainOption != "EndEntityCertOnly":
            server = self.env.server()
            if server is not None:
                from ..exchange.certstores import build_trust_chain
                for cert in self.certs:
                    chain = build_trust_chain(server, cert.x509)
                    for element in chain.elements[1:]:
                        if all(der_bytes(o) != element.der for o in others) and \
                                element.der != leaf.der:
                            others.append(element.cert)
        friendly = None if p.NoProperties else (leaf.FriendlyName or None)
        return export_pfx_windows(leaf.x509, leaf.key, secret, friendly, others,
                                  encryption=p.CryptoAlgorithmOption or "TripleDES_SHA1")


class GetPfxCertificate(Cmdlet):
    """Read a certificate file (asking for a PFX's password)."""

    name = "Get-PfxCertificate"
    dotnet_class = "Microsoft.PowerShell.Commands.GetPfxCertificateCommand"
    synopsis = "Gets information about .pfx certificate files on the computer."
    parameters = (
        Parameter("FilePath", ListOf(PATH, "System.String[]"), position=0, mandatory=True,
                  from_pipeline=True, from_pipeline_by_name=True, sets=("ByPath",)),
        Parameter("LiteralPath", ListOf(PATH, "System.String[]"), mandatory=True,
                  from_pipeline_by_name=True, aliases=("PSPath",), sets=("ByLiteralPath",)),
    )
    default_set = "ByPath"

    def process(self, p: Any) -> None:
        from .filesystem import filesystem, resolve
        from .navigation import provider_error_record
        from ..engine.providers import ProviderError
        for path in (p.FilePath or p.LiteralPath or []):
            target = resolve(self, path, report=False)
            if target is None or not target.is_file:
                self.write_error(provider_error_record(self, ProviderError("PathNotFound", str(path)),
                                                       str(path)))
                continue
            data = filesystem(self).drive.read_bytes(target)
            try:
                material = load_certificate_data(data, None)
            except CertificateLoadError:
                from ..exchange.codec import content_type
                if content_type(data) != "Pfx":
                    self._bad(target.text)
                    continue
                secret = self.host.ask("Enter password: ", secure=True)
                try:
                    material = load_certificate_data(data, secret)
                except CertificateLoadError:
                    self.write_error(self.error_record(
                        "The specified network password is not correct.", "GetPfxCertificateUnknownCryptoError",
                        "NotSpecified", target=target.text,
                        exception_type="System.Security.Cryptography.CryptographicException"))
                    continue
            self.write_object(X509Certificate2(env_of(self.context), material))

    def _bad(self, path: str) -> None:
        self.write_error(self.error_record(
            "The data is invalid.", "GetPfxCertificateUnknownCryptoError", "NotSpecified",
            target=path, exception_type="System.Security.Cryptography.CryptographicException"))


# ====================================================================== certificates

class ImportCertificate(_PkiCmdlet):
    """Import the certificates of a .cer, .p7b or .sst file into a Cert: store."""

    name = "Import-Certificate"
    dotnet_class = _PKI + "ImportCertificateCommand"
    synopsis = "Imports one or more certificates into a certificate store."
    parameters = (
        Parameter("FilePath", PATH, position=0, mandatory=True, from_pipeline_by_name=True,
                  aliases=("FullName",)),
        Parameter("CertStoreLocation", PATH),
    )

    def process(self, p: Any) -> None:
        target = self.import_target(p, "Import certificate")
        if target is None:
            return
        store, parent, data = target
        try:
            certs = read_certificates(data)
        except ValueError:
            self.fail("bad_data", "System.Security.Cryptography.CryptographicException",
                      "NotSpecified", "System.Security.Cryptography.CryptographicException",
                      to_string(p.FilePath))
            return
        for cert, der, friendly in certs:
            item, _added = store.add(cert, friendly_name=friendly or None, der=der)
            self.emit(item, parent)


class ExportCertificate(_PkiCmdlet):
    """Export certificates (no keys) as .cer, .p7b or .sst."""

    name = "Export-Certificate"
    dotnet_class = _PKI + "ExportCertificateCommand"
    synopsis = "Exports a certificate from a certificate store into a file."
    parameters = (
        Parameter("Cert", CERTIFICATE, position=0, mandatory=True, from_pipeline=True,
                  from_pipeline_by_name=True, aliases=("PsPath",)),
        Parameter("FilePath", PATH, position=1, mandatory=True),
        Parameter("Type", ChoiceType(["SST", "CERT", "P7B"], _PKI + "CertType")),
        Parameter("NoClobber", SWITCH),
        Parameter("Force", SWITCH),
    )

    def begin(self) -> None:
        self.certs: List[X509Certificate2] = []
        self.params: Any = None

    def process(self, p: Any) -> None:
        self.params = p
        cert = certificate_argument(self, p.Cert)
        if cert is None:
            self.fail("bad_data", "System.ArgumentException", "InvalidArgument",
                      "System.ArgumentException", to_string(p.Cert))
            return
        self.certs.append(cert)

    def end(self) -> None:
        from ..exchange.codec import pkcs7_bytes
        p = self.params
        if p is None or not self.certs:
            return
        if not self.should_process("", target=to_string(p.FilePath), action="Export certificate"):
            return
        kind = p.Type or "CERT"
        if kind == "P7B":
            data = pkcs7_bytes([c.x509 for c in self.certs])
        elif kind == "SST":
            data = serialized_store([(c.der, c.FriendlyName) for c in self.certs])
        else:
            data = self.certs[-1].der
        self.write_output_file(p.FilePath, data, no_clobber=bool(p.NoClobber))


# ====================================================================== New-SelfSignedCertificate

_KEY_USAGES = ("None", "EncipherOnly", "CRLSign", "CertSign", "KeyAgreement", "DataEncipherment",
               "KeyEncipherment", "NonRepudiation", "DigitalSignature", "DecipherOnly")
_TYPES = ("Custom", "CodeSigningCert", "DocumentEncryptionCert", "SSLServerAuthentication",
          "DocumentEncryptionCertLegacyCsp")
_EKU = {"SSLServerAuthentication": ("1.3.6.1.5.5.7.3.2", "1.3.6.1.5.5.7.3.1"),
        "CodeSigningCert": ("1.3.6.1.5.5.7.3.3",),
        "DocumentEncryptionCert": ("1.3.6.1.4.1.311.80.1",),
        "DocumentEncryptionCertLegacyCsp": ("1.3.6.1.4.1.311.80.1",), "Custom": ()}
_DEFAULT_KU = {"SSLServerAuthentication": ("DigitalSignature", "KeyEncipherment"),
               "CodeSigningCert": ("DigitalSignature",),
               "DocumentEncryptionCert": ("KeyEncipherment", "DataEncipherment"),
               "DocumentEncryptionCertLegacyCsp": ("KeyEncipherment", "DataEncipherment"),
               "Custom": ("DigitalSignature", "KeyEncipherment")}


def _full(name: str, ptype: Any, **kw: Any) -> Parameter:
    return Parameter(name, ptype, available=has_full_selfsigned, **kw)


_STRINGS = ListOf(StringType(), "System.String[]")


class NewSelfSignedCertificate(_PkiCmdlet):
    """Make a self-signed (or -Signer-signed) certificate in a My store."""

    name = "New-SelfSignedCertificate"
    dotnet_class = _PKI + "NewSelfSignedCertificateCommand"
    synopsis = "Creates a new self-signed certificate for testing purposes."
    parameters = (
        Parameter("DnsName", _STRINGS),
        Parameter("CloneCert", CERTIFICATE, from_pipeline=True),
        Parameter("CertStoreLocation", PATH),
        _full("Subject", StringType()),
        _full("Type", ChoiceType(list(_TYPES), _PKI + "CertificateType")),
        _full("KeyAlgorithm", StringType()),
        _full("KeyLength", IntType()),
        _full("KeyExportPolicy", ListOf(ChoiceType(["NonExportable", "ExportableEncrypted",
                                                     "Exportable"]), _PKI + "KeyExportPolicy[]")),
        _full("KeyUsage", ListOf(ChoiceType(list(_KEY_USAGES)), _PKI + "KeyUsage[]")),
        _full("TextExtension", _STRINGS),
        _full("FriendlyName", StringType()),
        _full("NotAfter", DateTimeType()),
        _full("NotBefore", DateTimeType()),
        _full("HashAlgorithm", StringType()),
        _full("SerialNumber", StringType()),
        _full("Signer", CERTIFICATE),
        _full("Provider", StringType()),
        _full("KeySpec", ChoiceType(["None", "KeyExchange", "Signature"], _PKI + "KeySpec")),
        _full("KeyFriendlyName", StringType()),
        _full("KeyDescription", StringType()),
        _full("KeyProtection", ListOf(ChoiceType(["None", "Protect", "ProtectHigh",
                                                   "ProtectFingerPrint"]), _PKI + "KeyProtection[]")),
        _full("KeyUsageProperty", ListOf(ChoiceType(["None", "Decrypt", "Sign", "KeyAgreement",
                                                      "All"]), _PKI + "KeyUsageProperty[]")),
        _full("Container", StringType()),
        _full("SuppressOid", _STRINGS),
        _full("AlternateSignatureAlgorithm", SWITCH),
        _full("TestRoot", SWITCH),
        _full("SmimeCapabilities", SWITCH),
        _full("ExistingKey", SWITCH),
        _full("KeyLocation", StringType()),
        _full("CurveExport", ChoiceType(["None", "CurveParameters", "CurveName"],
                                        _PKI + "CurveParametersExportType")),
    )

    def process(self, p: Any) -> None:
        full = self.context.profile.selfsigned_full_parameters
        where = p.CertStoreLocation
        if where is None and full:
            where = "Cert:\\LocalMachine\\MY"   # the 2016 module's default (as it shows it)
        found = self.store_or_fail(where)
        if found is None:
            return
        store, parent = found
        if store.name != "My":
            self.fail("my_only", "System.ArgumentException", "InvalidArgument",
                      "System.ArgumentException", where)
            return
        try:
            plan = self._plan(p, full)
        except _Refused as e:
            self.fail(e.key, "System.ArgumentException", "InvalidArgument",
                      "System.ArgumentException", e.value, *e.args_)
            return
        target = plan["subject_text"]
        if not self.should_process("", target=target, action="Create self-signed certificate"):
            return
        if plan["algorithm"].casefold() == "rsa" and not 512 <= plan["length"] <= 16384 or \
                plan["length"] % 8 or plan["not_after"] <= plan["not_before"]:
            self.fail("bad_parameter", "System.Exception", "NotSpecified", "System.Exception",
                      target)
            return
        try:
            cert, key = self._issue(plan)
        except _Refused as e:
            self.fail(e.key, "System.ArgumentException", "InvalidArgument",
                      "System.ArgumentException", e.value, *e.args_)
            return
        except (ValueError, TypeError):
            self.fail("bad_parameter", "System.Exception", "NotSpecified", "System.Exception",
                      target)
            return
        item, _added = store.add(cert, key, friendly_name=plan["friendly"],
                                 exportable=plan["exportable"])
        self.emit(item, parent)

    # -- what to make -------------------------------------------------------------------
    def _plan(self, p: Any, full: bool) -> dict:
        from ..exchange.names import DnSyntaxError, format_dn, parse_dn, simple_name
        now = self.context.clock.now().replace(microsecond=0)
        clone = certificate_argument(self, p.CloneCert) if p.CloneCert is not None else None
        if p.CloneCert is not None and clone is None:
            raise _Refused("bad_data", to_string(p.CloneCert))
        kind = p.Type or ("Custom" if clone is not None else "SSLServerAuthentication")
        names = [to_string(n) for n in (p.DnsName or [])]
        subject = None
        if p.Subject:
            text = p.Subject if "=" in p.Subject else "CN=" + p.Subject
            text = text.replace(";", ",") if ";" in text and "," not in text else text
            try:
                subject = parse_dn(text)
            except DnSyntaxError:
                raise _Refused("bad_extension", p.Subject, p.Subject)
        elif names:
            subject = simple_name(names[0])
        elif clone is not None:
            subject = clone.x509.subject
        if subject is None:
            raise _Refused("no_subject", "")
        algorithm = (p.KeyAlgorithm or "RSA").strip()
        if clone is not None and not p.KeyAlgorithm:
            curve = getattr(getattr(clone.x509.public_key(), "curve", None), "name", None)
            if curve:
                algorithm = {"secp256r1": "ECDSA_nistP256", "secp384r1": "ECDSA_nistP384",
                             "secp521r1": "ECDSA_nistP521"}.get(curve, "RSA")
        if algorithm.casefold() != "rsa" and not algorithm.casefold().startswith("ecdsa_"):
            raise _Refused("bad_key_algorithm", algorithm, algorithm)
        length = p.KeyLength or (clone.x509.public_key().key_size if clone is not None
                                 and algorithm.casefold() == "rsa" else 2048)
        hash_name = (p.HashAlgorithm or ("sha256" if full else "sha1")).casefold()
        if hash_name not in ("sha1", "sha256", "sha384", "sha512"):
            raise _Refused("bad_hash", p.HashAlgorithm, p.HashAlgorithm)
        not_before = p.NotBefore or (now - _dt.timedelta(minutes=10))
        if p.NotAfter is not None:
            not_after = p.NotAfter
        elif clone is not None:
            not_after = not_before + (clone.NotAfter - clone.NotBefore)
        else:
            not_after = now.replace(year=now.year + 1) if not (now.month == 2 and now.day == 29) \
                else now + _dt.timedelta(days=365)
        extensions = self._extensions(p, kind, names, clone)
        policy = [str(x) for x in (p.KeyExportPolicy or [])]
        exportable = (not policy or "NonExportable" not in policy) if full else True
        serial = None
        if p.SerialNumber:
            try:
                serial = int(re.sub(r"\s", "", p.SerialNumber), 16)
            except ValueError:
                raise _Refused("bad_extension", p.SerialNumber, p.SerialNumber)
        signer = None
        if p.Signer is not None:
            signer = certificate_argument(self, p.Signer)
            if signer is None or signer.key is None:
                raise _Refused("signer_key", to_string(p.Signer))
        return {"subject": subject, "subject_text": format_dn(subject), "algorithm": algorithm,
                "length": int(length), "hash": hash_name, "not_before": not_before,
                "not_after": not_after, "extensions": extensions, "exportable": exportable,
                "friendly": p.FriendlyName or "", "serial": serial, "signer": signer,
                "pss": bool(p.AlternateSignatureAlgorithm),
                "suppress": [to_string(o) for o in (p.SuppressOid or [])]}

    def _extensions(self, p: Any, kind: str, names: List[str], clone: Any) -> List[Tuple[Any, bool]]:
        from cryptography import x509
        if clone is not None and not p.TextExtension and not p.KeyUsage:
            return [(e.value, e.critical) for e in clone.x509.extensions
                    if e.oid.dotted_string not in ("2.5.29.14", "2.5.29.35")]
        custom = [_text_extension(t) for t in (p.TextExtension or [])]
        given = {oid for oid, _v, _c in custom}
        out: List[Tuple[Any, bool]] = []
        usages = [str(u) for u in (p.KeyUsage or _DEFAULT_KU[kind])]
        if "None" not in usages and "2.5.29.15" not in given:
            flags = {u.casefold() for u in usages}
            ku = x509.KeyUsage(
                digital_signature="digitalsignature" in flags,
                content_commitment="nonrepudiation" in flags,
                key_encipherment="keyencipherment" in flags,
                data_encipherment="dataencipherment" in flags,
                key_agreement="keyagreement" in flags or "encipheronly" in flags
                or "decipheronly" in flags,
                key_cert_sign="certsign" in flags, crl_sign="crlsign" in flags,
                encipher_only="encipheronly" in flags, decipher_only="decipheronly" in flags)
            out.append((ku, True))
        ekus = _EKU[kind]
        if ekus and "2.5.29.37" not in given:
            out.append((x509.ExtendedKeyUsage([x509.ObjectIdentifier(o) for o in ekus]), False))
        if names and "2.5.29.17" not in given:
            out.append((x509.SubjectAlternativeName([x509.DNSName(n) for n in names]), False))
        for _oid, value, critical in custom:
            out.append((value, critical))
        return out

    def _issue(self, plan: dict) -> Tuple[Any, Any]:
        from cryptography import x509
        from ..exchange.issuance import issue_certificate
        from ..exchange.keys import new_ec_key
        org = _organization(self)
        algorithm = plan["algorithm"]
        if algorithm.casefold() == "rsa":
            key = org.key_source.new_rsa_key(plan["length"]) if org is not None else None
            if key is None:
                from ..exchange.keys import GeneratedKeySource
                key = GeneratedKeySource().new_rsa_key(plan["length"])
        else:
            try:
                key = new_ec_key(algorithm.split("_", 1)[1])
            except (ValueError, IndexError):
                raise _Refused("bad_key_algorithm", algorithm, algorithm)
        extensions = [e for e in plan["extensions"]
                      if e[0].oid.dotted_string not in plan["suppress"]]
        extensions.append((x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False))
        signer = plan["signer"]
        issuer, signer_key = plan["subject"], key
        if signer is not None:
            issuer, signer_key = signer.x509.subject, signer.key
            try:
                ski = signer.x509.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
                extensions.append((x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(
                    ski.value), False))
            except x509.ExtensionNotFound:
                pass
        serial = plan["serial"]
        if serial is None:
            serial = org.serials.next() if org is not None else int.from_bytes(
                __import__("os").urandom(16), "big") >> 1
        cert = issue_certificate(subject=plan["subject"], public_key=key.public_key(),
                                 issuer=issuer, signer_key=signer_key, serial=serial,
                                 not_before=plan["not_before"], not_after=plan["not_after"],
                                 extensions=extensions, hash_name=plan["hash"], pss=plan["pss"])
        return cert, key


class _Refused(Exception):
    def __init__(self, key: str, value: Any, *args: Any):
        super().__init__(key)
        self.key = key
        self.value = value
        self.args_ = args


def _text_extension(text: str) -> Tuple[str, Any, bool]:
    """One -TextExtension string: ``oid={critical}{text}value``, ``oid={hex}...`` or
    ``oid=<base64>`` -> (oid, extension value, critical).  Raises _Refused."""
    from cryptography import x509
    import base64
    import binascii
    oid, sep, rest = str(text).partition("=")
    oid = oid.strip()
    if not sep or not re.fullmatch(r"\d+(\.\d+)+", oid):
        raise _Refused("bad_extension", text, text)
    critical = False
    if rest.casefold().startswith("{critical}"):
        critical, rest = True, rest[len("{critical}"):]
    try:
        if rest.casefold().startswith("{text}"):
            return oid, _text_value(oid, rest[len("{text}"):]), critical
        if rest.casefold().startswith("{hex}"):
            raw = bytes.fromhex(re.sub(r"\s", "", rest[len("{hex}"):]))
        else:
            raw = base64.b64decode(rest, validate=True)
    except (ValueError, binascii.Error):
        raise _Refused("bad_extension", text, text) from None
    return oid, x509.UnrecognizedExtension(x509.ObjectIdentifier(oid), raw), critical


def _text_value(oid: str, value: str) -> Any:
    from cryptography import x509
    import ipaddress
    if oid == "2.5.29.37":
        items = [v.strip() for v in re.split(r"[,&]", value) if v.strip()]
        return x509.ExtendedKeyUsage([x509.ObjectIdentifier(v) for v in items])
    if oid == "2.5.29.19":
        flags = {}
        for part in value.split("&"):
            k, _, v = part.partition("=")
            flags[k.strip().casefold()] = v.strip().casefold()
        ca = flags.get("ca", "") in ("1", "true") or value.strip().casefold() in ("true", "ca")
        length = flags.get("pathlength")
        return x509.BasicConstraints(ca=ca, path_length=int(length) if ca and length not in
                                     (None, "") else None)
    if oid == "2.5.29.17":
        names: List[Any] = []
        for part in value.split("&"):
            k, _, v = part.partition("=")
            k, v = k.strip().casefold(), v.strip()
            if not v:
                continue
            if k == "dns":
                names.append(x509.DNSName(v))
            elif k == "email":
                names.append(x509.RFC822Name(v))
            elif k == "url":
                names.append(x509.UniformResourceIdentifier(v))
            elif k == "ipaddress":
                names.append(x509.IPAddress(ipaddress.ip_address(v)))
            elif k == "upn":
                from ..exchange.issuance import der_tlv
                names.append(x509.OtherName(x509.ObjectIdentifier("1.3.6.1.4.1.311.20.2.3"),
                                            der_tlv(0x0C, v.encode("utf-8"))))
            elif k == "registeredid":
                names.append(x509.RegisteredID(x509.ObjectIdentifier(v)))
            elif k == "directoryname":
                from ..exchange.names import parse_dn
                names.append(x509.DirectoryName(parse_dn(v)))
            else:
                raise ValueError(k)
        return x509.SubjectAlternativeName(names)
    if oid in ("2.5.29.32", "1.3.6.1.4.1.311.21.10"):
        policies = []
        for part in value.split("&"):
            k, _, v = part.partition("=")
            if k.strip().casefold() == "oid":
                policies.append(x509.PolicyInformation(x509.ObjectIdentifier(v.strip()), None))
        return x509.CertificatePolicies(policies)
    raise ValueError(oid)


# ====================================================================== Test-Certificate

class TestCertificate(_PkiCmdlet):
    """Build and verify a certificate's chain."""

    name = "Test-Certificate"
    dotnet_class = _PKI + "TestCertificateCommand"
    synopsis = "Verifies a certificate including its chain, revocation status and usage."
    supports_should_process = False
    parameters = (
        Parameter("Cert", CERTIFICATE, position=0, mandatory=True, from_pipeline=True,
                  from_pipeline_by_name=True, aliases=("PsPath",)),
        Parameter("Policy", ChoiceType(["BASE", "SSL", "AUTHENTICODE", "NTAUTH"],
                                       _PKI + "TestCertificatePolicy")),
        Parameter("DNSName", StringType()),
        Parameter("EKU", _STRINGS),
        Parameter("User", SWITCH),
        Parameter("AllowUntrustedRoot", SWITCH),
        Parameter("URLRetrievalTimeout", IntType(), available=has_full_selfsigned),
    )

    def process(self, p: Any) -> None:
        from ..exchange.certstores import build_trust_chain
        cert = certificate_argument(self, p.Cert)
        server = self.env.server()
        if cert is None or server is None:
            self.fail("bad_data", "System.ArgumentException", "InvalidArgument",
                      "System.ArgumentException", to_string(p.Cert))
            return
        usage = [to_string(e) for e in (p.EKU or []) if to_string(e)]
        if (p.Policy or "BASE") == "SSL":
            usage = usage or ["1.3.6.1.5.5.7.3.1"]
        result = build_trust_chain(server, cert.x509, extra=cert.chain, usage=usage)
        problems = [s for s in result.status if not (p.AllowUntrustedRoot and s == "UntrustedRoot")]
        if problems:
            self.write_warning("Chain status:\n" + "\n".join(
                "\t" + CHAIN_ERRORS[s][0] for s in problems if s in CHAIN_ERRORS))
            first = problems[0]
            from ..exchange.x509chain import STATUS_TEXT
            _name, hexcode, number, symbol = CHAIN_ERRORS.get(first, CHAIN_ERRORS["PartialChain"])
            self._error("%s %s (%d %s)" % (STATUS_TEXT[first], hexcode, number, symbol))
            self.write_object(False)
            return
        if p.DNSName:
            wanted = re.sub(r"^dns=", "", p.DNSName, flags=re.I)
            if not _name_matches(cert, wanted):
                text, hexcode, number, symbol = _NAME_MISMATCH
                self._error("%s %s (%d %s)" % (text, hexcode, number, symbol))
                self.write_object(False)
                return
        self.write_object(True)

    def _error(self, text: str) -> None:
        self.write_error(self.error_record(text, "System.Exception", "NotSpecified",
                                           exception_type="System.Exception"))


def _name_matches(cert: X509Certificate2, wanted: str) -> bool:
    folded = wanted.casefold()
    for name in (str(n).casefold() for n in cert.DnsNameList):
        if name == folded or (name.startswith("*.") and folded.split(".", 1)[-1] == name[2:]
                              and "." in folded):
            return True
    return False

"""certutil.exe, for what admins run during certificate work: ``-store``, ``-dump``,
``-verify``, ``-addstore``, ``-delstore``, ``-repairstore``, ``-importpfx`` (and
``-viewstore``, which opens a window on Windows: exshell says so).

Options may be written ``-name`` or ``/name`` and mixed with the verb's arguments
(``certutil -user -store My``, ``certutil -p secret -importpfx C:\\a.pfx``); a file
alone means ``-dump``.  Output has certutil's shape (``My "Personal"``,
``================ Certificate 0 ================``, ``Cert Hash(sha1): ...``,
``CertUtil: -store command completed successfully.``); failures print
``CertUtil: -<verb> command FAILED: 0x... (...)`` and the message, and set
``$LASTEXITCODE`` to the HRESULT, as the real tool does (a native program writes
no PowerShell errors).

The stores are the machine's (:mod:`exshell.exchange.certstores`), the same ones the
Cert: drive and the Exchange cmdlets use; files are read on the emulated drive.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
from typing import Any, Dict, List, Optional

from ..engine.cmdlet import Cmdlet
from ..engine.conversion import SWITCH, StringType, to_string
from ..engine.parameters import Parameter
from .x509types import CertificateLoadError, env_of, load_certificate_data

__all__ = ["CertUtil", "HRESULTS", "short_date"]

#: name -> (code as certutil prints it, signed decimal, message).
HRESULTS = {
    "not_found": ("0x80092004 (-2146885628 CRYPT_E_NOT_FOUND)", -2146885628,
                  "Cannot find object or property."),
    "file_not_found": ("0x80070002 (WIN32: 2 ERROR_FILE_NOT_FOUND)", -2147024894,
                       "The system cannot find the file specified."),
    "bad_password": ("0x80070056 (WIN32: 86 ERROR_INVALID_PASSWORD)", -2147024810,
                     "The specified network password is not correct."),
    "bad_data": ("0x80092009 (-2146885623 CRYPT_E_NO_MATCH)", -2146885623,
                 "Cannot find the requested object."),
    "exists": ("0x80092005 (-2146885627 CRYPT_E_EXISTS)", -2146885627,
               "The object or property already exists."),
    "no_keyset": ("0x80090016 (-2146893802 NTE_BAD_KEYSET)", -2146893802, "Keyset does not exist"),
    "bad_arg": ("0x80070057 (WIN32: 87 ERROR_INVALID_PARAMETER)", -2147024809,
                "The parameter is incorrect."),
    "access_denied": ("0x80070005 (WIN32: 5 ERROR_ACCESS_DENIED)", -2147024891,
                      "Access is denied."),
}

_VERBS = ("store", "dump", "verify", "addstore", "delstore", "repairstore", "importpfx",
          "viewstore")
_SWITCHES = ("user", "f", "enterprise", "silent", "split", "urlfetch", "q")
_VALUED = ("p",)


def short_date(dt: _dt.datetime) -> str:
    """certutil's dates: ``12/26/2021 9:07 AM``."""
    hour = dt.hour % 12 or 12
    return "%d/%d/%d %d:%02d %s" % (dt.month, dt.day, dt.year, hour, dt.minute,
                                    "AM" if dt.hour < 12 else "PM")


class _Args:
    """certutil's own command line: the verb, options and the remaining words."""

    def __init__(self, p: Any):
        self.verb: Optional[str] = None
        self.options: Dict[str, Any] = {}
        self.words: List[str] = []
        self.unknown: Optional[str] = None
        for name in _VERBS:
            if p.get(name):
                self.verb = self.verb or name
        for name in _SWITCHES:
            if p.get(name):
                self.options[name] = True
        if p.get("p") is not None:
            self.options["p"] = to_string(p.get("p"))
        declared = set(_VERBS) | set(_SWITCHES) | set(_VALUED) | {"arguments"}
        for name in p.as_dict():
            if name.casefold() not in declared and self.unknown is None:
                self.unknown = "-" + name
        words = [to_string(w) for w in (p.get("Arguments") or [])]
        i = 0
        while i < len(words):
            word = words[i]
            key = word[1:].casefold() if word[:1] in ("/", "-") and len(word) > 1 else None
            if key in _VERBS:
                self.verb = self.verb or key
            elif key in _SWITCHES:
                self.options[key] = True
            elif key in _VALUED and i + 1 < len(words):
                self.options[key] = words[i + 1]
                i += 1
            elif key is not None and word[:1] == "-":
                self.unknown = self.unknown or word
            else:
                self.words.append(word)
            i += 1


class CertUtil(Cmdlet):
    """certutil.exe (see the module docstring)."""

    name = "certutil"
    aliases = ("certutil.exe",)
    synopsis = "Dumps and manages certificate stores and certificate files (certutil.exe)."
    parameters = tuple(Parameter(v, SWITCH) for v in _VERBS) + \
        tuple(Parameter(s, SWITCH) for s in _SWITCHES) + (
        Parameter("p", StringType()),
        Parameter("Arguments", StringType(), remaining=True),
    )

    @classmethod
    def dynamic_parameters(cls, context: Any, elements: Any, expects_input: bool) -> Any:
        """A native program takes any word: an option certutil does not know becomes a
        switch here, so that certutil itself can say "Unknown arg" (no binding error)."""
        known = {q.name.casefold() for q in cls.parameters_for(context.profile)}
        extra = []
        for el in elements:
            if el.kind == "param" and not el.literal and el.name and \
                    el.name.casefold() not in known and \
                    not any(k.startswith(el.name.casefold()) for k in known):
                known.add(el.name.casefold())
                extra.append(Parameter(el.name, SWITCH))
        return tuple(extra)

    # -- output -------------------------------------------------------------------------
    def say(self, *lines: str) -> None:
        for line in lines:
            self.write_object(line)

    def done(self, verb: str) -> None:
        self.say("CertUtil: -%s command completed successfully." % verb)
        self.context.set_exit_code(0)

    def failed(self, verb: str, key: str) -> None:
        code, number, text = HRESULTS[key]
        self.say("CertUtil: -%s command FAILED: %s" % (verb, code), "CertUtil: %s" % text)
        self.context.set_exit_code(number)

    # -- the machine --------------------------------------------------------------------
    @property
    def server(self) -> Any:
        return env_of(self.context).server()

    @property
    def spaced(self) -> bool:
        return self.context.profile.spaced_key_ids

    def _store(self, args: _Args, name: Optional[str]) -> Any:
        from ..exchange.certstores import CURRENT_USER, LOCAL_MACHINE, logical_store
        server = self.server
        if server is None:
            return None
        where = CURRENT_USER if args.options.get("user") else LOCAL_MACHINE
        return logical_store(server, where, name or "My")

    def _read(self, path: str) -> Optional[bytes]:
        from .filesystem import filesystem, resolve
        target = resolve(self, path, report=False)
        if target is None or not target.is_file:
            return None
        try:
            return filesystem(self).drive.read_bytes(target)
        except OSError:
            return None

    # -- the verbs ----------------------------------------------------------------------
    def process(self, p: Any) -> None:
        args = _Args(p)
        if args.unknown:
            self.say("CertUtil: Unknown arg: %s" % args.unknown)
            self.context.set_exit_code(HRESULTS["bad_arg"][1])
            return
        verb = args.verb or ("dump" if args.words else "dump")
        handler = getattr(self, "do_" + verb)
        handler(args)

    def do_viewstore(self, args: _Args) -> None:
        # The real verb opens the certificate selection window (a GUI).
        self.say("CertUtil: -viewstore opens a window on Windows; exshell has none. "
                 "Use certutil -store %s to list the store." % (args.words[0] if args.words else "My"))
        self.context.set_exit_code(0)

    def do_store(self, args: _Args) -> None:
        store = self._store(args, args.words[0] if args.words else None)
        if store is None:
            self.failed("store", "file_not_found")
            return
        items = store.items()
        wanted = args.words[1] if len(args.words) > 1 else None
        chosen = [(i, item) for i, item in enumerate(items) if wanted is None or
                  _matches(item, i, wanted)]
        self.say('%s "%s"' % (store.name, store.description))
        for n, (index, item) in enumerate(chosen):
            if n:
                self.say("")
            self._summary(index, item)
        if wanted is not None and not chosen:
            self.failed("store", "not_found")
            return
        self.done("store")

    def _summary(self, index: int, item: Any, key_lines: bool = True) -> None:
        from ..exchange.names import format_dn
        from ..exchange.x509text import hex_id, template_name
        cert = item.cert
        self.say("================ Certificate %d ================" % index,
                 "Serial Number: %s" % _serial(cert), "Issuer: %s" % format_dn(cert.issuer),
                 " NotBefore: %s" % short_date(_naive(cert.not_valid_before_utc)),
                 " NotAfter: %s" % short_date(_naive(cert.not_valid_after_utc)),
                 "Subject: %s" % format_dn(cert.subject))
        for e in cert.extensions:
            if e.oid.dotted_string == "1.3.6.1.4.1.311.20.2":
                name = template_name(getattr(e.value, "value", b""))
                if name:
                    self.say("Certificate Template Name (Certificate Type): %s" % name)
        if cert.subject == cert.issuer:
            from ..exchange.x509chain import signature_valid
            if signature_valid(cert, cert):
                self.say("Signature matches Public Key")
            self.say("Root Certificate: Subject matches Issuer")
        else:
            self.say("Non-root Certificate")
        self.say("Cert Hash(sha1): %s" % hex_id(bytes.fromhex(item.thumbprint), self.spaced))
        if not key_lines:
            return
        if item.has_key:
            container = _container(item.thumbprint)
            self.say("  Key Container = %s" % container,
                     "  Unique container name: %s_%s" % (
                         hashlib.md5(container.encode()).hexdigest(), _MACHINE_GUID),
                     "  Provider = Microsoft RSA SChannel Cryptographic Provider")
            if not item.exportable:
                self.say("Private key is NOT exportable")
            self.say("Encryption test passed")
        else:
            self.say("No key provider information", "Cannot find the certificate and private key "
                     "for decryption.")

    def _chosen(self, args: _Args, verb: str):
        """(store, [(index, item)...]) that ``verb STORE CERTID`` names, the store's
        heading said; None (the failure said) when the words, store or match are missing."""
        if len(args.words) < 2:
            self.failed(verb, "bad_arg")
            return None
        store = self._store(args, args.words[0])
        if store is None:
            self.failed(verb, "file_not_found")
            return None
        chosen = [(i, it) for i, it in enumerate(store.items()) if _matches(it, i, args.words[1])]
        self.say('%s "%s"' % (store.name, store.description))
        if not chosen:
            self.failed(verb, "not_found")
            return None
        return store, chosen

    def do_delstore(self, args: _Args) -> None:
        from ..exchange.certstores import StoreAccessDenied
        found = self._chosen(args, "delstore")
        if found is None:
            return
        store, chosen = found
        for n, (index, item) in enumerate(chosen):
            if n:
                self.say("")
            self._summary(index, item, key_lines=False)
            self.say("Deleting Certificate %d" % index)
            try:
                key = store.remove(item.thumbprint)
            except StoreAccessDenied:
                self.failed("delstore", "access_denied")
                return
            except KeyError:
                continue
            if key is not None:
                store.server.orphan_keys.append(key)     # the key container stays
        self.done("delstore")

    def do_addstore(self, args: _Args) -> None:
        from .pkimodule import read_certificates
        if len(args.words) < 2:
            self.failed("addstore", "bad_arg")
            return
        store = self._store(args, args.words[0])
        if store is None:
            self.failed("addstore", "file_not_found")
            return
        data = self._read(args.words[1])
        if data is None:
            self.failed("addstore", "file_not_found")
            return
        try:
            certs = read_certificates(data)
        except ValueError:
            self.failed("addstore", "bad_data")
            return
        self.say('%s "%s"' % (store.name, store.description))
        for cert, der, friendly in certs:
            from ..exchange.x509chain import signature_valid
            if cert.subject == cert.issuer and signature_valid(cert, cert):
                self.say("Signature matches Public Key")
            if store.get(hashlib.sha1(der).hexdigest().upper()) is not None and \
                    not args.options.get("f"):
                self.say('Certificate "%s" already in store.' % _simple(cert))
                continue
            store.add(cert, friendly_name=friendly or None, der=der)
            self.say('Certificate "%s" added to store.' % _simple(cert))
        self.done("addstore")

    def do_repairstore(self, args: _Args) -> None:
        from ..exchange.keys import key_matches
        found = self._chosen(args, "repairstore")
        if found is None:
            return
        store, chosen = found
        server = store.server
        for n, (index, item) in enumerate(chosen):
            if n:
                self.say("")
            if not item.has_key:
                key = _find_key(server, item.cert, key_matches)
                if key is None:
                    self._summary(index, item, key_lines=False)
                    self.failed("repairstore", "no_keyset")
                    return
                from ..exchange.store import StoreEntry, default_key_acl
                entry = item.entry
                if isinstance(entry, StoreEntry):
                    store.begin_change()
                    entry.key = key
                    entry.access_rules = tuple(default_key_acl())
                    if key in server.orphan_keys:
                        server.orphan_keys.remove(key)
            self._summary(index, store.get(item.thumbprint) or item)
        self.done("repairstore")

    def do_importpfx(self, args: _Args) -> None:
        from ..exchange.certstores import CURRENT_USER, LOCAL_MACHINE, logical_store
        if not args.words:
            self.failed("importpfx", "bad_arg")
            return
        data = self._read(args.words[0])
        if data is None:
            self.failed("importpfx", "file_not_found")
            return
        secret = args.options.get("p")
        if secret is None:
            secret = self.host.ask("Enter PFX password: ", secure=True)
        try:
            material = load_certificate_data(data, secret)
        except CertificateLoadError:
            self.failed("importpfx", "bad_password")
            return
        server = self.server
        where = CURRENT_USER if args.options.get("user") else LOCAL_MACHINE
        store = logical_store(server, where, "My") if server is not None else None
        if store is None:
            self.failed("importpfx", "access_denied")
            return
        modifiers = {w.casefold() for w in args.words[1:] for w in w.split(",")}
        exportable = "noexport" not in modifiers
        if store.get(hashlib.sha1(material.der).hexdigest().upper()) is not None and \
                not args.options.get("f"):
            self.say('Certificate "%s" already in store.' % _simple(material.cert))
            self.failed("importpfx", "exists")
            return
        store.add(material.cert, material.key, friendly_name=material.friendly_name,
                  exportable=exportable, der=material.der)
        for ca in material.chain:
            target = logical_store(server, where, "Root" if ca.subject == ca.issuer else "CA")
            if target is not None:
                target.add(ca)
        self.say('Certificate "%s" added to store.' % _simple(material.cert), "")
        self.done("importpfx")

    def do_dump(self, args: _Args) -> None:
        if not args.words:
            self._config()
            return
        data = self._read(args.words[0])
        if data is None:
            self.failed("dump", "file_not_found")
            return
        from ..exchange.codec import content_type
        kind = content_type(data)
        if kind == "Pfx":
            secret = args.options.get("p")
            if secret is None:
                secret = self.host.ask("Enter PFX password: ", secure=True)
            try:
                material = load_certificate_data(data, secret)
            except CertificateLoadError:
                self.failed("dump", "bad_password")
                return
            certs = [material.cert] + material.chain
            for index, cert in enumerate(certs):
                self.say("================ Certificate %d ================" % index,
                         "================ Begin Nesting Level 1 ================",
                         "Element %d:" % index)
                self._brief(cert)
                self.say("----------------  End Nesting Level 1  ----------------")
                if index == 0 and material.key is not None:
                    self.say("  Provider = Microsoft Software Key Storage Provider",
                             "Signature test passed")
            self.done("dump")
            return
        from .pkimodule import read_certificates
        try:
            certs = read_certificates(data)
        except ValueError:
            self.failed("dump", "bad_data")
            return
        for index, (cert, der, _friendly) in enumerate(certs):
            if len(certs) > 1:
                self.say("================ Certificate %d ================" % index)
            self._full_dump(cert, der)
        self.done("dump")

    def _brief(self, cert: Any) -> None:
        from ..exchange.issuance import der_bytes
        from ..exchange.names import format_dn
        from ..exchange.x509text import hex_id
        self.say("Serial Number: %s" % _serial(cert), "Issuer: %s" % format_dn(cert.issuer),
                 " NotBefore: %s" % short_date(_naive(cert.not_valid_before_utc)),
                 " NotAfter: %s" % short_date(_naive(cert.not_valid_after_utc)),
                 "Subject: %s" % format_dn(cert.subject))
        if cert.subject == cert.issuer:
            self.say("Signature matches Public Key", "Root Certificate: Subject matches Issuer")
        else:
            self.say("Non-root Certificate")
        self.say("Cert Hash(sha1): %s" % hex_id(hashlib.sha1(der_bytes(cert)).digest(), self.spaced))

    def _full_dump(self, cert: Any, der: bytes) -> None:
        from ..exchange.names import format_dn
        from ..exchange.x509text import format_extension, friendly_name, hex_id
        spaced = self.spaced
        sig = cert.signature_algorithm_oid.dotted_string
        self.say("X509 Certificate:", "Version: %d" % (cert.version.value + 1),
                 "Serial Number: %s" % _serial(cert), "Signature Algorithm:",
                 "    Algorithm ObjectId: %s %s" % (sig, friendly_name(sig)),
                 "    Algorithm Parameters:", "    05 00", "Issuer:")
        for rdn in reversed(format_dn(cert.issuer).split(", ")):
            self.say("    " + rdn)
        self.say("  Name Hash(sha1): %s" % hashlib.sha1(cert.issuer.public_bytes()).hexdigest(),
                 "  Name Hash(md5): %s" % hashlib.md5(cert.issuer.public_bytes()).hexdigest(), "",
                 " NotBefore: %s" % short_date(_naive(cert.not_valid_before_utc)),
                 " NotAfter: %s" % short_date(_naive(cert.not_valid_after_utc)), "", "Subject:")
        for rdn in reversed(format_dn(cert.subject).split(", ")):
            self.say("    " + rdn)
        self.say("  Name Hash(sha1): %s" % hashlib.sha1(cert.subject.public_bytes()).hexdigest(),
                 "  Name Hash(md5): %s" % hashlib.md5(cert.subject.public_bytes()).hexdigest(), "")
        pk_oid = cert.public_key_algorithm_oid.dotted_string
        key = cert.public_key()
        size = getattr(key, "key_size", 0) or getattr(getattr(key, "curve", None), "key_size", 0)
        self.say("Public Key Algorithm:",
                 "    Algorithm ObjectId: %s %s" % (pk_oid, friendly_name(pk_oid)),
                 "    Algorithm Parameters:", "    05 00",
                 "Public Key Length: %d bits" % size, "Public Key: UnusedBits = 0")
        from ..exchange.issuance import public_key_pkcs1
        try:
            blob = public_key_pkcs1(cert)
        except (ValueError, TypeError):
            blob = b""
        for line in _hex_lines(blob):
            self.say("    " + line)
        exts = list(cert.extensions)
        self.say("Certificate Extensions: %d" % len(exts))
        for e in exts:
            oid = e.oid.dotted_string
            raw = getattr(e.value, "value", None)
            if not isinstance(raw, (bytes, bytearray)):
                try:
                    raw = e.value.public_bytes()
                except Exception:  # noqa: BLE001 - an extension cryptography cannot encode
                    raw = b""
            self.say("    %s: Flags = %s, Length = %x" % (oid, "1(Critical)" if e.critical else "0",
                                                          len(raw)),
                     "    %s" % (friendly_name(oid) or oid))
            for line in format_extension(e, True, spaced).split("\r\n"):
                if line:
                    self.say("        " + line)
            self.say("")
        self.say("Signature Algorithm:", "    Algorithm ObjectId: %s %s" % (sig, friendly_name(sig)),
                 "    Algorithm Parameters:", "    05 00", "Signature: UnusedBits=0")
        for line in _hex_lines(cert.signature):
            self.say("    " + line)
        if cert.subject == cert.issuer:
            self.say("Signature matches Public Key", "Root Certificate: Subject matches Issuer")
        else:
            self.say("Non-root Certificate")
        from cryptography import x509
        ski = hashlib.sha1(getattr(x509.SubjectKeyIdentifier.from_public_key(key), "digest", b""))
        self.say("Key Id Hash(rfc-sha1): %s" % hex_id(
            x509.SubjectKeyIdentifier.from_public_key(key).digest, spaced),
            "Key Id Hash(sha1): %s" % hex_id(ski.digest(), spaced),
            "Cert Hash(md5): %s" % hex_id(hashlib.md5(der).digest(), spaced),
            "Cert Hash(sha1): %s" % hex_id(hashlib.sha1(der).digest(), spaced),
            "Cert Hash(sha256): %s" % hex_id(hashlib.sha256(der).digest(), spaced))

    def _config(self) -> None:
        """certutil alone: the CAs of the forest (the lab's enterprise CA)."""
        from ..exchange.world import ExchangeWorld
        world = self.context.find(ExchangeWorld)
        org = world.organization if world is not None else None
        if org is None:
            self.failed("dump", "not_found")
            return
        ca = org.certificate_authority
        cn = ca.subject_text.split(",")[0].split("=", 1)[1]
        dc = org.dc_fqdn
        fields = [("Name", cn), ("Organizational Unit", ""), ("Organization", ""),
                  ("Locality", ""), ("State", ""), ("Country/region", ""),
                  ("Config", "%s\\%s" % (dc, cn)), ("Exchange Certificate", ""),
                  ("Signature Certificate", ""), ("Description", ""), ("Server", dc),
                  ("Authority", cn), ("Sanitized Name", cn), ("Short Name", cn),
                  ("Sanitized Short Name", cn), ("Flags", "1"), ("Web Enrollment Servers", "")]
        self.say("Entry 0:")
        for label, value in fields:
            self.say("  %-24s\t\"%s\"" % (label + ":", value))
        self.done("dump")

    def do_verify(self, args: _Args) -> None:
        from ..exchange.certstores import build_trust_chain
        from ..exchange.names import format_dn
        from ..exchange.x509chain import STATUS_FLAGS, STATUS_TEXT
        from .pkimodule import CHAIN_ERRORS, read_certificates
        if not args.words:
            self.failed("verify", "bad_arg")
            return
        data = self._read(args.words[0])
        if data is None:
            self.failed("verify", "file_not_found")
            return
        try:
            certs = read_certificates(data)
        except ValueError:
            self.failed("verify", "bad_data")
            return
        cert, _der, _f = certs[0]
        server = self.server
        result = build_trust_chain(server, cert, extra=[c for c, _d, _n in certs[1:]])
        self.say("Issuer:", "    " + format_dn(cert.issuer), "Subject:", "    " + format_dn(cert.subject),
                 "Cert Serial Number: %s" % _serial(cert), "",
                 "dwFlags = CA_VERIFY_FLAGS_CONSOLE_TRACE (0x20000000)",
                 "dwFlags = CA_VERIFY_FLAGS_DUMP_CHAIN (0x40000000)",
                 "ChainFlags = CERT_CHAIN_REVOCATION_CHECK_CHAIN_EXCLUDE_ROOT (0x40000000)",
                 "HCCE_LOCAL_MACHINE", "CERT_CHAIN_POLICY_BASE",
                 "-------- CERT_CHAIN_CONTEXT --------")
        error = sum(STATUS_FLAGS[s] for s in result.status)
        names = " ".join(CHAIN_ERRORS[s][0] for s in result.status if s in CHAIN_ERRORS)
        self.say("ChainContext.dwErrorStatus = %s (0x%x)" % (names or "CERT_TRUST_NO_ERROR", error)
                 if error else "ChainContext.dwErrorStatus = CERT_TRUST_NO_ERROR (0x0)", "")
        for i, element in enumerate(result.elements):
            c = element.cert
            status = sum(STATUS_FLAGS[s] for s in element.status)
            self.say("CertContext[0][%d]: dwInfoStatus=102 dwErrorStatus=%x" % (i, status),
                     "  Issuer: %s" % format_dn(c.issuer),
                     "  NotBefore: %s" % short_date(_naive(c.not_valid_before_utc)),
                     "  NotAfter: %s" % short_date(_naive(c.not_valid_after_utc)),
                     "  Subject: %s" % format_dn(c.subject),
                     "  Serial: %s" % _serial(c), "  Cert: %s" % element.thumbprint.lower())
            for s in element.status:
                if s in CHAIN_ERRORS:
                    self.say("  Element.dwErrorStatus = %s (0x%x)" % (CHAIN_ERRORS[s][0],
                                                                      STATUS_FLAGS[s]))
            self.say("")
        self.say("------------------------------------")
        self.say("Verified Issuance Policies: None", "Verified Application Policies: All")
        self.say("Cert is a CA certificate" if _is_ca(cert) else "Cert is an End Entity certificate")
        if not result.status:
            if cert.subject != cert.issuer:
                self.say("Leaf certificate revocation check passed")
            self.done("verify")
            return
        first = result.status[0]
        _name, hexcode, number, symbol = CHAIN_ERRORS.get(first, CHAIN_ERRORS["PartialChain"])
        self.say("CertUtil: -verify command FAILED: %s (%d %s)" % (hexcode, number, symbol),
                 "CertUtil: %s" % STATUS_TEXT[first])
        self.context.set_exit_code(number)


#: The machine GUID unique container names end with (fixed for the lab machine).
_MACHINE_GUID = "7c1c2b0e-5d3a-4f0e-9a4b-2f6d8e1c3a57"


def _container(thumbprint: str) -> str:
    """The key container's name (a PFX export names the key bag after it too)."""
    from ..exchange.winpfx import key_container_name
    return key_container_name(thumbprint)


def _serial(cert: Any) -> str:
    n = cert.serial_number
    return n.to_bytes(n.bit_length() // 8 + 1, "big").hex() if n else "00"


def _naive(dt: _dt.datetime) -> _dt.datetime:
    return dt.replace(tzinfo=None) if dt.tzinfo else dt


def _hex_lines(data: bytes) -> List[str]:
    out = []
    for pos in range(0, len(data), 16):
        chunk = data[pos:pos + 16]
        pairs = ["%02x" % b for b in chunk]
        left, right = " ".join(pairs[:8]), " ".join(pairs[8:])
        out.append(("%04x  %s  %s" % (pos, left, right)).rstrip())
    return out


def _matches(item: Any, index: int, wanted: str) -> bool:
    """certutil's CertId: an index, a serial number, a SHA-1 hash (spaces allowed)
    or a name the subject contains."""
    from ..exchange.names import first_cn
    text = wanted.strip()
    if text.isdigit() and len(text) < 6:
        return int(text) == index
    compact = text.replace(" ", "").casefold()
    if compact == item.thumbprint.casefold() or compact == _serial(item.cert).casefold():
        return True
    cn = first_cn(item.cert.subject) or ""
    return bool(cn) and cn.casefold() == text.casefold()


def _find_key(server: Any, cert: Any, key_matches: Any) -> Any:
    """A private key on the machine for ``cert``: a container left by a removed
    certificate, a pending request's key, or another certificate's."""
    from ..exchange.store import KeyHandle
    for key in list(server.orphan_keys):
        if key_matches(key.get() if isinstance(key, KeyHandle) else key, cert):
            return key
    for store in [server.requests, server.my] + list(server.extra_stores.values()):
        for entry in store:
            if entry.has_key and key_matches(entry.key, cert):
                return entry.key
    return None


def _simple(cert: Any) -> str:
    """The name certutil puts in quotes (the simple display name)."""
    from ..exchange.x509text import name_info
    return name_info(cert, "SimpleName", False)


def _is_ca(cert: Any) -> bool:
    from cryptography import x509
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except (x509.ExtensionNotFound, ValueError):
        return cert.subject == cert.issuer

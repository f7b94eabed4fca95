"""Lab PKI commands: the certification authorities around the Exchange servers.

* ``certreq`` -- the Windows tool, as far as the Exchange procedures use it (options
  as ``-name`` or ``/name``, sorted out by its own small parser, :class:`_CertReqArgs`):
  ``certreq -submit -config "DC01.contoso.com\\contoso-DC01-CA" -attrib
  "CertificateTemplate:WebServer" req.req cert.cer [chain.p7b]`` sends a request to
  the lab enterprise CA and writes the issued certificate (base64, like certreq);
  ``certreq -accept cert.cer`` installs a response on the local server.  It prints
  what certreq prints and sets ``$LASTEXITCODE``; failures are certreq's own texts
  (a native program writes no PowerShell error records).  An option certreq does not
  know gets its usage text and ``Unknown argument: -x``, never a binding error.
* ``Request-LabPublicCertificate`` -- obviously lab-only: "orders" a certificate from
  the simulated public CA whose root every client trusts.  A ``.p7b`` out-file gets
  the issuing CA too; a ``.cer`` only the certificate (importing that alone fails
  with an untrusted chain -- the classic missing-intermediate trap).
* ``Export-LabCARoot`` -- writes a CA root (PEM) to the drive, for ``openssl verify``.

Imports the engine, the Exchange model and the sibling file-system helpers.
"""
from __future__ import annotations

import base64
from typing import Any, List, Optional

from ..engine.cmdlet import Cmdlet
from ..engine.completion import PATH
from ..engine.conversion import SWITCH, ChoiceType, StringType
from ..engine.parameters import Parameter
from ..exchange.errors import ExchangeError

__all__ = ["CertReq", "RequestLabPublicCertificate", "ExportLabCARoot", "pem_certificate",
           "CERTREQ_MESSAGES", "TEMPLATES"]

#: certreq's messages (the Windows texts, with their HRESULTs).
CERTREQ_MESSAGES = {
    "not_found": "Certificate Request Processor: The system cannot find the file specified. "
                 "0x80070002 (WIN32: 2 ERROR_FILE_NOT_FOUND)",
    "exists": "Certificate Request Processor: The file exists. 0x80070050 (WIN32: 80 ERROR_FILE_EXISTS)",
    "bad_request": "Certificate Request Processor: ASN1 bad tag value met. 0x8009310b "
                   "(ASN: 267 CRYPT_E_ASN1_BADTAG)",
    "no_template": "Certificate Request Processor: The request contains no certificate template "
                   "information. 0x80094801 (-2146875391 CERTSRV_E_NO_CERT_TYPE)",
    "bad_template": "Certificate Request Processor: The requested certificate template is not "
                    "supported by this CA. 0x80094800 (-2146875392 CERTSRV_E_UNSUPPORTED_CERT_TYPE)",
    "bad_config": "Certificate Request Processor: The RPC server is unavailable. 0x800706ba "
                  "(WIN32: 1722 RPC_S_SERVER_UNAVAILABLE)",
    "no_key": "Certificate Request Processor: Cannot find object or property. 0x80092004 "
              "(-2146885628 CRYPT_E_NOT_FOUND)",
    # ours: the real tool opens a file dialog when a file name is missing.
    "missing_files": "certreq: name the files: certreq -submit [-config CA] [-attrib ...] "
                     "RequestFileIn CertFileOut (exshell cannot show certreq's file dialog). "
                     "0x80070057 (WIN32: 87 ERROR_INVALID_PARAMETER)",
    "verb": "certreq: choose -submit or -accept (exshell emulates these two verbs).",
}
#: certreq's usage text, printed before "Unknown argument: <arg>" (as certreq.exe of
#: Windows Server 2019 prints it; exshell shows this one in every version).
CERTREQ_USAGE = """Usage:
  CertReq -?
  CertReq [-v] -?
  CertReq [-Command] -?

  CertReq [-Submit] [Options] [RequestFileIn [CertFileOut [CertChainFileOut [FullResponseFileOut]]]]
    Submit a request to a Certification Authority.

  Options:
    -attrib AttributeString
    -binary
    -PolicyServer PolicyServer
    -config ConfigString
    -Anonymous
    -Kerberos
    -ClientCertificate ClientCertId
    -UserName UserName
    -p Password
    -crl
    -rpc
    -AdminForceMachine
    -RenewOnBehalfOf
    -NoChallenge

  CertReq -Retrieve [Options] RequestId [CertFileOut [CertChainFileOut [FullResponseFileOut]]]
    Retrieve a response to a previous request from a Certification Authority.

  Options:
    -binary
    -PolicyServer PolicyServer
    -config ConfigString
    -Anonymous
    -Kerberos
    -ClientCertificate ClientCertId
    -UserName UserName
    -p Password
    -crl
    -rpc
    -AdminForceMachine

  CertReq -New [Options] [PolicyFileIn [RequestFileOut]]
    Create a new request as directed by PolicyFileIn

  Options:
    -attrib AttributeString
    -binary
    -cert CertId
    -PolicyServer PolicyServer
    -config ConfigString
    -Anonymous
    -Kerberos
    -ClientCertificate ClientCertId
    -UserName UserName
    -p Password
    -pin Pin
    -user
    -machine
    -xchg ExchangeCertFile

  CertReq -Accept [Options] [CertChainFileIn | FullResponseFileIn | CertFileIn]
    Accept and install a response to a previous new request.

  Options:
    -user 
    -machine 
    -pin Pin

  CertReq -Policy [Options] [RequestFileIn [PolicyFileIn [RequestFileOut [PKCS10FileOut]]]]
    Construct a cross certification or qualified subordination request
    from an existing CA certificate or from an existing request.

  Options:
    -attrib AttributeString
    -binary
    -cert CertId
    -PolicyServer PolicyServer
    -Anonymous
    -Kerberos
    -ClientCertificate ClientCertId
    -UserName UserName
    -p Password
    -pin Pin
    -noEKU
    -AlternateSignatureAlgorithm
    -HashAlgorithm HashAlgorithm

  CertReq -Sign [Options] [RequestFileIn [RequestFileOut]]
    Sign a certificate request with an enrollment agent or qualified
    subordination signing certificate.

  Options:
    -binary
    -cert CertId
    -PolicyServer PolicyServer
    -Anonymous
    -Kerberos
    -ClientCertificate ClientCertId
    -UserName UserName
    -p Password
    -pin Pin
    -crl
    -noEKU
    -HashAlgorithm HashAlgorithm

  CertReq -Enroll [Options] TemplateName
  CertReq -Enroll -cert CertId [Options] Renew [ReuseKeys]
    Enroll for or renew a certificate.

  Options:
    -PolicyServer PolicyServer
    -user 
    -machine 
    -pin Pin

  CertReq -EnrollAIK [Options] [KeyContainerName]
    Enroll for AIK certificate.

  Options:
    -config

  CertReq -EnrollCredGuardCert [Options] TemplateName [ExtensionInfFile]
    NOTE: Enrolling for machine account Credential Guard certificate is not supported on this platform.

  Options:
    Not supported on this platform

  CertReq -EnrollLogon [Options]
    Enroll for Hello for Business Logon certificate via ADFS.

  Options:
    -q

  CertReq -Post [Options]
    POST an http request.

  Options:
    -attrib AttributeString
    -config URL
"""
#: The verbs and options certreq knows (an option outside these is "Unknown argument").
CERTREQ_OPTIONS = frozenset((
    "?", "v", "submit", "retrieve", "new", "accept", "policy", "sign", "enroll", "enrollaik",
    "enrollcredguardcert", "enrolllogon", "post", "attrib", "binary", "policyserver", "config",
    "anonymous", "kerberos", "clientcertificate", "username", "p", "crl", "rpc",
    "adminforcemachine", "renewonbehalfof", "nochallenge", "cert", "pin", "user", "machine",
    "xchg", "noeku", "alternatesignaturealgorithm", "hashalgorithm", "q", "f"))
#: E_INVALIDARG, certreq's exit code for an argument it does not know.
CERTREQ_BAD_ARGUMENT = -2147024809

#: Templates the lab enterprise CA publishes (name -> display name).
TEMPLATES = {"webserver": "WebServer"}


def pem_certificate(der: bytes, newline: str = "\r\n") -> str:
    """A certificate in base64 with BEGIN/END lines, as certreq and certutil write it."""
    body = base64.b64encode(der).decode("ascii")
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return newline.join(["-----BEGIN CERTIFICATE-----"] + lines + ["-----END CERTIFICATE-----"]) + newline


def _request_input(data: bytes) -> Any:
    """A request file as certreq reads it: a BOM (the UTF-16 file that
    ``[Text.Encoding]::Unicode.GetBytes($req)`` makes) means text."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:3] == b"\xef\xbb\xbf":
        from .filesystem import decode_text
        return decode_text(data)
    if len(data) > 1 and data[1:2] == b"\x00" and data[:1] == b"-":
        return data.decode("utf-16-le", "replace")      # UTF-16 without a BOM
    return data


def _der(cert: Any) -> bytes:
    from ..exchange.issuance import der_bytes
    return der_bytes(cert)


class _PkiCmdlet(Cmdlet, register=False):
    @property
    def organization(self) -> Any:
        """The Exchange organisation (through the session's Exchange world)."""
        from .exchange_certificate import world_of
        return world_of(self).organization

    def read(self, path: str) -> Optional[bytes]:
        from .filesystem import filesystem, resolve
        target = resolve(self, path, report=False)
        if target is None or not target.is_file:
            return None
        try:
            return filesystem(self).drive.read_bytes(target)
        except OSError:
            return None


class CertReq(_PkiCmdlet):
    """certreq.exe -submit / -accept against the lab CA (see module docstring)."""

    name = "certreq"
    aliases = ("certreq.exe",)
    synopsis = "Submits a request to the lab enterprise CA, or accepts a CA response (certreq.exe)."
    parameters = (
        Parameter("submit", SWITCH),
        Parameter("accept", SWITCH),
        Parameter("config", StringType()),
        Parameter("attrib", StringType()),
        Parameter("f", SWITCH),
        Parameter("q", SWITCH),
        Parameter("RequestFileIn", PATH, position=0),
        Parameter("CertFileOut", PATH, position=1),
        Parameter("CertChainFileOut", PATH, position=2),
        Parameter("FullResponseFileOut", PATH, position=3),
        # certreq also takes "/submit /config X": those words arrive as plain
        # arguments and are sorted out by _parse_slash_options.
        Parameter("Arguments", StringType(), remaining=True),
    )

    @classmethod
    def dynamic_parameters(cls, context: Any, elements: Any, expects_input: bool) -> Any:
        """A native program takes any word: an option exshell's certreq does not declare
        becomes a switch here, so that certreq itself answers (no binding error)."""
        known = {q.name.casefold() for q in cls.parameters_for(context.profile)}
        extra = []
        for el in elements:
            if el.kind == "param" and not el.literal and el.name and \
                    el.name.casefold() not in known and \
                    not any(k.startswith(el.name.casefold()) for k in known):
                known.add(el.name.casefold())
                extra.append(Parameter(el.name, SWITCH))
        return tuple(extra)

    def say(self, *lines: str) -> None:
        for line in lines:
            self.write_object(line)

    def done(self, code: int) -> None:
        self.context.set_exit_code(code)

    def usage_error(self, argument: str) -> None:
        """certreq's answer to an argument it does not know: its usage, then the word."""
        self.say(*CERTREQ_USAGE.split("\n"))
        self.say("Unknown argument: %s" % argument, "")
        self.done(CERTREQ_BAD_ARGUMENT)

    def fail(self, key: str) -> None:
        text = CERTREQ_MESSAGES[key]
        self.say(text)
        self.done(int(text.rsplit("0x", 1)[1][:8], 16) - (1 << 32) if "0x" in text else 1)

    def process(self, p: Any) -> None:
        p = _parse_slash_options(p)
        if p.unknown:
            self.usage_error(p.unknown)
            return
        if p.accept:
            self.accept(p)
        elif p.submit:
            self.submit(p)
        else:
            self.fail("verb")

    # ------------------------------------------------------------ -submit
    def _authority(self, config: Optional[str]) -> Any:
        org = self.organization
        ca = org.certificate_authority
        if config is None:
            return ca     # the real tool asks in a dialog; the lab has one enterprise CA
        host, _, ca_name = str(config).partition("\\")
        dc = org.dc_fqdn
        hosts = {dc.casefold(), dc.split(".")[0].casefold()}
        cn = ca.subject_text.split(",")[0].split("=", 1)[1]
        # Accept the CA's real name and "<Organisation>-CA" (the form many how-tos show).
        names = {cn.casefold(), ("%s-CA" % org.name).casefold()}
        if host.casefold() not in hosts or ca_name.casefold() not in names:
            return None
        return ca

    def submit(self, p: Any) -> None:
        from ..exchange.codec import ImportDataError
        ca = self._authority(p.config)
        if ca is None:
            self.fail("bad_config")
            return
        if p.RequestFileIn is None or p.CertFileOut is None:
            self.fail("missing_files")
            return
        data = self.read(p.RequestFileIn)
        if data is None:
            self.fail("not_found")
            return
        template = None
        for part in (p.attrib or "").replace("\\n", "\n").split("\n"):
            key, _, value = part.partition(":")
            if key.strip().casefold() == "certificatetemplate":
                template = value.strip()
        if not template:
            self.fail("no_template")
            return
        if template.replace(" ", "").casefold() not in TEMPLATES:
            self.fail("bad_template")
            return
        from .filesystem import resolve, write_file
        out = resolve(self, p.CertFileOut)
        if out is None:
            self.done(1)
            return
        if out.exists and not p.f:
            self.fail("exists")
            return
        try:
            cert = ca.issue(_request_input(data))
        except (ImportDataError, ValueError):
            self.fail("bad_request")
            return
        request_id = getattr(ca, "next_request_id", 2)
        ca.next_request_id = request_id + 1
        if write_file(self, p.CertFileOut, pem_certificate(_der(cert)).encode("ascii"), p=out) is None:
            self.done(1)
            return
        if p.CertChainFileOut:
            chain = base64.b64encode(ca.response(cert, with_chain=True)).decode("ascii")
            text = "\r\n".join(chain[i:i + 64] for i in range(0, len(chain), 64)) + "\r\n"
            write_file(self, p.CertChainFileOut, text.encode("ascii"))
        self.say("RequestId: %d" % request_id, 'RequestId: "%d"' % request_id,
                 "Certificate retrieved(Issued) Issued")
        self.done(0)

    # ------------------------------------------------------------ -accept
    def accept(self, p: Any) -> None:
        if p.RequestFileIn is None:
            self.fail("missing_files")
            return
        data = self.read(p.RequestFileIn)
        if data is None:
            self.fail("not_found")
            return
        server = self.organization.local_server
        try:
            plan = server.plan_import(data)
            if not plan.completes_request:
                self.fail("no_key")
                return
            view = server.apply_import(plan)
        except ExchangeError:
            self.fail("bad_request")
            return
        self.say("Installed Certificate:", "  Serial Number: %s" % view.SerialNumber,
                 "  Subject: %s" % view.Subject, "  NotBefore: %s" % _short(view.NotBefore),
                 "  NotAfter: %s" % _short(view.NotAfter), "  Thumbprint: %s" % view.Thumbprint.lower())
        self.done(0)


class _CertReqArgs:
    """certreq's arguments after its own small parser: options may be written
    ``-name`` (bound by PowerShell) or ``/name`` (plain words sorted out here)."""

    FILES = ("RequestFileIn", "CertFileOut", "CertChainFileOut", "FullResponseFileOut")
    SWITCHES = ("submit", "accept", "f", "q")
    VALUED = ("config", "attrib")

    def __init__(self, p: Any):
        self.values = {name: p.get(name) for name in self.SWITCHES + self.VALUED}
        #: The first argument certreq does not know (it answers with its usage).
        self.values["unknown"] = None
        declared = {n.casefold() for n in self.FILES + self.SWITCHES + self.VALUED} | {"arguments"}
        for name in p.as_dict():       # options PowerShell bound as extra switches
            folded = name.casefold()
            if folded not in declared and folded not in CERTREQ_OPTIONS:
                self.values["unknown"] = self.values["unknown"] or "-" + name
        words = [p.get(name) for name in self.FILES if p.get(name) is not None]
        words += list(p.get("Arguments") or [])
        files: List[str] = []
        i = 0
        while i < len(words):
            word = str(words[i])
            key = word[1:].casefold() if word[:1] in ("/", "-") and len(word) > 1 else None
            if key in self.SWITCHES:
                self.values[key] = True
            elif key in self.VALUED and i + 1 < len(words):
                self.values[key] = str(words[i + 1])
                i += 1
            elif key is not None and key not in CERTREQ_OPTIONS and not self.values["unknown"]:
                self.values["unknown"] = word
            else:
                files.append(word)
            i += 1
        for name, value in zip(self.FILES, files):
            self.values[name] = value

    def __getattr__(self, name: str) -> Any:
        return self.__dict__["values"].get(name)


def _parse_slash_options(p: Any) -> _CertReqArgs:
    return _CertReqArgs(p)


def _short(dt: Any) -> str:
    hour = dt.hour % 12 or 12
    return "%d/%d/%d %d:%02d %s" % (dt.month, dt.day, dt.year, hour, dt.minute,
                                    "AM" if dt.hour < 12 else "PM")


class RequestLabPublicCertificate(_PkiCmdlet):
    """Order a certificate from the simulated public CA (lab only)."""

    name = "Request-LabPublicCertificate"
    dotnet_class = "exshell.Lab.RequestLabPublicCertificateCommand"
    synopsis = ("LAB ONLY: signs a request with the simulated public CA (its root is trusted "
                "everywhere). A .p7b out-file includes the issuing CA.")
    parameters = (
        Parameter("RequestFile", PATH, position=0, mandatory=True),
        Parameter("OutFile", PATH, position=1, mandatory=True),
        Parameter("Force", SWITCH),
    )

    def process(self, p: Any) -> None:
        from ..exchange.authority import public_authority
        from ..exchange.codec import ImportDataError
        from .filesystem import read_file, resolve, write_file
        data = read_file(self, p.RequestFile)
        if data is None:
            return
        out = resolve(self, p.OutFile)
        if out is None:
            return
        if out.exists and not p.Force:
            self.write_error(self.error_record(
                "The file '%s' already exists. Use -Force to replace it." % out.text, "OutFileExists",
                "ResourceExists", target=out.text, exception_type="System.IO.IOException"))
            return
        from ..exchange.authority import NoSubjectAltNamesError
        ca = public_authority(self.organization)
        try:
            cert = ca.issue(_request_input(data))
        except NoSubjectAltNamesError:
            self.write_error(self.error_record(
                "The public CA refused the request: it names no domains (subject alternative names). "
                "Create the request with -DomainName.", "RequestWithoutNames", "InvalidData",
                target=p.RequestFile, exception_type="System.InvalidOperationException"))
            return
        except (ImportDataError, ValueError):
            self.write_error(self.error_record(
                "The file '%s' does not contain a certificate request (PKCS#10)." % p.RequestFile,
                "InvalidRequest", "InvalidData", target=p.RequestFile,
                exception_type="System.Security.Cryptography.CryptographicException"))
            return
        if out.name.casefold().endswith((".p7b", ".p7c")):
            payload = ca.response(cert, with_chain=True)
        else:
            payload = pem_certificate(_der(cert)).encode("ascii")
        if write_file(self, p.OutFile, payload, p=out) is None:
            return
        from ..engine.properties import PSObject
        from ..exchange.store import StoreEntry
        self.write_object(PSObject([
            ("Subject", _name(cert.subject)), ("Issuer", _name(cert.issuer)),
            ("NotAfter", cert.not_valid_after_utc.replace(tzinfo=None)),
            ("Thumbprint", StoreEntry(cert).thumbprint), ("OutFile", out.text)],
            ("exshell.Lab.IssuedCertificate", "System.Object")))


def _name(name: Any) -> str:
    from ..exchange.names import format_dn
    return format_dn(name)


class ExportLabCARoot(_PkiCmdlet):
    """Write a lab CA certificate (PEM) to the drive, e.g. for ``openssl verify``."""

    name = "Export-LabCARoot"
    dotnet_class = "exshell.Lab.ExportLabCARootCommand"
    synopsis = "LAB ONLY: writes the enterprise (or public) CA root, PEM, to a file."
    parameters = (
        Parameter("Path", PATH, position=0, mandatory=True),
        Parameter("Authority", ChoiceType(["Enterprise", "Public"]), position=1),
        Parameter("IncludeIssuingCA", SWITCH),
    )

    def process(self, p: Any) -> None:
        from .filesystem import write_file
        org = self.organization
        certs: List[Any]
        if (p.Authority or "Enterprise") == "Public":
            from ..exchange.authority import public_authority
            ca = public_authority(org)
            certs = [ca.cert] + ([ca.issuing_cert] if p.IncludeIssuingCA else [])
        else:
            certs = [org.certificate_authority.cert]
        text = "".join(pem_certificate(_der(c)) for c in certs)
        target = write_file(self, p.Path, text.encode("ascii"))
        if target is not None:
            from .filesystem import filesystem
            self.write_object(filesystem(self).get_item(filesystem(self).resolve(target.text, "C:\\")))

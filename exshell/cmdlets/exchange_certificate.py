"""Get-, New- (with -GenerateRequest), Enable-, Remove-, Import- and
Export-ExchangeCertificate.

Each cmdlet declares its parameters per version (reference §2) and acts on the
Exchange model through its ``world`` (the :class:`~exshell.exchange.world.ExchangeWorld`
the shell registered in the context): check, build, ask, mutate.
Errors the model raises come back as the remote error records EMS shows (the
servicelet's message, CategoryInfo, ``HEX,Namespace.Class``).
"""
from __future__ import annotations

from typing import Any, List, Optional, Tuple

from ..engine.cmdlet import Cmdlet
from ..engine.completion import (PATH, Candidate, CompletionCache, CompletionRequest, completing,
                                 register_warmer)
from ..engine.conversion import (BOOL, SWITCH, BytesType, DotNetObjectType, EnumType, IntType,
                                 ListOf, PerVersion, StringType)
from ..engine.errors import ErrorRecord
from ..engine.parameters import Parameter
from ..exchange.errors import ExchangeError
from ..exchange.services import AllowedServices
from ..exchange.world import ExchangeWorld
from ..profiles import (SMTP_QUESTION_CONSOLE, has_2010_parameters, has_identity_param,
                        has_server_param)
from .types import SECURE_STRING

__all__ = ["ExchangeCmdlet", "world_of", "world_in", "target_server",
           "complete_thumbprints", "complete_certificate_identities", "thumbprint_candidates", "complete_servers", "GetExchangeCertificate", "NewExchangeCertificate",
           "EnableExchangeCertificate", "RemoveExchangeCertificate", "ImportExchangeCertificate",
           "ExportExchangeCertificate", "LIFECYCLE_ERRORS", "file_data_object"]

NAMESPACE = "Microsoft.Exchange.Management.SystemConfigurationTasks."
#: A session without an Exchange organisation (a bare engine context): our words.
NO_WORLD = "This session has no Exchange organization."

# ------------------------------------------------------------------ completion of values

def world_in(context: Any) -> Optional[ExchangeWorld]:
    """The context's Exchange world, if any (completers: read only)."""
    return context.find(ExchangeWorld)


def target_server(request: CompletionRequest) -> Any:
    """The server a command typed so far acts on: -Server (or the server part of
    -Identity), else the local one; None when it is unknown."""
    world = world_in(request.context)
    if world is None:
        return None
    org = world.organization
    name = request.given.get("server", "").strip(QUOTES)
    identity = request.given.get("identity", "").strip(QUOTES)
    if not name and "\\" in identity:
        name = identity.split("\\", 1)[0]
    if not name:
        return org.local_server
    try:
        return org.get_server(name)
    except Exception:  # an unknown server: nothing to offer
        return None


def thumbprint_candidates(server: Any, cache: CompletionCache, identities: bool = False,
                          world: Any = None) -> List[Candidate]:
    """Tab's candidates for every certificate and pending request of ``server``, newest
    first as Get-ExchangeCertificate lists them: the thumbprint (``identities``:
    ``SERVER\\thumbprint``), the services code beside it and the subject as the
    description.  Built once and kept while the world is unchanged (the background
    warmer builds them after each command), so a Tab only filters a ready list.  What
    never changes for a thumbprint (its subject and date) is kept across commands."""
    stamp = world.revision if world is not None else None

    def build() -> List[Candidate]:
        from ..exchange.names import format_dn
        facts = cache.memo("certificate-facts")     # thumbprint -> (NotBefore, subject)
        entries = list(server.my) + list(server.requests)
        codes = server.services_codes(entries)
        rows = []
        for entry, code in zip(entries, codes):
            thumb = entry.thumbprint
            fact = facts.get(thumb)
            if fact is None:
                cert = entry.cert
                fact = facts[thumb] = (cert.not_valid_before_utc, format_dn(cert.subject))
            rows.append((fact[0], thumb, code, fact[1]))
        rows.sort(key=lambda r: r[0], reverse=True)
        return [Candidate(t, 0, t + "  " + code, subject) for _, t, code, subject in rows]

    plain = cache.get(("thumbprints", id(server)), build, stamp)
    if not identities:
        return plain

    def build_identities() -> List[Candidate]:
        head = server.name + "\\"
        return [Candidate(head + c.text, 0, head + c.display, c.meta) for c in plain]
    return cache.get(("identities", id(server)), build_identities, stamp)


def _matching(candidates: List[Candidate], prefix: str) -> List[Candidate]:
    """The candidates whose text starts with ``prefix`` (already folded as the texts
    are): the ready list itself when nothing is typed."""
    if not prefix:
        return candidates
    return [c for c in candidates if c.text.startswith(prefix)]


def complete_thumbprints(request: CompletionRequest) -> List[Candidate]:
    """The target server's thumbprints, with the services code and subject beside."""
    server = target_server(request)
    if server is None:
        return []
    return _matching(thumbprint_candidates(server, request.cache, world=world_in(request.context)),
                     request.word.upper())


def complete_certificate_identities(request: CompletionRequest) -> List[Candidate]:
    """``SERVER\\thumbprint`` of the certificates of the server typed before the
    backslash (else -Server, else the local one)."""
    word = request.word
    name = word.split("\\", 1)[0] if "\\" in word else request.given.get("server", "")
    server = target_server(CompletionRequest(request.context, given={"server": name},
                                             cache=request.cache))
    if server is None:
        return []
    found = thumbprint_candidates(server, request.cache, identities=True,
                                  world=world_in(request.context))
    # The server part as the user typed it may differ in case: compare thumbprints.
    head, _, thumb = word.rpartition("\\")
    if head and head.casefold() != server.name.casefold():
        return []
    if not head and word and not (server.name + "\\").casefold().startswith(word.casefold()):
        return []
    cut = len(server.name) + 1
    prefix = thumb.upper() if head else ""
    if not prefix:
        return found
    return [c for c in found if c.text.startswith(prefix, cut)]


def complete_servers(request: CompletionRequest) -> List[Candidate]:
    """The organisation's servers, with their FQDN beside."""
    world = world_in(request.context)
    if world is None:
        return []
    prefix = request.word.upper()
    return [Candidate(s.name, 0, s.name, s.fqdn) for s in world.organization.servers
            if s.name.upper().startswith(prefix)]


def _warm_thumbprints(context: Any, cache: CompletionCache) -> None:
    """After each command, the local server's thumbprints are read in the background
    (only when the organisation exists already: building it is the commands' job)."""
    world = world_in(context)
    if world is not None and world.organization_built and world.organization.local_server:
        # Both lists: thumbprints, and SERVER\thumbprint identities (2013+'s -Identity).
        thumbprint_candidates(world.organization.local_server, cache, identities=True, world=world)


register_warmer(_warm_thumbprints)

#: Quote characters a value being completed may start with.
QUOTES = "'\u2018\u2019\u201a\u201b\"\u201c\u201d\u201e"

# Parameter types, named as .NET shows them in binding messages.
THUMBPRINT = completing(StringType("System.String"), complete_thumbprints)
SERVER = completing(StringType("Microsoft.Exchange.Configuration.Tasks.ServerIdParameter"),
                    complete_servers)
FQDN = StringType("Microsoft.Exchange.Data.Fqdn")
IDENTITY = completing(StringType("Microsoft.Exchange.Configuration.Tasks.ExchangeCertificateIdParameter"),
                      complete_certificate_identities)
X509 = DotNetObjectType("System.Security.Cryptography.X509Certificates.X509Certificate2")
SUBJECT = StringType("System.Security.Cryptography.X509Certificates.X500DistinguishedName")
DOMAINS_GET = ListOf(StringType("Microsoft.Exchange.Data.SmtpDomain"),
                     "Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.SmtpDomain]")
DOMAINS_NEW = ListOf(StringType("Microsoft.Exchange.Data.SmtpDomainWithSubdomains"),
                     "Microsoft.Exchange.Data.MultiValuedProperty`1"
                     "[Microsoft.Exchange.Data.SmtpDomainWithSubdomains]")


def _services_for(profile: Any) -> EnumType:
    names = AllowedServices.names() if profile is None else list(profile.allowed_services)
    return EnumType(AllowedServices, NAMESPACE + "AllowedServices", names=lambda: names)


def _file_param(field: str, name: str) -> Any:
    """Availability of a file parameter: ``name`` is in the profile's ``field``
    (``new_file_params``, ``import_file_params``, ``export_file_params``)."""
    return lambda profile: name in getattr(profile, field)


#: AllowedServices, with the enumerator names of the session's version.
SERVICES = PerVersion(_services_for)


#: Full .NET names of the exceptions the model reports by short name.
_FULL_EXCEPTION_NAMES = {
    "InvalidOperationException": "System.InvalidOperationException",
    "ArgumentException": "System.ArgumentException",
    "NotSupportedException": "System.NotSupportedException",
    "ManagementObjectNotFoundException":
        "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
    "ManagementObjectAmbiguousException":
        "Microsoft.Exchange.Configuration.Tasks.ManagementObjectAmbiguousException",
}


def world_of(cmdlet: Cmdlet) -> ExchangeWorld:
    """The Exchange world in ``cmdlet``'s context; a terminating error without one."""
    world = cmdlet.context.find(ExchangeWorld)
    if world is None:
        cmdlet.throw_terminating(cmdlet.error_record(
            NO_WORLD, "NoExchangeOrganization", "InvalidOperation",
            exception_type="System.InvalidOperationException"))
    return world


class ExchangeCmdlet(Cmdlet, register=False):
    """Shared plumbing of the Exchange cmdlets: server resolution and error records."""

    #: An Exchange task: EMS 2010+ reaches it as an implicit-remoting proxy function
    #: (Get-Command says Function, module tmp_...), 2007 from its snap-in.
    exchange_task = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # EMS reaches these cmdlets through implicit-remoting proxy functions, so a
        # binding error's FullyQualifiedErrorId names the function, not the class.
        cls.binding_fqid = cls.name
        super().__init_subclass__(**kwargs)

    @property
    def world(self) -> ExchangeWorld:
        """The Exchange world of this session (``context.find(ExchangeWorld)``)."""
        return world_of(self)

    @property
    def organization(self) -> Any:
        """The organisation (built on first use)."""
        return self.world.organization

    @property
    def profile(self) -> Any:
        return self.context.profile

    def server(self, p: Any) -> Any:
        """The target server: -Server, the server part of -Identity, or the local one."""
        org = self.organization
        name = p.get("Server")
        identity = p.get("Identity")
        if identity and "\\" in str(identity):
            name = str(identity).split("\\", 1)[0]
        if name:
            return org.get_server(name)
        return org.local_server

    def thumbprint_of(self, p: Any) -> Optional[str]:
        identity = p.get("Identity")
        if identity:
            return str(identity).split("\\", 1)[-1]
        return p.get("Thumbprint")

    def exchange_record(self, error: ExchangeError) -> ErrorRecord:
        """An ExchangeError as the error record EMS shows (it came from the server)."""
        record = ErrorRecord(
            message=error.display_message(self.profile.rpc_prefix),
            error_id=error.hex_id,
            category=error.category,
            exception_type=_FULL_EXCEPTION_NAMES.get(error.exception_type, error.exception_type),
            target=error.target, activity=self.name, fqid_command=NAMESPACE + self.dotnet_name(),
            invocation=self.runtime.invocation, remote=True, server=error.server,
            server_fqdn=self._server_fqdn(error.server))
        if self.profile.error_stamp:
            record.extra["stamp"] = self.world.server_stamp(error.server, record.reason)
        return record

    def _server_fqdn(self, name: Optional[str]) -> Optional[str]:
        try:
            return self.organization.local_server.fqdn
        except Exception:  # pragma: no cover - defensive: display only
            return None

    @classmethod
    def dotnet_name(cls) -> str:
        return cls.name.replace("-", "")

    def report(self, error: ExchangeError) -> None:
        self.write_error(self.exchange_record(error))


def _common_server(sets: tuple = ("Thumbprint",)) -> tuple:
    return (
        Parameter("Server", SERVER, sets=sets, available=has_server_param),
        Parameter("DomainController", FQDN, available=has_server_param),
    )


def _writes_certificates(cls: Any) -> Any:
    """Class decorator: the cmdlet writes ExchangeCertificate objects (Tab on a later
    ``-Property`` offers their properties, as the version shows them)."""
    def output_properties(_cls: Any, context: Any) -> Tuple[str, ...]:
        from ..exchange.certificate import view_class_for
        return tuple(view_class_for(context.dialect).PS_PROPERTIES)
    cls.output_properties = classmethod(output_properties)
    return cls


@_writes_certificates
class GetExchangeCertificate(ExchangeCmdlet):
    """List the Exchange certificates of a server, or one by thumbprint."""

    name = "Get-ExchangeCertificate"
    dotnet_class = NAMESPACE + "GetExchangeCertificate"
    default_set = "Thumbprint"
    synopsis = "Shows the certificates Exchange can use on a server, and pending requests."
    parameters = (
        Parameter("Thumbprint", THUMBPRINT, position=0, sets=("Thumbprint",), from_pipeline=True),
        Parameter("Identity", IDENTITY, position=0, sets=("Identity",), available=has_identity_param),
        Parameter("Instance", X509, sets=("Instance",), from_pipeline=True),
        Parameter("Server", SERVER, sets=("Thumbprint", "Instance"), available=has_server_param),
        Parameter("DomainController", FQDN, available=has_server_param),
        Parameter("DomainName", DOMAINS_GET),
    )

    def process(self, p: Any) -> None:
        try:
            server = self.server(p)
            thumbprint = self.thumbprint_of(p)
            instance = p.Instance
            if instance is not None:
                thumbprint = instance.Thumbprint
            if thumbprint:
                cert = server.get_certificate(thumbprint, "get")
                if p.DomainName:
                    matching = {c.Thumbprint for c in server.certificates_for_domains(p.DomainName)}
                    if cert.Thumbprint not in matching:
                        return
                self.write_object(cert)
                return
            if p.DomainName:
                certs = server.certificates_for_domains(p.DomainName)
            else:
                certs = server.certificates()
            for cert in certs:
                self.write_object(cert)
        except ExchangeError as e:
            self.report(e)


@_writes_certificates
class NewExchangeCertificate(ExchangeCmdlet):
    """Create a self-signed certificate (or, with -GenerateRequest, a request)."""

    name = "New-ExchangeCertificate"
    dotnet_class = NAMESPACE + "NewExchangeCertificate"
    default_set = "Certificate"
    supports_should_process = True
    confirm_impact = "Medium"
    synopsis = "Creates a new self-signed certificate; piped a certificate, renews it."
    parameters = (
        Parameter("Services", SERVICES, sets=("Certificate",)),
        Parameter("GenerateRequest", SWITCH, sets=("Request",)),
        Parameter("BinaryEncoded", SWITCH, sets=("Request",)),
        Parameter("RequestFile", PATH, sets=("Request",),
                  available=_file_param("new_file_params", "RequestFile")),
        Parameter("Path", PATH, sets=("Request",),
                  available=_file_param("new_file_params", "Path")),
        Parameter("SubjectName", SUBJECT),
        Parameter("DomainName", DOMAINS_NEW),
        Parameter("FriendlyName", StringType()),
        Parameter("KeySize", IntType()),
        Parameter("PrivateKeyExportable", BOOL),
        Parameter("IncludeAcceptedDomains", SWITCH),
        Parameter("IncludeAutoDiscover", SWITCH),
        Parameter("IncludeServerFQDN", SWITCH, available=has_2010_parameters),
        Parameter("IncludeServerNetBIOSName", SWITCH, available=has_2010_parameters),
        Parameter("SubjectKeyIdentifier", StringType(), available=has_2010_parameters),
        Parameter("Instance", X509, from_pipeline=True),
        Parameter("Server", SERVER, available=has_server_param),
        Parameter("Force", SWITCH),
        Parameter("DomainController", FQDN),
    )

    def process(self, p: Any) -> None:
        try:
            server = self.server(p)
            request_file = p.RequestFile if p.RequestFile is not None else p.Path
            if p.BinaryEncoded and not p.GenerateRequest:
                raise lifecycle_error("CertificateRequestMissingForArgument", server.name, "new")
            if request_file is not None and not p.GenerateRequest:
                raise lifecycle_error("CertificateRequestMissingGenerateRequest", server.name, "new")
            if p.GenerateRequest:
                self.generate_request(p, server, request_file)
                return
            plan = server.plan_new_certificate(
                instance=p.Instance, subject_name=p.SubjectName, domain_names=p.DomainName,
                friendly_name=p.FriendlyName, key_size=p.KeySize,
                private_key_exportable=bool(p.PrivateKeyExportable), services=p.Services,
                include_accepted_domains=p.IncludeAcceptedDomains,
                include_autodiscover=p.IncludeAutoDiscover,
                include_server_fqdn=p.IncludeServerFQDN,
                include_server_netbios_name=p.IncludeServerNetBIOSName,
                generate_request=False, subject_key_identifier=p.SubjectKeyIdentifier)
            for warning in plan.warnings:
                self.write_warning(warning)
            if not self.should_process(plan.describe()):
                return
            pending = server.build_certificate(plan)
            question = server.smtp_question(pending, plan.services)
            make_default = True
            if question is not None and not p.Force:
                make_default = self.ask_smtp(question)
            cert = server.install_certificate(pending, make_default_smtp=make_default)
            self.write_object(cert)
        except ExchangeError as e:
            self.report(e)

    def ask_smtp(self, question: Any) -> bool:
        return ask_smtp_question(self, question)

    def generate_request(self, p: Any, server: Any, request_file: Optional[str]) -> None:
        """-GenerateRequest: a key and a PKCS#10 request kept in the REQUEST store; the
        output is the request text (or, -BinaryEncoded, an object with FileData)."""
        plan = server.plan_new_certificate(
            instance=p.Instance, subject_name=p.SubjectName, domain_names=p.DomainName,
            friendly_name=p.FriendlyName, key_size=p.KeySize,
            private_key_exportable=bool(p.PrivateKeyExportable), services=None,
            include_accepted_domains=p.IncludeAcceptedDomains,
            include_autodiscover=p.IncludeAutoDiscover,
            include_server_fqdn=p.IncludeServerFQDN,
            include_server_netbios_name=p.IncludeServerNetBIOSName,
            generate_request=True, subject_key_identifier=p.SubjectKeyIdentifier)
        target = None
        if request_file is not None:
            # Checked before anything is generated: an existing file is refused.
            target = check_new_file(self, server, request_file, ".req", "CertificateInvalidRequestFile")
            if target is None:
                return
        for warning in plan.warnings:
            self.write_warning(warning)
        if not self.should_process(plan.describe()):
            return
        pending = server.build_certificate(plan)
        server.install_certificate(pending, make_default_smtp=False)
        if p.BinaryEncoded:
            data: Any = pending.request_der
            output: Any = file_data_object(data)
        else:
            output = data = pending.request_text()
        if target is not None:
            from .filesystem import write_file
            raw = data if isinstance(data, bytes) else data.encode("ascii")
            if write_file(self, request_file, raw, p=target) is None:
                return
        self.write_object(output)


def ask_smtp_question(cmdlet: ExchangeCmdlet, question: Any) -> bool:
    """The "overwrite the default SMTP certificate?" question, in the version's form."""
    from ..exchange.texts import smtp_prompt
    profile = cmdlet.profile
    caption, lines = smtp_prompt(profile.smtp_question, question.current.Thumbprint,
                                 question.current.NotAfter, question.new.Thumbprint,
                                 question.new.NotAfter)
    return cmdlet.runtime.should_continue("\n".join(lines), caption, True,
                                          suspend=profile.smtp_question == SMTP_QUESTION_CONSOLE)


class EnableExchangeCertificate(ExchangeCmdlet):
    """Assign a certificate to Exchange services (IIS, SMTP, POP, IMAP, UM...)."""

    name = "Enable-ExchangeCertificate"
    dotnet_class = NAMESPACE + "EnableExchangeCertificate"
    default_set = "Thumbprint"
    supports_should_process = True
    confirm_impact = "Medium"
    synopsis = "Enables a certificate for Exchange services; services are only ever added."
    parameters = (
        Parameter("Thumbprint", THUMBPRINT, position=0, mandatory=True, sets=("Thumbprint",),
                  from_pipeline=True, from_pipeline_by_name=True),
        Parameter("Identity", IDENTITY, position=0, sets=("Identity",), available=has_identity_param),
        Parameter("Services", SERVICES, mandatory=True),
        Parameter("DoNotRequireSsl", SWITCH),
        Parameter("Force", SWITCH),
        Parameter("NetworkServiceAllowed", SWITCH, available=has_2010_parameters),
        Parameter("Server", SERVER, sets=("Thumbprint",), available=has_server_param),
        Parameter("DomainController", FQDN),
    )

    def process(self, p: Any) -> None:
        try:
            server = self.server(p)
            services = p.Services
            plan = server.plan_enable(self.thumbprint_of(p), services,
                                      network_service_allowed=p.NetworkServiceAllowed)
            if services == AllowedServices.None_:
                return  # a silent no-op, as on a real server
            if not self.should_process(plan.describe()):
                return
            make_default = True
            if plan.smtp_question is not None and not p.Force:
                make_default = ask_smtp_question(self, plan.smtp_question)
            for warning in server.apply_enable(plan, make_default_smtp=make_default,
                                               require_ssl=not p.DoNotRequireSsl):
                self.write_warning(warning)
        except ExchangeError as e:
            self.report(e)


class RemoveExchangeCertificate(ExchangeCmdlet):
    """Delete a certificate (or a pending request) from a server's store."""

    name = "Remove-ExchangeCertificate"
    dotnet_class = NAMESPACE + "RemoveExchangeCertificate"
    default_set = "Thumbprint"
    supports_should_process = True
    confirm_impact = "High"
    synopsis = "Removes a certificate from the server; asks first unless -Confirm:$false."
    parameters = (
        Parameter("Thumbprint", THUMBPRINT, position=0, mandatory=True, sets=("Thumbprint",),
                  from_pipeline=True, from_pipeline_by_name=True),
        Parameter("Identity", IDENTITY, position=0, sets=("Identity",), available=has_identity_param),
        Parameter("Server", SERVER, sets=("Thumbprint",), available=has_server_param),
        Parameter("DomainController", FQDN),
    )

    def process(self, p: Any) -> None:
        from ..exchange.texts import CONFIRM
        try:
            server = self.server(p)
            typed = self.thumbprint_of(p)
            # The real task asks first and only then calls the server, which looks the
            # certificate up and refuses blocked removals: a wrong thumbprint is
            # confirmed, then reported.
            if not self.should_process(CONFIRM["remove"].format(thumbprint=typed)):
                return
            server.remove_certificate(typed)
        except ExchangeError as e:
            self.report(e)


# ============================================================================ lifecycle (issue 4)
# Import-/Export-ExchangeCertificate and the file parameters of New/Import/Export.

#: Errors of the file parameters and argument checks that the model does not raise.
#: Only the resource keys are known (reference §6.2); the texts are ours.
LIFECYCLE_ERRORS = {
    "CertificateRequestMissingForArgument": (
        "The BinaryEncoded parameter can only be used with the GenerateRequest parameter.",
        "InvalidArgument", "ArgumentException", False),
    "CertificateRequestMissingGenerateRequest": (
        "The RequestFile parameter can only be used with the GenerateRequest parameter.",
        "InvalidArgument", "ArgumentException", False),
    "CertificateInvalidRequestFile": (
        "The request file '{path}' already exists or can't be created. Specify a new file name.",
        "InvalidArgument", "ArgumentException", True),
    "CertificateInvalidFileName": (
        "The file '{path}' already exists or can't be created. Specify a new file name.",
        "InvalidArgument", "ArgumentException", True),
    "ImportCertificateFileInvalid": (
        "The certificate file couldn't be read on server {server}: {detail}",
        "InvalidOperation", "InvalidOperationException", True),
    "ImportCertificateDataIsNull": (
        "Specify the certificate data with the FileData, FileName or Instance parameter.",
        "InvalidArgument", "ArgumentException", False),
}

#: Extensions New (-RequestFile) and Export (-FileName) accept as they are; any other
#: name gets ".req" / ".pfx" appended, as the 2013 tasks do.
CERTIFICATE_EXTENSIONS = (".req", ".csr", ".txt", ".pfx", ".p12", ".cer", ".crt", ".der",
                          ".p7b", ".p7c", ".pem")

FILE_DATA_TYPE = "Microsoft.Exchange.Data.BinaryFileDataObject"


def lifecycle_error(error_id: str, server: Optional[str], purpose: str, **fields: Any) -> ExchangeError:
    text, category, exc, rpc = LIFECYCLE_ERRORS[error_id]
    return ExchangeError(error_id, text.format(server=server, **fields), category=category,
                         exception_type=exc, server=server, rpc=rpc, purpose=purpose)


def file_data_object(data: bytes) -> Any:
    """What -BinaryEncoded writes: an object whose FileData is the Byte[]."""
    from ..engine.properties import PSObject
    return PSObject([("FileData", data)], (FILE_DATA_TYPE, "System.Object"))


def check_new_file(cmdlet: "ExchangeCmdlet", server: Any, path: str, default_ext: str,
                   error_id: str) -> Any:
    """Resolve a file the task is going to create (appending ``default_ext`` to a name
    without a certificate extension); an existing file, or a missing folder, fails
    with ``error_id`` before anything is done.  Returns the drive path, or None after
    the drive reported a bad path."""
    from .filesystem import resolve
    text = str(path)
    if not text.casefold().endswith(CERTIFICATE_EXTENSIONS):
        text += default_ext
    target = resolve(cmdlet, text)
    if target is None:
        return None
    from .filesystem import filesystem
    drive = filesystem(cmdlet).drive
    unc = target.drive.startswith("\\\\")     # lab shares appear on demand
    if target.exists or (not unc and not drive.resolve(target.parent_text, "C:\\").is_folder):
        raise lifecycle_error(error_id, server.name, "new" if error_id.endswith("RequestFile")
                              else "export", path=target.text)
    return target


def _secure_text(value: Any) -> Optional[str]:
    if value is None:
        return None
    plain = getattr(value, "plain_text", None)
    return plain() if callable(plain) else str(value)


@_writes_certificates
class ImportExchangeCertificate(ExchangeCmdlet):
    """Install a certificate: complete a pending request with the CA's response, or
    import a PFX (with its key and chain), a .cer or a PKCS#7 chain."""

    name = "Import-ExchangeCertificate"
    dotnet_class = NAMESPACE + "ImportExchangeCertificate"
    default_set = "FileData"
    supports_should_process = True
    confirm_impact = "Medium"
    synopsis = "Imports a certificate or completes a pending request with the CA's response."
    parameters = (
        Parameter("FileData", BytesType(), mandatory=True, sets=("FileData",),
                  available=has_2010_parameters),
        Parameter("FileName", PATH, mandatory=True, sets=("FileName",),
                  available=_file_param("import_file_params", "FileName")),
        Parameter("Path", PATH, position=0, mandatory=True, sets=("Path",),
                  available=_file_param("import_file_params", "Path")),
        Parameter("Instance", ListOf(StringType(), "System.String[]"), mandatory=True,
                  sets=("Instance",), from_pipeline=True),
        Parameter("Password", SECURE_STRING),
        Parameter("PrivateKeyExportable", BOOL, available=has_2010_parameters),
        Parameter("FriendlyName", StringType()),
        Parameter("Server", SERVER, from_pipeline=True, available=has_server_param),
        Parameter("DomainController", FQDN),
    )

    def process(self, p: Any) -> None:
        try:
            server = self.server(p)
            data: Any = None
            if p.FileData is not None:
                data = p.FileData
            elif p.Instance is not None:
                data = list(p.Instance)
            else:
                path = p.FileName if p.FileName is not None else p.Path
                if path is None:
                    raise lifecycle_error("ImportCertificateDataIsNull", server.name, "import")
                data = self._read(server, path)
                if data is None:
                    return
            plan = server.plan_import(data, password=_secure_text(p.Password),
                                      friendly_name=p.FriendlyName,
                                      private_key_exportable=bool(p.PrivateKeyExportable))
            if not self.should_process(plan.describe()):
                return
            self.write_object(server.apply_import(plan))
        except ExchangeError as e:
            self.report(e)

    def _read(self, server: Any, path: str) -> Optional[bytes]:
        from .filesystem import resolve
        target = resolve(self, path, report=False)
        if target is None or not target.is_file:
            shown = target.text if target is not None else str(path)
            reason = ("Could not find file '%s'." % shown) if target is None or not target.exists \
                else ("Access to the path '%s' is denied." % shown)
            raise lifecycle_error("ImportCertificateFileInvalid", server.name, "import", detail=reason)
        try:
            from .filesystem import filesystem
            return filesystem(self).drive.read_bytes(target)
        except OSError as e:
            from .filesystem import drive_error_record
            raise lifecycle_error("ImportCertificateFileInvalid", server.name, "import",
                                  detail=drive_error_record(self, e, target.text).message) from None


class ExportExchangeCertificate(ExchangeCmdlet):
    """Export a certificate with its private key (PFX), or a pending request (PKCS#10)."""

    name = "Export-ExchangeCertificate"
    dotnet_class = NAMESPACE + "ExportExchangeCertificate"
    default_set = "Thumbprint"
    supports_should_process = True
    confirm_impact = "Medium"
    synopsis = "Exports a certificate and its key as a PFX, or a pending request."
    parameters = (
        Parameter("Thumbprint", THUMBPRINT, position=0, mandatory=True, sets=("Thumbprint",),
                  from_pipeline=True, from_pipeline_by_name=True),
        Parameter("Identity", IDENTITY, position=0, sets=("Identity",), available=has_identity_param),
        Parameter("BinaryEncoded", SWITCH),
        Parameter("Password", SECURE_STRING),
        Parameter("FileName", PATH, available=_file_param("export_file_params", "FileName")),
        Parameter("Path", PATH, available=_file_param("export_file_params", "Path")),
        Parameter("Force", SWITCH, available=_file_param("export_file_params", "Path")),
        Parameter("Server", SERVER, sets=("Thumbprint",), available=has_server_param),
        Parameter("DomainController", FQDN),
    )

    def process(self, p: Any) -> None:
        from ..exchange.texts import CONFIRM
        try:
            server = self.server(p)
            thumbprint = self.thumbprint_of(p)
            path = p.FileName if p.FileName is not None else p.Path
            target = None
            if path is not None:
                if p.Force and p.Path is not None:
                    from .filesystem import resolve
                    target = resolve(self, path if str(path).casefold().endswith(CERTIFICATE_EXTENSIONS)
                                     else str(path) + ".pfx")
                else:
                    target = check_new_file(self, server, path, ".pfx", "CertificateInvalidFileName")
                if target is None:
                    return
            password = _secure_text(p.Password)
            server.check_exportable(thumbprint, password=password)
            if not self.should_process(CONFIRM["export"].format(thumbprint=thumbprint)):
                return
            data = server.export_certificate(thumbprint, password=password,
                                             binary=bool(p.BinaryEncoded))
            entry = server.entry_of(thumbprint)
            if entry is not None and entry.key_is_stand_in():
                from ..exchange.texts import STAND_IN_KEY_WARNING
                self.write_warning(STAND_IN_KEY_WARNING.format(thumbprint=entry.thumbprint))
            if target is not None:
                from .filesystem import write_file
                raw = data if isinstance(data, bytes) else data.encode("ascii")
                if write_file(self, path, raw, p=target) is None:
                    return
            self.write_object(file_data_object(data) if p.BinaryEncoded else data)
        except ExchangeError as e:
            self.report(e)

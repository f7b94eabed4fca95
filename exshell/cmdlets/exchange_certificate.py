"""Get-, New-, Enable- and Remove-ExchangeCertificate.

Each cmdlet declares its parameters per version (reference §2) and acts on the
Exchange model through ``self.session.app`` (the Shell): check, build, ask, mutate.
Errors the model raises come back as the remote error records EMS shows (the
servicelet's message, CategoryInfo, ``HEX,Namespace.Class``).
"""
from __future__ import annotations

from typing import Any, List, Optional

from ..engine.cmdlet import Cmdlet
from ..engine.conversion import (BOOL, SWITCH, DotNetObjectType, EnumType, IntType, ListOf,
                                 PerVersion, StringType)
from ..engine.errors import ErrorRecord
from ..engine.parameters import Parameter
from ..exchange.errors import ExchangeError
from ..exchange.services import AllowedServices

__all__ = ["ExchangeCmdlet", "GetExchangeCertificate", "NewExchangeCertificate",
           "EnableExchangeCertificate", "RemoveExchangeCertificate"]

NAMESPACE = "Microsoft.Exchange.Management.SystemConfigurationTasks."
V2010_UP = ("2010", "2013", "2016", "2019")
V2013_UP = ("2013", "2016", "2019")

# Parameter types, named as .NET shows them in binding messages.
THUMBPRINT = StringType("System.String")
SERVER = StringType("Microsoft.Exchange.Configuration.Tasks.ServerIdParameter")
FQDN = StringType("Microsoft.Exchange.Data.Fqdn")
IDENTITY = StringType("Microsoft.Exchange.Configuration.Tasks.ExchangeCertificateIdParameter")
X509 = DotNetObjectType("System.Security.Cryptography.X509Certificates.X509Certificate2")
SUBJECT = StringType("System.Security.Cryptography.X509Certificates.X500DistinguishedName")
DOMAINS_GET = ListOf(StringType("Microsoft.Exchange.Data.SmtpDomain"),
                     "Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.SmtpDomain]")
DOMAINS_NEW = ListOf(StringType("Microsoft.Exchange.Data.SmtpDomainWithSubdomains"),
                     "Microsoft.Exchange.Data.MultiValuedProperty`1"
                     "[Microsoft.Exchange.Data.SmtpDomainWithSubdomains]")


def _services_for(version: Optional[str]) -> EnumType:
    from ..exchange.versions import get_profile
    names = AllowedServices.names()
    if version is not None:
        try:
            names = list(get_profile(version).allowed_services)
        except LookupError:
            pass
    return EnumType(AllowedServices, NAMESPACE + "AllowedServices", names=lambda: names)


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


class ExchangeCmdlet(Cmdlet, register=False):
    """Shared plumbing of the Exchange cmdlets: server resolution and error records."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # EMS reaches these cmdlets through implicit-remoting proxy functions, so a
        # binding error's FullyQualifiedErrorId names the function, not the class.
        cls.binding_fqid = cls.name
        super().__init_subclass__(**kwargs)

    @property
    def shell(self) -> Any:
        return self.session.app

    @property
    def profile(self) -> Any:
        return self.shell.profile

    def server(self, p: Any) -> Any:
        """The target server: -Server, the server part of -Identity, or the local one."""
        org = self.shell.organization
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
        if self.profile.error_style == "remote2013":
            record.extra["stamp"] = self.shell.server_stamp(error.server, record.reason)
        return record

    def _server_fqdn(self, name: Optional[str]) -> Optional[str]:
        try:
            return self.shell.organization.local_server.fqdn
        except Exception:  # pragma: no cover - defensive: display only
            return None

    @classmethod
    def dotnet_name(cls) -> str:
        return cls.name.replace("-", "")

    def report(self, error: ExchangeError) -> None:
        self.write_error(self.exchange_record(error))


def _common_server(sets: tuple = ("Thumbprint",)) -> tuple:
    return (
        Parameter("Server", SERVER, sets=sets, versions=V2010_UP),
        Parameter("DomainController", FQDN, versions=V2010_UP),
    )


class GetExchangeCertificate(ExchangeCmdlet):
    """List the Exchange certificates of a server, or one by thumbprint."""

    name = "Get-ExchangeCertificate"
    dotnet_class = NAMESPACE + "GetExchangeCertificate"
    default_set = "Thumbprint"
    synopsis = "Shows the certificates Exchange can use on a server, and pending requests."
    parameters = (
        Parameter("Thumbprint", THUMBPRINT, position=0, sets=("Thumbprint",), from_pipeline=True),
        Parameter("Identity", IDENTITY, position=0, sets=("Identity",), versions=V2013_UP),
        Parameter("Instance", X509, sets=("Instance",), from_pipeline=True),
        Parameter("Server", SERVER, sets=("Thumbprint", "Instance"), versions=V2010_UP),
        Parameter("DomainController", FQDN, versions=V2010_UP),
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
        Parameter("RequestFile", StringType(), sets=("Request",), versions=("2013",)),
        Parameter("Path", StringType(), sets=("Request",), versions=("2007",)),
        Parameter("SubjectName", SUBJECT),
        Parameter("DomainName", DOMAINS_NEW),
        Parameter("FriendlyName", StringType()),
        Parameter("KeySize", IntType()),
        Parameter("PrivateKeyExportable", BOOL),
        Parameter("IncludeAcceptedDomains", SWITCH),
        Parameter("IncludeAutoDiscover", SWITCH),
        Parameter("IncludeServerFQDN", SWITCH, versions=V2010_UP),
        Parameter("IncludeServerNetBIOSName", SWITCH, versions=V2010_UP),
        Parameter("SubjectKeyIdentifier", StringType(), versions=V2010_UP),
        Parameter("Instance", X509, from_pipeline=True),
        Parameter("Server", SERVER, versions=V2010_UP),
        Parameter("Force", SWITCH),
        Parameter("DomainController", FQDN),
    )

    def process(self, p: Any) -> None:
        try:
            server = self.server(p)
            if p.GenerateRequest:
                self.report(_not_yet("GenerateRequest", server.name))
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


def ask_smtp_question(cmdlet: ExchangeCmdlet, question: Any) -> bool:
    """The "overwrite the default SMTP certificate?" question, in the version's form."""
    from ..exchange.texts import smtp_prompt
    profile = cmdlet.profile
    caption, lines = smtp_prompt(profile.smtp_prompt_style, question.current.Thumbprint,
                                 question.current.NotAfter, question.new.Thumbprint,
                                 question.new.NotAfter)
    return cmdlet.runtime.should_continue("\n".join(lines), caption, True,
                                          suspend=profile.smtp_prompt_style == "2010")


def _not_yet(feature: str, server: str) -> ExchangeError:
    return ExchangeError("NotImplementedInExshell",
                         "exshell does not emulate -%s yet." % feature, category="NotImplemented",
                         exception_type="NotSupportedException", server=server, rpc=False)


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
        Parameter("Identity", IDENTITY, position=0, sets=("Identity",), versions=V2013_UP),
        Parameter("Services", SERVICES, mandatory=True),
        Parameter("DoNotRequireSsl", SWITCH),
        Parameter("Force", SWITCH),
        Parameter("NetworkServiceAllowed", SWITCH, versions=V2010_UP),
        Parameter("Server", SERVER, sets=("Thumbprint",), versions=V2010_UP),
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
        Parameter("Identity", IDENTITY, position=0, sets=("Identity",), versions=V2013_UP),
        Parameter("Server", SERVER, sets=("Thumbprint",), versions=V2010_UP),
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

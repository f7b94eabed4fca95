"""Windows services of the Exchange servers: Get-Service (gsv), Start-Service (sasv),
Stop-Service (spsv), Restart-Service, and iisreset.

The services are the Exchange and IIS ones of the version (the profile's
``windows_services``, with their dependencies); their state lives in the world
(``Server.stopped_services``), so a stopped service stays stopped for the next
command, the next shell and the lab checks.  What depends on them follows:
a stopped W3SVC (or WAS) leaves HTTPS unanswered (Invoke-WebRequest, the labs'
tls checks), a stopped IMAP4 or POP3 service fails Test-ImapConnectivity /
Test-PopConnectivity, a stopped transport service fails SMTP (the profile's
``endpoint_services``).  Stopping and starting are instant here; PowerShell's
"Waiting for service ... to stop" warnings, which real Exchange services often
cause, are not shown.
"""
from __future__ import annotations

import fnmatch
from typing import Any, Iterable, List, Optional, Tuple

from ..engine.cmdlet import Cmdlet
from ..engine.conversion import OBJECT, SWITCH, ListOf, StringType
from ..engine.parameters import Parameter
from ..format.views import TableColumn, TableView, register_table_view
from .exchange_certificate import world_of

__all__ = ["ServiceController", "GetService", "StartService", "StopService", "RestartService",
           "IisReset"]

_CMD = "Microsoft.PowerShell.Commands."
_SERVICE_EXCEPTION = _CMD + "ServiceCommandException"

NOT_FOUND_NAME = "Cannot find any service with service name '%s'."
NOT_FOUND_DISPLAY = "Cannot find any service with display name '%s'."
HAS_DEPENDENTS = ("Cannot stop service '%s (%s)' because it has dependent services. It can only "
                  "be stopped if the Force flag is set.")
NO_COMPUTER = ("Cannot open Service Control Manager on computer '%s'. This operation might "
               "require other privileges.")


class ServiceController:
    """System.ServiceProcess.ServiceController, as Get-Service writes it."""

    PS_TYPE_NAMES = ("System.ServiceProcess.ServiceController", "System.ComponentModel.Component",
                     "System.MarshalByRefObject", "System.Object")

    def __init__(self, server: Any, name: str, display: str, status: str,
                 required: Tuple[Any, ...] = (), dependents: Tuple[Any, ...] = (),
                 start_type: bool = False) -> None:
        self.server = server
        self.Name = self.ServiceName = name
        self.DisplayName = display
        self.Status = status
        self.MachineName = "."
        self.CanPauseAndContinue = False
        self.CanShutdown = status == "Running"
        self.CanStop = status == "Running"
        self.RequiredServices = self.ServicesDependedOn = list(required)
        self.DependentServices = list(dependents)
        self.ServiceHandle = None
        self.ServiceType = "Win32OwnProcess"
        self.StartType = "Automatic"
        self.Site = None
        self.Container = None
        props = ["Name", "RequiredServices", "CanPauseAndContinue", "CanShutdown", "CanStop",
                 "DisplayName", "DependentServices", "MachineName", "ServiceName",
                 "ServicesDependedOn", "ServiceHandle", "Status", "ServiceType"]
        if start_type:
            props.append("StartType")
        self.PS_PROPERTIES = tuple(props + ["Site", "Container"])

    def __str__(self) -> str:  # ToString(): the type name, as .NET's Component
        return "System.ServiceProcess.ServiceController"

    def __repr__(self) -> str:
        return "<ServiceController %s %s>" % (self.Name, self.Status)


# DotNetTypes.format.ps1xml: Status, Name, DisplayName.
register_table_view("System.ServiceProcess.ServiceController", TableView([
    TableColumn("Status", "Status", 8),
    TableColumn("Name", "Name", 18),
    TableColumn("DisplayName", "DisplayName", 38),
]))


class _Stub:
    """A service named in RequiredServices / DependentServices (its name and status)."""

    PS_TYPE_NAMES = ServiceController.PS_TYPE_NAMES
    PS_PROPERTIES = ("Name", "DisplayName", "Status")

    def __init__(self, name: str, display: str, status: str) -> None:
        self.Name, self.DisplayName, self.Status = name, display, status

    def __str__(self) -> str:
        return "System.ServiceProcess.ServiceController"


def _clr4(dialect: Any) -> bool:
    """ServiceController.StartType exists from .NET 4.6 (the CLR of PowerShell 5.1)."""
    clr = dict(dialect.version_table).get("CLRVersion", "2.0")
    return int(str(clr).split(".")[0]) >= 4


def _rows(server: Any) -> List[Tuple[str, str, tuple]]:
    return sorted(server.windows_services, key=lambda r: r[0].casefold())


def _dependents(server: Any, name: str) -> List[Tuple[str, str, tuple]]:
    folded = name.casefold()
    return [r for r in _rows(server) if folded in (d.casefold() for d in r[2])]


def _requirements(server: Any, row: Tuple[str, str, tuple]) -> List[Tuple[str, str, tuple]]:
    wanted = {d.casefold() for d in row[2]}
    return [r for r in _rows(server) if r[0].casefold() in wanted]


def controller(server: Any, row: Tuple[str, str, tuple], with_start_type: bool) -> ServiceController:
    def stub(r):
        return _Stub(r[0], r[1], server.service_status(r[0]))
    return ServiceController(server, row[0], row[1], server.service_status(row[0]),
                             tuple(stub(r) for r in _requirements(server, row)),
                             tuple(stub(r) for r in _dependents(server, row[0])), with_start_type)


def _matches(patterns: Iterable[str], text: str) -> bool:
    return any(fnmatch.fnmatchcase(text.casefold(), p.casefold()) for p in patterns)


class _ServiceCmdlet(Cmdlet, register=False):
    """Finding services by -Name, -DisplayName or -InputObject, with -Include/-Exclude."""

    def server(self, computer: Optional[str] = None) -> Any:
        org = world_of(self).organization
        if computer in (None, "", ".", "localhost"):
            return org.local_server
        from ..exchange.errors import ExchangeError
        try:
            return org.get_server(computer)
        except ExchangeError:
            self.throw_terminating(self.error_record(
                NO_COMPUTER % computer, "CouldNotGetServiceInfo", "InvalidOperation",
                target=computer, exception_type=_SERVICE_EXCEPTION))

    def select(self, p: Any, server: Any) -> Iterable[Tuple[str, str, tuple]]:
        """The services named, in order (each once); an error for a name without a
        wildcard that matches none, written when the selection reaches it."""
        rows = _rows(server)
        seen: List[str] = []

        def keep(row) -> bool:
            if row[0] in seen:
                return False
            if p.get("Include") and not _matches(p.Include, row[0]):
                return False
            if p.get("Exclude") and _matches(p.Exclude, row[0]):
                return False
            seen.append(row[0])
            return True

        inputs = p.get("InputObject")
        if inputs:
            for item in inputs:
                name = str(getattr(item, "Name", None) or item)
                for row in rows:
                    if row[0].casefold() == name.casefold() and keep(row):
                        yield row
            return
        if p.get("DisplayName"):
            patterns, column = p.DisplayName, 1
            text, error_id = NOT_FOUND_DISPLAY, "NoServiceFoundForGivenDisplayName"
        elif p.get("Name"):
            patterns, column = p.Name, 0
            text, error_id = NOT_FOUND_NAME, "NoServiceFoundForGivenName"
        else:
            for row in rows:
                if keep(row):
                    yield row
            return
        for pattern in patterns:
            found = [r for r in rows if _matches([pattern], r[column])]
            if not found and not any(c in pattern for c in "*?["):
                self._not_found(text, pattern, error_id)
            for row in found:
                if keep(row):
                    yield row

    def _not_found(self, text: str, name: str, error_id: str) -> None:
        self.write_error(self.error_record(
            text % name, error_id, "ObjectNotFound", target=name, exception_type=_SERVICE_EXCEPTION))

    def write_controller(self, server: Any, row: Tuple[str, str, tuple]) -> None:
        self.write_object(controller(server, row, _clr4(self.context.dialect)))


_SELECTION = (
    Parameter("Name", ListOf(StringType()), position=0, from_pipeline=True,
              from_pipeline_by_name=True, aliases=("ServiceName",), sets=("Default",)),
    Parameter("DisplayName", ListOf(StringType()), sets=("DisplayName",)),
    Parameter("InputObject", ListOf(OBJECT), from_pipeline=True, sets=("InputObject",)),
    Parameter("Include", ListOf(StringType())),
    Parameter("Exclude", ListOf(StringType())),
)


class GetService(_ServiceCmdlet):
    name = "Get-Service"
    aliases = ("gsv",)
    dotnet_class = _CMD + "GetServiceCommand"
    synopsis = "Gets the services on a local or remote computer."
    default_set = "Default"
    parameters = _SELECTION + (
        Parameter("ComputerName", ListOf(StringType()), aliases=("Cn",)),
        Parameter("DependentServices", SWITCH, aliases=("DS",)),
        Parameter("RequiredServices", SWITCH, aliases=("SDO", "ServicesDependedOn")),
    )

    def process(self, p: Any) -> None:
        for computer in (p.ComputerName or [None]):
            server = self.server(computer)
            rows = self.select(p, server)
            if p.DependentServices or p.RequiredServices:
                rows = list(rows)
                extra: List[Tuple[str, str, tuple]] = []
                for row in rows:
                    if p.DependentServices:
                        extra.extend(r for r in _dependents(server, row[0]) if r not in extra)
                    if p.RequiredServices:
                        extra.extend(r for r in _requirements(server, row) if r not in extra)
                rows = extra
            for row in rows:
                self.write_controller(server, row)


class _ChangeService(_ServiceCmdlet, register=False):
    supports_should_process = True
    default_set = "Default"
    parameters = _SELECTION + (Parameter("PassThru", SWITCH), Parameter("Force", SWITCH))
    verb = ""

    def process(self, p: Any) -> None:
        server = self.server()
        for row in self.select(p, server):
            if not self.should_process("", target="%s (%s)" % (row[1], row[0]), action=self.name):
                continue
            if self.change(server, row, bool(p.get("Force"))) and p.PassThru:
                self.write_controller(server, row)

    def stop(self, server: Any, row: Tuple[str, str, tuple], force: bool) -> Optional[List[str]]:
        """Stop ``row`` (and, with force, what depends on it); the names stopped, or None
        after the error for running dependents without -Force."""
        running = [r for r in _dependents(server, row[0]) if server.service_status(r[0]) == "Running"]
        if running and not force:
            self.write_error(self.error_record(
                HAS_DEPENDENTS % (row[1], row[0]), "ServiceHasDependentServices", "InvalidOperation",
                target=row[0], exception_type=_SERVICE_EXCEPTION))
            return None
        stopped: List[str] = []
        for dependent in running:
            stopped.extend(self.stop(server, dependent, True) or [])
        if server.service_status(row[0]) == "Running":
            server.set_service_status(row[0], False)
            stopped.append(row[0])
        return stopped

    def start(self, server: Any, row: Tuple[str, str, tuple]) -> None:
        for required in _requirements(server, row):      # the SCM starts them first
            self.start(server, required)
        server.set_service_status(row[0], True)

    def change(self, server: Any, row: Tuple[str, str, tuple], force: bool) -> bool:
        raise NotImplementedError


class StartService(_ChangeService):
    name = "Start-Service"
    aliases = ("sasv",)
    dotnet_class = _CMD + "StartServiceCommand"
    synopsis = "Starts one or more stopped services."
    parameters = _SELECTION + (Parameter("PassThru", SWITCH),)

    def change(self, server, row, force):
        self.start(server, row)
        return True


class StopService(_ChangeService):
    name = "Stop-Service"
    aliases = ("spsv",)
    dotnet_class = _CMD + "StopServiceCommand"
    synopsis = "Stops one or more running services."

    def change(self, server, row, force):
        return self.stop(server, row, force) is not None


class RestartService(_ChangeService):
    name = "Restart-Service"
    dotnet_class = _CMD + "RestartServiceCommand"
    synopsis = "Stops and then starts one or more services."

    def change(self, server, row, force):
        stopped = self.stop(server, row, force)
        if stopped is None:
            return False
        self.start(server, row)
        # What had to stop with it starts again, as the service controller does.
        by_name = {r[0]: r for r in _rows(server)}
        for name in stopped:
            if name != row[0]:
                self.start(server, by_name[name])
        return True


#: iisreset's texts (IIS 7 and later).
IIS_LINES = {
    "stop": ("Attempting stop...", "Internet services successfully stopped"),
    "start": ("Attempting start...", "Internet services successfully started"),
    "restart": ("Attempting stop...", "Internet services successfully stopped",
                "Attempting start...", "Internet services successfully restarted"),
}
_IIS_SERVICES = ("IISADMIN", "WAS", "W3SVC")


class IisReset(_ServiceCmdlet):
    name = "iisreset"
    aliases = ("iisreset.exe",)
    synopsis = "Stops and restarts the IIS services (iisreset.exe)."
    parameters = (Parameter("Arguments", StringType(), remaining=True),)

    def process(self, p: Any) -> None:
        # A native program gets no argument for $null (iisreset $unset: found by the fuzzer).
        args = [str(a).lstrip("/-").casefold() for a in (p.Arguments or []) if a is not None]
        action = "restart"
        for arg in args:
            if arg in ("stop", "start", "restart", "status"):
                action = arg
            elif arg in ("noforce", "timeout"):
                continue
            elif arg.isdigit():
                continue
            else:
                for line in ("Invalid command line argument: %s" % arg, "",
                             "IISRESET.EXE (c) Microsoft Corp. 1998-2005", "",
                             "Usage:", "iisreset [computername]", "",
                             "    /RESTART            Stop and then restart all Internet services.",
                             "    /START              Start all Internet services.",
                             "    /STOP               Stop all Internet services.",
                             "    /STATUS             Display status of all Internet services."):
                    self.write_object(line)
                self.context.set_exit_code(1)
                return
        server = self.server()
        present = [r for r in _rows(server) if r[0] in _IIS_SERVICES]
        if action == "status":
            for row in sorted(present, key=lambda r: _IIS_SERVICES.index(r[0])):
                self.write_object("Status for %s ( %s ) : %s" % (row[1], row[0],
                                                                  server.service_status(row[0])))
            self.context.set_exit_code(0)
            return
        if action in ("stop", "restart"):
            for row in present:
                server.set_service_status(row[0], False)
        if action in ("start", "restart"):
            for row in present:
                server.set_service_status(row[0], True)
        for line in IIS_LINES[action]:
            self.write_object(line)
        self.context.set_exit_code(0)

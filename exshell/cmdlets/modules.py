"""Modules, snap-ins and assemblies: Import-Module, Get-Module, Remove-Module,
Add-PSSnapin, Get-PSSnapin, Remove-PSSnapin and Add-Type.

Exchange scripts begin with ``Add-PSSnapin Microsoft.Exchange.Management.PowerShell.E2010``
(``...SnapIn`` from Exchange 2013 on) or ``Import-Module``; which snap-ins and modules a
server has is a fact of the profile table (``Profile.exchange_snapins``,
``Dialect.core_snapins``, ``Dialect.modules``).  Importing a module whose commands exshell
does not emulate (ActiveDirectory, say) succeeds with a warning that says so; a script
module (``.psm1``/``.ps1``) on the emulated drive is really run, and its functions stay
until Remove-Module.  Add-Type loads the .NET assemblies scripts name (a no-op here) and
refuses to compile C#, with an error that says so.

Imports the engine, ``exshell.format`` and the profile table.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from ..engine.cmdlet import Cmdlet
from ..engine.conversion import OBJECT, SWITCH, StringType
from ..engine.operators import like
from ..engine.parameters import Parameter
from ..engine.properties import PSHashtable
from ..format.views import ListView, TableColumn, TableView, register_list_view, register_table_view
from .common import STRINGS

__all__ = ["ImportModule", "GetModule", "RemoveModule", "AddPSSnapin", "GetPSSnapin",
           "RemovePSSnapin", "AddType", "PSModuleInfo", "PSSnapInInfo", "SessionModules"]

_CMD = "Microsoft.PowerShell.Commands."
_SMA = "System.Management.Automation."
MODULE_DIRECTORY = "C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules"
#: The PowerShell version Exchange's snap-ins were built for (Get-PSSnapin's PSVersion).
EXCHANGE_SNAPIN_PSVERSION = "1.0"

#: The modules whose commands exshell emulates (the others import with a warning).
EMULATED_MODULES = ("Microsoft.PowerShell.Management", "Microsoft.PowerShell.Utility",
                    "Microsoft.PowerShell.Security", "Microsoft.PowerShell.Host",
                    "Microsoft.PowerShell.Core")

MODULE_NOT_FOUND = ("The specified module '%s' was not loaded because no valid module file was "
                    "found in any module directory.")
NOT_EMULATED = ("exshell does not emulate the commands of the module '%s'; it is imported, but "
                "its commands are not available.")
SNAPIN_NOT_INSTALLED = "The Windows PowerShell snap-in '%s' is not installed on this machine."
SNAPIN_ALREADY_ADDED = ("Cannot add Windows PowerShell snap-in %s because it is already added. "
                        "Verify the name of the snap-in and try again.")
NO_SNAPIN_MATCHES = ("No Windows PowerShell snap-ins matching the pattern '%s' were found. Check "
                     "the pattern and then try the command again.")
NO_COMPILER = ("Add-Type cannot compile %s here: exshell does not emulate the C# compiler, so "
               "types defined in source code are not available.")

_CORE_DESCRIPTIONS = {
    "Microsoft.PowerShell.Core": "This Windows PowerShell snap-in contains cmdlets used to manage "
                                 "components of Windows PowerShell.",
    "Microsoft.PowerShell.Diagnostics": "This Windows PowerShell snap-in contains Windows Eventing "
                                        "and Performance Counter cmdlets.",
    "Microsoft.WSMan.Management": "This Windows PowerShell snap-in contains cmdlets (such as "
                                  "Get-WSManInstance and Set-WSManInstance) that are used by the "
                                  "Windows PowerShell host to manage WSMan operations.",
    "Microsoft.PowerShell.Utility": "This Windows PowerShell snap-in contains utility Cmdlets used "
                                    "to manipulate data.",
    "Microsoft.PowerShell.Host": "This Windows PowerShell snap-in contains cmdlets (such as "
                                 "Start-Transcript and Stop-Transcript) that are provided for use "
                                 "with the Windows PowerShell console host.",
    "Microsoft.PowerShell.Management": "This Windows PowerShell snap-in contains management "
                                       "cmdlets used to manage Windows components.",
    "Microsoft.PowerShell.Security": "This Windows PowerShell snap-in contains cmdlets to manage "
                                     "Windows PowerShell security.",
}


# ============================================================================ objects

class PSModuleInfo:
    """What Get-Module writes."""

    PS_PROPERTIES = ("Name", "Path", "Description", "ModuleType", "Version", "ExportedCommands",
                     "ModuleBase")

    def __init__(self, name: str, version: str, module_type: str, commands: List[str],
                 path: str = "", listed: bool = False):
        self.Name = name
        self.Version = version
        self.ModuleType = module_type
        self.ExportedCommands = PSHashtable((c, c) for c in commands)
        self.Path = path or "%s\\%s\\%s.psd1" % (MODULE_DIRECTORY, name, name)
        self.ModuleBase = self.Path.rsplit("\\", 1)[0]
        #: The folder the module's folder is in (Get-Module -ListAvailable groups by it).
        self.directory = self.ModuleBase.rsplit("\\", 1)[0]
        self.Description = ""
        self.PS_TYPE_NAMES = ((_SMA + "PSModuleInfo#ListAvailable",) if listed else ()) + \
            (_SMA + "PSModuleInfo", "System.Object")

    def __str__(self) -> str:
        return self.Name


class PSSnapInInfo:
    """What Get-PSSnapin writes."""

    PS_TYPE_NAMES = (_SMA + "PSSnapInInfo", "System.Object")
    PS_PROPERTIES = ("Name", "PSVersion", "Description")

    def __init__(self, name: str, version: str, description: str):
        self.Name = name
        self.PSVersion = version
        self.Description = description

    def __str__(self) -> str:
        return self.Name


_MODULE_COLUMNS_51 = [TableColumn("ModuleType", "ModuleType", 10),
                      TableColumn("Version", "Version", 10),
                      TableColumn("Name", "Name", 35),
                      TableColumn("ExportedCommands", "ExportedCommands", None)]
_MODULE_COLUMNS_20 = [TableColumn("ModuleType", "ModuleType", 10),
                      TableColumn("Name", "Name", 25),
                      TableColumn("ExportedCommands", "ExportedCommands", None)]


#: One view object per layout, so that every module shares one table.
_MODULE_VIEWS = {(new, listed): TableView(_MODULE_COLUMNS_51 if new else _MODULE_COLUMNS_20,
                                         group_by=("Directory", lambda m: m.directory)
                                         if listed else None,
                                         group_header="    Directory: {value}" if listed else None)
                 for new in (False, True) for listed in (False, True)}


def _module_view(context: Any, listed: bool = False) -> TableView:
    from ..profiles import dialect as as_dialect
    return _MODULE_VIEWS[(as_dialect((context or {}).get("ps_version")).v3_cmdlets, listed)]


register_table_view(_SMA + "PSModuleInfo", _module_view)
register_table_view(_SMA + "PSModuleInfo#ListAvailable", lambda c: _module_view(c, True))
register_list_view(_SMA + "PSSnapInInfo", ListView(["Name", "PSVersion", "Description"]))


class SessionModules:
    """The modules and snap-ins one session has loaded (a context extension)."""

    def __init__(self, context: Any) -> None:
        self.modules: Dict[str, PSModuleInfo] = {}
        #: Functions a script module defined: module name -> function names.
        self.functions: Dict[str, List[str]] = {}
        self.snapins: List[str] = []
        for name in context.dialect.loaded_modules:
            found = _known_module(context, name)
            if found is not None:
                self.modules[found.Name.casefold()] = found

    @classmethod
    def of(cls, context: Any) -> "SessionModules":
        found = context.find(cls)
        if found is None:
            found = context.register(cls(context))
        return found


def _exported(context: Any, module: str) -> List[str]:
    if module not in EMULATED_MODULES:
        return []
    from .utility import MODULES
    names = [cls.name for cls in context.commands.cmdlets.values()
             if cls.is_available(context.profile)
             and MODULES.get(cls.name.casefold(), ("",))[0] == module]
    return sorted(names, key=str.casefold)


def _known_module(context: Any, name: str, listed: bool = False) -> Optional[PSModuleInfo]:
    for module, version, module_type in context.dialect.modules:
        if module.casefold() == name.casefold():
            return PSModuleInfo(module, version, module_type, _exported(context, module),
                                listed=listed)
    return None


def _is_path(name: str) -> bool:
    return "\\" in name or "/" in name or name.casefold().endswith((".psm1", ".ps1", ".psd1"))


# ============================================================================ modules

class ImportModule(Cmdlet):
    name = "Import-Module"
    aliases = ("ipmo",)
    dotnet_class = _CMD + "ImportModuleCommand"
    synopsis = "Adds modules to the current session."
    parameters = (
        Parameter("Name", STRINGS, position=0, mandatory=True, from_pipeline=True),
        Parameter("Force", SWITCH),
        Parameter("PassThru", SWITCH),
        Parameter("Global", SWITCH),
        Parameter("DisableNameChecking", SWITCH),
        Parameter("Prefix", StringType()),
        Parameter("ArgumentList", OBJECT, aliases=("Args",)),
    )

    def process(self, p: Any) -> None:
        state = SessionModules.of(self.context)
        for name in p.Name or []:
            module = self._script_module(state, name) if _is_path(name) else \
                _known_module(self.context, name)
            if module is None:
                if not _is_path(name):
                    self.write_error(self.error_record(
                        MODULE_NOT_FOUND % name, "Modules_ModuleNotFound", "ResourceUnavailable",
                        target=name, exception_type="System.IO.FileNotFoundException"))
                continue
            if module.Name not in EMULATED_MODULES and module.ModuleType != "Script" and \
                    module.Name.casefold() not in state.modules:
                self.write_warning(NOT_EMULATED % module.Name)
            state.modules[module.Name.casefold()] = module
            if p.PassThru:
                self.write_object(module)

    def _script_module(self, state: SessionModules, path: str) -> Optional[PSModuleInfo]:
        from ..lang.errors import ParseError
        try:
            script = self.context.load_script(path)
        except ParseError as e:
            self.write_error(self.error_record(
                str(e), "Modules_InvalidModule", "ParserError", target=path,
                exception_type=_SMA + "ParseException"))
            return None
        if script is None:
            self.write_error(self.error_record(
                MODULE_NOT_FOUND % path, "Modules_ModuleNotFound", "ResourceUnavailable",
                target=path, exception_type="System.IO.FileNotFoundException"))
            return None
        name = path.replace("/", "\\").rsplit("\\", 1)[-1].rsplit(".", 1)[0]
        before = set(self.context.functions)
        self.context.run(script, self.write_object, new_scope=True)
        defined = [self.context.functions[k].Name for k in self.context.functions if k not in before]
        state.functions[name.casefold()] = defined
        return PSModuleInfo(name, "0.0", "Script", defined, path=getattr(script, "file", path) or path)


class GetModule(Cmdlet):
    name = "Get-Module"
    aliases = ("gmo",)
    dotnet_class = _CMD + "GetModuleCommand"
    synopsis = "Gets the modules that have been imported or that can be imported into the current session."
    parameters = (
        Parameter("Name", STRINGS, position=0, from_pipeline=True),
        Parameter("ListAvailable", SWITCH),
        Parameter("All", SWITCH),
    )

    def process(self, p: Any) -> None:
        state = SessionModules.of(self.context)
        if p.ListAvailable:
            found = [m for m in (_known_module(self.context, n, listed=True)
                                 for n, _, _ in self.context.dialect.modules) if m is not None]
        else:
            found = sorted(state.modules.values(), key=lambda m: m.Name.casefold())
        patterns = p.Name or ["*"]
        for module in found:
            if any(like(module.Name, pattern) for pattern in patterns):
                self.write_object(module)


class RemoveModule(Cmdlet):
    name = "Remove-Module"
    aliases = ("rmo",)
    dotnet_class = _CMD + "RemoveModuleCommand"
    synopsis = "Removes modules from the current session."
    supports_should_process = True
    parameters = (
        Parameter("Name", STRINGS, position=0, mandatory=True, from_pipeline=True),
        Parameter("Force", SWITCH),
    )

    def process(self, p: Any) -> None:
        state = SessionModules.of(self.context)
        for pattern in p.Name or []:
            hits = [m for m in list(state.modules.values()) if like(m.Name, str(pattern))]
            if not hits:
                self.write_error(self.error_record(
                    "No modules were removed. Verify that the specification of modules to remove "
                    "is correct and those modules exist in the runspace.",
                    "Modules_NoModulesRemoved", "ResourceUnavailable", target=pattern,
                    exception_type=_SMA + "PSInvalidOperationException"))
                continue
            for module in hits:
                if not self.should_process("", target=module.Name, action="Remove-Module"):
                    continue
                del state.modules[module.Name.casefold()]
                for function in state.functions.pop(module.Name.casefold(), []):
                    self.context.functions.pop(function.casefold(), None)


# ============================================================================ snap-ins

def _snapins(context: Any, registered: bool) -> List[Tuple[str, str, str]]:
    """(name, PSVersion, description) of the core snap-ins and, with ``registered``,
    of the Exchange ones."""
    out: List[Tuple[str, str, str]] = []
    if not registered:
        version = dict(context.dialect.version_table).get("PSVersion", context.dialect.name)
        out = [(n, version, _CORE_DESCRIPTIONS.get(n, "")) for n in context.dialect.core_snapins]
    out += [(n, EXCHANGE_SNAPIN_PSVERSION, d) for n, d in context.profile.exchange_snapins]
    return out


class AddPSSnapin(Cmdlet):
    name = "Add-PSSnapin"
    dotnet_class = _CMD + "AddPSSnapinCommand"
    synopsis = "Adds one or more Windows PowerShell snap-ins to the current session."
    parameters = (
        Parameter("Name", STRINGS, position=0, mandatory=True, from_pipeline_by_name=True),
        Parameter("PassThru", SWITCH),
    )

    def process(self, p: Any) -> None:
        state = SessionModules.of(self.context)
        installed = {n.casefold(): (n, v, d) for n, v, d in _snapins(self.context, True)}
        for name in p.Name or []:
            hits = [v for k, v in installed.items() if like(k, name)]
            if not hits:
                self.write_error(self.error_record(
                    SNAPIN_NOT_INSTALLED % name, "AddPSSnapInRead", "InvalidArgument", target=name,
                    exception_type=_SMA + "PSArgumentException"))
                continue
            for snapin, version, description in hits:
                if snapin in state.snapins or snapin in self.context.dialect.core_snapins:
                    self.write_error(self.error_record(
                        SNAPIN_ALREADY_ADDED % snapin, "AddPSSnapInRead", "InvalidArgument",
                        target=snapin, exception_type=_SMA + "PSArgumentException"))
                    continue
                state.snapins.append(snapin)
                if p.PassThru:
                    self.write_object(PSSnapInInfo(snapin, version, description))


class GetPSSnapin(Cmdlet):
    name = "Get-PSSnapin"
    dotnet_class = _CMD + "GetPSSnapinCommand"
    synopsis = "Gets the Windows PowerShell snap-ins on the computer."
    parameters = (
        Parameter("Name", STRINGS, position=0),
        Parameter("Registered", SWITCH),
    )

    def process(self, p: Any) -> None:
        state = SessionModules.of(self.context)
        available = _snapins(self.context, bool(p.Registered))
        if not p.Registered:
            available = [s for s in available
                         if s[0] in self.context.dialect.core_snapins or s[0] in state.snapins]
        for pattern in p.Name or ["*"]:
            hits = [s for s in available if like(s[0], pattern)]
            if not hits and not any(ch in pattern for ch in "*?["):
                self.write_error(self.error_record(
                    NO_SNAPIN_MATCHES % pattern, "NoPSSnapInsFound", "InvalidArgument",
                    target=pattern, exception_type=_SMA + "PSArgumentException"))
                continue
            for name, version, description in hits:
                self.write_object(PSSnapInInfo(name, version, description))


class RemovePSSnapin(Cmdlet):
    name = "Remove-PSSnapin"
    dotnet_class = _CMD + "RemovePSSnapinCommand"
    synopsis = "Removes Windows PowerShell snap-ins from the current session."
    supports_should_process = True
    parameters = (
        Parameter("Name", STRINGS, position=0, mandatory=True, from_pipeline_by_name=True),
        Parameter("PassThru", SWITCH),
    )

    def process(self, p: Any) -> None:
        state = SessionModules.of(self.context)
        for pattern in p.Name or []:
            hits = [s for s in state.snapins if like(s, pattern)]
            if not hits:
                self.write_error(self.error_record(
                    NO_SNAPIN_MATCHES % pattern, "NoPSSnapInsFound", "InvalidArgument",
                    target=pattern, exception_type=_SMA + "PSArgumentException"))
                continue
            for snapin in hits:
                if self.should_process("", target=snapin, action="Remove-PSSnapin"):
                    state.snapins.remove(snapin)


# ============================================================================ Add-Type

class AddType(Cmdlet):
    name = "Add-Type"
    dotnet_class = _CMD + "AddTypeCommand"
    synopsis = "Adds a .NET Framework type (a class) to a Windows PowerShell session."
    default_set = "FromSource"
    parameters = (
        Parameter("TypeDefinition", StringType(), position=0, mandatory=True, sets=("FromSource",)),
        Parameter("Name", StringType(), position=0, mandatory=True, sets=("FromMember",)),
        Parameter("MemberDefinition", STRINGS, position=1, mandatory=True, sets=("FromMember",)),
        Parameter("Namespace", StringType(), aliases=("NS",), sets=("FromMember",)),
        Parameter("UsingNamespace", STRINGS, aliases=("Using",), sets=("FromMember",)),
        Parameter("Path", STRINGS, position=0, mandatory=True, sets=("FromPath",)),
        Parameter("AssemblyName", STRINGS, mandatory=True, aliases=("AN",), sets=("FromAssemblyName",)),
        Parameter("Language", StringType()),
        Parameter("ReferencedAssemblies", STRINGS, aliases=("RA",)),
        Parameter("PassThru", SWITCH),
        Parameter("IgnoreWarnings", SWITCH),
    )

    def process(self, p: Any) -> None:
        if p.set_name == "FromAssemblyName":
            for name in p.AssemblyName or []:
                if not name.split(",")[0].strip().casefold().startswith(("system", "microsoft",
                                                                          "mscorlib")):
                    self.write_error(self.error_record(
                        "Cannot add type. The assembly '%s' could not be found." % name,
                        "ASSEMBLY_NOT_FOUND", "ObjectNotFound", target=name,
                        exception_type="System.IO.FileNotFoundException"))
            return  # the .NET Framework's own assemblies: nothing to load here
        what = {"FromSource": "the type definition", "FromMember": "the member definition",
                "FromPath": "the source files or assemblies given"}.get(p.set_name, "the code")
        self.throw_terminating(self.error_record(
            NO_COMPILER % what, "NotSupported", "NotImplemented",
            exception_type="System.NotSupportedException"))

"""The emulated machine as .NET describes it: ``[Environment]`` (machine, user and
domain names, the OS version of the version's Windows Server, environment variables,
special folders), ``[System.Net.Dns]`` (the local host's names) and
``[System.Reflection.Assembly]::LoadWithPartialName()`` of the Global Assembly Cache.  Both read the
session: ``$env:`` and the profile, so a script sees the server it runs on.

Registered in the static-member registry; imports the engine's own modules only.
"""
from __future__ import annotations

import re
from typing import Any, List, Optional

from .conversion import to_string
from .nettypes import NetType, register
from .statics import STATICS

__all__ = ["OperatingSystem", "IPHostEntry", "Assembly", "local_fqdn"]

#: [Environment]::GetFolderPath(...) on the server, for the Administrator.
_FOLDERS = {
    "desktop": "C:\\Users\\Administrator\\Desktop",
    "desktopdirectory": "C:\\Users\\Administrator\\Desktop",
    "mydocuments": "C:\\Users\\Administrator\\Documents",
    "personal": "C:\\Users\\Administrator\\Documents",
    "applicationdata": "C:\\Users\\Administrator\\AppData\\Roaming",
    "localapplicationdata": "C:\\Users\\Administrator\\AppData\\Local",
    "userprofile": "C:\\Users\\Administrator",
    "commonapplicationdata": "C:\\ProgramData",
    "programfiles": "C:\\Program Files",
    "programfilesx86": "C:\\Program Files (x86)",
    "system": "C:\\Windows\\system32",
    "windows": "C:\\Windows",
    "temp": "C:\\Users\\Administrator\\AppData\\Local\\Temp",
}


class OperatingSystem:
    """``[Environment]::OSVersion``."""

    PS_TYPE_NAMES = ("System.OperatingSystem", "System.Object")
    PS_PROPERTIES = ("Platform", "ServicePack", "Version", "VersionString")

    def __init__(self, version_string: str):
        from .nettypes import Version
        self.VersionString = version_string
        self.Platform = "Win32NT"
        m = re.search(r"(\d+)\.(\d+)\.(\d+)", version_string)
        sp = re.search(r"Service Pack (\d+)", version_string)
        self.ServicePack = sp.group(0) if sp else ""
        major, minor, build = (int(x) for x in m.groups()) if m else (0, 0, 0)
        self.Version = Version(major, minor, build, (int(sp.group(1)) << 16) if sp else 0)

    def __str__(self) -> str:
        return self.VersionString


class IPHostEntry:
    """What ``[System.Net.Dns]::GetHostEntry()`` returns for the local machine."""

    PS_TYPE_NAMES = ("System.Net.IPHostEntry", "System.Object")
    PS_PROPERTIES = ("HostName", "Aliases", "AddressList")

    def __init__(self, host_name: str):
        self.HostName = host_name
        self.Aliases: List[str] = []
        self.AddressList: List[Any] = []


def _env(context: Any, name: str, default: str = "") -> str:
    return context.environment.get_value(name) or default


def local_fqdn(session: Any, fallback: str) -> str:
    """The local server's FQDN (the shell tells the session how to find it)."""
    find = getattr(session, "local_fqdn", None)
    found = find() if callable(find) else None
    return found or fallback


def _fqdn(context: Any) -> str:
    return local_fqdn(getattr(context, "session", None), _env(context, "COMPUTERNAME", "EX01"))


def _environment_static(context: Any, name: str, args: Optional[List[Any]]) -> Any:
    from .dotnet import TypeInfo, method_threw, overload_not_found, static_member
    n = name.casefold()
    if args is None:
        if n == "machinename":
            return _env(context, "COMPUTERNAME", "EX01")
        if n == "username":
            return _env(context, "USERNAME", "Administrator")
        if n == "userdomainname":
            return _env(context, "USERDOMAIN", "CONTOSO")
        if n == "osversion":
            return OperatingSystem(context.profile.windows_version)
        if n == "is64bitoperatingsystem" or n == "is64bitprocess":
            return True
        if n == "processorcount":
            return 4
        if n == "systemdirectory":
            return "C:\\Windows\\system32"
        if n == "currentdirectory":
            return "C:\\Users\\Administrator"
        if n == "userinteractive":
            return True
    else:
        if n == "getenvironmentvariable":
            if len(args) not in (1, 2):
                raise overload_not_found(name, len(args))
            if args[0] is None:
                raise method_threw(name, len(args), "System.ArgumentNullException",
                                   "Value cannot be null.\r\nParameter name: variable")
            return context.environment.get_value(to_string(args[0]))
        if n == "setenvironmentvariable":
            if len(args) not in (2, 3):
                raise overload_not_found(name, len(args))
            key = to_string(args[0]) if args[0] is not None else ""
            if not key or "=" in key:
                raise method_threw(name, len(args), "System.ArgumentException",
                                   "Environment variable name cannot contain equal character.\r\n"
                                   "Parameter name: variable" if key else
                                   "String cannot be of zero length.\r\nParameter name: variable")
            if args[1] is None or to_string(args[1]) == "":
                context.environment.pop(next((k for k in context.environment
                                              if k.casefold() == key.casefold()), key), None)
            else:
                context.environment.set_value(key, to_string(args[1]))
            return None
        if n == "getfolderpath":
            if len(args) not in (1, 2):
                raise overload_not_found(name, len(args))
            return _FOLDERS.get(to_string(args[0]).casefold(), "")
        if n == "getlogicaldrives":
            return ["C:\\"]
    return static_member(TypeInfo("System.Environment"), name, args,
                         context.statics.without("System.Environment"))


def _dns_static(context: Any, name: str, args: Optional[List[Any]]) -> Any:
    from .dotnet import method_not_found, method_threw, overload_not_found
    n = name.casefold()
    if args is not None and n == "gethostname":
        if args:
            raise overload_not_found(name, len(args))
        return _env(context, "COMPUTERNAME", "EX01")
    if args is not None and n in ("gethostentry", "gethostbyname", "resolve"):
        if len(args) != 1:
            raise overload_not_found(name, len(args))
        if args[0] is None:
            raise method_threw(name, 1, "System.ArgumentNullException",
                               "Value cannot be null.\r\nParameter name: hostNameOrAddress")
        asked = to_string(args[0]).strip().rstrip(".")
        fqdn = _fqdn(context)
        short = _env(context, "COMPUTERNAME", "EX01")
        if asked.casefold() in (fqdn.casefold(), short.casefold(), "localhost", "", "127.0.0.1"):
            return IPHostEntry(fqdn)
        raise method_threw(name, 1, "System.Net.Sockets.SocketException", "No such host is known")
    if args is not None:
        raise method_not_found("System.Net.Dns", name)
    from .dotnet import MethodError
    raise MethodError("The property '%s' cannot be found on type [System.Net.Dns]." % name)


#: The Global Assembly Cache assemblies scripts load by name (their public key token).
_GAC = {
    "system": "b77a5c561934e089", "system.core": "b77a5c561934e089",
    "system.xml": "b77a5c561934e089", "system.data": "b77a5c561934e089",
    "system.web": "b03f5f7f11d50a3a", "system.web.extensions": "31bf3856ad364e35",
    "system.windows.forms": "b77a5c561934e089", "system.drawing": "b03f5f7f11d50a3a",
    "system.directoryservices": "b03f5f7f11d50a3a",
    "system.directoryservices.accountmanagement": "b77a5c561934e089",
    "system.security": "b03f5f7f11d50a3a", "system.management": "b03f5f7f11d50a3a",
    "system.configuration": "b03f5f7f11d50a3a", "system.transactions": "b77a5c561934e089",
    "microsoft.visualbasic": "b03f5f7f11d50a3a", "presentationframework": "31bf3856ad364e35",
    "presentationcore": "31bf3856ad364e35", "windowsbase": "31bf3856ad364e35",
}
#: Assemblies that came with .NET 4.5 (not on a CLR 2 machine).
_GAC_45 = {"system.net.http": "b03f5f7f11d50a3a", "system.io.compression": "b77a5c561934e089",
           "system.io.compression.filesystem": "b77a5c561934e089"}


class Assembly:
    """What ``[System.Reflection.Assembly]::LoadWithPartialName()`` returns: an assembly
    of the Global Assembly Cache (nothing of it is emulated beyond its name)."""

    PS_TYPE_NAMES = ("System.Reflection.RuntimeAssembly", "System.Reflection.Assembly",
                     "System.Object")
    PS_PROPERTIES = ("GlobalAssemblyCache", "ImageRuntimeVersion", "FullName", "Location")

    def __init__(self, name: str, version: str, token: str, runtime: str, clr4: bool):
        self.FullName = "%s, Version=%s, Culture=neutral, PublicKeyToken=%s" % (name, version, token)
        self.GlobalAssemblyCache = True
        self.ImageRuntimeVersion = runtime
        gac = "GAC_MSIL"
        folder = "C:\\Windows\\Microsoft.Net\\assembly\\" + gac if clr4 else \
            "C:\\Windows\\assembly\\" + gac
        self.Location = "%s\\%s\\%s%s__%s\\%s.dll" % (folder, name, "v4.0_" if clr4 else "",
                                                     version, token, name)

    def __str__(self) -> str:
        return self.FullName


def _assembly(context: Any, name: str) -> Optional[Assembly]:
    clr = dict(context.dialect.version_table).get("CLRVersion", "2.0")
    clr4 = not clr.startswith("2.")
    simple = name.split(",")[0].strip()
    token = _GAC.get(simple.casefold()) or (_GAC_45.get(simple.casefold()) if clr4 else None)
    if token is None:
        return None
    return Assembly(simple, "4.0.0.0" if clr4 else "2.0.0.0", token,
                    "v4.0.30319" if clr4 else "v2.0.50727", clr4)


def _assembly_static(context: Any, name: str, args: Optional[List[Any]]) -> Any:
    from .dotnet import method_not_found, method_threw, overload_not_found
    n = name.casefold()
    if args is None:
        from .dotnet import MethodError
        raise MethodError("The property '%s' cannot be found on type "
                          "[System.Reflection.Assembly]." % name)
    if n in ("loadwithpartialname", "load", "loadfrom", "loadfile"):
        if len(args) not in (1, 2):
            raise overload_not_found(name, len(args))
        if args[0] is None:
            raise method_threw(name, len(args), "System.ArgumentNullException",
                               "Value cannot be null.\r\nParameter name: %s"
                               % ("partialName" if n == "loadwithpartialname" else "assemblyString"
                                  if n == "load" else "path"))
        text = to_string(args[0])
        found = _assembly(context, text) if n in ("loadwithpartialname", "load") else None
        if found is not None or n == "loadwithpartialname":
            return found                # LoadWithPartialName of an unknown name: $null
        shown = text if n == "load" else "file:///" + text
        raise method_threw(name, len(args), "System.IO.FileNotFoundException",
                           "Could not load file or assembly '%s' or one of its dependencies. "
                           "The system cannot find the file specified." % shown)
    raise method_not_found("System.Reflection.Assembly", name)


register(NetType("System.Reflection.Assembly", instance_of=lambda v: isinstance(v, Assembly)))
STATICS.register("System.Reflection.Assembly", _assembly_static)
register(NetType("System.Net.Dns"))
STATICS.register("System.Environment", _environment_static)
STATICS.register("System.Net.Dns", _dns_static)

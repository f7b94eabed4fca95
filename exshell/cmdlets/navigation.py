"""The navigation cmdlets, over any provider: Set-Location, Get-Location, Get-ChildItem,
Get-Item, Test-Path, Remove-Item and Get-PSDrive.

They reach items only through ``self.context.providers``
(:mod:`exshell.engine.providers`): a path goes to the provider of its drive, which
resolves it, says whether it exists and is a container, lists children, gives the
object to write and removes.  A new provider (``Cert:``) needs no change here.
The FileSystem provider and the content cmdlets are in :mod:`.filesystem`.

Failures are OSErrors with a ``kind``; :func:`provider_error_record` turns them into
the records PowerShell's providers write.
"""
from __future__ import annotations

import fnmatch
import re
from typing import Any, List, Optional, Sequence, Tuple

from ..engine.cmdlet import Cmdlet
from ..engine.completion import PATH, PATHS
from ..engine.conversion import SWITCH, ChoiceType, ListOf, StringType, to_string
from ..engine.errors import ErrorRecord
from ..engine.parameters import Parameter
from ..engine.properties import NOT_FOUND, PSObject, get_property
from ..engine.providers import ProviderError
from ..profiles import v3_cmdlets

__all__ = ["provider_error_record", "resolve_item", "expand_paths", "wildcard", "TestPath",
           "GetChildItem", "GetItem", "RemoveItem", "SetLocation", "GetLocation", "GetPSDrive"]

_CMD = "Microsoft.PowerShell.Commands."
#: Name and pattern lists (not paths: nothing to complete).
NAMES = ListOf(StringType(), "System.String[]")


def provider_error_record(cmdlet: Cmdlet, error: OSError, shown: Optional[str] = None) -> ErrorRecord:
    """An OSError with a ``kind`` as PowerShell's providers report it."""
    path = shown or getattr(error, "path", None) or str(getattr(error, "filename", "") or "")
    error_id = getattr(error, "error_id", None)
    if error_id:
        # A provider's own failure (the Cert: drive's "You cannot remove a certificate
        # container."): its text, id, category and exception as it says.
        return cmdlet.error_record(error.detail, error_id, getattr(error, "category", "NotSpecified"),
                                   target=getattr(error, "target", None) or path,
                                   exception_type=getattr(error, "exception_type", "System.Exception"))
    kind = getattr(error, "kind", "IOError")
    known = _KINDS.get(kind)
    if known is not None:
        text, error_id, category, exception = known
        where = getattr(error, "path", path) if kind == "DriveNotFound" else path
        return cmdlet.error_record(text % where if "%s" in text else text, error_id, category,
                                   target=where, exception_type=exception)
    return cmdlet.error_record(getattr(error, "detail", "") or error.strerror or
                               ("The file system reported an error for '%s'." % path),
                               "IOException", "WriteError", target=path,
                               exception_type="System.IO.IOException")


#: .NET's texts for the drive's refusals (a colon inside a path; a FIFO, socket or
#: device where a file was expected; a path of MAX_PATH characters or more).
NOT_SUPPORTED_FORMAT = "The given path's format is not supported."
NOT_A_FILE = ("FileStream was asked to open a device that was not a file. For support for devices "
              "like 'com1:' or 'lpt1:', call CreateFile, then use the FileStream constructors that "
              "take an OS handle as an IntPtr.")
PATH_TOO_LONG = ("The specified path, file name, or both are too long. The fully qualified file name "
                 "must be less than 260 characters, and the directory name must be less than 248 "
                 "characters.")

#: kind -> (message, error id, category, exception type).
_KINDS = {
    "PathNotFound": ("Cannot find path '%s' because it does not exist.", "PathNotFound",
                     "ObjectNotFound", "System.Management.Automation.ItemNotFoundException"),
    "DriveNotFound": ("Cannot find drive. A drive with the name '%s' does not exist.",
                      "DriveNotFound", "ObjectNotFound",
                      "System.Management.Automation.DriveNotFoundException"),
    "ParentNotFound": ("Could not find a part of the path '%s'.", "DirectoryNotFoundException",
                       "ObjectNotFound", "System.IO.DirectoryNotFoundException"),
    "AccessDenied": ("Access to the path '%s' is denied.", "UnauthorizedAccessException",
                     "PermissionDenied", "System.UnauthorizedAccessException"),
    "IsFolder": ("Access to the path '%s' is denied.", "UnauthorizedAccessException",
                 "PermissionDenied", "System.UnauthorizedAccessException"),
    "SameItem": ("Cannot overwrite the item %s with itself.", "CopyError", "WriteError",
                 "System.IO.IOException"),
    # Our wording: the real text is not known.
    "IntoItself": ("Cannot copy a folder into itself or one of its subfolders: '%s'.", "CopyError",
                   "WriteError", "System.IO.IOException"),
    "InvalidPath": ("Illegal characters in path.", "ArgumentException", "InvalidArgument",
                    "System.ArgumentException"),
    "Exists": ("The file '%s' already exists.", "NewItemIOError", "WriteError",
               "System.IO.IOException"),
    "NotSupported": (NOT_SUPPORTED_FORMAT, "System.NotSupportedException", "NotSpecified",
                     "System.NotSupportedException"),
    "Device": (NOT_A_FILE, "FileOpenFailure", "OpenError", "System.NotSupportedException"),
    "PathTooLong": (PATH_TOO_LONG, "PathTooLongException", "InvalidArgument",
                    "System.IO.PathTooLongException"),
    "NotEmpty": ("The directory is not empty.", "RemoveItemIOError", "WriteError",
                 "System.IO.IOException"),
    "ProviderNotSupported": ("Provider operation stopped because the provider does not support "
                             "this operation.", "NotSupported", "NotImplemented",
                             "System.Management.Automation.PSNotSupportedException"),
}


def resolve_item(cmdlet: Cmdlet, path: Any, *, report: bool = True) -> Optional[Tuple[Any, Any]]:
    """(provider, item) for ``path`` from the current location; on failure write the
    provider's error (when ``report``) and return None."""
    try:
        return cmdlet.context.providers.resolve(to_string(path))
    except OSError as e:
        if report:
            kind = getattr(e, "kind", "")
            cmdlet.write_error(provider_error_record(cmdlet, e, None if kind == "DriveNotFound"
                                                     else str(path)))
        return None


def wildcard(pattern: str) -> Any:
    """A compiled, case-insensitive PowerShell wildcard (``*``, ``?``, ``[a-c]``)."""
    return re.compile(fnmatch.translate(pattern), re.I)


def _split_leaf(text: str) -> Tuple[str, str]:
    """(folder part, last part) of a path; the folder part is "." when there is none."""
    clean = text.replace("/", "\\").rstrip("\\")
    leaf = clean.rsplit("\\", 1)[-1]
    return clean[: -len(leaf)] or ".", leaf


def has_wildcard(text: str) -> bool:
    return any(c in _split_leaf(text)[1] for c in "*?[")


def matching_children(cmdlet: Cmdlet, text: str) -> List[Tuple[Any, Any]]:
    """(provider, child) of the items a wildcard in the last part of ``text`` matches."""
    folder, leaf = _split_leaf(text)
    found = resolve_item(cmdlet, folder, report=False)
    if found is None:
        return []
    provider, item = found
    if not (provider.exists(item) and provider.is_container(item)):
        return []
    rx = wildcard(leaf)
    try:
        return [(provider, c) for c in provider.children(item) if rx.match(provider.item_name(c))]
    except OSError:
        return []


def expand_paths(cmdlet: Cmdlet, paths: Any) -> List[str]:
    """Paths with wildcards (``*``, ``?``, ``[...]``) in their last part become the
    matching items (none: nothing, as in PowerShell); other paths stay as given."""
    out: List[str] = []
    for path in paths or []:
        text = to_string(path)
        if not has_wildcard(text):
            out.append(text)
            continue
        out.extend(provider.item_path(c) for provider, c in matching_children(cmdlet, text))
    return out


def _command_line_path(cls: Any, context: Any, elements: Sequence[Any]) -> Optional[str]:
    """The first path a navigation command line names (``-Path``/``-LiteralPath`` or the
    first positional argument), or None."""
    from ..engine.binder import NO_VALUE
    statics = {p.name.casefold(): p for p in cls.parameters_for(context.profile)}
    path_names = ("path", "literalpath", "pspath", "fullname")
    i = 0
    items = list(elements)
    while i < len(items):
        el = items[i]
        if el.kind == "param" and not el.literal:
            typed = el.name.casefold()
            is_path = any(n.startswith(typed) for n in ("path", "literalpath")) or typed in path_names
            param = statics.get(typed) or next((p for n, p in statics.items() if n.startswith(typed)), None)
            takes_value = is_path or (param is not None and not param.is_switch)
            if el.value is not NO_VALUE:
                if is_path:
                    return _first(el.value)
            elif takes_value and i + 1 < len(items) and items[i + 1].kind == "arg":
                i += 1
                if is_path:
                    return _first(items[i].value)
        elif el.kind == "arg":
            return _first(el.value)
        i += 1
    return None


def _first(value: Any) -> Optional[str]:
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    if value is None:
        return None
    pspath = get_property(value, "PSPath")
    if pspath is not NOT_FOUND and pspath is not None:
        return to_string(pspath)
    return to_string(value)


class _NavigationCmdlet(Cmdlet, register=False):
    @classmethod
    def dynamic_parameters(cls, context: Any, elements: Sequence[Any],
                           expects_input: bool) -> Tuple[Any, ...]:
        """The parameters the path's provider adds (``dir Cert:\\My -DnsName x``).  A
        command that takes its paths from the pipeline gets every provider's (each
        item is checked against its own provider when it comes)."""
        try:
            path = _command_line_path(cls, context, elements)
            if path is None and expects_input:
                found: List[Any] = []
                for provider in context.providers.all():
                    found.extend(provider.dynamic_parameters(cls.name))
                return tuple(found)
            provider = context.providers.provider_for(path if path is not None
                                                      else context.location)
            return tuple(provider.dynamic_parameters(cls.name))
        except (OSError, ValueError):
            return ()

    def dynamic_ok(self, provider: Any, p: Any) -> bool:
        """False (after the binding error PowerShell gives) when a parameter bound on
        the command line is one another provider added, not ``provider``."""
        mine = {d.name.casefold() for d in provider.dynamic_parameters(self.name)}
        static = {q.name.casefold() for q in type(self).parameters_for(self.context.profile)}
        for name in p.as_dict():
            folded = name.casefold()
            if folded not in static and folded not in mine:
                self.write_error(self.error_record(
                    "A parameter cannot be found that matches parameter name '%s'." % name,
                    "NamedParameterNotFound", "InvalidArgument", target=None,
                    exception_type="System.Management.Automation.ParameterBindingException"))
                return False
        return True

    def fail(self, error: OSError, shown: Optional[str] = None) -> None:
        self.write_error(provider_error_record(self, error, shown))

    def not_found(self, path: str) -> None:
        self.fail(ProviderError("PathNotFound", path), path)


class TestPath(_NavigationCmdlet):
    """True when the path exists (-PathType Leaf: an item; Container: a folder)."""

    name = "Test-Path"
    dotnet_class = _CMD + "TestPathCommand"
    synopsis = "Tells whether a path exists on the emulated drive."
    parameters = (
        Parameter("Path", PATHS, position=0, mandatory=True, from_pipeline=True,
                  from_pipeline_by_name=True, aliases=("PSPath",)),
        Parameter("PathType", ChoiceType(["Any", "Container", "Leaf"],
                                         "Microsoft.PowerShell.Commands.TestPathType")),
        Parameter("IsValid", SWITCH),
    )

    def process(self, p: Any) -> None:
        for path in p.Path:
            text = to_string(path)
            if has_wildcard(text) and not p.IsValid:
                self.write_object(any(self._kind_ok(provider, c, p.PathType)
                                      for provider, c in matching_children(self, text)))
                continue
            found = resolve_item(self, path, report=False)
            if p.IsValid:
                self.write_object(found is not None)
                continue
            self.write_object(found is not None and found[0].exists(found[1])
                              and self._kind_ok(found[0], found[1], p.PathType))

    @staticmethod
    def _kind_ok(provider: Any, item: Any, path_type: Optional[str]) -> bool:
        if path_type == "Container":
            return provider.is_container(item)
        if path_type == "Leaf":
            return not provider.is_container(item)
        return True


class GetChildItem(_NavigationCmdlet):
    """List a folder (or the items matching a wildcard)."""

    name = "Get-ChildItem"
    aliases = ("dir", "ls", "gci")
    dotnet_class = _CMD + "GetChildItemCommand"
    synopsis = "Lists the files and folders of a folder on the emulated drive."
    parameters = (
        Parameter("Path", PATHS, position=0, from_pipeline=True, from_pipeline_by_name=True,
                  aliases=("PSPath",)),
        Parameter("Filter", StringType(), position=1),
        Parameter("Include", NAMES),
        Parameter("Recurse", SWITCH, aliases=("s",)),
        Parameter("Name", SWITCH),
        Parameter("Force", SWITCH),
        Parameter("File", SWITCH, available=v3_cmdlets),
        Parameter("Directory", SWITCH, aliases=("ad",), available=v3_cmdlets),
    )

    def process(self, p: Any) -> None:
        for path in (p.Path or ["."]):
            text = to_string(path)
            pattern = p.Filter
            folder, leaf = _split_leaf(text)
            if any(c in leaf for c in "*?"):
                pattern, text = leaf, folder
            found = resolve_item(self, text)
            if found is None:
                continue
            provider, item = found
            if not self.dynamic_ok(provider, p):
                continue
            if not provider.exists(item):
                self.not_found(text)
                continue
            keep = provider.item_filter(p)
            if not provider.is_container(item):
                if keep is None or keep(item):
                    self._emit(provider, item, p, item)
                continue
            self._list(provider, item, p, pattern, keep)

    def _list(self, provider: Any, folder: Any, p: Any, pattern: Optional[str],
              keep: Any = None) -> None:
        rx = wildcard(pattern) if pattern else None
        include = [wildcard(i) for i in (p.Include or [])]
        try:
            children = provider.children(folder)
        except OSError as e:
            self.fail(e)
            return
        for child in children:
            name = provider.item_name(child)
            container = provider.is_container(child)
            ok = (rx is None or rx.match(name)) and (not include or any(r.match(name) for r in include))
            if keep is not None:
                # A provider filter (the Cert: drive's -DnsName...): only the items it
                # keeps, no containers, and the containers are searched too.
                ok = ok and not container and keep(child)
            if ok and not (p.File and container) and not (p.Directory and not container):
                self._emit(provider, child, p, folder)
        if p.Recurse or keep is not None:
            for child in children:
                if provider.is_container(child):
                    self._list(provider, child, p, pattern, keep)

    def _emit(self, provider: Any, item: Any, p: Any, base: Any) -> None:
        if p.Name:
            text, base_text = provider.item_path(item), provider.item_path(base)
            self.write_object(text[len(base_text.rstrip("\\")) + 1:] if text != base_text
                              else provider.item_name(item))
        else:
            self.write_object(provider.get_item(item))


class GetItem(_NavigationCmdlet):
    """The item at a path (a file, a folder; on other providers their items)."""

    name = "Get-Item"
    aliases = ("gi",)
    dotnet_class = _CMD + "GetItemCommand"
    synopsis = "Gets the item at a location: a file or folder of the emulated drive."
    parameters = (
        Parameter("Path", PATHS, position=0, mandatory=True, from_pipeline=True,
                  from_pipeline_by_name=True, aliases=("PSPath", "FullName")),
        Parameter("Force", SWITCH),
    )

    def process(self, p: Any) -> None:
        for path in p.Path:
            text = to_string(path)
            if has_wildcard(text):
                for provider, child in matching_children(self, text):
                    self.write_object(provider.get_item(child))
                continue
            found = resolve_item(self, text)
            if found is None:
                continue
            provider, item = found
            if not self.dynamic_ok(provider, p):
                continue
            if not provider.exists(item):
                self.not_found(text)
                continue
            keep = provider.item_filter(p)
            if keep is not None and (provider.is_container(item) or not keep(item)):
                continue
            self.write_object(provider.get_item(item))


class RemoveItem(_NavigationCmdlet):
    """Delete items (a container with content needs -Recurse or a Yes)."""

    name = "Remove-Item"
    aliases = ("del", "erase", "rd", "ri", "rm", "rmdir")
    dotnet_class = _CMD + "RemoveItemCommand"
    supports_should_process = True
    synopsis = "Deletes files and folders on the emulated drive."
    parameters = (
        Parameter("Path", PATHS, position=0, mandatory=True, from_pipeline=True,
                  from_pipeline_by_name=True, aliases=("PSPath", "FullName")),
        Parameter("Recurse", SWITCH),
        Parameter("Force", SWITCH),
    )

    def process(self, p: Any) -> None:
        for path in expand_paths(self, p.Path):
            found = resolve_item(self, path)
            if found is None:
                continue
            provider, item = found
            if not self.dynamic_ok(provider, p):
                continue
            if not provider.exists(item):
                self.not_found(to_string(path))
                continue
            shown = provider.item_path(item)
            try:
                action, target = provider.remove_prompt(item, p)
            except OSError as e:
                self.fail(e, shown)
                continue
            if not self.should_process("", target=target, action=action):
                continue
            recurse = bool(p.Recurse)
            try:
                if provider.is_container(item) and not recurse and provider.children(item):
                    query = ("The item at %s has children and the Recurse parameter was not "
                             "specified. If you continue, all children will be removed with the "
                             "item. Are you sure you want to continue?" % shown)
                    if not self.should_continue(query, "Confirm"):
                        continue
                    recurse = True
                provider.remove_item(item, recurse, p)
            except OSError as e:
                self.fail(e, shown)


def _path_info(text: str) -> PSObject:
    return PSObject([("Path", text)], ("System.Management.Automation.PathInfo", "System.Object"))


class SetLocation(_NavigationCmdlet):
    """Change the current location (the prompt follows)."""

    name = "Set-Location"
    aliases = ("cd", "chdir", "sl")
    dotnet_class = _CMD + "SetLocationCommand"
    synopsis = "Changes the current folder on the emulated drive."
    parameters = (
        Parameter("Path", PATH, position=0, from_pipeline=True, from_pipeline_by_name=True,
                  aliases=("PSPath",)),
        Parameter("PassThru", SWITCH),
    )

    def process(self, p: Any) -> None:
        if p.Path is None:
            return          # Windows PowerShell's Set-Location without a path stays put
        found = resolve_item(self, p.Path)
        if found is None:
            return
        provider, item = found
        if not (provider.exists(item) and provider.is_container(item)):
            self.not_found(to_string(p.Path))
            return
        self.context.location = provider.location_of(item)
        if p.PassThru:
            self.write_object(_path_info(provider.item_path(item)))


class GetLocation(_NavigationCmdlet):
    """The current location, as a PathInfo (Path column)."""

    name = "Get-Location"
    aliases = ("gl", "pwd")
    dotnet_class = _CMD + "GetLocationCommand"
    synopsis = "Shows the current folder."
    parameters = ()

    def process(self, p: Any) -> None:
        self.write_object(_path_info(self.context.location))


#: Drives of PowerShell's providers that exshell does not emulate (listed for
#: fidelity); a registered provider's own drives replace a row of the same name.
OTHER_DRIVES = (("Alias", "Alias", ""), ("Cert", "Certificate", "\\"), ("Env", "Environment", ""),
                ("Function", "Function", ""), ("HKCU", "Registry", "HKEY_CURRENT_USER"),
                ("HKLM", "Registry", "HKEY_LOCAL_MACHINE"), ("Variable", "Variable", ""))


class GetPSDrive(_NavigationCmdlet):
    """The drives of every provider (the file-system drives with the real folder
    behind each in Description) and PowerShell's other providers' drives."""

    name = "Get-PSDrive"
    aliases = ("gdr",)
    dotnet_class = _CMD + "GetPSDriveCommand"
    synopsis = "Lists the drives; Description shows the real folder behind C:\\."
    parameters = (
        Parameter("Name", NAMES, position=0),
        Parameter("PSProvider", NAMES),
    )

    def process(self, p: Any) -> None:
        try:
            drives = self.context.providers.drives()
        except OSError as e:
            self.fail(e)
            return
        rows = [(d.name, d.provider, d.root, d.current_location, d.description) for d in drives]
        have = {r[0].casefold() for r in rows}
        rows.extend((n, prov, root, "", "") for n, prov, root in OTHER_DRIVES
                    if n.casefold() not in have)
        rows.sort(key=lambda r: r[0].casefold())
        names = [n.casefold() for n in (p.Name or [])]
        provs = [n.casefold() for n in (p.PSProvider or [])]
        found = False
        for name, prov, root, current, real in rows:
            if (names and name.casefold() not in names) or (provs and prov.casefold() not in provs):
                continue
            found = True
            self.write_object(PSObject(
                [("Name", name), ("Provider", prov), ("Root", root), ("CurrentLocation", current),
                 ("Description", real)],
                ("System.Management.Automation.PSDriveInfo", "System.Object")))
        if names and not found:
            for n in p.Name:
                self.write_error(self.error_record(
                    "Cannot find drive. A drive with the name '%s' does not exist." % n,
                    "GetDriveNoMatchingDrive", "ObjectNotFound", target=n,
                    exception_type="System.Management.Automation.DriveNotFoundException"))


def _register_drive_view() -> None:
    from ..format.views import TableColumn, TableView, register_table_view
    register_table_view("System.Management.Automation.PSDriveInfo", TableView([
        TableColumn("Name", "Name", 10), TableColumn("Provider", "Provider", 12),
        TableColumn("Root", "Root", 24), TableColumn("CurrentLocation", "CurrentLocation", None,
                                                      "right")]))


_register_drive_view()

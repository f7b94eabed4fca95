"""Default views: data keyed by type name.

A view says which columns (table) or lines (list) an object of a given type shows
when nothing else is asked for.  Lookup walks the object's type names, most derived
first, and also tries each name without a ``Deserialized.`` prefix (objects that come
back through Exchange 2010's remoting carry that prefix; PowerShell applies the
original type's view to them).

A registered view may also be a *factory*: a callable taking the ``context`` (for
example ``{"ps_version": "2.0"}``) and returning the view, for views that differ by
version.  None of the built-in views needs one today.

Imports only ``exshell.engine.properties``.
"""
from __future__ import annotations

from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple, Union

from ..structs import Struct, factory
from exshell.engine.properties import type_names

__all__ = [
    "TableColumn", "TableView", "ListView", "register_table_view", "register_list_view",
    "table_view_for", "list_view_for", "unregister_views",
    "EXCHANGE_CERTIFICATE_TYPE", "DICTIONARY_ENTRY_TYPE",
]

#: A property name, or a callable ``obj -> value``.
PropertyRef = Union[str, Callable[[Any], Any]]


class TableColumn(Struct):
    label: str
    property: PropertyRef
    width: Optional[int] = None          # None: share the rest of the line
    align: str = "left"                  # "left" | "right" | "center"


class TableView(Struct):
    columns: List[TableColumn]
    #: Group the rows by this property (a name, a callable, or ``(label, property)``),
    #: with ``group_header`` as the header line template (``{label}``, ``{value}``);
    #: ``None`` uses the -GroupBy look, ``   Label: value``.
    group_by: Any = None
    group_header: Optional[str] = None
    #: Size the columns from the data, as ``-AutoSize`` does.
    auto_size: bool = False
    #: Long values wrap in their column (the view's <Wrap/>), as ``-Wrap`` does.
    wrap: bool = False


class ListView(Struct):
    #: Each item is a property name (also the label) or ``(label, property_or_callable)``.
    properties: List[Union[str, Tuple[str, PropertyRef]]] = factory(list)

    def items(self) -> List[Tuple[str, PropertyRef]]:
        out: List[Tuple[str, PropertyRef]] = []
        for item in self.properties:
            if isinstance(item, str):
                out.append((item, item))
            else:
                out.append((item[0], item[1]))
        return out


ViewOrFactory = Union[TableView, ListView, Callable[[Any], Any]]

_TABLE_VIEWS: Dict[str, ViewOrFactory] = {}
_LIST_VIEWS: Dict[str, ViewOrFactory] = {}

_DESERIALIZED = "deserialized."


def register_table_view(type_name: str, view: ViewOrFactory) -> None:
    _TABLE_VIEWS[type_name.casefold()] = view


def register_list_view(type_name: str, view: ViewOrFactory) -> None:
    _LIST_VIEWS[type_name.casefold()] = view


def unregister_views(type_name: str) -> None:
    """Forget both views of ``type_name`` (tests register throwaway types)."""
    _TABLE_VIEWS.pop(type_name.casefold(), None)
    _LIST_VIEWS.pop(type_name.casefold(), None)


def _lookup(registry: Mapping[str, ViewOrFactory], obj: Any, context: Any) -> Any:
    names = [n.casefold() for n in type_names(obj)]
    stripped = [n[len(_DESERIALIZED):] for n in names if n.startswith(_DESERIALIZED)]
    for name in names + stripped:
        view = registry.get(name)
        if view is not None:
            if isinstance(view, (TableView, ListView)):
                return view
            return view(context)
    return None


def table_view_for(obj: Any, context: Any = None) -> Optional[TableView]:
    return _lookup(_TABLE_VIEWS, obj, context)


def list_view_for(obj: Any, context: Any = None) -> Optional[ListView]:
    return _lookup(_LIST_VIEWS, obj, context)


# ------------------------------------------------------------------ built-in views

EXCHANGE_CERTIFICATE_TYPE = "Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate"

# Exchange's summary table (reference exchange-certificate-cmdlets §3.3): Thumbprint
# 41 wide (40 hex digits + 1 space, then the 1-space gutter), the services code in a
# 10-wide column, Subject taking the rest.  The certificate object already carries
# ServicesStringForm at its version's width (5/6/7 letters), so no context is needed.
register_table_view(EXCHANGE_CERTIFICATE_TYPE, TableView([
    TableColumn("Thumbprint", "Thumbprint", 41),
    TableColumn("Services", "ServicesStringForm", 10),
    TableColumn("Subject", "Subject", None),
]))

# The 14 lines of `Get-ExchangeCertificate | fl`, in the captured order (§3.3).
register_list_view(EXCHANGE_CERTIFICATE_TYPE, ListView([
    "AccessRules", "CertificateDomains", "HasPrivateKey", "IsSelfSigned", "Issuer",
    "NotAfter", "NotBefore", "PublicKeySize", "RootCAType", "SerialNumber", "Services",
    "Status", "Subject", "Thumbprint",
]))

DICTIONARY_ENTRY_TYPE = "System.Collections.DictionaryEntry"

# A hashtable is shown entry by entry with this view: Name 30 wide, Value the rest.
register_table_view(DICTIONARY_ENTRY_TYPE, TableView([
    TableColumn("Name", "Name", 30),
    TableColumn("Value", "Value", None),
]))

# TimeSpan's list view puts the components before the totals.
register_list_view("System.TimeSpan", ListView([
    "Days", "Hours", "Minutes", "Seconds", "Milliseconds", "Ticks", "TotalDays", "TotalHours",
    "TotalMinutes", "TotalSeconds", "TotalMilliseconds",
]))

# .NET types whose default view is a table (PowerShell's DotNetTypes.format.ps1xml).
register_table_view("System.RuntimeType", TableView([
    TableColumn("IsPublic", "IsPublic", 8),
    TableColumn("IsSerial", "IsSerial", 8),
    TableColumn("Name", "Name", 40),
    TableColumn("BaseType", "BaseType", None),
]))
register_table_view("System.Version", TableView([
    TableColumn("Major", "Major", 6),
    TableColumn("Minor", "Minor", 6),
    TableColumn("Build", "Build", 6),
    TableColumn("Revision", "Revision", 8),
]))
register_table_view("System.Globalization.CultureInfo", TableView([
    TableColumn("LCID", "LCID", 16),
    TableColumn("Name", "Name", 16),
    TableColumn("DisplayName", "DisplayName", None),
]))
# Get-History (PowerShell's PowerShellCore.format.ps1xml, the "history" view).
register_table_view("Microsoft.PowerShell.Commands.HistoryInfo", TableView([
    TableColumn("Id", "Id", 4, "right"),
    TableColumn("CommandLine", "CommandLine", None),
]))

"""Get-Help (aliases ``help`` and ``man``): help views built from the declarations.

Owns the layout of PowerShell's help views (default, -Detailed, -Full, -Examples,
-Parameter), the table shown when a pattern matches several topics, the short
help Get-Help prints without a name, and about_ topics.  Syntax comes from
:func:`exshell.cmdlets.utility.syntax_lines` (one generator for Get-Command and
Get-Help); every word of description lives in :mod:`exshell.help.texts`.

Imports the engine, ``exshell.help`` (data only) and the utility family.
"""
from __future__ import annotations

from typing import Any, List, Optional, Sequence, Tuple

from ..engine.cmdlet import Cmdlet
from ..engine.conversion import SWITCH, StringType
from ..engine.operators import like
from ..engine.parameters import Parameter, for_profile

__all__ = ["GetHelp", "render_help"]

_CMD = "Microsoft.PowerShell.Commands."

_INDENT = "    "
_EXAMPLE_RULE = "-------------------------- EXAMPLE %d --------------------------"


def _texts() -> Any:
    from ..help import texts  # the data module is only needed when help is asked for
    return texts


def _pick(value: Any, tag: Optional[str]) -> Any:
    """A text that may differ per Exchange version: a dict keyed by version tag
    (``"default"`` for the rest) or a plain value."""
    if isinstance(value, dict):
        # A row's own text ("2019-CU11"), else its version's ("2019"), else the default.
        for key in (tag or "", (tag or "").split("-")[0]):
            if key in value:
                return value[key]
        return value.get("default", "")
    return value


def _wrap(text: str, indent: str, width: int) -> List[str]:
    """Paragraphs (blank-line separated) wrapped to ``width``; lines starting with
    spaces or 'C:\\' are kept as they are (commands, output)."""
    import textwrap
    out: List[str] = []
    for line in text.split("\n"):
        if not line.strip():
            out.append("")
        elif line.startswith(" ") or line.startswith("C:\\"):
            out.append(indent + line)
        else:
            out.extend(textwrap.wrap(line, max(20, width - len(indent)),
                                     initial_indent=indent, subsequent_indent=indent,
                                     break_on_hyphens=False, break_long_words=False))
    return out


def _usable_width(context: Any) -> int:
    width = getattr(context.host, "width", 80) or 80
    return min(int(width), 120) - 1


def param_description(cmdlet: str, param: str, tag: Optional[str]) -> str:
    t = _texts()
    text = t.PARAMETERS.get((cmdlet, param))
    if text is None:
        text = t.GENERIC_PARAMETERS.get(param, "")
    return _pick(text, tag)


def _pipeline(p: Parameter) -> str:
    kinds = [k for k, on in (("ByValue", p.from_pipeline), ("ByPropertyName",
                                                             p.from_pipeline_by_name)) if on]
    return "true (%s)" % ", ".join(kinds) if kinds else "false"


def _param_block(cls: Any, p: Parameter, tag: Optional[str], dialect: Any, width: int,
                 table: bool, indent: str = _INDENT) -> List[str]:
    from .utility import _syntax_type
    t = _texts()
    head = "-%s" % p.name if p.is_switch and not dialect.help_switch_type else \
        "-%s <%s>" % (p.name, "SwitchParameter" if p.is_switch else _syntax_type(p, dialect))
    out = [indent + head]
    desc = param_description(cls.name, p.name, tag)
    out += _wrap(desc, indent + _INDENT, width) if desc else []
    if table:
        default = p.default if p.default is not None else ""
        wild = (cls.name, p.name) in t.WILDCARD_PARAMETERS
        out += [""] + [indent + _INDENT + line for line in (
            "%-28s %s" % ("Required?", "true" if p.mandatory else "false"),
            "%-28s %s" % ("Position?", "named" if p.position is None else p.position + 1),
            ("%-28s %s" % ("Default value", default)).rstrip(),
            "%-28s %s" % ("Accept pipeline input?", _pipeline(p)),
            "%-28s %s" % ("Accept wildcard characters?", "true" if wild else "false"))]
    out.append("")
    return out


def _own_parameters(cls: Any, profile: Any) -> List[Parameter]:
    # The declared list (Where-/ForEach-Object show their 2.0 parameters here).
    return [p for p in for_profile(cls.parameters, profile) if "#" not in p.name]


def _section(title: str, body: List[str]) -> List[str]:
    return [title] + body + [""]


def render_help(cls: Any, context: Any, view: str = "default") -> str:
    """The help text of one cmdlet in ``view``: default, detailed, full or examples."""
    from .utility import syntax_lines
    t = _texts()
    profile, dialect = context.profile, context.dialect
    tag = profile.name
    width = _usable_width(context)
    name = cls.name
    synopsis = _pick(t.SYNOPSES.get(name), tag) or cls.synopsis
    out: List[str] = ["", "NAME", _INDENT + name, ""]
    out += _section("SYNOPSIS", _wrap(synopsis, _INDENT, width))
    examples = _pick(t.EXAMPLES.get(name, ()), tag)
    if view != "examples":
        out += ["", "SYNTAX"]
        for line in syntax_lines(cls, profile):
            out += _wrap(line, _INDENT, width) + [""]
        out += ["", "DESCRIPTION"]
        out += _wrap(_pick(t.DESCRIPTIONS.get(name, synopsis), tag), _INDENT, width)
        out.append("")
        if view in ("detailed", "full"):
            out += ["", "PARAMETERS"]
            for p in _own_parameters(cls, profile):
                out += _param_block(cls, p, tag, dialect, width, table=(view == "full"))
            out += [_INDENT + "<CommonParameters>"]
            out += [_INDENT * 2 + line for line in dialect.message("HelpCommonParameters")
                    .split("\n")] + [""]
        if view == "full":
            out += ["", "INPUTS"] + _wrap(_pick(t.INPUTS.get(name, ""), tag), _INDENT, width) + [""]
            out += ["", "OUTPUTS"] + _wrap(_pick(t.OUTPUTS.get(name, ""), tag), _INDENT, width) + [""]
            notes = _pick(t.NOTES.get(name, ""), tag)
            out += ["", "NOTES"] + ([""] + _wrap(notes, _INDENT * 2, width) if notes else []) + [""]
    if view in ("examples", "detailed", "full"):
        for i, (command, explanation) in enumerate(examples, 1):
            out += ["", _INDENT + _EXAMPLE_RULE % i, ""]
            out += [_INDENT + "C:\\PS>" + line if j == 0 else _INDENT + line
                    for j, line in enumerate(command.split("\n"))]
            out += ["", "", _INDENT + "Description", _INDENT + "-----------"]
            out += _wrap(explanation, _INDENT, width) + ["", ""]
    if view != "examples":
        related = list(_pick(t.RELATED.get(name, ()), tag))
        out += ["", "RELATED LINKS"] + [_INDENT + r for r in related] + [""]
    if view == "default":
        low = name
        out += ["REMARKS",
                _INDENT + 'To see the examples, type: "get-help %s -examples".' % low,
                _INDENT + 'For more information, type: "get-help %s -detailed".' % low,
                _INDENT + 'For technical information, type: "get-help %s -full".' % low, ""]
    return "\n".join(line.rstrip() for line in out)


def render_parameters(cls: Any, context: Any, patterns: Sequence[str]) -> Optional[str]:
    """The -Parameter view: each parameter matching a pattern, with its table."""
    profile, dialect = context.profile, context.dialect
    tag = profile.name
    width = _usable_width(context)
    params = list(_own_parameters(cls, profile)) + [p for p in cls.parameters_for(profile) if p.common]
    hits = [p for p in params if any(like(p.name, pat) for pat in patterns)]
    if not hits:
        return None
    out: List[str] = [""]
    for p in hits:
        out += _param_block(cls, p, tag, dialect, width, table=True, indent="")
    return "\n".join(line.rstrip() for line in out)


class HelpTopicSummary:
    """One row of the table Get-Help shows when a pattern matches several topics."""

    PS_PROPERTIES = ("Name", "Category", "Synopsis")
    PS_TYPE_NAMES = ("HelpInfoShort", "System.Management.Automation.PSCustomObject",
                     "System.Object")

    def __init__(self, name: str, category: str, synopsis: str) -> None:
        self.Name, self.Category, self.Synopsis = name, category, synopsis

    def __str__(self) -> str:
        return self.Name


def _register_view() -> None:
    from ..format.views import TableColumn, TableView, register_table_view
    # Widths as Windows PowerShell 2.0 prints the list (Name 33, Category 9); assumed
    # the same on 3.0+ where the Module column is left out (exshell has no modules).
    # One view object: Out-Default keeps rows of the same view in one table.
    register_table_view("HelpInfoShort", TableView([
        TableColumn("Name", "Name", 33), TableColumn("Category", "Category", 9),
        TableColumn("Synopsis", "Synopsis", None)]))


_register_view()


#: Get-Help -Online: a browser would open the page; exshell names it.
ONLINE_TEXT = "exshell opens no browser; the online help of %s is at:\n%s"
NO_ONLINE_URI = ("The online version of this Help topic cannot be displayed because the Internet "
                 "address (URI) of the Help topic is not specified in the command code or in the "
                 "help file for the command.")


def online_uri(cls: Any) -> Optional[str]:
    """Where a cmdlet's online help is: Exchange's module reference, or PowerShell's by
    module (None for commands with no online help: the lab's own, certreq)."""
    from .utility import MODULES
    if (cls.dotnet_class or "").startswith("Microsoft.Exchange."):
        return "https://learn.microsoft.com/powershell/module/exchange/%s" % cls.name.lower()
    module = MODULES.get(cls.name.casefold())
    if module is None:
        return None
    return "https://learn.microsoft.com/powershell/module/%s/%s?view=powershell-5.1" % (
        module[0].lower(), cls.name.lower())


class GetHelp(Cmdlet):
    name = "Get-Help"
    aliases = ("help", "man")
    dotnet_class = _CMD + "GetHelpCommand"
    synopsis = "Displays information about Windows PowerShell commands and concepts."
    default_set = "AllUsersView"
    parameters = (
        Parameter("Name", StringType(), position=0, from_pipeline_by_name=True),
        Parameter("Path", StringType()),
        Parameter("Category", StringType()),
        Parameter("Component", StringType()),
        Parameter("Functionality", StringType()),
        Parameter("Role", StringType()),
        Parameter("Full", SWITCH, sets=("AllUsersView",)),
        Parameter("Detailed", SWITCH, mandatory=True, sets=("DetailedView",)),
        Parameter("Examples", SWITCH, mandatory=True, sets=("Examples",)),
        Parameter("Parameter", StringType(), mandatory=True, sets=("Parameters",)),
        Parameter("Online", SWITCH, mandatory=True, sets=("Online",)),
    )

    def process(self, p: Any) -> None:
        t = _texts()
        name = p.Name
        if not name:
            self.write_object(t.DEFAULT_HELP)
            return
        if p.Online:
            self._online(name)
            return
        topics = self._topics(name)
        if not topics:
            text = self.context.dialect.message("HelpNotFound") % name
            self.throw_terminating(self.error_record(
                text, "HelpNotFound", "ResourceUnavailable", target=name,
                exception_type=_CMD + "HelpNotFoundException"))
        if len(topics) > 1:
            for kind, key, synopsis in topics:
                self.write_object(HelpTopicSummary(key, kind, synopsis))
            return
        kind, key, _ = topics[0]
        if kind == "HelpFile":
            self.write_object(t.ABOUT_TOPICS[key.casefold()][2])
            return
        if kind == "Function":
            fn = self.context.functions[key.casefold()]
            self.write_object("\n".join(["", "NAME", _INDENT + fn.Name, "", "SYNTAX",
                                         _INDENT + fn.Name + " ", "", "ALIASES", _INDENT + "None",
                                         "", "REMARKS", _INDENT + "None", ""]))
            return
        cls = self.context.commands.lookup(key)
        if p.Parameter is not None:
            text = render_parameters(cls, self.context, [p.Parameter])
            if text is None:
                self.throw_terminating(self.error_record(
                    "No parameter matches criteria %s." % p.Parameter, "NoParmsFound",
                    "ObjectNotFound", target=p.Parameter,
                    exception_type=_SMA + "PSArgumentException"))
            self.write_object(text)
            return
        view = "full" if p.Full else "detailed" if p.Detailed else \
            "examples" if p.Examples else "default"
        self.write_object(render_help(cls, self.context, view))

    def write_object(self, obj: Any) -> None:
        """``help`` and ``man`` are PowerShell's function that pipes Get-Help to ``more``:
        at the console their text comes a screenful at a time."""
        typed = (self.runtime.invocation.command or "").casefold()
        if typed in ("help", "man") and isinstance(obj, str):
            self.host.page(obj.split("\n"))
            return
        super().write_object(obj)

    def _online(self, name: str) -> None:
        """Get-Help -Online opens the help's web page; exshell says which one."""
        cls = self.context.commands.lookup(name)
        uri = online_uri(cls) if cls is not None else None
        if uri is None:
            self.throw_terminating(self.error_record(
                NO_ONLINE_URI, "InvalidOperation", "InvalidOperation",
                exception_type="System.InvalidOperationException"))
        super().write_object(ONLINE_TEXT % (cls.name, uri))

    def _topics(self, name: str) -> List[Tuple[str, str, str]]:
        """(category, name, synopsis) of every topic ``name`` matches: an exact name
        or alias gives that one topic; a pattern gives aliases, cmdlets, functions
        and about_ topics, in PowerShell's category order."""
        t = _texts()
        context = self.context
        tag = context.profile.name
        wild = any(ch in name for ch in "*?[")

        def available(cls: Any) -> bool:
            return cls.is_available(context.profile)

        if not wild:
            about = t.ABOUT_TOPICS.get(name.casefold())
            if about is not None:
                return [("HelpFile", about[0], "")]
            fn = context.functions.get(name.casefold())
            if fn is not None:
                return [("Function", fn.Name, "")]
            cls = context.commands.lookup(name)
            if cls is not None and available(cls):
                return [("Cmdlet", cls.name, "")]
            return []
        found: List[Tuple[str, str, str]] = []
        for alias, target in sorted(context.commands.aliases.items()):
            cls = context.commands.lookup(target)
            if like(alias, name) and cls is not None and available(cls):
                found.append(("Alias", alias, cls.name))
        for cls in sorted(context.commands.cmdlets.values(), key=lambda c: c.name.casefold()):
            if like(cls.name, name) and available(cls):
                found.append(("Cmdlet", cls.name,
                              _pick(t.SYNOPSES.get(cls.name), tag) or cls.synopsis))
        for key, fn in sorted(context.functions.items()):
            if like(fn.Name, name):
                found.append(("Function", fn.Name, ""))
        for key, (title, synopsis, _text) in sorted(t.ABOUT_TOPICS.items()):
            if like(title, name):
                found.append(("HelpFile", title, synopsis))
        return found


_SMA = "System.Management.Automation."

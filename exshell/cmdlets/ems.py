"""The functions the Exchange Management Shell defines at its start (RemoteExchange.ps1
on 2010+, Exchange.ps1 on 2007): Get-ExCommand, QuickRef and Get-ExBlog.

They are PowerShell functions in EMS, so Get-Command reports them as Function
(``command_type``).  QuickRef and Get-ExBlog open a page in the browser; exshell
opens nothing and says what would have been opened.

Imports the engine and the other cmdlet families.
"""
from __future__ import annotations

from typing import Any

from ..engine.cmdlet import Cmdlet
from ..engine.conversion import StringType
from ..engine.parameters import Parameter
from ..help.banner import EXBLOG_TEXT, EXBLOG_URL, NOT_OPENED, QUICKREF_TEXT

__all__ = ["GetExCommand", "QuickRef", "GetExBlog", "quickref_target"]


def quickref_target(profile: Any) -> str:
    """What QuickRef opens on this version: the local exquick.htm or a web page."""
    return profile.quickref.format(install=profile.install_path)


class _EmsFunction(Cmdlet, register=False):
    command_type = "Function"


class GetExCommand(_EmsFunction):
    """Lists only the Exchange commands (those of the implicit-remoting module)."""

    name = "Get-ExCommand"
    synopsis = "Lists the Exchange commands only; with a name, those that match it."
    definition = "\n\tif ($args[0] -eq $null) { <the Exchange commands> } else { <those named $args[0]> }\n"
    parameters = (Parameter("Name", StringType(), position=0),)

    def process(self, p: Any) -> None:
        from ..engine.operators import like
        from .utility import all_commands
        commands = [c for c in all_commands(self.context)
                    if c.ModuleName and (c.ModuleName.startswith("tmp_")
                                         or c.ModuleName.startswith("Microsoft.Exchange"))]
        pattern = str(p.Name) if p.Name is not None else "*"
        hits = [c for c in commands if like(c.Name, pattern)]
        hits.sort(key=lambda c: c.Name.casefold())
        for c in hits:
            self.write_object(c)


class QuickRef(_EmsFunction):
    """Opens the Exchange Management Shell quick reference (says what it would open)."""

    name = "QuickRef"
    synopsis = "Opens the Exchange Management Shell quick reference guide."
    definition = "\n\t<opens the quick reference guide>\n"

    def process(self, p: Any) -> None:
        self.host.write_line(QUICKREF_TEXT.format(target=quickref_target(self.context.profile)))
        self.host.write_line(NOT_OPENED)


class GetExBlog(_EmsFunction):
    """Opens the Exchange team blog (says what it would open)."""

    name = "Get-ExBlog"
    synopsis = "Opens the Exchange team blog in the web browser."
    definition = "\n\tinvoke-expression 'cmd /c start %s'\n" % EXBLOG_URL

    def process(self, p: Any) -> None:
        self.host.write_line(EXBLOG_TEXT.format(target=EXBLOG_URL))
        self.host.write_line(NOT_OPENED)

"""Set-StrictMode: the language's coding rules for a scope and its children.

Version 1 forbids reading a variable that was never set (except inside a string);
2 also forbids reading a property an object does not have (a scalar's Count and Length
included, as in Windows PowerShell) and unset variables in strings; 3 (5.1's Latest)
also forbids an index past the end of an array.  The evaluator enforces the rules
(``Evaluator.strict_version``); this cmdlet sets the version on the caller's scope.

Imports the engine only.
"""
from __future__ import annotations

import re
from typing import Any

from ..engine.cmdlet import Cmdlet
from ..engine.conversion import SWITCH, StringType, to_string
from ..engine.parameters import Parameter

__all__ = ["SetStrictMode"]

_CMD = "Microsoft.PowerShell.Commands."


class SetStrictMode(Cmdlet):
    """Turn strict mode on (a version) or off for the current scope."""

    name = "Set-StrictMode"
    dotnet_class = _CMD + "SetStrictModeCommand"
    synopsis = "Establishes and enforces coding rules in expressions, scripts, and script blocks."
    default_set = "Version"
    parameters = (
        Parameter("Version", StringType("System.Version"), mandatory=True, aliases=("v",),
                  sets=("Version",)),
        Parameter("Off", SWITCH, mandatory=True, sets=("Off",)),
    )

    def process(self, p: Any) -> None:
        scope = self.context.current_scope
        if p.set_name == "Off":
            scope.strict = 0
            return
        text = to_string(p.Version).strip()
        latest = self.context.dialect.strict_mode_latest
        if text.casefold() == "latest":
            scope.strict = latest
            return
        match = re.fullmatch(r"(\d+)(?:\.(\d+))?(?:\.\d+){0,2}", text)
        if match is None:
            self.throw_terminating(self.error_record(
                "Cannot bind parameter 'Version'. Cannot convert value \"%s\" to type "
                "\"System.Version\". Error: \"Input string was not in a correct format.\"" % text,
                "CannotConvertArgumentNoMessage", "InvalidArgument",
                exception_type="System.Management.Automation.ParameterBindingException"))
            return
        major = int(match.group(1))
        powershell_major = int(self.context.dialect.name.split(".")[0])
        if major < 1 or major > powershell_major:
            self.throw_terminating(self.error_record(
                "Cannot validate argument on parameter 'Version'. The %s version is not valid. "
                "Specify a version from 1.0 to %d.0, or Latest." % (text, powershell_major),
                "ParameterArgumentValidationError", "InvalidData",
                exception_type="System.Management.Automation.ParameterBindingValidationException"))
            return
        scope.strict = min(major, latest)

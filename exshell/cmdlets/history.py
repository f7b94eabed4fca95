"""The session history: Get-History (h, history, ghy), Invoke-History (r, ihy),
Add-History, Clear-History (clhy).

The list itself is :class:`exshell.engine.history.History` in the execution context;
the interactive shell records each line it ran (:mod:`exshell.interactive`).  The
texts and error ids are PowerShell's (HistoryStrings).
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, List, Optional

from ..engine.cmdlet import Cmdlet
from ..engine.conversion import OBJECT, SWITCH, IntType, ListOf, StringType, to_string
from ..engine.history import HistoryInfo, STATUSES, session_history
from ..engine.parameters import Parameter
from ..engine.properties import get_property, NOT_FOUND

__all__ = ["GetHistory", "InvokeHistory", "AddHistory", "ClearHistory"]

_CMD = "Microsoft.PowerShell.Commands."
_SMA = "System.Management.Automation."

NO_HISTORY_FOR_ID = "Cannot locate the history for Id %d."
NO_HISTORY_FOR_COMMAND_LINE = "Cannot locate the history for command line %s."
NO_LAST_ENTRY = "Cannot locate most recent history."
NO_COUNT_WITH_MULTIPLE_IDS = "The count cannot be combined with multiple Ids."
NO_COUNT_WITH_MULTIPLE_LINES = "The count cannot be combined with multiple CommandLine parameters."
MULTIPLE_COMMANDS = ("Cannot process multiple history commands. You can only run a single "
                     "command by using Invoke-History.")
LOOP_DETECTED = "The Invoke-History cmdlet is called repeatedly, in a loop."
INVALID_INPUT = "Cannot add history because the input object has a format that is not valid."
CLEAR_ALL = "This command will clear all the entries from the session history."


def _range_error(cmdlet: Cmdlet, parameter: str, value: Any, minimum: int) -> None:
    cmdlet.throw_terminating(cmdlet.error_record(
        "Cannot validate argument on parameter '%s'. The %s argument is less than the minimum "
        "allowed range of %d. Supply an argument that is greater than or equal to %d and then "
        "try the command again." % (parameter, to_string(value), minimum, minimum),
        "ParameterArgumentValidationError", "InvalidData",
        exception_type=_SMA + "ParameterBindingValidationException"))


def _ending_at(entries: List[HistoryInfo], ident: int, count: int) -> List[HistoryInfo]:
    """``count`` entries ending with entry ``ident`` (oldest first)."""
    before = [e for e in entries if e.Id <= ident]
    return before[-count:] if count > 0 else []


def _starting_at(entries: List[HistoryInfo], ident: int, count: int) -> List[HistoryInfo]:
    after = [e for e in entries if e.Id >= ident]
    return after[:count]


class GetHistory(Cmdlet):
    name = "Get-History"
    aliases = ("h", "history", "ghy")
    dotnet_class = _CMD + "GetHistoryCommand"
    synopsis = "Gets a list of the commands entered during the current session."
    parameters = (
        Parameter("Id", ListOf(IntType("System.Int64")), position=0, from_pipeline=True),
        Parameter("Count", IntType(), position=1),
    )

    def process(self, p: Any) -> None:
        history = session_history(self.context)
        ids = p.Id
        count = p.Count
        for ident in ids or ():
            if ident < 1:
                _range_error(self, "Id", ident, 1)
        if count is not None and count < 0:
            _range_error(self, "Count", count, 0)
        if ids:
            if count is None:
                for ident in ids:
                    entry = history.by_id(ident)
                    if entry is None:
                        self.write_error(self.error_record(
                            NO_HISTORY_FOR_ID % ident, "GetHistoryNoHistoryForId", "ObjectNotFound",
                            target=ident, exception_type="System.ArgumentException"))
                    else:
                        self.write_object(entry)
                return
            if len(ids) > 1:
                self.throw_terminating(self.error_record(
                    NO_COUNT_WITH_MULTIPLE_IDS, "GetHistoryNoCountWithMultipleIds", "InvalidArgument",
                    target=count, exception_type="System.ArgumentException"))
            for entry in _ending_at(history.entries, ids[0], count):
                self.write_object(entry)
            return
        for entry in history.last(count):
            self.write_object(entry)


class InvokeHistory(Cmdlet):
    name = "Invoke-History"
    aliases = ("r", "ihy")
    dotnet_class = _CMD + "InvokeHistoryCommand"
    synopsis = "Runs commands from the session history."
    supports_should_process = True
    confirm_impact = "Medium"
    parameters = (Parameter("Id", StringType(), position=0, from_pipeline_by_name=True),)

    def begin(self) -> None:
        self.ids: List[str] = []

    def process(self, p: Any) -> None:
        if p.Id is not None:
            self.ids.append(p.Id)

    def end(self) -> None:
        history = session_history(self.context)
        if len(self.ids) > 1:
            self.throw_terminating(self.error_record(
                MULTIPLE_COMMANDS, "InvokeHistoryMultipleCommandsError", "InvalidArgument",
                exception_type="System.ArgumentException"))
        entry = self._entry(history, self.ids[0] if self.ids else None)
        command = entry.CommandLine
        if not self.should_process("", target=command, action=self.name):
            return
        running = getattr(history, "invoking", set())
        if entry.Id in running:
            self.throw_terminating(self.error_record(
                LOOP_DETECTED, "InvokeHistoryLoopDetected", "InvalidOperation",
                exception_type="System.InvalidOperationException"))
        # The line typed (r 3) is recorded as the command it ran.
        history.substitute = command
        self.host.write_line(command)
        running.add(entry.Id)
        history.invoking = running
        try:
            script = self.context.parse(command)
            self.context.run(script, self.write_object)
        finally:
            running.discard(entry.Id)

    def _entry(self, history: Any, ident: Optional[str]) -> HistoryInfo:
        if ident is None:
            if not history.entries:
                self.throw_terminating(self.error_record(
                    NO_LAST_ENTRY, "InvokeHistoryNoLastHistoryEntryFound", "InvalidOperation",
                    exception_type="System.InvalidOperationException"))
            return history.entries[-1]
        try:
            number = int(ident.strip())
        except ValueError:
            for entry in reversed(history.entries):
                if entry.CommandLine.startswith(ident):
                    return entry
            self.throw_terminating(self.error_record(
                NO_HISTORY_FOR_COMMAND_LINE % ident, "InvokeHistoryNoHistoryForCommandline",
                "ObjectNotFound", target=ident, exception_type="System.ArgumentException"))
        if number <= 0:
            self.throw_terminating(self.error_record(
                "The identifier %d is not a valid value for a History identifier. Specify a "
                "positive number, and then try again." % number, "InvokeHistoryInvalidIdGetHistory",
                "InvalidArgument", target=number, exception_type="System.ArgumentOutOfRangeException"))
        entry = history.by_id(number)
        if entry is None:
            self.throw_terminating(self.error_record(
                NO_HISTORY_FOR_ID % number, "InvokeHistoryNoHistoryForId", "ObjectNotFound",
                target=number, exception_type="System.ArgumentException"))
        return entry


class AddHistory(Cmdlet):
    name = "Add-History"
    dotnet_class = _CMD + "AddHistoryCommand"
    synopsis = "Appends entries to the session history."
    parameters = (
        Parameter("InputObject", ListOf(OBJECT), position=0, from_pipeline=True),
        Parameter("Passthru", SWITCH),
    )

    def begin(self) -> None:
        # The line running now goes into the history first, as PowerShell records it
        # before the entries this command adds.
        history = session_history(self.context)
        history.flush_current()

    def process(self, p: Any) -> None:
        history = session_history(self.context)
        maximum = self.context.get_variable("MaximumHistoryCount")
        for item in p.InputObject or ():
            entry = self._entry(item)
            if entry is None:
                self.write_error(self.error_record(
                    INVALID_INPUT, "AddHistoryInvalidInput", "InvalidData", target=item,
                    exception_type="System.IO.InvalidDataException"))
                continue
            added = history.append(entry, maximum if isinstance(maximum, int) else None)
            if p.Passthru:
                self.write_object(added)

    @staticmethod
    def _entry(item: Any) -> Optional[HistoryInfo]:
        if isinstance(item, HistoryInfo):
            return item
        line = get_property(item, "CommandLine")
        status = get_property(item, "ExecutionStatus")
        start = get_property(item, "StartExecutionTime")
        end = get_property(item, "EndExecutionTime")
        if not isinstance(line, str) or status is NOT_FOUND or status is None:
            return None
        status_text = str(status)
        match = [s for s in STATUSES + ("NotStarted", "Running", "Stopping")
                 if s.casefold() == status_text.casefold()]
        if not match:
            return None
        times = []
        for value in (start, end):
            if isinstance(value, _dt.datetime):
                times.append(value)
                continue
            try:
                times.append(_dt.datetime.fromisoformat(str(value)))
            except ValueError:
                try:
                    times.append(_dt.datetime.strptime(str(value), "%m/%d/%Y %I:%M:%S %p"))
                except ValueError:
                    return None
        return HistoryInfo(0, line, match[0], times[0], times[1])


class ClearHistory(Cmdlet):
    name = "Clear-History"
    aliases = ("clhy",)
    dotnet_class = _CMD + "ClearHistoryCommand"
    synopsis = "Deletes entries from the command history."
    supports_should_process = True
    confirm_impact = "Medium"
    default_set = "IDParameter"
    parameters = (
        Parameter("Id", ListOf(IntType()), position=0, sets=("IDParameter",)),
        Parameter("CommandLine", ListOf(StringType()), sets=("CommandLineParameter",)),
        Parameter("Count", IntType(), position=1),
        Parameter("Newest", SWITCH),
    )

    def process(self, p: Any) -> None:
        history = session_history(self.context)
        count = p.Count
        if count is not None and count < 1:
            _range_error(self, "Count", count, 1)
        newest = bool(p.Newest)
        if p.CommandLine is not None:
            self._by_command_line(history, p.CommandLine, count, newest)
            return
        ids = p.Id
        for ident in ids or ():
            if ident < 1:
                _range_error(self, "Id", ident, 1)
        if ids:
            if count is None:
                for ident in ids:
                    entry = history.by_id(ident)
                    if entry is None:
                        self._not_found(ident)
                    else:
                        history.remove([entry])
                return
            if len(ids) > 1:
                self.throw_terminating(self.error_record(
                    NO_COUNT_WITH_MULTIPLE_IDS, "GetHistoryNoCountWithMultipleIds", "InvalidArgument",
                    target=count, exception_type="System.ArgumentException"))
            if history.by_id(ids[0]) is None:
                self._not_found(ids[0])
            chosen = (_starting_at(history.entries, ids[0], count) if newest
                      else _ending_at(history.entries, ids[0], count))
            history.remove(chosen)
            return
        if count is None:
            if not self.should_process("", target=CLEAR_ALL, action=self.name):
                return
            history.remove(list(history.entries))
            return
        history.remove(history.entries[-count:] if newest else history.entries[:count])

    def _not_found(self, ident: int) -> None:
        self.write_error(self.error_record(
            NO_HISTORY_FOR_ID % ident, "GetHistoryNoHistoryForId", "ObjectNotFound", target=ident,
            exception_type="System.ArgumentException"))

    def _by_command_line(self, history: Any, lines: List[str], count: Optional[int],
                         newest: bool) -> None:
        from ..engine.operators import like
        if count is not None and len(lines) > 1:
            self.throw_terminating(self.error_record(
                NO_COUNT_WITH_MULTIPLE_LINES, "NoCountWithMultipleCmdLine ", "InvalidArgument",
                target=lines, exception_type="System.ArgumentException"))
        for line in lines:
            matching = [e for e in history.entries if like(e.CommandLine, line)]
            if newest:
                matching.reverse()
            take = count if count is not None else (0 if any(c in line for c in "*?[") else 1)
            history.remove(matching if take == 0 else matching[:take])

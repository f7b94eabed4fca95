"""Start-Transcript and Stop-Transcript: the console's output, copied to a file on the
emulated drive (:mod:`exshell.engine.transcript` writes PowerShell's layout)."""
from __future__ import annotations

import random
import string
from typing import Any, Optional

from ..engine.cmdlet import Cmdlet
from ..engine.conversion import SWITCH, StringType, to_string
from ..engine.parameters import Parameter
from ..engine.transcript import Transcript, TranscribingHost, transcript_stamp
from .filesystem import drive_error_record, filesystem, resolve

__all__ = ["StartTranscript", "StopTranscript", "stop_all"]

_CMD = "Microsoft.PowerShell.Commands."
STARTED = "Transcript started, output file is %s"
STOPPED = "Transcript stopped, output file is %s"
# PowerShell 2.0 allows one transcript at a time; 5.0 and later nest them.
ALREADY_STARTED = ("Transcription has already been started. Use the stop-transcript command to "
                   "stop transcription.")
NO_CLOBBER = "File %s already exists and NoClobber was specified."


def _nests(profile: Any) -> bool:
    """5.0 and later: transcripts nest, and -IncludeInvocationHeader exists."""
    return "TranscriptInvocationHeader" in profile.dialect.messages


def _host(cmdlet: Cmdlet) -> Optional[TranscribingHost]:
    host = cmdlet.context.host
    return host if isinstance(host, TranscribingHost) else None


class StartTranscript(Cmdlet):
    name = "Start-Transcript"
    dotnet_class = _CMD + "StartTranscriptCommand"
    synopsis = "Creates a record of all or part of a Windows PowerShell session to a text file."
    supports_should_process = True
    parameters = (
        Parameter("Path", StringType(), position=0, aliases=("PSPath",), sets=("ByPath",)),
        Parameter("LiteralPath", StringType(), aliases=("LP",), sets=("ByLiteralPath",),
                  available=_nests),
        Parameter("OutputDirectory", StringType(), sets=("ByOutputDirectory",), available=_nests),
        Parameter("Append", SWITCH),
        Parameter("Force", SWITCH),
        Parameter("NoClobber", SWITCH, aliases=("NoOverwrite",)),
        Parameter("IncludeInvocationHeader", SWITCH, available=_nests),
    )
    default_set = "ByPath"

    def process(self, p: Any) -> None:
        context = self.context
        running = _host(self)
        if running is not None and not _nests(context.profile):
            self.throw_terminating(self.error_record(
                ALREADY_STARTED, "CannotStartTranscription", "InvalidOperation",
                exception_type="System.Management.Automation.PSInvalidOperationException"))
        now = context.clock.now()
        path = p.get("LiteralPath") or p.Path
        if not path:
            variable = context.get_variable("Transcript")
            path = to_string(variable) if variable not in (None, "") else None
        if not path:
            folder = p.get("OutputDirectory") or "%s\\Documents" % (
                to_string(context.get_variable("HOME") or "C:\\Users\\Administrator"))
            machine = context.environment.get_value("COMPUTERNAME") or "EX01"
            name = context.dialect.message("TranscriptFileName").format(
                stamp=transcript_stamp(now), machine=machine,
                random="".join(random.choice(string.ascii_letters + string.digits)
                               for _ in range(8)))
            path = folder.rstrip("\\") + "\\" + name
        target = resolve(self, path)
        if target is None:
            return
        drive = filesystem(self).drive
        if target.exists and p.NoClobber and not p.Append:
            self.throw_terminating(self.error_record(
                NO_CLOBBER % target.text, "NoClobber", "ResourceExists", target=target.text,
                exception_type="System.IO.IOException"))
        if not self.should_process("", target=target.text, action=self.name):
            return
        try:
            drive.make_parents(target)
            if not (p.Append and target.exists):
                drive.write_bytes(target, b"")
        except OSError as e:
            self.throw_terminating(drive_error_record(self, e, target.text))

        def writer(data: bytes, target=target) -> None:
            try:
                drive.write_bytes(target, data, append=True)
            except OSError:
                pass   # the file went away: the console goes on, as PowerShell's does

        transcript = Transcript(target.text, writer, context.dialect,
                                invocation_header=bool(p.get("IncludeInvocationHeader")),
                                clock=context.clock.now)
        env = context.environment
        table = context.dialect.version_table
        version_lines = "\n".join(
            "%s: %s" % (k, ", ".join(v) if isinstance(v, tuple) else v) for k, v in table)
        transcript.start({
            "start": transcript_stamp(now), "user": env.get_value("USERNAME") or "Administrator",
            "domain": env.get_value("USERDOMAIN") or "CONTOSO",
            "machine": env.get_value("COMPUTERNAME") or "EX01", "os": context.profile.windows_version,
            "host_application": context.dialect.messages.get("TranscriptHostApplication", ""),
            "pid": context.get_variable("PID") or 4242, "version_table": version_lines,
        }, append=bool(p.Append and target.exists))
        if running is not None:
            running.transcripts.append(transcript)
        else:
            context.host = TranscribingHost(context.host, transcript)
        self.write_object(STARTED % target.text)


class StopTranscript(Cmdlet):
    name = "Stop-Transcript"
    dotnet_class = _CMD + "StopTranscriptCommand"
    synopsis = "Stops a transcript."

    def process(self, p: Any) -> None:
        running = _host(self)
        if running is None or not running.transcripts:
            self.throw_terminating(self.error_record(
                self.context.dialect.message("TranscriptNotRunning"), "InvalidOperation",
                "InvalidOperation",
                exception_type="System.Management.Automation.PSInvalidOperationException"))
        transcript = running.transcripts.pop()
        transcript.stop()
        if not running.transcripts:
            self.context.host = running.inner
        self.write_object(STOPPED % transcript.path)


def stop_all(context: Any) -> None:
    """The shell is leaving: every running transcript gets its footer."""
    host = context.host
    while isinstance(host, TranscribingHost):
        for transcript in reversed(host.transcripts):
            transcript.stop()
        host.transcripts = []
        host = host.inner
    context.host = host

"""Send-MailMessage without a mail server: the message lands in an outbox folder.

The lab has no SMTP server, so the cmdlet does what a careful offline tool does: it
builds the real message (RFC 5322, MIME, CRLF line ends, attachments base64) and
writes it as ``C:\\exshell\\outbox\\<guid>.eml`` on the emulated drive, in the form
.NET's SmtpClient writes to a pickup directory: ``X-Sender`` / ``X-Receiver``
envelope lines first (so Bcc recipients are kept, though the message has no Bcc
header).  An ``X-Exshell-Relay`` line records the server, port, TLS and account the
real cmdlet would have used (never a password).  Any mail client opens the file.

Binding and errors are the real cmdlet's: -To, -Subject and -From are mandatory;
-Port exists from 3.0 on; no -SmtpServer and no ``$PSEmailServer`` is
InvalidOperationException; a malformed -From stops the command, a malformed
recipient is a non-terminating FormatException; a missing attachment is .NET's
FileNotFoundException (nothing is written then).

Imports the engine and the CSV family's drive helpers.
"""
from __future__ import annotations

import email.policy
import email.utils
import re
import uuid
from email.message import EmailMessage
from typing import Any, List, Optional, Tuple

from ..engine.cmdlet import Cmdlet
from ..engine.conversion import SWITCH, ConversionError, EnumType, IntType, ParamType
from ..engine.nettypes import NetEnum, NetFlags
from ..engine.parameters import Parameter
from ..engine.tostring import to_string
from ..profiles import v3_cmdlets
from .html import NOT_EMPTY_STRINGS, NOT_NULL_OR_EMPTY
from .types import PS_CREDENTIAL

__all__ = ["SendMailMessage", "OUTBOX", "MailPriority", "DeliveryNotificationOptions"]

#: Where the messages go (README: "What is emulated, and where exshell deliberately differs").
OUTBOX = "C:\\exshell\\outbox"

NO_SERVER = ("The email cannot be sent because no SMTP server was specified. You must specify an "
             "SMTP server by using either the SmtpServer parameter or the $PSEmailServer variable.")
BAD_ADDRESS = "The specified string is not in the form required for an e-mail address."
FILE_NOT_FOUND = "Could not find file '%s'."


class MailPriority(NetEnum):
    Normal = 0
    Low = 1
    High = 2


class DeliveryNotificationOptions(NetFlags):
    None_ = 0
    OnSuccess = 1
    OnFailure = 2
    Delay = 4
    Never = 134217728

    @classmethod
    def names(cls) -> List[str]:
        return ["None", "OnSuccess", "OnFailure", "Delay", "Never"]

    def __str__(self) -> str:
        if not self.value:
            return "None"
        return ", ".join(m.name for m in type(self) if m.value and self.value & m.value == m.value)


#: -Encoding names (PowerShell's file-encoding words) -> MIME charset.
_ENCODING_NAMES = {"ascii": "us-ascii", "utf8": "utf-8", "unicode": "utf-16",
                   "bigendianunicode": "utf-16be", "utf32": "utf-32", "utf7": "utf-7",
                   "default": "windows-1252", "oem": "ibm437"}


class _EncodingType(ParamType):
    """``-Encoding <System.Text.Encoding>``: an encoding object or its name."""

    dotnet_name = "System.Text.Encoding"

    def convert(self, value: Any) -> Any:
        if value is None:
            raise ConversionError("The argument is null or empty. Provide an argument that is not "
                                  "null or empty, and then try the command again.",
                                  "ParameterArgumentValidationError")
        web = getattr(value, "WebName", None)
        text = to_string(web if web is not None else value).strip()
        charset = _ENCODING_NAMES.get(text.casefold().replace("-", ""), text.casefold())
        import codecs
        try:
            codecs.lookup(charset)
        except LookupError:
            raise ConversionError('Cannot convert the "%s" value of type "%s" to type '
                                  '"System.Text.Encoding".' % (text, _type_name(value)))
        return charset


class _Port(IntType):
    """``[ValidateRange(0, Int32.MaxValue)]``."""

    def convert(self, value: Any) -> Any:
        number = super().convert(value)
        if number is not None and number < 0:
            raise ConversionError(
                "The %d argument is less than the minimum allowed range of 0. Supply an argument "
                "that is greater than or equal to 0 and then try the command again." % number,
                "ParameterArgumentValidationError")
        return number


_ADDRESS = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+$")


def parse_address(text: str) -> Optional[Tuple[str, str]]:
    """``user@host`` or ``Display Name <user@host>`` as (display name, address); None
    when .NET's MailAddress would refuse it."""
    text = text.strip()
    name, address = email.utils.parseaddr(text)
    if not address or not _ADDRESS.match(address):
        return None
    if "<" not in text and name:
        return None
    return name, address


class SendMailMessage(Cmdlet):
    """Build the message and leave it in the outbox (the lab has no mail server)."""

    name = "Send-MailMessage"
    dotnet_class = "Microsoft.PowerShell.Commands.SendMailMessage"
    synopsis = "Sends an e-mail message."
    parameters = (
        Parameter("Attachments", NOT_EMPTY_STRINGS, from_pipeline=True, aliases=("PsPath",)),
        Parameter("Bcc", NOT_EMPTY_STRINGS),
        Parameter("Body", NOT_NULL_OR_EMPTY, position=2),
        Parameter("BodyAsHtml", SWITCH, aliases=("BAH",)),
        Parameter("Encoding", _EncodingType(), aliases=("BE",)),
        Parameter("Cc", NOT_EMPTY_STRINGS),
        Parameter("DeliveryNotificationOption", EnumType(DeliveryNotificationOptions,
                                                                 "System.Net.Mail.DeliveryNotificationOptions"),
                  aliases=("DNO",)),
        Parameter("From", NOT_NULL_OR_EMPTY, mandatory=True),
        Parameter("SmtpServer", NOT_NULL_OR_EMPTY, position=3, aliases=("ComputerName",)),
        Parameter("Priority", EnumType(MailPriority, "System.Net.Mail.MailPriority")),
        Parameter("Subject", NOT_NULL_OR_EMPTY, position=1, mandatory=True, aliases=("sub",)),
        Parameter("To", NOT_EMPTY_STRINGS, position=0, mandatory=True),
        Parameter("Credential", PS_CREDENTIAL),
        Parameter("UseSsl", SWITCH),
        Parameter("Port", _Port(), available=v3_cmdlets),
    )

    def begin(self) -> None:
        self.prepared = False
        self.attachments: List[Tuple[str, bytes]] = []
        self.failed = False
        from .common import command_line_parameters
        p = command_line_parameters(self)
        if p is not None:
            self._prepare(p)

    # ----------------------------------------------------------------- BeginProcessing
    def _prepare(self, p: Any) -> None:
        if self.prepared:
            return
        self.prepared = True
        self.params = p
        sender = parse_address(p.From)
        if sender is None:
            self.throw_terminating(self._format_error(p.From))
        self.sender = sender
        self.to = self._addresses(p.To)
        self.cc = self._addresses(p.Cc or [])
        self.bcc = self._addresses(p.Bcc or [])
        server = p.SmtpServer
        if server is None:
            configured = self.context.get_variable("PSEmailServer")
            server = None if configured is None else to_string(configured)
        if not server:
            self.throw_terminating(self.error_record(
                NO_SERVER, "", "InvalidArgument",
                exception_type="System.InvalidOperationException"))
        self.server = server

    def _format_error(self, target: str) -> Any:
        return self.error_record(BAD_ADDRESS, "FormatException", "InvalidType", target=target,
                                 exception_type="System.FormatException")

    def _addresses(self, texts: List[str]) -> List[Tuple[str, str]]:
        out = []
        for text in texts:
            parsed = parse_address(text)
            if parsed is None:
                self.write_error(self._format_error(None))
                continue
            out.append(parsed)
        return out

    # ----------------------------------------------------------------- ProcessRecord
    def process(self, p: Any) -> None:
        self._prepare(p)
        from .data import resolve_path
        from ..drive import Drive
        for name in p.Attachments or []:
            path = resolve_path(self, name)
            if path is None:
                return
            drive = self.context.find(Drive)
            if not path.exists:
                self.throw_terminating(self.error_record(
                    FILE_NOT_FOUND % path.text, "System.IO.FileNotFoundException", "NotSpecified",
                    exception_type="System.IO.FileNotFoundException"))
            if path.is_folder:
                self.throw_terminating(self.error_record(
                    "Access to the path '%s' is denied." % path.text,
                    "System.UnauthorizedAccessException", "NotSpecified",
                    exception_type="System.UnauthorizedAccessException"))
            try:
                data = drive.read_bytes(path)
            except OSError:
                self.throw_terminating(self.error_record(
                    "Access to the path '%s' is denied." % path.text,
                    "System.UnauthorizedAccessException", "NotSpecified",
                    exception_type="System.UnauthorizedAccessException"))
                return
            self.attachments.append((path.parts[-1] if path.parts else name, data))

    # ----------------------------------------------------------------- EndProcessing
    def end(self) -> None:
        if not self.prepared:
            return
        if not self.to and not self.cc and not self.bcc:
            self.write_error(self.error_record(
                "A recipient must be specified.", "InvalidOperationException", "InvalidOperation",
                target=None, exception_type="System.InvalidOperationException"))
            return
        message_id = uuid.uuid4()
        data = self._message(message_id)
        from .data import _io_error, resolve_path
        from ..drive import Drive
        shown = "%s\\%s.eml" % (OUTBOX, message_id)
        path = resolve_path(self, shown)
        if path is None:
            return
        try:
            drive = self.context.find(Drive)
            drive.make_parents(path)
            drive.write_bytes(path, data)
        except OSError as e:
            _io_error(self, shown, e, reading=False)

    def _message(self, message_id: Any) -> bytes:
        p = self.params
        charset = p.Encoding or "us-ascii"
        msg = EmailMessage(policy=email.policy.SMTP)

        def text_of(value: Optional[str]) -> str:
            value = value or ""
            # .NET's encoder turns what the charset cannot hold into '?'
            return value.encode(charset, errors="replace").decode(charset, errors="replace") \
                if charset in ("us-ascii", "windows-1252", "ibm437") else value

        def fmt(pair: Tuple[str, str]) -> str:
            return email.utils.formataddr(pair)

        msg["X-Sender"] = self.sender[1]
        for _name, address in self.to + self.cc + self.bcc:
            msg["X-Receiver"] = address
        msg["MIME-Version"] = "1.0"
        msg["From"] = fmt(self.sender)
        if self.to:
            msg["To"] = ", ".join(fmt(a) for a in self.to)
        if self.cc:
            msg["Cc"] = ", ".join(fmt(a) for a in self.cc)
        priority = p.Priority or MailPriority.Normal
        if priority == MailPriority.High:
            msg["X-Priority"] = "1"
            msg["Priority"] = "urgent"
            msg["Importance"] = "high"
        elif priority == MailPriority.Low:
            msg["X-Priority"] = "5"
            msg["Priority"] = "non-urgent"
            msg["Importance"] = "low"
        now = self.context.clock.now()
        msg["Date"] = email.utils.format_datetime(now.replace(tzinfo=_utc()))
        msg["Subject"] = text_of(p.Subject)
        msg["Message-ID"] = "<%s@%s>" % (message_id, _host_of(self.server))
        relay = ["%s:%d" % (self.server, p.Port or 25), "ssl=%s" % bool(p.UseSsl)]
        if p.Credential is not None:
            relay.append("credential=%s" % to_string(p.Credential.UserName))
        if p.DeliveryNotificationOption:
            relay.append("notify=%s" % p.DeliveryNotificationOption)
        msg["X-Exshell-Relay"] = "; ".join(relay)
        body = text_of(p.Body)
        subtype = "html" if p.BodyAsHtml else "plain"
        python_charset = {"us-ascii": "us-ascii", "utf-16be": "utf-16-be"}.get(charset, charset)
        msg.set_content(body, subtype=subtype, charset=python_charset)
        for name, data in self.attachments:
            msg.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
        for part in msg.iter_parts():
            del part["MIME-Version"]  # once, in the message's own header
        return msg.as_bytes()


def _type_name(value: Any) -> str:
    from ..engine.properties import type_names
    names = type_names(value)
    return names[0] if names else "System.Object"


def _utc() -> Any:
    import datetime as _dt
    return _dt.timezone.utc


def _host_of(server: str) -> str:
    host = re.sub(r"[^A-Za-z0-9.-]", "", server) or "localhost"
    return host

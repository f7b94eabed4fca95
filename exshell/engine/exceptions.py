"""The .NET exception types scripts name, and how they derive from each other.

``catch [System.IO.IOException]`` must catch a ``FileNotFoundException``,
``catch [ArgumentException]`` a ``PSArgumentException``, ``$_.Exception -is
[SystemException]`` must hold for a ``DivideByZeroException``.  This table says which
type derives from which (the .NET Framework hierarchy); :func:`is_subclass` answers
from it, and :func:`known` says whether a name is an exception type PowerShell would
resolve (``[DivideByZeroException]`` works because PowerShell also tries the name with
``System.`` in front).

A type the table does not list (an Exchange task's own exception, say) still matches
itself, by full or short name.

Imports nothing else from exshell.
"""
from __future__ import annotations

from typing import Dict, Iterator, Optional

__all__ = ["BASES", "known", "canonical", "ancestors", "is_subclass"]

_SMA = "System.Management.Automation."

#: exception full name -> the full name of its base class.
BASES: Dict[str, str] = {
    "System.Exception": "System.Object",
    "System.SystemException": "System.Exception",
    "System.ApplicationException": "System.Exception",
    # System
    "System.ArgumentException": "System.SystemException",
    "System.ArgumentNullException": "System.ArgumentException",
    "System.ArgumentOutOfRangeException": "System.ArgumentException",
    "System.ArithmeticException": "System.SystemException",
    "System.DivideByZeroException": "System.ArithmeticException",
    "System.OverflowException": "System.ArithmeticException",
    "System.NotFiniteNumberException": "System.ArithmeticException",
    "System.FormatException": "System.SystemException",
    "System.UriFormatException": "System.FormatException",
    "System.IndexOutOfRangeException": "System.SystemException",
    "System.InvalidCastException": "System.SystemException",
    "System.InvalidOperationException": "System.SystemException",
    "System.ObjectDisposedException": "System.InvalidOperationException",
    "System.NotImplementedException": "System.SystemException",
    "System.NotSupportedException": "System.SystemException",
    "System.NullReferenceException": "System.SystemException",
    "System.OutOfMemoryException": "System.SystemException",
    "System.StackOverflowException": "System.SystemException",
    "System.TimeoutException": "System.SystemException",
    "System.UnauthorizedAccessException": "System.SystemException",
    "System.PlatformNotSupportedException": "System.NotSupportedException",
    "System.Collections.Generic.KeyNotFoundException": "System.SystemException",
    "System.Security.SecurityException": "System.SystemException",
    "System.Security.Cryptography.CryptographicException": "System.SystemException",
    "System.ComponentModel.Win32Exception": "System.Runtime.InteropServices.ExternalException",
    "System.Runtime.InteropServices.ExternalException": "System.SystemException",
    "System.Runtime.InteropServices.COMException": "System.Runtime.InteropServices.ExternalException",
    "System.Net.WebException": "System.InvalidOperationException",
    "System.Net.Sockets.SocketException": "System.ComponentModel.Win32Exception",
    "System.Text.RegularExpressions.RegexMatchTimeoutException": "System.TimeoutException",
    "System.Xml.XmlException": "System.SystemException",
    # System.IO
    "System.IO.IOException": "System.SystemException",
    "System.IO.FileNotFoundException": "System.IO.IOException",
    "System.IO.DirectoryNotFoundException": "System.IO.IOException",
    "System.IO.DriveNotFoundException": "System.IO.IOException",
    "System.IO.PathTooLongException": "System.IO.IOException",
    "System.IO.EndOfStreamException": "System.IO.IOException",
    "System.IO.FileLoadException": "System.IO.IOException",
    # System.Management.Automation
    _SMA + "RuntimeException": "System.SystemException",
    _SMA + "ActionPreferenceStopException": _SMA + "RuntimeException",
    _SMA + "ApplicationFailedException": _SMA + "RuntimeException",
    _SMA + "CmdletInvocationException": _SMA + "RuntimeException",
    _SMA + "CmdletProviderInvocationException": _SMA + "CmdletInvocationException",
    _SMA + "CommandNotFoundException": _SMA + "RuntimeException",
    _SMA + "ExtendedTypeSystemException": _SMA + "RuntimeException",
    _SMA + "GetValueException": _SMA + "ExtendedTypeSystemException",
    _SMA + "GetValueInvocationException": _SMA + "GetValueException",
    _SMA + "SetValueException": _SMA + "ExtendedTypeSystemException",
    _SMA + "SetValueInvocationException": _SMA + "SetValueException",
    _SMA + "MethodException": _SMA + "ExtendedTypeSystemException",
    _SMA + "MethodInvocationException": _SMA + "MethodException",
    _SMA + "MetadataException": _SMA + "RuntimeException",
    _SMA + "ValidationMetadataException": _SMA + "MetadataException",
    _SMA + "ArgumentTransformationMetadataException": _SMA + "MetadataException",
    _SMA + "ParameterBindingException": _SMA + "RuntimeException",
    _SMA + "ParameterBindingValidationException": _SMA + "ParameterBindingException",
    _SMA + "ParameterBindingArgumentTransformationException": _SMA + "ParameterBindingException",
    _SMA + "ParseException": _SMA + "RuntimeException",
    _SMA + "IncompleteParseException": _SMA + "ParseException",
    _SMA + "PipelineStoppedException": _SMA + "RuntimeException",
    _SMA + "ProviderInvocationException": _SMA + "RuntimeException",
    _SMA + "PSSecurityException": _SMA + "RuntimeException",
    _SMA + "ScriptCallDepthException": "System.SystemException",
    _SMA + "SessionStateException": _SMA + "RuntimeException",
    _SMA + "ItemNotFoundException": _SMA + "SessionStateException",
    _SMA + "DriveNotFoundException": _SMA + "SessionStateException",
    _SMA + "ProviderNotFoundException": _SMA + "SessionStateException",
    _SMA + "SessionStateUnauthorizedAccessException": _SMA + "SessionStateException",
    _SMA + "PSArgumentException": "System.ArgumentException",
    _SMA + "PSArgumentNullException": "System.ArgumentNullException",
    _SMA + "PSArgumentOutOfRangeException": "System.ArgumentOutOfRangeException",
    _SMA + "PSInvalidCastException": "System.InvalidCastException",
    _SMA + "PSInvalidOperationException": "System.InvalidOperationException",
    _SMA + "PSNotImplementedException": "System.NotImplementedException",
    _SMA + "PSNotSupportedException": "System.NotSupportedException",
    _SMA + "HaltCommandException": "System.SystemException",
    _SMA + "Remoting.PSRemotingTransportException": _SMA + "RuntimeException",
    _SMA + "Remoting.PSRemotingDataStructureException": _SMA + "RuntimeException",
    "Microsoft.PowerShell.Commands.WriteErrorException": "System.SystemException",
    "Microsoft.PowerShell.Commands.HelpNotFoundException": "System.SystemException",
}

_BY_FOLDED: Dict[str, str] = {name.casefold(): name for name in BASES}


def canonical(name: str) -> Optional[str]:
    """The full name of a known exception type, from its full name or the name with
    ``System.`` left off (``IO.IOException``, ``DivideByZeroException``)."""
    folded = name.strip().casefold()
    return _BY_FOLDED.get(folded) or _BY_FOLDED.get("system." + folded)


def known(name: str) -> bool:
    return canonical(name) is not None


def ancestors(full_name: str) -> Iterator[str]:
    """The type itself, then each base class up to ``System.Exception``."""
    name: Optional[str] = canonical(full_name) or full_name
    seen = set()
    while name and name != "System.Object" and name not in seen:
        seen.add(name)
        yield name
        name = BASES.get(name)


def is_subclass(full_name: str, base: str) -> bool:
    """Whether exception type ``full_name`` is ``base`` or derives from it.

    Every exception derives from ``System.Exception``.  A type the table does not
    know (an Exchange task's own exception) is taken to derive from
    ``System.Exception`` directly and matches itself by full name, or by short name
    when the script wrote the short name (``catch [ADNoSuchObjectException]``)."""
    known_base = canonical(base)
    wanted = (known_base or base.strip()).casefold()
    if wanted == "system.exception":
        return True
    for name in ancestors(full_name):
        if name.casefold() == wanted:
            return True
    if known_base is None and canonical(full_name) is None:
        return full_name.casefold().rsplit(".", 1)[-1] == wanted.rsplit(".", 1)[-1]
    return False

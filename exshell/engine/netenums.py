"""The .NET enums of the base library scripts name: StringComparison,
StringSplitOptions, RegexOptions and ErrorCategory.

Imported the first time one of them is named (``nettypes.add_lazy``): building an
enum class costs start-up time that most sessions never need.
"""
from __future__ import annotations

from .nettypes import NetEnum, NetFlags, enum_type

from .errors import ERROR_CATEGORIES

__all__ = ["StringComparison", "StringSplitOptions", "RegexOptions", "ErrorCategory",
           "DateTimeStyles"]


class StringComparison(NetEnum):
    CurrentCulture = 0
    CurrentCultureIgnoreCase = 1
    InvariantCulture = 2
    InvariantCultureIgnoreCase = 3
    Ordinal = 4
    OrdinalIgnoreCase = 5


class StringSplitOptions(NetEnum):
    None_ = 0
    RemoveEmptyEntries = 1


class RegexOptions(NetFlags):
    None_ = 0
    IgnoreCase = 1
    Multiline = 2
    ExplicitCapture = 4
    Compiled = 8
    Singleline = 16
    IgnorePatternWhitespace = 32
    RightToLeft = 64
    ECMAScript = 256
    CultureInvariant = 512


class DateTimeStyles(NetFlags):
    None_ = 0
    AllowLeadingWhite = 1
    AllowTrailingWhite = 2
    AllowInnerWhite = 4
    AllowWhiteSpaces = 7
    NoCurrentDateDefault = 8
    AdjustToUniversal = 16
    AssumeLocal = 32
    AssumeUniversal = 64
    RoundtripKind = 128


#: System.Management.Automation.ErrorCategory ($_.CategoryInfo.Category).
ErrorCategory = NetEnum("ErrorCategory", [(n, i) for i, n in enumerate(ERROR_CATEGORIES)])


# Set after the class: in the class body an enum would take DOTNET_NAME for a member.
for _cls, _name in ((StringComparison, "System.StringComparison"),
                    (StringSplitOptions, "System.StringSplitOptions"),
                    (RegexOptions, "System.Text.RegularExpressions.RegexOptions"),
                    (ErrorCategory, "System.Management.Automation.ErrorCategory"),
                    (DateTimeStyles, "System.Globalization.DateTimeStyles")):
    setattr(_cls, "DOTNET_NAME", _name)
    enum_type(_cls, _name)
del _cls, _name

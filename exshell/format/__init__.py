"""Output formatting: objects and format records -> lines of text at a given width.

Owns how values, lists and tables look (PowerShell 2.0 and 5.1 rules, chosen by a
``ps_version`` argument).  Modules:

``values``       one value as text in a cell or list line (ToString from engine.tostring)
``views``        default views, data keyed by type name (ExchangeCertificate, hashtables)
``records``      Format-List / Format-Table records and the shaping shared with Out-Default
``table``        the table writer (widths, dashes, truncation, wrapping)
``listing``      the list writer (``Label : value``)
``out_default``  the implicit formatter at the end of a pipeline (OutDefault, render)
``dotnet_format`` .NET format strings for the FormatString key (N2, yyyy-MM-dd, {0:N1})
``cells``        display width of text (wide characters count 2)
``errors``       FormatError

Imports only ``exshell.engine.properties`` and ``exshell.engine.tostring`` (PowerShell's
ToString rules, shared with the evaluator) from the rest of exshell.  Nothing here reads the terminal: the width is
always passed in.
"""
from .errors import FormatError
from .out_default import OutDefault, render
from .records import format_list, format_table
from .values import display_string

__all__ = ["FormatError", "OutDefault", "render", "format_list", "format_table",
           "display_string"]

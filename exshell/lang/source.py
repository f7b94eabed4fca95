"""Script files as text: how Windows PowerShell decodes a ``.ps1``.

A byte-order mark decides: UTF-8 (``EF BB BF``), UTF-16 little- or big-endian
(``FF FE`` / ``FE FF``: what ``Out-File`` writes by default on 5.1) or UTF-32.  Without
one, Windows PowerShell reads the file as the system's ANSI code page; exshell takes
UTF-8 when the bytes are valid UTF-8 (what editors write today) and Windows-1252
otherwise.  Every reader of script files (``-File``, ``-CheckSyntax``, ``& .\\x.ps1``,
dot-sourcing) goes through :func:`decode_script`.
"""
from __future__ import annotations

__all__ = ["decode_script"]

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_script(data: bytes) -> str:
    """The text of a script file's bytes (never raises: bytes that do not decode
    become U+FFFD, as a mis-encoded file shows in PowerShell)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")

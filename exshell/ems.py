"""What the Exchange Management Shell prints when it starts, per version: the
welcome banner, the tip of the day (2007/2010) and Connect-ExchangeServer's
VERBOSE lines (2010+), after exshell's own lines about itself and the world in use.
``-NoLogo`` leaves all of it out (exshell.cli).

The texts live in :mod:`exshell.help.banner`; the version facts (which banner, the
connection lines) in the profile table.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, List, Optional, Sequence

from .help.banner import BANNERS, TIPS

__all__ = ["banner_text", "ems_banner_lines", "tip_of_the_day"]


def tip_of_the_day(now: _dt.datetime) -> List[str]:
    """"Tip of the day #N:", a blank line, the tip, its example: one tip per day of the
    emulated clock (the same all day; fixed in tests)."""
    index = now.toordinal() % len(TIPS)
    text, example = TIPS[index]
    lines = ["Tip of the day #%d:" % (index + 1), "", text]
    if example:
        lines += ["", "  " + example]
    return lines + [""]


def ems_banner_lines(profile: Any, fqdn: str, now: _dt.datetime) -> List[str]:
    """The real shell's start for ``profile``, connecting to ``fqdn``."""
    welcome, entries, after, width, tip = BANNERS[profile.banner]
    lines = ["", welcome, ""]
    for label, command in entries:
        lines.append(label.ljust(width) + command if width else label + " " + command)
    lines.append("")
    if after is not None:
        lines.append(after[0] + " " + after[1])
    if tip:
        lines += tip_of_the_day(now)
    for template in profile.connect_lines:
        lines.append("VERBOSE: " + template.format(fqdn=fqdn))
    return lines


def banner_text(profile: Any, fqdn: str, now: _dt.datetime,
                world_lines: Optional[Sequence[str]] = None) -> str:
    """exshell's lines (what it is, the version, the world), then the EMS start."""
    intro = ["exshell: an Exchange Management Shell emulator -- Exchange Server %s %s"
             % (profile.version, profile.update),
             "(%s), Windows PowerShell %s." % (profile.display_version, profile.ps_version),
             "Real certificates, an emulated organisation: nothing here touches a real server."]
    return "\n".join(intro + list(world_lines or []) + ems_banner_lines(profile, fqdn, now))

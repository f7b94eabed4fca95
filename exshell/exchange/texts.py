"""User-visible texts of the Exchange model that are not errors: confirmation /
-WhatIf messages, the "overwrite the default SMTP certificate" question, and the
en-US general date format Exchange's own strings use.

The real English wording of the confirmation messages is unknown (reference §5.2,
§9); ours are marked ``# ours`` and live only here.  The SMTP question is real
(reference §5.1).  Errors are in :mod:`.errors`.

Imports only the standard library.
"""
from __future__ import annotations

import datetime as _dt
from typing import List, Tuple

__all__ = ["general_date", "CONFIRM", "smtp_prompt", "SMTP_CAPTION", "DEFAULT_FRIENDLY_NAME",
           "STAND_IN_KEY_WARNING"]

#: FriendlyName of certificates made without -FriendlyName [D].
DEFAULT_FRIENDLY_NAME = "Microsoft Exchange"


#: Export-ExchangeCertificate of a replica's certificate (exshell's own words: no real
#: server has stand-in keys).
STAND_IN_KEY_WARNING = ("The private key of certificate {thumbprint} is a stand-in made by 'exshell "
                        "replica import': the real key stayed on the real server. The exported "
                        "file holds the real certificate and the stand-in key, which do not match; "
                        "it imports into exshell, not into a real server.")


def general_date(dt: _dt.datetime) -> str:
    """en-US general date/time (``M/d/yyyy h:mm:ss tt``), as Exchange formats dates
    inside its messages (the server's culture; we model en-US)."""
    hour = dt.hour % 12 or 12
    return "%d/%d/%d %d:%02d:%02d %s" % (dt.month, dt.day, dt.year, hour, dt.minute, dt.second,
                                        "AM" if dt.hour < 12 else "PM")


# Task confirmation messages (ShouldProcess text, shown after "What if: " or under
# "Are you sure you want to perform this action?").  # ours, all of them
CONFIRM = {
    "new": ('Generate a self-signed certificate with friendly name "{friendly}", subject '
            '"{subject}", domain names "{domains}", services "{services}" and key size {size}.'),
    "new_request": ('Generate a certificate request with friendly name "{friendly}", subject '
                    '"{subject}", domain names "{domains}" and key size {size}.'),
    "enable": 'Enable certificate with thumbprint {thumbprint} for services "{services}".',
    "remove": "Remove certificate with thumbprint {thumbprint}.",
    "export": "Export certificate with thumbprint {thumbprint}.",
    "import": "Import certificate.",
}

#: Caption of the 2013+ form of the SMTP question.
SMTP_CAPTION = "Confirm"


def smtp_prompt(style: str, current_thumbprint: str, current_expiry: _dt.datetime,
                new_thumbprint: str, new_expiry: _dt.datetime) -> Tuple[str, List[str]]:
    """(caption, message lines) of the "overwrite the default SMTP certificate"
    question, without the choices line (the host draws that).

    ``style`` is ``profile.smtp_question``: "console" gives the one-question form of
    the 2007/2010 console (caption empty); "confirm" the 2013+ Confirm form.
    Reference §5.1.
    """
    cur = "'%s' (expires %s)" % (current_thumbprint, general_date(current_expiry))
    new = "'%s' (expires %s)" % (new_thumbprint, general_date(new_expiry))
    if style == "console":
        return "", ["Overwrite existing default SMTP certificate,",
                    "%s, with certificate %s?" % (cur, new)]
    return SMTP_CAPTION, ["Overwrite the existing default SMTP certificate?",
                          "",
                          "Current certificate: %s" % cur,
                          "Replace it with certificate: %s" % new]

"""The ``[Server=...,RequestId=...,TimeStamp=...] [FailureCategory=...]`` stamp that
Exchange 2013+ puts in front of a remote error's FullyQualifiedErrorId (reference
§6.1), and the sources of its RequestId GUIDs.

``RandomRequestIds`` gives fresh GUIDs (the real behaviour); ``SeededRequestIds``
gives GUIDs derived from a seed and a counter, so transcripts and tests are
reproducible.  Imports only the standard library.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import uuid

from .texts import general_date

__all__ = ["RequestIdSource", "RandomRequestIds", "SeededRequestIds", "server_stamp"]

#: The stamp's layout (2013+ remote EMS, reference §6.1 [C]).  TimeStamp is the
#: server's local time in its culture; we model en-US (``general_date``).
STAMP_FORMAT = "[Server={server},RequestId={request_id},TimeStamp={when}] " \
               "[FailureCategory=Cmdlet-{reason}]"


class RequestIdSource:
    """Hands out RequestId GUIDs (as lowercase text)."""

    def next(self) -> str:
        raise NotImplementedError


class RandomRequestIds(RequestIdSource):
    def next(self) -> str:
        return str(uuid.uuid4())


class SeededRequestIds(RequestIdSource):
    """Version-4-looking GUIDs from SHA-256 of ``seed:n`` (deterministic)."""

    def __init__(self, seed: str = "exshell"):
        self._seed = str(seed)
        self._n = 0

    def next(self) -> str:
        self._n += 1
        digest = hashlib.sha256(("%s:request:%d" % (self._seed, self._n)).encode("utf-8")).digest()
        return str(uuid.UUID(bytes=digest[:16], version=4))


def server_stamp(server: str, request_id: str, when: _dt.datetime, reason: str) -> str:
    """The stamp text; ``reason`` is the exception's short type name."""
    return STAMP_FORMAT.format(server=server, request_id=request_id, when=general_date(when),
                               reason=reason)

"""Reading a file of the host that a user named (an organisation, lab, script, snapshot
or roster file) as untrusted input: only a regular file is read, never a FIFO, socket
or device (opening one for reading would block for ever, or read without end), and
never more than a limit.

Owns :func:`read_host_file`.  Imports only the standard library.
"""
from __future__ import annotations

import errno
import os
import stat
from typing import Optional

__all__ = ["read_host_file", "NOT_REGULAR"]

#: The reason given (as an OSError's strerror) for a folder, FIFO, socket or device.
NOT_REGULAR = "not a regular file (a folder, a FIFO, a socket or a device)"


def read_host_file(path: str, limit: Optional[int] = None) -> bytes:
    """The bytes of the regular file ``path`` (at most ``limit + 1`` of them, so a
    caller can tell a file over its limit).  Raises OSError -- with :data:`NOT_REGULAR`
    as its strerror for anything but a regular file -- without ever blocking: the file
    is opened non-blocking and checked with ``fstat`` before a byte is read."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
                 | getattr(os, "O_NOCTTY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, NOT_REGULAR)
        chunks = []
        left = None if limit is None else limit + 1
        while left is None or left > 0:
            chunk = os.read(fd, 1 << 20 if left is None else min(1 << 20, left))
            if not chunk:
                break
            chunks.append(chunk)
            if left is not None:
                left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)

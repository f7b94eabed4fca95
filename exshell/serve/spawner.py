"""The server's side of the session factory (:mod:`.zygote`): start it, hand it jobs
with the file descriptors the child gets, and start it again if it ever dies."""
from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
from typing import Any, Dict, List, Optional

__all__ = ["Spawner", "SpawnError"]


class SpawnError(Exception):
    pass


class Spawner:
    def __init__(self) -> None:
        self.proc: Optional[subprocess.Popen] = None
        self.sock: Optional[socket.socket] = None
        self._lock = asyncio.Lock()

    def start(self, timeout: float = 120.0) -> None:
        """Start the factory and wait until it has warmed up (blocking: at start-up)."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        env = dict(os.environ)
        self.proc = subprocess.Popen([sys.executable, "-m", "exshell.serve.zygote",
                                      str(theirs.fileno())], pass_fds=[theirs.fileno()],
                                     stdin=subprocess.DEVNULL, env=env)
        theirs.close()
        ours.settimeout(timeout)
        try:
            line = self._line(ours)
        except (OSError, socket.timeout) as e:
            raise SpawnError("the session factory did not start (%s)" % e) from None
        if not line.get("ready"):
            raise SpawnError("the session factory did not start")
        ours.settimeout(None)
        self.sock = ours

    @staticmethod
    def _line(sock: socket.socket) -> Dict[str, Any]:
        data = b""
        while not data.endswith(b"\n"):
            chunk = sock.recv(4096)
            if not chunk:
                raise OSError("the session factory ended")
            data += chunk
        try:
            value = json.loads(data.decode("utf-8"))
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    async def spawn(self, job: Dict[str, Any], fds: List[int]) -> int:
        """Fork a child for ``job`` with ``fds``; its pid.  The caller closes its own
        copies of ``fds`` afterwards."""
        async with self._lock:
            for attempt in (1, 2):
                if self.sock is None or self.proc is None or self.proc.poll() is not None:
                    await asyncio.get_running_loop().run_in_executor(None, self._restart)
                try:
                    socket.send_fds(self.sock, [json.dumps(job).encode("utf-8")], fds)
                    reply = await asyncio.get_running_loop().run_in_executor(
                        None, self._line, self.sock)
                except OSError:
                    self.sock = None
                    if attempt == 2:
                        raise SpawnError("the session factory is not answering") from None
                    continue
                pid = int(reply.get("pid") or 0)
                if pid <= 0:
                    raise SpawnError("the session could not be started (fork failed)")
                return pid
        raise SpawnError("the session factory is not answering")

    def _restart(self) -> None:
        self.stop()
        self.start()

    def stop(self) -> None:
        if self.sock is not None:
            try:
                self.sock.close()
            except OSError:
                pass
            self.sock = None
        if self.proc is not None:
            try:
                self.proc.terminate()
                self.proc.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                try:
                    self.proc.kill()
                except OSError:
                    pass
            self.proc = None

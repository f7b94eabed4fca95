"""The Exchange world of one shell: the organisation (built on first use, so
``cryptography`` stays off the start-up path), where it is saved (``-State``), the
clock and key sources it was made with, and the RequestIds of 2013+ error stamps.

The shell registers one :class:`ExchangeWorld` in its execution context; the
Exchange cmdlets reach it with ``self.context.find(ExchangeWorld)`` (their
``world`` property).  The engine knows nothing of it.

Imports the Exchange model only (and ``exshell.profiles``).
"""
from __future__ import annotations

from typing import Any, Callable, List, Optional

from ..profiles import Profile, get_profile

__all__ = ["ExchangeWorld"]


class ExchangeWorld:
    """The organisation a shell acts on, and what goes with it."""

    def __init__(self, profile: Any, clock: Any, *, key_source: Any = None, serials: Any = None,
                 request_ids: Any = None, organization: Any = None, state: Any = None):
        self._profile: Profile = get_profile(profile)
        self._clock = clock
        self._key_source = key_source
        self._serials = serials
        #: RequestId GUIDs of the 2013+ error stamp (tests pass a SeededRequestIds).
        self._request_ids = request_ids
        self._organization = organization
        self._state = state
        #: Called with the organisation whenever one is adopted (built, opened or
        #: replaced): the shell follows its local server name and clock.
        self.adopted: List[Callable[[Any], None]] = []

    @classmethod
    def open(cls, *, definition: Optional[str] = None, state: Optional[str] = None,
             version: Any = None, clock: Any = None, key_source: Any = None, serials: Any = None,
             request_ids: Any = None) -> "ExchangeWorld":
        """The world of ``-Organization FILE`` / ``-State FILE`` (see
        :func:`exshell.exchange.state.open_world`); raises ``WorldFileError`` with a
        user-facing message."""
        from .state import open_world
        opened = open_world(definition=definition, state=state, version=version, clock=clock,
                            key_source=key_source, serials=serials)
        org = opened.organization
        return cls(org.profile, org.clock, key_source=key_source, serials=serials,
                   request_ids=request_ids, organization=org, state=opened.state)

    # ------------------------------------------------------------------ what it is
    @property
    def profile(self) -> Profile:
        return self._organization.profile if self._organization is not None else self._profile

    @property
    def clock(self) -> Any:
        """The clock the organisation runs on (the shell's clock)."""
        return self._organization.clock if self._organization is not None else self._clock

    @property
    def organization_built(self) -> bool:
        """Whether the organisation exists yet (reading ``organization`` builds it)."""
        return self._organization is not None

    @property
    def organization(self) -> Any:
        """The :class:`~exshell.exchange.organization.Organization` (built on first use)."""
        if self._organization is None:
            from .definition import default_organization
            self._organization = default_organization(
                self._profile.version, clock=self._clock, key_source=self._key_source,
                serials=self._serials)
            self._adopt()
        return self._organization

    def replace_organization(self, organization: Any) -> None:
        """Act on ``organization`` from now on (a lab going back to its start)."""
        self._organization = organization
        self._adopt()

    def adopt_existing(self) -> None:
        """Tell the listeners about an organisation handed in at construction."""
        if self._organization is not None:
            self._adopt()

    def _adopt(self) -> None:
        for listener in list(self.adopted):
            listener(self._organization)

    # ------------------------------------------------------------------ saving
    @property
    def state_path(self) -> Optional[str]:
        """The -State file, if the world is saved in one."""
        return None if self._state is None else self._state.path

    def save(self) -> bool:
        """Write the -State file if the world changed (atomically); raises OSError."""
        if self._state is None or self._organization is None:
            return False
        return bool(self._state.save_if_changed(self._organization))

    def close(self) -> None:
        """Release the -State file's lock (the process ending does it too)."""
        if self._state is not None:
            self._state.close()

    # ------------------------------------------------------------------ error stamps
    def server_stamp(self, server: Optional[str], reason: str) -> str:
        """The 2013+ ``[Server=...,RequestId=...,TimeStamp=...] [FailureCategory=...]``
        prefix of a remote error's FQID."""
        from .stamps import RandomRequestIds, server_stamp
        if self._request_ids is None:
            self._request_ids = RandomRequestIds()
        local = self.organization.local_server
        name = server or (local.name if local is not None else "EX01")
        return server_stamp(name, self._request_ids.next(), self.clock.now(), reason)

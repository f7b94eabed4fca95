"""What several cmdlet families share: the string-array parameter type, the base of
cmdlets that collect their input, and small helpers on script blocks and bound
parameters.  Imports the engine only (so every family may import it).
"""
from __future__ import annotations

from typing import Any, List

from ..engine.cmdlet import Cmdlet
from ..engine.conversion import ListOf, StringType

__all__ = ["STRINGS", "CollectingCmdlet", "SCRIPT_BLOCK_TYPE", "is_script_block",
           "command_line_parameters"]

SCRIPT_BLOCK_TYPE = "System.Management.Automation.ScriptBlock"


class _Strings(ListOf):
    """``System.String[]`` for names and patterns: ``$null`` elements are dropped (a
    name list never holds a null, and every use below iterates names)."""

    def __init__(self) -> None:
        super().__init__(StringType())

    def convert(self, value: Any) -> Any:
        items = super().convert(value)
        return None if items is None else [v for v in items if v is not None]


#: String-array parameters (names, patterns) shared by the everyday cmdlets.
STRINGS = _Strings()


def is_script_block(value: Any) -> bool:
    return SCRIPT_BLOCK_TYPE in getattr(value, "PS_TYPE_NAMES", ())


def command_line_parameters(cmdlet: Cmdlet) -> Any:
    """The parameters bound from the command line, available in ``begin()``.

    ``process()`` never runs when the upstream command writes nothing, yet
    ``ForEach-Object -Begin/-End`` and ``Measure-Object`` must still act then: the
    runtime keeps what the command line bound.  None outside a pipeline.
    """
    return getattr(cmdlet.runtime, "bound_parameters", None)


class CollectingCmdlet(Cmdlet, register=False):
    """A cmdlet that gathers its whole input and acts in ``end()`` (Sort-Object,
    ConvertTo-Json...): ``self.items`` holds the ``-InputObject`` values, ``self.params``
    the parameters bound with the first one."""

    def begin(self) -> None:
        self.items: List[Any] = []
        self.params: Any = None

    def keep(self, value: Any) -> bool:
        """Whether an input value is collected (all of them, by default)."""
        return True

    def process(self, p: Any) -> None:
        if self.params is None:
            self.params = p
        if p.bound("InputObject") and self.keep(p.InputObject):
            self.items.append(p.InputObject)

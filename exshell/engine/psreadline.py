"""PSReadLine's settings and key bindings, as data: the REPL binds its keys from
:data:`KEY_HANDLERS` and reads :class:`PSReadLineOptions`; ``Get-PSReadLineKeyHandler``
and ``Get-/Set-PSReadLineOption`` show and change the same objects, so what the
cmdlets print is what the keys do.

The table is PSReadLine 2.0's Windows edit mode (Windows Server 2016/2019), limited to
the functions exshell's console implements.  Key names are PSReadLine's; where a
terminal cannot send the key (``Shift+Enter``) the REPL binds the nearest key it can
(Alt+Enter) -- see :data:`TERMINAL_KEYS`.  The descriptions are PSReadLine's own
texts, which its cmdlet prints.

Imports nothing from exshell.
"""
from __future__ import annotations

from typing import Dict, List, Optional, Tuple

__all__ = ["KeyHandler", "KEY_HANDLERS", "GROUPS", "DESCRIPTIONS", "TERMINAL_KEYS",
           "PSReadLineOptions", "PREDICTION_SOURCES", "COLOR_NAMES", "handlers_for"]

#: Group -> the heading Get-PSReadLineKeyHandler prints (in its order).
GROUPS: Tuple[Tuple[str, str], ...] = (
    ("Basic", "Basic editing functions"),
    ("CursorMovement", "Cursor movement functions"),
    ("History", "History functions"),
    ("Completion", "Completion functions"),
    ("Miscellaneous", "Miscellaneous functions"),
    ("Selection", "Selection functions"),
    ("Search", "Search functions"),
    ("Custom", "User defined functions"),
)

#: Function -> (group, description).
DESCRIPTIONS: Dict[str, Tuple[str, str]] = {
    "AcceptLine": ("Basic", "Accept the input or move to the next line if input is missing a "
                            "closing token."),
    "AddLine": ("Basic", "Move the cursor to the next line without attempting to execute the input"),
    "BackwardDeleteChar": ("Basic", "Delete the character before the cursor"),
    "BackwardDeleteLine": ("Basic", "Delete text from the cursor to the start of the line"),
    "BackwardKillWord": ("Basic", "Move the text from the start of the current or previous word "
                                  "to the cursor to the kill ring"),
    "CopyOrCancelLine": ("Basic", "Either copy selected text to the clipboard, or if no text is "
                                  "selected, cancel editing the line with CancelLine."),
    "DeleteChar": ("Basic", "Delete the character under the cursor"),
    "ForwardDeleteLine": ("Basic", "Delete text from the cursor to the end of the line"),
    "Redo": ("Basic", "Redo an undo"),
    "RevertLine": ("Basic", "Equivalent to undo all edits (clears the line except lines imported "
                            "from history)"),
    "Undo": ("Basic", "Undo a previous edit"),
    "YankLastArg": ("Basic", "Copy the text of the last argument to the input"),
    "BackwardChar": ("CursorMovement", "Move the cursor back one character"),
    "BackwardWord": ("CursorMovement", "Move the cursor to the beginning of the current or "
                                       "previous word"),
    "BeginningOfLine": ("CursorMovement", "Move the cursor to the beginning of the line"),
    "EndOfLine": ("CursorMovement", "Move the cursor to the end of the line"),
    "ForwardChar": ("CursorMovement", "Move the cursor forward one character"),
    "NextWord": ("CursorMovement", "Move the cursor forward to the start of the next word"),
    "ForwardSearchHistory": ("History", "Search history forward interactively"),
    "HistorySearchBackward": ("History", "Search for the previous item in the history that starts "
                                         "with the current input - like PreviousHistory if the "
                                         "input is empty"),
    "HistorySearchForward": ("History", "Search for the next item in the history that starts with "
                                        "the current input - like NextHistory if the input is "
                                        "empty"),
    "NextHistory": ("History", "Replace the input with the next item in the history"),
    "PreviousHistory": ("History", "Replace the input with the previous item in the history"),
    "ReverseSearchHistory": ("History", "Search history backwards interactively"),
    "MenuComplete": ("Completion", "Complete the input if there is a single completion, otherwise "
                                   "complete the input by selecting from a menu of possible "
                                   "completions."),
    "TabCompleteNext": ("Completion", "Complete the input using the next completion"),
    "TabCompletePrevious": ("Completion", "Complete the input using the previous completion"),
    "ClearScreen": ("Miscellaneous", "Clear the screen and redraw the current line at the top of "
                                     "the screen"),
    "AcceptSuggestion": ("Miscellaneous", "Accept the current inline or selected suggestion"),
}


class KeyHandler:
    """One row of Get-PSReadLineKeyHandler (Microsoft.PowerShell.KeyHandler)."""

    PS_TYPE_NAMES = ("Microsoft.PowerShell.KeyHandler", "System.Object")
    PS_PROPERTIES = ("Key", "Function", "Description", "Group")

    def __init__(self, key: str, function: str) -> None:
        self.Key = key
        self.Function = function

    @property
    def Group(self) -> str:
        return DESCRIPTIONS[self.Function][0]

    @property
    def Description(self) -> str:
        return DESCRIPTIONS[self.Function][1]

    def __repr__(self) -> str:
        return "KeyHandler(%r, %r)" % (self.Key, self.Function)


#: The bound keys (PSReadLine 2.0, Windows edit mode) exshell's console implements.
KEY_HANDLERS: Tuple[KeyHandler, ...] = tuple(KeyHandler(k, f) for k, f in (
    ("Enter", "AcceptLine"),
    ("Shift+Enter", "AddLine"),
    ("Escape", "RevertLine"),
    ("Backspace", "BackwardDeleteChar"),
    ("Delete", "DeleteChar"),
    ("Ctrl+Home", "BackwardDeleteLine"),
    ("Ctrl+End", "ForwardDeleteLine"),
    ("Ctrl+w", "BackwardKillWord"),
    ("Ctrl+c", "CopyOrCancelLine"),
    ("Ctrl+z", "Undo"),
    ("Ctrl+y", "Redo"),
    ("Alt+.", "YankLastArg"),
    ("LeftArrow", "BackwardChar"),
    ("RightArrow", "ForwardChar"),
    ("Ctrl+LeftArrow", "BackwardWord"),
    ("Ctrl+RightArrow", "NextWord"),
    ("Home", "BeginningOfLine"),
    ("End", "EndOfLine"),
    ("UpArrow", "PreviousHistory"),
    ("DownArrow", "NextHistory"),
    ("F8", "HistorySearchBackward"),
    ("Shift+F8", "HistorySearchForward"),
    ("Ctrl+r", "ReverseSearchHistory"),
    ("Ctrl+s", "ForwardSearchHistory"),
    ("Tab", "TabCompleteNext"),
    ("Shift+Tab", "TabCompletePrevious"),
    ("Ctrl+Spacebar", "MenuComplete"),
    ("Ctrl+l", "ClearScreen"),
))

#: PSReadLine key name -> the prompt_toolkit key(s) the REPL binds for it.
TERMINAL_KEYS: Dict[str, Tuple[str, ...]] = {
    "Enter": ("enter",), "Shift+Enter": ("escape", "enter"), "Escape": ("escape",),
    "Backspace": ("backspace",), "Delete": ("delete",), "Ctrl+Home": ("c-home",),
    "Ctrl+End": ("c-end",), "Ctrl+w": ("c-w",), "Ctrl+c": ("c-c",), "Ctrl+z": ("c-z",),
    "Ctrl+y": ("c-y",), "Alt+.": ("escape", "."), "LeftArrow": ("left",),
    "RightArrow": ("right",), "Ctrl+LeftArrow": ("c-left",), "Ctrl+RightArrow": ("c-right",),
    "Home": ("home",), "End": ("end",), "UpArrow": ("up",), "DownArrow": ("down",),
    "F8": ("f8",), "Shift+F8": ("f20",), "Ctrl+r": ("c-r",), "Ctrl+s": ("c-s",),
    "Tab": ("tab",), "Shift+Tab": ("s-tab",), "Ctrl+Spacebar": ("c-space",),
    "Ctrl+l": ("c-l",),
}


def handlers_for(function: str) -> List[KeyHandler]:
    return [h for h in KEY_HANDLERS if h.Function == function]


#: -PredictionSource values (PSReadLine 2.1's; exshell offers None and History).
PREDICTION_SOURCES = ("None", "History")

#: The colour settings, in Get-PSReadLineOption's order, with PSReadLine 2.0's defaults
#: (escape sequences as PSReadLine keeps them).
COLOR_NAMES: Tuple[Tuple[str, str], ...] = (
    ("CommandColor", "\x1b[93m"), ("CommentColor", "\x1b[32m"),
    ("ContinuationPromptColor", "\x1b[37m"), ("DefaultTokenColor", "\x1b[37m"),
    ("EmphasisColor", "\x1b[96m"), ("ErrorColor", "\x1b[91m"), ("KeywordColor", "\x1b[92m"),
    ("MemberColor", "\x1b[97m"), ("NumberColor", "\x1b[97m"), ("OperatorColor", "\x1b[90m"),
    ("ParameterColor", "\x1b[90m"), ("SelectionColor", "\x1b[30;47m"),
    ("StringColor", "\x1b[36m"), ("TypeColor", "\x1b[37m"), ("VariableColor", "\x1b[92m"),
)


class PSReadLineOptions:
    PS_TYPE_NAMES = ("Microsoft.PowerShell.PSConsoleReadLineOptions", "System.Object")

    """The settings Get-/Set-PSReadLineOption show and change (what exshell's console
    uses of them: the history search, the prediction, the continuation prompt, the
    bell; the rest is kept and shown)."""

    def __init__(self, history_save_path: str = "") -> None:
        self.EditMode = "Windows"
        self.AddToHistoryHandler: Optional[object] = None
        self.HistoryNoDuplicates = True
        self.HistorySavePath = history_save_path or (
            "C:\\Users\\Administrator\\AppData\\Roaming\\Microsoft\\Windows\\PowerShell"
            "\\PSReadLine\\ConsoleHost_history.txt")
        self.HistorySaveStyle = "SaveIncrementally"
        self.HistorySearchCaseSensitive = False
        self.HistorySearchCursorMovesToEnd = False
        self.MaximumHistoryCount = 4096
        self.ContinuationPrompt = ">> "
        self.ExtraPromptLineCount = 0
        self.PromptText = ""
        self.BellStyle = "Audible"
        self.DingDuration = 50
        self.DingTone = 1221
        self.CompletionQueryItems = 100
        self.MaximumKillRingCount = 10
        self.ShowToolTips = True
        self.ViModeIndicator = "None"
        self.WordDelimiters = ";:,.[]{}()/\\|^&*-=+'\"\u2013\u2014\u2015"
        self.PredictionSource = "None"
        self.colors: Dict[str, str] = dict(COLOR_NAMES)

    @property
    def prediction(self) -> bool:
        """Whether the greyed suggestion from history is on (-PredictionSource History)."""
        return self.PredictionSource == "History"

"""Errors raised by the formatter.

:class:`FormatError` carries a stable ``error_id`` (PowerShell's FullyQualifiedErrorId
prefix), a category name and the message; the engine turns it into an error record.
Message texts live in :data:`MESSAGES` so they are easy to correct.

Imports nothing from exshell.
"""
from __future__ import annotations

__all__ = ["FormatError", "MESSAGES", "message"]

# Message templates by error id, with the 2.0 wording where it differs.
# Verified: ConsoleLineOutputOutOfSequencePacket (PowerShell resources).
# Best guesses (not found verbatim; keep here so they are easy to fix): the
# calculated-property key messages, whose 2.0 form was "Illegal key <name>".
MESSAGES = {
    "ConsoleLineOutputOutOfSequencePacket": (
        'The object of type "{type}" is not valid or not in the correct sequence. '
        'This is likely caused by a user-specified "{command}" command which is '
        "conflicting with the default formatting."),
    "DictionaryKeyIllegal": 'The "{key}" key is not valid.',
    "DictionaryKeyIllegal@2": "Illegal key {key}",
    "DictionaryKeyMandatoryEntry": 'The "{key}" key is missing.',
    "DictionaryKeyMandatoryEntry@2": "Missing mandatory key {key}.",
    "DictionaryKeyUnknownType": 'The "{key}" key has a value of an incorrect type.',
    "IllegalAlignment": ('The "alignment" key has a value that is not valid. '
                         "Specify one of the following values: left, center, right."),
}


def message(error_id: str, ps_major: int = 5, **kwargs) -> str:
    template = MESSAGES.get("%s@%d" % (error_id, ps_major)) or MESSAGES[error_id]
    return template.format(**kwargs)


class FormatError(Exception):
    """A formatting failure the user should see as a PowerShell error."""

    def __init__(self, error_id: str, message_text: str, category: str = "InvalidArgument"):
        super().__init__(message_text)
        self.error_id = error_id
        self.message = message_text
        self.category = category

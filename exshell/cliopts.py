"""Options of exshell's sub-commands (``lab``, ``world``, ``serve``, ``replica``).

They read like PowerShell parameters: ``-Name value`` or ``-Switch``, any unambiguous
prefix of a name will do (``-St`` for ``-State``), case does not matter, and a word
such as ``-5`` is a value, not an option.  Imports nothing from exshell."""
from typing import Dict, List, Optional, Sequence, Tuple

__all__ = ["UsageError", "parse_options"]


class UsageError(Exception):
    """A sub-command line that cannot be understood: its text is the message shown."""


def parse_options(argv: Sequence[str], prog: str, valued: Tuple[str, ...],
                  switches: Tuple[str, ...] = (), *, positional: bool = True,
                  aliases: Optional[Dict[str, str]] = None
                  ) -> Tuple[Dict[str, object], List[str]]:
    """(options by their full name, the other words in order).

    ``prog`` starts every error message (``exshell world``); ``positional=False``
    refuses words that are not options; ``aliases`` maps short forms (``?``) to a name."""
    opts: Dict[str, object] = {}
    rest: List[str] = []
    names = valued + switches
    i = 0
    while i < len(argv):
        word = argv[i]
        i += 1
        if not (word.startswith("-") and len(word) > 1 and not word[1:2].isdigit()):
            if not positional:
                raise UsageError("%s: unexpected argument '%s'" % (prog, word))
            rest.append(word)
            continue
        typed = word.lstrip("-").casefold()
        if aliases and typed in aliases:
            matches = [aliases[typed]]
        else:
            matches = [n for n in names if n.casefold().startswith(typed)]
            matches = [n for n in matches if n.casefold() == typed] or matches
        if len(matches) != 1:
            raise UsageError("%s: %s option '%s'" % (
                prog, "ambiguous" if matches else "unknown", word))
        name = matches[0]
        if name in valued:
            if i >= len(argv):
                raise UsageError("%s: option -%s needs a value" % (prog, name))
            opts[name] = argv[i]
            i += 1
        else:
            opts[name] = True
    return opts, rest

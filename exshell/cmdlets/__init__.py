"""The built-in commands, one module per noun family.

Importing this package registers every cmdlet (``Cmdlet.__init_subclass__``) in the
engine's command table, with its aliases.  A new cmdlet touches its family module and
one transcript test.
"""
from . import exchange_certificate, formatting  # noqa: F401
from . import data, objects, utility  # noqa: F401
from . import filesystem, pki  # noqa: F401  (issue 4: files, lab CAs)
from . import exchange_config  # noqa: F401
from . import connectivity  # noqa: F401

"""``python -m exshell``: the same as the ``exshell`` command."""
import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())

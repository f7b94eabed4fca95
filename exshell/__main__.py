"""``python -m exshell``: the same as the ``exshell`` command."""
from .cli import run

if __name__ == "__main__":
    run()

"""Where a class server keeps things, and each learner's own key and serial sources.

::

    <data>/class.db                          the class database (serve/classdb.py)
    <data>/ssh_host_ed25519_key              the server's SSH host key (made once)
    <data>/trainer_token                     the dashboard's token when the roster has none
    <data>/learners/<slug>/keys.pem          the learner's own keys (made once, in order)
    <data>/learners/<slug>/history           their PSReadLine history (2016/2019 labs)
    <data>/learners/<slug>/<lab>/world.db    their world of that lab (a world file)
    <data>/learners/<slug>/<lab>/drive/      their emulated C:\\ drive of that lab

Every folder is made readable by the server's user only (0700), files 0600.
"""
from __future__ import annotations

import hashlib
import hmac
import os

__all__ = ["LearnerPaths", "learner_sources", "private_folder", "CLASS_DB", "HOST_KEY",
           "TOKEN_FILE"]

CLASS_DB = "class.db"
HOST_KEY = "ssh_host_ed25519_key"
TOKEN_FILE = "trainer_token"


def private_folder(path: str) -> str:
    """Make ``path`` (and its parents) if needed; the folder itself is 0700."""
    os.makedirs(path, mode=0o700, exist_ok=True)
    try:
        os.chmod(path, 0o700)
    except OSError:
        pass
    return path


class LearnerPaths:
    def __init__(self, data: str, slug: str):
        self.data = data
        self.slug = slug
        self.folder = os.path.join(data, "learners", slug)

    @property
    def keys(self) -> str:
        return os.path.join(self.folder, "keys.pem")

    @property
    def history(self) -> str:
        return os.path.join(self.folder, "history")

    def lab(self, lab_id: str) -> str:
        return os.path.join(self.folder, lab_id)

    def world(self, lab_id: str) -> str:
        return os.path.join(self.folder, lab_id, "world.db")

    def drive(self, lab_id: str) -> str:
        return os.path.join(self.folder, lab_id, "drive")

    def make(self, lab_id: str) -> None:
        private_folder(os.path.join(self.data, "learners"))
        private_folder(self.folder)
        private_folder(self.lab(lab_id))
        private_folder(self.drive(lab_id))


def learner_seed(secret: str, name: str) -> str:
    """The learner's seed: the class secret and their name (nobody can compute a
    neighbour's from their name alone)."""
    return hmac.new(secret.encode("ascii"), name.encode("utf-8", "surrogatepass"),
                    hashlib.sha256).hexdigest()[:32]


def learner_sources(paths: LearnerPaths, secret: str, name: str):
    """A factory of (key source, serial source) for the learner's lab starts: their
    own keys (``keys.pem``, made on first use) and serials seeded by their seed.
    Fresh sources every call, so every build hands out the same keys again."""
    from ..exchange.keys import FileKeySource, SeededSerials
    seed = learner_seed(secret, name)

    def sources():
        return FileKeySource(paths.keys), SeededSerials("exshell-class:" + seed)
    return sources


def session_serials(secret: str, name: str):
    """The serials of what the learner makes in a lab (New-ExchangeCertificate)."""
    from ..exchange.keys import SeededSerials
    return SeededSerials("exshell-class-own:" + learner_seed(secret, name))

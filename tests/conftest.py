"""Every test runs away from the user's own files: a throwaway data folder
($XDG_DATA_HOME: worlds, drive, history, labs) and EXSHELL_FRESH=1, so a shell that
names no world gets a throwaway in-memory one (tests that need a kept world give
-State or their own EXSHELL_WORLDS_DIR)."""
import atexit
import os
import shutil
import tempfile

_DATA = tempfile.mkdtemp(prefix="exshell-test-data-")
atexit.register(shutil.rmtree, _DATA, True)
os.environ["XDG_DATA_HOME"] = _DATA
os.environ["EXSHELL_FRESH"] = "1"
for _name in ("EXSHELL_WORLDS_DIR", "EXSHELL_LABS_DIR"):
    os.environ.pop(_name, None)

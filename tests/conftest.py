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

# Property tests draw the same examples on every run, so the suite's verdict on a
# change does not depend on luck; HYPOTHESIS_PROFILE=explore draws new ones (use it
# to hunt, then keep what it finds as an explicit example).
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("repeatable", derandomize=True, print_blob=True)
_hypothesis_settings.register_profile("explore", derandomize=False, print_blob=True)
_hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

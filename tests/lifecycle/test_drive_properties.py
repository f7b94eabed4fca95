"""Property tests for the drive's resolver and operations: whatever path is given
(``..``, ``.``, links planted on the way, unicode, colons, UNC names, host paths), the
drive either refuses it with a DriveError or works strictly beneath its root."""
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exshell import drive as drive_module
from exshell.drive import Drive, DriveError

NAMES = ["..", ".", "...", "", " ", "a", "A", "sub", "SUB", "lnk", "LNK", "flnk", "hard.txt",
         "x.txt", "ü", "İ", "ß", "\u212a", "\udc80", "\ud800", "é", "CON", "nul.txt", "x:y",
         ":", "*", "a b", "a.", "a ", "..\\..", "/", "\\\\", "x" * 120, "日本"]
PREFIXES = ["", "C:", "C:\\", "c:/", "D:\\", "\\", "/", "\\\\srv\\share\\", "\\\\..\\C\\",
            "\\\\.\\C\\", "FileSystem::C:\\", "/etc/", "..\\..\\..\\"]
LOCATIONS = ["C:\\", "C:\\Windows\\system32", "C:\\sub", "\\\\srv\\share",
             "Microsoft.PowerShell.Core\\FileSystem::\\\\srv\\share"]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    base = tmp_path_factory.mktemp("prop")
    outside = base / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("secret")
    d = Drive(str(base / "root"))
    d.ensure()
    c = os.path.join(d.root, "C")
    os.makedirs(os.path.join(c, "sub"))
    os.symlink(str(outside), os.path.join(c, "lnk"))
    os.symlink(str(outside), os.path.join(c, "sub", "lnk"))
    os.symlink(str(outside / "secret.txt"), os.path.join(c, "flnk"))
    os.link(str(outside / "secret.txt"), os.path.join(c, "hard.txt"))
    os.makedirs(os.path.join(d.root, "UNC", "srv", "share"))
    os.symlink(str(outside), os.path.join(d.root, "UNC", "srv", "share", "lnk"))
    return d, outside


def _state(outside):
    return sorted((p, open(os.path.join(outside, p), "rb").read()) for p in os.listdir(outside))


@pytest.mark.parametrize("mode", ["openat2", "walk"])
@settings(max_examples=250, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(prefix=st.sampled_from(PREFIXES),
       names=st.lists(st.sampled_from(NAMES) | st.text(max_size=6), min_size=0, max_size=6),
       sep=st.sampled_from(["\\", "/"]), location=st.sampled_from(LOCATIONS),
       op=st.sampled_from(["read", "write", "append", "list", "mkdir", "copy", "move", "remove"]))
def test_nothing_escapes_the_root(world, mode, monkeypatch, prefix, names, sep, location, op):
    d, outside = world
    if mode == "walk":
        monkeypatch.setattr(drive_module, "_OPENAT2", False)
    elif not drive_module.openat2_available():
        pytest.skip("no openat2 here")
    hard = os.path.join(d.root, "C", "hard.txt")       # an earlier example may have replaced it
    if not os.path.exists(hard) or os.stat(hard).st_nlink == 1:
        if os.path.lexists(hard):
            os.unlink(hard)
        os.link(str(outside / "secret.txt"), hard)
    before = _state(outside)
    path = prefix + sep.join(names)
    try:
        p = d.resolve(path, location)
    except DriveError as e:
        assert str(outside) not in str(e) and d.root not in str(e)
        return
    assert os.path.commonpath([d.root, p.real]) == d.root
    assert ".." not in p.parts and "." not in p.parts and "" not in p.parts
    try:
        if op == "read":
            data = d.read_bytes(p)
            assert data != b"secret"
        elif op in ("write", "append"):
            d.ensure_parent(p)
            d.write_bytes(p, b"written", append=op == "append")
        elif op == "list":
            for child in d.children(p):     # links are hidden; an earlier example may
                assert not os.path.islink(child.real)   # have made a real 'flnk' folder
        elif op == "mkdir":
            d.make_folder(p)
        elif op == "copy":
            d.copy(p, d.resolve("C:\\copies", "C:\\"), recurse=True)
        elif op == "move":
            target = d.resolve("C:\\moved", "C:\\")
            d.move(p, target)
            d.move(target, p)
        else:
            if p.text.casefold() not in ("c:\\sub", "c:\\windows") and not p.text.casefold().startswith("c:\\windows"):
                d.remove(p, recurse=True)
    except DriveError as e:
        assert str(outside) not in str(e) and d.root not in str(e)
    assert _state(outside) == before
    assert os.path.islink(os.path.join(d.root, "C", "lnk"))

"""exshell.drive: Windows paths on one real folder, case-insensitive, no escape."""
import os

import pytest

from exshell.drive import Drive, DriveError


@pytest.fixture
def drive(tmp_path):
    d = Drive(str(tmp_path / "root"))
    d.ensure()
    return d


@pytest.mark.parametrize("path, location, expected", [
    ("C:\\certreq\\a.req", "C:\\Windows\\system32", "C:\\certreq\\a.req"),
    ("c:/certreq/a.req", "C:\\", "C:\\certreq\\a.req"),
    ("a.req", "C:\\Windows\\system32", "C:\\Windows\\system32\\a.req"),
    (".\\a.req", "C:\\Windows", "C:\\Windows\\a.req"),
    ("..\\a.req", "C:\\Windows\\system32", "C:\\Windows\\a.req"),
    ("\\a.req", "C:\\Windows\\system32", "C:\\a.req"),
    ("C:\\..\\..\\..\\a.req", "C:\\", "C:\\a.req"),                  # '..' stops at the root
    ("..\\..\\..\\..\\..\\etc\\passwd", "C:\\Windows", "C:\\etc\\passwd"),
    ("/etc/passwd", "C:\\Windows", "C:\\etc\\passwd"),               # host paths stay inside
    ("FileSystem::C:\\x.txt", "C:\\", "C:\\x.txt"),
    ("C:\\WINDOWS\\SYSTEM32\\x", "C:\\", "C:\\Windows\\system32\\x"),  # existing case kept
])
def test_resolution(drive, path, location, expected):
    p = drive.resolve(path, location)
    assert p.text == expected
    root = os.path.realpath(drive.root)
    assert os.path.commonpath([root, os.path.realpath(p.real)]) == root


def test_unc_paths_live_under_the_root(drive):
    p = drive.resolve("\\\\fs01\\share\\mail.pfx", "C:\\")
    assert p.text == "\\\\fs01\\share\\mail.pfx"
    assert p.real == os.path.join(drive.root, "UNC", "fs01", "share", "mail.pfx")
    drive.ensure_parent(p)
    drive.write_bytes(p, b"x")
    assert drive.read_bytes(drive.resolve("\\\\FS01\\SHARE\\MAIL.PFX", "C:\\")) == b"x"


def test_unknown_drive_letter(drive):
    with pytest.raises(DriveError) as e:
        drive.resolve("Q:\\x", "C:\\")
    assert e.value.kind == "DriveNotFound"


def test_other_letters_exist_when_their_folder_does(drive):
    os.makedirs(os.path.join(drive.root, "D"))
    assert drive.resolve("d:\\x", "C:\\").text == "D:\\x"
    assert drive.drive_letters() == ["C", "D"]


def test_symlinks_are_refused(drive, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("secret")
    os.symlink(str(outside), os.path.join(drive.root, "C", "link"))
    with pytest.raises(DriveError) as e:
        drive.resolve("C:\\link\\secret.txt", "C:\\")
    assert e.value.kind == "AccessDenied"
    assert "link" not in [c.name for c in drive.children(drive.resolve("C:\\", "C:\\"))]


def test_case_insensitive_lookup_and_listing_order(drive):
    folder = drive.resolve("C:\\Certs", "C:\\")
    drive.make_folder(folder)
    drive.write_bytes(drive.resolve("C:\\certs\\B.cer", "C:\\"), b"1")
    drive.write_bytes(drive.resolve("C:\\CERTS\\a.req", "C:\\"), b"2")
    drive.make_folder(drive.resolve("C:\\certs\\zz", "C:\\"))
    names = [c.name for c in drive.children(drive.resolve("c:\\certs", "C:\\"))]
    assert names == ["zz", "a.req", "B.cer"]          # folders first, then by name
    assert drive.read_bytes(drive.resolve("c:\\certs\\b.CER", "C:\\")) == b"1"


def test_missing_file_and_folder_errors(drive):
    with pytest.raises(DriveError) as e:
        drive.read_bytes(drive.resolve("C:\\nope.txt", "C:\\"))
    assert e.value.kind == "PathNotFound"
    with pytest.raises(DriveError) as e:
        drive.write_bytes(drive.resolve("C:\\no\\such\\x.txt", "C:\\"), b"")
    assert e.value.kind == "ParentNotFound"


@pytest.mark.parametrize("root", ["C:\\", "c:", "\\\\fs01\\share"])
def test_a_drive_root_cannot_be_removed(drive, root):
    p = drive.resolve(root, "C:\\")
    drive.ensure_parent(p) if root.startswith("\\\\") else None
    with pytest.raises(DriveError) as e:
        drive.remove(p, recurse=True)
    assert e.value.kind == "AccessDenied"
    assert os.path.isdir(p.real)

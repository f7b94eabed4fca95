"""The execution context (exshell/engine/context.py): what a command reaches.

Variables and scopes, script blocks, conversions, extensions by type, statics
registered by modules, and a provider added from outside -- the navigation cmdlets
work on it unchanged (as the Cert: provider will)."""
import datetime as _dt

import pytest

from exshell.engine.context import ExecutionContext, SystemClock
from exshell.engine.conversion import ConversionError
from exshell.engine.providers import PROVIDERS, DriveInfo, Provider, ProviderError
from exshell.engine.statics import STATICS
from exshell.host import RecordingHost
from exshell.profiles import PROFILES
from exshell.testing import make_shell


def bare(version="2010"):
    return ExecutionContext(RecordingHost([]), PROFILES[version])


def block(context, text):
    """A script block value: the only way to get one is to evaluate ``{ ... }``."""
    out = []
    context.run(context.parse("{%s}" % text), out.append)
    return out[0]


# ------------------------------------------------------------------ members

def test_profile_and_dialect():
    context = bare("2016")
    assert context.profile is PROFILES["2016"] and context.dialect.member_enumeration
    assert not bare("2010").dialect.member_enumeration


def test_variables_by_scope():
    context = bare()
    context.set_variable("x", 1)
    assert context.get_variable("x") == 1 and context.get_variable("X") == 1
    assert context.get_variable("x", "global") == 1
    assert context.new_variable("y", 2) and not context.new_variable("y", 3)
    assert context.scope("global").find("y")[1] == 2
    assert context.remove_variable("y") and context.get_variable("y") is None
    assert context.scope(0) is context.current_scope is context.global_scope
    with pytest.raises(ValueError):
        context.scope(1)
    with pytest.raises(ValueError):
        context.scope("nowhere")
    assert context.get_variable("true") is True        # automatic variables read too


def test_invoke_and_invoke_value():
    context = bare()
    doubled = block(context, "$_ * 2")
    assert context.invoke_value(doubled, 21) == 42
    assert context.invoke(block(context, "1; 2")) == [1, 2]
    seen = []
    context.invoke(block(context, "param($a, $b) $a + $b; $args.Count"), seen.append,
                   args=[1, 2, 3], bind_arguments=True)
    assert seen == [3, 1]
    assert context.invoke(block(context, "foreach ($i in $input) { $i + 1 }"), input=[1, 2],
                          new_scope=True) == [2, 3]


def test_conversions():
    context = bare()
    assert context.convert("42", "int") == 42
    assert context.as_type("x", "int") is None and context.is_type(1, "int")
    assert context.to_string([1, 2]) == "1 2"
    with pytest.raises(ConversionError):
        context.convert("1", "No.Such.Type")


def test_extensions_are_found_by_type():
    class World:
        pass

    class LabWorld(World):
        pass

    context = bare()
    assert context.find(World) is None
    lab = context.register(LabWorld())
    assert context.find(LabWorld) is lab and context.find(World) is lab


def test_errors_and_exit_code():
    from exshell.engine.errors import ErrorRecord
    context = bare()
    record = ErrorRecord("boom", "Boom", "NotSpecified")
    context.report_error(record, "SilentlyContinue")
    assert context.errors[0] is record and context.last_success is False
    context.set_exit_code(3)
    assert context.get_variable("LASTEXITCODE") == 3


def test_clock_moves_with_set_and_advance():
    clock = SystemClock()
    clock.set(_dt.datetime(2030, 1, 1))
    assert abs((clock.now() - _dt.datetime(2030, 1, 1)).total_seconds()) < 5
    before = clock.now()
    clock.advance(_dt.timedelta(days=1))
    assert clock.now() - before >= _dt.timedelta(days=1)


# ------------------------------------------------------------------ statics

def test_statics_registered_by_a_module_get_the_context():
    calls = []

    def handler(context, name, args):
        calls.append((context, name, args))
        return "from %s" % context.profile.version

    x509 = "System.Version"   # any type the registry resolves and no module handles
    STATICS.register(x509, handler)
    try:
        shell, host = make_shell()
        out = []
        shell.run("[%s]::Hello(1)" % x509, out=out.append)
    finally:
        STATICS.remove(x509)
    assert out == ["from 2010"] and calls[0][0] is shell.context and calls[0][1:] == ("Hello", [1])


def test_datetime_now_reads_the_clock():
    shell, _ = make_shell()
    out = []
    shell.run("[DateTime]::Now; [DateTime]::Today; [DateTime]::DaysInMonth(2024, 2)", out=out.append)
    assert out[0] == shell.context.clock.now() and out[1].hour == 0 and out[2] == 29


# ------------------------------------------------------------------ providers

class _Shelf:
    """A toy item store: Shelf:\\a, Shelf:\\box\\b."""

    def __init__(self):
        self.items = {"": ["a", "box"], "box": ["b"], "a": None, "box\\b": None}


@PROVIDERS.add
class ShelfProvider(Provider):
    """A provider as a toolbox module adds one (the Cert: provider will look alike)."""

    name = "Shelf"

    def __init__(self, context):
        super().__init__(context)
        self.shelf = context.find(_Shelf)

    def has_drive(self, name):
        return name.casefold() == "shelf"

    def drives(self, location):
        here = location[len("Shelf:\\"):] if location.startswith("Shelf:") else ""
        return [DriveInfo("Shelf", self.name, "\\", here)]

    def resolve(self, path, location):
        text = path if path.casefold().startswith("shelf:") else \
            location.rstrip("\\") + "\\" + path
        if "|" in text:
            raise ProviderError("InvalidPath", text)
        return "\\".join(part for part in text[len("Shelf:"):].split("\\") if part not in ("", "."))

    def exists(self, item):
        return item in self.shelf.items

    def is_container(self, item):
        return self.shelf.items.get(item) is not None

    def children(self, item):
        return [(item + "\\" + c).strip("\\") for c in self.shelf.items[item]]

    def item_name(self, item):
        return item.rsplit("\\", 1)[-1]

    def item_path(self, item):
        return "Shelf:\\" + item

    def get_item(self, item):
        return "<%s>" % item

    def remove(self, item, recurse=False):
        del self.shelf.items[item]
        parent = item.rsplit("\\", 1)[0] if "\\" in item else ""
        self.shelf.items[parent].remove(self.item_name(item))


@pytest.fixture()
def shelf_shell():
    shell, host = make_shell()
    shell.context.register(_Shelf())
    return shell, host


def run(shell, text):
    out = []
    shell.run(text, out=out.append)
    return out


def test_a_new_provider_works_with_the_navigation_cmdlets(shelf_shell):
    shell, host = shelf_shell
    assert run(shell, "dir Shelf:\\") == ["<a>", "<box>"]
    assert run(shell, "Test-Path Shelf:\\box\\b; Test-Path Shelf:\\nope") == [True, False]
    assert run(shell, "Test-Path Shelf:\\box -PathType Container") == [True]
    assert run(shell, "Get-Item Shelf:\\box\\b") == ["<box\\b>"]
    run(shell, "cd Shelf:\\box")
    assert shell.prompt() == "[PS] Shelf:\\box>"
    assert run(shell, "dir; dir -Name") == ["<box\\b>", "b"]
    assert run(shell, "Test-Path b") == [True]
    run(shell, "Remove-Item b")
    assert run(shell, "dir") == [] and host.text == ""
    drives = run(shell, "Get-PSDrive -PSProvider Shelf")
    assert [(d.get("Name"), d.get("CurrentLocation")) for d in drives] == [("Shelf", "box")]
    run(shell, "cd C:\\")
    assert run(shell, "Test-Path Windows") == [True]     # back on the FileSystem


def test_a_provider_error_is_the_providers_record(shelf_shell):
    shell, host = shelf_shell
    result = shell.run("Get-Item Shelf:\\nope; Get-Item 'Shelf:\\a|b'")
    assert [e.FullyQualifiedErrorId for e in result.errors] == [
        "ArgumentException,Microsoft.PowerShell.Commands.GetItemCommand",
        "PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand"]
    assert "Cannot find path 'Shelf:\\nope' because it does not exist." in host.text


def test_the_filesystem_and_its_statics_load_on_first_use():
    import subprocess
    import sys
    code = ("import sys; from exshell.testing import make_shell; s, h = make_shell(); "
            "before = 'exshell.cmdlets.filesystem' in sys.modules; "
            "s.run(\"[System.IO.File]::Exists('C:\\\\Windows\\\\nope.txt')\", out=print); "
            "print(before, 'exshell.cmdlets.filesystem' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False", "True"]


def test_lazy_extensions_are_built_on_first_find():
    built = []
    context = bare()
    context.register_lazy(_Shelf.__module__ + "._Shelf", lambda: built.append(1) or _Shelf())
    assert built == []
    shelf = context.find(_Shelf)
    assert isinstance(shelf, _Shelf) and built == [1] and context.find(_Shelf) is shelf


def test_a_command_that_needs_no_file_imports_no_drive():
    import subprocess
    import sys
    code = ("import sys; from exshell.testing import make_shell; s, h = make_shell(); "
            "s.run('Get-ExchangeCertificate | Out-Null'); print('exshell.drive' in sys.modules)")
    # make_shell sets drive_root (a fresh folder): that builds nothing either.
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False"]

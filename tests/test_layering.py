"""Import directions between the layers (reference style-anchors.md, docs/architecture.md):

profiles (the profile table) -> nothing in exshell; every layer but lang and help may
import it; structs (plain value classes, dataclasses without their start-up cost) ->
nothing; every layer but help may import it;
lang -> nothing in exshell; exchange -> profiles (cryptography + stdlib);
engine -> lang, profiles; format -> engine.properties, engine.tostring, engine.netformat
and profiles (the object model, PowerShell's ToString and .NET format-string rules, which
the formatter shares with the evaluator's string conversion and -f, and the profile
table); help -> nothing (texts);
cmdlets -> engine, exchange, format, help, profiles and drive (the emulated disk, a
model like exchange: stdlib only);
shell/cli/repl wire everything.  Checked on the source, so a lazy import inside a
function counts too.
"""
import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1] / "exshell"

ALLOWED = {
    "lang": {"exshell.lang", "exshell.structs"},
    "exchange": {"exshell.exchange", "exshell.profiles", "exshell.structs"},
    "engine": {"exshell.engine", "exshell.lang", "exshell.profiles", "exshell.structs"},
    "format": {"exshell.format", "exshell.engine.properties", "exshell.engine.tostring",
               "exshell.engine.netformat", "exshell.profiles", "exshell.structs"},
    "cmdlets": {"exshell.cmdlets", "exshell.engine", "exshell.exchange", "exshell.format",
                "exshell.lang", "exshell.help", "exshell.profiles", "exshell.drive",
                "exshell.structs"},
    # Help texts are data: they import nothing else from exshell.
    "help": {"exshell.help"},
    # The replica importer reads CliXML (engine) into the Exchange model; its CLI
    # borrows the shell's reproducibility switches (shell.environment_overrides).
    "replica": {"exshell.replica", "exshell.engine", "exshell.exchange", "exshell.profiles",
                "exshell.structs", "exshell.cliopts",
                "exshell.shell"},
}


def _imports(path: pathlib.Path, package: str):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module_parts = ["exshell"] + list(path.relative_to(ROOT).with_suffix("").parts)
    if module_parts[-1] == "__init__":
        module_parts.pop()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module_parts[: len(module_parts) - node.level + (1 if path.name == "__init__.py" else 0)]
                name = ".".join(base + ([node.module] if node.module else []))
                if node.module is None:
                    for alias in node.names:
                        yield name + "." + alias.name
                    continue
                yield name
            else:
                yield node.module or ""


CASES = [(layer, p) for layer in ALLOWED for p in sorted((ROOT / layer).rglob("*.py"))]


@pytest.mark.parametrize("module", ["profiles.py", "drive.py", "structs.py", "cliopts.py"])
def test_bottom_modules_import_nothing_from_exshell(module):
    """The profile table and the emulated drive are bottom layers: others read them."""
    path = ROOT / module
    assert [n for n in _imports(path, "bottom") if n.startswith("exshell")] == []


@pytest.mark.parametrize("layer, path", CASES, ids=[str(p.relative_to(ROOT)) for _, p in CASES])
def test_layer_imports(layer, path):
    for name in _imports(path, layer):
        if not name.startswith("exshell"):
            continue
        assert any(name == a or name.startswith(a + ".") for a in ALLOWED[layer]), \
            "%s imports %s, which layer %r may not use" % (path.relative_to(ROOT), name, layer)


def test_exchange_uses_no_ui_libraries():
    for path in (ROOT / "exchange").rglob("*.py"):
        for name in _imports(path, "exchange"):
            top = name.split(".")[0]
            assert top not in ("pyparsing", "prompt_toolkit", "tabulate"), (path, name)


def test_lang_needs_no_runtime():
    for path in (ROOT / "lang").rglob("*.py"):
        for name in _imports(path, "lang"):
            assert name.split(".")[0] not in ("cryptography", "prompt_toolkit", "tabulate"), (path, name)

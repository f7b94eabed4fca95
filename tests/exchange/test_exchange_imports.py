"""The Exchange model imports only the standard library and cryptography, and only
issuance/codec/keys touch cryptography.hazmat."""
from __future__ import annotations

import ast
import pathlib
import sys

import exshell.exchange

PACKAGE = pathlib.Path(exshell.exchange.__file__).parent
HAZMAT_ALLOWED = {"issuance.py", "codec.py", "keys.py"}


def _imports(path: pathlib.Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, 0
        elif isinstance(node, ast.ImportFrom):
            yield (node.module or ""), node.level


def test_only_stdlib_and_cryptography():
    stdlib = set(sys.stdlib_module_names)
    files = sorted(PACKAGE.glob("*.py"))
    assert len(files) >= 10
    for path in files:
        for module, level in _imports(path):
            if level:                      # relative: a sibling in exshell.exchange
                continue
            top = module.split(".")[0]
            assert top in stdlib or top == "cryptography", (path.name, module)
            if module.startswith("cryptography.hazmat"):
                assert path.name in HAZMAT_ALLOWED, (path.name, module)


def test_importing_the_package_does_not_load_cryptography():
    import subprocess
    code = ("import sys, exshell.exchange; "
            "print(any(m.startswith('cryptography') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

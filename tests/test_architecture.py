"""Rules of docs/architecture.md checked on the source (function-level imports and
code count as much as top-level ones):

* no import cycle between exshell modules;
* no module reaches another module's private names (``obj._name`` where ``_name`` is
  not defined in the module doing it);
* commands reach the shell only through the execution context (no ``session.app``),
  and the shell imports no cmdlet family (families register themselves).
"""
import ast
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1] / "exshell"


def _module_name(path: pathlib.Path) -> str:
    parts = ["exshell"] + list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def _imported(name: str, path: pathlib.Path):
    """The exshell modules ``path`` imports, wherever the import statement is."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:
                full = module + "." + alias.name
                yield full if full in MODULES else module


def _graph():
    return {name: {m for m in _imported(name, path) if m in MODULES and m != name}
            for name, path in MODULES.items()}


def _cycles(graph):
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10000))
    try:
        for v in graph:
            if v not in index:
                visit(v)
    finally:
        sys.setrecursionlimit(limit)
    return found


def test_no_import_cycles():
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_cycles():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


# ------------------------------------------------------------------ private names

#: Names of libraries' own objects we must read (namedtuple's public API is
#: spelled with an underscore, and so is os._exit, what a forked child leaves with).
_PUBLIC_UNDERSCORE = {"_replace", "_fields", "_asdict", "_make", "_exit"}
#: The parser drives pyparsing through some of its internals (a library's, not a
#: module of ours; the lang package owns that choice).
_LIBRARY_INTERNALS = {"lang": {"_parse", "_ErrorStop", "_getframe"}}


def _own_private_names(tree):
    """Private names a module defines: functions, classes, module or class variables,
    ``self._x``/``cls._x`` attributes, __slots__ entries."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for sub in ast.walk(target):
                    if isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name) \
                            and sub.value.id in ("self", "cls"):
                        names.add(sub.attr)
                    elif isinstance(sub, ast.Name):
                        names.add(sub.id)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            names.add(node.value)
    return names


def _foreign_private_accesses(path: pathlib.Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = _own_private_names(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        name = node.attr
        if not name.startswith("_") or name.startswith("__") or name in own \
                or name in _PUBLIC_UNDERSCORE:
            continue
        if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
            continue
        yield ast.unparse(node), node.lineno


def test_no_module_reads_another_modules_private_names():
    found = []
    for path in MODULES.values():
        rel = str(path.relative_to(ROOT))
        allowed = _LIBRARY_INTERNALS.get(rel.split("/")[0], set())
        for text, line in _foreign_private_accesses(path):
            if text.rsplit(".", 1)[-1] not in allowed:
                found.append("%s:%d %s" % (rel, line, text))
    assert found == []


def test_the_private_check_sees_a_foreign_private_name(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f(shell):\n    shell._organization = 1\n    return shell.visible\n")
    assert [t for t, _ in _foreign_private_accesses(sample)] == ["shell._organization"]


# ------------------------------------------------------------------ the context is the way in

def test_no_session_app():
    """Commands reach the shell's services through the context, never a back door on
    the session (the REPL's prompt_toolkit PromptSession has an ``app`` of its own)."""
    from exshell.engine.session import Session
    assert "app" not in Session.__init__.__code__.co_varnames
    offenders = [str(p.relative_to(ROOT)) for p in MODULES.values()
                 if "session.app" in p.read_text(encoding="utf-8")
                 and not str(p.relative_to(ROOT)).startswith("repl/")]
    assert offenders == []


def test_the_shell_imports_no_cmdlet_family():
    imported = set(_imported("exshell.shell", MODULES["exshell.shell"]))
    assert not any(m.startswith("exshell.cmdlets.") for m in imported), imported


@pytest.mark.parametrize("module", ["exshell.engine.context", "exshell.engine.providers",
                                    "exshell.engine.statics"])
def test_engine_knows_no_exchange(module):
    imported = set(_imported(module, MODULES[module]))
    assert not any(m.startswith(("exshell.exchange", "exshell.cmdlets", "exshell.labs"))
                   for m in imported)


def test_the_guide_describes_every_command_observer_hook():
    """docs/architecture.md explains when the engine calls each CommandObserver method
    (the world store's commits hang on them): a new hook needs a line there."""
    from exshell.engine.context import CommandObserver
    guide = (ROOT.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = guide.split("## Command observers", 1)
    assert len(section) == 2, "docs/architecture.md has no 'Command observers' section"
    text = section[1].split("\n## ", 1)[0]
    hooks = [n for n in vars(CommandObserver) if not n.startswith("_")]
    assert len(hooks) >= 5
    for name in hooks:
        assert "`%s(" % name in text, name
    assert "_WorldCommands" in text

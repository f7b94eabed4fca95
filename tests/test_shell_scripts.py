"""Scripts kept on the emulated drive run by path, with their parameters and their
own parse-error positions."""
from exshell.testing import make_shell


def _shell_with(script_text, name="C:\\scripts\\r.ps1"):
    shell, host = make_shell()
    shell.drive.make_folder(shell.drive.resolve("C:\\scripts", shell.location))
    shell.drive.write_bytes(shell.drive.resolve(name, shell.location), script_text.encode("utf-8"))
    return shell, host


def test_call_by_full_path_and_relative_path():
    shell, host = _shell_with("param($n = 2)\n\"hello $n $($args.Count)\"\n")
    out = []
    shell.run("& C:\\scripts\\r.ps1 5 x y; cd C:\\scripts; .\\r.ps1 -n 7", out=out.append)
    assert out == ["hello 5 2", "hello 7 0"], host.text


def test_bare_name_is_not_looked_up_in_the_current_folder():
    shell, host = _shell_with("'ran'\n")
    result = shell.run("cd C:\\scripts; r.ps1")
    assert not result.success and "The term 'r.ps1' is not recognized" in host.text


def test_parse_error_in_a_script_file():
    shell, host = _shell_with("'one'\n$x = (1\n")
    result = shell.run("C:\\scripts\\r.ps1")
    assert not result.success
    assert "At C:\\scripts\\r.ps1:2 char:" in host.text
    assert shell.internal_errors == []

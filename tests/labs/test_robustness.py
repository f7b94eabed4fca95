"""Lab files and progress files that are damaged never crash exshell."""
import json
import os

from hypothesis import given, settings, strategies as st

from exshell.labs.cli import shipped_labs
from exshell.labs.model import LabIssue, parse_lab
from exshell.labs.progress import Progress
from exshell.labs.validate import validate_text

TEXT = open(shipped_labs()[0], encoding="utf-8").read()
LINES = TEXT.split("\n")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(LINES) - 1),
                          st.sampled_from(["drop", "dup", "int", "bool", "empty", "garble"])),
                min_size=1, max_size=4))
def test_mutated_lab_files_give_issues_never_exceptions(mutations):
    lines = list(LINES)
    for index, how in mutations:
        index %= len(lines)
        line = lines[index]
        if how == "drop":
            del lines[index]
        elif how == "dup":
            lines.insert(index, line)
        elif "=" in line:
            key = line.split("=", 1)[0]
            lines[index] = key + "= " + {"int": "7", "bool": "true", "empty": '""',
                                          "garble": '"}{"'}[how]
        if not lines:
            lines = [""]
    lab, issues = parse_lab("\n".join(lines), "mutant.toml")
    assert all(isinstance(i, LabIssue) and str(i).startswith("mutant.toml") for i in issues)
    assert lab is not None or issues


def test_referenced_organisation_file_errors_point_into_that_file(tmp_path):
    org = tmp_path / "orgs" / "bad.toml"
    org.parent.mkdir()
    org.write_text('[[servers]]\nname = "EX01"\nrols = ["Mailbox"]\n')
    lab = (TEXT.replace('version = "2010"\n', 'version = "2010"\norganization_file = "orgs/bad.toml"\n'))
    issues = validate_text(lab, str(tmp_path / "lab.toml"))
    assert len(issues) == 1
    assert issues[0].path == str(org) and issues[0].line == 3
    assert "unknown key 'rols'" in issues[0].message


def test_referenced_organisation_file_is_used(tmp_path):
    org = tmp_path / "two.toml"
    org.write_text('[[servers]]\nname = "EX07"\n')
    lab_text = TEXT.replace('version = "2010"\n', 'version = "2010"\norganization_file = "two.toml"\n')
    issues = validate_text(lab_text, str(tmp_path / "lab.toml"))
    # The shipped lab's checks name EX01.contoso.com: on EX07 its solution cannot pass them.
    assert any("EX01" in i.message for i in issues)


def test_damaged_progress_file_starts_over(tmp_path):
    path = tmp_path / "progress.json"
    for content in ("{not json", json.dumps([1, 2]), json.dumps({"lab": "x", "attempts": "many"})):
        path.write_text(content)
        p = Progress.load("x", str(path))
        assert p.attempts == {} and p.passed == {}
    path.write_text(json.dumps({"lab": "other", "attempts": {"a": 3}}))
    assert Progress.load("x", str(path)).attempts == {}


def test_progress_round_trips(tmp_path):
    path = str(tmp_path / "sub" / "progress.json")
    p = Progress.load("lab1", path)
    p.hint_taken("t1")
    p.attempt("t1", False)
    p.attempt("t1", True)
    p.save()
    q = Progress.load("lab1", path)
    assert q.hints_used == {"t1": 1} and q.attempts == {"t1": 2} and "t1" in q.passed
    assert not os.path.exists(path + ".tmp")

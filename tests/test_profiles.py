"""The profile table (exshell/profiles.py): one row per version and update, read by
name; the bare version means its latest row; availability predicates evaluated over
the table; and no code outside the table compares version strings."""
import ast
import pathlib
import re

import pytest

from exshell.profiles import (PROFILE_ROWS, PROFILES, PS20, PS51, SUPPORTED_VERSIONS, dialect,
                              get_profile, has_2010_parameters, has_identity_param,
                              has_server_param, is_profile_name, v3_cmdlets, versions_where)
from exshell.testing import make_shell

ROOT = pathlib.Path(__file__).resolve().parents[1] / "exshell"


def test_supported_versions_are_the_latest_rows():
    assert SUPPORTED_VERSIONS == ("2007", "2010", "2013", "2016", "2019")
    for version, row in PROFILES.items():
        same = [r for r in PROFILE_ROWS if r.version == version]
        assert row is same[-1]


@pytest.mark.parametrize("text, name", [
    ("2010", "2010-SP3"), (2019, "2019-CU14"), ("Exchange2013", "2013-CU23"),
    ("2019-CU14", "2019-CU14"), ("2019 cu14", "2019-CU14"), ("2016CU23", "2016-CU23"),
])
def test_lookup_by_version_or_row_name(text, name):
    assert get_profile(text).name == name
    assert get_profile(get_profile(text)) is get_profile(text)


@pytest.mark.parametrize("text", ["2003", "2019-CU1", "", "20100"])
def test_unknown_versions_are_refused_with_the_list(text):
    with pytest.raises(KeyError) as info:
        get_profile(text)
    message = str(info.value)
    for version in SUPPORTED_VERSIONS:
        assert version + " (" in message           # every version, with its latest update
    assert "2019-CU11" in message                  # and the earlier rows one may name
    assert not is_profile_name(text)


def test_derived_fields():
    p = PROFILES["2016"]
    assert (p.display_version, p.major_version, p.ps_version) == \
        ("Version 15.1 (Build 2507.6)", 15, "5.1")
    assert PROFILES["2007"].display_version == "Version 8.3 (Build 83.6)"


def test_dialects_by_name():
    assert dialect("2.0") is PS20 and dialect("5.1") is PS51 and dialect(PS51) is PS51
    assert dialect(None) is PS20 and dialect("4.0") is PS51
    assert PS20.message("TypeNotFound") != PS51.message("TypeNotFound")


@pytest.mark.parametrize("predicate, versions", [
    (has_server_param, ("2010", "2013", "2016", "2019")),
    (has_2010_parameters, ("2010", "2013", "2016", "2019")),
    (has_identity_param, ("2013", "2016", "2019")),
    (v3_cmdlets, ("2013", "2016", "2019")),
    (lambda p: "RequestFile" in p.new_file_params, ("2013",)),
])
def test_predicates_evaluated_over_the_table(predicate, versions):
    assert versions_where(predicate) == versions


def test_a_cumulative_update_row_is_one_row():
    """A CU row differs from the latest in named facts only; a shell runs on it.
    Here: a 2019 build from before the 2022 H1 update, which still had -RequestFile."""
    from exshell.shell import Shell
    from exshell.host import RecordingHost
    cu11 = PROFILES["2019"].replace(update="CU11", build="15.2.986.5",
                                    new_file_params=("RequestFile",))
    assert cu11.name == "2019-CU11" and cu11.display_version == "Version 15.2 (Build 986.5)"
    host = RecordingHost([], width=120, interactive=False)
    shell = Shell(cu11, host=host)
    shell.run("Get-Command New-ExchangeCertificate -Syntax")
    assert "-RequestFile" in host.text
    latest, host2 = make_shell("2019")
    latest.run("Get-Command New-ExchangeCertificate -Syntax")
    assert "-RequestFile" not in host2.text


# ------------------------------------------------------------------ no version strings in code

_VERSION = re.compile(r"^(?:[1-7]\.\d+|20(?:07|10|13|16|19))$")


def _version_literals(node):
    """String constants that look like a version inside a comparison or a tuple."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and _VERSION.match(sub.value):
            yield sub


def test_no_code_compares_version_strings():
    """Every version difference is a named fact of the profile table: outside
    profiles.py no comparison, membership test or tuple holds a version string."""
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        if path.name == "profiles.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Compare, ast.Tuple, ast.List, ast.Set)):
                for lit in _version_literals(node):
                    found.append("%s:%d %r" % (path.relative_to(ROOT), lit.lineno, lit.value))
    assert sorted(set(found)) == []


def test_rows_are_read_only_and_complete():
    with pytest.raises(AttributeError):
        PROFILES["2010"].rpc_prefix = False
    with pytest.raises(TypeError):
        PROFILES["2010"].replace(no_such_fact=True)


# ---------------------------------------------------------------- the CU rows (issue 12 item 5)

@pytest.mark.parametrize("name, build, file_params, setup_hash, rules", [
    ("2019-CU10", "15.2.922.7", True, "sha1", True),
    ("2019-CU11", "15.2.986.5", True, "sha256", True),
    ("2019-CU12", "15.2.1118.7", False, "sha256", True),
    ("2019-CU13", "15.2.1258.12", False, "sha256", False),
    ("2019-CU14", "15.2.1544.4", False, "sha256", False),
    ("2016-CU22", "15.1.2375.7", True, "sha1", True),
    ("2016-CU23", "15.1.2507.6", False, "sha1", True),
    ("2013-CU12", "15.0.1178.4", True, "sha1", True),
])
def test_cumulative_update_rows(name, build, file_params, setup_hash, rules):
    """Each row carries the facts that changed within its version: the 2022 H1 update
    removed the file parameters, 2019 CU11 made the setup certificate SHA-256, recent
    2019 builds return AccessRules empty."""
    row = get_profile(name)
    assert (row.name, row.build, row.setup_hash, row.access_rules_shown) == \
        (name, build, setup_hash, rules)
    assert ("RequestFile" in row.new_file_params) == file_params
    assert ("FileName" in row.import_file_params) == file_params
    assert ("FileName" in row.export_file_params) == file_params
    assert is_profile_name(name) and is_profile_name(name.replace("-", " ").lower())


def test_rows_of_a_version_are_in_update_order_and_the_bare_version_is_the_last():
    for version in SUPPORTED_VERSIONS:
        rows = [r for r in PROFILE_ROWS if r.version == version]
        builds = [tuple(int(x) for x in r.build.split(".")) for r in rows]
        assert builds == sorted(builds)
        assert get_profile(version) is rows[-1]


@pytest.mark.parametrize("version, parameter, present", [
    ("2019-CU11", "RequestFile", True), ("2019-CU12", "RequestFile", False),
    ("2016-CU22", "RequestFile", True), ("2016", "RequestFile", False),
])
def test_a_cu_shell_has_the_parameters_of_its_build(version, parameter, present):
    shell, host = make_shell(version)
    shell.run("Get-Command New-ExchangeCertificate -Syntax; (Get-ExchangeServer).AdminDisplayVersion.ToString()")
    assert ("-" + parameter in host.text) == present
    assert get_profile(version).display_version in host.text


def test_the_setup_certificate_hash_follows_the_cu():
    for version, oid in (("2019-CU10", "sha1"), ("2019-CU11", "sha256")):
        shell, host = make_shell(version)
        shell.run("(Get-ExchangeCertificate | ? {$_.FriendlyName -eq 'Microsoft Exchange'}).SignatureAlgorithm.FriendlyName")
        assert oid + "RSA" in host.text


def test_access_rules_by_build():
    for version, shown in (("2019-CU12", True), ("2019-CU13", False), ("2010", True)):
        shell, host = make_shell(version)
        shell.run("(Get-ExchangeCertificate | ? {$_.Subject -eq 'CN=EX01'}).AccessRules.Count")
        assert host.text.strip() == ("3" if shown else "0"), version

"""The lab file format: a file with planted mistakes gets precise issues (line + key)."""
import pytest

from exshell.labs.model import LabFileError, load_lab, parse_lab
from exshell.labs.validate import validate_text

GOOD = '''\
title = "T"
summary = "S"
version = "2010"

[[tasks]]
id = "one"
title = "Task one"
instructions = "Do it."
hints = ["h"]
solution = "Get-ExchangeCertificate"

[[tasks.checks]]
kind = "certificate"
domains = ["EX01.contoso.com"]
'''


def issues_of(text):
    lab, issues = parse_lab(text, "lab.toml")
    return issues


def test_good_file_parses():
    lab, issues = parse_lab(GOOD, "lab.toml")
    assert issues == []
    assert lab.id == "lab" and lab.version == "2010"
    assert lab.tasks[0].checks[0].params == {"domains": ["EX01.contoso.com"]}
    assert lab.tasks[0].checks[0].line == 12


# (replace this, with that) -> expected (line, key, words in the message)
PLANTED = [
    ('version = "2010"', 'version = "2012"', 3, "version", "must be one of"),
    ('title = "T"', 'titel = "T"', 1, "titel", "unknown key"),
    ('hints = ["h"]', 'hint = ["h"]', 9, "tasks[0].hint", "unknown key 'hint' in a task"),
    ('hints = ["h"]', 'hints = "h"', 9, "tasks[0].hints", "must be an array of strings"),
    ('kind = "certificate"', 'kind = "certificat"', 13, "tasks[0].checks[0].kind", "unknown check kind"),
    ('domains = ["EX01.contoso.com"]', 'domain = ["EX01.contoso.com"]', 14,
     "tasks[0].checks[0].domain", "for a 'certificate' check"),
    ('domains = ["EX01.contoso.com"]', 'issuer = "selfsigned"', 14,
     "tasks[0].checks[0].issuer", "must be one of self, ca"),
    ('domains = ["EX01.contoso.com"]', 'min_days_left = "300"', 14,
     "tasks[0].checks[0].min_days_left", "must be an integer"),
    ('domains = ["EX01.contoso.com"]', 'services = ["IIS", "WWW"]', 14,
     "tasks[0].checks[0].services", "unknown service 'WWW'"),
    ('solution = "Get-ExchangeCertificate"\n', '', 5, "tasks[0]", "missing key 'solution'"),
    ('kind = "certificate"\ndomains = ["EX01.contoso.com"]', 'kind = "tls"\nhost = "mail.contoso.com"',
     12, "tasks[0].checks[0]", "missing key 'service'"),
]


@pytest.mark.parametrize("old, new, line, key, words", PLANTED, ids=[p[1][:24] for p in PLANTED])
def test_planted_mistake_is_reported_with_line_and_key(old, new, line, key, words):
    assert old in GOOD
    issues = issues_of(GOOD.replace(old, new, 1))
    # The planted mistake comes first (a renamed key may also leave one missing).
    assert 1 <= len(issues) <= 2, [str(i) for i in issues]
    issue = issues[0]
    assert (issue.line, issue.key) == (line, key), str(issue)
    assert words in issue.message
    assert str(issue).startswith("lab.toml, line %d: " % line)


def test_every_mistake_is_reported_not_just_the_first():
    text = GOOD.replace('titel', 'x').replace('title = "T"', 'titel = "T"').replace(
        'kind = "certificate"', 'kind = "nope"') + '\n[[tasks]]\nid = "one"\n'
    issues = issues_of(text)
    keys = {i.key for i in issues}
    assert "titel" in keys
    assert "tasks[0].checks[0].kind" in keys
    assert "tasks[1].id" in keys                        # duplicate id
    assert any(i.key == "tasks[1]" and "missing key 'solution'" in i.message for i in issues)
    assert any(i.key is None and "missing key 'title'" in i.message for i in issues)


def test_toml_syntax_error_names_the_line():
    issues = issues_of(GOOD.replace('id = "one"', 'id = "one'))
    assert len(issues) == 1 and issues[0].line == 6
    assert "invalid TOML" in issues[0].message


def test_headers_inside_an_inline_organisation_are_not_tables():
    text = GOOD.replace('version = "2010"\n', 'version = "2010"\norganization = """\n[[servers]]\n'
                        'name = "EX01"\n"""\n')
    lab, issues = parse_lab(text, "lab.toml")
    assert issues == []
    assert lab.organization_line == 5
    bad = issues_of(text.replace('kind = "certificate"', 'kind = "x"'))
    assert bad[0].line == 17


def test_load_lab_raises_with_every_issue(tmp_path):
    p = tmp_path / "broken.toml"
    p.write_text(GOOD.replace('title = "T"', 'titel = "T"'))
    with pytest.raises(LabFileError) as e:
        load_lab(str(p))
    assert "broken.toml, line 1: unknown key 'titel'" in str(e.value)


def test_missing_organization_file_is_reported(tmp_path):
    issues = issues_of(GOOD.replace('version = "2010"', 'organization_file = "nowhere.toml"'))
    assert issues[0].key == "organization_file" and "does not exist" in issues[0].message


def test_inline_organisation_error_is_located_in_the_lab_file():
    text = GOOD.replace('version = "2010"\n', 'version = "2010"\norganization = """\n[[servers]]\n'
                        'name = "EX01"\nrole = ["Mailbox"]\n"""\n')
    issues = validate_text(text, "lab.toml")
    assert len(issues) == 1
    assert issues[0].line == 7, str(issues[0])
    assert "unknown key 'role'" in issues[0].message


def test_inline_organisation_semantic_error_names_the_key_once():
    text = GOOD.replace('version = "2010"\n', 'version = "2010"\norganization = """\n[[servers]]\n'
                        'name = "EX01"\n[[servers]]\nname = "EX01"\n"""\n')
    issues = validate_text(text, "lab.toml")
    assert [str(i) for i in issues] == [
        "lab.toml, line 8: the starting organisation is wrong: there is already a server named "
        "'EX01' (key 'organization.servers.name')"]

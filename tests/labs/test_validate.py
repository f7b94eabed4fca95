"""The validator's semantic checks: the start must fail, the solution must pass."""
from exshell.labs.validate import validate_text

BASE = '''\
title = "T"
summary = "S"
version = "2010"

[[tasks]]
id = "renew"
title = "Renew"
instructions = "Renew it."
hints = ["h"]
solution = """
$new = Get-ExchangeCertificate | New-ExchangeCertificate
Enable-ExchangeCertificate -Thumbprint $new.Thumbprint -Services IIS
"""
answers = ["Y"]

[[tasks.checks]]
kind = "certificate"
new = true
services = ["IIS", "SMTP"]
'''


def test_base_is_valid():
    assert validate_text(BASE, "lab.toml") == []


def test_checks_the_start_already_passes_are_reported():
    text = BASE.replace("new = true\n", "")
    issues = validate_text(text, "lab.toml")
    assert len(issues) == 1
    assert "already passes every check" in issues[0].message
    assert issues[0].line == 5 and issues[0].key == "tasks[0].checks"


def test_a_solution_that_misses_a_check_is_reported_at_the_check():
    text = BASE.replace('Enable-ExchangeCertificate -Thumbprint $new.Thumbprint -Services IIS\n', '')
    issues = validate_text(text, "lab.toml")
    assert len(issues) == 1, [str(i) for i in issues]
    assert issues[0].line == 15 and issues[0].key == "tasks[0].checks[0]"
    assert "does not pass the check" in issues[0].message and "but not IIS" in issues[0].message


def test_a_solution_that_writes_an_error_is_reported_at_the_solution():
    text = BASE.replace("Enable-ExchangeCertificate -Thumbprint $new.Thumbprint",
                        "Enable-ExchangeCertificate -Thumbprint 00")
    issues = validate_text(text, "lab.toml")
    assert issues[0].line == 10 and issues[0].key == "tasks[0].solution"
    assert "wrote an error" in issues[0].message


def test_unused_answers_are_reported():
    issues = validate_text(BASE.replace('answers = ["Y"]', 'answers = ["Y", "Y"]'), "lab.toml")
    assert [i.key for i in issues] == ["tasks[0].answers"]


def test_a_wrong_expression_check_is_reported():
    text = BASE + '\n[[tasks.checks]]\nkind = "expression"\nscript = "1 -eq 2"\n'
    issues = validate_text(text, "lab.toml")
    assert len(issues) == 1
    assert issues[0].line == 21 and "not yet" in issues[0].message


MISTAKE = '''
[[tasks.mistakes]]
script = "Get-ExchangeCertificate | New-ExchangeCertificate"
answers = ["Y"]
fails = 0
says = ["but not IIS"]
'''


def test_a_declared_mistake_that_fails_as_said_is_fine():
    assert validate_text(BASE + MISTAKE, "lab.toml") == []


def test_a_declared_mistake_that_passes_is_reported():
    text = BASE + MISTAKE.replace('"Get-ExchangeCertificate | New-ExchangeCertificate"',
                                  '"$n = Get-ExchangeCertificate | New-ExchangeCertificate; '
                                  'Enable-ExchangeCertificate $n.Thumbprint -Services IIS"')
    issues = validate_text(text, "lab.toml")
    assert len(issues) == 1
    assert issues[0].line == 21 and issues[0].key == "tasks[0].mistakes[0]"
    assert "should fail checks[0]" in issues[0].message


def test_a_declared_mistake_whose_explanation_lacks_the_words_is_reported():
    issues = validate_text(BASE + MISTAKE.replace("but not IIS", "expired"), "lab.toml")
    assert len(issues) == 1 and issues[0].key == "tasks[0].mistakes[0].says"
    assert "lacks 'expired'" in issues[0].message and "but not IIS" in issues[0].message


def test_a_mistake_naming_no_check_is_a_structural_issue():
    issues = validate_text(BASE + MISTAKE.replace("fails = 0", "fails = 3"), "lab.toml")
    assert len(issues) == 1
    assert (issues[0].line, issues[0].key) == (24, "tasks[0].mistakes[0].fails")
    assert "must name one of the task's checks (0 to 0)" in issues[0].message


def test_an_endless_solution_or_mistake_is_stopped_and_reported(monkeypatch):
    """The author's scripts run under the grader's budget (issue 14: `lab validate`
    with `while ($true) {}` as a solution or a mistake never returned)."""
    from exshell.engine import budget
    monkeypatch.setitem(budget.UNTRUSTED, "max_steps", 5000)
    text = BASE.replace("Enable-ExchangeCertificate -Thumbprint $new.Thumbprint -Services IIS\n",
                        "Enable-ExchangeCertificate -Thumbprint $new.Thumbprint -Services IIS\n"
                        "while ($true) {}\n")
    issues = validate_text(text, "lab.toml")
    assert [i.key for i in issues] == ["tasks[0].solution"]
    assert "ran more than 5000 steps (the limit of the grader)" in issues[0].message
    issues = validate_text(BASE + MISTAKE.replace('"Get-ExchangeCertificate | New-ExchangeCertificate"',
                                                  '"while ($true) {}"'), "lab.toml")
    # It stopped, the check it must fail failed, only not for the reason it declares.
    assert [i.key for i in issues] == ["tasks[0].mistakes[0].says"]

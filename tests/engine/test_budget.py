"""The run budget (exshell/engine/budget.py): steps, wall time, memory and the size of
what a script builds.  Clocks and memory readings are injected, never waited for."""
import pytest

from exshell.cli import UsageError, parse_args
from exshell.engine.budget import Budget, BudgetExceeded
from exshell.testing import make_shell


class Ticking:
    """A clock (or memory gauge) that moves by ``step`` every time it is read."""

    def __init__(self, step):
        self.value = 0.0
        self.step = step

    def __call__(self):
        self.value += self.step
        return self.value


def shell_with(budget=None):
    shell, host = make_shell()
    if budget is not None:
        shell.budget = budget
    return shell, host


def run(shell, host, text):
    host.clear()
    return shell.run(text), host.text


@pytest.mark.parametrize("script", [
    "while ($true) {}",
    "for (;;) {}",
    "do {} while ($true)",
    "do {} until ($false)",
    "while ($true) { try { $null } catch {} }",
    "function f($n) { if ($n -gt 0) { f ($n - 1); f ($n - 1) } }; f 40",
    "$i = 0; while ($true) { $i++ }",
    "1..1000 | ForEach-Object { while ($true) {} }",
    "$b = {}; while ($true) { & $b }",
    "switch (1..1000000) { default {} }",
])
def test_endless_scripts_stop_on_steps(script):
    shell, host = shell_with(Budget(max_steps=5000))
    result, text = run(shell, host, script + "; 'after'")
    assert not result.success
    assert "The script was stopped because it ran more than 5000 steps (the limit set by -MaxSteps)." in text
    assert "after" not in text
    assert result.errors[-1].FullyQualifiedErrorId == "ScriptBudgetExceeded"
    assert shell.internal_errors == []


def test_wall_time_is_read_from_the_injected_clock():
    clock = Ticking(1.0)                       # every reading is a second later
    shell, host = shell_with(Budget(max_seconds=30, clock=clock))
    result, text = run(shell, host, "while ($true) {}")
    assert "ran longer than 30 seconds (the limit set by -MaxSeconds)" in text
    assert clock.value <= 34                   # read once per CLOCK_EVERY steps, not more


def test_memory_growth_stops_the_run():
    gauge = Ticking(10.0)                      # 10 MB more at every reading
    shell, host = shell_with(Budget(max_memory_mb=100, memory=gauge))
    result, text = run(shell, host, "$l = @(); while ($true) { $l += 1 }")
    assert "used more than 100 MB of memory (the limit set by -MaxMemoryMB)" in text


def test_building_big_strings_checks_memory_at_once():
    # Each turn builds a 3 MB string: checking every CLOCK_EVERY steps would let the
    # process grow by gigabytes first (a class server's session has 30 neighbours).
    gauge = Ticking(10.0)
    shell, host = shell_with(Budget(max_memory_mb=100, memory=gauge))
    result, text = run(shell, host, "$s = 'x' * 3000000; $n = 0; "
                                    "while ($true) { $n++; $t = $s + $n }")
    assert "used more than 100 MB of memory" in text
    assert shell.context.get_variable("n") < 20


def test_a_long_run_is_throttled_after_a_while():
    clock = Ticking(0.01)                      # 10 ms of work between two checks
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        clock.value += seconds
    budget = Budget(max_seconds=5, clock=clock, throttle_after=1.0, throttle_share=0.25,
                    sleep=sleep)
    shell, host = shell_with(budget)
    result, text = run(shell, host, "while ($true) { }")
    assert "ran longer than 5 seconds" in text
    # The first second at full speed; then three times as long asleep as at work
    # (a quarter of a CPU) until the time limit.
    assert slept and len(set(round(s, 9) for s in slept)) == 1
    assert 0.6 < sum(slept) / 4.0 < 0.8      # (the fake clock ticks at every reading too)
    assert budget.renewed().throttle_after == 1.0


@pytest.mark.parametrize("script", [
    "try { while ($true) {} } catch { 'caught' }",
    "try { while ($true) {} } finally { 'finally ran'; while ($true) {} }",
    "trap { 'trapped'; continue }; while ($true) {}",
    "while ($true) { try { while ($true) {} } catch { 'caught' } }",
    "$ErrorActionPreference = 'SilentlyContinue'; while ($true) {}",
])
def test_scripts_cannot_swallow_the_stop(script):
    shell, host = shell_with(Budget(max_steps=2000))
    result, text = run(shell, host, script)
    assert not result.success
    assert "caught" not in text and "trapped" not in text
    assert "The script was stopped because it ran more than 2000 steps" in text


def test_each_run_has_the_whole_budget():
    shell, host = shell_with(Budget(max_steps=1000))
    result, _ = run(shell, host, "while ($true) {}")
    assert not result.success
    result, text = run(shell, host, "$n = 0; foreach ($i in 1..900) { $n++ }; $n")
    assert result.success and text.strip() == "900"


@pytest.mark.parametrize("script", [
    "'x' * 1e9", "@(0) * 1e9", "1..1e8", "'x'.PadLeft(1e9)", "'x'.PadRight(1e9)",
    "$s = 'x'; while ($true) { $s += $s }", "$a = @(1); while ($true) { $a += $a }",
    "(1..100000) -join ('y' * 100)", "$s = 'ab'; $s *= 1e9",
    # Built in one operation the budget must foresee (issue 14: each took gigabytes):
    "('x' * 100000) -replace 'x', ('y' * 100)", "('x' * 10000) -replace 'x', '$_'",
    "('{0,99999}' * 100) -f 1", "[string]::Format(('{0,99999}' * 100), 1)",
    "('x' * 100000).Replace('x', ('y' * 100))", "[string]::Join(('y' * 100000), (1..100))",
    "[string]::Concat((,('x' * 100000)) * 100)", "$x = 'a' * 400000; \"$x$x$x\"",
    "[regex]::Replace(('x' * 100000), 'x', ('y' * 100))",
])
def test_sizes_over_the_limit_stop_the_run(script):
    shell, host = shell_with(Budget(max_items=1_000_000))
    result, text = run(shell, host, "try { %s } catch { 'caught' }; 'after'" % script)
    assert "built a string or array of more than 1000000 items (the limit set by -MaxItems)" in text
    assert "caught" not in text and "after" not in text


@pytest.mark.parametrize("script", ["'x' * 1e9", "@(0) * 1e10", "'x'.PadLeft(2e9)",
                                    "[string]::new('x', 2e9)",
                                    "('x' * 1e6) -replace 'x', ('y' * 1000)",
                                    "('{0,999999}' * 1000) -f 1",
                                    "('x' * 1e6).Replace('x', ('y' * 1000))"])
def test_without_a_budget_huge_sizes_are_dotnet_out_of_memory(script):
    shell, host = make_shell("2016")
    result, text = run(shell, host, "%s; 'not ' + 'reached'" % script)
    assert not result.success
    assert "Exception of type 'System.OutOfMemoryException' was thrown." in text
    assert "System.OutOfMemoryException" in result.errors[0].FullyQualifiedErrorId
    assert "not reached" not in text
    result, text = run(shell, host, "try { %s } catch { 'caught: ' + $_.Exception.GetType().Name }" % script)
    assert "caught: OutOfMemoryException" in text
    assert shell.internal_errors == []


def test_ordinary_scripts_are_untouched_by_the_untrusted_budget():
    shell, host = shell_with(Budget.untrusted())
    result, text = run(shell, host, "$r = ''; foreach ($i in 1..2000) { $r += \"line $i`n\" }; "
                                    "('-' * 40).Length; (1..100000).Count; $r.Length")
    assert result.success, text
    assert text.split() == ["40", "100000", str(sum(len("line %d\n" % i) for i in range(1, 2001)))]


def test_the_grader_names_itself():
    shell, host = shell_with(Budget.untrusted(max_steps=100))
    _, text = run(shell, host, "while ($true) {}")
    assert "(the limit of the grader)" in text


def test_budget_exceeded_is_not_an_exception():
    # Cmdlets and the engine catch Exception in places: the stop must pass them all.
    assert not issubclass(BudgetExceeded, Exception)


@pytest.mark.parametrize("argv, expected", [
    (["-MaxSeconds", "2.5", "-c", "1"], {"max_seconds": 2.5}),
    (["-maxsteps", "100", "-MaxItems", "10", "-c", "1"], {"max_steps": 100, "max_items": 10}),
    (["-MaxMem", "64", "-c", "1"], {"max_memory_mb": 64.0}),
])
def test_cli_options(argv, expected):
    assert parse_args(argv).budget == expected


@pytest.mark.parametrize("argv", [["-MaxSteps", "x"], ["-MaxSteps", "0"], ["-MaxSeconds", "-1"],
                                  ["-MaxSeconds", "inf"], ["-MaxItems", "1.5"], ["-MaxSteps"]])
def test_cli_option_errors(argv):
    with pytest.raises(UsageError):
        parse_args(argv + ["-c", "1"])


def test_cli_runs_under_the_budget(tmp_path, capsys):
    from exshell.cli import main
    code = main(["-NoLogo", "-NonInteractive", "-DriveRoot", str(tmp_path), "-MaxSteps", "500",
                 "-Command", "'start'; while ($true) {}; 'end'"])
    out = capsys.readouterr()
    assert code == 1
    assert "start" in out.out and "end" not in out.out
    assert "ran more than 500 steps (the limit set by -MaxSteps)" in out.err + out.out


# A catastrophic regular expression: 2**28 ways to fail the match, tens of seconds in
# one call, with no step in between for the budget to count.
_BACKTRACKS = "('a' * 28 + '!') -match '^(a+)+$'"


@pytest.mark.parametrize("script", [_BACKTRACKS, "[regex]::Replace(('a' * 28 + '!'), '^(a+)+$', 'b')",
                                    "try { %s } finally { 'finally' }" % _BACKTRACKS])
def test_one_long_operation_is_stopped_by_the_watchdog(script):
    """Time is checked between steps; a single long operation (issue 14: a regular
    expression that backtracks for minutes stalled the grader) is stopped by the
    watchdog timer, wherever it is, with the same message."""
    shell, host = shell_with(Budget(max_seconds=0.5))
    result, text = run(shell, host, "$r = %s; 'after'" % script)
    assert not result.success
    assert "ran longer than 0.5 seconds (the limit set by -MaxSeconds)" in text
    assert "after" not in text
    # The timer is gone with the run: the next one is not stopped.
    result, text = run(shell, host, "'next'")
    assert result.success and text.strip() == "next"
    assert shell.internal_errors == []


def test_the_watchdog_nests_and_restores_the_outer_timer():
    """A probe run inside a run (a lab check's script inside Test-LabTask) arms its own
    timer and gives the outer one back, with what was left of it."""
    import signal
    import time
    outer, inner = Budget(max_seconds=30), Budget(max_seconds=0.2)
    with outer.watchdog():
        left = signal.getitimer(signal.ITIMER_REAL)[0]
        assert 29 < left <= 30.5
        with pytest.raises(BudgetExceeded) as stopped:
            with inner.watchdog():
                time.sleep(20)                 # interrupted by the inner timer
        assert stopped.value.kind == "time"
        assert 25 < signal.getitimer(signal.ITIMER_REAL)[0] <= left
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None) or \
        not getattr(signal.getsignal(signal.SIGALRM), "__qualname__", "").startswith("Budget")
    with Budget(max_steps=10).watchdog():      # no time limit: no timer
        assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_memory_error_is_dotnet_out_of_memory(monkeypatch):
    """Python running out of memory in an operation nobody foresaw is .NET's
    OutOfMemoryException, never 'internal error (MemoryError)'."""
    from exshell.engine import operators
    shell, host = shell_with()

    def exhausted(*args, **kwargs):
        raise MemoryError()
    monkeypatch.setattr(operators, "_replace", exhausted)
    result, text = run(shell, host, "'abc' -replace 'b', 'x'; 'after'")
    assert "Exception of type 'System.OutOfMemoryException' was thrown." in text
    assert "internal error" not in text and "MemoryError" not in text
    assert shell.internal_errors == []

"""The lab cmdlets: Get-LabTask, Test-LabTask, Get-LabHint, Show-LabSolution, Reset-Lab.

They are declared with ``register=False`` (never in the global command table);
:func:`attach` registers a :class:`~exshell.labs.session.LabSession` in one shell's
execution context and adds them to that shell's command table, and they find the
lab with ``self.context.find(LabSession)``.  They write plain text lines (strings),
which Out-Default prints as they are.
"""
from __future__ import annotations

from ..engine.cmdlet import Cmdlet
from ..engine.host import Choice, HostUnavailable
from ..engine.conversion import STRING
from ..engine.parameters import Parameter
from .session import LabSession
from .text import write_lines

__all__ = ["LAB_CMDLETS", "attach"]

#: Texts of the lab cmdlets (our own words; kept here to be easy to change).
NO_LAB = "No lab is running."
ALL_DONE = "Every task of this lab is done. Reset-Lab starts it over."
NO_SUCH_TASK = "This lab has no task '%s' (tasks: %s)."
NO_MORE_HINTS = "No more hints for task '%s' (%d given). Show-LabSolution shows the reference solution."
SOLUTION_QUERY = ("Show the reference solution of task '%s'? Trying first teaches more; "
                  "it will be noted in your progress.")
RESET_TEXT = "Reset the lab '%s' to its starting organisation? Your changes to the world are lost."
PASSED_NEXT = "Well done. Next: task %d, %s (Get-LabTask)."
PASSED_LAST = "Well done: every task of this lab is done."
SOLUTION_CHOICES = (Choice("&Yes", "Show the reference solution (it is noted in your progress)."),
                    Choice("&No", "Keep trying; Get-LabHint gives a hint."))
NO_HINTS_IN_EXAM = "This is an exam: hints and solutions are not available."


class _LabCmdlet(Cmdlet, register=False):
    parameters = (Parameter("Id", STRING, position=0),)

    def lab(self) -> LabSession:
        ls = self.context.find(LabSession)
        if ls is None:
            self.throw_terminating(self.error_record(NO_LAB, "NoLabRunning", "InvalidOperation"))
        return ls

    def chosen(self, ls, ident):
        task = ls.task(ident)
        if task is None and ident is not None:
            self.throw_terminating(self.error_record(
                NO_SUCH_TASK % (ident, ", ".join(t.id for t in ls.lab.tasks)), "LabTaskNotFound",
                "ObjectNotFound", target=ident))
        return task

    def lines(self, lines) -> None:
        for line in lines:
            self.write_object(line)

    def target(self, p):
        """(lab session, task named by -Id or the current one); None after writing the
        all-done line when every task is finished."""
        ls = self.lab()
        task = self.chosen(ls, p.get("Id"))
        if task is None:
            self.lines([ALL_DONE])
            return None
        return ls, task


class GetLabTask(_LabCmdlet, register=False):
    """Show the current lab task (or the one named by -Id)."""
    name = "Get-LabTask"
    synopsis = "Shows the current task of the running lab."

    def process(self, p):
        found = self.target(p)
        if found is None:
            return
        ls, task = found
        write_lines(self.host, ls.task_text(task, self.host.width - 1))


class TestLabTask(_LabCmdlet, register=False):
    """Check the current task: a pass/fail line per check and what is still wrong."""
    name = "Test-LabTask"
    synopsis = "Checks the current lab task against the state of the organisation."

    def process(self, p):
        found = self.target(p)
        if found is None:
            return
        ls, task = found
        result = ls.test(task)
        # In an exam: which checks pass, not what is still wrong (that would be a hint).
        lines = result.styled_lines(details=not ls.exam, width=self.host.width - 1)
        if result.passed:
            following = ls.current_task()
            lines.append([])
            lines.append([("pass", PASSED_LAST if following is None else
                           PASSED_NEXT % (ls.number(following), following.title))])
        write_lines(self.host, lines)


class GetLabHint(_LabCmdlet, register=False):
    """One more hint for the current task."""
    name = "Get-LabHint"
    synopsis = "Shows the next hint for the current lab task."

    def process(self, p):
        found = self.target(p)
        if found is None:
            return
        ls, task = found
        if ls.exam:
            self.lines([NO_HINTS_IN_EXAM])
            return
        n, hint = ls.next_hint(task)
        if hint is None:
            self.lines([NO_MORE_HINTS % (task.id, n)])
        else:
            self.lines(["Hint %d of %d: %s" % (n, len(task.hints), hint)])


class ShowLabSolution(_LabCmdlet, register=False):
    """The reference solution, after a confirmation prompt."""
    name = "Show-LabSolution"
    synopsis = "Shows the reference solution of the current lab task (asks first)."

    def process(self, p):
        found = self.target(p)
        if found is None:
            return
        ls, task = found
        if ls.exam:
            self.lines([NO_HINTS_IN_EXAM])
            return
        # A stray Enter must not give the answer away: No is the default.
        try:
            choice = self.host.prompt_for_choice("Show the solution", SOLUTION_QUERY % task.id,
                                                 SOLUTION_CHOICES, 1)
        except HostUnavailable:
            choice = 1
        if choice != 0:
            return
        ls.solution_shown(task)
        from .text import render_markdown
        text = "```\n%s\n```" % task.solution.strip("\n")
        if task.answers:
            text += "\n\nAnswers to the prompts, in order: " + ", ".join(task.answers)
        write_lines(self.host, render_markdown(text, self.host.width - 1))


class ResetLab(_LabCmdlet, register=False):
    """Start the running lab over from its starting organisation."""
    name = "Reset-Lab"
    parameters = ()
    supports_should_process = True
    confirm_impact = "High"
    synopsis = "Resets the running lab to its starting organisation."

    def process(self, p):
        ls = self.lab()
        if not self.should_process(RESET_TEXT % ls.lab.id):
            return
        ls.reset()
        self.lines(["The lab is back at its start.", ""])
        write_lines(self.host, ls.task_text(ls.current_task(), self.host.width - 1))


LAB_CMDLETS = (GetLabTask, TestLabTask, GetLabHint, ShowLabSolution, ResetLab)


def attach(ls: LabSession) -> LabSession:
    """Run ``ls`` in its shell: the lab cmdlets in that shell's command table only
    (an ordinary session never has them), the session findable by them, and every
    command run recorded in the command log (with its answers, errors and times)."""
    from .log import CommandRecorder
    shell = ls.shell
    context = shell.context
    context.register(ls)
    for cls in LAB_CMDLETS:
        context.commands.add(cls)
    recorder = CommandRecorder(ls.log_command)
    shell.input_listeners.append(recorder.started)
    shell.result_listeners.append(recorder.finished)
    context.command_observers.append(recorder)
    return ls

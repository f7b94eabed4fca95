"""A running lab: the lab, the learner's shell, progress and the start snapshot.

:func:`exshell.labs.cmdlets.attach` registers a LabSession in its shell's execution
context and adds the lab cmdlets to that shell's command table only, so an ordinary
session never has them.
"""
from __future__ import annotations

from typing import Any, Callable, List, Optional, Tuple

from .checks import StartSnapshot
from .model import Lab, Task
from .progress import Progress
from .runner import TaskResult, build_start, check_task

__all__ = ["LabSession", "banner"]

#: The commands a learner gets inside a lab (shown in the banner).
LAB_COMMANDS = (
    ("Get-LabTask", "show the current task"),
    ("Test-LabTask", "check your work"),
    ("Get-LabHint", "one more hint"),
    ("Show-LabSolution", "the reference solution (asks first)"),
    ("Reset-Lab", "start the lab over"),
)


class LabSession:
    def __init__(self, lab: Lab, shell, progress: Progress, start: StartSnapshot,
                 own_drive: bool = False, *, exam: bool = False,
                 build: Optional[Callable[[], Any]] = None):
        self.lab = lab
        self.shell = shell
        self.progress = progress
        self.start = start
        #: True when the drive folder belongs to this lab (Reset-Lab may empty it).
        self.own_drive = own_drive
        #: An exam (a class server's): no hints, no solutions, and Test-LabTask says
        #: which checks pass but not what is still wrong.
        self.exam = exam
        #: Builds the lab's starting organisation (Reset-Lab): the lab's own start, or
        #: a learner's (their keys and serials, on a class server).
        self.build = build if build is not None else (lambda: build_start(lab))
        #: Told after Test-LabTask checked a task (a class server records the result).
        self.check_listeners: List[Callable[[TaskResult], None]] = []

    def log_command(self, entry: Any) -> None:
        """A command ran (the CommandRecorder's entry): into the progress's log."""
        self.progress.log(entry)

    # -- tasks ---------------------------------------------------------------------------
    def current_task(self) -> Optional[Task]:
        for t in self.lab.tasks:
            if t.id not in self.progress.passed:
                return t
        return None

    def task(self, ident: Optional[str]) -> Optional[Task]:
        if ident is None:
            return self.current_task()
        return self.lab.task(ident)

    def number(self, task: Task) -> int:
        return self.lab.tasks.index(task) + 1

    def task_text(self, task: Task, width: int = 80):
        """The task for the console: its heading, the instructions rendered from their
        Markdown (exshell.labs.text), the hints line -- as styled lines."""
        from .text import render_markdown
        n = self.number(task)
        state = "done" if task.id in self.progress.passed else "to do"
        lines = [[("strong", "Task %d of %d (%s): %s" % (n, len(self.lab.tasks), task.id, task.title)),
                  ("", " "), ("pass" if state == "done" else "note", "[%s]" % state)], []]
        lines += render_markdown(task.instructions, width)
        used = self.progress.hints_used.get(task.id, 0)
        if self.exam:
            lines += [[], [("", "Exam: no hints or solutions. When you are done: "),
                           ("code", "Test-LabTask")]]
        else:
            lines += [[], [("", "Hints used: %d of %d. When you are done: "
                            % (min(used, len(task.hints)), len(task.hints))), ("code", "Test-LabTask")]]
        return lines

    def task_lines(self, task: Task, width: int = 80) -> List[str]:
        """:meth:`task_text` as plain lines."""
        from .text import plain
        return plain(self.task_text(task, width))

    def test(self, task: Task) -> TaskResult:
        result = check_task(task, self.shell, self.start)
        self.progress.attempt(task.id, result.passed)
        self.progress.save()
        for listener in list(self.check_listeners):
            listener(result)
        return result

    def next_hint(self, task: Task) -> Tuple[int, Optional[str]]:
        used = self.progress.hints_used.get(task.id, 0)
        if used >= len(task.hints):
            return used, None
        n = self.progress.hint_taken(task.id)
        self.progress.save()
        return n, task.hints[n - 1]

    def solution_shown(self, task: Task) -> None:
        if task.id not in self.progress.solutions_shown:
            self.progress.solutions_shown.append(task.id)
        self.progress.save()

    def reset(self) -> None:
        """Back to the lab's starting world (progress on tasks is cleared; hints,
        attempts and time stay as history)."""
        from ..engine.context import DEFAULT_LOCATION
        shell = self.shell
        shell.world.replace_organization(self.build())
        shell.location = DEFAULT_LOCATION
        if self.own_drive:
            shell.reset_drive()
        self.progress.passed.clear()
        self.progress.resets += 1
        self.progress.save()

    def banner(self) -> str:
        return banner(self)


def banner(ls: LabSession) -> str:
    lab = ls.lab
    lines = ["", "   exshell lab: %s" % lab.title, "",
             "Emulating Exchange Server %s. %s" % (lab.version, lab.summary.strip()), ""]
    task = ls.current_task()
    if task is None:
        lines.append("Every task of this lab is done. Reset-Lab starts it over.")
    else:
        done = len(ls.progress.passed)
        if done:
            lines.append("Welcome back: %d of %d tasks done." % (done, len(lab.tasks)))
            lines.append("")
        lines += ls.task_lines(task)
    commands = [n for n, _ in LAB_COMMANDS
                if not (ls.exam and n in ("Get-LabHint", "Show-LabSolution"))]
    lines += ["", "Lab commands: " + ", ".join(commands) + ". Leave with exit.", ""]
    return "\n".join(lines)

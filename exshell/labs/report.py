"""Per-learner reports of one lab: text, JSON and a self-contained HTML page.

The report combines the saved progress (hints, attempts, time, solutions shown) with
a fresh check of the saved world, so it shows what is really done now.
"""
from __future__ import annotations

import html
import json
import os
from typing import Any, Dict, List, Optional

from .log import LoggedCommand
from .model import Lab

__all__ = ["report_data", "render_text", "render_json", "render_html", "learner_report",
           "render_check"]


def _commands(progress) -> Optional[List[str]]:
    """The commands the learner ran, in order (the text of each log entry)."""
    commands = getattr(progress, "commands", None)
    return None if commands is None else [LoggedCommand.from_value(c).text for c in commands]


def _command_log(progress) -> List[Dict[str, Any]]:
    """The command log: each command with its answers, errors, start and duration."""
    return [LoggedCommand.from_value(c).as_dict() for c in getattr(progress, "commands", None) or []]


def report_data(lab: Lab, root: Optional[str] = None) -> Dict[str, Any]:
    from .progress import DRIVE_FOLDER, PROGRESS_FILE, STATE_FILE, Progress, lab_folder
    folder = lab_folder(lab.id, root)
    progress = Progress.load(lab.id, os.path.join(folder, PROGRESS_FILE))
    state = os.path.join(folder, STATE_FILE)
    checked = None
    if os.path.isfile(state):
        from .grading import check_state
        checked = check_state(lab, state, drive_root=os.path.join(folder, DRIVE_FOLDER))
    tasks = []
    for i, task in enumerate(lab.tasks):
        entry = {"id": task.id, "title": task.title,
                 "hints_used": progress.hints_used.get(task.id, 0), "hints": len(task.hints),
                 "attempts": progress.attempts.get(task.id, 0),
                 "passed_at": progress.passed.get(task.id),
                 "solution_shown": task.id in progress.solutions_shown,
                 "passes_now": None, "checks": []}
        if checked is not None:
            entry["passes_now"] = checked["tasks"][i]["passed"]
            entry["checks"] = checked["tasks"][i]["checks"]
        tasks.append(entry)
    return {"lab": lab.id, "title": lab.title, "version": lab.version,
            "learner": progress.learner or os.environ.get("EXSHELL_LEARNER", "")
                       or os.environ.get("USER", ""),
            "started": progress.started or None, "updated": progress.updated or None,
            "minutes": round(progress.seconds / 60.0, 1), "seconds": round(progress.seconds, 1),
            # Commands typed: only when the progress records them (None otherwise).
            "commands": _commands(progress), "command_log": _command_log(progress),
            "resets": progress.resets,
            "started_lab": os.path.isfile(state),
            "tasks_done": sum(1 for t in tasks if t["passes_now"]), "tasks": tasks}


def render_text(data: Dict[str, Any]) -> str:
    title = data["title"]
    if "Exchange %s" % data["version"] not in title:     # the title usually says it already
        title += " (Exchange %s)" % data["version"]
    lines = ["Lab %s: %s" % (data["lab"], title),
             "Learner: %s   Time spent: %s   Resets: %d" % (
                 data["learner"] or "-", _duration(data.get("seconds", data["minutes"] * 60)),
                 data["resets"])]
    if not data["started_lab"]:
        lines.append("Not started yet.")
    lines.append("Tasks done: %d of %d" % (data["tasks_done"], len(data["tasks"])))
    lines.append("")
    for t in data["tasks"]:
        status = {True: "DONE", False: "NOT YET", None: "NOT STARTED"}[t["passes_now"]]
        lines.append("%-11s %s: %s" % (status, t["id"], t["title"]))
        lines.append("            attempts %d, hints %d of %d%s" % (
            t["attempts"], t["hints_used"], t["hints"],
            ", solution shown" if t["solution_shown"] else ""))
        for c in t["checks"]:
            if not c["passed"]:
                lines.append("            still wrong: %s" % c["detail"])
    log = data.get("command_log") or []
    if log:
        lines += ["", "Commands typed: %d (times in UTC)" % len(log)]
        for entry in log:
            text = str(entry.get("text", "")).split("\n")
            lines.append("  %-22s %s" % (_log_when(entry), text[0]))
            lines.extend("  %-22s %s" % ("", more) for more in text[1:])
            if entry.get("answers"):
                lines.append("  %-22s answered %s" % ("", ", ".join(str(a) for a in entry["answers"])))
            for error in entry.get("errors") or []:
                lines.append("  %-22s error: %s" % ("", str(error.get("message", "")).split("\n")[0]))
    return "\n".join(lines) + "\n"


def render_check(result: Dict[str, Any], width: int = 79) -> str:
    """``exshell lab check`` on a terminal: each task and its checks as Test-LabTask
    words them ([PASS]/[FAIL], what is still wrong under a failed check), wrapped to
    ``width``, then how many tasks pass."""
    import textwrap
    width = max(40, width)

    def wrapped(text: str, first: str, rest: str) -> List[str]:
        return textwrap.wrap(str(text), width, initial_indent=first, subsequent_indent=rest,
                             break_long_words=True, break_on_hyphens=False) or [first.rstrip()]

    lines = wrapped("Lab %s: %s" % (result.get("lab", ""), result.get("title", "")), "", "    ")
    tasks = result.get("tasks") or []
    for t in tasks:
        lines.append("")
        lines += wrapped("Task %s: %s -- %s" % (t.get("id", ""), t.get("title", ""),
                                                 "PASSED" if t.get("passed") else "NOT YET"), "", "    ")
        for c in t.get("checks") or []:
            mark = "[PASS] " if c.get("passed") else "[FAIL] "
            lines += wrapped(c.get("description", ""), mark, " " * 7)
            if not c.get("passed") and c.get("detail"):
                lines += wrapped(c["detail"], " " * 7, " " * 7)
    lines += ["", "Tasks passed: %d of %d" % (sum(1 for t in tasks if t.get("passed")), len(tasks))]
    return "\n".join(lines) + "\n"


def render_json(data: Dict[str, Any]) -> str:
    return json.dumps(data, indent=2) + "\n"


# The page is self-contained (no scripts, no external files) so it can be mailed or
# archived; checked in headless Chromium by tests/labs/test_report_browser.py.
_CSS = """
body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222;
line-height:1.4}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin:1.5em 0 .3em}
.summary{margin:.5em 0 1em}
.summary dt{font-weight:bold;float:left;clear:left;width:10em;white-space:nowrap}
.summary dd{margin:0 0 .2em 10.5em}
table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.num{text-align:right;white-space:nowrap}
.nowrap,.done,.todo,.idle{white-space:nowrap}
.done{color:#060;font-weight:bold}.todo{color:#a00;font-weight:bold}.idle{color:#666}
ul.checks{list-style:none;padding-left:0;margin:.3em 0}
ul.checks li{margin:.2em 0;padding-left:3.6em;text-indent:-3.6em;overflow-wrap:anywhere}
.mark{display:inline-block;width:4.235em;font-size:.85em;text-indent:0;
font-family:monospace,monospace;font-weight:bold}
.pass .mark{color:#060}.fail .mark{color:#a00}
.detail{display:block;text-indent:0;color:#555}
code{background:#eee;padding:0 .2em}ol.commands code{white-space:pre-wrap}
.answers{margin-left:.6em;color:#555}.error{display:block;color:#a00}
.when{display:block;font-size:.85em;color:#666}
""".replace("\n", "")

#: Status words of a task (passes now: True, False, None = the lab was never started).
_STATUS = {True: ("done", "done"), False: ("not yet", "todo"), None: ("not started", "idle")}


def _duration(seconds: float) -> str:
    """Time spent as '12 min 34 s' (hours when long: '1 h 05 min')."""
    total = int(round(seconds))
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    if h:
        return "%d h %02d min" % (h, m)
    return "%d min %02d s" % (m, s) if m else "%d s" % s


def _when(stamp: Optional[str]) -> str:
    """A saved UTC stamp ('2026-11-28T22:57:31Z') as '2026-11-28 22:57 UTC'."""
    if not stamp:
        return "-"
    text = stamp.rstrip("Z").replace("T", " ")
    return text[:16] + " UTC" if len(text) >= 16 else text


def _clock_time(stamp: Optional[str]) -> str:
    """A saved UTC stamp ('2026-11-28T22:57:31.250Z') as its time of day ('22:57:31')."""
    text = str(stamp or "")
    return text[11:19] if len(text) >= 19 and text[10:11] == "T" else ""


def _took(seconds: Any) -> str:
    """How long a command ran: '0.4 s', '12 s', '2 min 05 s'."""
    try:
        seconds = float(seconds or 0.0)
    except (TypeError, ValueError):
        seconds = 0.0
    if not 0.0 <= seconds < 1e9:          # NaN, infinite, negative: a damaged file
        seconds = 0.0
    return "%.1f s" % seconds if seconds < 10 else _duration(seconds)


def _log_when(entry: Dict[str, Any]) -> str:
    """'22:57:31, 0.4 s' (and how it ended when it did not complete)."""
    parts = [p for p in (_clock_time(entry.get("at")), _took(entry.get("seconds"))) if p]
    status = str(entry.get("status") or "Completed")
    if status != "Completed":
        parts.append(status.lower())
    return ", ".join(parts)


def _log_item(entry: Dict[str, Any]) -> str:
    """One command of the log: when it ran and for how long, its text, the answers
    given, the errors it wrote."""
    e = html.escape
    parts = ["<span class=\"when\">%s</span>" % e(_log_when(entry)),
             "<code>%s</code>" % e(str(entry.get("text", "")))]
    if entry.get("answers"):
        parts.append("<span class=\"answers\">answered %s</span>"
                     % e(", ".join(str(a) for a in entry["answers"])))
    for error in entry.get("errors") or []:
        parts.append("<span class=\"error\">%s</span>" % e(str(error.get("message", ""))))
    return "<li>%s</li>" % "".join(parts)


def render_html(data: Dict[str, Any]) -> str:
    e = html.escape
    tasks = data["tasks"]
    rows, sections = [], []
    for n, t in enumerate(tasks, 1):
        word, css = _STATUS[t["passes_now"]]
        rows.append(
            "<tr id=\"row-%s\"><td class=\"num\">%d</td><td>%s</td><td class=\"%s\">%s</td>"
            "<td class=\"num\">%d</td><td class=\"num\">%d of %d</td><td>%s</td>"
            "<td class=\"nowrap\">%s</td></tr>" % (
                e(t["id"]), n, e(t["title"]), css, word, t["attempts"], t["hints_used"],
                t["hints"], "yes" if t["solution_shown"] else "no", _when(t["passed_at"])))
        checks = []
        for c in t["checks"]:
            if c["passed"]:
                checks.append("<li class=\"pass\"><span class=\"mark\">PASS</span>%s</li>"
                              % e(c["description"]))
            else:
                checks.append("<li class=\"fail\"><span class=\"mark\">FAIL</span>%s"
                              "<span class=\"detail\">%s</span></li>"
                              % (e(c["description"]), e(c["detail"])))
        body = ("<ul class=\"checks\">%s</ul>" % "".join(checks) if checks
                else "<p class=\"idle\">Not checked: the lab has not been started.</p>")
        sections.append("<section id=\"task-%s\"><h2>Task %d: %s <span class=\"%s\">(%s)</span>"
                        "</h2>\n%s</section>" % (e(t["id"]), n, e(t["title"]), css, word, body))
    summary = [("Lab", "<code>%s</code>" % e(data["lab"])),
               ("Exchange", e(str(data["version"]))),
               ("Learner", e(data["learner"] or "-")),
               ("Started", _when(data["started"])),
               ("Last active", _when(data["updated"])),
               ("Time spent", _duration(data.get("seconds", data["minutes"] * 60))),
               ("Tasks done", "%d of %d" % (data["tasks_done"], len(tasks))),
               ("Resets", str(data["resets"]))]
    commands = data.get("commands")
    if commands is not None:
        summary.append(("Commands typed", str(len(commands))))
    extra = ""
    if commands:
        log = data.get("command_log") or [{"text": c} for c in commands]
        extra = ("<h2>Commands typed <small>(times in UTC)</small></h2>\n<ol class=\"commands\" id=\"commands\">%s</ol>\n"
                 % "".join(_log_item(entry) for entry in log))
    if not data["started_lab"]:
        summary.append(("Note", "Not started yet."))
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width\">"
            "<title>Lab report: %s%s</title><style>%s</style></head><body>\n"
            "<h1>%s</h1>\n<dl class=\"summary\" id=\"summary\">%s</dl>\n"
            "<table><thead><tr><th>#</th><th>Task</th><th>Status</th><th>Attempts</th>"
            "<th>Hints</th>"
            "<th>Solution shown</th><th>Passed at</th></tr></thead><tbody>\n%s\n</tbody></table>\n"
            "%s\n%s</body></html>\n" % (
                e(data["title"]), " (%s)" % e(data["learner"]) if data["learner"] else "", _CSS,
                e(data["title"]),
                "".join("<dt>%s</dt><dd>%s</dd>" % (k, v) for k, v in summary),
                "\n".join(rows), "\n".join(sections), extra))


def learner_report(lab: Lab, fmt: str = "text", root: Optional[str] = None) -> str:
    data = report_data(lab, root)
    return {"text": render_text, "json": render_json, "html": render_html}[fmt](data)

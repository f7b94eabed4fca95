"""Per-learner reports of one lab: text, JSON and a self-contained HTML page.

The report combines the saved progress (hints, attempts, time, solutions shown) with
a fresh check of the saved world, so it shows what is really done now.
"""
from __future__ import annotations

import html
import json
import os
from typing import Any, Dict, Optional

from .model import Lab

__all__ = ["report_data", "render_text", "render_json", "render_html", "learner_report"]


def report_data(lab: Lab, root: Optional[str] = None) -> Dict[str, Any]:
    from .progress import DRIVE_FOLDER, PROGRESS_FILE, STATE_FILE, Progress, lab_folder
    folder = lab_folder(lab.id, root)
    progress = Progress.load(lab.id, os.path.join(folder, PROGRESS_FILE))
    state = os.path.join(folder, STATE_FILE)
    checked = None
    if os.path.isfile(state):
        from .cli import check_state
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
            "learner": progress.learner or os.environ.get("USER", ""),
            "started": progress.started or None, "updated": progress.updated or None,
            "minutes": round(progress.seconds / 60.0, 1), "resets": progress.resets,
            "started_lab": os.path.isfile(state),
            "tasks_done": sum(1 for t in tasks if t["passes_now"]), "tasks": tasks}


def render_text(data: Dict[str, Any]) -> str:
    lines = ["Lab %s: %s (Exchange %s)" % (data["lab"], data["title"], data["version"]),
             "Learner: %s   Time spent: %.1f min   Resets: %d" % (data["learner"] or "-",
                                                                   data["minutes"], data["resets"])]
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
    return "\n".join(lines) + "\n"


def render_json(data: Dict[str, Any]) -> str:
    return json.dumps(data, indent=2) + "\n"


_CSS = ("body{font-family:sans-serif;max-width:50em;margin:2em auto;color:#222}"
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3em .5em;"
        "text-align:left}.done{color:#060}.todo{color:#a00}code{background:#eee}")


def render_html(data: Dict[str, Any]) -> str:
    e = html.escape
    rows = []
    for t in data["tasks"]:
        done = t["passes_now"]
        status = {True: "done", False: "not yet", None: "not started"}[done]
        wrong = "".join("<li>%s</li>" % e(c["detail"]) for c in t["checks"] if not c["passed"])
        rows.append("<tr><td>%s</td><td class=\"%s\">%s</td><td>%d</td><td>%d of %d</td><td>%s</td>"
                    "<td>%s</td></tr>" % (
                        e(t["title"]), "done" if done else "todo", status, t["attempts"],
                        t["hints_used"], t["hints"], "yes" if t["solution_shown"] else "no",
                        "<ul>%s</ul>" % wrong if wrong else ""))
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>%s: %s</title><style>%s</style></head><body>\n"
            "<h1>%s</h1>\n<p>Lab <code>%s</code>, Exchange %s. Learner: %s. Time spent: %.1f min. "
            "Tasks done: %d of %d.</p>\n"
            "<table><thead><tr><th>Task</th><th>Status</th><th>Attempts</th><th>Hints</th>"
            "<th>Solution shown</th><th>Still wrong</th></tr></thead><tbody>\n%s\n</tbody></table>\n"
            "</body></html>\n" % (
                e(data["learner"] or "learner"), e(data["title"]), _CSS, e(data["title"]),
                e(data["lab"]), e(data["version"]), e(data["learner"] or "-"), data["minutes"],
                data["tasks_done"], len(data["tasks"]), "\n".join(rows)))


def learner_report(lab: Lab, fmt: str = "text", root: Optional[str] = None) -> str:
    data = report_data(lab, root)
    return {"text": render_text, "json": render_json, "html": render_html}[fmt](data)

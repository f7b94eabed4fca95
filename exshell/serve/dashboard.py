"""The trainer's dashboard of ``exshell serve`` (aiohttp, on the server's event loop).

Pages (every one needs the trainer token: ``Authorization: Bearer <token>``, or the
cookie the login form -- or the link printed at start, ``/login?token=...`` -- sets;
anything else is 401):

* ``/``                    the class: learners x labs x tasks (passed, attempts, hints
                           used, solution shown), time, time left, last activity, who
                           is connected; it updates itself (Server-Sent Events)
* ``/learner/<slug>``      one learner: each lab's checks as last graded, progress,
                           the command log with answers and errors; actions
* ``/api/class``           the class as JSON;  ``/api/learner/<slug>`` one learner
* ``/class.csv``           the grade book
* ``POST /action/...``     reset a learner's lab, grade it now, add time (one learner
                           or everyone), end the exam

Everything a learner typed or a roster holds is escaped (``html.escape``); pages carry
a Content-Security-Policy that allows no inline script or style, so even a slip
could not run code; the live updates are fragments rendered by the same escaping
functions.  Actions need the token too, and a form token against cross-site posts.
"""
from __future__ import annotations

import asyncio
import csv
import hashlib
import hmac
import html
import io
import json
import time
from typing import Any, Dict, Optional

__all__ = ["make_app", "class_data", "learner_data", "CSP"]

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
       "img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
COOKIE = "exshell_trainer"
#: Commands shown on a learner's page (the newest; /api/learner has more).
PAGE_COMMANDS = 500

e = html.escape


def _cookie_value(token: str) -> str:
    return hmac.new(token.encode("utf-8"), b"exshell dashboard cookie", hashlib.sha256).hexdigest()


def _form_token(token: str) -> str:
    return hmac.new(token.encode("utf-8"), b"exshell dashboard form", hashlib.sha256).hexdigest()


def _when(stamp: Optional[str]) -> str:
    if not stamp:
        return "-"
    text = str(stamp).rstrip("Z").replace("T", " ")
    return text[:19] if len(text) >= 19 else text


def _short_when(stamp: Optional[str]) -> str:
    if not stamp:
        return "-"
    text = str(stamp).rstrip("Z").replace("T", " ")
    return text[11:16] if len(text) >= 16 else text


def _duration(seconds: Optional[float]) -> str:
    if seconds is None:
        return "-"
    total = int(round(max(0.0, float(seconds))))
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    if h:
        return "%d h %02d min" % (h, m)
    return "%d min %02d s" % (m, s) if m else "%d s" % s


# ----------------------------------------------------------------- the data

def class_data(server: Any) -> Dict[str, Any]:
    """The whole class: what /api/class returns and the pages show."""
    roster, db = server.roster, server.db
    progress = db.all_progress()
    results = db.results()
    counts = db.command_counts()
    states = db.learner_states()
    online = {(run.learner.name, run.lab.id) for run in server.runs}
    exam_ended = db.meta("exam_ended")
    now = time.time()
    labs = [{"id": lab.id, "title": lab.title, "version": lab.version,
             "tasks": [{"id": t.id, "title": t.title, "hints": len(t.hints)} for t in lab.tasks]}
            for lab in roster.labs]
    learners = []
    for learner in roster.learners:
        state = states.get(learner.name) or {}
        deadline = server.deadline(learner.name, state) if state else None
        closed = "exam" if exam_ended else (state.get("closed_why") if state.get("closed_at")
                                            else None)
        entry: Dict[str, Any] = {
            "name": learner.name, "full_name": learner.full_name, "slug": learner.slug,
            "online": sorted(lab for (who, lab) in online if who == learner.name),
            "closed": closed, "closed_at": state.get("closed_at") or exam_ended,
            "time_left": None if (deadline is None or closed) else max(0.0, round(deadline - now)),
            "extra_minutes": round(float(state.get("extra_seconds") or 0) / 60.0, 1),
            "last_seen": state.get("last_seen"), "labs": {}}
        seconds = 0.0
        last = [state.get("last_seen")]
        for lab in roster.labs:
            data = progress.get((learner.name, lab.id))
            count = counts.get((learner.name, lab.id), {})
            tasks = {}
            for t in lab.tasks:
                result = results.get((learner.name, lab.id, t.id))
                passed_at = ((data or {}).get("passed") or {}).get(t.id)
                attempts = int(((data or {}).get("attempts") or {}).get(t.id, 0))
                if result is not None:
                    passed: Optional[bool] = result["passes"]
                elif passed_at:
                    passed = True
                elif attempts:
                    passed = False
                else:
                    passed = None
                tasks[t.id] = {
                    "passed": passed, "passed_at": passed_at, "attempts": attempts,
                    "hints": int(((data or {}).get("hints_used") or {}).get(t.id, 0)),
                    "solution_shown": t.id in ((data or {}).get("solutions_shown") or []),
                    "checked_at": result["at"] if result else None,
                    "checked_by": result["how"] if result else None}
            lab_seconds = float((data or {}).get("seconds") or 0.0)
            seconds += lab_seconds
            last += [(data or {}).get("updated"), count.get("last")]
            entry["labs"][lab.id] = {
                "started": data is not None, "online": (learner.name, lab.id) in online,
                "seconds": round(lab_seconds, 1), "updated": (data or {}).get("updated"),
                "resets": int((data or {}).get("resets") or 0),
                "commands": int(count.get("commands", 0)), "errors": int(count.get("errors", 0)),
                "tasks_done": sum(1 for t in tasks.values() if t["passed"]), "tasks": tasks}
        entry["seconds"] = round(seconds, 1)
        entry["last_activity"] = max([x for x in last if x] or [None], key=lambda x: x or "")
        learners.append(entry)
    return {"title": roster.title, "exam": roster.exam, "exam_ended": exam_ended,
            "time_limit_minutes": roster.time_limit_minutes, "generated": _iso_now(),
            "connected": len(server.runs), "labs": labs, "learners": learners}


def learner_data(server: Any, learner: Any, limit: int = 5000) -> Dict[str, Any]:
    whole = class_data(server)
    entry = next(l for l in whole["learners"] if l["name"] == learner.name)
    results = server.db.results(learner.name)
    for lab in server.roster.labs:
        for t in lab.tasks:
            r = results.get((learner.name, lab.id, t.id))
            entry["labs"][lab.id]["tasks"][t.id]["checks"] = r["checks"] if r else []
    entry["commands"] = server.db.commands(learner.name, None, limit)
    entry["events"] = server.db.events(learner.name, 100)
    return {"title": whole["title"], "exam": whole["exam"], "labs": whole["labs"],
            "learner": entry}


def _iso_now() -> str:
    from .classdb import utc_now
    return utc_now()


# ----------------------------------------------------------------- HTML

def _page(title: str, body: str, *, view: str = "", form: str = "", slug: str = "",
          status: int = 200) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width\">"
            "<title>%s</title><link rel=\"stylesheet\" href=\"/static/dashboard.css\">"
            "<script src=\"/static/dashboard.js\" defer></script>"
            "<meta name=\"exshell-form\" content=\"%s\"></head>"
            "<body data-view=\"%s\" data-slug=\"%s\">\n%s\n</body></html>\n"
            % (e(title), e(form), e(view), e(slug), body))


def _status_of(learner: Dict[str, Any]) -> str:
    if learner["closed"]:
        return "<span class=\"closed\">%s</span>" % ("time up" if learner["closed"] == "time"
                                                      else "closed")
    parts = []
    if learner["online"]:
        parts.append("<span class=\"online\">online: %s</span>" % e(", ".join(learner["online"])))
    if learner["time_left"] is not None:
        left = learner["time_left"]
        css = "warn" if left < 600 else "left"
        parts.append("<span class=\"%s\">%s left</span>" % (css, e(_duration(left))))
    return " ".join(parts) or "<span class=\"idle\">offline</span>"


def _task_cell(task: Dict[str, Any], meta: Dict[str, Any]) -> str:
    passed = task["passed"]
    css, mark = {True: ("pass", "\u2713"), False: ("fail", "\u2717"), None: ("idle", "\u00b7")}[passed]
    notes = []
    if task["attempts"]:
        notes.append("%da" % task["attempts"])
    if task["hints"]:
        notes.append("%dh" % task["hints"])
    if task["solution_shown"]:
        notes.append("S")
    tip = "%s: %s; %d attempt(s), %d of %d hints%s%s" % (
        meta["id"], {True: "passed", False: "not passed", None: "not tried"}[passed],
        task["attempts"], task["hints"], meta["hints"],
        ", solution shown" if task["solution_shown"] else "",
        (", checked %s (%s)" % (_when(task["checked_at"]), task["checked_by"]))
        if task["checked_at"] else "")
    return ("<td class=\"task %s\" title=\"%s\"><span class=\"mark\">%s</span>"
            "<span class=\"notes\">%s</span></td>" % (css, e(tip), mark, e(" ".join(notes))))


def class_fragment(data: Dict[str, Any]) -> str:
    labs = data["labs"]
    head1 = ["<th rowspan=\"2\">Learner</th><th rowspan=\"2\">Status</th>"]
    head2 = []
    for lab in labs:
        head1.append("<th colspan=\"%d\" class=\"lab\" title=\"%s\">%s</th>"
                     % (max(1, len(lab["tasks"])), e(lab["title"]), e(lab["id"])))
        for n, t in enumerate(lab["tasks"], 1):
            head2.append("<th class=\"taskhead\" title=\"%s\">%d</th>" % (e(t["title"]), n))
    head1.append("<th rowspan=\"2\">Time</th><th rowspan=\"2\">Last activity</th>")
    rows = []
    for learner in data["learners"]:
        cells = ["<th class=\"who\" scope=\"row\"><a href=\"/learner/%s\">%s</a>%s</th>" % (
            e(learner["slug"]), e(learner["name"]),
            ("<span class=\"full\">%s</span>" % e(learner["full_name"])) if learner["full_name"]
            else ""), "<td class=\"status\">%s</td>" % _status_of(learner)]
        for lab in labs:
            entry = learner["labs"][lab["id"]]
            for t in lab["tasks"]:
                cells.append(_task_cell(entry["tasks"][t["id"]], t))
        cells.append("<td class=\"num\">%s</td>" % e(_duration(learner["seconds"])))
        cells.append("<td class=\"num\">%s</td>" % e(_short_when(learner["last_activity"])))
        rows.append("<tr id=\"learner-%s\">%s</tr>" % (e(learner["slug"]), "".join(cells)))
    online = sum(1 for l in data["learners"] if l["online"])
    passed = sum(1 for l in data["learners"] for lab in labs
                 if l["labs"][lab["id"]]["tasks_done"] == len(lab["tasks"]) and lab["tasks"])
    summary = ("<p class=\"summary\" id=\"summary\">%d learners, %d connected; %d lab(s) fully "
               "passed.%s Updated %s UTC.</p>" % (
                   len(data["learners"]), online, passed,
                   (" <strong>Exam ended %s.</strong>" % e(_when(data["exam_ended"])))
                   if data["exam_ended"] else (" Exam mode." if data["exam"] else ""),
                   e(_when(data["generated"]))))
    return ("%s<table class=\"class\" id=\"class\"><thead><tr>%s</tr><tr>%s</tr></thead>"
            "<tbody>%s</tbody></table>" % (summary, "".join(head1), "".join(head2),
                                           "\n".join(rows)))


def _action(path: str, form: str, fields: Dict[str, str], label: str, extra: str = "",
            confirm: Optional[str] = None) -> str:
    hidden = "".join("<input type=\"hidden\" name=\"%s\" value=\"%s\">" % (e(k), e(v))
                     for k, v in fields.items())
    return ("<form method=\"post\" action=\"%s\" class=\"action\"%s><input type=\"hidden\" "
            "name=\"form\" value=\"%s\">%s%s<button type=\"submit\">%s</button></form>" % (
                e(path), (" data-confirm=\"%s\"" % e(confirm)) if confirm else "", e(form),
                hidden, extra, e(label)))


def learner_fragment(data: Dict[str, Any], form: str) -> str:
    learner = data["learner"]
    parts = ["<h1 id=\"name\">%s%s</h1>" % (
        e(learner["name"]), (" <span class=\"full\">%s</span>" % e(learner["full_name"]))
        if learner["full_name"] else ""),
        "<p class=\"summary\" id=\"state\">%s &middot; time spent %s &middot; last activity "
        "%s UTC%s</p>" % (_status_of(learner), e(_duration(learner["seconds"])),
                          e(_when(learner["last_activity"])),
                          (" &middot; %s min extra" % e("%g" % learner["extra_minutes"]))
                          if learner["extra_minutes"] else "")]
    minutes = ("<input type=\"number\" name=\"minutes\" value=\"10\" min=\"1\" max=\"600\" "
               "aria-label=\"minutes\">")
    parts.append("<div class=\"actions\">%s</div>" % _action(
        "/action/time", form, {"learner": learner["slug"]}, "Add minutes", minutes))
    for lab in data["labs"]:
        entry = learner["labs"][lab["id"]]
        rows = []
        for n, t in enumerate(lab["tasks"], 1):
            task = entry["tasks"][t["id"]]
            word, css = {True: ("passed", "pass"), False: ("not passed", "fail"),
                         None: ("not tried", "idle")}[task["passed"]]
            checks = "".join(
                "<li class=\"%s\"><span class=\"mark\">%s</span>%s%s</li>" % (
                    "pass" if c.get("passed") else "fail", "PASS" if c.get("passed") else "FAIL",
                    e(str(c.get("description", ""))),
                    "" if c.get("passed") else "<span class=\"detail\">%s</span>"
                    % e(str(c.get("detail", ""))))
                for c in task.get("checks") or [])
            rows.append("<tr><td class=\"num\">%d</td><td>%s</td><td class=\"%s\">%s</td>"
                        "<td class=\"num\">%d</td><td class=\"num\">%d of %d</td><td>%s</td>"
                        "<td>%s</td><td><ul class=\"checks\">%s</ul></td></tr>" % (
                            n, e(t["title"]), css, word, task["attempts"], task["hints"],
                            t["hints"], "yes" if task["solution_shown"] else "no",
                            e(_when(task["checked_at"])) + (
                                " (%s)" % e(task["checked_by"]) if task["checked_by"] else ""),
                            checks))
        actions = (_action("/action/grade", form, {"learner": learner["slug"], "lab": lab["id"]},
                           "Grade now")
                   + _action("/action/reset", form, {"learner": learner["slug"], "lab": lab["id"]},
                             "Reset this lab", confirm="Reset %s's lab %s to its start?"
                             % (learner["name"], lab["id"])))
        parts.append(
            "<section class=\"lab\" id=\"lab-%s\"><h2>%s <span class=\"title\">%s</span>%s</h2>"
            "<p class=\"summary\">%s &middot; %d of %d tasks &middot; %s &middot; %d commands, "
            "%d with errors &middot; resets %d</p><div class=\"actions\">%s</div>"
            "<table><thead><tr><th>#</th><th>Task</th><th>Status</th><th>Attempts</th><th>Hints"
            "</th><th>Solution shown</th><th>Checked</th><th>Checks</th></tr></thead><tbody>%s"
            "</tbody></table></section>" % (
                e(lab["id"]), e(lab["id"]), e(lab["title"]),
                " <span class=\"online\">online</span>" if entry["online"] else "",
                "started" if entry["started"] else "not started", entry["tasks_done"],
                len(lab["tasks"]), e(_duration(entry["seconds"])), entry["commands"],
                entry["errors"], entry["resets"], actions, "".join(rows)))
    log = []
    for c in learner["commands"][-PAGE_COMMANDS:]:
        errors = "".join("<div class=\"error\">%s</div>" % e(str(x.get("message", "")))
                         for x in c.get("errors") or [])
        log.append("<tr class=\"%s\"><td class=\"nowrap\">%s</td><td>%s</td><td><pre>%s</pre>%s"
                   "</td><td>%s</td><td class=\"num\">%s</td><td>%s</td></tr>" % (
                       "bad" if errors or c.get("status") != "Completed" else "ok",
                       e(_when(c.get("at"))), e(str(c.get("lab", ""))), e(str(c.get("text", ""))),
                       errors, e(", ".join(str(a) for a in c.get("answers") or [])),
                       e("%.2f s" % float(c.get("seconds") or 0)), e(str(c.get("status", "")))))
    parts.append("<section id=\"log\"><h2>Command log</h2>%s<table class=\"log\"><thead><tr>"
                 "<th>When (UTC)</th><th>Lab</th><th>Command and errors</th><th>Answers</th>"
                 "<th>Took</th><th>Status</th></tr></thead><tbody id=\"commands\">%s</tbody>"
                 "</table></section>" % (
                     "<p class=\"summary\">The newest %d of %d.</p>" % (PAGE_COMMANDS,
                                                                       len(learner["commands"]))
                     if len(learner["commands"]) > PAGE_COMMANDS else "", "\n".join(log)))
    return "\n".join(parts)


def _class_page(server: Any, form: str) -> str:
    data = class_data(server)
    end = "" if data["exam_ended"] else _action(
        "/action/end-exam", form, {"confirm": "yes"}, "End the exam now",
        confirm="End the exam for everyone? Every lab is graded and closed.")
    everyone = _action("/action/time", form, {"learner": "*"}, "Add minutes for everyone",
                       "<input type=\"number\" name=\"minutes\" value=\"10\" min=\"1\" max=\"600\""
                       " aria-label=\"minutes\">")
    body = ("<header><h1>%s</h1><nav><a href=\"/api/class\">JSON</a> <a href=\"/class.csv\">"
            "Grade book (CSV)</a> <span id=\"live-state\" class=\"idle\">static</span></nav>"
            "</header>\n<main id=\"live\">%s</main>\n<footer class=\"actions\">%s%s%s</footer>" % (
                e(data["title"]), class_fragment(data),
                everyone if server.roster.time_limit_minutes else "", end if server.roster.exam
                or server.roster.time_limit_minutes else "", _action("/logout", form, {}, "Log out")))
    return _page("%s - exshell class" % data["title"], body, view="class", form=form)


def _learner_page(server: Any, learner: Any, form: str) -> str:
    data = learner_data(server, learner, PAGE_COMMANDS)
    body = ("<header><p><a href=\"/\">&larr; The class</a> <span id=\"live-state\" "
            "class=\"idle\">static</span></p></header>\n<main id=\"live\">%s</main>"
            % learner_fragment(data, form))
    return _page("%s - %s" % (learner.name, data["title"]), body, view="learner", form=form,
                 slug=learner.slug)


def _login_page(message: str = "") -> str:
    body = ("<main class=\"login\"><h1>exshell class dashboard</h1>%s"
            "<form method=\"post\" action=\"/login\"><label>Trainer token <input type=\"password\" "
            "name=\"token\" autocomplete=\"current-password\" autofocus></label> <button "
            "type=\"submit\">Log in</button></form><p class=\"summary\">The token is printed when "
            "the server starts (and kept in the data folder's trainer_token file, unless the "
            "roster sets one).</p></main>" % (("<p class=\"error\">%s</p>" % e(message))
                                              if message else ""))
    return _page("exshell class dashboard: log in", body, view="login")


# ----------------------------------------------------------------- CSV

def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):     # not a formula in a spreadsheet
        text = "'" + text
    return text


def class_csv(data: Dict[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    head = ["learner", "full_name", "status"]
    for lab in data["labs"]:
        head.append("%s tasks passed" % lab["id"])
    for lab in data["labs"]:
        for t in lab["tasks"]:
            head.append("%s/%s" % (lab["id"], t["id"]))
    head += ["hints_used", "solutions_shown", "minutes", "last_activity"]
    writer.writerow(head)
    for learner in data["learners"]:
        row = [learner["name"], learner["full_name"],
               learner["closed"] and ("time up" if learner["closed"] == "time" else "closed")
               or ("online" if learner["online"] else "")]
        hints = solutions = 0
        for lab in data["labs"]:
            entry = learner["labs"][lab["id"]]
            row.append("%d/%d" % (entry["tasks_done"], len(lab["tasks"])))
        for lab in data["labs"]:
            entry = learner["labs"][lab["id"]]
            for t in lab["tasks"]:
                task = entry["tasks"][t["id"]]
                hints += task["hints"]
                solutions += 1 if task["solution_shown"] else 0
                row.append({True: "passed", False: "failed", None: ""}[task["passed"]])
        row += [hints, solutions, round(learner["seconds"] / 60.0, 1),
                learner["last_activity"] or ""]
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


# ----------------------------------------------------------------- the application

def make_app(server: Any):
    from aiohttp import web

    def authorized(request) -> bool:
        token = server.token
        header = request.headers.get("Authorization", "")
        if header.startswith("Bearer "):
            return hmac.compare_digest(header[7:].strip().encode("utf-8", "replace"),
                                       token.encode("utf-8"))
        cookie = request.cookies.get(COOKIE, "")
        return bool(cookie) and hmac.compare_digest(cookie.encode("ascii", "replace"),
                                                    _cookie_value(token).encode("ascii"))

    @web.middleware
    async def security(request, handler):
        try:
            response = await handler(request)
        except web.HTTPException as ex:
            response = ex
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CSP)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "no-referrer")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Cache-Control", "no-store")
        if isinstance(response, web.HTTPException):
            raise response
        return response

    @web.middleware
    async def auth(request, handler):
        if request.path in ("/login", "/static/dashboard.css", "/static/dashboard.js",
                            "/favicon.ico"):
            return await handler(request)
        if not authorized(request):
            wants_html = "text/html" in request.headers.get("Accept", "") and \
                request.method == "GET" and not request.path.startswith("/api/")
            if wants_html:
                return web.Response(status=401, text=_login_page(), content_type="text/html",
                                    headers={"WWW-Authenticate": "Bearer"})
            return web.json_response({"error": "unauthorized: the trainer token is needed"},
                                     status=401, headers={"WWW-Authenticate": "Bearer"})
        return await handler(request)

    async def login_get(request):
        token = request.query.get("token")
        if token is None:
            if authorized(request):
                raise web.HTTPSeeOther("/")
            return web.Response(text=_login_page(), content_type="text/html")
        return await _login(token)

    async def login_post(request):
        form = await request.post()
        return await _login(str(form.get("token", "")))

    async def _login(token: str):
        if not hmac.compare_digest(token.strip().encode("utf-8", "replace"),
                                   server.token.encode("utf-8")):
            await asyncio.sleep(0.5)          # guessing is slow
            return web.Response(status=401, text=_login_page("That is not the trainer token."),
                                content_type="text/html")
        response = web.HTTPSeeOther("/")
        response.set_cookie(COOKIE, _cookie_value(server.token), httponly=True, samesite="Strict",
                            path="/", max_age=14 * 24 * 3600)
        return response

    async def logout(request):
        await _check_form(request)
        response = web.HTTPSeeOther("/login")
        response.del_cookie(COOKIE, path="/")
        return response

    async def class_page(request):
        return web.Response(text=_class_page(server, _form_token(server.token)),
                            content_type="text/html")

    def _learner(request):
        learner = server.roster.by_slug(request.match_info["slug"])
        if learner is None:
            raise web.HTTPNotFound(text="No such learner.")
        return learner

    async def learner_page(request):
        learner = _learner(request)
        return web.Response(text=_learner_page(server, learner, _form_token(server.token)),
                            content_type="text/html")

    async def api_class(request):
        return web.json_response(class_data(server), dumps=_dumps)

    async def api_learner(request):
        return web.json_response(learner_data(server, _learner(request)), dumps=_dumps)

    async def grade_book(request):
        return web.Response(body=class_csv(class_data(server)).encode("utf-8-sig"),
                            content_type="text/csv", charset="utf-8",
                            headers={"Content-Disposition": "attachment; filename=\"class.csv\""})

    async def events(request):
        view = request.query.get("view", "class")
        learner = server.roster.by_slug(request.query.get("slug", "")) if view == "learner" else None
        if view == "learner" and learner is None:
            raise web.HTTPNotFound(text="No such learner.")
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream",
                                               "Cache-Control": "no-store",
                                               "X-Accel-Buffering": "no"})
        await response.prepare(request)
        queue: asyncio.Queue = asyncio.Queue()
        queue.put_nowait(True)
        server.listeners.append(queue)
        form = _form_token(server.token)
        try:
            while True:
                try:
                    wanted = await asyncio.wait_for(queue.get(), 5.0)
                except asyncio.TimeoutError:
                    await response.write(b": still here\n\n")    # notices a closed page
                    continue
                if wanted is None:                  # the server is stopping
                    break
                await asyncio.sleep(0.2)          # a burst of changes: one update
                while not queue.empty():
                    if queue.get_nowait() is None:
                        wanted = None
                if wanted is None:
                    break
                if learner is not None:
                    current = server.roster.by_slug(learner.slug)
                    if current is None:
                        break
                    fragment = learner_fragment(learner_data(server, current, PAGE_COMMANDS), form)
                else:
                    fragment = class_fragment(class_data(server))
                payload = json.dumps({"html": fragment})
                await response.write(b"event: update\ndata: " + payload.encode("utf-8") + b"\n\n")
        except (ConnectionResetError, asyncio.CancelledError, RuntimeError):
            pass
        finally:
            if queue in server.listeners:
                server.listeners.remove(queue)
        return response

    async def _check_form(request):
        """Posts need the form token (or the Bearer header: an API client)."""
        if request.headers.get("Authorization", "").startswith("Bearer "):
            return await _fields(request)
        fields = await _fields(request)
        given = str(fields.get("form", "")) or request.headers.get("X-Exshell-Form", "")
        if not hmac.compare_digest(given.encode("ascii", "replace"),
                                   _form_token(server.token).encode("ascii")):
            raise web.HTTPForbidden(text="This action needs the dashboard's form token.")
        return fields

    async def _fields(request) -> Dict[str, Any]:
        if request.content_type == "application/json":
            try:
                value = await request.json()
            except ValueError:
                raise web.HTTPBadRequest(text="Not JSON.")
            return value if isinstance(value, dict) else {}
        return dict(await request.post())

    def _done(request, result: Dict[str, Any], back: str):
        if "text/html" in request.headers.get("Accept", ""):
            raise web.HTTPSeeOther(back)
        return web.json_response(result)

    def _learner_of(fields) -> Any:
        learner = server.roster.by_slug(str(fields.get("learner", "")))
        if learner is None:
            raise web.HTTPNotFound(text="No such learner.")
        return learner

    def _lab_of(fields) -> Any:
        lab = server.roster.lab(str(fields.get("lab", "")))
        if lab is None:
            raise web.HTTPNotFound(text="No such lab in this class.")
        return lab

    async def action_reset(request):
        fields = await _check_form(request)
        learner, lab = _learner_of(fields), _lab_of(fields)
        if server.closed(learner.name):
            raise web.HTTPConflict(text="This learner's work is closed: the results are final.")
        await server.reset_lab(learner, lab)
        return _done(request, {"ok": True}, "/learner/%s" % learner.slug)

    async def action_grade(request):
        fields = await _check_form(request)
        learner, lab = _learner_of(fields), _lab_of(fields)
        if server.closed(learner.name):
            raise web.HTTPConflict(text="This learner's work is closed: the results are final.")
        result = await server.grade(learner, lab, "trainer")   # from its world file
        return _done(request, {"ok": bool(result.get("done")), **result},
                     "/learner/%s" % learner.slug)

    async def action_time(request):
        fields = await _check_form(request)
        try:
            minutes = float(fields.get("minutes", 0))
        except (TypeError, ValueError):
            minutes = 0
        if not 0 < minutes <= 600:
            raise web.HTTPBadRequest(text="Give 1 to 600 minutes.")
        if str(fields.get("learner", "")) == "*":
            for learner in server.roster.learners:
                server.add_time(learner, minutes)
            return _done(request, {"ok": True}, "/")
        learner = _learner_of(fields)
        server.add_time(learner, minutes)
        return _done(request, {"ok": True}, "/learner/%s" % learner.slug)

    async def action_end_exam(request):
        fields = await _check_form(request)
        if str(fields.get("confirm", "")) != "yes":
            raise web.HTTPBadRequest(text="Confirm with confirm=yes.")
        await server.end_exam()
        return _done(request, {"ok": True}, "/")

    async def static_css(request):
        return web.Response(text=CSS, content_type="text/css")

    async def static_js(request):
        return web.Response(text=JS, content_type="application/javascript")

    async def favicon(request):
        return web.Response(status=204)

    app = web.Application(middlewares=[security, auth], client_max_size=64 * 1024)
    app.router.add_get("/", class_page)
    app.router.add_get("/login", login_get)
    app.router.add_post("/login", login_post)
    app.router.add_post("/logout", logout)
    app.router.add_get("/learner/{slug}", learner_page)
    app.router.add_get("/api/class", api_class)
    app.router.add_get("/api/learner/{slug}", api_learner)
    app.router.add_get("/class.csv", grade_book)
    app.router.add_get("/events", events)
    app.router.add_post("/action/reset", action_reset)
    app.router.add_post("/action/grade", action_grade)
    app.router.add_post("/action/time", action_time)
    app.router.add_post("/action/end-exam", action_end_exam)
    app.router.add_get("/static/dashboard.css", static_css)
    app.router.add_get("/static/dashboard.js", static_js)
    app.router.add_get("/favicon.ico", favicon)
    return app


def _dumps(value: Any) -> str:
    return json.dumps(value, indent=1)


CSS = """
body{font-family:system-ui,sans-serif;margin:1em 2em;color:#222;line-height:1.35}
header{display:flex;justify-content:space-between;align-items:baseline;flex-wrap:wrap}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.15em;margin:1.2em 0 .3em}
nav a{margin-right:1em}.summary{color:#444;margin:.4em 0}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25em .45em;vertical-align:top;
text-align:left}th{background:#f3f3f3}table.class td.task{text-align:center;min-width:2.6em}
td.num{text-align:right;white-space:nowrap}.nowrap{white-space:nowrap}
.pass{color:#060}.fail{color:#a00}.idle{color:#777}.task.pass{background:#e7f6e7}
.task.fail{background:#fbe9e9}.mark{font-weight:bold}.notes{display:block;font-size:.75em;color:#555}
.full{display:block;font-weight:normal;font-size:.85em;color:#555}
.online{color:#06c;font-weight:bold}.closed{color:#555;font-weight:bold}.warn{color:#a00;
font-weight:bold}.left{color:#333}
ul.checks{list-style:none;margin:0;padding:0}ul.checks li{margin:.1em 0}
ul.checks .mark{font-family:monospace;margin-right:.4em}.detail{display:block;color:#555}
table.log pre{margin:0;white-space:pre-wrap;word-break:break-word;max-width:60em}
.error{color:#a00;white-space:pre-wrap}tr.bad td{background:#fff6f6}
form.action{display:inline-block;margin:.2em .6em .2em 0}
.actions{margin:.4em 0}footer{margin-top:1.5em}
input[type=number]{width:4.5em}main.login{max-width:32em;margin:4em auto}
#live-state.on{color:#060}#live-state.off{color:#a00}
"""

JS = r"""
'use strict';
(function () {
  var body = document.body;
  var view = body.getAttribute('data-view');
  var state = document.getElementById('live-state');
  function mark(word, css) {
    if (state) { state.textContent = word; state.className = css; }
    document.documentElement.setAttribute('data-live', css);
  }
  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) { ev.preventDefault(); }
  });
  if (view !== 'class' && view !== 'learner') { return; }
  if (!window.EventSource) { return; }
  var url = '/events?view=' + encodeURIComponent(view);
  if (view === 'learner') { url += '&slug=' + encodeURIComponent(body.getAttribute('data-slug')); }
  var source = new EventSource(url);
  source.addEventListener('update', function (ev) {
    var data;
    try { data = JSON.parse(ev.data); } catch (e) { return; }
    var live = document.getElementById('live');
    if (!live || typeof data.html !== 'string') { return; }
    // The fragment is rendered and escaped by the server, as the page itself is.
    var parsed = new DOMParser().parseFromString('<main>' + data.html + '</main>', 'text/html');
    var fresh = parsed.body.firstChild;
    live.replaceChildren.apply(live, Array.prototype.slice.call(fresh.childNodes));
    mark('live', 'on');
  });
  source.addEventListener('error', function () { mark('reconnecting', 'off'); });
})();
"""

"""Evaluating a task's checks against the END STATE of a lab's world.

:func:`evaluate` takes a :class:`~exshell.labs.model.Check`, the shell whose
organisation (and emulated drive) is judged, and the :class:`StartSnapshot` of the
lab's starting organisation (which certificates existed, the Auth certificate), and
returns a :class:`CheckResult`: passed or not, a one-line description of what is
checked, and when it fails, what is still wrong in words a learner can act on.

Every learner-facing text is built here (kept together so wording changes are easy).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Set, Tuple

from .model import Check

__all__ = ["CheckResult", "StartSnapshot", "evaluate", "describe", "snapshot", "evaluate_expression"]


@dataclass
class CheckResult:
    passed: bool
    description: str
    detail: str = ""          # what is still wrong (empty when passed)

    def as_dict(self) -> Dict[str, Any]:
        return {"passed": self.passed, "description": self.description, "detail": self.detail}

    def line(self) -> str:
        if self.passed:
            return "[PASS] %s" % self.description
        return "[FAIL] %s\n       %s" % (self.description, self.detail)


@dataclass
class StartSnapshot:
    """What the starting organisation had: certificate thumbprints per server
    (casefolded name) and the Auth certificate's thumbprint."""
    thumbprints: Dict[str, Set[str]] = field(default_factory=dict)
    auth_thumbprint: Optional[str] = None

    def as_dict(self) -> Dict[str, Any]:
        return {"thumbprints": {k: sorted(v) for k, v in self.thumbprints.items()},
                "auth_thumbprint": self.auth_thumbprint}

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "StartSnapshot":
        return cls({k: set(v) for k, v in data.get("thumbprints", {}).items()},
                   data.get("auth_thumbprint"))


def snapshot(org) -> StartSnapshot:
    snap = StartSnapshot()
    for server in org.servers:
        snap.thumbprints[server.name.casefold()] = {e.thumbprint for e in server.my}
    auth = getattr(org, "auth_config", None)
    snap.auth_thumbprint = getattr(auth, "current_thumbprint", None) if auth else None
    return snap


# ----------------------------------------------------------------- descriptions

def _join(items) -> str:
    return ", ".join(items)


def _list(items) -> str:
    """"a", "a and b", "a, b and c": a list as a sentence says it."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _article(phrase: str) -> str:
    return ("an " if phrase[:1].lower() in "aeio" else "a ") + phrase


def _certificate_phrase(p: Dict[str, Any]) -> str:
    """"a new self-signed certificate for EX01 and EX01.contoso.com", "the certificate
    CN=mail.contoso.com, O=Contoso 2024", "its original certificate"..."""
    words = []
    if p.get("new"):
        words.append("new")
    issuer = {"self": "self-signed", "ca": "CA-issued", "enterprise": "enterprise-CA",
              "public": "public-CA"}.get(p.get("issuer", ""), "")
    if issuer:
        words.append(issuer)
    words.append("certificate")
    if p.get("subject"):
        text = " ".join(words) + " " + p["subject"]
        text = "the " + text if not p.get("new") and not issuer else _article(text)
    elif p.get("from_start"):
        text = "its original " + " ".join(words)
    else:
        text = _article(" ".join(words))
    if p.get("domains"):
        text += " for " + _list(p["domains"])
    if str(p.get("status", "")).casefold() == "pendingrequest":
        text = text.replace("certificate", "certificate request", 1)
    return text


def _certificate_facts(p: Dict[str, Any]) -> list:
    facts = []
    if p.get("services"):
        facts.append("it serves " + _list(p["services"]))
    if p.get("status") and str(p["status"]).casefold() != "pendingrequest":
        facts.append("its status is " + p["status"])
    if "min_days_left" in p:
        facts.append("it is valid for at least another %d days" % p["min_days_left"])
    if p.get("exportable") is not None:
        facts.append("its private key can be exported" if p["exportable"]
                     else "its private key cannot be exported")
    if p.get("default_smtp"):
        facts.append("it is the default SMTP certificate")
    return facts


def _sentence(facts: list) -> str:
    if len(facts) <= 1:
        return "".join(facts)
    return ", ".join(facts[:-1]) + ", and " + facts[-1]


def describe(check: Check, default_server: str = "") -> str:
    """What the check wants, as a trainer would say it (the check's own description
    wins)."""
    if check.description:
        return check.description
    p = check.params
    server = p.get("server") or default_server
    if check.kind == "certificate":
        text = "%s has %s" % (server, _certificate_phrase(p))
        facts = _certificate_facts(p)
        return text + (": " + _sentence(facts) if facts else "")
    if check.kind == "no_certificate":
        phrase = _certificate_phrase(p)
        if p.get("status"):
            phrase += " with status %s" % p["status"]
        lead = phrase.split(" ", 1)[1] if phrase.startswith(("a ", "an ")) else phrase
        if p.get("services"):      # "No self-signed certificate on EX01 serves IIS any more"
            return "No %s on %s serves %s any more" % (lead, server, _list(p["services"]))
        if p.get("default_smtp"):
            return "No %s on %s is the default SMTP certificate any more" % (lead, server)
        return "%s no longer has %s" % (server, phrase)
    if check.kind == "tls":
        host = p["host"]
        return {"https": "A browser trusts https://%s (the certificate IIS presents)" % host,
                "pop": "A mail client trusts POP3 over SSL on %s" % host,
                "imap": "A mail client trusts IMAP4 over SSL on %s" % host,
                "smtp": "A sending server trusts the STARTTLS certificate of %s" % host}[p["service"]]
    if check.kind == "pfx":
        return "%s is a PFX file%s" % (p["path"], " that opens with the agreed password"
                                       if p.get("password") is not None else "")
    if check.kind == "auth_certificate":
        return "The Auth certificate has been renewed" if p.get("renewed", True) else \
            "The Auth certificate is valid"
    if check.kind == "file":
        text = "The file %s exists" % p["path"]
        if p.get("contains"):
            text += " and mentions " + _list(p["contains"])
        return text
    if check.kind == "expiring_report":
        return ("%s reports exactly the certificates that expire within %d days, on every "
                "server (tried here and on a second organisation)" % (p["path"], p["within_days"]))
    return "The lab's own check of the world passes"


# ----------------------------------------------------------------- evaluation

def evaluate(check: Check, shell: Any, start: StartSnapshot) -> CheckResult:
    """Evaluate one check; never raises (a problem becomes a failed check)."""
    org = shell.organization
    local = org.local_server.name if org.local_server is not None else ""
    text = describe(check, local)
    try:
        detail = _EVALUATORS[check.kind](check.params, shell, start)
    except Exception:  # a broken or forged world must not crash the grader
        detail = ("the check could not be evaluated on this world (it is damaged or was not "
                  "made by exshell)")
    if detail == EXPRESSION_FAILED:
        # An expression only says yes or no: the author's words say what is wanted.
        said = text[:1].lower() + text[1:] if text[1:2].islower() else text   # not "eX01"
        detail = check.message or NOT_YET % said
    elif detail and check.message:
        detail = "%s -- %s" % (detail, check.message)
    return CheckResult(not detail, text, detail or "")


def _server(params, org):
    name = params.get("server")
    if not name:
        return org.local_server
    for s in org.servers:
        if s.name.casefold() == name.casefold():
            return s
    raise LookupError("there is no server '%s' in the organisation" % name)


def _services_of(view) -> List[str]:
    text = str(view.Services)
    return [s.strip() for s in text.split(",") if s.strip() and s.strip() != "None"]


def _short(view) -> str:
    return "%s (%s)" % (view.Thumbprint, view.Subject)


def _days_left(view, now: _dt.datetime) -> int:
    return (view.NotAfter - now).days


def _norm_dn(text: str) -> str:
    return ",".join(part.strip() for part in str(text).split(",")).casefold()


def _filter(params, shell, start) -> tuple:
    """(matching views, the reason the closest candidates were rejected)."""
    org = shell.organization
    server = _server(params, org)
    views = list(server.certificates())
    now = org.clock.now()
    at_start = start.thumbprints.get(server.name.casefold(), set())
    reason = ""
    steps = []
    if params.get("new"):
        steps.append((lambda v: v.Thumbprint not in at_start,
                      lambda vs: "every certificate on %s was already there at the start" % server.name))
    if params.get("from_start"):
        steps.append((lambda v: v.Thumbprint in at_start,
                      lambda vs: "none of the original certificates is left on %s" % server.name))
    if params.get("subject"):
        def same_subject(v):
            return _norm_dn(v.Subject) == _norm_dn(params["subject"])
        steps.append((same_subject, lambda vs: "no %scertificate on %s has the subject %s (found: %s)" % (
            "new " if params.get("new") else "", server.name, params["subject"],
            _join(sorted({v.Subject for v in vs})) or "no certificates")))
    if params.get("domains"):
        wanted = [d.casefold() for d in params["domains"]]

        def has_names(v):
            names = [n.casefold() for n in v.CertificateDomains]
            return all(w in names for w in wanted)
        steps.append((has_names, lambda vs: "no %scertificate on %s has the names %s (found: %s)" % (
            "new " if params.get("new") else "", server.name, _join(params["domains"]),
            "; ".join("%s: %s" % (v.Thumbprint, _join(v.CertificateDomains) or "no names")
                      for v in vs) or "no certificates")))
    issuer = params.get("issuer")
    if issuer:
        def issuer_ok(v):
            root = str(v.RootCAType)
            if issuer == "self":
                return bool(v.IsSelfSigned)
            if v.IsSelfSigned or str(v.Status) == "PendingRequest":
                return False
            if issuer == "ca":
                return root not in ("Unknown", "None")
            # By signature, up to the lab's own CA: a root store entry alone (which a
            # forged world can carry) or a CA's name proves nothing.
            ca = org.enterprise_ca if issuer == "enterprise" else org.public_ca
            anchor = getattr(ca, "cert", None)
            return anchor is not None and \
                root in (("Enterprise", "GroupPolicy") if issuer == "enterprise" else ("ThirdParty",)) \
                and chains_to(v.x509, anchor, [r.cert for r in server.intermediates.values()])
        wanted_text = {"self": "self-signed", "ca": "issued by a CA",
                       "enterprise": "issued by the enterprise CA",
                       "public": "issued by a public CA"}[issuer]

        def what_it_is(v):
            if v.IsSelfSigned:
                return "self-signed"
            if str(v.Status) == "PendingRequest":
                return "a pending request, not yet a certificate"
            if str(v.RootCAType) in ("Unknown", "None"):
                return "its chain does not reach a trusted root (Status %s)" % v.Status
            return "its root is a %s CA" % v.RootCAType
        steps.append((issuer_ok, lambda vs: "; ".join(
            "%s is not %s: %s" % (_short(v), wanted_text, what_it_is(v)) for v in vs)))
    if params.get("status"):
        steps.append((lambda v: str(v.Status).casefold() == params["status"].casefold(),
                      lambda vs: _join("%s has status %s" % (v.Thumbprint, v.Status) for v in vs)
                      + ", not " + params["status"]))
    if "min_days_left" in params:
        steps.append((lambda v: _days_left(v, now) >= params["min_days_left"],
                      lambda vs: _join("%s expires in %d days" % (v.Thumbprint, _days_left(v, now))
                                       for v in vs)
                      + " (at least %d wanted)" % params["min_days_left"]))
    if params.get("exportable") is not None:
        steps.append((lambda v: bool(v.PrivateKeyExportable) == params["exportable"],
                      lambda vs: _join(v.Thumbprint for v in vs) + (
                          " cannot export its private key" if params["exportable"]
                          else " has an exportable private key")))
    if params.get("services"):
        wanted_s = [s.casefold() for s in params["services"]]

        def serves(v):
            have = [s.casefold() for s in _services_of(v)]
            return all(w in have for w in wanted_s)

        def why(vs):
            parts = []
            for v in vs:
                have = _services_of(v)
                missing = [s for s in params["services"] if s.casefold() not in
                           [h.casefold() for h in have]]
                parts.append("%s serves %s but not %s" % (v.Thumbprint, _join(have) or "nothing",
                                                          _join(missing)))
            return "; ".join(parts)
        steps.append((serves, why))
    if params.get("default_smtp") is not None:
        default = server.internal_transport_thumbprint
        steps.append((lambda v: (v.Thumbprint == default) == params["default_smtp"],
                      lambda vs: "the default SMTP certificate (InternalTransportCertificateThumbprint) "
                      "of %s is %s, not %s" % (server.name, default or "not set",
                                               _join(v.Thumbprint for v in vs))
                      if params["default_smtp"] else
                      "%s is still the default SMTP certificate of %s" % (default, server.name)))
    current = views
    for test, explain in steps:
        kept = [v for v in current if test(v)]
        if not kept and not reason:
            reason = explain(current)
        current = kept
        if not current:
            break
    return current, reason


def chains_to(cert, anchor, intermediates) -> bool:
    """Whether ``cert`` leads to ``anchor`` through ``intermediates``, every link
    checked by its signature."""
    from ..exchange.issuance import issued_by
    current, seen = cert, set()
    for _ in range(8):
        if issued_by(current, anchor):
            return True
        nxt = next((c for c in intermediates if id(c) not in seen and c is not current
                    and issued_by(current, c)), None)
        if nxt is None:
            return False
        seen.add(id(nxt))
        current = nxt
    return False


def _certificate(params, shell, start) -> str:
    matches, reason = _filter(params, shell, start)
    if matches:
        return ""
    return reason or "no matching certificate on %s" % _server(params, shell.organization).name


def _no_certificate(params, shell, start) -> str:
    matches, _ = _filter(params, shell, start)
    if not matches:
        return ""
    server = _server(params, shell.organization)
    return "still on %s: %s" % (server.name, _join(
        "%s (%s, status %s, serves %s)" % (v.Thumbprint, v.Subject, v.Status,
                                           _join(_services_of(v)) or "nothing")
        for v in matches))


# Why a handshake failed, in a learner's words.
TLS_REASONS = {
    "trust": "the client does not trust the certificate presented (self-signed or an unknown CA)",
    "name": "the certificate presented does not carry the name %s",
    "date": "the certificate presented has expired (or is not yet valid)",
    "no-certificate": "the service presents no usable certificate",
    "network": "the connection failed",
    "refused": "nothing answers: the service behind it is stopped (Get-Service)",
}


def _tls(params, shell, start) -> str:
    from ..exchange.tls import connect, resolve_host
    org = shell.organization
    server = _server(params, org) if params.get("server") else resolve_host(org, params["host"])
    if server is None:
        return "no server answers to %s" % params["host"]
    outcome = connect(org, server, params["service"], params["host"])
    if outcome.ok:
        return ""
    text = TLS_REASONS.get(outcome.reason or "network", "the handshake failed")
    if "%s" in text:
        text = text % params["host"]
    if outcome.thumbprint:
        text += " (%s presents %s)" % (server.name, outcome.thumbprint)
    return text


def _pfx(params, shell, start) -> str:
    from cryptography.hazmat.primitives.serialization import pkcs12
    from ..exchange.certificate import certificate_domains
    try:
        real = shell.drive.resolve(params["path"], shell.location)
        if not real.exists:
            return "there is no file %s" % params["path"]
        data = shell.drive.read_bytes(real)
    except OSError as e:
        return "%s cannot be read (%s)" % (params["path"], e)
    if not data:
        return "%s is empty (did the export fail?)" % params["path"]
    password = params.get("password")
    try:
        bundle = pkcs12.load_pkcs12(data, password.encode("utf-8") if password is not None else None)
    except (ValueError, TypeError):
        return "%s is not a PFX file, or does not open with %s" % (
            params["path"], "the password '%s'" % password if password is not None else "no password")
    if bundle.cert is None:
        return "%s holds no certificate" % params["path"]
    if params.get("has_key", True) and bundle.key is None:
        return "%s holds no private key" % params["path"]
    if params.get("domains"):
        names = [n.casefold() for n in certificate_domains(bundle.cert.certificate)]
        missing = [d for d in params["domains"] if d.casefold() not in names]
        if missing:
            return "the certificate in %s lacks %s" % (params["path"], _join(missing))
    return ""


def _auth(params, shell, start) -> str:
    org = shell.organization
    auth = getattr(org, "auth_config", None)
    if auth is None or not org.profile.has_auth_certificate:
        return "Exchange %s has no Auth configuration" % org.profile.version
    current = auth.current_thumbprint
    if not current:
        return "no Auth certificate is configured (Get-AuthConfig shows none)"
    if params.get("renewed", True) and current == start.auth_thumbprint:
        return "the Auth configuration still uses the old certificate %s" % current
    now = org.clock.now()
    for server in org.servers:
        view = server.view_of(current)
        if view is None:
            if server.has_role(("Mailbox",)):    # Edge servers do not take part in OAuth
                return "the Auth certificate %s is not on %s" % (current, server.name)
            continue
        left = _days_left(view, now)
        if left < 0:
            return "the Auth certificate %s has expired" % current
        if "min_days_left" in params and left < params["min_days_left"]:
            return "the Auth certificate %s expires in %d days (at least %d wanted)" % (
                current, left, params["min_days_left"])
    return ""


def _file(params, shell, start) -> str:
    try:
        real = shell.drive.resolve(params["path"], shell.location)
        if not real.exists:
            return "there is no file %s" % params["path"]
        raw = shell.drive.read_bytes(real)
    except OSError as e:
        return "%s cannot be read (%s)" % (params["path"], e)
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = raw.decode("latin-1")
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = raw.decode("utf-16")
    folded = text.casefold()
    missing = [s for s in params.get("contains", []) if s.casefold() not in folded]
    if missing:
        return "%s does not mention %s" % (params["path"], _join(missing))
    extra = [s for s in params.get("not_contains", []) if s.casefold() in folded]
    if extra:
        return "%s should not mention %s" % (params["path"], _join(extra))
    return ""


#: What a failed expression check says when its author gave no message of their own:
#: the description says what is expected; this says it is not so yet.
NOT_YET = "not yet: %s"
EXPRESSION_FAILED = "\0expression-false"


def _expression(params, shell, start) -> str:
    ok, shown = evaluate_expression(shell, params["script"])
    if ok:
        return ""
    if shown in ("$false", "$null", "nothing") or shown.startswith("an error"):
        return EXPRESSION_FAILED
    # Anything but a yes or no: the check itself is wrong (a lab author's mistake).
    return "the check could not decide (its script gave %s instead of $true or $false)" % shown


def _shown(values: List[Any]) -> str:
    if not values:
        return "nothing"
    if len(values) > 1:
        return "%d objects" % len(values)
    v = values[0]
    if v is True:
        return "$true"
    if v is False:
        return "$false"
    if v is None:
        return "$null"
    return repr(str(v)) if isinstance(v, str) else "a %s" % type(v).__name__


def _probe_budget(shell):
    """The limits of a script a check runs: those of the grader (``lab check`` may set
    them on the shell it judges) or of a class server (its ``[limits]`` and its
    throttle, in a learner's session), else an untrusted run's -- never none."""
    from ..engine.budget import Budget
    current = getattr(shell, "budget", None)
    if current is not None and current.stops and current.origin in ("grader", "server"):
        return current.renewed()
    return Budget.untrusted()


def evaluate_expression(shell, script: str) -> Tuple[bool, str]:
    """Run ``script`` against ``shell``'s world in a separate, silent shell (the
    learner's session and its variables are untouched); True when it returns
    exactly $true and writes no error."""
    from ..host import RecordingHost
    from ..shell import Shell
    org = shell.organization
    probe = Shell(org.profile.version, host=RecordingHost([], interactive=False), clock=org.clock,
                  organization=org)
    probe.budget = _probe_budget(shell)    # a lab's script is run on what the learner made
    probe.drive_root = shell.drive_root
    probe.location = shell.location
    values: List[Any] = []
    result = probe.run(script, out=values.append)
    if result.errors:
        return False, "an error (%s)" % result.errors[0].message
    return (len(values) == 1 and values[0] is True), _shown(values)


def _output_text(values) -> str:
    from ..engine.properties import get_property, property_names
    parts = []
    for v in values:
        if isinstance(v, str):
            parts.append(v)
            continue
        try:
            for name in property_names(v):
                parts.append(str(get_property(v, name)))
        except Exception:
            parts.append(str(v))
    return "\n".join(parts).casefold()


def _expiring_on(org, script: str, drive_root: str, within: int, where: str,
                 judged: Any = None) -> str:
    from ..host import RecordingHost
    from ..shell import Shell
    probe = Shell(org.profile.version, host=RecordingHost([], interactive=False, width=400),
                  clock=org.clock, organization=org)
    probe.budget = _probe_budget(judged)   # the learner's script: never trusted
    probe.drive_root = drive_root
    values: list = []
    result = probe.run(script, out=values.append)
    if result.errors:
        return "%s, the script wrote an error: %s" % (where, result.errors[0].message)
    text = _output_text(values)
    limit = org.clock.now() + _dt.timedelta(days=within)
    missed, extra = [], []
    for server in org.servers:
        for view in server.certificates():
            if str(view.Status) == "PendingRequest":
                continue
            listed = view.Thumbprint.casefold() in text
            due = view.NotAfter < limit
            days = (view.NotAfter - org.clock.now()).days
            label = "%s on %s (%s, %s)" % (view.Thumbprint, server.name, view.Subject,
                                            "%d days left" % days if days >= 0
                                            else "expired %d days ago" % -days)
            if due and not listed:
                missed.append(label)
            elif listed and not due:
                extra.append(label)
    problems = []
    if missed:
        problems.append("it missed " + "; ".join(missed))
    if extra:
        problems.append("it listed " + "; ".join(extra))
    return "%s, %s" % (where, " and ".join(problems)) if problems else ""


def _expiring_report(params, shell, start) -> str:
    from ..exchange.clock import FixedClock
    from ..exchange.definition import build_organization
    from ..exchange.keys import PoolKeySource, SeededSerials, extra_lab_keys_source
    try:
        real = shell.drive.resolve(params["path"], shell.location)
        if not real.exists:
            return "there is no file %s" % params["path"]
        raw = shell.drive.read_bytes(real)
    except OSError as e:
        return "%s cannot be read (%s)" % (params["path"], e)
    script = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8-sig", "replace")
    within = params.get("within_days", 60)
    own = _expiring_on(shell.organization, script, shell.drive_root, within, "On your organisation",
                       shell)
    if own:
        return own
    if params.get("organization"):
        hidden = build_organization(
            params["organization"], version=shell.organization.profile.version,
            clock=FixedClock(shell.organization.clock.now()),
            key_source=PoolKeySource(fallback=extra_lab_keys_source()), serials=SeededSerials("hidden"))
        return _expiring_on(hidden, script, shell.drive_root, within,
                            "On another organisation (the grader's)", shell)
    return ""


_EVALUATORS = {"certificate": _certificate, "no_certificate": _no_certificate, "tls": _tls,
               "pfx": _pfx, "auth_certificate": _auth, "file": _file, "expression": _expression,
               "expiring_report": _expiring_report}

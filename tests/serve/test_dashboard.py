"""The trainer's dashboard: nothing without the token (Bearer header, or the cookie the
login sets), escaping of everything learners and rosters bring, the security headers,
the JSON and CSV, the actions; and the page as headless Chromium renders it -- the
class, an HTML name shown as text, a live update without a reload."""
import csv
import io
import json

import pytest

from . import cdp
from .conftest import needs_ssh

pytestmark = needs_ssh

PAGES = ["/", "/api/class", "/class.csv", "/learner/x", "/api/learner/x", "/events"]


def test_nothing_without_the_token(server):
    for path in PAGES:
        for token in (False, "not-the-token-at-all"):
            status, headers, body = server.http(path, token=token)
            assert status == 401, path
            assert "alice" not in body and "Test class" not in body
    # An HTML client gets the login form (still 401).
    status, headers, body = server.http("/", token=False, headers={"Accept": "text/html"})
    assert status == 401 and "Trainer token" in body
    for path in ("/action/reset", "/action/time", "/action/end-exam", "/action/grade"):
        status, _, _ = server.http(path, token=False, method="POST", data=b"learner=x")
        assert status == 401, path


def test_headers_and_escaping(server):
    status, headers, body = server.http("/")
    assert status == 200
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "Alice &lt;b&gt;Martin&lt;/b&gt;" in body and "<b>Martin" not in body
    assert "Test class &lt;i&gt;December&lt;/i&gt;" in body
    # Every script the page loads is a file of the server's own; no inline script.
    assert body.count("<script") == 1 and 'src="/static/dashboard.js"' in body


def test_json_and_the_grade_book(server):
    data = server.api()
    assert [l["name"] for l in data["learners"]] == ["alice", "bob", "<script>alert(1)</script>"]
    assert [lab["id"] for lab in data["labs"]] == ["renew-2010", "enterprise-ca"]
    status, headers, body = server.http("/class.csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows[0][:4] == ["learner", "full_name", "status", "renew-2010 tasks passed"]
    assert [r[0] for r in rows[1:]] == ["alice", "bob", "<script>alert(1)</script>"]


def test_the_login_form_sets_a_cookie_and_actions_need_the_form_token(server):
    import http.cookiejar
    import urllib.request
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with pytest.raises(urllib.error.HTTPError) as refused:
        opener.open(server.web + "/login", data=b"token=wrong", timeout=30)
    assert refused.value.code == 401
    with opener.open(server.web + "/login", data=urllib.parse.urlencode(
            {"token": server.token}).encode(), timeout=30) as response:
        page = response.read().decode()
    assert response.status == 200 and "learner-" in page
    form = page.split('name="exshell-form" content="', 1)[1].split('"', 1)[0]
    slug = server.learner("alice")["slug"]
    # A post with the cookie but without the form token (another site's form) fails.
    with pytest.raises(urllib.error.HTTPError) as forged:
        opener.open(server.web + "/action/time", data=urllib.parse.urlencode(
            {"learner": slug, "minutes": "5"}).encode(), timeout=30)
    assert forged.value.code == 403
    with opener.open(server.web + "/action/time", data=urllib.parse.urlencode(
            {"learner": slug, "minutes": "5", "form": form}).encode(), timeout=30) as response:
        assert response.status == 200
    assert server.learner("alice")["extra_minutes"] == 5


def test_reset_and_grade_actions(server):
    slug = server.learner("bob")["slug"]
    server.ssh("bob", "renew-2010", input="Get-ExchangeCertificate | New-ExchangeCertificate\nY\n")
    def act(path, **fields):
        return server.http(path, method="POST", data=json.dumps(fields).encode(),
                           headers={"Content-Type": "application/json"})
    status, _, body = act("/action/grade", learner=slug, lab="renew-2010")
    assert status == 200 and json.loads(body)["done"] is True
    before = server.ssh("bob", "renew-2010", input="@(Get-ExchangeCertificate).Count\n").stdout
    assert "\n2\n" in before
    status, _, _ = act("/action/reset", learner=slug, lab="renew-2010")
    assert status == 200
    after = server.ssh("bob", "renew-2010", input="@(Get-ExchangeCertificate).Count\n").stdout
    assert "\n1\n" in after
    assert act("/action/reset", learner="nobody", lab="renew-2010")[0] == 404
    assert act("/action/reset", learner=slug, lab="no-lab")[0] == 404
    assert act("/action/time", learner=slug, minutes="lots")[0] == 400


@pytest.fixture
def browser():
    if not cdp.available():
        pytest.skip("Debian's chromium package is not installed")
    b = cdp.Browser()
    yield b
    b.close()


def test_the_page_in_chromium(server, browser):
    browser.open(server.web + "/")                        # no token: the login form
    assert "Trainer token" in browser.eval("document.body.textContent")
    assert browser.eval("document.querySelectorAll('table.class').length") == 0
    browser.open(server.web + "/login?token=" + server.token)   # the link printed at start
    assert browser.eval("location.pathname") == "/"
    browser.wait_for("document.documentElement.getAttribute('data-live') === 'on'")
    rows = browser.eval("Array.from(document.querySelectorAll('tbody tr th.who a'))"
                        ".map(function(a){return a.textContent})")
    assert rows == ["alice", "bob", "<script>alert(1)</script>"]
    # The HTML in names is text: no element came out of it.
    assert browser.eval("document.querySelectorAll('th.who b, th.who script').length") == 0
    assert browser.text("class").count("Alice <b>Martin</b>") == 1
    assert browser.eval("document.title").startswith("Test class <i>December</i>")
    # A learner works: the page follows without a reload.
    browser.eval("window.notReloaded = true")
    server.ssh("alice", "renew-2010", input="Get-LabHint\n")
    slug = server.learner("alice")["slug"]
    browser.wait_for("(function(){var c=document.querySelector('#learner-%s td.task');"
                     "return c && c.textContent.indexOf('1h') >= 0})()" % slug)
    assert browser.eval("window.notReloaded") is True
    # A learner's page: their checks and command log, escaped.
    browser.open(server.web + "/learner/" + slug)
    browser.wait_for("document.documentElement.getAttribute('data-live') === 'on'")
    assert "Get-LabHint" in browser.text("commands")
    assert browser.text("name").startswith("alice")

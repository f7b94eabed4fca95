"""A headless Chromium driven over the DevTools protocol (aiohttp's WebSocket client):
open a page, read what the rendered page shows (JavaScript evaluated in it), wait for
it to change.  Needs Debian's ``chromium``; the tests skip without it."""
import asyncio
import os
import re
import shutil
import subprocess
import tempfile
import time

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--remote-debugging-port=0"]


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="exshell-chromium-")
        self.proc = subprocess.Popen([CHROMIUM, *FLAGS, "--user-data-dir=%s" % self.profile,
                                      "about:blank"], stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 30
        self.port = None
        while time.time() < deadline:
            line = self.proc.stderr.readline()
            if not line:
                break
            found = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line)
            if found:
                self.port = int(found.group(1))
                break
        assert self.port, "Chromium did not start"
        self.loop = asyncio.new_event_loop()
        self.ws = None
        self.session = None
        self._id = 0
        self.loop.run_until_complete(self._connect())

    async def _connect(self):
        import aiohttp
        self.session = aiohttp.ClientSession()
        async with self.session.get("http://127.0.0.1:%d/json/list" % self.port) as r:
            pages = await r.json()
        page = next(p for p in pages if p["type"] == "page")
        self.ws = await self.session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0)
        await self._call("Page.enable")

    async def _call(self, method, **params):
        self._id += 1
        ident = self._id
        await self.ws.send_json({"id": ident, "method": method, "params": params})
        while True:
            message = await self.ws.receive_json()
            if message.get("id") == ident:
                return message.get("result", {})

    def open(self, url, settle=0.3):
        async def go():
            await self._call("Page.navigate", url=url)
            deadline = time.time() + 20
            while time.time() < deadline:
                state = await self._eval("document.readyState")
                if state == "complete":
                    break
                await asyncio.sleep(0.05)
            await asyncio.sleep(settle)
        self.loop.run_until_complete(go())

    async def _eval(self, expression):
        result = await self._call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def eval(self, expression):
        return self.loop.run_until_complete(self._eval(expression))

    def text(self, element_id):
        return self.eval("(function(){var e=document.getElementById(%r);return e?e.textContent:null})()"
                         % element_id)

    def wait_for(self, expression, timeout=15):
        deadline = time.time() + timeout
        value = None
        while time.time() < deadline:
            value = self.eval(expression)
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError("timed out waiting for %s (last: %r)" % (expression, value))

    def close(self):
        try:
            if self.ws is not None:
                self.loop.run_until_complete(self.ws.close())
            if self.session is not None:
                self.loop.run_until_complete(self.session.close())
        finally:
            self.loop.close()
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            shutil.rmtree(self.profile, ignore_errors=True)


def available():
    return os.path.exists(CHROMIUM)

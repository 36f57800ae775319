"""Real servers for the browser tests: `tsunagu demo` on a free loopback port with its own data folder and a real
SMTP server (aiosmtpd) receiving its mail, and Debian's headless Chromium."""
import email
import email.policy
import os
import pathlib
import socket
import subprocess
import tempfile
import time
import ssl
import urllib.request

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/lib/chromium/chromium"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(check, what, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not start")


class SMTPServer:
    """Debian's aiosmtpd storing every received mail in a Maildir."""

    def __init__(self):
        self.root = pathlib.Path(tempfile.mkdtemp(prefix="tsunagu-smtp-"))
        self.maildir = self.root / "mail"
        self.port = free_port()
        self.process = subprocess.Popen(
            ["/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{self.port}", "-c",
             "aiosmtpd.handlers.Mailbox", str(self.maildir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        def accepts():
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return True
            except OSError:
                return False

        wait_for(accepts, "aiosmtpd", 20)

    def mails(self):
        folder = self.maildir / "new"
        if not folder.exists():
            return []
        return [email.message_from_bytes(p.read_bytes(), policy=email.policy.default) for p in sorted(folder.iterdir())]

    def stop(self):
        self.process.send_signal(2)  # aiosmtpd stops on SIGINT
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()


class TsunaguServer:
    def __init__(self, extra_env=None):
        self.binary = os.environ.get("TSUNAGU_BINARY", ".build/debug/tsunagu")
        self.data = tempfile.mkdtemp(prefix="tsunagu-e2e-")
        self.port = free_port()
        self.env = dict(os.environ, PORT=str(self.port), HOST="127.0.0.1", DATA_DIRECTORY=self.data, **(extra_env or {}))
        self.log_path = os.path.join(self.data, "server.log")
        self.start()

    def start(self):
        env = self.env
        self.log = open(self.log_path, "a")
        self.process = subprocess.Popen([self.binary, "demo"], env=env, stdout=self.log, stderr=subprocess.STDOUT)
        scheme = "https" if "TLS_CERT" in env else "http"
        self.url = f"{scheme}://127.0.0.1:{self.port}"
        # The tests' own throwaway certificate is not trusted by anyone: skip verification for the readiness probe.
        context = ssl._create_unverified_context() if scheme == "https" else None

        def healthy():
            if self.process.poll() is not None:
                raise RuntimeError("tsunagu demo exited:\n" + open(self.log_path).read())
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=1, context=context) as response:
                    return response.status == 200
            except OSError:
                return False

        wait_for(healthy, "tsunagu demo")

    def __getitem__(self, key):
        return {"url": self.url, "data": self.data, "log": self.log_path}[key]

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def kill(self):
        """Like a power cut for the process: no chance to flush or finish anything."""
        self.process.send_signal(9)
        self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def smtp():
    server = SMTPServer()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def server(smtp):
    instance = TsunaguServer({"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(smtp.port), "SMTP_FROM": "noreply@tsunagu.test"})
    yield instance
    instance.stop()


@pytest.fixture
def fresh_server():
    """A server of its own, for tests that change tenant-wide settings."""
    instance = TsunaguServer()
    yield instance
    instance.stop()


@pytest.fixture
def phone_server():
    """A server of its own whose simulated carrier runs 20 times faster than real time."""
    instance = TsunaguServer({"SIMULATED_TIME_SCALE": "20"})
    yield instance
    instance.stop()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ja-JP")
    page = context.new_page()
    yield page
    context.close()


def sign_in(page, server, login_id, password, tenant="demo"):
    page.goto(server["url"] + "/login")
    page.get_by_label("契約顧客コード").fill(tenant)
    page.get_by_label("ユーザID").fill(login_id)
    page.get_by_label("パスワード").fill(password)
    page.get_by_role("button", name="ログイン").click()

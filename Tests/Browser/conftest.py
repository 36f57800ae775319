"""Starts a real `tsunagu demo` server on a free loopback port with its own data folder, and a headless Chromium."""
import os
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/lib/chromium/chromium"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server():
    binary = os.environ.get("TSUNAGU_BINARY", ".build/debug/tsunagu")
    data = tempfile.mkdtemp(prefix="tsunagu-e2e-")
    port = free_port()
    env = dict(os.environ, PORT=str(port), HOST="127.0.0.1", DATA_DIRECTORY=data)
    log = open(os.path.join(data, "server.log"), "w")
    process = subprocess.Popen([binary, "demo"], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/health", timeout=1) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.time() > deadline:
            process.kill()
            raise RuntimeError("tsunagu demo did not start:\n" + open(os.path.join(data, "server.log")).read())
        time.sleep(0.2)
    yield {"url": base, "data": data, "log": os.path.join(data, "server.log")}
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


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

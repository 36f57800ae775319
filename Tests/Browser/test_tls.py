"""`tsunagu serve` over TLS with an operator's certificate: the session cookie is Secure; over plain HTTP it is not."""
import os
import subprocess
import tempfile

import pytest

from conftest import TsunaguServer, sign_in


@pytest.fixture
def tls_server():
    folder = tempfile.mkdtemp(prefix="tsunagu-tls-")
    cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert],
        check=True, capture_output=True)
    server = TsunaguServer({"TLS_CERT": cert, "TLS_KEY": key})
    yield server
    server.stop()


def session_cookie(context):
    return next(c for c in context.cookies() if c["name"] == "tsunagu_session")


def test_https_session_cookie_is_secure(tls_server, browser):
    assert tls_server["url"].startswith("https://")
    context = browser.new_context(locale="ja-JP", ignore_https_errors=True)
    page = context.new_page()
    sign_in(page, tls_server, "agent1", "tsunagu-demo")
    page.wait_for_url(tls_server["url"] + "/")
    cookie = session_cookie(context)
    assert cookie["secure"] and cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    context.close()


def test_plain_http_on_localhost_cookie_is_not_secure(server, browser):
    context = browser.new_context(locale="ja-JP")
    page = context.new_page()
    sign_in(page, server, "agent1", "tsunagu-demo")
    page.wait_for_url(server["url"] + "/")
    cookie = session_cookie(context)
    assert not cookie["secure"] and cookie["httpOnly"]
    context.close()

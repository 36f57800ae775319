"""つなぐ/Phone on a real SIP trunk: `tsunagu demo` with TELEPHONY=sip, the trunk set on 設定, and SIPp playing the
carrier (Tests/SIPTests/SIPp/trunk-phone-screen.xml). Outcomes come from SIP signalling."""
import os
import sqlite3
import subprocess
import time

import pytest
from playwright.sync_api import expect

from conftest import TsunaguServer, free_port
from phone_helpers import download, expect_cursor, expect_result, expect_status, number_of, open_phone, row, set_settings

SCENARIO = os.path.join(os.path.dirname(__file__), "..", "SIPTests", "SIPp", "trunk-phone-screen.xml")


def free_udp_port():
    import socket
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def sipp_trunk(tmp_path):
    port = free_udp_port()
    errors = tmp_path / "sipp-errors.log"
    process = subprocess.Popen(
        ["/usr/bin/sipp", "-sf", SCENARIO, "-i", "127.0.0.1", "-p", str(port), "-nostdin", "-trace_err",
         "-error_file", str(errors)],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.3)
    yield {"port": port, "errors": errors}
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def sip_server():
    instance = TsunaguServer({"TELEPHONY": "sip", "SIP_HOST": "127.0.0.1", "SIP_PORT": str(free_udp_port())})
    yield instance
    instance.stop()


def test_auto_dial_through_a_sip_trunk(sip_server, sipp_trunk, page):
    server = sip_server
    set_settings(page, server, sipHost="127.0.0.1", sipPort=sipp_trunk["port"], sipTransport="udp",
                 sipCallerID="0399999999")
    # The lamp is green only once the trunk answered OPTIONS.
    open_phone(page, server)
    download(page, 25)

    # §3-2 on signalling: No.1 is busy (486) and moves on by itself; No.2 rings, answers and stays.
    page.locator("#start").click()
    expect_result(page, 1, "不応答", "話し中", timeout=15_000)
    expect_result(page, 2, "応答", timeout=15_000)
    expect_status(page, "通話中 " + number_of(2))
    expect_cursor(page, 2)
    page.locator("#dialpad-hangup").click()
    expect_status(page, "待機中")
    expect_cursor(page, 3)

    # Both calls are in the database like simulated ones, with the SIP final status code kept.
    database = sqlite3.connect(os.path.join(server["data"], "tsunagu.sqlite"))
    deadline = time.time() + 10
    while True:
        codes = [r[0] for r in database.execute(
            "SELECT sip_status FROM call_attempts WHERE ended_at IS NOT NULL ORDER BY started_at")]
        if len(codes) >= 2 or time.time() > deadline:
            break
        time.sleep(0.2)
    assert codes[:2] == [486, 200]
    assert not sipp_trunk["errors"].exists() or "Aborting" not in sipp_trunk["errors"].read_text(), \
        sipp_trunk["errors"].read_text()


def test_lamp_is_red_when_the_trunk_is_silent(sip_server, page):
    server = sip_server
    set_settings(page, server, sipHost="127.0.0.1", sipPort=free_udp_port(), sipCallerID="0399999999")
    from conftest import sign_in
    sign_in(page, server, "agent1", "tsunagu-demo")
    page.wait_for_url(server["url"] + "/")
    page.goto(server["url"] + "/phone")
    expect(page.locator("#lamp")).to_have_attribute("data-ready", "false", timeout=15_000)
    expect(page.locator("#lamp")).to_have_attribute("title", "SIPトランクが応答しません。")

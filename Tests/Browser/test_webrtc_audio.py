"""The agent hears the customer: headless Chromium with a fake microphone → Tsunagu (TELEPHONY=sip, RTPENGINE_NG)
→ a real rtpengine (ICE + DTLS-SRTP ↔ plain RTP) → SIPp as the trunk, answering and echoing RTP back.
scripts/test runs this file inside a network namespace with only `lo` (unshare -n), so no packet leaves."""
import os
import re
import socket
import sqlite3
import subprocess
import time

import pytest
from playwright.sync_api import expect, sync_playwright

from conftest import CHROMIUM, TsunaguServer, wait_for
from phone_helpers import set_settings, expect_status

SCENARIO = os.path.join(os.path.dirname(__file__), "..", "SIPTests", "SIPp", "trunk-phone-screen.xml")


def free_udp_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ng(port, command, **fields):
    """One ng request, for checking rtpengine's own view (bencode by hand: the test must not trust our client)."""
    def encode(value):
        if isinstance(value, str):
            value = value.encode()
        if isinstance(value, bytes):
            return b"%d:%s" % (len(value), value)
        if isinstance(value, dict):
            return b"d" + b"".join(encode(k) + encode(value[k]) for k in sorted(value)) + b"e"
        raise TypeError(value)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(2)
        # A fresh cookie each time: rtpengine answers a repeated cookie from its cache.
        s.sendto(os.urandom(8).hex().encode() + b" " + encode(dict(command=command, **fields)), ("127.0.0.1", port))
        return s.recvfrom(65536)[0].decode(errors="replace")


class RTPEngine:
    def __init__(self):
        self.port = free_udp_port()
        base = 32000 + (os.getpid() % 50) * 100
        self.process = subprocess.Popen(
            ["/usr/bin/rtpengine", "--config-file=none", "--table=-1", "--foreground", "--log-stderr",
             "--log-level=5", "--interface=127.0.0.1", f"--listen-ng=127.0.0.1:{self.port}",
             f"--port-min={base}", f"--port-max={base + 99}", "--delete-delay=0"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        def pong():
            try:
                return "pong" in ng(self.port, "ping")
            except OSError:
                return False
        wait_for(pong, "rtpengine", 20)

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=5)


@pytest.fixture
def rtpengine():
    engine = RTPEngine()
    yield engine
    engine.stop()


echo_trunk_logs = {}


def trunk_log(port):
    """What SIPp logged (-trace_logs): the tones it got as SIP INFO."""
    text = ""
    for name in os.listdir(echo_trunk_logs[port]):
        if name.endswith("_logs.log"):
            with open(os.path.join(echo_trunk_logs[port], name), errors="replace") as f:
                text += f.read()
    return text


@pytest.fixture
def echo_trunk(tmp_path):
    port = free_udp_port()
    process = subprocess.Popen(
        ["/usr/bin/sipp", "-sf", SCENARIO, "-i", "127.0.0.1", "-p", str(port), "-mp", str(free_udp_port()),
         "-rtp_echo", "-nostdin", "-trace_err", "-trace_logs", "-error_file", str(tmp_path / "sipp-errors.log")],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.3)
    echo_trunk_logs[port] = tmp_path
    yield port
    process.kill()
    process.wait(timeout=5)


@pytest.fixture(scope="module")
def media_browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            "--allow-loopback-in-peer-connection"])
        yield browser
        browser.close()


def audio_server(rtpengine_port):
    return TsunaguServer({"TELEPHONY": "sip", "SIP_HOST": "127.0.0.1", "SIP_PORT": str(free_udp_port()),
                          "RTPENGINE_NG": f"127.0.0.1:{rtpengine_port}"})


def open_phone_with_audio(browser, server, trunk_port, **trunk):
    context = browser.new_context(locale="ja-JP")
    page = context.new_page()
    set_settings(page, server, sipHost="127.0.0.1", sipPort=trunk_port, sipTransport="udp", sipCallerID="0399999999",
                 **trunk)
    from conftest import sign_in
    sign_in(page, server, "agent1", "tsunagu-demo")
    page.wait_for_url(server["url"] + "/")
    page.goto(server["url"] + "/phone")
    return page


def rtp_counts(page):
    return page.evaluate("""async () => {
        const pc = window.tsunaguMedia.pc;
        if (!pc) return null;
        const counts = { sent: 0, received: 0, state: pc.connectionState };
        (await pc.getStats()).forEach((report) => {
            if (report.type === "outbound-rtp" && report.kind === "audio") counts.sent += report.packetsSent;
            if (report.type === "inbound-rtp" && report.kind === "audio") counts.received += report.packetsReceived;
        });
        return counts;
    }""")


def dial_from_pad(page, number):
    page.locator("#dialpad-number").fill(number)
    page.locator("#dialpad-call").click()


def wait_for_rtp(page, enough, seconds):
    """Polls getStats() until `enough(counts)` or the time is up; returns the last counts."""
    deadline = time.time() + seconds
    counts = None
    while time.time() < deadline:
        counts = rtp_counts(page)
        if counts and enough(counts):
            break
        time.sleep(0.2)
    return counts


def test_audio_flows_both_ways_and_the_session_is_deleted_after_hang_up(rtpengine, echo_trunk, media_browser):
    server = audio_server(rtpengine.port)
    try:
        page = open_phone_with_audio(media_browser, server, echo_trunk)
        # Green only with the microphone granted, the trunk answering OPTIONS and rtpengine answering ping.
        expect(page.locator("#lamp")).to_have_attribute("data-ready", "true", timeout=15_000)
        expect(page.locator("#audio-note")).to_be_hidden()
        dial_from_pad(page, "03-1234-5678")
        expect_status(page, "通話中 0312345678")

        counts = wait_for_rtp(page, lambda c: c["sent"] > 50 and c["received"] > 50, 15)
        assert counts and counts["state"] == "connected", counts
        assert counts["sent"] > 50 and counts["received"] > 50, counts

        # Dial-pad keys during the call are RFC 4733 tones on the audio (telephone-event kept through rtpengine).
        page.locator("#dialpad-keys button", has_text="1").click()
        page.locator("#dialpad-keys button", has_text="#").click()
        page.wait_for_function("() => window.tsunaguMedia.tonesSent.join('') === '1#'", timeout=5_000)
        expect(page.locator("#dialpad-number")).to_have_value("03-1234-5678")

        database = sqlite3.connect(os.path.join(server["data"], "tsunagu.sqlite"))
        (attempt,) = database.execute("SELECT id FROM call_attempts ORDER BY started_at DESC LIMIT 1").fetchone()
        call_id = f"{str(attempt).lower()}@tsunagu"
        assert "result2:ok" in ng(rtpengine.port, "query", **{"call-id": call_id})

        page.locator("#dialpad-hangup").click()
        expect_status(page, "待機中")
        wait_for(lambda: "Unknown call-id" in ng(rtpengine.port, "query", **{"call-id": call_id}),
                 "the media session's removal", 10)
        # A fresh offer is ready for the next call.
        page.wait_for_function("() => window.tsunaguMedia.offer !== null && !window.tsunaguMedia.used", timeout=10_000)
    finally:
        server.stop()


def test_early_media_plays_while_it_rings(rtpengine, echo_trunk, media_browser):
    """A 183 with SDP (ringback, an announcement) reaches the agent before the answer: packets arrive while the
    screen still says 呼出中, and the call then goes on to 通話中 on the same peer connection."""
    server = audio_server(rtpengine.port)
    try:
        page = open_phone_with_audio(media_browser, server, echo_trunk)
        expect(page.locator("#lamp")).to_have_attribute("data-ready", "true", timeout=15_000)
        dial_from_pad(page, "03-0000-2000")
        expect_status(page, "呼出中")
        counts = wait_for_rtp(page, lambda c: c["received"] > 20, 3.5)
        assert counts and counts["received"] > 20, counts
        assert "呼出中" in page.locator("#call-status").inner_text(), "heard before the answer"
        early = page.evaluate("() => window.tsunaguMedia.pc.remoteDescription.type")
        assert early == "pranswer", early
        expect_status(page, "通話中", timeout=10_000)
        page.wait_for_function("() => window.tsunaguMedia.pc.remoteDescription.type === 'answer'", timeout=5_000)
        before = rtp_counts(page)["received"]
        wait_for(lambda: rtp_counts(page)["received"] > before + 20, "audio after the answer", 5)
        page.locator("#dialpad-hangup").click()
        expect_status(page, "待機中")
    finally:
        server.stop()


def test_a_trunk_that_wants_sip_info_gets_the_tones_there(rtpengine, echo_trunk, media_browser):
    """With SIPトランク: トーン(DTMF)の送り方 = SIP INFO, dial-pad keys go to the server and reach the trunk as INFO,
    in order; the browser sends no RFC 4733 events then."""
    server = audio_server(rtpengine.port)
    try:
        page = open_phone_with_audio(media_browser, server, echo_trunk, sipDTMF="sipInfo")
        expect(page.locator("#lamp")).to_have_attribute("data-ready", "true", timeout=15_000)
        dial_from_pad(page, "03-1234-5678")
        expect_status(page, "通話中 0312345678")
        for key in ["1", "#", "9"]:
            page.locator("#dialpad-keys button", has_text=key).click()
        wait_for(lambda: re.findall(r"tone ([0-9*#])", trunk_log(echo_trunk)) == ["1", "#", "9"], "three INFO tones", 10)
        assert page.evaluate("() => window.tsunaguMedia.tonesSent.length") == 0
        expect(page.locator("#dialpad-number")).to_have_value("03-1234-5678")
        page.locator("#dialpad-hangup").click()
        expect_status(page, "待機中")
    finally:
        server.stop()


def test_rtpengine_down_turns_the_lamp_red_and_refuses_the_call(rtpengine, echo_trunk, media_browser):
    server = audio_server(rtpengine.port)
    try:
        rtpengine.stop()
        page = open_phone_with_audio(media_browser, server, echo_trunk)
        expect(page.locator("#lamp")).to_have_attribute("data-ready", "false", timeout=15_000)
        expect(page.locator("#lamp")).to_have_attribute(
            "title", re.compile("音声サーバー\\(rtpengine\\)が応答しません"), timeout=15_000)
        dial_from_pad(page, "03-1234-5678")
        expect(page.locator("#notice")).not_to_be_empty(timeout=10_000)
    finally:
        server.stop()


def test_simulated_mode_says_there_is_no_audio(phone_server, media_browser):
    from phone_helpers import open_phone
    page = media_browser.new_context(locale="ja-JP").new_page()
    open_phone(page, phone_server)
    expect(page.locator("#audio-note")).to_have_text("シミュレーションのため、通話の音声はありません。")


def test_a_denied_microphone_keeps_the_lamp_red_and_says_how_to_allow_it(rtpengine, echo_trunk, media_browser):
    server = audio_server(rtpengine.port)
    try:
        context = media_browser.new_context(locale="ja-JP")
        # What the browser answers when the agent clicks ブロック on its permission prompt.
        context.add_init_script(
            "navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'))")
        page = context.new_page()
        set_settings(page, server, sipHost="127.0.0.1", sipPort=echo_trunk, sipTransport="udp", sipCallerID="0399999999")
        from conftest import sign_in
        sign_in(page, server, "agent1", "tsunagu-demo")
        page.wait_for_url(server["url"] + "/")
        page.goto(server["url"] + "/phone")
        expect(page.locator("#lamp")).to_have_attribute(
            "title", re.compile("マイクの使用が許可されていません。.*許可"), timeout=15_000)
        expect(page.locator("#lamp")).to_have_attribute("data-ready", "false")
    finally:
        server.stop()

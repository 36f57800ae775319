"""The WebRTC call-timing figures: over N calls (BENCH_CALLS, default 100) from the real phone screen with audio,
the time from the agent's click to the INVITE reaching the trunk, and from the trunk's 200 OK to the browser's peer
connection being connected. Headless Chromium (fake microphone) → tsunagu (debug or release binary, TSUNAGU_BINARY)
→ rtpengine → SIPp echoing RTP, all on loopback. Run through scripts/bench-webrtc (inside a network namespace)."""
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "Browser"))
from playwright.sync_api import expect, sync_playwright  # noqa: E402

from conftest import CHROMIUM  # noqa: E402
from test_webrtc_audio import SCENARIO, RTPEngine, audio_server, free_udp_port, open_phone_with_audio  # noqa: E402

CALLS = int(os.environ.get("BENCH_CALLS", "100"))


def sipp_times(trace):
    """(received INVITE times, sent 200-to-INVITE times) from SIPp's message trace, in epoch seconds."""
    invites, oks = [], []
    for block in open(trace, encoding="latin-1").read().split("----------------------------------------------- ")[1:]:
        header, _, message = block.partition("\n")
        stamp = re.match(r"(\d{4}-\d\d-\d\d)\s+(\d\d:\d\d:\d\d\.\d+)", header)
        if not stamp:
            continue
        at = datetime.strptime(f"{stamp.group(1)} {stamp.group(2)}", "%Y-%m-%d %H:%M:%S.%f").timestamp()
        body = message.split("\n", 2)[-1].lstrip()
        if "message received" in message and body.startswith("INVITE "):
            invites.append(at)
        if "message sent" in message and body.startswith("SIP/2.0 200") and re.search(r"CSeq:\s*\d+ INVITE", body):
            oks.append(at)
    return invites, oks


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int((len(ordered) - 1) * fraction))]


def main():
    folder = tempfile.mkdtemp(prefix="tsunagu-webrtc-bench-")
    trace = os.path.join(folder, "sipp-messages.log")
    engine = RTPEngine()
    trunk_port = free_udp_port()
    sipp = subprocess.Popen(
        ["/usr/bin/sipp", "-sf", SCENARIO, "-i", "127.0.0.1", "-p", str(trunk_port), "-mp", str(free_udp_port()),
         "-rtp_echo", "-nostdin", "-trace_msg", "-message_file", trace],
        cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.3)
    server = audio_server(engine.port)
    clicks, connected = [], []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
                "--no-sandbox", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--allow-loopback-in-peer-connection"])
            page = open_phone_with_audio(browser, server, trunk_port)
            expect(page.locator("#lamp")).to_have_attribute("data-ready", "true", timeout=15_000)
            page.locator("#dialpad-number").fill("03-1234-5678")
            for _ in range(CALLS):
                page.wait_for_function("() => window.tsunaguMedia.pc && window.tsunaguMedia.offer && !window.tsunaguMedia.used",
                                       timeout=10_000)
                times = page.evaluate("""() => new Promise((resolve) => {
                    const pc = window.tsunaguMedia.pc;
                    const clicked = Date.now();
                    pc.addEventListener("connectionstatechange", () => {
                        if (pc.connectionState === "connected") resolve({ clicked, connected: Date.now() });
                    });
                    document.getElementById("dialpad-call").click();
                    setTimeout(() => resolve({ clicked, connected: null }), 10000);
                })""")
                clicks.append(times["clicked"] / 1000)
                connected.append(times["connected"] / 1000 if times["connected"] else None)
                page.locator("#dialpad-hangup").click()
                expect(page.locator("#call-status")).to_contain_text("待機中", timeout=10_000)
            browser.close()
    finally:
        server.stop()
        sipp.kill()
        engine.stop()
    invites, oks = sipp_times(trace)
    if len(invites) != CALLS or len(oks) != CALLS:
        print(f"webrtc: expected {CALLS} INVITEs and 200s in SIPp's trace, found {len(invites)} and {len(oks)}")
        return 1
    to_invite = [(invite - click) * 1000 for click, invite in zip(clicks, invites)]
    to_connected = [(done - ok) * 1000 for ok, done in zip(oks, connected) if done is not None]
    failed = sum(1 for done in connected if done is None)
    print(f"webrtc calls: {CALLS} on loopback, {failed} without a connected peer connection")
    print(f"  click (発信) → INVITE at the trunk:   p50 {percentile(to_invite, 0.5):.1f} ms, "
          f"p99 {percentile(to_invite, 0.99):.1f} ms, mean {statistics.mean(to_invite):.1f} ms")
    print(f"  200 OK → browser connected (ICE+DTLS): p50 {percentile(to_connected, 0.5):.1f} ms, "
          f"p99 {percentile(to_connected, 0.99):.1f} ms, mean {statistics.mean(to_connected):.1f} ms")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

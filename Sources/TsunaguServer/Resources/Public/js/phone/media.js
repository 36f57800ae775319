// The agent's audio. Tsunagu never touches it: the browser talks WebRTC to rtpengine, which bridges it to the trunk.
// Each call gets a fresh peer connection whose offer is sent to the server before the call, so dialing never
// waits for the browser.
export class DeskMedia {
  constructor(sendQuietly) {
    this.sendQuietly = sendQuietly;
    this.audio = document.getElementById("remote-audio");
    this.note = document.getElementById("audio-note");
    this.stream = null;
    this.microphone = "unknown"; // unknown | asking | granted | denied
    this.pc = null;
    this.offer = null;
    this.used = false;
    this.callStartedAt = null;
    this.preparing = false;
    this.tonesSent = [];
    window.tsunaguMedia = this; // for the browser tests: getStats() of the current call
  }

  /// Called with every state from the server.
  update(desk) {
    if (desk.audio !== "webrtc") {
      this.note.textContent = desk.audioNote || "";
      this.note.hidden = !desk.audioNote;
      this.close();
      return;
    }
    this.note.hidden = true;
    if (this.microphone === "unknown") this.askMicrophone();
    const startedAt = desk.call ? desk.call.startedAt : null;
    if (startedAt !== null && startedAt !== this.callStartedAt) this.used = true; // the server took the offer
    this.callStartedAt = startedAt;
    if (startedAt === null && this.used) {
      this.close();
      this.prepare();
    }
  }

  async askMicrophone() {
    this.microphone = "asking";
    try {
      if (!navigator.mediaDevices) throw new Error("no secure context");
      this.stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      this.microphone = "granted";
      // The offer first: the lamp turns green on "granted", and a call then finds its offer ready.
      await this.prepare();
      this.sendQuietly("microphone", { value: true });
    } catch (error) {
      this.microphone = "denied";
      this.sendQuietly("microphone", { value: false });
    }
  }

  async prepare() {
    if (this.preparing || !this.stream) return;
    this.preparing = true;
    try {
      const pc = new RTCPeerConnection({ iceServers: [], bundlePolicy: "balanced", rtcpMuxPolicy: "require" });
      for (const track of this.stream.getAudioTracks()) pc.addTrack(track, this.stream);
      pc.ontrack = (event) => {
        this.audio.srcObject = event.streams[0] || new MediaStream([event.track]);
        this.audio.play().catch(() => {});
      };
      await pc.setLocalDescription(await pc.createOffer());
      // rtpengine gets the candidates in the SDP (no trickle towards SIP): wait for gathering, briefly.
      await new Promise((resolve) => {
        if (pc.iceGatheringState === "complete") return resolve();
        const done = () => pc.iceGatheringState === "complete" && resolve();
        pc.addEventListener("icegatheringstatechange", done);
        setTimeout(resolve, 1000);
      });
      this.pc = pc;
      this.used = false;
      this.offer = pc.localDescription.sdp;
      this.sendQuietly("mediaOffer", { sdp: this.offer });
    } finally {
      this.preparing = false;
    }
  }

  /// After a reconnection the server may have restarted: offer again what is not used yet.
  reoffer() {
    if (this.offer && !this.used) this.sendQuietly("mediaOffer", { sdp: this.offer });
    if (this.microphone === "granted" || this.microphone === "denied") {
      this.sendQuietly("microphone", { value: this.microphone === "granted" });
    }
  }

  /// The far end's media: a provisional answer (ringback, announcements) first, then the answer.
  async receive(message) {
    if (!this.pc) return;
    try {
      await this.pc.setRemoteDescription({ type: message.early ? "pranswer" : "answer", sdp: message.sdp });
    } catch (error) {
      console.warn("media answer refused", error);
    }
  }

  /// Dial-pad keys during a call (RFC 4733 events through rtpengine).
  sendDTMF(key) {
    const sender = this.pc && this.pc.getSenders().find((s) => s.dtmf);
    if (!sender || !sender.dtmf.canInsertDTMF) return false;
    sender.dtmf.ontonechange = (event) => event.tone && this.tonesSent.push(event.tone);
    // insertDTMF replaces what is still queued: keep the keys pressed before this one.
    sender.dtmf.insertDTMF(sender.dtmf.toneBuffer + key, 100, 70);
    return true;
  }

  close() {
    if (this.pc) this.pc.close();
    this.pc = null;
    this.offer = null;
    this.used = false;
  }
}

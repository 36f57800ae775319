// The phone screen's one WebSocket (JSON, version 1). Every action carries an id; the server acknowledges it
// once the change is committed. Edits not yet acknowledged are kept and sent again after a reconnection (they
// set a value, so sending twice is harmless); other actions are never repeated by themselves.
const PROTOCOL_VERSION = 1;
// Sent again after a reconnection until acknowledged; the server takes each of them twice without harm.
const REPEATABLE = new Set(["setDone", "setProspect", "setCallback", "editMemo", "editContactName", "moveCursor", "refuse"]);

export class DeskConnection {
  constructor({ onState, onAck, onNotice, onSignedOut, onConnectionChange, onDropped, onMedia, onReady }) {
    this.handlers = { onState, onAck, onNotice, onSignedOut, onConnectionChange, onDropped, onMedia, onReady };
    this.nextId = 1;
    this.pending = new Map();
    this.socket = null;
    this.connected = false;
    /// The server speaks first (the whole state); nothing is sent before that.
    this.ready = false;
    this.signedOut = false;
    this.retryDelay = 500;
    this.retryTimer = null;
  }

  get url() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    return `${scheme}://${location.host}/api/phone/socket`;
  }

  open() {
    clearTimeout(this.retryTimer);
    this.signedOut = false;
    const socket = new WebSocket(this.url);
    this.socket = socket;
    let opened = false;
    socket.addEventListener("open", () => {
      opened = true;
      this.connected = true;
      this.ready = false;
      this.retryDelay = 500;
      this.handlers.onConnectionChange(true);
    });
    socket.addEventListener("message", (event) => this.receive(event.data));
    socket.addEventListener("close", () => {
      if (this.socket !== socket) return;
      this.connected = false;
      this.ready = false;
      this.handlers.onConnectionChange(false);
      this.dropUnrepeatable();
      if (this.signedOut) return;
      if (!opened) {
        this.checkSignedIn().then((signedIn) => (signedIn ? this.retry() : this.markSignedOut("")));
      } else {
        this.retry();
      }
    });
  }

  retry() {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(), this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, 5000);
  }

  async checkSignedIn() {
    try {
      const response = await fetch("/api/session/csrf", { credentials: "same-origin" });
      const body = await response.json();
      return body.signedIn === true;
    } catch {
      return true; // The server is unreachable: keep trying to reconnect.
    }
  }

  markSignedOut(message) {
    this.signedOut = true;
    this.handlers.onSignedOut(message);
  }

  receive(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    switch (message.type) {
      case "state":
        this.handlers.onState(message);
        if (!this.ready) {
          this.ready = true;
          this.resendPending();
          if (this.handlers.onReady) this.handlers.onReady();
        }
        break;
      case "ack": {
        const sent = this.pending.get(message.id);
        if (message.ok) this.pending.delete(message.id);
        this.handlers.onAck(message, sent);
        break;
      }
      case "notice":
        this.handlers.onNotice(message.message);
        break;
      case "media":
        if (this.handlers.onMedia) this.handlers.onMedia(message);
        break;
      case "signedOut":
        this.markSignedOut(message.message);
        break;
    }
  }

  /// Sends an action; returns its id.
  send(type, fields = {}) {
    const id = this.nextId++;
    const message = { v: PROTOCOL_VERSION, id, type, ...fields };
    if (REPEATABLE.has(type)) {
      // A newer edit of the same field replaces the older one.
      for (const [otherId, other] of this.pending) {
        if (other.type === type && other.row === message.row) this.pending.delete(otherId);
      }
    }
    this.pending.set(id, message);
    if (this.connected && this.ready) this.socket.send(JSON.stringify(message));
    else if (this.connected) {
      // Sent as soon as the server's first state arrives.
    } else if (!REPEATABLE.has(type)) {
      this.pending.delete(id);
      this.handlers.onDropped(message);
    }
    return id;
  }

  /// Sends a message that is neither an edit nor an action the agent waits for (the browser's media state): only
  /// while connected, without an id, never counted as unsaved.
  sendQuietly(type, fields = {}) {
    if (this.connected && this.ready) this.socket.send(JSON.stringify({ v: PROTOCOL_VERSION, type, ...fields }));
  }

  resendPending() {
    for (const message of this.pending.values()) this.socket.send(JSON.stringify(message));
  }

  dropUnrepeatable() {
    for (const [id, message] of this.pending) {
      if (!REPEATABLE.has(message.type)) {
        this.pending.delete(id);
        this.handlers.onDropped(message);
      }
    }
  }

  get hasUnsavedEdits() {
    return [...this.pending.values()].some((message) => REPEATABLE.has(message.type) && message.type !== "moveCursor");
  }
}

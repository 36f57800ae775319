// The agent's phone screen. The dialer runs on the server; this page shows its state and sends the agent's actions.
import { DeskConnection } from "./connection.js";
import { ConfirmDialog, RefuseDialog, SignInDialog } from "./dialogs.js";
import { DeskTable } from "./table.js";
import { DialPad } from "./dialpad.js";
import { DeskMedia } from "./media.js";
import { CallbackDialog, CallbackSection } from "./callbacks.js";
import { PauseControl } from "./pause.js";

const root = document.getElementById("phone");
const labels = JSON.parse(root.dataset.labels);
const elements = {
  start: document.getElementById("start"),
  dial: document.getElementById("dial"),
  download: document.getElementById("download"),
  upload: document.getElementById("upload"),
  cursorNo: document.getElementById("cursor-no"),
  compact: document.getElementById("compact"),
  lamp: document.getElementById("lamp"),
  notice: document.getElementById("notice"),
  rowCount: document.getElementById("row-count"),
  saveState: document.getElementById("save-state"),
  savingPaused: document.getElementById("saving-paused"),
  talkScript: document.getElementById("talk-script"),
  talkScriptText: document.getElementById("talk-script-text"),
};
let desk = null;
let version = 0;
let online = false;

const connection = new DeskConnection({
  onState: receiveState,
  onAck: (ack, sent) => {
    if (callbackDialog.answered(ack.id, ack.ok, ack.message)) return showSaveState();
    if (ack.ok) table.confirmed(sent);
    else {
      table.refused(sent);
      if (ack.message) showNotice(ack.message);
    }
    showSaveState();
  },
  onNotice: showNotice,
  onSignedOut: (message) => {
    showLamp();
    signIn.show(message);
  },
  onConnectionChange: (connected) => {
    online = connected;
    showLamp();
    showSaveState();
  },
  onDropped: () => showNotice(labels.phoneNotSent),
  onMedia: (message) => media.receive(message),
  onReady: () => media.reoffer(),
});
const media = new DeskMedia((type, fields) => connection.sendQuietly(type, fields));

const actions = {
  send: (type, fields) => {
    const id = connection.send(type, fields);
    showSaveState();
    return id;
  },
  moveCursor: (index) => actions.send("moveCursor", { index }),
  typing: () => showSaveState(),
  refuse: (row) => refuseDialog.show(row),
  scheduleCallback: (row) => callbackDialog.show(row),
  // The trunk says where tones go: in the audio (RFC 4733), or to the server for SIP INFO.
  tone: (key) => {
    if (!desk || desk.tones !== "info") return media.sendDTMF(key);
    connection.sendQuietly("tone", { text: key });
    return true;
  },
};
const table = new DeskTable(labels, actions);
const dialPad = new DialPad(labels, actions);
const confirmDialog = new ConfirmDialog(labels, (key, accepted) => actions.send("answer", { confirmation: key, accepted }));
const signIn = new SignInDialog(labels, root, () => connection.open());
const refuseDialog = new RefuseDialog(labels, (row, note) => actions.send("refuse", { row, text: note }));
const callbackDialog = new CallbackDialog(labels, (row, date, time, note) =>
  actions.send("scheduleCallback", { row, date, time, text: note }),
);
const callbackSection = new CallbackSection(labels, (callback) => actions.send("dialCallback", { callback }));
const pauseControl = new PauseControl(labels, {
  pause: (reason) => actions.send("pause", { text: reason }),
  resume: () => actions.send("resume", {}),
});

document.title = `${labels.phoneTitle} — ${document.title.split(" — ").pop()}`;
elements.dial.textContent = labels.phoneDial;
elements.dial.title = `${labels.phoneDial} (Ctrl+Enter)`;
elements.download.textContent = labels.phoneDownload;
elements.upload.textContent = labels.phoneUpload;
document.getElementById("no-label").textContent = labels.phoneNo;
document.getElementById("compact-label").textContent = labels.phoneCompact;
elements.start.textContent = labels.phoneStart;
document.getElementById("talk-script-title").textContent = labels.phoneTalkScript;

elements.start.addEventListener("click", () => actions.send(desk && desk.armed ? "stop" : "start"));
elements.dial.addEventListener("click", () => actions.send("dial"));
elements.download.addEventListener("click", () => actions.send("download"));
elements.upload.addEventListener("click", () => actions.send("upload"));
elements.cursorNo.addEventListener("change", () => {
  const no = Number.parseInt(elements.cursorNo.value, 10);
  if (Number.isInteger(no)) actions.moveCursor(no - 1);
});
elements.compact.checked = localStorage.getItem("tsunagu.phone.compact") === "1";
document.body.classList.toggle("compact", elements.compact.checked);
elements.compact.addEventListener("change", () => {
  document.body.classList.toggle("compact", elements.compact.checked);
  localStorage.setItem("tsunagu.phone.compact", elements.compact.checked ? "1" : "0");
});
document.addEventListener("keydown", (event) => {
  if (event.ctrlKey && event.key === "Enter") {
    event.preventDefault();
    actions.send("dial");
  }
});
window.addEventListener("beforeunload", (event) => {
  if (connection.hasUnsavedEdits || table.typed.size > 0) {
    event.preventDefault();
    event.returnValue = labels.phoneLeaveWarning;
  }
});

function receiveState(message) {
  if (!message.full && message.version !== version + 1 && version !== 0) {
    // A state was missed: ask for everything again rather than show a wrong screen.
    connection.send("refresh");
  }
  version = message.version;
  desk = message.desk;
  table.opensCustomerEdit = desk.settings.numberOpensCustomerEdit;
  if (message.full) table.replaceAll(message.rows);
  else table.merge(message.rows);
  showDesk();
}

function showDesk() {
  table.followCursor = Boolean(desk.call) || desk.armed;
  table.showPosition(desk);
  elements.start.textContent = desk.armed ? labels.phoneStop : labels.phoneStart;
  elements.start.dataset.armed = String(desk.armed);
  elements.dial.hidden = !(desk.settings.dialingMode === "automatic" ? desk.armed : true);
  elements.dial.disabled = Boolean(desk.call);
  elements.upload.disabled = Boolean(desk.call) || desk.uploading;
  elements.download.disabled = desk.fetching;
  if (document.activeElement !== elements.cursorNo) elements.cursorNo.value = desk.rowCount ? desk.cursor + 1 : "";
  elements.cursorNo.max = String(desk.rowCount);
  elements.rowCount.textContent = desk.rowCountText;
  // The database is away: say so until the server has saved everything again.
  elements.savingPaused.hidden = !desk.savingPaused;
  elements.savingPaused.textContent = desk.savingPaused || "";
  dialPad.show(desk);
  // The list's talk script, filled in for the answered call (特定商取引法 §16).
  elements.talkScript.hidden = !desk.talkScript;
  elements.talkScriptText.textContent = desk.talkScript || "";
  callbackSection.show(desk.callbacks, Boolean(desk.call));
  pauseControl.show(desk.presence);
  media.update(desk);
  confirmDialog.show(desk.confirmation);
  showLamp();
  showSaveState();
}

function showLamp() {
  if (desk === null) {
    elements.lamp.dataset.ready = "false";
    elements.lamp.title = labels.phoneLampOffline;
    return;
  }
  const ready = online && desk !== null && desk.lamp.ready;
  elements.lamp.dataset.ready = String(ready);
  elements.lamp.title = !online ? labels.phoneLampOffline : ready ? labels.phoneLampReady : desk.lamp.reason || labels.phoneLampNotReady;
}

function showSaveState() {
  const waiting = connection.hasUnsavedEdits || table.typed.size > 0;
  const unsaved = table.rows.some((row) => !row.saved);
  elements.saveState.textContent = unsaved || (!online && waiting) ? labels.phoneUnsaved : waiting ? labels.phoneSaving : labels.phoneSaved;
  elements.saveState.dataset.state = unsaved || (!online && waiting) ? "unsaved" : waiting ? "saving" : "saved";
}

let noticeTimer = null;
function showNotice(text) {
  elements.notice.textContent = text;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => (elements.notice.textContent = ""), 15000);
}

connection.open();

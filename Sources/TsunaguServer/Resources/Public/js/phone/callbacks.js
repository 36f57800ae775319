// Timed callbacks (日時指定の再架電): the section above the list, and the dialog that sets one on a row. The section
// is not part of the list: it does not count toward the 500 rows and stays after アップロード.

/// The section: the agent's own callbacks and the others' that are open to everyone, by due time. A callback that
/// comes due rings a short chime and the count goes up; the agent dials one with a click.
export class CallbackSection {
  constructor(labels, onDial) {
    this.labels = labels;
    this.section = document.getElementById("callbacks");
    this.list = document.getElementById("callback-list");
    this.count = document.getElementById("callback-due-count");
    document.getElementById("callbacks-title").textContent = labels.phoneCallbacks;
    this.onDial = onDial;
    this.lastDue = null;
    this.chimes = 0;
  }

  show(view, callActive) {
    const entries = view.entries;
    this.section.hidden = entries.length === 0;
    this.count.textContent = view.dueCount > 0 ? `${this.labels.phoneCallbacksDue} ${view.dueCount}` : "";
    this.count.hidden = view.dueCount === 0;
    // A callback came due since the last state (not on the first one: the agent just opened the screen).
    if (this.lastDue !== null && view.dueCount > this.lastDue) this.chime();
    this.lastDue = view.dueCount;
    this.list.replaceChildren(...entries.map((entry) => this.item(entry, callActive)));
  }

  item(entry, callActive) {
    const li = document.createElement("li");
    li.dataset.callback = entry.id;
    li.classList.toggle("due", entry.isDue);
    li.classList.toggle("barred", entry.barred);
    const due = document.createElement("span");
    due.className = "due-at";
    due.textContent = entry.due;
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = `${entry.company} ${entry.contactName || ""} ${entry.phone}`;
    const note = document.createElement("span");
    note.className = "note";
    note.textContent = entry.note;
    li.append(due, who, note);
    if (!entry.own) {
      const shared = document.createElement("span");
      shared.className = "badge";
      shared.textContent = this.labels.phoneCallbackShared;
      shared.title = this.labels.phoneCallbackSharedHelp;
      li.append(shared);
    }
    if (entry.barred) {
      const barred = document.createElement("span");
      barred.className = "hold";
      barred.textContent = this.labels.phoneCallbackBarred;
      li.append(barred);
    } else {
      const dial = document.createElement("button");
      dial.type = "button";
      dial.className = "call";
      dial.textContent = this.labels.phoneCallbackDial;
      dial.disabled = callActive;
      dial.addEventListener("click", () => this.onDial(entry.id));
      li.append(dial);
    }
    return li;
  }

  /// Two short tones; the browser allows sound once the agent has clicked on the page, as every agent has.
  chime() {
    this.chimes += 1;
    this.section.dataset.chimes = String(this.chimes);
    try {
      this.audio = this.audio || new AudioContext();
      const start = this.audio.currentTime;
      for (const [offset, frequency] of [[0, 880], [0.18, 1320]]) {
        const oscillator = this.audio.createOscillator();
        const gain = this.audio.createGain();
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.15, start + offset);
        gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.16);
        oscillator.connect(gain).connect(this.audio.destination);
        oscillator.start(start + offset);
        oscillator.stop(start + offset + 0.17);
      }
    } catch {
      // No audio device: the count still shows.
    }
  }
}

/// 再架電 with a date, a time and a note. The server checks them (in the past, outside calling hours, barred) and
/// answers with why; the dialog stays open with what was typed until the server has stored the callback.
export class CallbackDialog {
  constructor(labels, onSchedule) {
    this.dialog = document.getElementById("callback-dialog");
    this.form = document.getElementById("callback-form");
    this.customer = document.getElementById("callback-customer");
    this.error = document.getElementById("callback-error");
    document.getElementById("callback-title").textContent = labels.phoneCallbackSchedule;
    document.getElementById("callback-date-label").textContent = labels.phoneCallbackDate;
    document.getElementById("callback-time-label").textContent = labels.phoneCallbackTime;
    document.getElementById("callback-note-label").textContent = labels.phoneCallbackNote;
    document.getElementById("callback-submit").textContent = labels.phoneCallbackSave;
    const cancel = document.getElementById("callback-cancel");
    cancel.textContent = labels.phoneCancel;
    cancel.addEventListener("click", () => this.dialog.close());
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (!this.row) return;
      const fields = this.form.elements;
      this.error.textContent = "";
      this.pending = onSchedule(this.row.id, fields.date.value, fields.time.value, fields.note.value);
    });
  }

  show(row) {
    if (!row) return;
    this.row = row;
    this.pending = null;
    this.error.textContent = "";
    this.customer.textContent = `No.${row.no} ${row.company} ${row.phone}`;
    const today = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    this.form.elements.date.value = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
    this.form.elements.time.value = "";
    this.form.elements.note.value = "";
    this.dialog.showModal();
    this.form.elements.time.focus();
  }

  /// The server's answer to the request `id`: close when stored, otherwise show why.
  answered(id, ok, message) {
    if (id === undefined || id !== this.pending) return false;
    this.pending = null;
    if (ok) this.dialog.close();
    else this.error.textContent = message || "";
    return true;
  }
}

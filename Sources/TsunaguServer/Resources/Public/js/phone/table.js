// The phone screen's table (manual §1-2): 位置 (▶), No, 済, 会社名, 担当者名, 電話番号, 結果, 見込み, 再架電,
// 対応メモ, 架電日時. Rows are built once and updated in place, so typing in a memo is never interrupted.
const COLUMNS = ["position", "no", "done", "company", "contact", "phone", "result", "prospect", "callback", "memo", "calledAt"];
const MEMO_DELAY_MS = 500;

export class DeskTable {
  constructor(labels, actions) {
    this.labels = labels;
    this.actions = actions;
    this.body = document.getElementById("desk-rows");
    this.rows = [];
    this.elements = new Map();
    this.memoTimers = new Map();
    /// Text the agent typed and the server has not confirmed yet, by "row:field".
    this.typed = new Map();
    const head = document.getElementById("desk-head");
    const headings = {
      position: labels.phoneColPosition, no: labels.phoneColNo, done: labels.phoneColDone, company: labels.phoneColCompany,
      contact: labels.phoneColContact, phone: labels.phoneColPhone, result: labels.phoneColResult,
      prospect: labels.phoneColProspect, callback: labels.phoneColCallback, memo: labels.phoneColMemo,
      calledAt: labels.phoneColCalledAt,
    };
    for (const column of COLUMNS) {
      const th = document.createElement("th");
      const handle = document.createElement("div");
      handle.textContent = headings[column];
      th.appendChild(handle);
      th.dataset.column = column;
      head.appendChild(th);
    }
  }

  replaceAll(rows) {
    this.rows = rows;
    const keep = new Set(rows.map((row) => row.id));
    for (const [id, tr] of this.elements) {
      if (!keep.has(id)) {
        tr.remove();
        this.elements.delete(id);
      }
    }
    const fragment = document.createDocumentFragment();
    for (const row of rows) fragment.appendChild(this.element(row));
    this.body.appendChild(fragment);
    for (const row of rows) this.update(row);
  }

  merge(changed) {
    for (const row of changed) {
      const index = this.rows.findIndex((known) => known.id === row.id);
      if (index >= 0) this.rows[index] = row;
      this.update(row);
    }
  }

  element(row) {
    let tr = this.elements.get(row.id);
    if (tr) return tr;
    tr = document.createElement("tr");
    tr.dataset.row = row.id;
    const cells = {};
    for (const column of COLUMNS) {
      const td = document.createElement("td");
      td.className = column;
      cells[column] = td;
      tr.appendChild(td);
    }
    cells.position.title = this.labels.phoneColPosition;
    cells.position.addEventListener("click", () => this.actions.moveCursor(this.indexOf(row.id)));
    cells.done.appendChild(this.checkbox(row.id, "setDone"));
    cells.prospect.appendChild(this.checkbox(row.id, "setProspect"));
    cells.callback.appendChild(this.checkbox(row.id, "setCallback"));
    // 再架電 with a date, a time and a note (a timed callback).
    const schedule = document.createElement("button");
    schedule.type = "button";
    schedule.className = "schedule";
    schedule.textContent = "⏰";
    schedule.title = this.labels.phoneCallbackSchedule;
    schedule.setAttribute("aria-label", this.labels.phoneCallbackSchedule);
    schedule.addEventListener("click", () => this.actions.scheduleCallback(this.rows[this.indexOf(row.id)]));
    cells.callback.appendChild(schedule);
    cells.contact.appendChild(this.textInput(row.id, "editContactName", 100, this.labels.phoneContactUnknown));
    cells.memo.appendChild(this.textInput(row.id, "editMemo", 1000, ""));
    const result = document.createElement("span");
    result.className = "result-label";
    const reason = document.createElement("span");
    reason.className = "reason";
    // Why the server held the row's dial back (「架電禁止」「再発信制限」「再架電待ち 14:35」).
    const hold = document.createElement("span");
    hold.className = "hold";
    const refuse = document.createElement("button");
    refuse.type = "button";
    refuse.className = "refuse";
    refuse.textContent = this.labels.phoneRefuse;
    refuse.title = this.labels.phoneRefuseTitle;
    refuse.addEventListener("click", () => this.actions.refuse(this.rows[this.indexOf(row.id)]));
    cells.result.append(result, reason, hold, refuse);
    tr.cells_ = cells;
    this.elements.set(row.id, tr);
    return tr;
  }

  indexOf(id) {
    return this.rows.findIndex((row) => row.id === id);
  }

  checkbox(rowID, action) {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.dataset.action = action;
    box.addEventListener("change", () => {
      // Until the server's state shows this tick, an older state must not undo it on screen.
      this.typed.set(`${rowID}:${action}`, box.checked);
      this.actions.send(action, { row: rowID, value: box.checked });
    });
    return box;
  }

  textInput(rowID, action, maxLength, placeholder) {
    const input = document.createElement("input");
    input.type = "text";
    input.maxLength = maxLength;
    input.placeholder = placeholder;
    input.dataset.action = action;
    const key = `${rowID}:${action}`;
    const send = () => {
      clearTimeout(this.memoTimers.get(key));
      this.memoTimers.delete(key);
      if (!this.typed.has(key)) return;
      this.actions.send(action, { row: rowID, text: input.value });
    };
    input.addEventListener("input", () => {
      this.typed.set(key, input.value);
      this.actions.typing();
      clearTimeout(this.memoTimers.get(key));
      this.memoTimers.set(key, setTimeout(send, MEMO_DELAY_MS));
    });
    input.addEventListener("change", send);
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") send();
    });
    return input;
  }

  /// The server confirmed an edit: the typed text or tick is no longer ahead of it.
  confirmed(message) {
    if (!message || !message.row) return;
    const key = `${message.row}:${message.type}`;
    const value = "text" in message ? message.text : message.value;
    if (this.typed.get(key) === value) this.typed.delete(key);
  }

  /// The server refused an edit: show what it holds.
  refused(message) {
    if (!message || !message.row) return;
    this.typed.delete(`${message.row}:${message.type}`);
    const row = this.rows.find((known) => known.id === message.row);
    if (row) this.update(row);
  }

  update(row) {
    const tr = this.element(row);
    const cells = tr.cells_;
    cells.no.textContent = row.no;
    this.setCheck(cells.done.firstChild, row.id, "setDone", row.done);
    cells.company.textContent = row.company;
    this.setText(cells.contact.firstChild, row.id, "editContactName", row.contactName);
    cells.phone.replaceChildren(this.phone(row));
    const [result, reason, hold] = cells.result.children;
    result.textContent = row.resultLabel;
    reason.textContent = row.reason ? `(${row.reason})` : "";
    hold.textContent = row.hold || "";
    tr.classList.toggle("held", Boolean(row.hold));
    cells.result.dataset.result = row.result || "";
    this.setCheck(cells.prospect.firstChild, row.id, "setProspect", row.prospect);
    this.setCheck(cells.callback.firstChild, row.id, "setCallback", row.callback);
    this.setText(cells.memo.firstChild, row.id, "editMemo", row.memo);
    cells.calledAt.textContent = row.calledAt || "";
    tr.classList.toggle("unsaved", !row.saved);
  }

  setCheck(box, rowID, action, value) {
    const key = `${rowID}:${action}`;
    if (this.typed.has(key)) {
      if (this.typed.get(key) === value) this.typed.delete(key);
      else return;
    }
    box.checked = value;
  }

  setText(input, rowID, action, value) {
    const key = `${rowID}:${action}`;
    if (this.typed.has(key)) {
      if (this.typed.get(key) === value) this.typed.delete(key);
      return;
    }
    if (input.value !== value) input.value = value;
  }

  phone(row) {
    if (this.opensCustomerEdit && row.customerID) {
      const link = document.createElement("a");
      link.href = `/customers/${row.customerID}`;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = row.phone;
      return link;
    }
    return document.createTextNode(row.phone);
  }

  showPosition(desk) {
    this.opensCustomerEdit = desk.settings.numberOpensCustomerEdit;
    const callingRow = desk.call ? desk.call.row : null;
    this.rows.forEach((row, index) => {
      const tr = this.elements.get(row.id);
      if (!tr) return;
      const here = index === desk.cursor;
      tr.classList.toggle("cursor", here);
      tr.classList.toggle("calling", row.id === callingRow);
      tr.cells_.position.textContent = here ? "▶" : "";
    });
    const current = this.rows[desk.cursor];
    if (current) {
      const tr = this.elements.get(current.id);
      if (tr && this.followCursor) tr.scrollIntoView({ block: "nearest" });
    }
  }
}

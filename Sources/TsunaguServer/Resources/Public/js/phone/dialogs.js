// The confirmation question (「結果をアップロードしますか?」, the double-dial guard) and the re-sign-in form.
export class ConfirmDialog {
  constructor(labels, onAnswer) {
    this.dialog = document.getElementById("confirm-dialog");
    this.text = document.getElementById("confirm-text");
    this.key = null;
    const yes = document.getElementById("confirm-yes");
    const no = document.getElementById("confirm-no");
    yes.textContent = labels.phoneYes;
    no.textContent = labels.phoneCancel;
    yes.addEventListener("click", () => this.answer(true));
    no.addEventListener("click", () => this.answer(false));
    this.dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      this.answer(false);
    });
    this.onAnswer = onAnswer;
  }

  show(confirmation) {
    if (!confirmation) {
      this.key = null;
      if (this.dialog.open) this.dialog.close();
      return;
    }
    if (this.key === confirmation.key && this.dialog.open) return;
    this.key = confirmation.key;
    this.text.textContent = confirmation.text;
    if (!this.dialog.open) this.dialog.showModal();
  }

  answer(accepted) {
    if (this.key === null) return;
    const key = this.key;
    this.key = null;
    this.dialog.close();
    this.onAnswer(key, accepted);
  }
}

/// 「今後の勧誘お断り」: the agent notes what the customer said (optional) and the server bars the customer and the
/// number for the whole tenant.
export class RefuseDialog {
  constructor(labels, onRefuse) {
    this.dialog = document.getElementById("refuse-dialog");
    this.form = document.getElementById("refuse-form");
    this.customer = document.getElementById("refuse-customer");
    document.getElementById("refuse-title").textContent = labels.phoneRefuseTitle;
    document.getElementById("refuse-text").textContent = labels.phoneRefuseText;
    document.getElementById("refuse-note-label").textContent = labels.phoneRefuseNote;
    document.getElementById("refuse-submit").textContent = labels.phoneRefuseSubmit;
    const cancel = document.getElementById("refuse-cancel");
    cancel.textContent = labels.phoneCancel;
    cancel.addEventListener("click", () => this.dialog.close());
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      const row = this.row;
      this.dialog.close();
      if (row) onRefuse(row.id, this.form.elements.note.value);
    });
  }

  show(row) {
    if (!row) return;
    this.row = row;
    this.customer.textContent = `No.${row.no} ${row.company} ${row.phone}`;
    this.form.elements.note.value = "";
    this.dialog.showModal();
    this.form.elements.note.focus();
  }
}

export class SignInDialog {
  constructor(labels, root, onSignedIn) {
    this.labels = labels;
    this.dialog = document.getElementById("signin-dialog");
    this.form = document.getElementById("signin-form");
    this.error = document.getElementById("signin-error");
    document.getElementById("signin-title").textContent = labels.phoneResigninTitle;
    document.getElementById("signin-text").textContent = labels.phoneResigninText;
    document.getElementById("signin-submit").textContent = labels.phoneSignIn;
    this.form.elements.tenantCode.value = root.dataset.tenantCode || "";
    this.form.elements.loginID.value = root.dataset.loginId || "";
    this.dialog.addEventListener("cancel", (event) => event.preventDefault());
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submit();
    });
    this.onSignedIn = onSignedIn;
  }

  show(message) {
    this.error.textContent = message || "";
    this.form.elements.password.value = "";
    if (!this.dialog.open) this.dialog.showModal();
    this.form.elements.password.focus();
  }

  async submit() {
    const form = this.form.elements;
    try {
      const token = await (await fetch("/api/session/csrf", { credentials: "same-origin" })).json();
      const response = await fetch("/api/session", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": token.csrf },
        body: JSON.stringify({ tenantCode: form.tenantCode.value, loginID: form.loginID.value, password: form.password.value }),
      });
      const answer = await response.json().catch(() => ({}));
      if (!response.ok || !answer.ok) {
        this.error.textContent = answer.message || answer.reason || response.statusText;
        return;
      }
      if (answer.csrf) document.querySelector('meta[name="csrf-token"]').content = answer.csrf;
      form.password.value = "";
      this.dialog.close();
      this.onSignedIn();
    } catch {
      this.error.textContent = this.labels.phoneLampOffline;
    }
  }
}

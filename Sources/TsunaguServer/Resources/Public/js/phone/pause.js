// 休憩: the agent picks one of the tenant's reasons and pauses; 再開 ends it. Asked for during a call, the pause
// starts when the call ends (the screen says so). The manager's board shows the pause and its reason.
export class PauseControl {
  constructor(labels, actions) {
    this.labels = labels;
    this.reason = document.getElementById("pause-reason");
    this.button = document.getElementById("pause");
    this.banner = document.getElementById("paused");
    this.text = document.getElementById("paused-text");
    this.resume = document.getElementById("resume");
    this.button.textContent = labels.phonePauseStart;
    this.reason.setAttribute("aria-label", labels.phonePauseReason);
    this.reason.title = labels.phonePause;
    this.resume.textContent = labels.phonePauseResume;
    this.button.addEventListener("click", () => actions.pause(this.reason.value));
    this.resume.addEventListener("click", () => actions.resume());
    this.shownReasons = "";
  }

  show(presence) {
    const reasons = presence.reasons.join("\n");
    if (reasons !== this.shownReasons) {
      const chosen = this.reason.value;
      this.reason.replaceChildren(...presence.reasons.map((reason) => new Option(reason, reason, false, reason === chosen)));
      this.shownReasons = reasons;
    }
    const paused = presence.state === "paused";
    this.banner.hidden = !paused && !presence.pauseAfterCall;
    this.text.textContent = paused ? presence.pausedText : presence.pauseAfterCall ? this.labels.phonePauseAfterCall : "";
    this.resume.hidden = !paused && !presence.pauseAfterCall;
    this.button.disabled = paused || presence.pauseAfterCall;
    this.reason.disabled = this.button.disabled;
    document.body.dataset.presence = presence.state;
  }
}

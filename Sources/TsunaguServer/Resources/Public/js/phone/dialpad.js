// The dial pad (manual §3-3): a manual call to any number, the red handset, and the call status.
const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"];

export class DialPad {
  constructor(labels, actions) {
    this.labels = labels;
    this.number = document.getElementById("dialpad-number");
    this.status = document.getElementById("call-status");
    this.callButton = document.getElementById("dialpad-call");
    this.hangUpButton = document.getElementById("dialpad-hangup");
    const keys = document.getElementById("dialpad-keys");
    for (const key of KEYS) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = key;
      button.addEventListener("click", () => {
        // During a talking call the keys are tones to the far end (IVR menus); otherwise they type a number.
        if (this.talking && actions.tone && actions.tone(key)) return;
        this.number.value += key;
        this.number.focus();
      });
      keys.appendChild(button);
    }
    this.callButton.textContent = labels.phoneDial;
    this.hangUpButton.textContent = labels.phoneHangUp;
    this.callButton.addEventListener("click", () => {
      if (this.number.value.trim()) actions.send("dialNumber", { number: this.number.value.trim() });
    });
    this.number.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && this.number.value.trim()) actions.send("dialNumber", { number: this.number.value.trim() });
    });
    this.hangUpButton.addEventListener("click", () => actions.send("hangUp"));
  }

  show(desk) {
    const call = desk.call;
    this.talking = Boolean(call) && call.stage === "talking";
    const stages = {
      dialing: this.labels.phoneStageDialing, ringing: this.labels.phoneStageRinging,
      talking: this.labels.phoneStageTalking, hangingUp: this.labels.phoneStageHangingUp,
    };
    const stage = (call && stages[call.stage]) || this.labels.phoneStageIdle;
    this.status.textContent = call ? `${stage} ${call.number}` : `${stage} ${desk.extensionNumber}`;
    this.status.dataset.stage = call ? call.stage : "idle";
    this.hangUpButton.disabled = !call;
    this.callButton.disabled = Boolean(call);
  }
}

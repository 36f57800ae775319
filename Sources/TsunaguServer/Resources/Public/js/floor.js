// 稼働状況: the manager's live board. Starts from the snapshot in the page, then applies what the server pushes on
// its WebSocket (never polls). Times in state tick here, from each state's start as the server dated it.

const root = document.getElementById("floor");
const SVG = "http://www.w3.org/2000/svg";
const STATE_ORDER = ["talking", "dialing", "wrapUp", "paused", "idle", "offline"];
const stateLabels = {
  offline: root.dataset.stateOffline,
  idle: root.dataset.stateIdle,
  dialing: root.dataset.stateDialing,
  talking: root.dataset.stateTalking,
  wrapUp: root.dataset.stateWrapUp,
  paused: root.dataset.statePaused,
};

class FloorBoard {
  constructor() {
    this.agents = new Map();
    this.lists = new Map();
    this.totals = null;
    this.wrapUpLimitSeconds = 300;
    // The server's clock minus ours, so a wrong clock here does not skew the times in state.
    this.skew = 0;
    this.applySnapshot(JSON.parse(root.dataset.snapshot));
    this.connect(0);
    setInterval(() => this.tick(), 1000);
  }

  connect(attempt) {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const socket = new WebSocket(`${scheme}://${location.host}/api/v1/floor/socket`);
    socket.addEventListener("open", () => {
      attempt = 0;
      document.getElementById("floor-reconnecting").hidden = true;
      document.getElementById("floor-live").hidden = false;
    });
    socket.addEventListener("message", (event) => {
      const message = JSON.parse(event.data);
      if (message.type === "snapshot") this.applySnapshot(message.snapshot);
      if (message.type === "update") this.applyUpdate(message.update);
    });
    socket.addEventListener("close", () => {
      document.getElementById("floor-live").hidden = true;
      document.getElementById("floor-reconnecting").hidden = false;
      const delay = Math.min(10000, 500 * 2 ** attempt);
      setTimeout(() => this.connect(attempt + 1), delay);
    });
  }

  noteServerTime(generatedAt) {
    const server = Date.parse(generatedAt);
    if (!Number.isNaN(server)) this.skew = server - Date.now();
  }

  applySnapshot(snapshot) {
    this.wrapUpLimitSeconds = snapshot.wrapUpLimitSeconds;
    this.noteServerTime(snapshot.generatedAt);
    this.agents = new Map(snapshot.agents.map((agent) => [agent.id, agent]));
    this.lists = new Map(snapshot.lists.map((list) => [list.id, list]));
    this.totals = snapshot.totals;
    this.renderAgents(snapshot.agents);
    this.renderLists();
    this.renderTotals();
  }

  applyUpdate(update) {
    this.noteServerTime(update.generatedAt);
    for (const agent of update.agents) this.agents.set(agent.id, agent);
    for (const list of update.lists) this.lists.set(list.id, list);
    this.totals = update.totals;
    const body = document.querySelector("#floor-agents tbody");
    for (const agent of update.agents) {
      const row = body.querySelector(`tr[data-agent-id="${agent.id}"]`);
      if (row) this.fillAgentRow(row, agent);
      else this.renderAgents([...this.agents.values()]);
    }
    if (update.lists.length > 0) this.renderLists();
    this.renderTotals();
  }

  renderAgents(agents) {
    const body = document.querySelector("#floor-agents tbody");
    body.replaceChildren();
    const sorted = [...agents].sort((a, b) =>
      a.extension === b.extension ? a.loginID.localeCompare(b.loginID) : a.extension.localeCompare(b.extension),
    );
    for (const agent of sorted) {
      const row = document.createElement("tr");
      row.dataset.agentId = agent.id;
      row.dataset.agent = agent.loginID;
      for (const name of ["name", "state", "elapsed", "customer", "list", "calls", "contacts", "rate", "prospects",
        "callbacks", "talk"]) {
        const cell = document.createElement("td");
        cell.className = name;
        row.append(cell);
      }
      this.fillAgentRow(row, agent);
      body.append(row);
    }
    if (sorted.length === 0) {
      const row = document.createElement("tr");
      const cell = document.createElement("td");
      cell.colSpan = 11;
      cell.textContent = root.dataset.noAgents;
      row.append(cell);
      body.append(row);
    }
  }

  fillAgentRow(row, agent) {
    const cell = (name) => row.querySelector(`td.${name}`);
    cell("name").textContent = `${agent.name}(${agent.extension})`;
    const state = cell("state");
    state.dataset.state = agent.state;
    state.replaceChildren();
    const badge = document.createElement("span");
    badge.className = `state state-${agent.state}`;
    badge.textContent = agent.state === "paused" && agent.reason
      ? `${stateLabels.paused}(${agent.reason})` : stateLabels[agent.state] ?? agent.state;
    state.append(badge);
    row.dataset.state = agent.state;
    cell("customer").textContent = agent.customer ?? "";
    cell("list").textContent = agent.list ?? "";
    cell("calls").textContent = agent.today.calls;
    cell("contacts").textContent = agent.today.contacts;
    cell("rate").textContent = percent(agent.today.contacts, agent.today.calls);
    cell("prospects").textContent = agent.today.prospects;
    cell("callbacks").textContent = agent.today.callbacks;
    cell("talk").textContent = duration(agent.today.talkSeconds);
    this.fillElapsed(row, agent);
  }

  fillElapsed(row, agent) {
    const cell = row.querySelector("td.elapsed");
    if (!agent.since || agent.state === "offline") {
      cell.textContent = "";
      row.classList.remove("long-wrap-up");
      return;
    }
    const seconds = Math.max(0, (Date.now() + this.skew - Date.parse(agent.since)) / 1000);
    cell.textContent = duration(seconds);
    const long = agent.state === "wrapUp" && seconds > this.wrapUpLimitSeconds;
    row.classList.toggle("long-wrap-up", long);
    cell.title = long ? root.dataset.wrapUpLong : "";
  }

  tick() {
    for (const row of document.querySelectorAll("#floor-agents tbody tr[data-agent-id]")) {
      const agent = this.agents.get(row.dataset.agentId);
      if (agent) this.fillElapsed(row, agent);
    }
  }

  renderLists() {
    const body = document.querySelector("#floor-lists tbody");
    body.replaceChildren();
    const lists = [...this.lists.values()].sort((a, b) => a.name.localeCompare(b.name));
    for (const list of lists) {
      const row = document.createElement("tr");
      row.dataset.list = list.id;
      const values = [list.name, list.left, list.onScreen, null, list.today.calls,
        percent(list.today.contacts, list.today.calls), list.barred, list.waitingForRetry, list.limitReached];
      for (const value of values) {
        const cell = document.createElement("td");
        if (value === null) cell.append(progressBar(list));
        else cell.textContent = value;
        row.append(cell);
      }
      body.append(row);
    }
    if (lists.length === 0) {
      const row = document.createElement("tr");
      const cell = document.createElement("td");
      cell.colSpan = 9;
      cell.textContent = root.dataset.noLists;
      row.append(cell);
      body.append(row);
    }
  }

  renderTotals() {
    const totals = this.totals;
    if (!totals) return;
    const set = (name, value) => { document.querySelector(`[data-total="${name}"]`).textContent = value; };
    set("signedIn", totals.signedIn);
    set("calls", totals.today.calls);
    set("contacts", totals.today.contacts);
    set("contactRate", percent(totals.today.contacts, totals.today.calls));
    set("prospects", totals.today.prospects);
    set("callbacks", totals.today.callbacks);
    set("talk", duration(totals.today.talkSeconds));
    stateBar(document.getElementById("floor-states"), totals.byState);
  }
}

function percent(part, whole) {
  return whole > 0 ? `${(100 * part / whole).toFixed(1)}%` : "—";
}

function duration(seconds) {
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

// Reported ÷ total as a bar, with the rows on screens beside it.
function progressBar(list) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "progress");
  svg.setAttribute("viewBox", "0 0 100 10");
  svg.setAttribute("width", "160");
  svg.setAttribute("height", "14");
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("role", "img");
  const done = list.total > 0 ? 100 * list.reported / list.total : 0;
  const onScreen = list.total > 0 ? 100 * list.onScreen / list.total : 0;
  const parts = [["track", 0, 100], ["reported", 0, done], ["on-screen", done, onScreen]];
  for (const [name, x, width] of parts) {
    const rect = document.createElementNS(SVG, "rect");
    rect.setAttribute("class", name);
    rect.setAttribute("x", x);
    rect.setAttribute("y", 0);
    rect.setAttribute("width", width);
    rect.setAttribute("height", 10);
    svg.append(rect);
  }
  const title = document.createElementNS(SVG, "title");
  title.textContent = `${Math.round(done)}%`;
  svg.append(title);
  svg.dataset.progress = done.toFixed(1);
  return svg;
}

// How many agents are in each state, as one stacked bar in the states' colours.
function stateBar(svg, byState) {
  svg.replaceChildren();
  const total = STATE_ORDER.reduce((sum, state) => sum + (byState[state] ?? 0), 0);
  svg.setAttribute("viewBox", `0 0 ${Math.max(total, 1)} 1`);
  let x = 0;
  const legend = [];
  for (const state of STATE_ORDER) {
    const count = byState[state] ?? 0;
    legend.push(`${stateLabels[state]} ${count}`);
    if (count === 0) continue;
    const rect = document.createElementNS(SVG, "rect");
    rect.setAttribute("class", `state-${state}`);
    rect.setAttribute("x", x);
    rect.setAttribute("y", 0);
    rect.setAttribute("width", count);
    rect.setAttribute("height", 1);
    const title = document.createElementNS(SVG, "title");
    title.textContent = `${stateLabels[state]} ${count}`;
    rect.append(title);
    svg.append(rect);
    x += count;
  }
  svg.setAttribute("aria-label", legend.join(", "));
}

new FloorBoard();

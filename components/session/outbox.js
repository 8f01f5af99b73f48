// Shared by the widgets that queue the user's actions in the browser (the rating widget, the role
// board): put in front of each widget's own script (components/session/outbox.py, BROWSER_JS).

const STATE = new WeakMap(); // parentElement -> this mount's state (the DOM persists across reruns)

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

// A mount's token: the server applies each (token, seq) once.
function randomToken() {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

// A new action: into the outbox with the next seq, shown at once (`paint`), the whole outbox sent.
function enqueue(s, item, paint) {
  s.seq += 1;
  s.outbox.push({ seq: s.seq, ...item });
  paint(s);
  s.root.dataset.seq = String(s.seq);
  s.root.dataset.pending = String(s.outbox.length);
  s.send("outbox", { token: s.token, items: s.outbox });
}

// The server's acknowledgement ({token, seq}, from the data): what it applied leaves the outbox.
function acknowledge(s, ack) {
  const mine = !!ack && ack.token === s.token;
  if (mine) s.outbox = s.outbox.filter((it) => it.seq > ack.seq);
  s.root.dataset.acked = String(mine ? ack.seq : 0);
  s.root.dataset.pending = String(s.outbox.length);
}

// The component's entry: one state per mount, kept across reruns; `update(s, data)` when data fits.
function mount(component, create, fits, update) {
  const { data, parentElement, setStateValue } = component;
  let s = STATE.get(parentElement);
  if (!s) {
    s = create(parentElement);
    STATE.set(parentElement, s);
  }
  s.send = setStateValue;
  if (data && fits(data)) update(s, data);
}

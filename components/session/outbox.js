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

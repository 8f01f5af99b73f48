// The Roles page's role board (st.components.v2, no build step). One click (or an arrow key) sets a
// role's status; the board shows it at once (optimistic) and queues it in an outbox until the server
// acknowledges it. The outbox is sent whole (setStateValue) on every change, so a rerun that is
// interrupted or coalesced loses nothing; the server applies each (token, seq) once. A note is sent
// on Enter or when its box is left. Every text arrives as data and is set with textContent.

function create(parent) {
  const s = { parent, token: randomToken(), seq: 0, outbox: [], data: null, shape: "", send: null,
              rows: new Map(), root: el("div", "rb") };
  parent.appendChild(s.root);
  s.root.addEventListener("click", (ev) => onClick(s, ev));
  s.root.addEventListener("keydown", (ev) => onKey(s, ev));
  s.root.addEventListener("change", (ev) => onNote(s, ev));
  s.root.addEventListener("input", (ev) => ev.target.classList.contains("note") && fit(ev.target));
  return s;
}

function roles(s) {
  return s.data.functions.flatMap((f) => f.roles);
}

// What a role shows: the newest queued change of that field, else the server's value.
function shown(s, role, field) {
  for (let k = s.outbox.length - 1; k >= 0; k--) {
    const it = s.outbox[k];
    if (it.role === role.id && it.field === field) return it.value;
  }
  return role[field];
}

function statusOf(s, value) {
  return s.data.statuses.find((x) => x.value === value) || s.data.statuses[0];
}

function build(s) {
  const d = s.data, t = d.text;
  s.root.replaceChildren();
  s.root.setAttribute("role", "group");
  s.root.setAttribute("aria-label", t.board);
  const bar = el("div", "bar");
  s.count = el("span", "count");
  s.queue = el("span", "queue");
  s.queue.setAttribute("aria-live", "polite");
  bar.appendChild(s.count);
  bar.appendChild(el("span", "hint", t.hint));
  bar.appendChild(s.queue);
  s.root.appendChild(bar);
  s.rows = new Map();
  for (const f of d.functions) {
    const section = el("section", "fn");
    const heading = el("h3", "fn-name", f.name);
    heading.id = `fn-${f.id}`;
    section.setAttribute("aria-labelledby", heading.id);
    section.appendChild(heading);
    if (f.note) section.appendChild(el("p", "fn-note", f.note));
    for (const r of f.roles) section.appendChild(buildRow(s, r));
    s.root.appendChild(section);
  }
}

function buildRow(s, r) {
  const d = s.data, t = d.text;
  const row = el("div", "role");
  row.dataset.role = r.id;
  const head = el("div", "head");
  const line = el("div", "line");
  const badge = el("span", "badge");
  const name = el("span", "name", r.label);
  name.id = `name-${r.id}`;
  const differs = el("span", "differs");
  line.appendChild(badge);
  line.appendChild(name);
  line.appendChild(differs);
  head.appendChild(line);
  // The duties: a disclosure button on the name's line, its list in a row of its own below.
  const toggle = el("button", "duties-toggle", t.duties);
  toggle.type = "button";
  toggle.setAttribute("aria-expanded", "false");
  toggle.setAttribute("aria-controls", `duties-${r.id}`);
  head.appendChild(toggle);
  const duties = el("div", "duties");
  duties.id = `duties-${r.id}`;
  duties.hidden = true;
  const list = el("ul");
  for (const x of r.duties) list.appendChild(el("li", "", x));
  duties.appendChild(list);
  for (const x of r.notes) duties.appendChild(el("p", "duty-note", x));
  const pick = el("div", "pick");
  pick.setAttribute("role", "radiogroup");
  pick.setAttribute("aria-labelledby", name.id);
  const radios = d.statuses.map((st) => {
    const b = el("div", `st st-${st.colour}`, st.label);
    b.setAttribute("role", "radio");
    b.setAttribute("aria-label", st.label); // the name without the tick the chosen one shows
    b.dataset.status = st.value;
    pick.appendChild(b);
    return b;
  });
  // A text area that grows with its text, so that a long note is read whole (a one-line input cut it).
  const note = el("textarea", "note");
  note.rows = 1;
  note.maxLength = 500;
  note.placeholder = t.note_placeholder;
  note.setAttribute("aria-label", t.note_of.replace("{role}", r.label));
  note.dataset.role = r.id;
  for (const c of [head, pick, note, duties]) row.appendChild(c);
  s.rows.set(r.id, { row, badge, differs, radios, note });
  return row;
}

function paint(s) {
  const t = s.data.text;
  let changed = 0;
  for (const r of roles(s)) {
    const e = s.rows.get(r.id), v = shown(s, r, "status"), st = statusOf(s, v);
    e.badge.textContent = st.label;
    e.badge.className = `badge st-${st.colour}`;
    e.radios.forEach((b) => {
      const on = b.dataset.status === v;
      b.setAttribute("aria-checked", String(on));
      b.tabIndex = on ? 0 : -1; // one tab stop per role: the chosen status (roving tabindex)
    });
    const differs = v !== r.default;
    if (differs) changed += 1;
    e.differs.textContent = differs ? "✎ " + t.differs.replace("{default}", statusOf(s, r.default).label) : "";
    // A note being typed is the user's: only a box not in use shows the server's value.
    const note = shown(s, r, "note");
    if (s.parent.activeElement !== e.note && e.note.value !== note) {
      e.note.value = note;
      fit(e.note);
    }
  }
  s.count.textContent = t.changed_count.replace("{n}", changed);
  s.queue.textContent = s.outbox.length ? t.queued.replace("{n}", s.outbox.length) : "";
}

// A change of a role's field, queued unless the role shows that value already.
function change(s, roleId, field, value) {
  const r = roles(s).find((x) => x.id === roleId);
  if (r && shown(s, r, field) !== value) enqueue(s, { role: roleId, field, value }, paint);
}

function onClick(s, ev) {
  const toggle = ev.target.closest && ev.target.closest(".duties-toggle");
  if (toggle) {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    s.parent.getElementById(toggle.getAttribute("aria-controls")).hidden = !open;
    return;
  }
  const b = ev.target.closest && ev.target.closest(".st[role=radio]");
  if (!b) return;
  const roleId = b.closest(".role").dataset.role;
  change(s, roleId, "status", b.dataset.status);
  b.focus();
}

const NEXT = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

function onKey(s, ev) {
  if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
  if (ev.target.classList && ev.target.classList.contains("note")) {
    // Enter saves the note, as in the one-line box it replaced; Shift+Enter starts a new line.
    if (ev.key === "Enter" && !ev.shiftKey) { sendNote(s, ev.target); ev.preventDefault(); }
    return;
  }
  const b = ev.target.closest && ev.target.closest(".st[role=radio]");
  if (!b) return;
  const e = s.rows.get(b.closest(".role").dataset.role);
  const i = e.radios.indexOf(b);
  let to = null;
  if (Object.hasOwn(NEXT, ev.key)) to = (i + NEXT[ev.key] + e.radios.length) % e.radios.length;
  else if (ev.key === "Home") to = 0;
  else if (ev.key === "End") to = e.radios.length - 1;
  else if (ev.key === " " || ev.key === "Enter") to = i;
  if (to === null) return;
  ev.preventDefault();
  change(s, e.row.dataset.role, "status", e.radios[to].dataset.status);
  e.radios[to].focus();
}

// Where CSS cannot size a box to its text (field-sizing: not in every browser yet), its height
// follows the text from here; only on a change, as reading scrollHeight costs a layout.
const SIZED_BY_CSS = typeof CSS !== "undefined" && CSS.supports("field-sizing", "content");
function fit(box) {
  if (SIZED_BY_CSS) return;
  box.style.height = "auto";
  box.style.height = box.scrollHeight + 2 + "px";
}

function sendNote(s, input) {
  change(s, input.dataset.role, "note", input.value);
}

function onNote(s, ev) {
  if (ev.target.classList && ev.target.classList.contains("note")) sendNote(s, ev.target);
}

function update(s, data) {
  // A new language (or catalogue) is built anew; otherwise the board is only repainted, so that
  // focus, an open duties list and a note being typed stay as they are.
  const shape = JSON.stringify([data.lang, data.functions.map((f) => f.roles.map((r) => r.id))]);
  s.data = data;
  if (shape !== s.shape) {
    s.shape = shape;
    build(s);
  }
  acknowledge(s, data.acked);
  paint(s);
}

export default function (component) {
  mount(component, create, (d) => Array.isArray(d.functions), update);
}

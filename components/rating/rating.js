// The lead's rating widget (st.components.v2, no build step). One key (0–4) or one click rates the
// focused skill and moves to the next at once: the rating shows before the server has it
// (optimistic) and waits in an outbox until the server acknowledges it. The outbox is sent whole
// (setStateValue) on every rating, so a rerun that is interrupted or coalesced loses nothing; the
// server applies each (token, seq) once. Every text arrives as data and is set with textContent.

const DIGITS = { "0": 0, "1": 1, "2": 2, "3": 3, "4": 4 };

function create(parent) {
  const s = {
    parent, token: randomToken(), seq: 0, outbox: [], data: null, rows: [], cursor: 0,
    shape: "", send: null, root: el("div", "rw"),
  };
  parent.appendChild(s.root);
  s.root.addEventListener("keydown", (ev) => onKey(s, ev));
  s.root.addEventListener("click", (ev) => onClick(s, ev));
  s.root.addEventListener("focusin", (ev) => {
    const row = ev.target.closest && ev.target.closest(".row");
    if (row) s.cursor = Number(row.dataset.i);
  });
  return s;
}

// What the row shows: the newest queued rating of this skill, else the server's value.
function shown(s, i) {
  const r = s.rows[i];
  for (let k = s.outbox.length - 1; k >= 0; k--) {
    const it = s.outbox[k];
    if (it.person === s.data.person && it.rater === s.data.rater && it.skill === r.skill) return it.level;
  }
  return r.mine;
}

function levelText(s, level) {
  return level === null || level === undefined ? s.data.text.not_rated : s.data.levels[level].label;
}

function build(s) {
  const d = s.data, t = d.text;
  s.root.replaceChildren();
  s.root.setAttribute("aria-label", t.widget);
  s.root.appendChild(el("div", "title", t.widget));
  const legend = el("div", "legend");
  legend.appendChild(el("span", "legend-title", t.legend));
  for (const lv of d.levels) {
    const item = el("span", "legend-item");
    item.appendChild(el("b", "", lv.value));
    item.appendChild(document.createTextNode(" " + lv.text));
    legend.appendChild(item);
  }
  s.root.appendChild(legend);
  const progress = el("div", "progress");
  s.meters = [0, 1].map(() => {
    const m = el("div", "meter");
    const label = el("div", "meter-label");
    const track = el("div", "track");
    const fill = el("div", "fill");
    track.appendChild(fill);
    m.appendChild(label);
    m.appendChild(track);
    progress.appendChild(m);
    return { label, fill };
  });
  s.root.insertBefore(progress, legend);
  const bar = el("div", "bar");
  s.queue = el("span", "queue");
  s.queue.setAttribute("aria-live", "polite");
  bar.appendChild(el("span", "hint", t.hint));
  bar.appendChild(s.queue);
  s.root.appendChild(bar);
  const list = el("div", "rows");
  list.setAttribute("role", "list");
  s.rowEls = d.rows.map((r, i) => {
    const row = el("div", "row");
    row.dataset.i = String(i);
    row.dataset.skill = r.skill;
    row.setAttribute("role", "radiogroup");
    row.tabIndex = 0;
    const skillId = `s${i}`;
    row.setAttribute("aria-labelledby", skillId);
    const no = el("div", "no", r.number);
    const main = el("div", "main");
    const sk = el("div", "skill", r.text);
    sk.id = skillId;
    main.appendChild(sk);
    main.appendChild(el("div", "meta", r.meta));
    const levels = el("div", "levels");
    const radios = d.levels.map((lv) => {
      const b = el("div", "lv", lv.value);
      b.setAttribute("role", "radio");
      b.setAttribute("aria-label", lv.label);
      b.title = lv.label;
      b.dataset.level = String(lv.value);
      levels.appendChild(b);
      return b;
    });
    const clear = el("div", "lv clear", "×");
    clear.setAttribute("role", "button");
    clear.setAttribute("aria-label", t.clear);
    clear.title = t.clear;
    clear.dataset.level = "clear";
    levels.appendChild(clear);
    const other = el("div", "other");
    other.appendChild(el("span", "other-label", t.other + " "));
    other.appendChild(el("span", "other-value", levelText(s, r.other)));
    main.appendChild(other);
    const pick = el("div", "pick");
    const state = el("div", "state");
    pick.appendChild(levels);
    pick.appendChild(state);
    for (const c of [no, main, pick]) row.appendChild(c);
    list.appendChild(row);
    return { row, radios, state, otherValue: other.lastChild, target: r.target };
  });
  s.root.appendChild(list);
}

function paint(s) {
  s.rows.forEach((r, i) => {
    const v = shown(s, i), e = s.rowEls[i];
    e.radios.forEach((b, lv) => b.setAttribute("aria-checked", String(v === lv)));
    e.state.textContent = levelText(s, v);
    e.row.classList.toggle("unrated", v === null || v === undefined);
    e.row.classList.toggle("below", v !== null && v !== undefined && v < e.target);
    e.otherValue.textContent = levelText(s, r.other);
  });
  const total = s.rows.length;
  const mine = s.rows.filter((_, i) => shown(s, i) !== null && shown(s, i) !== undefined).length;
  const theirs = s.rows.filter((r) => r.other !== null && r.other !== undefined).length;
  [[s.data.text.progress, mine], [s.data.text.progress_other, theirs]].forEach(([text, done], k) => {
    s.meters[k].label.textContent = text.replace("{done}", done).replace("{total}", total);
    s.meters[k].fill.style.width = total ? `${(100 * done) / total}%` : "0";
  });
  const waiting = s.outbox.length;
  s.queue.textContent = waiting ? s.data.text.queued.replace("{n}", waiting) : "";
}

function focusRow(s, i) {
  if (!s.rowEls.length) return;
  s.cursor = Math.max(0, Math.min(i, s.rowEls.length - 1));
  s.rowEls.forEach((e, k) => e.row.classList.toggle("cursor", k === s.cursor));
  s.rowEls[s.cursor].row.focus({ preventScroll: false });
}

function rate(s, i, level) {
  enqueue(s, { person: s.data.person, rater: s.data.rater, skill: s.rows[i].skill, level }, paint);
}

function onKey(s, ev) {
  const row = ev.target.closest && ev.target.closest(".row");
  if (!row || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const i = Number(row.dataset.i), v = shown(s, i);
  let handled = true;
  if (Object.hasOwn(DIGITS, ev.key)) {
    rate(s, i, DIGITS[ev.key]);
    focusRow(s, i + 1);
  } else if (ev.key === "Delete" || ev.key === "Backspace") {
    if (v !== null && v !== undefined) rate(s, i, null);
  } else if (ev.key === "ArrowDown" || ev.key === "Enter") {
    focusRow(s, i + 1);
  } else if (ev.key === "ArrowUp") {
    focusRow(s, i - 1);
  } else if (ev.key === "ArrowRight") {
    rate(s, i, v === null || v === undefined ? 0 : Math.min(v + 1, 4));
  } else if (ev.key === "ArrowLeft") {
    if (v !== null && v !== undefined && v > 0) rate(s, i, v - 1);
  } else if (ev.key === "Home") {
    focusRow(s, 0);
  } else if (ev.key === "End") {
    focusRow(s, s.rows.length - 1);
  } else {
    handled = false;
  }
  if (handled) ev.preventDefault();
}

function onClick(s, ev) {
  const b = ev.target.closest && ev.target.closest(".lv");
  const row = ev.target.closest && ev.target.closest(".row");
  if (!row) return;
  const i = Number(row.dataset.i);
  if (!b) { focusRow(s, i); return; }
  if (b.dataset.level === "clear") {
    const v = shown(s, i);
    if (v !== null && v !== undefined) rate(s, i, null);
    focusRow(s, i);
  } else {
    rate(s, i, Number(b.dataset.level));
    focusRow(s, i + 1);
  }
}

function update(s, data) {
  acknowledge(s, data.acked);
  // A new person, rater or language (a new list) is built anew; the same list is only repainted,
  // so that the focused row and the cursor stay where the rater is.
  const shape = JSON.stringify([data.person, data.rater, data.lang, data.rows.map((r) => r.skill)]);
  const samePerson = s.data && s.data.person === data.person && s.data.rater === data.rater;
  s.data = data;
  s.rows = data.rows;
  if (shape !== s.shape) {
    const hadFocus = s.root.contains(s.parent.activeElement || null);
    s.shape = shape;
    build(s);
    paint(s);
    if (!samePerson) {
      const first = s.rows.findIndex((_, i) => shown(s, i) === null || shown(s, i) === undefined);
      s.cursor = first < 0 ? 0 : first;
    }
    s.cursor = Math.min(s.cursor, Math.max(s.rows.length - 1, 0));
    s.rowEls.forEach((e, i) => e.row.classList.toggle("cursor", i === s.cursor));
    if (hadFocus) focusRow(s, s.cursor);
  } else {
    paint(s);
  }
  s.root.dataset.rater = data.rater;
}

export default function (component) {
  mount(component, create, (d) => Array.isArray(d.rows), update);
}

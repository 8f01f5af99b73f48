// The live watcher (follow.py): no element of its own. In "ask" mode it asks the server's
// endpoint (route.py) every `every_ms` whether the stored work moved on, with the session's token
// as the body, and only then triggers a rerun of its fragment. In "tick" mode (the seconds after
// others' change, or an edit not saved yet) it triggers every `every_ms`, as a run_every fragment
// would. An answer it cannot read (no endpoint: `streamlit run app.py`; a token the server forgot
// after a restart) triggers too: the fragment's run then looks itself and registers again.
// Nothing is triggered while the user has a list open (choosing).
//
// One timer per mount, whatever the number of reruns: each rerun only hands it the newest data
// (a timer per call would pile up, and each would trigger runs of its own).

const STATE = new WeakMap(); // parentElement -> {data, timer, busy, trigger}

// A list the user has open (a selectbox's or multiselect's options): a rerun now would redraw the
// page under it and close it mid-choice. Others' change waits for the next step after it closes.
function choosing() {
  return document.querySelector('[role="listbox"]') !== null;
}

async function step(s) {
  const d = s.data;
  if (!d || s.busy || document.hidden) return; // a hidden tab asks when it is shown again
  if (choosing()) return;
  if (d.mode === "tick") return s.trigger("tick", Date.now());
  if (d.mode !== "ask") return;
  s.busy = true;
  try {
    const r = await fetch(d.url, {
      method: "POST", body: d.token, cache: "no-store", credentials: "same-origin",
      headers: { "Content-Type": "text/plain" },
    });
    const got = r.ok ? await r.json() : null;
    if (choosing()) return; // opened while the answer was on its way: the next step asks again
    if (s.data === d && (!got || typeof got.moved !== "boolean" || got.moved)) s.trigger("tick", Date.now());
  } catch (e) {
    if (s.data === d) s.trigger("tick", Date.now());
  } finally {
    s.busy = false;
  }
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let s = STATE.get(parentElement);
  if (!s) {
    s = { data: null, timer: null, busy: false, trigger: setTriggerValue };
    s.onShow = () => { if (!document.hidden) step(s); };
    STATE.set(parentElement, s);
  }
  s.data = data;
  s.trigger = setTriggerValue;
  const every = (data && data.every_ms) || 1000;
  if (s.timer === null || s.every !== every) {
    if (s.timer !== null) clearInterval(s.timer);
    s.timer = setInterval(() => step(s), every);
    s.every = every;
    document.addEventListener("visibilitychange", s.onShow);
  }
  return () => {
    // Unmounted (the page left, the fragment redrawn without it): stop. A later call starts again.
    clearInterval(s.timer);
    s.timer = null;
    document.removeEventListener("visibilitychange", s.onShow);
    STATE.delete(parentElement);
  };
}

// The live watcher (follow.py): no element of its own. In "ask" mode it asks the server's
// endpoint (route.py) every `every_ms` whether the stored work moved on, with the session's token
// as the body, and only then triggers a rerun of its fragment. In "tick" mode (the seconds after
// others' change, or an edit not saved yet) it triggers every `every_ms`, as a run_every fragment
// would. An answer it cannot read (no endpoint: `streamlit run app.py`; a token the server forgot
// after a restart) triggers too: the fragment's run then looks itself and registers again.
// Nothing is triggered while the user has a list open (fire).
//
// One timer per mount, whatever the number of reruns: each rerun only hands it the newest data
// (a timer per call would pile up, and each would trigger runs of its own).

const STATE = new WeakMap(); // parentElement -> {data, timer, busy, trigger}

// Every rerun goes through here. Not while the user has a list open (a selectbox's or
// multiselect's options): the rerun would redraw the page under it and close it mid-choice. The
// server's answer is not used up by asking, so the first step after the list closes reruns.
function fire(s) {
  if (document.querySelector('[role="listbox"]') === null) s.trigger("tick", Date.now());
}

async function step(s) {
  const d = s.data;
  if (!d || s.busy || document.hidden) return; // a hidden tab asks when it is shown again
  if (d.mode === "tick") return fire(s);
  if (d.mode !== "ask") return;
  s.busy = true;
  try {
    const r = await fetch(d.url, {
      method: "POST", body: d.token, cache: "no-store", credentials: "same-origin",
      headers: { "Content-Type": "text/plain" },
    });
    const got = r.ok ? await r.json() : null;
    if (s.data === d && (!got || typeof got.moved !== "boolean" || got.moved)) fire(s);
  } catch (e) {
    if (s.data === d) fire(s);
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

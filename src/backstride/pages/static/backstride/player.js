/* backstride: the guided session player. Shows one exercise at a time and counts the phases of its dose
   (get ready, holds, relax, switch sides, rest) from the numbers the page gives in data attributes; it
   decides nothing about the dose itself. Without this script the page is a plain list with the log form.
   Sound, speech, vibration and the wake lock are extras: where a browser lacks one, it is left out. */
(function () {
  "use strict";
  const root = document.querySelector("[data-player]");
  if (!root) return;
  const t = root.dataset;
  const steps = Array.from(root.querySelectorAll("[data-step]"));
  const end = root.querySelector("[data-end]");
  const clock = root.querySelector("[data-clock]");
  const el = function (name) { return root.querySelector("[data-" + name + "]"); };
  const face = el("face"), phaseText = el("label"), detail = el("detail"), bar = el("bar");
  const startButton = el("start"), doneButton = el("done"), pauseButton = el("pause"), resumeButton = el("resume");
  const reasons = el("reasons"), note = el("note");
  const outcomes = Array.from(root.querySelectorAll("[data-outcome]"));
  const whole = function (text) { const n = parseInt(text, 10); return isNaN(n) ? 0 : n; };
  const READY = whole(t.getReady), RELAX = whole(t.relax), SWITCH = whole(t.switch);
  const TAP_GUARD_MS = 1000;  // a double tap on "First side done" must not also end the second side
  const fill = function (text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (m, key) { return key in values ? values[key] : m; });
  };
  const results = steps.map(function () { return { held: 0, skipped: "" }; });
  const run = { plan: [], at: 0, left: 0, timer: null, active: false, label: "", shownAt: 0 };
  let current = 0;

  /* Sound, speech and vibration, each switched on or off by the runner and remembered on this device. */
  const settings = {};
  function remembered(key) { try { return window.localStorage.getItem("backstride.player." + key); } catch (e) { return null; } }
  function remember(key, on) { try { window.localStorage.setItem("backstride.player." + key, on ? "1" : "0"); } catch (e) { /* private mode */ } }
  root.querySelectorAll("[data-setting]").forEach(function (box) {
    const key = box.dataset.setting, saved = remembered(key);
    if (saved !== null) box.checked = saved === "1";
    settings[key] = box.checked;
    box.addEventListener("change", function () {
      settings[key] = box.checked;
      remember(key, box.checked);
      if (key === "beeps" && box.checked) beep(660, 60);  // a sample, and a tap that lets the browser play sound
    });
  });
  function ignore(promise) { if (promise && promise.catch) promise.catch(function () { /* not allowed here */ }); }
  let audio = null;
  function beep(pitch, ms) {
    if (!settings.beeps) return;
    try {
      const Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) return;
      audio = audio || new Context();
      if (audio.state === "suspended") ignore(audio.resume());
      const tone = audio.createOscillator(), volume = audio.createGain();
      tone.frequency.value = pitch;
      volume.gain.value = 0.15;
      tone.connect(volume);
      volume.connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + ms / 1000);
    } catch (e) { /* no sound on this device */ }
  }
  function speak(text) {
    if (!settings.voice || !text) return;
    try {
      if (!window.speechSynthesis || !window.SpeechSynthesisUtterance) return;
      const words = new window.SpeechSynthesisUtterance(text);
      words.lang = document.documentElement.lang || "";
      window.speechSynthesis.cancel();
      window.speechSynthesis.speak(words);
    } catch (e) { /* no voice on this device */ }
  }
  function buzz(pattern) {
    if (!settings.vibrate) return;
    try { if (navigator.vibrate) navigator.vibrate(pattern); } catch (e) { /* no vibration */ }
  }

  /* The screen stays on while a timer runs, and is let go on pause and at the end. */
  let lock = null, awake = false;
  function keepAwake(on) {
    awake = on;
    try {
      if (on && !lock && navigator.wakeLock) {
        navigator.wakeLock.request("screen").then(function (got) {
          if (awake && !lock) lock = got; else ignore(got.release());
        }, function () { /* refused, e.g. low battery */ });
      } else if (!on && lock) {
        ignore(lock.release());
        lock = null;
      }
    } catch (e) { lock = null; }
  }
  document.addEventListener("visibilitychange", function () {
    // the browser drops the lock when the page is hidden; take it again on return
    if (document.visibilityState === "visible" && awake) { lock = null; keepAwake(true); }
  });

  /* The phases of one exercise, from its dose; restFirst is the rest after the exercise before. */
  function dose(i) {
    const s = steps[i].dataset;
    return { name: s.name, sets: whole(s.sets), reps: whole(s.reps), hold: whole(s.hold), perSide: s.perSide === "1", rest: whole(s.rest) };
  }
  function planFor(i, restFirst) {
    const x = dose(i), plan = [];
    if (restFirst) plan.push({ kind: "rest", seconds: restFirst, between: true });
    plan.push({ kind: "ready", seconds: READY });
    for (let set = 1; set <= x.sets; set++) {
      const sides = x.perSide ? 2 : 1;
      for (let side = 1; side <= sides; side++) {
        if (side === 2) plan.push({ kind: "switch", seconds: x.hold ? SWITCH : 0, set: set, side: 2 });
        if (!x.hold) { plan.push({ kind: "work", set: set, side: side, last: side === sides }); continue; }
        for (let rep = 1; rep <= x.reps; rep++) {
          if (rep > 1) plan.push({ kind: "relax", seconds: RELAX, set: set, side: side });
          plan.push({ kind: "hold", seconds: x.hold, set: set, side: side, rep: rep });
        }
      }
      plan.push({ kind: "set" });
      if (set < x.sets) plan.push({ kind: "rest", seconds: x.rest, set: set + 1 });
    }
    plan.push({ kind: "finish", rest: x.rest });
    return plan;
  }

  function showButtons(which) {
    startButton.hidden = which !== "start";
    doneButton.hidden = which !== "done";
    pauseButton.hidden = which !== "timer";
    resumeButton.hidden = which !== "paused";
  }
  function showSide(side) {
    const figures = steps[current].querySelectorAll("img[data-side]");
    const mirrored = side === 2 && figures.length > 1;
    figures.forEach(function (img) { img.hidden = (img.dataset.side === "2") !== mirrored; });
  }
  function setFace(seconds, total) {
    face.textContent = seconds === "" ? "" : String(seconds);
    bar.hidden = !total;
    if (total) { bar.max = total; bar.value = total - seconds; }
  }
  function addHeld(seconds) {
    results[current].held += seconds;
    steps[current].querySelector("[data-held]").value = String(results[current].held);
  }
  function tickSet() {
    const box = Array.from(steps[current].querySelectorAll("[data-set]")).find(function (b) { return !b.checked; });
    if (box) box.checked = true;
  }

  function label(text) { run.label = text; phaseText.textContent = text; }
  function stopTimer() { if (run.timer) clearInterval(run.timer); run.timer = null; }
  function countdown(seconds) {
    run.left = seconds;
    setFace(seconds, seconds);
    stopTimer();
    run.timer = setInterval(tick, 1000);
  }
  function tick() {
    run.left -= 1;
    setFace(run.left, run.plan[run.at].seconds);
    if (run.left > 0 && run.left <= 3) beep(660, 120);
    if (run.left <= 0) { stopTimer(); phaseEnded(); }
  }
  function phaseEnded() {
    const p = run.plan[run.at];
    if (p.kind === "hold") { addHeld(p.seconds); beep(440, 450); buzz(250); }
    run.at += 1;
    enter();
  }

  function enter() {
    const p = run.plan[run.at], x = dose(current);
    root.dataset.phase = p.kind;
    showSide(p.side || 1);
    const where = [];
    if (x.sets > 1 && p.set) where.push(fill(t.tSetOf, { n: p.set, total: x.sets }));
    if (x.perSide && p.side) where.push(p.side === 1 ? t.tSide1 : t.tSide2);
    detail.textContent = where.join(" · ");
    if (p.kind === "set") { tickSet(); return next(); }
    if (p.kind === "finish") return finishExercise(p.rest);
    if (p.kind === "work") {
      label(t.tWork);
      setFace(x.reps || "", 0);
      doneButton.textContent = p.last ? t.tSetDone : t.tSideDone;
      run.shownAt = Date.now();
      showButtons("done");
      if (p.side !== 2) beep(880, 250);  // the second side was called by the switch before it
      return;
    }
    if (!p.seconds) {
      if (p.kind === "switch") { speak(t.tSwitch); buzz([100, 80, 100]); }
      return next();
    }
    showButtons("timer");
    if (p.kind === "ready") { label(t.tReady); speak(x.name); }
    if (p.kind === "hold") {
      label(x.reps > 1 ? fill(t.tHoldOf, { n: p.rep, total: x.reps }) : t.tHold);
      speak(t.tHold); beep(880, 250); buzz(150);
    }
    if (p.kind === "relax") { label(t.tRelax); speak(t.tRelax); }
    if (p.kind === "switch") { label(t.tSwitch); speak(t.tSwitch); buzz([100, 80, 100]); }
    if (p.kind === "rest") {
      label(p.between ? t.tNextUp : t.tRest);
      speak(fill(t.tRestSay, { s: p.seconds }));
    }
    countdown(p.seconds);
  }
  function next() { run.at += 1; enter(); }

  function begin(restFirst) {
    results[current].skipped = "";
    run.plan = planFor(current, restFirst);
    run.at = 0;
    run.active = true;
    keepAwake(true);
    enter();
  }
  function halt() {
    // leaving an exercise mid-hold keeps the seconds already held
    const p = run.active && run.plan[run.at];
    if (p && p.kind === "hold" && run.left < p.seconds) addHeld(p.seconds - run.left);
    stopTimer();
    run.active = false;
    keepAwake(false);
  }
  function show(i) {
    halt();
    current = Math.max(0, Math.min(i, steps.length));
    steps.forEach(function (step, k) { step.hidden = k !== current; });
    const atEnd = current === steps.length;
    end.hidden = !atEnd;
    clock.hidden = atEnd;
    el("settings").hidden = atEnd;
    reasons.hidden = true;
    delete root.dataset.phase;
    if (atEnd) finishSession();
    else { showSide(1); label(t.tIdle); detail.textContent = ""; setFace("", 0); showButtons("start"); }
    window.scrollTo(0, 0);
  }
  function finishExercise(rest) {
    show(current + 1);
    if (current < steps.length) begin(rest);
  }

  function finishSession() {
    speak(t.tFinished);
    beep(440, 600);
    const lines = [];
    steps.forEach(function (step, k) {
      const boxes = step.querySelectorAll("[data-set]");
      const ticked = step.querySelectorAll("[data-set]:checked").length;
      if (results[k].skipped) {
        outcomes[k].textContent = fill(t.tOutcomeSkipped, { reason: results[k].skipped });
        lines.push(fill(t.tNote, { name: step.dataset.name, reason: results[k].skipped }));
      } else if (ticked >= boxes.length) outcomes[k].textContent = t.tOutcomeDone;
      else if (!ticked) outcomes[k].textContent = t.tOutcomeNone;
      else outcomes[k].textContent = fill(t.tOutcomeSets, { n: ticked, total: boxes.length });
    });
    el("summary").hidden = false;
    el("end-back").hidden = false;
    // the skip reasons go in the note, where the runner sees them and may change them; their own words stay
    const previous = (note.dataset.added || "").split("\n");
    const own = note.value.split("\n").filter(function (line) { return previous.indexOf(line) < 0; });
    note.value = own.concat(lines).join("\n").trim();
    note.dataset.added = lines.join("\n");
  }

  startButton.addEventListener("click", function () { beep(660, 60); begin(0); });
  doneButton.addEventListener("click", function () {
    if (Date.now() - run.shownAt < TAP_GUARD_MS) return;
    beep(440, 200);
    next();
  });
  pauseButton.addEventListener("click", function () {
    stopTimer();
    keepAwake(false);
    phaseText.textContent = t.tPaused;
    showButtons("paused");
  });
  resumeButton.addEventListener("click", function () {
    keepAwake(true);
    phaseText.textContent = run.label;
    showButtons("timer");
    run.timer = setInterval(tick, 1000);
  });
  el("next").addEventListener("click", function () { show(current + 1); });
  el("back").addEventListener("click", function () { show(current - 1); });
  el("skip").addEventListener("click", function () { reasons.hidden = !reasons.hidden; });
  el("skip-cancel").addEventListener("click", function () { reasons.hidden = true; });
  reasons.querySelectorAll("[data-reason]").forEach(function (button) {
    button.addEventListener("click", function () {
      results[current].skipped = button.dataset.reason;
      show(current + 1);
    });
  });
  el("end-back").addEventListener("click", function () { show(steps.length - 1); });

  root.classList.add("playing");
  show(0);
})();

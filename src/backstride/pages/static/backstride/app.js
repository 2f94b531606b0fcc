/* backstride: the little JavaScript htmx cannot do: hold and rest timers, and the upload progress bar.
   Written for this project; no dependencies. Everything works without it, the timers only help. */
(function () {
  "use strict";
  const SWITCH_SECONDS = 10;
  const RELAX_SECONDS = 3;  // between the repetitions of a hold, as RELAX_SECONDS in pages/views/player.py

  function countdown(seconds, onTick, onDone, state) {
    let left = seconds;
    onTick(left);
    state.interval = setInterval(function () {
      left -= 1;
      onTick(left);
      if (left <= 0) { clearInterval(state.interval); state.interval = null; onDone(); }
    }, 1000);
  }

  function holdTimer(box) {
    const hold = parseInt(box.dataset.hold, 10);
    const reps = parseInt(box.dataset.reps || "1", 10);
    const perSide = box.dataset.perSide === "1";
    const rest = parseInt(box.dataset.rest || "0", 10);
    const face = box.querySelector("[data-face]");
    const prompt = box.querySelector("[data-prompt]");
    const held = box.querySelector("[data-held]");
    const heldText = box.querySelector("[data-held-text]");
    const start = box.querySelector("[data-start]");
    const stop = box.querySelector("[data-stop]");
    const card = box.closest(".exercise");
    const state = { interval: null, total: 0, running: false, phase: "" };

    function record(seconds) {
      state.total += seconds;
      held.value = String(state.total);
      heldText.textContent = String(state.total);
    }
    function say(text) { prompt.textContent = text; }
    function finishSet() {
      const box2 = card && Array.from(card.querySelectorAll("[data-set]")).find(function (c) { return !c.checked; });
      if (box2) box2.checked = true;
      box.classList.add("resting");
      state.phase = "rest";
      say(box.dataset.restText || "Rest");
      countdown(rest, function (s) { face.textContent = s; }, function () {
        box.classList.remove("resting");
        face.textContent = hold;
        say(box.dataset.doneText || "Set done. Start again for the next set.");
        state.running = false;
        start.hidden = false;
        stop.hidden = true;
      }, state);
    }
    function runHolds(side, rep) {
      if (rep > reps) {
        if (perSide && side === 1) {
          box.classList.add("switch");
          state.phase = "switch";
          say(box.dataset.switchText || "Switch sides");
          countdown(SWITCH_SECONDS, function (s) { face.textContent = s; }, function () {
            box.classList.remove("switch");
            runHolds(2, 1);
          }, state);
          return;
        }
        finishSet();
        return;
      }
      const holdText = (box.dataset.holdText || "hold {n} of {total}").replace("{n}", rep).replace("{total}", reps);
      const sideText = side === 1 ? box.dataset.firstSide || "First side" : box.dataset.secondSide || "Second side";
      const label = (perSide ? sideText + " · " : "") + holdText;
      say(label);
      state.phase = "hold";
      countdown(hold, function (s) { face.textContent = s; }, function () {
        record(hold);
        if (rep >= reps) { runHolds(side, rep + 1); return; }
        // a short relax before the next repetition, shown like a rest
        box.classList.add("resting");
        state.phase = "relax";
        say(box.dataset.restText || "Rest");
        countdown(RELAX_SECONDS, function (s) { face.textContent = s; }, function () {
          box.classList.remove("resting");
          runHolds(side, rep + 1);
        }, state);
      }, state);
    }
    start.addEventListener("click", function () {
      if (state.running) return;
      state.running = true;
      start.hidden = true;
      stop.hidden = false;
      runHolds(1, 1);
    });
    stop.addEventListener("click", function () {
      if (state.interval) clearInterval(state.interval);
      state.interval = null;
      state.running = false;
      box.classList.remove("switch", "resting");
      // only a hold cut short adds its seconds; a relax, switch or rest has none to add
      const shown = parseInt(face.textContent, 10);
      if (state.phase === "hold" && !isNaN(shown) && shown < hold) record(hold - shown);
      state.phase = "";
      face.textContent = hold;
      say(box.dataset.stoppedText || "Stopped. The seconds you held are kept.");
      start.hidden = false;
      stop.hidden = true;
    });
  }

  function restTimer(box) {
    const rest = parseInt(box.dataset.rest || "0", 10);
    const face = box.querySelector("[data-face]");
    const button = box.querySelector("[data-rest-start]");
    const state = { interval: null };
    if (!button) return;
    button.addEventListener("click", function () {
      if (state.interval) return;
      box.classList.add("resting");
      countdown(rest, function (s) { face.textContent = s; }, function () {
        box.classList.remove("resting");
        face.textContent = "";
      }, state);
    });
  }

  function init(root) {
    root.querySelectorAll(".timer[data-hold]").forEach(function (box) {
      if (!box.dataset.bound) { box.dataset.bound = "1"; holdTimer(box); }
    });
    root.querySelectorAll(".timer.rest-only").forEach(function (box) {
      if (!box.dataset.bound) { box.dataset.bound = "1"; restTimer(box); }
    });
  }

  // The upload progress bar of the run import: htmx reports the bytes sent; without script the form posts as usual.
  document.addEventListener("htmx:xhr:progress", function (event) {
    const bar = document.getElementById("import-progress");
    if (!bar || !event.detail.lengthComputable) return;
    bar.hidden = false;
    bar.value = Math.round((event.detail.loaded / event.detail.total) * 100);
  });

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSwap", function (event) { init(event.target); });
})();

// The study panel: opens (or resumes) the study session, shows the time studied and the media played
// as they grow, and makes the button live only when the server would count the study. The server is
// the clock: every few seconds, and on play and pause, a heartbeat brings back its count (media played
// is only what the player really played — its played ranges, never the scrubber's position).
(function () {
  "use strict";

  var print = document.querySelector("[data-print]");
  if (print) {
    print.addEventListener("click", function () { window.print(); });
  }

  var panel = document.querySelector("[data-study-lesson]");
  if (!panel) {
    return;
  }

  var form = panel.querySelector("form");
  var button = panel.querySelector("[data-study-button]");
  var status = panel.querySelector("[data-study-status]");
  var announce = panel.querySelector("[data-study-announce]");
  var bar = panel.querySelector("progress");
  var token = form.querySelector("input[name=__RequestVerificationToken]").value;
  // A narrated text lesson reports its narration, which stands in for reading; a lesson with its own recording, the recording.
  var optional = !!panel.getAttribute("data-listening-optional");
  var media = optional ? document.querySelector("[data-narration-audio]") : document.querySelector("video.player, audio.player");
  var minSeconds = number(panel.getAttribute("data-min-seconds"));
  var required = panel.getAttribute("data-media-required") ? number(panel.getAttribute("data-media-required")) : null;
  var counted = number(panel.getAttribute("data-media-seconds"));
  var startedAt = Date.now() - number(panel.getAttribute("data-elapsed")) * 1000;
  var heartbeatUrl = null;
  var stopped = false;
  button.disabled = true;

  function number(value) {
    var n = parseFloat(value);
    return isFinite(n) ? n : 0;
  }

  function text(name, a, b) {
    return (panel.getAttribute("data-text-" + name) || "").replace("{0}", a).replace("{1}", b);
  }

  function span(seconds) {
    seconds = Math.max(0, Math.round(seconds));
    return seconds >= 60 ? text("minutes", Math.floor(seconds / 60), seconds % 60) : text("seconds", seconds);
  }

  function played() {
    var total = 0;
    if (media) {
      for (var i = 0; i < media.played.length; i++) {
        total += media.played.end(i) - media.played.start(i);
      }
    }
    return total;
  }

  function render() {
    if (stopped || !heartbeatUrl) {
      return;
    }

    var elapsed = (Date.now() - startedAt) / 1000;
    var time = minSeconds > 0 ? Math.min(1, elapsed / minSeconds) : 1;
    var listened = required ? Math.min(1, counted / required) : 1;
    var ready = optional ? time >= 1 || listened >= 1 : time >= 1 && listened >= 1;
    bar.value = Math.floor((optional ? Math.max(time, listened) : Math.min(time, listened)) * 100);
    bar.textContent = bar.value + "%";
    var line = ready ? text("ready") : text("time", span(Math.min(elapsed, minSeconds)), span(minSeconds - elapsed));
    if (!ready && required) {
      line += " · " + text("media", Math.floor(counted), required);
    }
    if (status.textContent !== line) {
      status.textContent = line;
    }
    if (button.disabled === ready) {
      button.disabled = !ready;
      panel.classList.toggle("study-ready", ready);
      if (ready && announce) {
        announce.textContent = line;
      }
    }
  }

  function stop(message) {
    stopped = true;
    button.disabled = true;
    status.textContent = message;
    if (announce) {
      announce.textContent = message;
    }
  }

  // Reports the media played in this session — what the server had counted when this page resumed it,
  // plus what this page's player has played — and takes the server's count back.
  function beat(leaving) {
    if (!heartbeatUrl || stopped) {
      return;
    }

    var body = new URLSearchParams();
    body.set("mediaSeconds", (required ? mediaBase + played() : 0).toFixed(1));
    body.set("__RequestVerificationToken", token);
    var request = fetch(heartbeatUrl, { method: "POST", body: body, credentials: "same-origin", keepalive: !!leaving, headers: { "Accept": "application/json" } });
    if (leaving) {
      return;
    }

    request
      .then(function (response) {
        return response.json().then(function (result) { return { ok: response.ok, status: response.status, result: result }; });
      })
      .then(function (answer) {
        if (answer.ok) {
          counted = Math.max(counted, answer.result.mediaSeconds);
          startedAt = Date.now() - answer.result.elapsedSeconds * 1000;
          render();
        } else if (answer.status === 409 || answer.status === 404) {
          stop(answer.result.title || "");
        }
      })
      .catch(function () { /* the next beat tries again */ });
  }

  var mediaBase = 0;

  function start(opened) {
    heartbeatUrl = "/study/sessions/" + opened.sessionId + "/heartbeat";
    form.setAttribute("action", "/study/sessions/" + opened.sessionId + "/complete");
    var lesson = form.querySelector("input[name=lesson]");
    if (lesson) {
      lesson.remove();
    }
    button.textContent = button.getAttribute("data-done") || button.textContent;
    panel.setAttribute("data-study", opened.sessionId);
    minSeconds = opened.minSeconds;
    required = opened.mediaSecondsRequired;
    counted = opened.mediaSeconds || 0;
    mediaBase = counted;
    startedAt = Date.now() - (opened.elapsedSeconds || 0) * 1000;
    render();
    setInterval(render, 1000);
    setInterval(function () {
      if (!document.hidden) {
        beat();
      }
    }, 15000);
    if (media && required) {
      media.addEventListener("play", function () { beat(); });
      media.addEventListener("pause", function () { beat(); });
      media.addEventListener("ended", function () { beat(); });
    }
    document.addEventListener("visibilitychange", function () {
      beat(document.hidden);
    });
  }

  // The session is opened (or the open one resumed) by this POST, not by the page view: a link or an
  // image that loads a lesson page must never open a session or supersede the one a worker is in.
  var open = new URLSearchParams();
  open.set("lesson", panel.getAttribute("data-study-lesson"));
  open.set("__RequestVerificationToken", token);
  fetch("/study/sessions", { method: "POST", body: open, credentials: "same-origin", headers: { "Accept": "application/json" } })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (opened) {
      if (opened) {
        start(opened);
      } else {
        button.disabled = false; // the button still posts the form; the server says what is wrong
      }
    })
    .catch(function () { button.disabled = false; });
})();

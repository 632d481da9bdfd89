// The study panel: counts down the minimum time, reports media played (only what was really
// played: the player's played ranges, never the scrubber's position), and prints certificates.
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

  // The session is opened by this POST, not by the page view: a link or an image that loads a lesson
  // page must never open a session or supersede the one a worker is in.
  var form = panel.querySelector("form");
  var button = form.querySelector("button");
  var token = form.querySelector("input[name=__RequestVerificationToken]").value;
  var open = new URLSearchParams();
  open.set("lesson", panel.getAttribute("data-study-lesson"));
  open.set("__RequestVerificationToken", token);
  fetch(form.getAttribute("action"), { method: "POST", body: open, credentials: "same-origin", headers: { "Accept": "application/json" } })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (opened) {
      if (opened) {
        start(opened);
      }
    })
    .catch(function () { /* the panel stays disabled; reloading the page tries again */ });

  function start(opened) {
    var sessionUrl = "/study/sessions/" + opened.sessionId;
    form.setAttribute("action", sessionUrl + "/complete");
    form.querySelector("input[name=lesson]").remove();
    panel.setAttribute("data-study", opened.sessionId);
    button.disabled = false;
    countDown(opened.minSeconds);
    reportMedia(sessionUrl + "/heartbeat");
  }

  function countDown(seconds) {
    var countdown = panel.querySelector("[data-countdown]");
    var left = seconds || 0;
    if (!countdown || left <= 0) {
      return;
    }

    var timer = setInterval(function () {
      left -= 1;
      countdown.textContent = left > 0 ? "（" + left + "）" : "";
      if (left <= 0) {
        clearInterval(timer);
      }
    }, 1000);
  }

  function reportMedia(url) {
    // A narrated text lesson reports its narration; a lesson with its own recording, the recording.
    var media = panel.getAttribute("data-listening-optional")
      ? document.querySelector("[data-narration-audio]")
      : document.querySelector("video.player, audio.player");
    var progress = panel.querySelector("[data-media-progress]");
    if (!media || !panel.getAttribute("data-media-required")) {
      return;
    }

    function played() {
      var total = 0;
      for (var i = 0; i < media.played.length; i++) {
        total += media.played.end(i) - media.played.start(i);
      }
      return total;
    }

    function beat() {
      var body = new URLSearchParams();
      body.set("mediaSeconds", played().toFixed(1));
      body.set("__RequestVerificationToken", token);
      fetch(url, { method: "POST", body: body, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (result) {
          if (result && progress) {
            progress.textContent = "（" + result.mediaSeconds + " / " + result.mediaSecondsRequired + "）";
          }
        })
        .catch(function () { /* the next beat tries again */ });
    }

    var interval = null;
    media.addEventListener("play", function () {
      if (!interval) {
        interval = setInterval(beat, 15000);
      }
    });
    media.addEventListener("pause", function () {
      clearInterval(interval);
      interval = null;
      beat();
    });
    media.addEventListener("ended", beat);
  }
})();

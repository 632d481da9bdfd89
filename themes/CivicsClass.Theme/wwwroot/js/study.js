// The study panel: counts down the minimum time, reports media played (only what was really
// played: the player's played ranges, never the scrubber's position), and prints certificates.
(function () {
  "use strict";

  var print = document.querySelector("[data-print]");
  if (print) {
    print.addEventListener("click", function () { window.print(); });
  }

  var panel = document.querySelector("[data-study]");
  if (!panel) {
    return;
  }

  var form = panel.querySelector("form");
  var token = form.querySelector("input[name=__RequestVerificationToken]").value;
  var countdown = panel.querySelector("[data-countdown]");
  var left = parseInt(panel.getAttribute("data-min-seconds"), 10) || 0;
  if (countdown && left > 0) {
    var timer = setInterval(function () {
      left -= 1;
      countdown.textContent = left > 0 ? "（" + left + "）" : "";
      if (left <= 0) {
        clearInterval(timer);
      }
    }, 1000);
  }

  var media = document.querySelector("video.player, audio.player");
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

  var url = "/study/sessions/" + panel.getAttribute("data-study") + "/heartbeat";
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
})();

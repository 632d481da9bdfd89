// The lesson read aloud (听课): the sentence being read is highlighted and kept in view, a tap on a
// sentence plays from there, the speed is chosen from 0.75× to 1.5×. With the server's audio it is a
// real <audio> element (it keeps playing with the screen off, and the lock screen shows the lesson
// through Media Session); without it, the device's own voice reads the same sentences.
(function () {
  "use strict";

  var section = document.querySelector("[data-narration]");
  if (!section) {
    return;
  }

  var list = section.querySelector("[data-narration-sentences]");
  var buttons = Array.prototype.slice.call(list.querySelectorAll("button[data-index]"));
  var speed = section.querySelector("[data-narration-speed]");
  var audio = section.querySelector("[data-narration-audio]");
  var current = -1;

  function highlight(index) {
    if (index === current) {
      return;
    }

    if (current >= 0) {
      buttons[current].removeAttribute("aria-current");
    }

    current = index;
    if (index < 0) {
      return;
    }

    var button = buttons[index];
    button.setAttribute("aria-current", "true");
    // Only the list scrolls, so the page stays where the reader left it.
    var top = button.offsetTop;
    if (top < list.scrollTop || top + button.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = Math.max(0, top - list.clientHeight / 3);
    }
  }

  function rate() {
    var value = parseFloat(speed.value);
    return value >= 0.75 && value <= 1.5 ? value : 1;
  }

  function describe(handlers) {
    if (!("mediaSession" in navigator) || typeof MediaMetadata === "undefined") {
      return;
    }

    var artwork = section.getAttribute("data-artwork");
    navigator.mediaSession.metadata = new MediaMetadata({
      title: section.getAttribute("data-title") || document.title,
      artist: section.getAttribute("data-artist") || "",
      album: section.getAttribute("data-album") || "",
      artwork: artwork ? [{ src: artwork }] : []
    });
    Object.keys(handlers).forEach(function (action) {
      try {
        navigator.mediaSession.setActionHandler(action, handlers[action]);
      } catch (e) { /* an action this browser does not know */ }
    });
  }

  if (audio) {
    var starts = buttons.map(function (b) { return parseFloat(b.getAttribute("data-start")) || 0; });
    var sentenceAt = function (time) {
      var index = -1;
      for (var i = 0; i < starts.length && starts[i] <= time + 0.05; i++) {
        index = i;
      }
      return index;
    };
    var jump = function (index) {
      if (index < 0 || index >= starts.length) {
        return;
      }
      audio.currentTime = starts[index];
      highlight(index);
      audio.play();
    };

    audio.addEventListener("timeupdate", function () { highlight(sentenceAt(audio.currentTime)); });
    audio.addEventListener("ratechange", function () { speed.value = String(audio.playbackRate); });
    speed.addEventListener("change", function () { audio.playbackRate = rate(); });
    list.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-index]");
      if (button) {
        jump(parseInt(button.getAttribute("data-index"), 10));
      }
    });
    audio.addEventListener("play", function () {
      describe({
        play: function () { audio.play(); },
        pause: function () { audio.pause(); },
        previoustrack: function () { jump(Math.max(0, current - 1)); },
        nexttrack: function () { jump(current + 1); },
        seekto: function (details) { audio.currentTime = details.seekTime; }
      });
    });
    return;
  }

  // No server audio: the device reads the sentences one after another.
  var read = section.querySelector("[data-narration-read]");
  if (!("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") {
    var note = document.createElement("p");
    note.className = "narration-note";
    note.textContent = section.getAttribute("data-no-voice");
    list.parentNode.insertBefore(note, list);
    return;
  }

  var speaking = false;
  var generation = 0;
  function speakFrom(index) {
    window.speechSynthesis.cancel();
    generation++;
    if (index >= buttons.length) {
      stop();
      return;
    }

    var mine = generation;
    var utterance = new SpeechSynthesisUtterance(buttons[index].textContent);
    utterance.lang = "zh-CN";
    utterance.rate = rate();
    utterance.onend = function () {
      if (speaking && mine === generation) {
        speakFrom(index + 1);
      }
    };
    speaking = true;
    read.textContent = section.getAttribute("data-pause");
    highlight(index);
    window.speechSynthesis.speak(utterance);
  }

  function stop() {
    speaking = false;
    generation++;
    window.speechSynthesis.cancel();
    read.textContent = section.getAttribute("data-read");
  }

  read.hidden = false;
  read.addEventListener("click", function () {
    if (speaking) {
      stop();
    } else {
      speakFrom(Math.max(0, current));
    }
  });
  speed.addEventListener("change", function () {
    if (speaking) {
      speakFrom(Math.max(0, current));
    }
  });
  list.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-index]");
    if (button) {
      speakFrom(parseInt(button.getAttribute("data-index"), 10));
    }
  });
  window.addEventListener("pagehide", stop);
})();

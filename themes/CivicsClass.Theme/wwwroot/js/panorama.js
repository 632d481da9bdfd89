// Turns each venue panorama into Pannellum's 360° viewer when the visitor asks for it, so the page itself
// only loads the still picture. Hotspots open the venue's lessons in the same tab; the phone's gyroscope is
// offered by Pannellum's own button where the browser allows it (https, a phone, permission granted).
// Without WebGL the still picture and its link stay, with a sentence saying why.
(function () {
  "use strict";
  function hotspots(stage) {
    return JSON.parse(stage.getAttribute("data-hotspots") || "[]").map(function (h) {
      return {
        type: "info", yaw: h.yaw, pitch: h.pitch, text: h.title, URL: h.url,
        attributes: { title: h.title }, cssClass: "pnlm-hotspot pnlm-sprite pnlm-info panorama-hotspot"
      };
    });
  }
  function fail(stage, still, message) {
    if (stage.pannellumViewer) { try { stage.pannellumViewer.destroy(); } catch (e) { /* already gone */ } }
    stage.pannellumViewer = null;
    stage.classList.remove("panorama-live");
    stage.removeAttribute("role");
    stage.removeAttribute("aria-label");
    stage.replaceChildren(still);
    var note = document.createElement("p");
    note.className = "panorama-failed";
    note.setAttribute("role", "status");
    note.textContent = message;
    stage.appendChild(note);
  }
  function open(stage) {
    var still = stage.querySelector(".panorama-still");
    if (typeof pannellum === "undefined") { return; }
    stage.classList.add("panorama-live");
    stage.setAttribute("role", "region");
    stage.setAttribute("aria-label", stage.getAttribute("data-label") + "：" + stage.getAttribute("data-title"));
    stage.replaceChildren();
    var viewer = pannellum.viewer(stage, {
      type: "equirectangular",
      panorama: stage.getAttribute("data-panorama"),
      autoLoad: true,
      showFullscreenCtrl: true,
      compass: false,
      hfov: 100,
      mouseZoom: false,
      orientationOnByDefault: false,
      strings: JSON.parse(stage.getAttribute("data-strings") || "{}"),
      hotSpots: hotspots(stage)
    });
    stage.pannellumViewer = viewer;
    viewer.on("error", function () { fail(stage, still, stage.getAttribute("data-failed")); });
    viewer.on("load", function () { stage.setAttribute("data-loaded", "true"); stage.focus(); });
  }
  function prepare(stage) {
    var button = stage.querySelector(".panorama-enter");
    if (!button || typeof pannellum === "undefined") { return; }
    button.hidden = false;
    button.addEventListener("click", function () { open(stage); });
  }
  function start() { document.querySelectorAll(".panorama-stage[data-panorama]").forEach(prepare); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();

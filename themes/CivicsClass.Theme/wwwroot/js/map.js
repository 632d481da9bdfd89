// Draws the maps the pages describe in data attributes. Without tiles (offline, blocked) the
// markers still show on a blank map, and every venue's address stays on the page.
(function () {
  "use strict";
  function draw(element) {
    if (typeof L === "undefined") { return; }
    var markers = JSON.parse(element.getAttribute("data-markers") || "[]");
    if (markers.length === 0) { return; }
    element.classList.add("map-live");
    var map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(element.getAttribute("data-tiles"), {
      attribution: element.getAttribute("data-attribution"),
      maxZoom: 18
    }).addTo(map);
    var bounds = [];
    markers.forEach(function (m) {
      var link = document.createElement("a");
      link.href = m.url;
      link.textContent = m.title;
      L.marker([m.lat, m.lng], { title: m.title, alt: m.title }).addTo(map).bindPopup(link);
      bounds.push([m.lat, m.lng]);
    });
    if (bounds.length === 1) { map.setView(bounds[0], 13); } else { map.fitBounds(bounds, { padding: [24, 24] }); }
  }
  function start() { document.querySelectorAll(".map[data-markers]").forEach(draw); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();

// The lesson's mind map (思维导图): the nested list the server sends becomes a map that pans (drag), zooms
// (pinch, Ctrl+wheel, the buttons or + and -) and folds: each branch with branches under it is a button
// with aria-expanded. The arrow keys walk the map (Right opens or goes in, Left closes or goes out),
// Enter and Space fold, and the map moves to keep the focused branch in view.
(function () {
  "use strict";

  var MIN = 0.3, MAX = 3;

  Array.prototype.forEach.call(document.querySelectorAll("[data-mindmap]"), function (map) {
    var view = map.querySelector("[data-mindmap-view]");
    var tree = map.querySelector("[data-mindmap-tree]");
    var x = 8, y = 8, scale = 1;

    Array.prototype.forEach.call(tree.querySelectorAll("li"), function (li) {
      var label = li.querySelector(":scope > .mm-node");
      var list = li.querySelector(":scope > ul");
      if (!list) {
        label.tabIndex = -1;
        return;
      }

      var button = document.createElement("button");
      button.type = "button";
      button.className = label.className;
      button.textContent = label.textContent;
      button.setAttribute("aria-expanded", "true");
      button.setAttribute("aria-controls", list.id);
      label.replaceWith(button);
    });

    var tools = document.createElement("div");
    tools.className = "mindmap-tools";
    [["zoomIn", "＋", 1.25], ["zoomOut", "－", 0.8], ["reset", "⟲", 0]].forEach(function (tool) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = tool[1];
      button.setAttribute("aria-label", map.dataset[tool[0]] || tool[0]);
      button.title = button.getAttribute("aria-label");
      button.addEventListener("click", function () {
        if (tool[2]) {
          zoomAt(tool[2], view.clientWidth / 2, view.clientHeight / 2);
        } else {
          fit();
        }
      });
      tools.appendChild(button);
    });
    view.parentNode.insertBefore(tools, view);
    map.querySelector("[data-mindmap-hint]").hidden = false;
    map.classList.add("is-live");

    function apply() {
      tree.style.transform = "translate(" + x + "px," + y + "px) scale(" + scale + ")";
    }

    function zoomAt(factor, cx, cy) {
      var next = Math.min(MAX, Math.max(MIN, scale * factor));
      x = cx - (cx - x) * next / scale;
      y = cy - (cy - y) * next / scale;
      scale = next;
      apply();
    }

    function fit() {
      scale = Math.max(0.6, Math.min(1, (view.clientWidth - 16) / tree.offsetWidth));
      x = 8;
      y = Math.max(8, (view.clientHeight - tree.offsetHeight * scale) / 2);
      apply();
    }

    function nodes() {
      return Array.prototype.filter.call(tree.querySelectorAll(".mm-node"), function (node) { return node.offsetParent !== null; });
    }

    function setOpen(button, open) {
      button.setAttribute("aria-expanded", String(open));
      document.getElementById(button.getAttribute("aria-controls")).hidden = !open;
    }

    // Brings a branch into the frame by moving the map (the frame itself never scrolls).
    function reveal(node) {
      view.scrollLeft = view.scrollTop = 0;
      var frame = view.getBoundingClientRect(), box = node.getBoundingClientRect(), margin = 16;
      if (box.left < frame.left + margin) { x += frame.left + margin - box.left; }
      else if (box.right > frame.right - margin) { x -= Math.min(box.right - frame.right + margin, box.left - frame.left - margin); }
      if (box.top < frame.top + margin) { y += frame.top + margin - box.top; }
      else if (box.bottom > frame.bottom - margin) { y -= box.bottom - frame.bottom + margin; }
      apply();
    }

    function go(node) {
      if (node) {
        node.focus({ preventScroll: true });
        reveal(node);
      }
    }

    tree.addEventListener("focusin", function (event) { reveal(event.target); });

    tree.addEventListener("click", function (event) {
      var button = event.target.closest("button.mm-node");
      if (button && !dragged) {
        setOpen(button, button.getAttribute("aria-expanded") !== "true");
      }
    });

    map.addEventListener("keydown", function (event) {
      if (event.key === "+" || event.key === "=" || event.key === "-") {
        zoomAt(event.key === "-" ? 0.8 : 1.25, view.clientWidth / 2, view.clientHeight / 2);
        event.preventDefault();
        return;
      }

      var node = event.target.closest && event.target.closest(".mm-node");
      if (!node || !tree.contains(node)) {
        return;
      }

      var all = nodes(), at = all.indexOf(node), open = node.getAttribute("aria-expanded");
      var parent = node.parentNode.parentNode.closest("li");
      switch (event.key) {
        case "ArrowDown": go(all[at + 1]); break;
        case "ArrowUp": go(all[at - 1]); break;
        case "Home": go(all[0]); break;
        case "End": go(all[all.length - 1]); break;
        case "ArrowRight":
          if (open === "false") { setOpen(node, true); reveal(node); }
          else if (open === "true") { go(node.parentNode.querySelector(":scope > ul > li > .mm-node")); }
          break;
        case "ArrowLeft":
          if (open === "true") { setOpen(node, false); reveal(node); }
          else if (parent && tree.contains(parent)) { go(parent.querySelector(":scope > .mm-node")); }
          break;
        default: return;
      }

      event.preventDefault();
    });

    // One pointer pans, two pinch; a press that moved is a drag, not a tap on a branch.
    var pointers = new Map(), dragged = false, start = null;
    view.addEventListener("pointerdown", function (event) {
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      dragged = false;
      start = { x: event.clientX, y: event.clientY };
    });
    view.addEventListener("pointermove", function (event) {
      var last = pointers.get(event.pointerId);
      if (!last) {
        return;
      }

      var now = { x: event.clientX, y: event.clientY };
      if (!dragged && Math.abs(now.x - start.x) + Math.abs(now.y - start.y) > 6) {
        dragged = true;
        view.setPointerCapture(event.pointerId);
        view.classList.add("is-dragging");
      }

      if (pointers.size === 2) {
        var other = Array.from(pointers.entries()).find(function (entry) { return entry[0] !== event.pointerId; })[1];
        var before = Math.hypot(last.x - other.x, last.y - other.y), after = Math.hypot(now.x - other.x, now.y - other.y);
        var frame = view.getBoundingClientRect();
        if (before > 0) {
          zoomAt(after / before, (now.x + other.x) / 2 - frame.left, (now.y + other.y) / 2 - frame.top);
        }
      } else if (dragged) {
        x += now.x - last.x;
        y += now.y - last.y;
        apply();
      }

      pointers.set(event.pointerId, now);
    });
    function release(event) {
      pointers.delete(event.pointerId);
      view.classList.remove("is-dragging");
    }
    view.addEventListener("pointerup", release);
    view.addEventListener("pointercancel", release);
    view.addEventListener("wheel", function (event) {
      if (event.ctrlKey) {
        var frame = view.getBoundingClientRect();
        zoomAt(event.deltaY < 0 ? 1.1 : 0.9, event.clientX - frame.left, event.clientY - frame.top);
        event.preventDefault();
      }
    }, { passive: false });

    fit();
  });
})();

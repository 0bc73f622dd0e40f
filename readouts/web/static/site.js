/* readouts web: the document page's tooltips, item panel, legend toggles and jumps to spans.
   Every string shown comes from data attributes and is set with textContent, never as HTML. */
(function () {
  "use strict";

  function itemsAt(el, root) {
    // the items an element lies in, innermost first, each once
    var out = [], seen = {};
    for (var n = el; n && n !== root; n = n.parentElement) {
      var key = n.getAttribute && n.getAttribute("data-item");
      if (key && !seen[key]) {
        seen[key] = true;
        try { out.push(JSON.parse(n.getAttribute("data-tip"))); } catch (e) { /* malformed: skip */ }
      }
    }
    return out;
  }

  function render(box, items) {
    box.textContent = "";
    items.forEach(function (it) {
      var sec = document.createElement("section");
      sec.className = "tip-item tip-" + it.kind;
      var h = document.createElement("h3");
      h.textContent = it.kind + " " + it.id;
      sec.appendChild(h);
      var dl = document.createElement("dl");
      (it.fields || []).forEach(function (f) {
        var row = document.createElement("div");
        var dt = document.createElement("dt");
        var dd = document.createElement("dd");
        dt.textContent = f[0];
        dd.textContent = f[1];
        row.appendChild(dt);
        row.appendChild(dd);
        dl.appendChild(row);
      });
      sec.appendChild(dl);
      box.appendChild(sec);
    });
  }

  function pieces(key) {
    return document.querySelectorAll('[data-item="' + CSS.escape(key) + '"]');
  }

  function flash(key) {
    document.querySelectorAll(".flash").forEach(function (n) { n.classList.remove("flash"); });
    pieces(key).forEach(function (n) { n.classList.add("flash"); });
  }

  function initDocument(root) {
    var tip = document.getElementById("tip");
    var panel = document.getElementById("panel");

    function show(target, x, y) {
      var items = itemsAt(target, root);
      if (!items.length) { tip.hidden = true; return; }
      render(tip, items);
      tip.hidden = false;
      var w = tip.offsetWidth, h = tip.offsetHeight;
      var left = Math.min(x + 14, window.innerWidth - w - 8);
      var top = y + 18 + h > window.innerHeight ? y - h - 12 : y + 18;
      tip.style.left = Math.max(8, left) + "px";
      tip.style.top = Math.max(8, top) + "px";
    }

    function pin(target) {
      var items = itemsAt(target, root);
      if (items.length) { render(panel, items); flash(items[0].kind + ":" + items[0].id); }
    }

    root.addEventListener("mouseover", function (ev) {
      if (ev.target.closest("[data-item]")) { show(ev.target, ev.clientX, ev.clientY); }
    });
    root.addEventListener("mousemove", function (ev) {
      if (!tip.hidden && ev.target.closest("[data-item]")) { show(ev.target, ev.clientX, ev.clientY); }
    });
    root.addEventListener("mouseleave", function () { tip.hidden = true; });
    root.addEventListener("click", function (ev) {
      if (ev.target.closest("[data-item]")) { pin(ev.target); }
    });
    root.addEventListener("focusin", function (ev) {
      var r = ev.target.getBoundingClientRect();
      show(ev.target, r.left, r.bottom - 10);
      pin(ev.target);
    });
    root.addEventListener("focusout", function () { tip.hidden = true; });
    document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { tip.hidden = true; } });

    document.querySelectorAll("[data-goto]").forEach(function (a) {
      a.addEventListener("click", function (ev) {
        var key = a.getAttribute("data-goto");
        var first = pieces(key)[0];
        if (!first) { return; }
        ev.preventDefault();
        history.replaceState(null, "", "#" + first.id);
        first.scrollIntoView({ block: "center" });
        first.focus({ preventScroll: true });
      });
    });

    document.querySelectorAll("#legend input[data-kind]").forEach(function (box) {
      box.addEventListener("change", function () {
        root.classList.toggle("off-" + box.getAttribute("data-kind"), !box.checked);
      });
    });

    if (location.hash.length > 1) {
      var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target && root.contains(target)) {
        target.scrollIntoView({ block: "center" });
        pin(target);
      }
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("doc-text");
    if (root) { initDocument(root); }
  });
})();

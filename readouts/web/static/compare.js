/* readouts web: the compare page. An item both readouts report carries data-match="<n>" on both sides;
   hovering, focusing or clicking one marks it and its partner on the other side ("partner"), clicking also
   brings the partner into view and shows both in the panel. Text is set with textContent, never as HTML. */
(function () {
  "use strict";

  function matchesOf(el) {
    var m = el && el.closest ? el.closest("[data-match]") : null;
    return m ? m.getAttribute("data-match").split(/\s+/).filter(Boolean) : [];
  }

  function clear() {
    document.querySelectorAll(".partner, .active").forEach(function (n) {
      n.classList.remove("partner");
      n.classList.remove("active");
    });
  }

  function mark(ns, own) {
    clear();
    ns.forEach(function (n) {
      document.querySelectorAll('[data-match~="' + CSS.escape(n) + '"]').forEach(function (node) {
        var side = node.closest("[data-side]");
        var mine = own && side && side === own;
        node.classList.add(mine ? "active" : "partner");
      });
    });
  }

  function fields(node) {
    try { return JSON.parse(node.getAttribute("data-tip")); } catch (e) { return null; }
  }

  function show(panel, ns) {
    panel.textContent = "";
    ns.forEach(function (n) {
      var box = document.createElement("section");
      box.className = "pair-box";
      var h = document.createElement("h3");
      h.textContent = "#" + n + " reported by both";
      box.appendChild(h);
      ["a", "b"].forEach(function (letter) {
        var root = document.getElementById("text-" + letter);
        var pieces = root ? root.querySelectorAll('[data-match~="' + CSS.escape(n) + '"]') : [];
        if (!pieces.length) { return; }
        var text = "";
        var key = pieces[0].getAttribute("data-item");
        root.querySelectorAll('[data-item="' + CSS.escape(key) + '"]').forEach(function (p) {
          text += p.textContent;
        });
        var tip = fields(pieces[0]);
        var p = document.createElement("p");
        var b = document.createElement("strong");
        b.textContent = letter.toUpperCase() + (tip ? " " + tip.kind + " " + tip.id : "") + ": ";
        p.appendChild(b);
        p.appendChild(document.createTextNode(text));
        box.appendChild(p);
      });
      panel.appendChild(box);
    });
  }

  function init() {
    var a = document.getElementById("text-a");
    var b = document.getElementById("text-b");
    var panel = document.getElementById("cmp-panel");
    if (!a || !b) { return; }
    [a, b].forEach(function (root) {
      root.addEventListener("mouseover", function (ev) {
        var ns = matchesOf(ev.target);
        if (ns.length) { mark(ns, root); }
      });
      root.addEventListener("mouseleave", clear);
      root.addEventListener("focusin", function (ev) {
        var ns = matchesOf(ev.target);
        if (ns.length) { mark(ns, root); show(panel, ns); }
      });
      root.addEventListener("click", function (ev) {
        var ns = matchesOf(ev.target);
        if (!ns.length) { return; }
        mark(ns, root);
        show(panel, ns);
        var other = root === a ? b : a;
        var partner = other.querySelector('[data-match~="' + CSS.escape(ns[0]) + '"]');
        if (partner) { partner.scrollIntoView({ block: "nearest" }); }
      });
    });
    document.querySelectorAll("table.matched tr[data-match]").forEach(function (row) {
      var ns = [row.getAttribute("data-match")];
      row.addEventListener("mouseenter", function () { mark(ns, null); });
      row.addEventListener("mouseleave", clear);
    });
  }

  document.addEventListener("DOMContentLoaded", init);
})();

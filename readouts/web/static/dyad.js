/* readouts web: the dyad timeline, drawn with plotly.js from the JSON block the page carries.
   Bars: engagements per month stacked by modality; line: the month's mean Goldstein on a second axis.
   Clicking a month lists that month's engagements (?month=YYYY-MM). */
(function () {
  "use strict";
  var MODALITIES = [
    ["in_person", "in person", "#2563eb"],
    ["video", "video", "#0d9488"],
    ["phone", "phone", "#d97706"],
    ["written", "written", "#7c3aed"],
    ["unknown", "unknown", "#94a3b8"]
  ];

  function draw(el, data) {
    var months = data.months || [];
    // each month is drawn at its middle with a bar a little narrower than a month, however far apart months are
    var x = months.map(function (m) { return m.month + "-15"; });
    var ids = months.map(function (m) { return m.month; });
    var width = 24 * 86400000;
    var most = 0;
    var traces = [];
    MODALITIES.forEach(function (m) {
      var y = months.map(function (row) { return (row.by_modality || {})[m[0]] || 0; });
      if (y.some(function (v) { return v > 0; })) {
        traces.push({
          type: "bar", name: m[1], x: x, y: y, customdata: ids, marker: { color: m[2] },
          width: x.map(function () { return width; }),
          hovertemplate: "%{customdata}: %{y} " + m[1] + "<extra></extra>"
        });
      }
    });
    traces.push({
      type: "scatter", mode: "lines+markers", name: "mean Goldstein", yaxis: "y2", x: x, customdata: ids,
      connectgaps: true,
      y: months.map(function (row) { return row.mean_goldstein; }),
      line: { color: "#be123c", width: 2 }, marker: { size: 8, color: "#be123c" },
      hovertemplate: "%{customdata}: mean Goldstein %{y:+.1f}<extra></extra>"
    });
    months.forEach(function (row) { most = Math.max(most, row.engagements || 0); });
    var first = new Date(x[0]), last = new Date(x[x.length - 1]);
    var pad = 45 * 86400000;
    var layout = {
      barmode: "stack", height: 380, margin: { l: 50, r: 60, t: 10, b: 40 },
      paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)",
      font: { family: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", size: 13, color: "#1f2937" },
      legend: { orientation: "h", y: -0.15 },
      xaxis: { type: "date", tickformat: "%b %Y",
               range: [new Date(first.getTime() - pad).toISOString(), new Date(last.getTime() + pad).toISOString()] },
      yaxis: { title: { text: "engagements" }, rangemode: "tozero", gridcolor: "#e5e7eb",
               tickformat: ",d", dtick: most <= 8 ? 1 : null },
      yaxis2: { title: { text: "mean Goldstein" }, overlaying: "y", side: "right", range: [-10.5, 10.5], dtick: 5,
                zeroline: true, zerolinecolor: "#fda4af", showgrid: false }
    };
    var config = { displayModeBar: false, responsive: true };
    window.Plotly.newPlot(el, traces, layout, config).then(function () {
      el.setAttribute("data-rendered", "1");
    });
    el.on("plotly_click", function (ev) {
      var p = ev && ev.points && ev.points[0];
      if (!p) { return; }
      var month = String(p.customdata || "").slice(0, 7);
      if (/^\d{4}-\d{2}$/.test(month)) {
        location.assign(location.pathname + "?month=" + encodeURIComponent(month) + "#engagements");
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("chart");
    var src = document.getElementById("chart-data");
    if (!el || !src || !window.Plotly) { return; }
    draw(el, JSON.parse(src.textContent));
  });
})();

// Draws the dashboard's charts over the server-rendered page. The options are the ones the
// service renders to PNG for the digest, drawn 1080 px wide; here fonts are scaled to the
// screen and a tooltip is added. Without JavaScript the tables above carry every figure.
(function () {
  "use strict";
  var data = document.getElementById("dash-charts");
  if (!data || typeof echarts === "undefined") return;
  var specs = JSON.parse(data.textContent || "[]");
  function scaleFonts(node, factor) {
    if (Array.isArray(node)) {
      node.forEach(function (n) {
        scaleFonts(n, factor);
      });
      return;
    }
    if (!node || typeof node !== "object") return;
    Object.keys(node).forEach(function (key) {
      if (key === "fontSize" && typeof node[key] === "number") node[key] = Math.max(11, Math.round(node[key] * factor));
      else scaleFonts(node[key], factor);
    });
  }
  // Margins and gaps are in pixels of the 1080 px picture: scale them with the fonts.
  var LAYOUT_KEYS = ["left", "right", "top", "bottom", "nameGap", "barMaxWidth"];
  function scaleLayout(option, factor) {
    [option.grid, option.title, option.legend, option.xAxis, option.yAxis]
      .concat(option.series || [])
      .forEach(function (part) {
        if (!part || typeof part !== "object") return;
        LAYOUT_KEYS.forEach(function (key) {
          if (typeof part[key] === "number") part[key] = Math.round(part[key] * factor);
        });
      });
  }
  var charts = [];
  specs.forEach(function (spec) {
    var el = document.querySelector('[data-chart="' + spec.name + '"]');
    if (!el) return;
    var width = el.clientWidth || 360;
    var factor = Math.min(1, Math.max(0.45, width / spec.width));
    el.style.height = Math.max(260, Math.round(spec.height * factor * 1.3)) + "px";
    var option = spec.option;
    scaleFonts(option, factor);
    scaleLayout(option, factor);
    option.tooltip = { trigger: "axis", confine: true };
    var chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption(option);
    charts.push(chart);
  });
  window.addEventListener("resize", function () {
    charts.forEach(function (c) {
      c.resize();
    });
  });
  document.documentElement.setAttribute("data-charts-drawn", String(charts.length));
})();

// Draws the comparison chart from the JSON the server put in #chart-data (no network calls).
(function () {
  var el = document.getElementById("chart");
  var src = document.getElementById("chart-data");
  if (!el || !src || !window.echarts) return;
  var d = JSON.parse(src.textContent);
  if (!d || !d.series || !d.series.length) { el.style.display = "none"; return; }
  var chart = echarts.init(el, null, { renderer: "canvas" });
  var fmt = function (v) { return v == null ? "—" : Number(v).toLocaleString("zh-CN", { maximumFractionDigits: 4 }); };
  chart.setOption({
    animation: false,
    tooltip: { trigger: d.mode === "years" ? "axis" : "item", valueFormatter: function (v) { return fmt(v) + " " + (d.unit || ""); } },
    legend: d.mode === "years" ? { type: "scroll", top: 0 } : undefined,
    grid: { left: 80, right: 30, top: 40, bottom: d.mode === "units" ? 90 : 40 },
    xAxis: { type: "category", data: d.categories, axisLabel: { interval: 0, rotate: d.mode === "units" && d.categories.length > 6 ? 35 : 0 } },
    yAxis: { type: "value", name: d.unit || "", axisLabel: { formatter: function (v) { return Number(v).toLocaleString("zh-CN", { notation: "compact" }); } } },
    series: d.series
  });
  window.addEventListener("resize", function () { chart.resize(); });
  el.dataset.rendered = "1";
})();

// Draws the comparison charts from the JSON the server put in #chart-data (no network calls):
// a bar chart of one year, bodies already sorted by their actual (the year chosen in #bar-year),
// and, only when the server allows it (few bodies, several years), a line chart of actuals.
(function () {
  var src = document.getElementById("chart-data");
  if (!src || !window.echarts) return;
  var d = JSON.parse(src.textContent);
  var fmt = function (v) { return v == null ? "—" : Number(v).toLocaleString("zh-CN", { maximumFractionDigits: 4 }); };
  var unit = d.unit || "";
  var yAxis = { type: "value", name: unit, axisLabel: { formatter: function (v) { return Number(v).toLocaleString("zh-CN", { notation: "compact" }); } } };
  var charts = [];

  var barEl = document.getElementById("bar-chart");
  var select = document.getElementById("bar-year");
  if (barEl && d.bars && d.bars.length) {
    var bar = echarts.init(barEl, null, { renderer: "canvas" });
    charts.push(bar);
    var draw = function (year) {
      var b = d.bars.filter(function (x) { return String(x.year) === String(year); })[0] || d.bars[0];
      var names = b.items.map(function (i) { return i.org; });
      bar.setOption({
        animation: false,
        tooltip: { trigger: "axis", valueFormatter: function (v) { return fmt(v) + " " + unit; } },
        legend: { top: 0 },
        grid: { left: 80, right: 30, top: 40, bottom: names.length > 6 ? 90 : 40 },
        xAxis: { type: "category", data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 35 : 0 } },
        yAxis: yAxis,
        series: [
          { name: "实际", type: "bar", data: b.items.map(function (i) { return i.actual; }) },
          { name: "目标", type: "bar", data: b.items.map(function (i) { return i.target; }) }
        ]
      }, true);
      barEl.dataset.year = String(b.year);
    };
    draw(select ? select.value : d.year);
    if (select) select.addEventListener("change", function () { draw(select.value); });
    barEl.dataset.rendered = "1";
  }

  var lineEl = document.getElementById("line-chart");
  if (lineEl && d.line && d.line.shown) {
    var line = echarts.init(lineEl, null, { renderer: "canvas" });
    charts.push(line);
    line.setOption({
      animation: false,
      tooltip: { trigger: "axis", valueFormatter: function (v) { return fmt(v) + " " + unit; } },
      legend: { type: "scroll", top: 0 },
      grid: { left: 80, right: 30, top: 40, bottom: 40 },
      xAxis: { type: "category", data: d.line.years.map(String) },
      yAxis: yAxis,
      series: d.line.series.map(function (s) { return { name: s.org, type: "line", connectNulls: true, data: s.data }; })
    });
    lineEl.dataset.rendered = "1";
  }
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();

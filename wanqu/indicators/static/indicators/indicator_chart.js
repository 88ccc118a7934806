/* An indicator's observations against its targets. Qualified figures (≤ 5 minutes) are drawn
   with their own symbol and their tooltip names the qualifier: the point is a bound, not a value. */
(function () {
  "use strict";
  function esc(text) {
    return String(text == null ? "" : text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function draw() {
    var holder = document.getElementById("indicator-chart");
    var source = document.getElementById("indicator-chart-data");
    if (!holder || !source || typeof echarts === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    var palette = ["#1570c0", "#2e7d32", "#8e24aa", "#00838f", "#6d4c41"];
    var series = data.series.map(function (s, i) {
      return {
        name: s.name, type: "line", connectNulls: true, color: palette[i % palette.length],
        data: s.points.map(function (p) {
          var qualified = p.qualifier !== "";
          return {
            value: [p.date, p.value], text: p.text, qualifierName: p.qualifierName,
            symbol: qualified ? "diamond" : "circle", symbolSize: qualified ? 14 : 8,
            itemStyle: qualified ? { color: "#fff", borderColor: "#b7791f", borderWidth: 3 } : undefined,
            label: qualified ? { show: true, position: p.qualifier === "≤" || p.qualifier === "<" ? "bottom" : "top",
                                 formatter: p.qualifier, color: "#b7791f", fontWeight: "bold" } : undefined
          };
        })
      };
    });
    if (data.targets.length) {
      series.push({
        name: data.labels.target, type: "line", color: "#c62828", lineStyle: { type: "dashed" },
        symbol: "rect", symbolSize: 10,
        data: data.targets.map(function (t) { return { value: [t.date, t.value], text: t.text, target: true }; }),
        // The latest target as a level across the chart, so every observation reads against it.
        markLine: { silent: true, symbol: "none", lineStyle: { type: "dashed", color: "#c62828" },
                    label: { formatter: data.targets[data.targets.length - 1].text, position: "insideEndTop" },
                    data: [{ yAxis: data.targets[data.targets.length - 1].value }] }
      });
    }
    var compact = new Intl.NumberFormat(document.documentElement.lang || "en", { notation: "compact", maximumFractionDigits: 2 });
    var chart = echarts.init(holder);
    chart.setOption({
      grid: { left: 16, right: 24, top: 48, bottom: 24, containLabel: true },
      legend: { top: 0 },
      tooltip: {
        trigger: "item",
        formatter: function (p) {
          var d = p.data || {};
          var lines = [esc(p.seriesName), esc(p.value[0]) + ": <b>" + esc(d.text) + "</b>"];
          if (d.qualifierName) { lines.push(esc(d.qualifierName) + " — " + esc(data.labels.qualified)); }
          return lines.join("<br>");
        }
      },
      xAxis: { type: "time" },
      yAxis: { type: "value", name: data.unit, scale: false,
               axisLabel: { formatter: function (v) { return compact.format(v); } } },
      series: series
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();

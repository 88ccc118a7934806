/* The dashboard's charts (ECharts). Each bar and slice leads to the same filtered list as the
   number in the table below it. The data comes from the page (json_script), already translated. */
(function () {
  "use strict";
  var source = document.getElementById("dash-charts");
  if (!source || !window.echarts) { return; }
  var specs = JSON.parse(source.textContent);
  var charts = [];
  var font = getComputedStyle(document.documentElement).fontFamily;

  function narrow(node) { return node.clientWidth < 480; }

  function stacked(spec, node) {
    var rows = spec.categories.length;
    var small = narrow(node);
    // On a phone long names break onto two lines instead of being cut to the same prefix.
    var top = small ? 12 + 24 * Math.ceil(spec.series.length / 3) : 36;
    node.style.height = Math.max(140, rows * (small ? 46 : 30) + top + 34) + "px";
    return {
      animation: false,
      textStyle: { fontFamily: font },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, confine: true },
      legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12, textStyle: { fontSize: 12 } },
      grid: { left: 4, right: 16, top: top, bottom: 4, containLabel: true },
      xAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#eef2f7" } } },
      yAxis: {
        type: "category", inverse: true, data: spec.categories,
        axisLabel: {
          width: small ? 110 : 230, overflow: small ? "break" : "truncate", fontSize: small ? 11 : 12,
          lineHeight: 13
        }
      },
      series: spec.series.map(function (s) {
        return {
          type: "bar", name: s.name, stack: spec.kind === "stacked" ? "all" : undefined,
          itemStyle: { color: s.color }, barMaxWidth: 22, data: s.data, cursor: "pointer",
          label: { show: spec.kind !== "stacked", position: "right", fontSize: 12 },
          emphasis: { focus: "series" }
        };
      })
    };
  }

  function pie(spec, node) {
    return {
      animation: false,
      textStyle: { fontFamily: font },
      tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)", confine: true },
      legend: { bottom: 0, itemWidth: 12, itemHeight: 12 },
      series: [{
        type: "pie", radius: ["42%", "68%"], center: ["50%", "45%"], data: spec.data, cursor: "pointer",
        label: { show: !narrow(node), formatter: "{b}\n{c}", fontSize: 12 }, avoidLabelOverlap: true
      }]
    };
  }

  document.querySelectorAll("[data-chart]").forEach(function (node) {
    var spec = specs[node.getAttribute("data-chart")];
    if (!spec) { return; }
    var option = spec.kind === "pie" ? pie(spec, node) : stacked(spec, node);
    var chart = echarts.init(node, null, { renderer: "canvas" });
    chart.setOption(option);
    chart.on("click", function (event) {
      if (event.data && event.data.url) { window.location.href = event.data.url; }
    });
    charts.push(chart);
  });

  var pending = null;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(function () { charts.forEach(function (c) { c.resize(); }); }, 120);
  });
})();

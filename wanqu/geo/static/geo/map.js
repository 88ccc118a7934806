/* Wanqu's offline map: ECharts' geo component on the 11 cities of static/vendor/gba.geojson.
 *
 * #gba-map with the #map-data JSON (wanqu/geo/templates/geo/map.html) is the full map: projects
 * as points and lines coloured by stage, platforms as areas, each clickable to its page.
 * [data-wanqu-minimap] elements (geo/_minimap.html) show one geometry on a small map.
 * Everything comes from the app's own static files; nothing is fetched from elsewhere.
 */
(function () {
  "use strict";
  if (window.WanquMap) {
    return; // geo/_minimap.html may load this file more than once on a page
  }

  var boundaries = {};

  function loadBoundaries(url) {
    if (!boundaries[url]) {
      boundaries[url] = fetch(url, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("gba.geojson: HTTP " + response.status);
          }
          return response.json();
        })
        .then(function (geojson) {
          window.echarts.registerMap("gba", geojson);
          return geojson;
        });
    }
    return boundaries[url];
  }

  function showMissing(el) {
    el.textContent = "";
    var p = document.createElement("p");
    p.className = "map-missing";
    p.textContent = el.dataset.missing || "";
    el.appendChild(p);
  }

  // Longitude degrees are shorter than latitude ones at the Bay (about 22.5° N).
  var ASPECT = Math.cos((22.5 * Math.PI) / 180);

  function geo(options) {
    return {
      map: "gba",
      roam: options.roam,
      aspectScale: ASPECT,
      nameMap: options.nameMap || {},
      top: options.margin[0],
      right: options.margin[1],
      bottom: options.margin[2],
      left: options.margin[1],
      scaleLimit: { min: 0.8, max: 12 },
      label: { show: !!options.labels, color: "#3d4b5a", fontSize: 12 },
      itemStyle: { areaColor: "#eef3f8", borderColor: "#8aa1b8", borderWidth: 1 },
      emphasis: {
        label: { show: !!options.labels, color: "#0b4f8a" },
        itemStyle: { areaColor: "#dde8f3" },
      },
      select: { disabled: true },
      silent: !options.labels,
    };
  }

  function fullMap(el, data) {
    var chart = window.echarts.init(el, null, { renderer: "canvas" });
    var nameMap = {};
    data.cities.forEach(function (city) {
      nameMap[city.code] = city.name;
    });
    var series = [
      {
        name: data.platform_label,
        type: "custom",
        coordinateSystem: "geo",
        z: 3,
        itemStyle: { color: data.platform_colour },
        data: data.platforms.map(function (p) {
          return { name: p.name, value: p.rings[0][0], url: p.url, rings: p.rings, kind: "platform" };
        }),
        renderItem: function (params, api) {
          var platform = data.platforms[params.dataIndex];
          return {
            type: "group",
            children: platform.rings.map(function (ring) {
              return {
                type: "polygon",
                shape: { points: ring.map(function (c) { return api.coord(c); }) },
                style: { fill: "rgba(11, 79, 138, 0.22)", stroke: data.platform_colour, lineWidth: 1.5 },
                emphasis: { style: { fill: "rgba(11, 79, 138, 0.4)" } },
              };
            }),
          };
        },
      },
    ];
    var present = {};
    data.projects.forEach(function (p) {
      present[p.stage] = true;
    });
    var legend = [data.platform_label];
    data.stages.forEach(function (stage) {
      if (!present[stage.value]) {
        return;
      }
      legend.push(stage.label);
      var mine = data.projects.filter(function (p) { return p.stage === stage.value; });
      var tip = function (p) { return p.name + "<br>" + p.kind_label + " · " + p.stage_label; };
      series.push({
        name: stage.label,
        type: "lines",
        coordinateSystem: "geo",
        polyline: true,
        z: 4,
        lineStyle: { color: stage.colour, width: 4, opacity: 0.9, cap: "round" },
        emphasis: { lineStyle: { width: 7 } },
        data: mine.filter(function (p) { return p.shape === "line"; }).map(function (p) {
          return { name: p.name, coords: p.coords, url: p.url, tip: tip(p), id: p.id };
        }),
      });
      series.push({
        name: stage.label,
        type: "scatter",
        coordinateSystem: "geo",
        z: 5,
        symbolSize: 13,
        itemStyle: { color: stage.colour, borderColor: "#fff", borderWidth: 2 },
        emphasis: { scale: 1.5 },
        data: mine.filter(function (p) { return p.shape === "point"; }).map(function (p) {
          return { name: p.name, value: p.coords, url: p.url, tip: tip(p), id: p.id };
        }),
      });
    });
    chart.on("finished", function () {
      el.dataset.ready = "true";
    });
    chart.setOption({
      title: {
        text: data.schematic,
        left: 8,
        bottom: 6,
        textStyle: { fontSize: 12, fontWeight: "normal", color: "#5b6b7c" },
      },
      tooltip: {
        trigger: "item",
        confine: true,
        formatter: function (params) {
          var d = params.data || {};
          return d.tip || params.name;
        },
      },
      legend: { data: legend, top: 6, left: 8, orient: "horizontal", type: "scroll", textStyle: { fontSize: 12 } },
      geo: geo({ roam: true, labels: true, nameMap: nameMap, margin: [44, 16, 30] }),
      series: series,
    });
    chart.on("click", function (params) {
      var d = params.data;
      if (d && d.url) {
        window.location.assign(d.url);
      }
    });
    window.addEventListener("resize", function () { chart.resize(); });
    return chart;
  }

  function miniMap(el) {
    var geometry = JSON.parse(el.dataset.geometry || "null");
    var chart = window.echarts.init(el, null, { renderer: "canvas" });
    var series = [];
    var colour = "#c62828";
    if (geometry) {
      var t = geometry.type;
      var c = geometry.coordinates;
      if (t === "Point" || t === "MultiPoint") {
        series.push({
          type: "effectScatter",
          coordinateSystem: "geo",
          symbolSize: 10,
          rippleEffect: { scale: 3, brushType: "stroke" },
          itemStyle: { color: colour },
          data: (t === "Point" ? [c] : c).map(function (v) { return { value: v }; }),
        });
      } else if (t === "LineString" || t === "MultiLineString") {
        series.push({
          type: "lines",
          coordinateSystem: "geo",
          polyline: true,
          lineStyle: { color: colour, width: 4 },
          data: (t === "LineString" ? [c] : c).map(function (line) { return { coords: line }; }),
        });
      } else if (t === "Polygon" || t === "MultiPolygon") {
        var polygons = t === "Polygon" ? [c] : c;
        series.push({
          type: "custom",
          coordinateSystem: "geo",
          data: [{ value: polygons[0][0][0] }],
          renderItem: function (params, api) {
            return {
              type: "group",
              children: polygons.map(function (polygon) {
                return {
                  type: "polygon",
                  shape: { points: polygon[0].map(function (p) { return api.coord(p); }) },
                  style: { fill: "rgba(198, 40, 40, 0.3)", stroke: colour, lineWidth: 1.5 },
                };
              }),
            };
          },
        });
      }
    }
    // Listen first: without animation setOption draws at once. A point's ripple animates for
    // ever, so "finished" never comes: the first frame is enough.
    chart.on("rendered", function () {
      el.dataset.ready = "true";
    });
    chart.setOption({ animation: false, geo: geo({ roam: false, labels: false, margin: [6, 6, 6] }), series: series });
    window.addEventListener("resize", function () { chart.resize(); });
    return chart;
  }

  function mount(el, draw) {
    if (!window.echarts || !window.fetch) {
      showMissing(el);
      return;
    }
    loadBoundaries(el.dataset.geojson)
      .then(function () {
        el.textContent = "";
        el.wanquChart = draw(el);
      })
      .catch(function () {
        showMissing(el);
      });
  }

  function start() {
    var el = document.getElementById("gba-map");
    var json = document.getElementById("map-data");
    if (el && json) {
      var data = JSON.parse(json.textContent);
      mount(el, function (target) { return fullMap(target, data); });
    }
    document.querySelectorAll("[data-wanqu-minimap]").forEach(function (mini) {
      if (!mini.dataset.mounted) {
        mini.dataset.mounted = "true";
        mount(mini, miniMap);
      }
    });
  }

  window.WanquMap = { start: start };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

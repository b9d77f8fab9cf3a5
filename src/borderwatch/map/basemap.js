// The offline base map: land, lakes, rivers, boundaries and labels drawn from one JSON
// file (scripts/build_basemap.py), so the map reads without any tile server.
// Panes keep the order whatever arrives first: land under the online tiles (when the
// user switches them on), lines and labels over them, events over everything.
/* exported bwBaseMap */
/* global L */
function bwBaseMap(map, url, data) {
    "use strict";
    var panes = {bwLand: 150, bwCountries: 160, bwWater: 170, bwLines: 250, bwLabels: 450};
    Object.keys(panes).forEach(function (name) {
        var pane = map.getPane(name) || map.createPane(name);
        pane.style.zIndex = panes[name];
        pane.style.pointerEvents = "none";
    });
    var SEA = "#dbe7ef";  // the map's background (build.SEA): lakes read as the sea does
    var RIVER = "#6b9cc4";
    var plain = function (pane, style) {
        return {pane: pane, interactive: false, style: style};
    };
    var labelLayer = L.layerGroup([], {pane: "bwLabels"});

    var labelIcon = function (text, kind) {
        var span = document.createElement("span");
        span.textContent = text;  // package data, but never markup
        return L.divIcon({className: "bw-lbl bw-lbl-" + kind, html: span.outerHTML,
                          iconSize: [0, 0], iconAnchor: [0, 0]});
    };

    var draw = function (d) {
        L.geoJSON(d.land, plain("bwLand", {color: "#a9bfcf", weight: 0.8,
            fillColor: "#efece4", fillOpacity: 1})).addTo(map);
        L.geoJSON(d.lakes, plain("bwWater", {color: "#a9bfcf", weight: 0.6,
            fillColor: SEA, fillOpacity: 1})).addTo(map);
        L.geoJSON(d.provinces, plain("bwLines", {color: "#b3a999", weight: 0.8,
            dashArray: "3 3", opacity: 0.9})).addTo(map);
        L.geoJSON(d.rivers, plain("bwLines", function (f) {
            var named = Boolean(f.properties.name);
            return {color: RIVER, weight: named ? 2.2 : 1, opacity: named ? 1 : 0.8};
        })).addTo(map);
        L.geoJSON(d.boundaries, plain("bwLines", {color: "#8d8478", weight: 1.2,
            opacity: 0.9})).addTo(map);

        var lb = d.labels;
        var markers = {};
        var shown = {};
        // Only the labels due at this zoom and inside the view (with a margin) are in the
        // page: a few hundred elements however far the user zooms in.
        var update = function () {
            var zoom = map.getZoom();
            var view = map.getBounds().pad(0.25);
            var wanted = {};
            for (var i = 0; i < lb.text.length; i++) {
                if (lb.z[i] > zoom) { continue; }
                if (!view.contains([lb.lat[i], lb.lon[i]])) { continue; }
                wanted[i] = true;
                if (!shown[i]) {
                    if (!markers[i]) {
                        markers[i] = L.marker([lb.lat[i], lb.lon[i]], {
                            icon: labelIcon(lb.text[i], lb.kinds[lb.kind[i]]),
                            pane: "bwLabels", interactive: false, keyboard: false});
                    }
                    labelLayer.addLayer(markers[i]);
                    shown[i] = true;
                }
            }
            Object.keys(shown).forEach(function (k) {
                if (!wanted[k]) { labelLayer.removeLayer(markers[k]); delete shown[k]; }
            });
            // CSS shows the crossings' own labels by zoom (they belong to the crossing layer)
            map.getContainer().setAttribute("data-bw-zoom", String(Math.round(zoom)));
        };
        labelLayer.addTo(map);
        map.on("zoomend moveend", update);
        update();
        map.bwBaseMap = {labels: labelLayer, update: update};
    };

    if (data) {
        draw(data);
    } else {
        fetch(url).then(function (r) { return r.json(); }).then(draw);
    }
}

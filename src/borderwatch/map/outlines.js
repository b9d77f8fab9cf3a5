// The country outlines (Afghanistan picked out, names on hover) and the Afghan border in
// red (length on hover), drawn into their feature group from the data, or fetched from
// `url` (the bundled outlines, served as a static file so the map's script stays small).
// Every text property arrives HTML-escaped (borderwatch.map.build.outlines_geojson).
/* exported bwOutlines */
/* global L, el */
function bwOutlines(group, url, data) {
    "use strict";
    var layer = function (kind) {
        return function (f) { return f.properties.layer === kind; };
    };
    var tip = function (lines) {
        var box = document.createElement("div");
        lines.forEach(function (line) { box.appendChild(el("div", null, line)); });
        return box;
    };
    var draw = function (d) {
        L.geoJSON(d, {
            filter: layer("country"),
            pane: "bwCountries",  // under the online tiles, when the user switches them on
            style: function (f) {
                return {stroke: false, fillColor: "#fbf8ef",
                        fillOpacity: f.properties.iso3 === "AFG" ? 1.0 : 0.0};
            },
            onEachFeature: function (f, l) {
                l.bindTooltip(function () { return tip([String(f.properties.name)]); },
                              {sticky: true});
            }
        }).addTo(group);
        L.geoJSON(d, {
            filter: layer("afghan_border"),
            style: {color: "#d62728", weight: 3, opacity: 0.9},
            onEachFeature: function (f, l) {
                l.bindTooltip(function () {
                    return tip(["Border: " + f.properties.name,
                                "Length (km): " + f.properties.length_km]);
                }, {sticky: true});
            }
        }).addTo(group);
    };
    if (data) {
        draw(data);
    } else {
        fetch(url).then(function (r) { return r.json(); }).then(draw);
    }
}

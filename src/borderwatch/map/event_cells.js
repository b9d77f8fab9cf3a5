/* Grid cells with counts, drawn instead of markers above the point limit
   (borderwatch.map.eventlayer.EventCells). Text in the blob is HTML-escaped. */
/* global L, el, lazyPopups */
/* exported bwEventCells */

function bwEventCells(d, parent) {
    var icon = function (n) {
        var px = Math.round(24 + 9 * Math.log10(n));
        var label = document.createElement("span");
        label.textContent = n >= 10000 ? Math.round(n / 1000) + "k" : String(n);
        return L.divIcon({className: "bw-cell", html: label.outerHTML,
                          iconSize: [px, px], iconAnchor: [px / 2, px / 2]});
    };
    // Nearby cells merge into one circle showing their total until zoomed in.
    var group = L.markerClusterGroup({
        maxClusterRadius: 50, showCoverageOnHover: false,
        iconCreateFunction: function (cluster) {
            var total = 0;
            cluster.getAllChildMarkers().forEach(function (m) {
                total += d.n[m.bwIndex];
            });
            return icon(total);
        }
    });
    var markers = d.n.map(function (n, i) {
        var m = L.marker([d.lat[i], d.lon[i]], {icon: icon(n)});
        m.bwIndex = i;
        return m;
    });
    group.addLayers(markers);
    var popup = function (i) {
        var box = el("div", "bw-popup");
        box.appendChild(el("div", "bw-title",
            d.n[i].toLocaleString("en") + " events in this cell"));
        box.appendChild(el("div", "bw-key",
            d.south[i].toFixed(2) + "–" + (d.south[i] + d.size).toFixed(2) + "°N, " +
            d.west[i].toFixed(2) + "–" + (d.west[i] + d.size).toFixed(2) + "°E"));
        var rows = d.by[i].map(function (n, t) { return [n, t]; })
            .filter(function (r) { return r[0] > 0; })
            .sort(function (a, b) { return b[0] - a[0]; });
        rows.forEach(function (r) {
            box.appendChild(el("div", null,
                d.types[r[1]] + ": " + r[0].toLocaleString("en")));
        });
        return box;
    };
    lazyPopups(group, popup, 320);
    // The note shows while the cells are on the map, and goes with them.
    var note = L.control({position: "bottomleft"});
    note.onAdd = function () { return el("div", "bw-note", d.note); };
    group.on("add", function () { note.addTo(group._map); });
    group.on("remove", function () { note.remove(); });
    group.bwCount = d.n.length;
    group.addTo(parent);
    return group;
}

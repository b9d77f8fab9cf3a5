/* Grid cells with counts, drawn where the events in view exceed the point budget
   (borderwatch.map.eventlayer.EventCells). Each cell is sized for the zoom it was
   counted at; clicking one zooms the map to it, and the server answers with finer
   cells or single events; at the closest zoom (d.open) the click alone tells the server,
   which draws the cell's events page by page. Text in the blob is HTML-escaped. */
/* global L, el, showNote */
/* exported bwEventCells */

function bwEventCells(d, parent) {
    var icon = function (n) {
        var px = Math.round(24 + 9 * Math.log10(n));
        var label = document.createElement("span");
        label.textContent = n >= 10000 ? Math.round(n / 1000) + "k" : String(n);
        return L.divIcon({className: "bw-cell", html: label.outerHTML,
                          iconSize: [px, px], iconAnchor: [px / 2, px / 2]});
    };
    var summary = function (i) {
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
        box.appendChild(el("div", "bw-key",
            d.open ? "Click to list its events" : "Click to zoom in"));
        return box;
    };
    var group = L.featureGroup();
    // The cells come for the view and a wide margin around it (so a pan has them at
    // once), but a marker is made only when its cell comes near the view: making and
    // laying out a thousand markers took 175-450 ms in the browser, a few hundred far less.
    var made = [];
    var fill = function () {
        var map = group._map;
        if (!map) { return; }
        var near = map.getBounds().pad(0.25);
        d.n.forEach(function (n, i) {
            if (made[i] || !near.contains([d.lat[i], d.lon[i]])) { return; }
            made[i] = true;
            var m = L.marker([d.lat[i], d.lon[i]], {icon: icon(n)});
            m.bwIndex = i;
            m.bindTooltip(function () { return summary(i); }, {direction: "top"});
            m.addTo(group);
        });
    };
    group.on("add", function () {
        fill();
        group._map.on("moveend", fill);
    });
    group.on("remove", function () {
        if (group._map) { group._map.off("moveend", fill); }
    });
    group.on("click", function (e) {
        var i = e.layer && e.layer.bwIndex;
        // at the closest zoom the server lists the clicked cell's events instead
        if (i === undefined || !group._map || d.open) { return; }
        group._map.fitBounds([[d.south[i], d.west[i]],
                              [d.south[i] + d.size, d.west[i] + d.size]]);
    });
    showNote(group, d.note);
    group.bwCount = d.n.length;
    group.bwCellDeg = d.size;
    group.bwOpen = Boolean(d.open);  // cells that list their events when clicked
    group.addTo(parent);
    return group;
}

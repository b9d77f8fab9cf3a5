/* Clustered event markers drawn from one columnar blob (borderwatch.map.eventlayer.EventMarkers).
   Every text in the blob is HTML-escaped; it only ever reaches the page as text nodes. */
/* global L, decode, el, lazyPopups, showNote */
/* exported bwEventMarkers */

function bwEventMarkers(d, options, parent) {
    var icons = d.types.map(function (t) {
        var span = document.createElement("span");
        span.style.background = t[2];
        var i = document.createElement("i");
        i.className = "fa-solid fa-" + t[3];
        span.appendChild(i);
        return L.divIcon({className: "bw-icon", html: span.outerHTML,
                          iconSize: [24, 24], iconAnchor: [12, 12],
                          popupAnchor: [0, -10]});
    });
    var row = function (box, key, value) {
        if (!value) { return; }
        var p = el("div");
        p.appendChild(el("span", "bw-key", key));
        // a real space: the page reads the "Event <id>" line from the popup's text
        // (clicked_event_id in eventlayer.py), whatever the styles
        p.appendChild(document.createTextNode(" "));
        p.appendChild(el("span", "bw-value", value));
        box.appendChild(p);
    };
    var popup = function (i) {
        var box = el("div", "bw-popup");
        box.setAttribute("data-event-id", decode(d.id[i]));
        box.appendChild(el("div", "bw-title", d.types[d.t[i]][1]));
        row(box, "Event", d.id[i]);
        row(box, "Date", d.date[i]);
        row(box, "Place", d.place[i]);
        row(box, "Countries", d.countries[i]);
        box.appendChild(el("div", "bw-summary", d.summary[i]));
        row(box, "Actors", d.actors[i]);
        row(box, "Confidence", d.confidence[i]);
        var s = d.src[i] >= 0 ? d.sources[d.src[i]] : null;
        if (s) {
            var when = [s[1], s[2]].filter(Boolean).join(", ");
            row(box, "Source", s[0] + (when ? " — " + when : ""));
            if (s[3]) {
                var a = el("a", null, s[3]);
                a.href = decode(s[3]);
                a.target = "_blank";
                a.rel = "noopener noreferrer";
                var p = el("div");
                p.appendChild(a);
                box.appendChild(p);
            }
        }
        return box;
    };
    var cluster = L.markerClusterGroup(options);
    var markers = new Array(d.lat.length);
    for (var i = 0; i < d.lat.length; i++) {
        var m = L.marker([d.lat[i], d.lon[i]], {icon: icons[d.t[i]]});
        m.bwIndex = i;
        markers[i] = m;
    }
    cluster.addLayers(markers);
    lazyPopups(cluster, popup, 360);
    showNote(cluster, d.note);
    cluster.bwCount = d.lat.length;
    cluster.bwCellDeg = 0;  // single events
    cluster.addTo(parent);
    return cluster;
}

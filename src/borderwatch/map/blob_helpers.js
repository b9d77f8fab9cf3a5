/* Helpers the blob layers share (event_markers.js, event_cells.js). */
/* global L */
/* exported decode, el, lazyPopups, showNote */

// Text arrives HTML-escaped; decode it (a textarea parses no tags) and
// insert it only as text nodes.
function decode(s) {
    var t = document.createElement("textarea");
    t.innerHTML = s;
    return t.value;
}
function el(tag, cls, s) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (s !== undefined) { e.appendChild(document.createTextNode(decode(s))); }
    return e;
}
// Popups are built on a marker's first click only; later clicks use Leaflet's own.
function lazyPopups(group, popup, maxWidth) {
    group.on("click", function (e) {
        var m = e.layer;
        if (!m || m.bwIndex === undefined || m.getPopup()) { return; }
        m.bindPopup(popup(m.bwIndex), {maxWidth: maxWidth});
        m.openPopup();
    });
}
// A note on the map while the layer is on it (what the layer leaves out), and gone with it.
function showNote(group, text) {
    if (!text) { return; }
    var note = L.control({position: "bottomleft"});
    note.onAdd = function () { return el("div", "bw-note", text); };
    group.on("add", function () { note.addTo(group._map); });
    group.on("remove", function () { note.remove(); });
}

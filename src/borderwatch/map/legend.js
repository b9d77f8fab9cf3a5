/* The map's legend as a Leaflet control (borderwatch.map.build.Legend). */
/* global L */
/* exported bwLegend */

function bwLegend(map, html) {
    var control = L.control({position: "bottomright"});
    control.onAdd = function () {
        var div = L.DomUtil.create("div", "bw-legend");
        // built in Python from the vocabularies alone, and escaped all the same
        div.innerHTML = html;
        L.DomEvent.disableScrollPropagation(div);
        return div;
    };
    return control.addTo(map);
}

/* Takes a layer off the map once streamlit-folium has added it, unless the user switched
   it on (borderwatch.map.build.StartHidden; the choices are kept by layer_control.js). */
/* exported bwStartHidden */

function bwStartHidden(layer, name) {
    setTimeout(function () {
        var map = layer._map;
        var choices = (map && map.bwLayerChoices) || {};
        if (map && !choices[name]) { map.removeLayer(layer); }
    }, 0);
}

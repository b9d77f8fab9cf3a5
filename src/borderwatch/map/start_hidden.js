/* Takes a layer off the map once streamlit-folium has added it, unless the user switched
   it on (borderwatch.map.build.StartHidden; the choices are kept by layer_control.js).
   That first add puts none of the layer's contents on the map: a heat map added only to
   be taken off again drew and coloured its whole canvas first, in every rerun. */
/* exported bwStartHidden */

function bwStartHidden(layer, name) {
    var onAdd = layer.onAdd;
    layer.onAdd = function (map) {
        layer.onAdd = onAdd;  // from now on (the user switches it on) as any layer
        var choices = map.bwLayerChoices || {};
        if (choices[name]) { return onAdd.call(layer, map); }
        setTimeout(function () {
            var now = layer._map;
            if (now && !(now.bwLayerChoices || {})[name]) { now.removeLayer(layer); }
        }, 0);
        return layer;
    };
}

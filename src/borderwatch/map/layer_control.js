/* Keeps what the user switched on or off in the layer switcher across filter changes
   (borderwatch.map.build.RememberingLayerControl).

   streamlit-folium removes every layer and the switcher on each change and adds the new
   ones; the user's clicks are kept on the map, which stays mounted, and applied to each
   new switcher. Only clicks count: streamlit-folium's own removals fire the same events.

   streamlit-folium also keeps every layer it was ever sent in `window.feature_group` (it
   pushes the new ones and never lets the removed ones go), so a screen left playing held
   every past step's markers and popups: about 10 MB and 2,000 DOM nodes a minute. This
   switcher arrives with the layers it lists, after them: only those are kept.

   A folded switcher listens for clicks on the map (to fold again) and Leaflet 1.9 never
   stops listening when the switcher is removed, so the map held every past switcher and,
   through it, every layer it listed: a screen left playing grew by about 450 MB of
   JavaScript heap an hour. Each new switcher takes its predecessor's listener off. */
/* exported bwRememberChoices */

function bwRememberChoices(control) {
    var map = control._map;
    var choices = map.bwLayerChoices = map.bwLayerChoices || {};
    var before = map.bwLayerControl;
    if (before && before !== control) { map.off("click", before.collapse, before); }
    map.bwLayerControl = control;
    if (!map.bwLayerWatch) {
        map.bwLayerWatch = true;
        var remember = function (on) {
            return function (e) {
                if (map.bwLayerControl && map.bwLayerControl._handlingClick) {
                    choices[e.name] = on;
                }
            };
        };
        map.on("overlayadd", remember(true));
        map.on("overlayremove", remember(false));
    }
    var current = control._layers.map(function (item) { return item.layer; });
    if (Array.isArray(window.feature_group)) {
        window.feature_group = window.feature_group.filter(function (layer) {
            return current.indexOf(layer) >= 0;
        });
    }
    control._layers.forEach(function (item) {
        if (!item.overlay || !(item.name in choices)) { return; }
        var on = map.hasLayer(item.layer);
        if (choices[item.name] && !on) { map.addLayer(item.layer); }
        if (!choices[item.name] && on) { map.removeLayer(item.layer); }
    });
    return control;
}

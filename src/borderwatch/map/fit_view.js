/* Moves the map to what the filters selected, once per choice of filters
   (borderwatch.map.fit.FitView). The layers are sent again after every pan when the
   detail follows the view; the map keeps the key it last fitted and moves only for a
   new one, so a pan or zoom by the user is never undone. The legend covers the map's
   bottom-right corner: the fit keeps the events clear of it. */
/* exported bwFitView */

function bwFitView(map, key, bounds, center, zoom, maxZoom) {
    if (map.bwFitKey === key) { return; }
    var first = map.bwFitKey === undefined;
    map.bwFitKey = key;
    if (!bounds) {
        // back to no filter: the region (the first view is the region already)
        if (!first && center) { map.setView(center, zoom, {animate: false}); }
        return;
    }
    var legend = map.getContainer().querySelector(".bw-legend");
    var fit = function () {
        var size = map.getSize();
        var corner = [24, 24];
        if (legend) {  // at most half the map: a narrow map still fits the events
            var below = Math.min(legend.offsetHeight + 16, size.y / 2);
            // a legend across the map's foot (a briefing screen) leaves the width free
            corner = legend.offsetWidth > size.x / 2 ? [24, below]
                : [Math.min(legend.offsetWidth + 16, size.x / 2), below];
        }
        map.fitBounds(bounds, {paddingTopLeft: [24, 24], paddingBottomRight: corner,
                               maxZoom: maxZoom, animate: false});
    };
    // When the map is first drawn its stylesheets may still be loading, the legend not
    // yet laid out in its corner and the frame not yet sized: wait (three seconds at most).
    var tries = 0;
    var whenStyled = function () {
        map.invalidateSize({pan: false});
        var size = map.getSize();
        var placed = (!legend || getComputedStyle(legend.parentNode).position === "absolute")
            && size.x > 100 && size.y > 100;
        if (placed || tries >= 60) { fit(); } else { tries += 1; setTimeout(whenStyled, 50); }
    };
    whenStyled();
}

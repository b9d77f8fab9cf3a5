/* Keeps one copy of the theme stylesheet Streamlit's component library adds to the map's
   frame (borderwatch.map.build.OneThemeStyle). The library appends a new <style> with
   the theme's colours on every message from the server and never removes the old one:
   a briefing screen playing all day gathered thousands (one a step), and the browser
   matched every element against each. The newest stays; the others go. */
/* exported bwOneThemeStyle */

function bwOneThemeStyle(head) {
    var isTheme = function (node) {
        return node.tagName === "STYLE" && /^\s*:root\s*\{\s*--primary-color:/.test(node.textContent);
    };
    var prune = function () {
        var themes = Array.prototype.filter.call(head.children, isTheme);
        themes.slice(0, -1).forEach(function (node) { head.removeChild(node); });
    };
    new MutationObserver(prune).observe(head, {childList: true});
    prune();
}

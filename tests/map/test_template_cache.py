"""branca's per-element templates are compiled once per distinct text."""

from __future__ import annotations

import branca.element

from borderwatch.map import build, template_cache  # noqa: F401  (build installs the cache)


def test_equal_texts_share_one_compiled_template_and_render_as_before():
    text = "var x = {{ 6 * 7 }};"
    assert template_cache.template(text) is template_cache.template(text)
    assert template_cache.template(text).render() == "var x = 42;"


def test_branca_elements_take_their_templates_from_the_cache_once_a_map_is_built():
    first = branca.element.Element("L.marker([1, 2]).addTo(map);")
    again = branca.element.Element("L.marker([1, 2]).addTo(map);")
    assert first._template is again._template
    assert first.render() == "L.marker([1, 2]).addTo(map);"


def test_long_texts_are_compiled_each_time_and_not_kept():
    long = "x" * (template_cache.LONGEST + 1)
    assert template_cache.template(long) is not template_cache.template(long)
    assert template_cache.template(long).render() == long

import re

from borderwatch.render.style import CONTROL_COLORS, STATUS_COLORS, page_css


def test_the_stylesheet_defines_every_state_colour_from_the_one_source():
    css = page_css()
    assert "--bw-closed:#c0392b;" in css and "--bw-no-report:#7f8c8d;" in css
    defined = dict(re.findall(r"--bw-([a-z-]+):(#[0-9a-f]{6});", css))
    assert sorted(defined.values()) == sorted({**STATUS_COLORS, **CONTROL_COLORS}.values())
    assert "#c0392b" not in css.split("}", 1)[1]  # the rules use the variables


def test_only_the_briefing_screen_hides_the_sidebar():
    rules = re.sub(r"/\*.*?\*/", "", page_css(), flags=re.S).split("}")
    hiding = [r for r in rules if "display: none" in r]
    # a rule's selectors, split at the commas outside any :is(…)
    selectors = [sel.strip() for r in hiding for sel in re.split(r",(?![^()]*\))", r.split("{")[0])]
    # the screen's own containers ("briefing-screen", "briefing-side") exist nowhere else
    assert hiding and all(
        sel.startswith((".stApp:has(.st-key-briefing-screen)", ".st-key-briefing-"))
        for sel in selectors
    ), selectors


def test_the_stylesheet_has_nothing_that_reads_as_a_tag():
    """st.html sanitises its content: a '<' in a rule or comment dropped the whole sheet."""
    css = page_css()
    assert css.count("<") == 2 and css.startswith("<style>") and css.endswith("</style>")

from sample_data import MALICIOUS

from borderwatch.render.htmlsafe import escape, safe_url


def test_escape_turns_tags_template_placeholders_and_backticks_into_entities():
    assert escape(MALICIOUS) == (
        "&lt;img src=x onerror=alert(1)&gt; &#36;{alert(2)} &#96;tick&#96; [link](http://example.com)"
    )


def test_escape_quotes_for_attributes():
    assert escape("Sher Khan \"Bandar\" 'crossing' & more") == (
        "Sher Khan &quot;Bandar&quot; &#x27;crossing&#x27; &amp; more"
    )


def test_escape_blanks_missing_values():
    assert escape(None) == ""
    assert escape(float("nan")) == ""
    assert escape("Hairatan") == "Hairatan"


def test_safe_url_keeps_http_links_and_drops_script_urls():
    assert safe_url("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&amp;c=2"
    assert safe_url("javascript:alert(1)") == ""
    assert safe_url(" JAVASCRIPT:alert(1)") == ""
    assert safe_url("data:text/html,<b>x</b>") == ""
    assert safe_url("") == ""

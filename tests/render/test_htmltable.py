import pandas as pd
from sample_data import MALICIOUS, MALICIOUS_ESCAPED

from borderwatch.render.htmltable import css_token, html_table


def test_cells_and_headers_are_escaped_so_text_shows_literally():
    frame = pd.DataFrame({"Summary <b>": [MALICIOUS]})
    assert html_table(frame) == (
        '<table class="bw-table"><thead><tr><th>Summary &lt;b&gt;</th></tr></thead><tbody><tr>'
        f"<td>{MALICIOUS_ESCAPED}</td>"
        "</tr></tbody></table>"
    )


def test_value_classes_let_css_colour_a_status():
    frame = pd.DataFrame({"Crossing": ["Hairatan–Termez"], "Status": ["CLOSED"]})
    html = html_table(frame, "board", value_classes=["Status"])
    assert '<td class="v-closed">CLOSED</td>' in html
    assert "<td>Hairatan–Termez</td>" in html


def test_css_token_cannot_break_out_of_the_attribute():
    assert css_token('closed" onclick="x') == "closed-onclick-x"

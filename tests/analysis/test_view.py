import datetime as dt

from borderwatch.analysis.filters import Filters
from borderwatch.analysis.view import View, query_string, read_query


def test_the_view_round_trips_through_the_address():
    view = View(mode="briefing", play=True)
    assert view.to_query() == {"mode": ["briefing"], "play": ["1"]}
    assert View.from_query(view.to_query()) == (view, [])


def test_the_analyst_desk_without_playback_has_an_empty_query():
    assert View().to_query() == {}


def test_play_is_on_for_any_value_but_blank_and_0():
    assert [View.from_query({"play": v})[0].play for v in ("1", "yes", "", "0")] == [
        True,
        True,
        False,
        False,
    ]


def test_an_unknown_mode_is_ignored_with_a_warning():
    assert View.from_query({"mode": "kiosk"}) == (
        View(),
        ["Ignored mode='kiosk': use one of analyst, briefing."],
    )


def test_one_address_gives_the_filters_and_the_view_with_every_warning():
    f, view, warnings = read_query(
        {"country": ["XXX", "TKM"], "end": "2021-07-13", "mode": ["kiosk"], "play": "1"}
    )
    assert f == Filters(end=dt.date(2021, 7, 13), countries=("TKM",))
    assert view == View(play=True)
    assert warnings == [
        "Ignored country='XXX': not an ISO 3166-1 alpha-3 code.",
        "Ignored mode='kiosk': use one of analyst, briefing.",
    ]


def test_the_briefing_screen_address_carries_the_filters():
    f = Filters(countries=("UZB", "TKM"), q="Termez")
    assert query_string(f, View(mode="briefing")) == (
        "?country=UZB&country=TKM&q=Termez&mode=briefing"
    )

"""The "Add events" page: upload, per-row messages, save refused until fixed, save appends."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from sample_data import event
from streamlit.testing.v1 import AppTest

from borderwatch.access import LOCAL_EDITING_ENV
from borderwatch.data import vocab
from borderwatch.data.loader import ENV_VAR, load_dataset
from borderwatch.ingest import store
from borderwatch.ingest.places import PlaceFinder
from borderwatch.render.htmlsafe import markdown_text

PAGE = Path(__file__).resolve().parents[2] / "dashboard" / "pages" / "1_Add_events.py"
MAP_PAGE = PAGE.parents[1] / "BorderWatch.py"
FIXTURES = Path(__file__).parent / "fixtures"


def tidy_csv(*rows: dict[str, str]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, vocab.EVENT_COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue().encode()


GOOD = event(event_id="BW-2021-0101", summary="Uzbekistan kept Hairatan shut to traffic.")
BAD = event(event_id="BW-2021-0102", confidence="rumour")


@pytest.fixture
def page(data_dir, monkeypatch) -> AppTest:
    monkeypatch.setenv(ENV_VAR, str(data_dir))
    monkeypatch.delenv(store.READ_ONLY_ENV, raising=False)
    # Saving needs an editor; these tests are about the review, on a single-user machine.
    monkeypatch.setenv(LOCAL_EDITING_ENV, "1")
    # generous: the first briefing loads spaCy and the place finder, minutes on a loaded machine
    at = AppTest.from_file(str(PAGE), default_timeout=300)
    at.run()
    return at


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="upload").set_value((name, data, "text/csv"))
    return at.run()


def problems_shown(at: AppTest) -> list[list]:
    tables = [d for d in at.dataframe if d.editing_mode == "read_only"]
    return tables[0].value.values.tolist() if tables else []


def test_bad_row_is_reported_and_save_is_refused(page):
    at = upload(page, "new.csv", tidy_csv(GOOD, BAD))
    assert not at.exception
    assert at.error[0].value == "1 problem(s): fix or delete these rows before saving."
    assert problems_shown(at) == [
        [2, "confidence", "'rumour' must be one of: confirmed, reported, claimed, inferred"]
    ]
    assert at.button(key="save").disabled


def test_fixing_the_row_enables_save_which_appends_and_keeps_a_backup(page, data_dir):
    before = (data_dir / "events.csv").read_bytes()
    at = upload(page, "new.csv", tidy_csv(GOOD, BAD))
    editor_key = at.data_editor[0].key
    at.session_state[editor_key] = {
        "edited_rows": {1: {"confidence": "reported"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.error
    assert at.success[0].value == "All 2 rows are valid."
    save = at.button(key="save")
    assert not save.disabled
    save.click()
    at.run()
    assert not at.exception
    ids = load_dataset(data_dir).events["event_id"].tolist()
    assert ids[-2:] == ["BW-2021-0101", "BW-2021-0102"]
    [backup] = (data_dir / "backups").glob("events-*.csv")
    assert backup.read_bytes() == before
    # (the folder's name and the note are shown as typed: Markdown-escaped)
    assert at.success[0].value == (
        f"Saved 2 events to {markdown_text('data/')} "
        f"({markdown_text('BW-2021-0101, BW-2021-0102')}). "
        f"{markdown_text('Backups of the previous tables:')}"
    )
    saved = at.success[0].value
    assert at.run().success[0].value == saved  # a rerun does not take the word of it away
    at = upload(at, "next.csv", tidy_csv(GOOD))  # the next review does
    assert not any(s.value.startswith("Saved") for s in at.success)


def test_an_acled_export_is_converted_for_review(page):
    at = upload(page, "acled_afg_2021.csv", (FIXTURES / "acled_afg_2021.csv").read_bytes())
    assert not at.exception
    shown = at.data_editor[0].value
    assert shown["event_id"].tolist()[:2] == ["ACLED-AFG51234", "ACLED-AFG51301"]
    assert at.success[0].value == "All 5 rows are valid."


def test_a_wrong_file_gets_one_clear_message(page):
    at = upload(page, "events.csv", b"\xff\xfee\x00v\x00")
    assert at.error[0].value == "This file cannot be used:"
    assert at.code[0].value == (
        "events.csv, line 1, all fields: file is UTF-16; save it as UTF-8 and try again"
    )


BRIEFING = (
    "Uzbekistan closed the Hairatan crossing on 9 July. "
    "Two days later Taliban fighters captured Sher Khan Bandar. "
    "Officials in Moscow said they were watching."
)


def paste(at: AppTest, published: dt.date | None, source: str | None) -> AppTest:
    at.text_area(key="pasted").input(BRIEFING)
    if published:
        at.date_input(key="published").set_value(published)
    if source:
        at.selectbox(key="source_id").select(source)
    return at.run()


def candidates_shown(at: AppTest) -> list[str]:
    return [t.value for t in at.text if t.value.startswith("#")]


def test_extraction_waits_until_the_publication_date_and_source_are_given(page):
    assert page.date_input(key="published").value is None
    assert page.selectbox(key="source_id").value is None
    at = paste(page, None, "OXAN-2021-07-13")
    assert at.button(key="extract").disabled
    assert at.caption[0].value == "Set the publication date to find candidate events."
    at = paste(at, dt.date(2021, 7, 13), None)
    assert not at.button(key="extract").disabled


def test_a_pasted_briefing_gives_candidates_with_their_sentence_and_nothing_to_save(page):
    at = paste(page, dt.date(2021, 7, 13), "OXAN-2021-07-13")
    at.button(key="extract").click()
    at = at.run()
    assert not at.exception
    assert candidates_shown(at) == [
        "#1 · Hairatan · 2021-07-09 (day) · crossing_closed · confidence 1.00",
        "#2 · Sher Khan Bandar · 2021-07-11 (day) · territorial_control · confidence 0.80",
        "#3 · Moscow · no date · statement · confidence 0.50",
        # The country that closed it: its own act, last, with half a country's trust.
        "#4 · Uzbekistan · 2021-07-09 (day) · crossing_closed · confidence 0.40",
    ]
    texts = [t.value for t in at.text]
    assert "Uzbekistan closed the Hairatan crossing on 9 July." in texts
    # The sample folder's BW-2021-0001 is the same closure.
    assert "May repeat BW-2021-0001" in texts
    assert at.data_editor[0].value.empty
    assert at.button(key="save").disabled


LONG_BRIEFING = " ".join(
    f"Fighting was reported near {town} on {day} July."
    for day, town in enumerate(
        (
            "Kunduz", "Taloqan", "Fayzabad", "Maimana", "Andkhoy", "Shibirghan", "Sar-e Pol",
            "Pul-e Khumri", "Baghlan", "Aybak", "Imam Sahib", "Khanabad", "Ishkashim", "Herat",
            "Zaranj", "Kandahar", "Spin Boldak", "Jalalabad", "Ghazni", "Gardez", "Khost",
            "Lashkar Gah", "Farah", "Qala-e Naw",
        ),
        start=1,
    )
)  # fmt: skip


def test_a_long_briefing_draws_its_first_twenty_candidates_and_shows_the_rest_on_demand(page):
    page.text_area(key="pasted").input(LONG_BRIEFING)
    page.date_input(key="published").set_value(dt.date(2021, 7, 31))
    page.selectbox(key="source_id").select("OXAN-2021-07-13")
    at = page.run()
    at.button(key="extract").click()
    at = at.run()
    assert not at.exception
    total = int(at.subheader[0].value.split(": ")[1].split(" ")[0])
    assert total > 20
    assert len(candidates_shown(at)) == 20
    assert f"Showing the first 20 of {total} undecided candidates." in [c.value for c in at.caption]
    at.button(key="more-candidates").click()
    at = at.run()
    assert len(candidates_shown(at)) == min(40, total)
    at.button(key="drop-1").click()
    at = at.run()
    # a decision keeps what was shown: the list refills from below
    assert len(candidates_shown(at)) == min(40, total - 1)
    assert candidates_shown(at)[0].startswith("#2 · ")


def test_accept_merge_and_drop_take_one_click_each_and_saving_assigns_the_next_id(page, data_dir):
    at = paste(page, dt.date(2021, 7, 13), "OXAN-2021-07-13")
    at.button(key="extract").click()
    at = at.run()
    at.button(key="drop-3").click()
    at = at.run()
    at.button(key="drop-4").click()
    at = at.run()
    at.button(key="accept-1").click()
    at = at.run()
    at.button(key="accept-2").click()
    at = at.run()
    assert candidates_shown(at) == []
    accepted = at.data_editor[0].value
    assert accepted["place"].tolist() == ["Hairatan", "Sher Khan Bandar"]
    assert set(accepted["confidence"]) == {"reported"}
    at.session_state[at.data_editor[0].key] = {
        "edited_rows": {
            0: {"summary": "Uzbekistan shut the Hairatan crossing."},
            1: {"summary": "The Taliban took the Sher Khan Bandar crossing.", "control": "taliban"},
        },
        "added_rows": [],
        "deleted_rows": [],
    }
    at = at.run()
    assert not at.error, [e.value for e in at.error]
    at.button(key="save").click()
    at = at.run()
    assert not at.exception
    saved = load_dataset(data_dir).events
    new = saved[saved["source_id"] == "OXAN-2021-07-13"].tail(2)
    highest = max(int(i[-4:]) for i in saved["event_id"] if i.startswith("BW-2021-"))
    assert new["event_id"].tolist() == [f"BW-2021-{highest - 1:04d}", f"BW-2021-{highest:04d}"]
    assert not any(i.startswith("CAND") for i in saved["event_id"])


def map_total(at: AppTest) -> str:
    """The M of the map page's "Showing N of M events"."""
    line = next(m.value for m in at.run().markdown if m.value.startswith("**Showing"))
    return line.split(" of ")[1].split()[0]


def test_a_save_keeps_what_the_server_loaded_once_and_the_map_reads_the_new_row(
    page, data_dir, monkeypatch
):
    """Saving clears no cache: the next briefing is read by the place finder already built
    (the language model and GeoNames with it), and the map page, open before the save,
    shows the new row on its next run because its store is keyed by the data's version."""
    built: list[PlaceFinder] = []
    warm_up = PlaceFinder.warm_up
    monkeypatch.setattr(PlaceFinder, "warm_up", lambda f: (built.append(f), warm_up(f))[-1])
    map_page = AppTest.from_file(str(MAP_PAGE), default_timeout=120)
    before = int(map_total(map_page))
    at = paste(page, dt.date(2021, 7, 13), "OXAN-2021-07-13")
    at.button(key="extract").click()
    at = at.run()
    at.button(key="accept-1").click()
    at = at.run()
    at.session_state[at.data_editor[0].key] = {
        "edited_rows": {0: {"summary": "Uzbek border guards shut the Hairatan bridge."}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at = at.run()
    at.button(key="save").click()
    at = at.run()
    assert at.success[0].value.startswith("Saved 1 events")
    at.button(key="extract").click()
    at = at.run()
    assert candidates_shown(at)[0].startswith("#1 · Hairatan")
    assert len(built) == 1
    assert int(map_total(map_page)) == before + 1


def extract(at: AppTest, text: str, published: dt.date) -> AppTest:
    """The page after pasting `text` with a publication date and a source and asking for
    candidates."""
    at.text_area(key="pasted").input(text)
    at.date_input(key="published").set_value(published)
    at.selectbox(key="source_id").select("OXAN-2021-07-13")
    at = at.run()
    at.button(key="extract").click()
    return at.run()


def test_merge_folds_a_candidate_into_the_row_at_the_same_place(page):
    text = "Uzbekistan closed Hairatan on 6 September. Hairatan stayed closed on 8 September."
    at = extract(page, text, dt.date(2021, 9, 16))
    assert candidates_shown(at) == [
        "#1 · Hairatan · 2021-09-06 (day) · crossing_closed · confidence 1.00",
        "#2 · Hairatan · 2021-09-08 (day) · crossing_closed · confidence 0.90",
        "#3 · Uzbekistan · 2021-09-06 (day) · crossing_closed · confidence 0.40",
    ]
    merge = at.button(key="merge-2")
    assert merge.label == "Merge into #1"
    merge.click()
    at = at.run()
    assert candidates_shown(at) == [
        "#1 · Hairatan · 2021-09-06 – 2021-09-08 (day) · crossing_closed · confidence 1.00",
        "#3 · Uzbekistan · 2021-09-06 (day) · crossing_closed · confidence 0.40",
    ]


def test_a_candidate_no_gazetteer_places_says_so_and_is_never_saved_without_coordinates(page):
    text = "Lorries queued at the Kelesh Tunnel on 6 September; Hairatan closed on 7 September."
    at = extract(page, text, dt.date(2021, 9, 16))
    # (the type and confidence are the type rules' business, not this test's)
    assert [c.split(" · ")[:3] for c in candidates_shown(at)[:2]] == [
        ["#1", "Kelesh Tunnel", "2021-09-06 (day)"],
        ["#2", "Hairatan", "2021-09-07 (day)"],
    ]
    notes = [t.value for t in at.text if t.value.startswith("No coordinates")]
    # Hairatan is in the gazetteer: only the tunnel lacks a location
    assert notes == [
        "No coordinates: no gazetteer knows Kelesh Tunnel. Accepting adds the row to the "
        "table, but it cannot be saved until you enter its latitude and longitude there."
    ]
    at.button(key="accept-1").click()
    at = at.run()
    at.session_state[at.data_editor[0].key] = {
        "edited_rows": {0: {"summary": "Lorries waited at the tunnel."}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at = at.run()
    # the editor also gives the country the text did not: both are asked for, by field
    assert [p[1:] for p in problems_shown(at)] == [
        ["country", "is required but blank"],
        ["place", "unknown place 'Kelesh Tunnel' and no coordinates given"],
    ]
    assert at.button(key="save").disabled


def test_read_only_deployment_offers_downloads_instead_of_saving(page, data_dir, monkeypatch):
    monkeypatch.setenv(store.READ_ONLY_ENV, "1")
    before = (data_dir / "events.csv").read_bytes()
    at = upload(page, "new.csv", tidy_csv(GOOD))
    assert [b.label for b in at.get("download_button")] == ["Download events.csv"]
    assert not [b for b in at.button if b.key == "save"]
    assert (data_dir / "events.csv").read_bytes() == before


def test_a_row_repeating_an_existing_event_is_flagged_and_the_editor_may_still_save(page):
    # GOOD is the sample folder's Hairatan closure (BW-2021-0001) in other words.
    at = upload(page, "new.csv", tidy_csv(GOOD))
    assert at.data_editor[0].value["possible_duplicate_of"].tolist() == ["BW-2021-0001"]
    # (the first warning is the local-editing banner)
    assert at.warning[1].value.startswith("1 row(s) may repeat events already in the table")
    [dupes] = [d for d in at.dataframe if d.value.columns[0] == "row"]
    assert dupes.value.values.tolist() == [[1, "BW-2021-0101", "BW-2021-0001"]]
    assert not at.button(key="save").disabled


def test_an_uploaded_briefing_is_not_read_until_its_date_and_source_are_given(page):
    at = upload(page, "brief.txt", BRIEFING.encode())
    # (the first warning is the local-editing banner)
    assert at.warning[1].value == "Set the publication date and the source in 'Paste a briefing'."
    assert "review" not in at.session_state
    at.date_input(key="published").set_value(dt.date(2021, 7, 13))
    at.selectbox(key="source_id").select("OXAN-2021-07-13")
    at = at.run()
    assert candidates_shown(at)[0] == (
        "#1 · Hairatan · 2021-07-09 (day) · crossing_closed · confidence 1.00"
    )


def test_without_sign_in_the_page_is_read_only_and_says_how_to_enable_editing(
    data_dir, monkeypatch
):
    monkeypatch.setenv(ENV_VAR, str(data_dir))
    monkeypatch.delenv(LOCAL_EDITING_ENV, raising=False)
    before = (data_dir / "events.csv").read_bytes()
    # generous: the first briefing loads spaCy and the place finder, minutes on a loaded machine
    at = AppTest.from_file(str(PAGE), default_timeout=300)
    at.run()
    at = upload(at, "new.csv", tidy_csv(GOOD))
    shown = at.info[0].value  # Markdown-escaped: shown as typed
    assert shown.startswith(markdown_text("This deployment is read-only: no sign-in is"))
    assert markdown_text("set BORDERWATCH_LOCAL_EDITING=1 instead.") in shown
    assert at.button(key="save").disabled
    assert (data_dir / "events.csv").read_bytes() == before


def test_local_editing_shows_a_warning_banner(page):
    banner = markdown_text("Local editing (BORDERWATCH_LOCAL_EDITING=1)")
    assert page.warning[0].value.startswith(banner)


def test_a_candidate_dated_after_publication_is_flagged_for_checking(page):
    # Sunday before Monday 23 August is the 22nd; "two days later" runs past publication
    text = (
        "Uzbekistan closed the Hairatan crossing on Sunday. "
        "Two days later lorries were again crossing the bridge at Termez."
    )
    at = extract(page, text, dt.date(2021, 8, 23))
    assert [c.split(" · ")[1:3] for c in candidates_shown(at)] == [
        ["Hairatan", "2021-08-22 (day)"],
        ["Termez", "2021-08-24 (day)"],
        ["Uzbekistan", "2021-08-22 (day)"],
    ]
    assert [t.value for t in at.text if t.value.startswith("Dated after")] == [
        "Dated after the briefing was published (2021-08-23): check the date against the "
        "sentence before accepting it."
    ]
    # the note stays with its candidate after another is decided
    at.button(key="drop-1").click()
    at = at.run()
    assert len([t for t in at.text if t.value.startswith("Dated after")]) == 1

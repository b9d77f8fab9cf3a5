"""A team on one database, in Chromium: who may save, the history, and two app processes.

Real parts only: a private PostgreSQL/PostGIS cluster, an OpenID Connect provider
(npm oidc-provider) on localhost, and two `streamlit run dashboard/app.py` servers
on the same database, signed in to through Streamlit's own st.login.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from e2e_support import (
    EVENTS_LAYER,
    MAP_IFRAME,
    SETTLED,
    SHOWING,
    choose_row,
    drawn_markers,
    run_mark,
    screenshot,
    wait_for_rerun,
    wait_until,
)
from forge import Forger
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from sample_data import BUNDLED, new_event, write_data_dir
from services import ScriptRuns, free_port, oidc_provider, streamlit_server

from borderwatch.data import vocab
from borderwatch.data.loader import load_dataset
from borderwatch.db.reads import history
from borderwatch.db.schema import connect, init
from borderwatch.db.transfer import load_folder
from borderwatch.db.writes import ID_LOCK

pytestmark = pytest.mark.browser

EDITOR = "gina@example.org"  # listed by email
GROUP_EDITOR = "omar@example.org"  # an editor through the group claim
VIEWER = "viewer@example.org"  # signs in, but is no editor


@dataclass
class Team:
    urls: list[str]
    database_url: str
    logs: Path
    """The servers' and the provider's logs."""

    def count(self, sql: str = "SELECT count(*) FROM events") -> int:
        with connect(self.database_url) as conn:
            row = conn.execute(sql).fetchone()
        return int(row[0]) if row else 0


def secrets_toml(path: Path, port: int, provider, top: str = "") -> Path:
    path.write_text(
        f"""{top}
[auth]
redirect_uri = "http://localhost:{port}/oauth2callback"
cookie_secret = "borderwatch-test-cookie-secret-0123456789"
client_id = "{provider.client_id}"
client_secret = "{provider.client_secret}"
server_metadata_url = "{provider.metadata_url}"
client_kwargs = {{ prompt = "login" }}

[editors]
emails = ["{EDITOR}"]
groups = ["borderwatch-editors"]
""",
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def team(postgres, tmp_path_factory) -> Iterator[Team]:
    """Two app servers on one database holding the bundled data, with sign-in for editors."""
    url = postgres.new_database()
    with connect(url) as conn:
        init(conn)
        load_folder(conn, BUNDLED, "loader")
    logs = tmp_path_factory.mktemp("team-logs")
    ports = [free_port(), free_port()]
    redirects = [f"http://localhost:{p}/oauth2callback" for p in ports]
    groups = {GROUP_EDITOR: ["borderwatch-editors"], VIEWER: ["analysts"]}
    with oidc_provider(redirects, groups, logs) as provider:
        servers = []
        try:
            urls = []
            for port in ports:
                env = {
                    "BORDERWATCH_OFFLINE": "1",
                    "BORDERWATCH_CACHE": str(tmp_path_factory.mktemp("cache")),
                }
                top = ""
                if port == ports[0]:
                    env["BORDERWATCH_DATABASE_URL"] = url
                else:  # as on Community Cloud: a top-level secret becomes the variable
                    top = f'BORDERWATCH_DATABASE_URL = "{url}"\n'
                secrets = secrets_toml(logs / f"secrets-{port}.toml", port, provider, top)
                server = streamlit_server(
                    "dashboard/app.py",
                    env,
                    logs,
                    port=port,
                    host="localhost",
                    args=["--secrets.files", str(secrets)],
                )
                urls.append(server.__enter__().url)
                servers.append(server)
            yield Team(urls, url, logs)
        finally:
            for server in reversed(servers):
                server.__exit__(None, None, None)


def as_shown(text: str) -> str:
    """`text` as the page renders escaped Markdown: an invisible word joiner before : and @."""
    return text.replace(":", "\u2060:").replace("@", "\u2060@")


def settled(page) -> None:
    page.wait_for_selector("[data-testid='stApp']", timeout=60_000)
    page.wait_for_selector("[data-test-script-state='notRunning']", timeout=60_000)


def sign_in(page, app_url: str, login: str) -> None:
    """Through the Add events page's button and the provider's own login form."""
    page.goto(f"{app_url}/Add_events")
    settled(page)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_selector("input[name=login]", timeout=30_000)
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", "any password")
    page.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(re.escape(app_url) + r"/?(\?.*)?$"), timeout=30_000)
    settled(page)


def watched_page(browser):
    """A page in a context of its own (its own sign-in), its script runs watched (`page.runs`)."""
    page = browser.new_context(viewport={"width": 1600, "height": 1000}).new_page()
    page.runs = ScriptRuns()
    page.runs.watch(page)
    return page


def upload(page, app_url: str, tmp_path: Path, *events: dict[str, str]) -> None:
    """Open the Add events page and upload `events`; return once the upload's run is over.

    Waits on the runs the server reports (`wait_for_rerun`), not the page's run state,
    which reads idle before the first run has started: the websocket's log showed the
    file chosen while that run was still going (2 of 3 pages in one module run).
    """
    mark = run_mark(page)
    page.goto(f"{app_url}/Add_events")
    wait_for_rerun(page, mark, timeout=60)
    buf = io.StringIO()
    w = csv.DictWriter(buf, vocab.EVENT_COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(events)
    path = tmp_path / "new.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    mark = run_mark(page)
    page.set_input_files("input[type=file]", str(path))
    page.get_by_text(f"All {len(events)} rows are valid.").wait_for(timeout=60_000)
    wait_for_rerun(page, mark, timeout=60)


def forge_save(page, forger: Forger, label: str) -> None:
    """Send the page's own request with the greyed-out Save button pressed."""
    button = page.get_by_role("button", name=label)
    button.wait_for()
    assert button.is_disabled()
    forger.press(page, label)
    settled(page)


def test_an_anonymous_visitor_cannot_save_not_even_by_forging_the_request(team, page, tmp_path):
    before = team.count()
    forger = Forger(page)
    upload(page, team.urls[0], tmp_path, new_event(1))
    page.get_by_text("Sign in as an editor to save events.").first.wait_for()
    forge_save(page, forger, "Save 1 rows to the database")
    screenshot(page, "team_anonymous_forged_save")
    assert page.get_by_text("Saved 1 events").count() == 0
    assert team.count() == before


def test_a_signed_in_non_editor_cannot_save(team, page, tmp_path):
    before = team.count()
    forger = Forger(page)
    sign_in(page, team.urls[0], VIEWER)
    upload(page, team.urls[0], tmp_path, new_event(2))
    page.get_by_text(as_shown(f"Signed in as {VIEWER}, who is not an editor")).wait_for()
    forge_save(page, forger, "Save 1 rows to the database")
    assert page.get_by_text("Saved 1 events").count() == 0
    assert team.count() == before


def test_an_editor_saves_and_the_history_names_them(team, page, tmp_path):
    before = team.count()
    sign_in(page, team.urls[0], EDITOR)
    upload(page, team.urls[0], tmp_path, new_event(3))
    page.get_by_text(as_shown(f"Signed in as {EDITOR} (editor).")).wait_for()
    page.get_by_role("button", name="Save 1 rows to the database").click()
    page.get_by_text("Saved 1 events to the database (BW-2022-0003).").wait_for(timeout=30_000)
    screenshot(page, "team_editor_saved")
    assert team.count() == before + 1
    with connect(team.database_url) as conn:
        changes = history(conn, "events", "BW-2022-0003")
    assert changes[["Editor", "Change", "Note"]].values.tolist() == [
        [EDITOR, "added", "Add events: new.csv"]
    ]


def test_an_editor_by_group_saves_and_the_other_server_shows_it_after_a_reload(
    team, page, browser, tmp_path
):
    other = browser.new_page(viewport={"width": 1600, "height": 1000})
    other.goto(f"{team.urls[1]}/?q=BW-2022-0004")
    settled(other)
    other.get_by_text("Showing 0 of").wait_for()

    sign_in(page, team.urls[0], GROUP_EDITOR)
    upload(page, team.urls[0], tmp_path, new_event(4))
    page.get_by_role("button", name="Save 1 rows to the database").click()
    page.get_by_text("Saved 1 events to the database (BW-2022-0004).").wait_for(timeout=30_000)

    other.reload()
    settled(other)
    shown = other.get_by_text(SHOWING).first.inner_text()
    total = team.count()
    assert SHOWING.search(shown).groups() == ("1", str(total))
    # the record beside the map: choose the event's row in the table, see its history
    other.get_by_text("Events table").click()
    grid = other.locator("[data-testid='stDataFrame']")
    grid.wait_for(timeout=30_000)
    choose_row(other, "BW-2022-0004")
    other.get_by_role("heading", name="BW-2022-0004").wait_for(timeout=30_000)
    record = other.locator("table.bw-history")
    record.get_by_text(GROUP_EDITOR, exact=True).wait_for(timeout=30_000)
    assert record.get_by_text("added", exact=True).is_visible()
    screenshot(other, "team_history_on_the_other_server")
    other.close()


def test_signing_out_takes_the_right_to_save_away(team, page, tmp_path):
    sign_in(page, team.urls[0], EDITOR)
    upload(page, team.urls[0], tmp_path, new_event(5))
    page.get_by_role("button", name="Sign out").click()
    # the provider asks whether to end its session too, then sends the browser back
    page.locator("button[name=logout][value=yes]").click(timeout=30_000)
    page.wait_for_url(re.compile(re.escape(team.urls[0]) + r"/?(\?.*)?$"), timeout=30_000)
    settled(page)
    upload(page, team.urls[0], tmp_path, new_event(5))
    page.get_by_text("Sign in as an editor to save events.").first.wait_for()
    assert page.get_by_role("button", name="Save 1 rows to the database").is_disabled()


def map_markers(page) -> int:
    """Events drawn in the map once its events layer is drawn, counted at the zoom that
    shows them all: how many icons a cluster group shows depends on the zoom it reached
    when counted, which differs between two runs of the same page under load."""
    frame = page.wait_for_selector(MAP_IFRAME, timeout=60_000).content_frame()
    frame.wait_for_function(
        f"() => {{ const l = window.map && {EVENTS_LAYER}; return ({SETTLED})(l); }}",
        timeout=60_000,
    )
    return drawn_markers(frame)


VIEWS = ["/", "/?country=UZB", "/?start=2021-07-01&end=2021-07-31&q=Taliban",
         "/?type=crossing_closed&type=crossing_reopened"]  # fmt: skip


def test_the_app_on_the_database_shows_what_it_shows_on_the_folder(postgres, browser, tmp_path):
    url = postgres.new_database()
    with connect(url) as conn:
        init(conn)
        load_folder(conn, BUNDLED, "loader")
    common = {"BORDERWATCH_OFFLINE": "1", "BORDERWATCH_DATA": str(BUNDLED)}
    seen: dict[str, list] = {}
    for name, extra in (("folder", {}), ("database", {"BORDERWATCH_DATABASE_URL": url})):
        env = {**common, **extra, "BORDERWATCH_CACHE": str(tmp_path / f"cache-{name}")}
        with streamlit_server("dashboard/app.py", env, tmp_path) as server:
            app_url = server.url
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            views = []
            for view in VIEWS:
                page.goto(app_url + view)
                settled(page)
                views.append((page.get_by_text(SHOWING).first.inner_text(), map_markers(page)))
            page.goto(app_url + "/?mode=briefing&end=2021-08-31")
            settled(page)
            board = page.locator("table.bw-board")
            board.wait_for(timeout=60_000)
            views.append((board.inner_text(), page.locator("table.bw-latest").inner_text()))
            screenshot(page, f"team_same_{name}")
            page.close()
        seen[name] = views
    assert seen["database"] == seen["folder"]
    assert seen["folder"][0][0].startswith("Showing")


def test_a_forged_save_is_carried_out_where_saving_is_allowed(browser, tmp_path):
    """The forger's request is the real one: on a local-editing machine it saves."""
    data_dir = write_data_dir(tmp_path / "data")
    env = {"BORDERWATCH_DATA": str(data_dir), "BORDERWATCH_LOCAL_EDITING": "1"}
    with streamlit_server("dashboard/app.py", env, tmp_path) as server:
        app_url = server.url
        page = watched_page(browser)
        forger = Forger(page)
        upload(page, app_url, tmp_path, new_event(9))
        page.get_by_role("button", name="Save 1 rows to data/").wait_for()
        forger.press(page, "Save 1 rows to data/")
        page.context.close()
    assert load_dataset(data_dir).events["event_id"].iloc[-1] == "BW-2022-0009"


def test_a_rerun_while_the_save_waits_still_ends_with_the_word_of_it(team, browser, tmp_path):
    """The editor types elsewhere (or the connection comes back) while the save waits for
    another editor's: Streamlit gives the page a new run at once and stops drawing the
    saving one, whose own rerun is dropped. The new run must wait and say what was saved."""
    page = watched_page(browser)
    sign_in(page, team.urls[0], EDITOR)
    upload(page, team.urls[0], tmp_path, new_event(200), new_event(201))
    with connect(team.database_url) as conn, conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (ID_LOCK,))  # another editor's save
        page.get_by_role("button", name="Save 2 rows to the database").click()
        wait_until(page, lambda: team.count(LOCK_WAITS) == 1, "the save waiting for the lock")
        mark = run_mark(page)
        page.get_by_role("tab", name="Paste a briefing").click()
        page.get_by_label("Briefing text").fill("Guards closed the crossing at dawn.")
        page.get_by_label("Briefing text").press("Control+Enter")
        spinner = page.get_by_text("Saving…")
        wait_until(
            page,
            lambda: "finished" in page.runs.log[mark:] or spinner.is_visible(),
            "the new run drawn, or waiting for the save",
        )
    message = "Saved 2 events to the database (BW-2022-0200, BW-2022-0201)."
    try:
        page.get_by_text(message).wait_for(timeout=60_000)
    except PlaywrightTimeout:
        shown = shown_instead(team, [page], "team_rerun_while_saving")
        pytest.fail(f"the page never said {message!r}:\n{shown}")
    page.context.close()


def test_two_editors_saving_fifty_rows_each_at_once_keep_all_hundred(team, browser, tmp_path):
    before = team.count()
    pages = []
    for i, (who, app_url) in enumerate(zip((EDITOR, GROUP_EDITOR), team.urls, strict=True)):
        page = watched_page(browser)
        sign_in(page, app_url, who)
        folder = tmp_path / who
        folder.mkdir()
        upload(page, app_url, folder, *(new_event(n) for n in range(100 + 50 * i, 150 + 50 * i)))
        pages.append(page)
    buttons = [p.get_by_role("button", name="Save 50 rows to the database") for p in pages]
    for page in pages:  # a click landing while the page still redraws its last run is lost
        settled(page)
        wait_until(page, lambda page=page: page.runs.log[-1] == "finished", "the page idle")
    for page, button in zip(pages, buttons, strict=True):  # both saves start before either ends
        mark = run_mark(page)
        button.click(no_wait_after=True)
        sent = lambda page=page, mark=mark: "asked" in page.runs.log[mark:]  # noqa: E731
        wait_until(page, sent, "the click sent", 10)
    for i, page in enumerate(pages):  # each names the ids it saved
        first, last = 100 + 50 * i, 149 + 50 * i
        message = f"Saved 50 events to the database (BW-2022-{first:04d} … BW-2022-{last:04d})."
        try:
            page.get_by_text(message).wait_for(timeout=120_000)
        except PlaywrightTimeout:
            shown = shown_instead(team, pages, "team_fifty")
            pytest.fail(f"page {i} never said {message!r}:\n{shown}")
    assert team.count() == before + 100
    saved = team.count(
        "SELECT count(DISTINCT row_key) FROM changes WHERE table_name = 'events' "
        "AND action = 'insert' AND row_key BETWEEN 'BW-2022-0100' AND 'BW-2022-0199' "
        f"AND editor IN ('{EDITOR}', '{GROUP_EDITOR}')"
    )
    assert saved == 100
    for page in pages:
        page.context.close()


SAVED_HERE = "SELECT event_id FROM events WHERE event_id >= 'BW-2022-0100' ORDER BY event_id"
"""The ids these tests save, from 100 on."""
LOCK_WAITS = (
    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
    "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
)
"""Saves waiting for the advisory lock another save holds."""


def shown_instead(team: Team, pages, name: str) -> str:
    """What each page shows (screenshots `name`_0, _1 …) and the store holds, for a failed wait."""
    lines = []
    for i, page in enumerate(pages):
        screenshot(page, f"{name}_{i}")
        alerts = page.locator("[data-testid='stAlert']").all_inner_texts()
        state = page.locator("[data-test-script-state]").first.get_attribute(
            "data-test-script-state"
        )
        buttons = page.get_by_role("button", name=re.compile("^Save ")).all()
        lines.append(
            f"page {i}: alerts {alerts}, script {state}, runs {page.runs.log}, "
            f"websockets opened {page.runs.sockets} (one a page load; more: reconnected)"
        )
        lines.append(f"  Save buttons: {[(b.inner_text(), b.is_enabled()) for b in buttons]}")
    with connect(team.database_url) as conn:
        saved = [r[0] for r in conn.execute(SAVED_HERE)]
    lines.append(f"store: {len(saved)} events from BW-2022-0100 ({', '.join(saved[:3])} …)")
    for log in sorted(team.logs.glob("streamlit-*.log")):
        lines.append(f"{log.name}: {log.read_text(errors='replace')[-1500:]}")
    return "\n".join(lines)

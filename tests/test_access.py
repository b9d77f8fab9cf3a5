"""Who may save: editors signed in through st.login, or everyone on an opted-in local machine."""

from __future__ import annotations

import pytest

from borderwatch.access import LOCAL_EDITING_ENV, Editors, NotAnEditor, decide

AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a-long-random-string-for-signing",
    "client_id": "borderwatch",
    "client_secret": "secret",
    "server_metadata_url": "https://id.example.org/.well-known/openid-configuration",
}
EDITORS = Editors.from_secrets({"emails": ["Gina@Example.org"], "groups": ["borderwatch-editors"]})


def user(email: str, **claims) -> dict:
    return {"is_logged_in": True, "email": email, "email_verified": True, **claims}


def test_a_listed_email_may_edit_whatever_its_case():
    access = decide(AUTH, EDITORS, user("gina@example.org"), environ={})
    assert access.require_editor() == "gina@example.org"
    assert access.message == "Signed in as gina@example.org (editor)."


def test_a_member_of_an_editor_group_may_edit():
    access = decide(AUTH, EDITORS, user("omar@example.org", groups=["borderwatch-editors"]), {})
    assert access.editor == "omar@example.org"


def test_a_signed_in_user_who_is_not_listed_may_not_edit():
    access = decide(AUTH, EDITORS, user("viewer@example.org", groups=["analysts"]), {})
    assert access.editor is None
    with pytest.raises(NotAnEditor, match=r"viewer@example\.org, who is not an editor"):
        access.require_editor()


def test_an_unverified_email_does_not_count():
    claims = {**user("gina@example.org"), "email_verified": False}
    assert decide(AUTH, EDITORS, claims, {}).editor is None


def test_an_anonymous_visitor_may_not_edit_even_with_local_editing_set():
    access = decide(AUTH, EDITORS, {"is_logged_in": False}, {LOCAL_EDITING_ENV: "1"})
    assert (access.mode, access.editor, access.signed_in) == ("sign-in", None, False)
    assert access.message == "Sign in as an editor to save events."


def test_sign_in_without_an_editor_list_lets_nobody_edit():
    access = decide(AUTH, Editors(), user("gina@example.org"), {})
    assert access.editor is None
    assert "list no editors" in access.message


def test_without_sign_in_the_app_is_read_only_and_says_how_to_enable_editing():
    access = decide(None, EDITORS, None, {})
    assert (access.mode, access.editor) == ("off", None)
    assert "[auth]" in access.message and f"{LOCAL_EDITING_ENV}=1" in access.message


def test_an_incomplete_auth_section_counts_as_no_sign_in():
    partial = {k: v for k, v in AUTH.items() if k != "client_secret"}
    assert decide(partial, EDITORS, user("gina@example.org"), {}).mode == "off"


def test_a_named_provider_section_counts_as_sign_in():
    named = {
        "redirect_uri": AUTH["redirect_uri"],
        "cookie_secret": AUTH["cookie_secret"],
        "company": {k: AUTH[k] for k in ("client_id", "client_secret", "server_metadata_url")},
    }
    assert decide(named, EDITORS, user("gina@example.org"), {}).editor == "gina@example.org"


@pytest.mark.parametrize("flag", ["1", "yes"])
def test_local_editing_is_one_explicit_setting(flag):
    access = decide(None, Editors(), None, {LOCAL_EDITING_ENV: flag})
    assert (access.mode, access.require_editor()) == ("local", "local")
    assert access.message.startswith("Local editing (BORDERWATCH_LOCAL_EDITING=1)")


def test_local_editing_set_to_0_is_off():
    assert decide(None, Editors(), None, {LOCAL_EDITING_ENV: "0"}).mode == "off"

"""Who may change the data: editors, signed in through Streamlit's `st.login`.

Viewers never sign in. An editor is a signed-in user whose email, or one of whose
groups (a claim of the sign-in's ID token), is listed in the app's secrets:

    [editors]
    emails = ["analyst@example.org"]
    groups = ["borderwatch-editors"]
    group_claim = "groups"          # the default

With no sign-in configured (no `[auth]` in the secrets) nobody may edit, unless
`BORDERWATCH_LOCAL_EDITING=1` says this is a single-user machine: then whoever
uses it edits as "local". The page asks `decide` on the server for every save,
so hiding a button is never the only thing standing in the way.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

LOCAL_EDITING_ENV = "BORDERWATCH_LOCAL_EDITING"
LOCAL_EDITOR = "local"
AUTH_KEYS = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")
"""What `[auth]` in secrets.toml needs for `st.login()` with one provider."""


class NotAnEditor(PermissionError):
    """A write was asked for by someone who may not edit; the message says why."""


@dataclass(frozen=True)
class Editors:
    """The editors named in the app's secrets."""

    emails: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()
    group_claim: str = "groups"

    @classmethod
    def from_secrets(cls, section: Mapping[str, Any] | None) -> Editors:
        """`[editors]` of the secrets (emails compared without case)."""
        section = section or {}
        return cls(
            frozenset(str(e).strip().lower() for e in _listed(section.get("emails"))),
            frozenset(str(g).strip() for g in _listed(section.get("groups"))),
            str(section.get("group_claim") or "groups"),
        )

    def admits(self, user: Mapping[str, Any]) -> bool:
        """Whether a signed-in user's claims make them an editor."""
        email = str(user.get("email") or "").strip().lower()
        if email and user.get("email_verified") is not False and email in self.emails:
            return True
        return bool(self.groups & {str(g) for g in _listed(user.get(self.group_claim))})

    def __bool__(self) -> bool:
        return bool(self.emails or self.groups)


def _listed(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return list(value)
    return [value]


@dataclass(frozen=True)
class Access:
    """What this session may do with the data, and why."""

    mode: str
    """'sign-in' (st.login is configured), 'local' (single-user editing) or 'off'."""
    editor: str | None
    """Who saves are recorded as (an email, or 'local'); None when this session may not edit."""
    signed_in: bool
    message: str
    """One sentence for the page: who is editing, or what it takes to edit."""

    def require_editor(self) -> str:
        """The editor's identity; NotAnEditor when this session may not write."""
        if self.editor is None:
            raise NotAnEditor(self.message)
        return self.editor


def auth_configured(auth_section: Mapping[str, Any] | None) -> bool:
    """Whether `[auth]` has what `st.login()` needs (at the top level or per provider)."""
    if not auth_section:
        return False
    if all(auth_section.get(k) for k in AUTH_KEYS):
        return True
    shared = {k: auth_section.get(k) for k in ("redirect_uri", "cookie_secret")}
    return all(shared.values()) and any(
        isinstance(v, Mapping) and all(v.get(k) for k in AUTH_KEYS[2:])
        for v in auth_section.values()
    )


def decide(
    auth_section: Mapping[str, Any] | None,
    editors: Editors,
    user: Mapping[str, Any] | None,
    environ: Mapping[str, str] = os.environ,
) -> Access:
    """Who may edit, from the secrets' `[auth]` and `[editors]` and the session's user.

    `user` is `st.user` as a dict: the server reads it from the signed sign-in
    cookie, so a browser cannot forge it.
    """
    if auth_configured(auth_section):
        user = user or {}
        if not user.get("is_logged_in"):
            return Access("sign-in", None, False, "Sign in as an editor to save events.")
        who = str(user.get("email") or user.get("sub") or "unknown user")
        if not editors:
            return Access(
                "sign-in",
                None,
                True,
                f"Signed in as {who}, but the app's secrets list no editors ([editors] emails "
                "or groups), so nobody may save.",
            )
        if editors.admits(user):
            return Access("sign-in", who, True, f"Signed in as {who} (editor).")
        return Access(
            "sign-in",
            None,
            True,
            f"Signed in as {who}, who is not an editor of this app: ask its owner to add you "
            "to [editors] in its secrets.",
        )
    if environ.get(LOCAL_EDITING_ENV, "").strip() not in ("", "0"):
        return Access(
            "local",
            LOCAL_EDITOR,
            False,
            f"Local editing ({LOCAL_EDITING_ENV}=1): anyone who can open this app can change "
            "its data, and changes are recorded as 'local'. Use it only on a single-user "
            "machine.",
        )
    return Access(
        "off",
        None,
        False,
        "This deployment is read-only: no sign-in is configured. To let editors save, add an "
        "OpenID Connect provider as [auth] and the editors as [editors] to "
        ".streamlit/secrets.toml (see the README); on a single-user machine, set "
        f"{LOCAL_EDITING_ENV}=1 instead.",
    )

"""Forging the page's own requests: what a visitor can do without the page's buttons.

Streamlit's browser code talks to the server over one websocket. `Forger` sits on
that socket (Playwright's route_web_socket), remembers the button ids the server
sends and the page's last rerun request, and can send that request again with a
button pressed that the page shows greyed out: the server must still refuse.
"""

from __future__ import annotations

import html
import re

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


class Forger:
    """Install on a page before it opens the app."""

    def __init__(self, page) -> None:
        self.buttons: dict[str, str] = {}
        self.last_rerun: BackMsg | None = None
        self.server = None
        self.finished_runs = 0
        page.route_web_socket(re.compile(r".*/_stcore/stream"), self._route)

    def _route(self, ws) -> None:
        server = ws.connect_to_server()
        self.server = server

        def upstream(message) -> None:
            if isinstance(message, bytes):
                msg = BackMsg()
                msg.ParseFromString(message)
                if msg.WhichOneof("type") == "rerun_script":
                    self.last_rerun = msg
            server.send(message)

        def downstream(message) -> None:
            if isinstance(message, bytes):
                msg = ForwardMsg()
                msg.ParseFromString(message)
                if msg.WhichOneof("type") == "script_finished":
                    self.finished_runs += 1
                if msg.WhichOneof("type") == "delta":
                    element = msg.delta.new_element
                    if element.WhichOneof("type") == "button":
                        # labels are escaped Markdown: keep them as the page shows them
                        shown = html.unescape(element.button.label).replace("\u2060", "")
                        self.buttons[shown] = element.button.id
            ws.send(message)

        ws.on_message(upstream)
        server.on_message(downstream)

    def press(self, page, label_start: str) -> None:
        """Ask the server to rerun as if the button whose label starts so had been clicked;
        returns when that run has finished."""
        assert self.last_rerun is not None and self.server is not None, "page not loaded"
        [button_id] = [i for label, i in self.buttons.items() if label.startswith(label_start)]
        msg = BackMsg()
        msg.CopyFrom(self.last_rerun)
        state = msg.rerun_script.widget_states.widgets.add()
        state.id = button_id
        state.trigger_value = True
        runs = self.finished_runs
        self.server.send(msg.SerializeToString())
        for _ in range(600):
            if self.finished_runs > runs:
                return
            page.wait_for_timeout(100)  # lets Playwright deliver the socket's messages
        raise TimeoutError("the forged run did not finish within 60 s")

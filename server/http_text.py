"""The address of every HTTP request is text, checked once at the edge.

A page, a feed, an .ics file or /oembed reads its values from the path and the query
string, decoded (`%00` is a NUL, `%01` a control character). Such a value reached
PostgreSQL (`/o/%00`: a 500 on PostgreSQL, a miss on SQLite) or lxml (`/feeds/
threads.atom?topic=%01`: a 500 everywhere). As GraphQL refuses what is not text in its
variables (`server.schema.input_checks`), every other route is refused here with 400 and
what is wrong, before a handler sees it. (Escapes that are not UTF-8 decode as U+FFFD,
which is text, so no lone surrogate reaches this far.)
"""

from __future__ import annotations

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from server.http import GRAPHQL_PATH
from server.querystring import query_pairs
from server.text import text_problem


class AddressText:
    """Refuse an HTTP request whose path or query string holds what is not text.

    /graphql is left to GraphQL, which answers in its own shape (BAD_USER_INPUT naming
    the variable or the string in the document).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] != GRAPHQL_PATH:
            problem = address_problem(scope)
            if problem is not None:
                await PlainTextResponse(problem, status_code=400)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def address_problem(scope: Scope) -> str | None:
    """What in the request's address is not text ("The path holds …"), or None."""
    problem = text_problem(scope["path"])
    if problem is not None:
        return f"The path {problem}."
    for name, value in query_pairs(scope):
        problem = text_problem(name)
        if problem is not None:
            return f"A parameter's name {problem}."
        problem = text_problem(value)
        if problem is not None:
            return f"The parameter `{name[:40]}` {problem}."
    return None

"""graphql-transport-ws as the forum speaks it: every refused `subscribe` gets an answer.

Strawberry's handler ends some `subscribe` messages it cannot run with a bare `complete`
(a query that is not a string, a document over the token limit: both raise while the
operation is prepared, which it logs as "Exception in worker task"), closes the socket
on others (a syntax error), and fails on a payload that is not an object. Here each of
them is an `error` message for its id (SECURITY.md: "A `subscribe` with a malformed or
over-limit document"), and every `error` message carries a code and the socket's
request id, which the server's log quotes.
"""

from __future__ import annotations

import logging
from typing import Any, cast

from graphql import GraphQLError
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
    Operation,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import Message, SubscribeMessage

from server.services.errors import internal_error_message

log = logging.getLogger("server.errors")

# Subscription ids are the client's; graphql-ws clients use UUIDs.
ID_MAX = 100
# What an error names when it has no code of its own: the message was at fault.
DEFAULT_CODE = "BAD_REQUEST"


def payload_problem(payload: Any) -> str | None:
    """Why a `subscribe` payload is not one GraphQL operation, or None."""
    if not isinstance(payload, dict):
        return "The payload of a subscribe message must be a JSON object with a `query`."
    if not isinstance(payload.get("query"), str):
        return "The payload's `query` must be a string."
    if not isinstance(payload.get("operationName"), str | None):
        return "The payload's `operationName` must be a string (or null)."
    for name in ("variables", "extensions"):
        if not isinstance(payload.get(name), dict | None):
            return f"The payload's `{name}` must be a JSON object (or null)."
    return None


class ForumTransportWS(BaseGraphQLTransportWSHandler[Any, Any]):
    """graphql-transport-ws with an `error` message for every subscribe it refuses."""

    @property
    def request_id(self) -> str:
        return str(getattr(self.context, "request_id", "-"))

    async def handle_message(self, message: Message) -> None:
        if not isinstance(message, dict) or not isinstance(message.get("type"), str):
            await self.handle_invalid_message("A message must be a JSON object with a `type`.")
            return
        await super().handle_message(message)

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        operation_id = message.get("id")
        if not isinstance(operation_id, str) or not 0 < len(operation_id) <= ID_MAX:
            await self.handle_invalid_message(
                f"A subscribe message needs an `id`: a string of 1 to {ID_MAX} characters."
            )
            return
        problem = payload_problem(message.get("payload"))
        if problem is not None and self.connection_acknowledged:
            if operation_id in self.operations:
                await super().handle_subscribe(message)  # closes the socket (4409)
                return
            refusal = {"id": operation_id, "type": "error", "payload": [{"message": problem}]}
            await self.send_message(cast(Message, refusal))
            return
        await super().handle_subscribe(message)

    async def _send_result_stream(self, operation: Operation[Any, Any], result_source: Any) -> None:
        try:
            await super()._send_result_stream(operation, result_source)
        except GraphQLError as error:  # raised while the operation was prepared (token limit)
            await operation.send_initial_errors([error])
        except Exception as error:
            log.error("internal error (request %s)", self.request_id, exc_info=error)
            await operation.send_initial_errors(
                [
                    GraphQLError(
                        internal_error_message(self.request_id),
                        extensions={"code": "INTERNAL", "requestId": self.request_id},
                    )
                ]
            )

    @staticmethod
    def _get_pre_execution_close_reason(error: GraphQLError) -> str | None:
        # A syntax error or an unknown operation name is the subscription's fault, not the
        # socket's: it gets an `error` message, and the socket's other subscriptions go on.
        return None

    async def send_message(self, message: Message) -> None:
        if message.get("type") == "error":
            errors = cast(list[dict[str, Any]], message.get("payload") or [])
            message = cast(Message, {**message, "payload": [self._coded(e) for e in errors]})
        await super().send_message(message)

    def _coded(self, error: dict[str, Any]) -> dict[str, Any]:
        extensions = {"code": DEFAULT_CODE, **(error.get("extensions") or {})}
        extensions.setdefault("requestId", self.request_id)
        return {**error, "extensions": extensions}

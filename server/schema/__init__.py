"""The GraphQL schema: strawberry types, one module per domain, combined in `build_schema`."""

from __future__ import annotations

import functools
from typing import Any

import strawberry
from graphql import ASTValidationRule, GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    MaxTokensLimiter,
    max_aliases,
    query_depth_limiter,
)
from strawberry.types import ExecutionContext

from server.config import Settings
from server.schema.document_caches import (
    CACHE_SIZE,
    ShortDocumentParserCache,
    ShortDocumentValidationCache,
)
from server.schema.errors import ErrorCodes
from server.schema.execution import plan_plain_fields
from server.schema.input_checks import InputChecks
from server.schema.limits import QueryCost
from server.schema.live import LiveExecutor
from server.schema.members import Member
from server.schema.organisations import Organisation
from server.schema.plans import install_plans
from server.schema.root import Mutation, Query, Subscription
from server.schema.threads import Post, Thread


class ForumSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # ErrorCodes logs what deserves it; strawberry's default logs every user mistake.
        return None


def build_schema(settings: Settings | None = None) -> ForumSchema:
    """The served schema, with the bounds of SECURITY.md.

    Made once per process for the same bounds: building converts every type (a tenth of
    a second or more), and the test suite makes an app, so a schema, for every test. The
    schema keeps no request's state; its plan cache only holds what operations compile to."""
    settings = settings or Settings()
    return _build_schema(
        max_query_depth=settings.max_query_depth,
        alias_limit=settings.max_aliases,
        max_tokens=settings.max_tokens,
        max_query_cost=settings.max_query_cost,
        compiled_plans=settings.compiled_plans,
    )


@functools.lru_cache(maxsize=8)
def _build_schema(
    *,
    max_query_depth: int,
    alias_limit: int,
    max_tokens: int,
    max_query_cost: int,
    compiled_plans: bool,
) -> ForumSchema:
    # The rule classes are made once: the validation cache is keyed by the rules, so
    # classes made per request (QueryDepthLimiter's factory does that) would miss it
    # every time and cost a full validation per request.
    limits: list[type[ASTValidationRule]] = [
        query_depth_limiter.create_validator(max_query_depth, None),
        max_aliases.create_validator(alias_limit),
    ]
    extensions: list[Any] = [
        lambda: MaxTokensLimiter(max_token_count=max_tokens),
        lambda: ShortDocumentParserCache(maxsize=CACHE_SIZE),
        lambda: AddValidationRules(limits),
        lambda: ShortDocumentValidationCache(maxsize=CACHE_SIZE),
        InputChecks,
        lambda: QueryCost(max_query_cost),
        ErrorCodes,
    ]
    schema = ForumSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=[Thread, Post, Member, Organisation],
        extensions=extensions,
        # PlanExecutor (compiled plans, plain fields read directly), which also runs a
        # subscription event once for all its receivers with the same viewer.
        execution_context_class=LiveExecutor,
    )
    plan_plain_fields(schema._schema)
    install_plans(schema._schema, enabled=compiled_plans)
    return schema

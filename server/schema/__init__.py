"""The GraphQL schema: strawberry types, one module per domain, combined in `build_schema`."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import ASTValidationRule, GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    MaxTokensLimiter,
    ParserCache,
    ValidationCache,
    max_aliases,
    query_depth_limiter,
)
from strawberry.types import ExecutionContext

from server.config import Settings
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

# Bounded: 100,000 distinct query texts must not grow memory without limit.
CACHE_SIZE = 1024


class ForumSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # ErrorCodes logs what deserves it; strawberry's default logs every user mistake.
        return None


def build_schema(settings: Settings | None = None) -> ForumSchema:
    """The served schema, with the bounds of SECURITY.md."""
    settings = settings or Settings()
    # The rule classes are made once: the validation cache is keyed by the rules, so
    # classes made per request (QueryDepthLimiter's factory does that) would miss it
    # every time and cost a full validation per request.
    limits: list[type[ASTValidationRule]] = [
        query_depth_limiter.create_validator(settings.max_query_depth, None),
        max_aliases.create_validator(settings.max_aliases),
    ]
    extensions: list[Any] = [
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        lambda: ParserCache(maxsize=CACHE_SIZE),
        lambda: AddValidationRules(limits),
        lambda: ValidationCache(maxsize=CACHE_SIZE),
        InputChecks,
        lambda: QueryCost(settings.max_query_cost),
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
    install_plans(schema._schema, enabled=settings.compiled_plans)
    return schema

"""Where plans meet graphql-core: the executor runs a query's plan, or falls back.

Parsing, validation and every limit (depth, aliases, cost, tokens, body size) happen
before execution, in strawberry's extensions and the HTTP guard, whichever way the
operation then runs. graphql-core's `execute_operation` collects the root fields and
calls `execute_collected_root_fields`; this executor answers that call with the
operation's plan when it has one, and with graphql-core's generic execution when not.
The answer's shape and its errors are built by graphql-core around either.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from graphql import GraphQLError, GraphQLObjectType, GraphQLSchema, OperationDefinitionNode
from graphql.execution.collect_fields import DeferUsage, FieldDetails
from graphql.execution.executor import CollectedErrors

from server.schema.document_caches import operation_is_kept
from server.schema.execution import PlainFieldExecutionContext
from server.schema.plans.compiler import ObjectPlan, Refusal, compile_operation, directive_variables
from server.schema.plans.runner import run

log = logging.getLogger(__name__)

# Key in GraphQLSchema.extensions.
PLANS_KEY = "moin-plans"
# Bounded like the parser's and validator's caches: many distinct documents cannot grow
# memory without end (the oldest plan is dropped).
MAX_PLANS = 1024


PlanKey = tuple[int, tuple[Any, ...]]
# The fallback counter's reason for a query run again generically after its plan's run
# nulled the whole answer.
REDONE = "answer nulled: run again on graphql-core"
# The fallback counter's reason for an operation whose document is too long to keep
# anything of (see document_caches): a plan pays off only when it is used again.
LONG_DOCUMENT = "document too long to keep a plan of"


@dataclass
class Plans:
    """A schema's plans by operation, and how often operations fell back, by reason."""

    enabled: bool = True
    # id(operation) -> (operation, variables read by @skip/@include, or the refusal)
    operations: dict[int, tuple[OperationDefinitionNode, tuple[str, ...] | Refusal]] = field(
        default_factory=dict
    )
    # (id(operation), their values) -> (operation, plan or refusal)
    plans: dict[PlanKey, tuple[OperationDefinitionNode, ObjectPlan | Refusal]] = field(
        default_factory=dict
    )
    fallbacks: Counter[str] = field(default_factory=Counter)
    compiled: int = 0
    executed: int = 0

    def _remember(self, table: dict[Any, Any], key: Any, value: Any) -> None:
        if len(table) >= MAX_PLANS:
            table.pop(next(iter(table)))
        table[key] = value


def install_plans(schema: GraphQLSchema, *, enabled: bool = True) -> Plans:
    """Give `schema` its plan cache (the executor plans only a schema that has one)."""
    plans = Plans(enabled=enabled)
    schema.extensions = {**(schema.extensions or {}), PLANS_KEY: plans}
    return plans


def plans_of(schema: GraphQLSchema) -> Plans | None:
    """The plan cache of `schema`, if it has one."""
    found = (schema.extensions or {}).get(PLANS_KEY)
    return found if isinstance(found, Plans) else None


class PlanExecutor(PlainFieldExecutionContext):
    """The forum's executor: a query with a plan runs it, anything else runs generically."""

    def execute_collected_root_fields(
        self,
        root_type: GraphQLObjectType,
        root_value: Any,
        grouped_field_set: dict[str, list[FieldDetails]],
        serially: bool,
        new_defer_usages: Sequence[DeferUsage],
    ) -> Any:
        plan = self._plan(root_type, grouped_field_set) if not serially else None
        if plan is None:
            return super().execute_collected_root_fields(
                root_type, root_value, grouped_field_set, serially, new_defer_usages
            )
        plans = plans_of(self.schema)
        assert plans is not None
        plans.executed += 1
        return self._run_or_redo(plan, root_type, root_value, grouped_field_set, new_defer_usages)

    async def _run_or_redo(
        self,
        plan: ObjectPlan,
        root_type: GraphQLObjectType,
        root_value: Any,
        grouped_field_set: dict[str, list[FieldDetails]],
        new_defer_usages: Sequence[DeferUsage],
    ) -> Any:
        try:
            return await run(self, plan, root_value)
        except GraphQLError:
            # A failure nulled the whole answer. Which sibling root fields graphql-core
            # still reports then depends on the order its tasks happen to fail in, which
            # the plan's level-by-level run does not reproduce: the (rare, read-only)
            # query runs again generically, so its errors are graphql-core's own.
            plans = plans_of(self.schema)
            assert plans is not None
            plans.fallbacks[REDONE] += 1
            self.collected_errors = CollectedErrors()
            result = super().execute_collected_root_fields(
                root_type, root_value, grouped_field_set, False, new_defer_usages
            )
            return await result if self.is_awaitable(result) else result

    def _plan(
        self, root_type: GraphQLObjectType, grouped: dict[str, list[FieldDetails]]
    ) -> ObjectPlan | None:
        plans = plans_of(self.schema)
        if plans is None or not plans.enabled or not self.read_plain_fields:
            return None
        operation = self.operation
        if not operation_is_kept(operation):
            plans.fallbacks[LONG_DOCUMENT] += 1
            return None
        known = plans.operations.get(id(operation))
        if known is None or known[0] is not operation:
            try:
                names: tuple[str, ...] | Refusal = directive_variables(
                    operation, {name: d.definition for name, d in self.fragments.items()}
                )
            except Refusal as refusal:
                names = refusal
                _log_refusal(operation, refusal)
            known = (operation, names)
            plans._remember(plans.operations, id(operation), known)
        names = known[1]
        if isinstance(names, Refusal):
            _fell_back(plans, names)
            return None
        coerced = self.variable_values.coerced
        key = (id(operation), tuple(coerced.get(name) for name in names))
        found = plans.plans.get(key)
        if found is None or found[0] is not operation:
            try:
                plan: ObjectPlan | Refusal = compile_operation(
                    operation,
                    root_type,
                    grouped,
                    lambda kind, details: self.collect_subfields(kind, details).grouped_field_set,
                    self.schema.get_possible_types,
                )
                plans.compiled += 1
            except Refusal as refusal:
                plan = refusal
                _log_refusal(operation, refusal)
            found = (operation, plan)
            plans._remember(plans.plans, key, found)
        result = found[1]
        if isinstance(result, Refusal):
            _fell_back(plans, result)
            return None
        return result


def _fell_back(plans: Plans, refusal: Refusal) -> None:
    plans.fallbacks[str(refusal)] += 1


def _log_refusal(operation: OperationDefinitionNode, refusal: Refusal) -> None:
    name = operation.name.value if operation.name else "(anonymous)"
    log.debug("operation %s runs on graphql-core: %s", name, refusal)

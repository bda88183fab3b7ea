"""How far a field's value depends on who asks: the rule live updates share executions by.

A live event with a thousand receivers is executed once per *visibility class* (a
visitor, a member, a researcher, a moderator, an admin) instead of once per viewer,
when every field its document selects gives every viewer of one class the same value:

- a plain attribute (strawberry's default resolver) reads no viewer at all;
- a field in `CLASS_SAFE` reads at most the viewer's role (audited: it never compares
  the viewer's id with anything, so an author seeing their own hidden post cannot leak);
- a field in `PER_VIEWER` depends on the viewer's identity, but is a leaf computed for
  many (viewer, parent) pairs at once: the class execution leaves its place empty and
  each receiver gets its own value, from one batched lookup for all of them; a field in
  `PER_VIEWER_NOW` likewise, but its value needs no lookup (a notification's id), so
  each receiver's is filled in as its result is made, with no batch to wait for.

Any other field (e.g. `Thread.replies`, whose hidden replies show to their author) makes
the document run per viewer, as before. A new field that reads `info.context.viewer`
stays out of `CLASS_SAFE` unless it reads the role only.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLNonNull,
    GraphQLSchema,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    is_abstract_type,
    is_leaf_type,
    is_object_type,
    visit,
)

from server.domain import MemberRole
from server.services.viewer import VISITOR, Viewer

P = TypeVar("P")

# (context, [(viewer, parent), ...]) -> the field's value for each pair, in order.
PerViewerFn = Callable[[Any, Sequence[tuple[Viewer, Any]]], Awaitable[list[Any]]]

# (GraphQL type name, field name) -> how to compute it for many viewers at once.
PER_VIEWER: dict[tuple[str, str], PerViewerFn] = {}

# (context, viewer, parent) -> the field's value, computed without any lookup.
PerViewerNowFn = Callable[[Any, Viewer, Any], Any]

# (GraphQL type name, field name) -> how to compute it for one viewer, at once.
PER_VIEWER_NOW: dict[tuple[str, str], PerViewerNowFn] = {}

# Fields with a resolver that read at most the viewer's role (see the module's doc).
CLASS_SAFE: frozenset[tuple[str, str]] = frozenset(
    {
        ("Thread", "author"),
        ("Thread", "organisation"),
        ("Thread", "participants"),
        ("Thread", "participantCount"),
        ("Thread", "opening"),
        ("Thread", "hidden"),
        ("Thread", "url"),
        ("Post", "thread"),
        ("Post", "author"),
        ("Post", "isAccepted"),
        ("Post", "hidden"),
        ("Post", "hiddenReason"),
        ("Member", "banned"),
        ("Member", "organisation"),
        ("Organisation", "countryName"),
        ("Organisation", "region"),
        ("Notification", "actor"),
        ("Notification", "url"),
        # These two show a hidden thread or post to its author as well: notificationAdded
        # delivers to those authors alone, never by class (server.schema.notifications).
        ("Notification", "thread"),
        ("Notification", "post"),
    }
)

# A class's stand-in member id: no member has it (ids start at 1 on both databases). The
# class-safe fields never read it; it only makes the stand-in count as signed in.
CLASS_MEMBER_ID = 0


def per_viewer(
    type_name: str, field_name: str
) -> Callable[[Callable[[Any, Sequence[tuple[Viewer, P]]], Awaitable[list[Any]]]], Any]:
    """Register the decorated function as how live updates compute `type_name.field_name`
    for many (viewer, parent) pairs; the field's resolver must call it with one pair, so
    both ways give the same value. The field must be a leaf without arguments."""

    def register(fn: Any) -> Any:
        PER_VIEWER[type_name, field_name] = fn
        return fn

    return register


def per_viewer_now(
    type_name: str, field_name: str
) -> Callable[[Callable[[Any, Viewer, P], Any]], Any]:
    """Register the decorated function as how live updates compute `type_name.field_name`
    for one (viewer, parent) pair, with no I/O (it is called once per receiver, on the
    event loop); as for `per_viewer`, the field's resolver must give the same value and
    the field must be a leaf without arguments."""

    def register(fn: Any) -> Any:
        PER_VIEWER_NOW[type_name, field_name] = fn
        return fn

    return register


def is_per_viewer(field: tuple[str, str]) -> bool:
    """Whether (type name, field name) is computed for each receiver (either way)."""
    return field in PER_VIEWER or field in PER_VIEWER_NOW


def visibility_class(viewer: Viewer) -> Viewer | None:
    """The stand-in viewer of `viewer`'s class, or None when it must be served alone (a
    partner's key or a banned member: rare on sockets, and kept exactly as they are)."""
    if viewer.partner_id is not None or viewer.banned_reason is not None:
        return None
    if viewer.member_id is None:
        return VISITOR
    return _STAND_INS[viewer.role]


# One stand-in per role, made once: a thousand receivers of an event ask for theirs.
_STAND_INS = {role: Viewer(member_id=CLASS_MEMBER_ID, role=role) for role in (*MemberRole, None)}


def shared_by_class(schema: GraphQLSchema, document: DocumentNode) -> bool:
    """Whether every field `document` selects is the same for one visibility class
    (plain, class-safe or per-viewer), for every type it may be selected on."""
    type_info = TypeInfo(schema)
    verdict = _Scope(type_info, schema)
    visit(document, TypeInfoVisitor(type_info, verdict))
    return verdict.safe


class _Scope(Visitor):
    def __init__(self, type_info: TypeInfo, schema: GraphQLSchema) -> None:
        super().__init__()
        self.type_info = type_info
        self.schema = schema
        self.safe = True

    def enter_field(self, node: FieldNode, *_args: Any) -> Any:
        name = node.name.value
        parent = self.type_info.get_parent_type()
        if name == "__typename":
            return None
        if parent is None or name.startswith("__"):
            self.safe = False
            return self.BREAK
        if parent is self.schema.subscription_type:
            return None  # the root field: its value is the event's, the same for all
        types = self.schema.get_possible_types(parent) if is_abstract_type(parent) else [parent]
        for kind in types:
            if not is_object_type(kind) or not _field_safe(kind, name):
                self.safe = False
                return self.BREAK
        return None


def _field_safe(kind: Any, name: str) -> bool:
    field = kind.fields.get(name)
    if field is None:
        return False
    key = (kind.name, name)
    if is_per_viewer(key):
        return not field.args and is_leaf(field.type)
    if key in CLASS_SAFE:
        return True
    return not field.args and getattr(field.resolve, "_is_default", False)


def is_leaf(kind: Any) -> bool:
    """Whether `kind` (non-null or not) is a scalar or an enum, not a list."""
    if isinstance(kind, GraphQLNonNull):
        kind = kind.of_type
    return is_leaf_type(kind)

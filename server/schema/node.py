"""Relay's object identification: every object has an opaque global ID."""

from __future__ import annotations

import strawberry


@strawberry.interface(description="An object with a global ID, which `node(id:)` fetches.")
class Node:
    id: strawberry.ID = strawberry.field(description="The object's opaque global ID.")

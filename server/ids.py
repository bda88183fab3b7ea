"""Opaque global IDs: base64 of "<Type>:<row id>"."""

from __future__ import annotations

import base64
import binascii


def to_global_id(type_name: str, row_id: int) -> str:
    """The opaque global ID of row `row_id` of GraphQL type `type_name`."""
    return base64.urlsafe_b64encode(f"{type_name}:{row_id}".encode()).decode().rstrip("=")


def from_global_id(global_id: str) -> tuple[str, int] | None:
    """(type name, row id), or None when `global_id` is not one of ours."""
    if len(global_id) > 100:
        return None
    try:
        raw = base64.urlsafe_b64decode(global_id + "=" * (-len(global_id) % 4)).decode()
        type_name, _, row_id = raw.partition(":")
        number = int(row_id)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None
    if not type_name or number <= 0 or number >= 2**63:
        return None
    return type_name, number


def row_id(global_id: str, type_name: str) -> int | None:
    """The row id of a global ID of `type_name`, or None for anything else."""
    decoded = from_global_id(global_id)
    if decoded is None or decoded[0] != type_name:
        return None
    return decoded[1]

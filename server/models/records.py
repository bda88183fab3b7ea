"""Reading models as plain rows, for pages that are only shown, never changed."""

from __future__ import annotations

from functools import cache
from typing import Any

import sqlalchemy as sa


@cache
def record_columns(model: Any) -> tuple[Any, ...]:
    """Every column attribute of `model`: selecting them gives rows named like the model.

    A `Row` costs a fraction of an ORM instance to build (no identity map, no state),
    and reads the same (`row.author_id`); use it where nothing is written back.
    """
    return tuple(prop.class_attribute for prop in sa.inspect(model).column_attrs)

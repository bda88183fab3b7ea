"""The generator puts foreign keys back in groups that cannot deadlock one another."""

from __future__ import annotations

from bench.generate import LOADED_TABLES, foreign_key_waves
from server.models import Base


def _schema_foreign_keys() -> list[tuple[str, str, str, str]]:
    """The loaded tables' foreign keys as pg_get_constraintdef writes them."""
    keys = []
    for table in Base.metadata.sorted_tables:
        if table.name not in LOADED_TABLES:
            continue
        for key in table.foreign_key_constraints:
            columns = ", ".join(c.name for c in key.columns)
            target = key.referred_table.name
            keys.append(
                (table.name, str(key.name), "f", f"FOREIGN KEY ({columns}) REFERENCES {target}(id)")
            )
    return keys


def test_no_two_keys_of_a_group_touch_the_same_table() -> None:
    keys = _schema_foreign_keys()
    assert len(keys) >= 5  # posts, threads, members, post_search, thread_topics reference others
    waves = foreign_key_waves(keys)
    assert sorted(k for wave in waves for k in wave) == sorted(keys)
    for wave in waves:
        seen: set[str] = set()
        for table, _name, _type, definition in wave:
            target = definition.split("REFERENCES ")[1].split("(")[0]
            assert not {table, target} & seen, wave
            seen |= {table, target}


def test_a_quoted_or_qualified_target_is_read_as_its_table() -> None:
    keys = [
        ("posts", "a", "f", 'FOREIGN KEY (thread_id) REFERENCES public."threads"(id)'),
        ("threads", "b", "f", "FOREIGN KEY (author_id) REFERENCES members(id)"),
    ]
    assert foreign_key_waves(keys) == [[keys[0]], [keys[1]]]

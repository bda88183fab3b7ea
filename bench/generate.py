"""Fill a PostgreSQL database with a realistic, deterministic forum network, in bulk.

    python -m bench.generate --recreate                       # 1,000,000 posts into moin_bench
    python -m bench.generate --scale 0.01 --database-url ...  # a small one

The schema comes from the project's migrations; rows are loaded with COPY
(asyncpg `copy_records_to_table`) while the secondary indexes and foreign keys
are dropped, then those are rebuilt exactly as the migrations defined them, the
search documents (`threads.search_vector`: title and opening post; `post_search`:
one per reply) are computed in SQL, sequences are moved past the generated ids,
and every table is vacuumed and analysed. The same seed and scale
always give the same rows.

The shape of the network at scale 1: 300 organisations of the nine types,
10,000 members (a few percent researchers, whose replies are expert replies),
100,000 threads over ten years and 1,000,000 posts. Activity is skewed: reply
counts per thread are a geometric base plus a Zipf tail (a handful of threads
with thousands of replies, a median of about five), and members post with
Zipf-like frequencies.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import multiprocessing
import os
import random
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import numpy as np

from bench import vocab
from bench.textgen import TextPool, project_renderer

DEFAULT_DATABASE_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/moin_bench"
END = datetime(2026, 11, 1, tzinfo=UTC)
YEARS = 10
SPAN_US = int(YEARS * 365.25 * 86400 * 1_000_000)
START = END - timedelta(microseconds=SPAN_US)
CHUNK = 10_000  # posts per text-generation chunk; each chunk has its own seeded RNG
# Tables whose secondary indexes and keys are dropped while they are filled.
LOADED_TABLES = ("organisations", "members", "threads", "thread_topics", "posts", "post_search")

ORG_TYPE_WEIGHTS = {
    "GOVERNMENT_DEPARTMENT": 0.22,
    "PUBLIC_BANK": 0.08,
    "INTERNATIONAL_AGENCY": 0.06,
    "STRATEGIC_DESIGN_AGENCY": 0.07,
    "RESEARCH_INNOVATION_AGENCY": 0.16,
    "DIGITAL_AGENCY": 0.07,
    "LOCAL_REGIONAL_GOVERNMENT": 0.25,
    "SPACE_AGENCY": 0.03,
    "RESEARCH_INSTITUTE": 0.06,
}
ORG_TYPES = list(ORG_TYPE_WEIGHTS)  # the order of domain.OrganisationType: bit i is type i
KINDS = ["CHALLENGE", "DISCUSSION", "CASE_EXAMPLE"]
KIND_WEIGHTS = [0.5, 0.35, 0.15]


def log(message: str) -> None:
    print(f"[generate {time.strftime('%H:%M:%S')}] {message}", flush=True)


def asyncpg_dsn(url: str) -> str:
    """The plain libpq URL asyncpg wants, from a SQLAlchemy URL."""
    for prefix in ("postgresql+asyncpg://", "postgres+asyncpg://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql://" + url[len(prefix) :]
    return url


def sqlalchemy_url(url: str) -> str:
    dsn = asyncpg_dsn(url)
    return "postgresql+asyncpg://" + dsn[len("postgresql://") :]


@dataclass(frozen=True)
class Counts:
    organisations: int
    members: int
    threads: int
    posts: int

    @classmethod
    def for_scale(cls, scale: float) -> Counts:
        threads = max(20, round(100_000 * scale))
        return cls(
            organisations=max(10, round(300 * scale)),
            members=max(50, round(10_000 * scale)),
            threads=threads,
            posts=max(threads * 2, round(1_000_000 * scale)),
        )


@dataclass
class Plan:
    """Everything but the post texts, as arrays indexed by id - 1."""

    counts: Counts
    seed: int
    organisations: list[tuple[Any, ...]] = field(default_factory=list)
    members: list[tuple[Any, ...]] = field(default_factory=list)
    threads: list[tuple[Any, ...]] = field(default_factory=list)
    thread_topics: list[tuple[int, str]] = field(default_factory=list)
    # Posts, in id order.
    post_thread: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    post_position: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    post_author: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    post_expert: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    post_created_us: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    post_target_len: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))


def ts(us: int) -> datetime:
    return START + timedelta(microseconds=int(us))


def _place(rng: random.Random, used: set[str]) -> str:
    while True:
        name = "".join(rng.choice(vocab.PLACE_SYLLABLES) for _ in range(rng.randint(2, 3)))
        name = name.capitalize()
        if name not in used:
            used.add(name)
            return name


def plan_network(counts: Counts, seed: int) -> Plan:
    plan = Plan(counts=counts, seed=seed)
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)

    # Organisations: the first is the host institute, home of most researchers.
    places: set[str] = set()
    org_types: list[str] = ["RESEARCH_INSTITUTE"]
    org_types += rng.choices(
        ORG_TYPES, weights=list(ORG_TYPE_WEIGHTS.values()), k=counts.organisations - 1
    )
    slugs: set[str] = set()
    for org_id, org_type in enumerate(org_types, start=1):
        place = _place(rng, places)
        if org_id == 1:
            name = "Institute for Innovation and Public Purpose"
        else:
            name = rng.choice(vocab.ORG_NAME_PATTERNS[org_type]).format(
                p=place, a=rng.choice(vocab.ORG_AREAS)
            )
        slug = "-".join(name.lower().split())[:70]
        while slug in slugs:
            slug = f"{slug[:66]}-{rng.randint(100, 999)}"
        slugs.add(slug)
        country = None if org_type == "INTERNATIONAL_AGENCY" else rng.choice(vocab.COUNTRIES)
        created = ts(rng.randint(0, SPAN_US // 20))
        description = (
            f"{name} is a member of the Mission-Oriented Innovation Network. "
            f"It works on {rng.choice(vocab.TOPICS)} and {rng.choice(vocab.TOPICS)}."
        )
        plan.organisations.append(
            (
                org_id,
                slug,
                name,
                org_type,
                country,
                f"https://{slug}.example.org",
                description,
                created,
            )
        )

    # Members: big organisations have many; a few percent are researchers.
    n_m = counts.members
    org_size_w = 1.0 / (np.arange(counts.organisations) + 3.0) ** 0.8
    org_size_w = nrng.permutation(org_size_w)
    member_org = nrng.choice(counts.organisations, size=n_m, p=org_size_w / org_size_w.sum()) + 1
    # About 4% researchers: the host institute's staff first, then other institutes'.
    n_researchers = max(2, round(0.04 * n_m))
    n_host = max(2, round(0.015 * n_m))
    member_org[:n_host] = 1
    is_institute = np.array([org_types[o - 1] == "RESEARCH_INSTITUTE" for o in member_org])
    others = nrng.permutation(np.arange(n_host, n_m))
    ranked = np.concatenate(
        (np.arange(n_host), others[is_institute[others]], others[~is_institute[others]])
    )
    roles = np.full(n_m, "MEMBER", dtype=object)
    roles[ranked[:n_researchers]] = "RESEARCHER"
    moderators = ranked[n_researchers:][nrng.random(n_m - n_researchers) < 0.005]
    roles[moderators] = "MODERATOR"
    roles[ranked[-1]] = "ADMIN"
    for i in range(n_m):
        member_id = i + 1
        first, last = rng.choice(vocab.FIRST_NAMES), rng.choice(vocab.LAST_NAMES)
        created = ts(rng.randint(0, SPAN_US // 10)) - timedelta(days=30)
        plan.members.append(
            (
                member_id,
                f"{first} {last}",
                f"{first.lower()}.{last.lower()}.{member_id}@bench.example",
                roles[i],
                int(member_org[i]),
                "bench",
                f"bench-{member_id}",
                created,
            )
        )
    researcher = roles == "RESEARCHER"

    # How active each member is (Zipf over a shuffled order); researchers reply more.
    activity = nrng.permutation(1.0 / (np.arange(n_m) + 5.0) ** 0.9)
    starter_w = activity * np.where(researcher, 0.5, 1.0)
    replier_w = activity * np.where(researcher, 2.0, 1.0)
    starter_p = starter_w / starter_w.sum()
    replier_p = replier_w / replier_w.sum()

    # Threads: created over ten years, more of them lately; ids in creation order.
    n_t = counts.threads
    created_us = np.sort((np.sqrt(nrng.random(n_t)) * (SPAN_US - 86_400_000_000)).astype(np.int64))
    thread_author = nrng.choice(n_m, size=n_t, p=starter_p) + 1

    # Reply counts: a geometric base plus a Zipf tail on randomly chosen threads.
    n_replies = counts.posts - n_t
    zipf_w = 1.0 / (np.arange(1, n_t + 1) + 4.0)
    tail = np.floor(n_replies * 0.25 * zipf_w / zipf_w.sum()).astype(np.int64)
    mean_base = (n_replies - tail.sum()) / n_t
    base = nrng.negative_binomial(1, 1.0 / (1.0 + mean_base), n_t)
    reply_count = nrng.permutation(tail) + base
    diff = int(n_replies - reply_count.sum())
    while diff != 0:  # make the total exact, one reply at a time on random threads
        idx = nrng.integers(0, n_t, size=abs(diff))
        if diff > 0:
            np.add.at(reply_count, idx, 1)
        else:
            for j in idx:
                if reply_count[j] > 0:
                    reply_count[j] -= 1
        diff = int(n_replies - reply_count.sum())

    # Replies spread over an activity window after each thread starts; busy threads last longer.
    window = nrng.exponential(20.0, n_t) * (1.0 + np.log1p(reply_count)) * 86_400e6
    window = np.minimum(window, SPAN_US - created_us).astype(np.int64)
    reply_thread = np.repeat(np.arange(n_t), reply_count)
    reply_offset = (nrng.random(n_replies) * window[reply_thread]).astype(np.int64) + 1_000_000
    order = np.lexsort((reply_offset, reply_thread))
    reply_thread = reply_thread[order]
    reply_created = created_us[reply_thread] + reply_offset[order]
    starts = np.concatenate(([0], np.cumsum(reply_count)[:-1]))
    reply_position = np.arange(n_replies) - np.repeat(starts, reply_count) + 1

    # All posts; ids follow time, as they would on a live forum.
    p_thread = np.concatenate((np.arange(n_t), reply_thread))
    p_position = np.concatenate((np.zeros(n_t, np.int64), reply_position))
    p_created = np.concatenate((created_us, reply_created))
    p_author = np.concatenate((thread_author, nrng.choice(n_m, size=n_replies, p=replier_p) + 1))
    by_time = np.lexsort((p_position, p_created))
    p_thread, p_position = p_thread[by_time], p_position[by_time]
    p_created, p_author = p_created[by_time], p_author[by_time]
    p_expert = (p_position > 0) & researcher[p_author - 1]
    opening_len = np.clip(nrng.lognormal(math.log(1100), 0.5, n_t + n_replies), 460, 2500)
    reply_len = np.clip(nrng.lognormal(math.log(480), 0.6, n_t + n_replies), 170, 1500)
    p_target = np.where(p_position == 0, opening_len, reply_len).astype(np.int64)
    post_ids = np.arange(1, len(p_thread) + 1)

    expert_count = np.bincount(p_thread, weights=p_expert, minlength=n_t).astype(np.int64)
    last_activity = created_us.copy()
    np.maximum.at(last_activity, p_thread, p_created)

    # Accepted replies on a third of the challenges with replies: the first expert
    # reply where there is one, else a random reply.
    thread_kind = nrng.choice(len(KINDS), size=n_t, p=KIND_WEIGHTS)
    by_thread = np.lexsort((p_position, p_thread))
    first_of_thread = np.concatenate(([0], np.cumsum(reply_count + 1)[:-1]))
    expert_sorted = p_expert[by_thread]
    expert_idx = np.flatnonzero(expert_sorted)
    expert_threads, first_expert = np.unique(p_thread[by_thread][expert_idx], return_index=True)
    first_expert_pos = np.full(n_t, -1, np.int64)
    first_expert_pos[expert_threads] = expert_idx[first_expert] - first_of_thread[expert_threads]
    accept_roll = nrng.random(n_t)
    accepted = np.zeros(n_t, np.int64)
    for c in np.flatnonzero((thread_kind == 0) & (reply_count > 0) & (accept_roll < 0.35)):
        pos = first_expert_pos[c] if first_expert_pos[c] > 0 else rng.randint(1, reply_count[c])
        accepted[c] = post_ids[by_thread[first_of_thread[c] + pos]]

    visibility_roll = nrng.random(n_t)
    closed_roll = nrng.random(n_t)
    for t in range(n_t):
        thread_id = t + 1
        author = int(thread_author[t])
        org = int(member_org[author - 1])
        org_type = org_types[org - 1]
        pillars = rng.sample(range(4), k=rng.choices((1, 2, 3), weights=(6, 3, 1))[0])
        types = {ORG_TYPES.index(org_type)}
        if rng.random() < 0.3:
            types.add(rng.randrange(len(ORG_TYPES)))
        topics = sorted(
            set(rng.choices(vocab.TOPICS, cum_weights=_topic_cw(), k=rng.randint(1, 3)))
        )
        if accepted[t]:
            status = "ANSWERED"
        elif closed_roll[t] < 0.04 and created_us[t] < SPAN_US - 365 * 86_400e6:
            status = "CLOSED"
        else:
            status = "OPEN"
        plan.threads.append(
            (
                thread_id,
                KINDS[thread_kind[t]],
                _title(rng),
                status,
                "MEMBERS" if visibility_roll[t] < 0.1 else "PUBLIC",
                sum(1 << p for p in pillars),
                sum(1 << b for b in types),
                topics,
                author,
                org,
                int(reply_count[t]),
                int(expert_count[t]),
                int(accepted[t]) or None,
                ts(created_us[t]),
                ts(last_activity[t]),
            )
        )
        plan.thread_topics.extend((thread_id, topic) for topic in topics)

    plan.post_thread = p_thread + 1
    plan.post_position = p_position
    plan.post_author = p_author
    plan.post_expert = p_expert
    plan.post_created_us = p_created
    plan.post_target_len = p_target
    return plan


_TOPIC_CW: list[float] = []


def _topic_cw() -> list[float]:
    if not _TOPIC_CW:
        total = 0.0
        for i in range(len(vocab.TOPICS)):
            total += 1.0 / (i + 2)
            _TOPIC_CW.append(total)
    return _TOPIC_CW


def _title(rng: random.Random) -> str:
    pattern = rng.choice(vocab.TITLE_PATTERNS)
    adj = rng.choice(vocab.ADJECTIVES[:40])
    title = pattern.format(
        v=rng.choice(vocab.VERBS[:40]),
        adj=adj,
        Adj=adj.capitalize(),
        n=rng.choice(vocab.NOUNS[:80]),
        n2=rng.choice(vocab.NOUNS[:120]),
    )
    return title[0].upper() + title[1:]


# --- loading -----------------------------------------------------------------

ORG_COLUMNS = ("id", "slug", "name", "type", "country", "website", "description", "created_at")
MEMBER_COLUMNS = (
    "id",
    "display_name",
    "email",
    "role",
    "organisation_id",
    "oidc_provider",
    "oidc_subject",
    "created_at",
)
THREAD_COLUMNS = (
    "id",
    "kind",
    "title",
    "status",
    "visibility",
    "pillars_mask",
    "organisation_types_mask",
    "topics",
    "author_id",
    "organisation_id",
    "reply_count",
    "expert_reply_count",
    "accepted_post_id",
    "created_at",
    "last_activity_at",
)
POST_COLUMNS = (
    "id",
    "thread_id",
    "position",
    "author_id",
    "body",
    "body_html",
    "is_expert",
    "created_at",
    "edited_at",
)


@dataclass
class DroppedObjects:
    """Secondary indexes and constraints taken off the loaded tables, to put back."""

    constraints: list[tuple[str, str, str, str]]  # table, name, type, definition
    indexes: list[tuple[str, str]]  # name, definition


async def drop_secondary(conn: asyncpg.Connection) -> DroppedObjects:
    constraints = await conn.fetch(
        """
        SELECT c.conrelid::regclass::text AS tbl, c.conname, c.contype::text AS contype,
               pg_get_constraintdef(c.oid) AS def
        FROM pg_constraint c
        WHERE c.conrelid = ANY($1::regclass[]) AND c.contype IN ('u', 'f')
        ORDER BY c.contype DESC, c.conname
        """,
        list(LOADED_TABLES),
    )
    indexes = await conn.fetch(
        """
        SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
        FROM pg_index i
        WHERE i.indrelid = ANY($1::regclass[])
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k
                          WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
        ORDER BY 1
        """,
        list(LOADED_TABLES),
    )
    dropped = DroppedObjects(
        constraints=[(r["tbl"], r["conname"], r["contype"], r["def"]) for r in constraints],
        indexes=[(r["name"], r["def"]) for r in indexes],
    )
    async with conn.transaction():
        for table, name, _type, _def in dropped.constraints:  # foreign keys first ('f' > 'u')
            await conn.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        for name, _def in dropped.indexes:
            await conn.execute(f"DROP INDEX {name}")
    return dropped


async def copy_small_tables(conn: asyncpg.Connection, plan: Plan) -> None:
    await conn.copy_records_to_table(
        "organisations", records=plan.organisations, columns=ORG_COLUMNS
    )
    await conn.copy_records_to_table("members", records=plan.members, columns=MEMBER_COLUMNS)
    # Threads go to a staging table first: their search vector needs the posts.
    await conn.execute("DROP TABLE IF EXISTS bench_threads_stage")
    await conn.execute(
        "CREATE UNLOGGED TABLE bench_threads_stage (LIKE threads INCLUDING DEFAULTS)"
    )
    # COPY is binary; json's binary form is its text.
    await conn.set_type_codec(
        "json", encoder=_json_bytes, decoder=bytes.decode, schema="pg_catalog", format="binary"
    )
    await conn.copy_records_to_table(
        "bench_threads_stage", records=plan.threads, columns=THREAD_COLUMNS
    )
    await conn.copy_records_to_table(
        "thread_topics", records=plan.thread_topics, columns=("thread_id", "topic")
    )


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value).encode()


# Set by the parent before forking the post loaders; shared copy-on-write.
_PLAN: Plan | None = None
_POOL: TextPool | None = None


def _load_post_chunks(args: tuple[str, list[int]]) -> tuple[int, int]:
    dsn, chunks = args
    return asyncio.run(_copy_post_chunks(dsn, chunks))


async def _copy_post_chunks(dsn: str, chunks: list[int]) -> tuple[int, int]:
    assert _PLAN is not None and _POOL is not None
    plan, pool = _PLAN, _POOL
    conn = await asyncpg.connect(dsn)
    rows = chars = 0
    try:
        await conn.execute("SET synchronous_commit = off")
        for chunk in chunks:
            rng = random.Random(plan.seed * 1_000_003 + chunk)
            lo, hi = chunk * CHUNK, min((chunk + 1) * CHUNK, len(plan.post_thread))
            records = []
            for i in range(lo, hi):
                body, body_html = pool.body(rng, int(plan.post_target_len[i]))
                chars += len(body)
                records.append(
                    (
                        i + 1,
                        int(plan.post_thread[i]),
                        int(plan.post_position[i]),
                        int(plan.post_author[i]),
                        body,
                        body_html,
                        bool(plan.post_expert[i]),
                        ts(plan.post_created_us[i]),
                        None,
                    )
                )
            await conn.copy_records_to_table("posts", records=records, columns=POST_COLUMNS)
            rows += len(records)
    finally:
        await conn.close()
    return rows, chars


# The documents of server/search.py: a thread's title and opening post; each reply's body.
SEARCH_VECTOR_SQL = """
INSERT INTO threads ({columns}, search_vector)
SELECT {s_columns},
       setweight(to_tsvector('english', s.title), 'A')
       || setweight(to_tsvector('english', coalesce(
            (SELECT p.body FROM posts p
             WHERE p.thread_id = s.id AND p.position = 0 AND p.hidden_at IS NULL), '')), 'B')
FROM bench_threads_stage s
WHERE s.id % $1 = $2
"""
POST_SEARCH_SQL = """
INSERT INTO post_search (post_id, thread_id, document)
SELECT p.id, p.thread_id, to_tsvector('english', p.body)
FROM posts p
WHERE p.position > 0 AND p.hidden_at IS NULL AND p.id % $1 = $2
"""


async def _run_parallel(
    dsn: str, statements: list[tuple[str, tuple[Any, ...]]], jobs: int, setup: tuple[str, ...] = ()
) -> None:
    queue: asyncio.Queue[tuple[str, tuple[Any, ...]]] = asyncio.Queue()
    for item in statements:
        queue.put_nowait(item)

    async def worker() -> None:
        conn = await asyncpg.connect(dsn)
        try:
            for statement in setup:
                await conn.execute(statement)
            while not queue.empty():
                sql, params = queue.get_nowait()
                started = time.perf_counter()
                await conn.execute(sql, *params)
                log(f"  {time.perf_counter() - started:6.1f}s  {sql.strip().splitlines()[0][:90]}")
        finally:
            await conn.close()

    await asyncio.gather(*(worker() for _ in range(jobs)))


def foreign_key_waves(
    foreign: list[tuple[str, str, str, str]],
) -> list[list[tuple[str, str, str, str]]]:
    """Foreign keys grouped so that no two in a group touch the same table.

    Adding a foreign key locks both its table and the one it references (SHARE ROW
    EXCLUSIVE); two such statements running at once over a shared pair of tables, taken
    in opposite orders, deadlock. Keys of one group run in parallel, groups one by one.
    """
    waves: list[tuple[set[str], list[tuple[str, str, str, str]]]] = []
    for constraint in foreign:
        table, _name, _type, definition = constraint
        found = re.search(r"REFERENCES\s+(?:public\.)?\"?(\w+)\"?", definition)
        tables = {table, found.group(1) if found else table}
        for used, wave in waves:
            if not used & tables:
                used |= tables
                wave.append(constraint)
                break
        else:
            waves.append((set(tables), [constraint]))
    return [wave for _used, wave in waves]


MAINTENANCE = (
    "SET maintenance_work_mem = '1GB'",
    "SET work_mem = '256MB'",
    "SET synchronous_commit = off",
    "SET statement_timeout = 0",
)


async def finish(dsn: str, dropped: DroppedObjects, jobs: int) -> None:
    # 1. The (thread_id, position) key first: the threads' documents find opening posts by it.
    unique = [c for c in dropped.constraints if c[2] == "u"]
    foreign = [c for c in dropped.constraints if c[2] == "f"]
    posts_key = [c for c in unique if c[0] == "posts"]
    others = [c for c in unique if c[0] != "posts"]
    await _run_parallel(
        dsn,
        [(f'ALTER TABLE {t} ADD CONSTRAINT "{n}" {d}', ()) for t, n, _, d in posts_key],
        jobs,
        MAINTENANCE,
    )
    # 2. Threads from the staging table with their documents, and the replies' documents,
    #    in parallel slices.
    columns = ", ".join(THREAD_COLUMNS)
    s_columns = ", ".join(f"s.{c}" for c in THREAD_COLUMNS)
    sql = SEARCH_VECTOR_SQL.format(columns=columns, s_columns=s_columns)
    slices = jobs * 2
    await _run_parallel(
        dsn,
        [
            *((sql, (slices, k)) for k in range(slices)),
            *((POST_SEARCH_SQL, (slices * 2, k)) for k in range(slices * 2)),
        ],
        jobs,
        MAINTENANCE,
    )
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute("DROP TABLE bench_threads_stage")
    finally:
        await conn.close()
    # 3. Every other index and key, as the migrations made them; foreign keys last.
    await _run_parallel(
        dsn,
        [
            *((f'ALTER TABLE {t} ADD CONSTRAINT "{n}" {d}', ()) for t, n, _, d in others),
            *((d, ()) for _, d in dropped.indexes),
        ],
        jobs,
        MAINTENANCE,
    )
    for wave in foreign_key_waves(foreign):
        await _run_parallel(
            dsn,
            [(f'ALTER TABLE {t} ADD CONSTRAINT "{n}" {d}', ()) for t, n, _, d in wave],
            jobs,
            MAINTENANCE,
        )
    # 4. Sequences past the generated ids, so that the server can insert.
    conn = await asyncpg.connect(dsn)
    try:
        for table in ("organisations", "members", "threads", "posts"):
            await conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
    finally:
        await conn.close()
    # 5. Statistics and the visibility map, so that plans and timings are steady.
    await _run_parallel(
        dsn,
        [
            (f"VACUUM (ANALYZE) {t}", ())
            for t in (
                "posts",
                "post_search",
                "threads",
                "thread_topics",
                "members",
                "organisations",
            )
        ],
        jobs,
        ("SET maintenance_work_mem = '1GB'",),
    )


async def recreate_database(dsn: str) -> None:
    target = dsn.rsplit("/", 1)[1].split("?")[0]
    admin = await asyncpg.connect(dsn.rsplit("/", 1)[0] + "/postgres")
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{target}"')
    finally:
        await admin.close()


async def _is_empty(dsn: str) -> bool:
    conn = await asyncpg.connect(dsn)
    try:
        return not await conn.fetchval(
            "SELECT EXISTS (SELECT 1 FROM posts)"
        ) and not await conn.fetchval("SELECT EXISTS (SELECT 1 FROM threads)")
    finally:
        await conn.close()


def generate(
    url: str, *, scale: float = 1.0, seed: int = 20261101, jobs: int = 2, recreate: bool = False
) -> dict[str, Any]:
    """Generate the network into the database at `url`; return what was loaded and timings."""
    global _PLAN, _POOL
    from server.migrate import upgrade

    dsn = asyncpg_dsn(url)
    counts = Counts.for_scale(scale)
    timings: dict[str, float] = {}
    started = t0 = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal t0
        now = time.perf_counter()
        timings[name] = round(now - t0, 2)
        log(f"{name}: {now - t0:.1f}s")
        t0 = now

    if recreate:
        asyncio.run(recreate_database(dsn))
    upgrade(sqlalchemy_url(url))
    if not asyncio.run(_is_empty(dsn)):
        raise SystemExit("the database already has threads or posts: use --recreate")
    lap("migrate")

    log(f"planning {counts}")
    plan = plan_network(counts, seed)
    renderer = project_renderer()
    pool = TextPool(seed, size=int(min(20_000, max(2_000, counts.posts // 20))), renderer=renderer)
    log(
        f"text pool: {len(pool.md)} paragraphs rendered by {pool.renderer_name}"
        f" (composes: {pool.composes})"
    )
    lap("plan")

    async def phase_a() -> DroppedObjects:
        conn = await asyncpg.connect(dsn)
        try:
            dropped = await drop_secondary(conn)
            await copy_small_tables(conn, plan)
            return dropped
        finally:
            await conn.close()

    dropped = asyncio.run(phase_a())
    lap("copy organisations, members, threads, topics")

    _PLAN, _POOL = plan, pool
    n_chunks = math.ceil(len(plan.post_thread) / CHUNK)
    work = [(dsn, list(range(k, n_chunks, jobs))) for k in range(jobs)]
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs) as workers:
        results = workers.map(_load_post_chunks, work)
    rows = sum(r for r, _ in results)
    chars = sum(c for _, c in results)
    lap(f"copy posts ({rows} rows, {chars / 1e6:.0f} MB of Markdown)")

    asyncio.run(finish(dsn, dropped, jobs))
    lap("indexes, search documents, keys, vacuum analyze")
    total = time.perf_counter() - started
    log(f"done in {total:.1f}s")
    return {
        "counts": counts.__dict__,
        "seed": seed,
        "scale": scale,
        "seconds": round(total, 1),
        "timings": timings,
        "renderer": pool.renderer_name,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", default=os.environ.get("MOIN_BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    )
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="fraction of the default size (1.0 = 1,000,000 posts)",
    )
    parser.add_argument("--seed", type=int, default=20261101)
    parser.add_argument("--jobs", type=int, default=2, help="parallel loaders (default 2)")
    parser.add_argument(
        "--recreate", action="store_true", help="drop and create the database first"
    )
    args = parser.parse_args(argv)
    generate(
        args.database_url, scale=args.scale, seed=args.seed, jobs=args.jobs, recreate=args.recreate
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

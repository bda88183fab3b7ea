"""The demo network loads as it did before it moved from Python to data files.

The figures and the sampled threads below were taken from the database that the Python module
`server/demo/content.py` produced (December 2026), loaded at a fixed time. When you change the
demo data on purpose, change the figures here with it (see server/demo/data/README.md).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import UTC, datetime

import sqlalchemy as sa

from server.demo.loader import load_demo
from server.domain import mask_to_pillars, mask_to_types
from server.models import Member, Organisation, Post, Thread, ThreadTopic

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)

ORGANISATION_TYPES = {
    "LOCAL_REGIONAL_GOVERNMENT": 5,
    "GOVERNMENT_DEPARTMENT": 4,
    "PUBLIC_BANK": 3,
    "INTERNATIONAL_AGENCY": 3,
    "STRATEGIC_DESIGN_AGENCY": 3,
    "RESEARCH_INNOVATION_AGENCY": 3,
    "DIGITAL_AGENCY": 3,
    "RESEARCH_INSTITUTE": 2,
    "SPACE_AGENCY": 2,
}
ROLES = {"MEMBER": 56, "RESEARCHER": 8, "MODERATOR": 1, "ADMIN": 1}
KINDS = {"CHALLENGE": 26, "DISCUSSION": 22, "CASE_EXAMPLE": 22}
STATUSES = {"OPEN": 52, "ANSWERED": 16, "CLOSED": 2}
VISIBILITIES = {"PUBLIC": 63, "MEMBERS": 7}

# Sampled threads: an answered one with many expert replies, a MEMBERS-only answered one, one
# without replies and a closed one. Each post: author, hours after the thread's start, expert
# reply or not, and the start of the SHA-256 of its Markdown body.
SAMPLES = {
    "How do we evaluate the market-shaping effect of our green investments?": {
        "author": "katharina.vogel@rhine-transition-bank.example",
        "organisation": "rhine-transition-bank",
        "days_ago": 150,
        "kind": "CHALLENGE",
        "status": "ANSWERED",
        "visibility": "PUBLIC",
        "pillars": ["ASSESSMENT"],
        "organisation_types": ["GOVERNMENT_DEPARTMENT", "PUBLIC_BANK"],
        "topics": ["evaluation", "market-shaping", "metrics", "public-finance"],
        "accepted": 5,
        "posts": [
            ("katharina.vogel@rhine-transition-bank.example", 0, False, "a6f63717540062fb"),
            ("amara.okafor@ipv-institute.example", 4, True, "8cbbfe0996bb83de"),
            ("matthias.brenner@rhine-transition-bank.example", 7, False, "cb973f54a58516d8"),
            ("mette.kjaergaard@oresund-transitions-centre.example", 26, True, "d4743f19f94b01bf"),
            ("katharina.vogel@rhine-transition-bank.example", 30, False, "47d94781b98579c4"),
            ("amara.okafor@ipv-institute.example", 40, True, "4badd5508f290adc"),
            ("karin.sjoberg@ministry-green-industry.example", 52, False, "eb5ea73c34602ee3"),
            ("owen.gallagher@ipv-institute.example", 56, False, "ed99b8d7b7d4ad37"),
            ("nora.bakken@nordic-mission-bank.example", 60, False, "b1547e7ac18086e9"),
            ("luana.tavares@banco-verde-fomento.example", 75, False, "07f6d5d431dbefa1"),
            ("jonas.thygesen@oresund-transitions-centre.example", 96, True, "d4ac032f60d5d32d"),
            ("katharina.vogel@rhine-transition-bank.example", 190, False, "036e4b46654bb69d"),
        ],
    },
    "Terms for a minority equity stake in a clean hydrogen scale-up": {
        "author": "matthias.brenner@rhine-transition-bank.example",
        "organisation": "rhine-transition-bank",
        "days_ago": 120,
        "kind": "CHALLENGE",
        "status": "ANSWERED",
        "visibility": "MEMBERS",
        "pillars": ["RISKS_AND_REWARDS"],
        "organisation_types": ["GOVERNMENT_DEPARTMENT", "PUBLIC_BANK", "INTERNATIONAL_AGENCY"],
        "topics": ["equity-stakes", "risk-sharing", "energy", "conditionality"],
        "accepted": 2,
        "posts": [
            ("matthias.brenner@rhine-transition-bank.example", 0, False, "15a1e5aa045d76eb"),
            ("erik.haugland@nordic-mission-bank.example", 8, False, "feda8a811bc54b24"),
            ("amara.okafor@ipv-institute.example", 24, True, "943e6d46f5c880cb"),
            (
                "pierre-alain.dufour@global-mission-finance-facility.example",
                30,
                False,
                "4605b95173d11de9",
            ),
            ("matthias.brenner@rhine-transition-bank.example", 48, False, "fbf04348756fecfa"),
            ("valentina.rojas@ministerio-futuro-economia.example", 100, False, "0f801a09611a529a"),
        ],
    },
    "Royalty-based finance for bioeconomy start-ups: how do we set the cap?": {
        "author": "luana.tavares@banco-verde-fomento.example",
        "organisation": "banco-verde-fomento",
        "days_ago": 12,
        "kind": "CHALLENGE",
        "status": "OPEN",
        "visibility": "PUBLIC",
        "pillars": ["RISKS_AND_REWARDS"],
        "organisation_types": ["PUBLIC_BANK", "RESEARCH_INNOVATION_AGENCY"],
        "topics": ["risk-sharing", "public-finance", "equity-stakes"],
        "accepted": None,
        "posts": [("luana.tavares@banco-verde-fomento.example", 0, False, "2f1e4d29dc00bbf9")],
    },
    "Mission-washing: when existing programmes are relabelled as missions": {
        "author": "julien.moreau@public-innovation-forum.example",
        "organisation": "public-innovation-forum",
        "days_ago": 145,
        "kind": "DISCUSSION",
        "status": "CLOSED",
        "visibility": "PUBLIC",
        "pillars": ["ROUTES_AND_DIRECTIONS", "ASSESSMENT"],
        "organisation_types": [
            "GOVERNMENT_DEPARTMENT",
            "INTERNATIONAL_AGENCY",
            "RESEARCH_INNOVATION_AGENCY",
        ],
        "topics": ["governance", "evaluation", "portfolio"],
        "accepted": None,
        "posts": [
            ("julien.moreau@public-innovation-forum.example", 0, False, "a283573cb9a75b03"),
            ("camille.laurent@public-innovation-forum.example", 6, False, "a13b6f2d929b0189"),
            ("kwame.asante@ipv-institute.example", 20, True, "a0eb87388952e8b2"),
            ("ciaran.doyle@department-enterprise-missions.example", 40, False, "5326a6a48eda216f"),
            ("andres.villamizar@estudio-futuros-civicos.example", 60, False, "f67f6a2ab74a0230"),
            ("ignacio.fuentes@ministerio-futuro-economia.example", 72, False, "3ac3c02cf2fd74df"),
            ("owen.gallagher@ipv-institute.example", 80, False, "a18a16754631413c"),
        ],
    },
}


async def test_the_demo_network_has_the_figures_it_had_as_python(db):
    counts = await load_demo(db, now=NOW)
    assert counts == {
        "organisations": 28,
        "members": 66,
        "threads": 70,
        "replies": 297,
        "applications": 5,
        "events": 8,
    }

    async with db.read() as session:
        organisations = (await session.execute(sa.select(Organisation))).scalars().all()
        members = (await session.execute(sa.select(Member))).scalars().all()
        threads = (await session.execute(sa.select(Thread))).scalars().all()
        posts = (await session.execute(sa.select(Post))).scalars().all()
        topics = (await session.execute(sa.select(ThreadTopic.topic))).scalars().all()

    assert Counter(o.type for o in organisations) == ORGANISATION_TYPES
    assert sum(1 for o in organisations if o.country) == 27
    assert len({o.country for o in organisations if o.country}) == 24
    assert all(o.website and o.description for o in organisations)
    assert Counter(m.role for m in members) == ROLES
    assert all(m.organisation_id is not None and m.email for m in members)

    assert Counter(t.kind for t in threads) == KINDS
    assert Counter(t.status for t in threads) == STATUSES
    assert Counter(t.visibility for t in threads) == VISIBILITIES
    assert sum(1 for t in threads if t.accepted_post_id is not None) == 16
    assert sum(t.reply_count for t in threads) == 297
    assert sum(t.expert_reply_count for t in threads) == 79
    assert sum(1 for p in posts if p.is_expert) == 79
    assert (len(topics), len(set(topics))) == (249, 27)
    oldest = max(NOW - t.created_at for t in threads)
    newest = min(NOW - t.last_activity_at for t in threads)
    assert (oldest.days, newest.total_seconds() / 3600) == (238, 48.0)


async def test_sampled_demo_threads_keep_their_posts_authors_and_dates(db):
    await load_demo(db, now=NOW)

    async with db.read() as session:
        emails = dict((await session.execute(sa.select(Member.id, Member.email))).all())
        slugs = dict((await session.execute(sa.select(Organisation.id, Organisation.slug))).all())
        threads = (
            (await session.execute(sa.select(Thread).where(Thread.title.in_(SAMPLES))))
            .scalars()
            .all()
        )
        posts = (
            (
                await session.execute(
                    sa.select(Post)
                    .where(Post.thread_id.in_([t.id for t in threads]))
                    .order_by(Post.thread_id, Post.position)
                )
            )
            .scalars()
            .all()
        )

    found = {}
    for thread in threads:
        own = [p for p in posts if p.thread_id == thread.id]
        accepted = [p.position for p in own if p.id == thread.accepted_post_id]
        found[thread.title] = {
            "author": emails[thread.author_id],
            "organisation": slugs[thread.organisation_id],
            "days_ago": (NOW - thread.created_at).days,
            "kind": thread.kind,
            "status": thread.status,
            "visibility": thread.visibility,
            "pillars": [p.name for p in mask_to_pillars(thread.pillars_mask)],
            "organisation_types": [t.name for t in mask_to_types(thread.organisation_types_mask)],
            "topics": thread.topics,
            "accepted": accepted[0] if accepted else None,
            "posts": [
                (
                    emails[p.author_id],
                    int((p.created_at - thread.created_at).total_seconds() // 3600),
                    p.is_expert,
                    hashlib.sha256(p.body.encode()).hexdigest()[:16],
                )
                for p in own
            ],
        }
    assert found == SAMPLES

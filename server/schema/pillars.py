"""The ROAR pillars, with the words the web client shows for them."""

from __future__ import annotations

import strawberry

from server import domain
from server.schema.enums import RoarPillar


@strawberry.type(description="A ROAR pillar with its title and one-line description.")
class PillarInfo:
    pillar: RoarPillar = strawberry.field(description="The pillar.")
    title: str = strawberry.field(description="Its short title.")
    description: str = strawberry.field(description="What it covers, in one line.")


@strawberry.type
class PillarQueries:
    @strawberry.field(description="The four ROAR pillars, in their usual order.")
    def pillars(self) -> list[PillarInfo]:
        return [
            PillarInfo(pillar=pillar, title=text.title, description=text.description)
            for pillar, text in domain.PILLARS.items()
        ]

"""Positions of the seed actors (seeds/editorial/positions.toml), recorded through the service.

Evidence claims are named by their claims.toml key. Matched by (actor, topic, as of).
"""

from __future__ import annotations

import datetime as dt

from ..models import Position
from ..services.positions import position_override, position_record
from .catalog import actor_by_name, topic_by_title
from .claims import claim_by_key


def load(data: dict) -> list[str]:
    created: list[str] = []
    for row in data.get("positions", []):
        actor, topic = actor_by_name(row["actor"]), topic_by_title(row["topic"])
        as_of = dt.date.fromisoformat(row["as_of"])
        if Position.objects.filter(actor=actor, topic=topic, as_of=as_of).exists():
            continue
        position = position_record(
            actor=actor,
            topic=topic,
            as_of=as_of,
            stance=row["stance"],
            strength=row.get("strength", 2),
            conditions=row.get("conditions", ""),
            attribution=row.get("attribution", "own"),
            evidence=[claim_by_key(key) for key in row.get("evidence", [])],
            user=None,
        )
        if row.get("change_override"):
            position_override(
                position=position,
                user=None,
                change=row["change_override"],
                reason=row.get("override_reason", ""),
            )
        created.append(f"position {actor} on “{topic}” as of {as_of}")
    return created

"""Writing the plan as an iCalendar file that Google Calendar, Outlook and Apple Calendar import.

Each block is one VEVENT whose UID is derived from the block's stable id, and whose SEQUENCE grows when
the block moves, so importing a newer export updates events in place instead of duplicating them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import icalendar

from offhours.catalog import Catalog
from offhours.domain.planner import Block

PRODID = "-//offhours//study plan//EN"


def plan_to_ics(blocks: Sequence[tuple[Block, int]], catalog: Catalog, *, now: datetime, name: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for block, sequence in blocks:
        topic = catalog.topics.get(block.topic)
        title = topic.title if topic else block.topic
        event = icalendar.Event()
        event.add("uid", f"{block.id}@offhours")
        event.add("dtstamp", now)
        event.add("dtstart", block.start)
        event.add("dtend", block.end)
        event.add("sequence", sequence)
        event.add("summary", f"{block.activity.capitalize()}: {title}")
        lines = [f"Topic: {title} ({block.topic})", f"Activity: {block.activity}, {block.minutes} min, "
                 f"{block.context}"]
        resource = catalog.resources.get(block.resource or "")
        if resource is not None:
            lines.append(f"Resource: {resource.title} — {resource.url}")
            event.add("url", resource.url)
        lines.append(f"Mark it: offhours done {block.id}")
        event.add("description", "\n".join(lines))
        event.add("status", "CANCELLED" if block.status == "skipped" else "CONFIRMED")
        event.add("transp", "OPAQUE")
        event.add("categories", ["offhours", block.activity])
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data

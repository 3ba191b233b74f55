"""A tiny inventory model."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Iterable


@dataclass
class Item:
    name: str
    price: float
    tags: list[str] = field(default_factory=list)

    def discounted(self, rate: float = 0.1) -> float:
        return round(self.price * (1 - rate), 2)


class Inventory:
    def __init__(self, items: Iterable[Item] = ()):
        self._items = {item.name: item for item in items}

    def total(self) -> float:
        return sum(item.price for item in self._items.values())

    def to_json(self) -> str:
        return json.dumps({name: item.price for name, item in sorted(self._items.items())})


def load(path: str) -> Inventory:
    with open(path, encoding="utf-8") as handle:
        rows = json.load(handle)
    return Inventory(Item(**row) for row in rows if row.get("price", 0) > 0)

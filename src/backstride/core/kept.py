"""A process's bounded keep of values worked out once and read again (plans, programs, checkpoints)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any


class Kept:
    """The last `size` values stored, the longest unused dropped first.

    A server's threads store and drop together under one lock, so one thread's drop never pulls a
    key from under another's store; a read needs no lock (a dict lookup is one step).
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, default: Any = None) -> Any:
        return self._items.get(key, default)

    def __getitem__(self, key: Hashable) -> Any:
        return self._items[key]

    def __setitem__(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

"""The kernel manager of the dialogue server: closed pages' kernels are culled, but a page is
given time to connect to the kernel it was just handed.

Voilà keeps one kernel warm with the dashboard already run (``preheat_kernel``), so the first
view comes at once. That kernel may have been idle long before a page takes it, and until the
page's browser connects it has no connection: the plain culling rule (idle longer than the
timeout and no connection) would shut it down under the page. ``DialogKernelManager`` waits
``connect_grace`` seconds from the first cull check that sees a kernel outside the pool before
it culls a kernel that never had a connection. A kernel whose page connected and then closed
is culled by the plain rule.
"""

from __future__ import annotations

import time
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Float

__all__ = ["DialogKernelManager"]


class DialogKernelManager(AsyncMappingKernelManager):  # type: ignore[misc]
    """``AsyncMappingKernelManager`` that spares a handed-out kernel until its page connects
    (at most ``connect_grace`` seconds)."""

    connect_grace = Float(60.0, config=True,
                          help="seconds a kernel without any connection yet is kept")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._connected: set[str] = set()
        self._first_seen: dict[str, float] = {}

    def notify_connect(self, kernel_id: str) -> None:
        self._connected.add(kernel_id)
        super().notify_connect(kernel_id)

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        if kernel_id not in self._connected:
            first = self._first_seen.setdefault(kernel_id, time.monotonic())
            if time.monotonic() - first < self.connect_grace:
                return
        await super().cull_kernel_if_idle(kernel_id)
        if kernel_id not in self:  # culled: forget it
            self._connected.discard(kernel_id)
            self._first_seen.pop(kernel_id, None)

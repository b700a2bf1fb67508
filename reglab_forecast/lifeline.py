"""Worker processes that exit when their parent dies (``kill -9``, SIGTERM, a crash).

A process pool's workers are otherwise left running, rendering briefs nobody will collect.
``exit_with_parent`` is called first thing in each worker: on Linux the kernel sends the worker
SIGKILL when the parent dies (``prctl(PR_SET_PDEATHSIG)``), and on every system a daemon thread
checks the parent's pid twice a second and ends the worker when it has gone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

__all__ = ["exit_with_parent"]

_PR_SET_PDEATHSIG = 1
POLL_SECONDS = 0.5


def _kernel_signal_on_parent_death() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        pass  # the watchdog thread still covers it


def _watch(parent: int) -> None:
    while True:
        if os.getppid() != parent:
            os._exit(1)  # the parent is gone: no clean-up that could hang, just stop
        time.sleep(POLL_SECONDS)


def exit_with_parent(parent: int) -> None:
    """Make this process exit as soon as the process ``parent`` (its parent) is gone."""
    _kernel_signal_on_parent_death()
    if os.getppid() != parent:  # the parent died before we got here
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="lifeline", daemon=True).start()

"""Helpers of the dialog tests."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest


def run_in_fresh_thread(check: Callable[[], None], wait: float = 120.0) -> None:
    """Run ``check`` in a new thread: no event loop runs there, whatever loop another test
    (Playwright's, for one) left running in this worker's main thread, so the page's debouncer
    recomputes at once. Re-raise its errors."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            check()
        except BaseException as error:  # noqa: BLE001 - handed back to the test
            errors.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(wait)
    assert not thread.is_alive(), f"körningen blev inte klar på {wait} s"
    if errors:
        raise errors[0]


@pytest.fixture
def in_fresh_thread() -> Callable[..., None]:
    return run_in_fresh_thread

"""``python -m reglab_forecast``: the same as the ``reglab-forecast`` command."""

from .cli import run

run()

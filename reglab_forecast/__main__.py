"""``python -m reglab_forecast``: the same as the ``reglab-forecast`` command."""

import sys

from .cli import main

sys.exit(main())

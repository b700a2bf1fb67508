"""Shared pytest setup."""

# Loopback HTTP servers for the sources tests (tests/fakes); notebook run times in the summary.
pytest_plugins = ["fakes.fixtures", "notebook_summary"]

# Tests read the snapshot committed in the repository (or packaged in the wheel), never a
# refreshed snapshot in the user's data folder or a REGLAB_SNAPSHOT_DIR set in the shell.
import os  # noqa: E402
import tempfile  # noqa: E402

os.environ.pop("REGLAB_SNAPSHOT_DIR", None)
os.environ["REGLAB_DATA_DIR"] = tempfile.mkdtemp(prefix="reglab-test-data-")

# Live-data settings from the shell must not leak into tests: no real URLs, keys or offline
# switch, and a throwaway response cache.
for _name in ("REGLAB_OFFLINE", "REGLAB_SCB_URL", "REGLAB_JOBTECH_URL", "REGLAB_JOBTECH_API_KEY"):
    os.environ.pop(_name, None)
os.environ["REGLAB_CACHE_DIR"] = tempfile.mkdtemp(prefix="reglab-test-cache-")

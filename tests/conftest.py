"""Shared pytest setup."""

# Loopback HTTP servers for the sources tests (tests/fakes).
pytest_plugins = ["fakes.fixtures"]

# Tests read the snapshot committed in the repository (or packaged in the wheel), never a
# refreshed snapshot in the user's data folder or a REGLAB_SNAPSHOT_DIR set in the shell.
import os  # noqa: E402
import tempfile  # noqa: E402

os.environ.pop("REGLAB_SNAPSHOT_DIR", None)
os.environ["REGLAB_DATA_DIR"] = tempfile.mkdtemp(prefix="reglab-test-data-")

"""Shared pytest setup."""

# Loopback HTTP servers for the sources tests (tests/fakes).
pytest_plugins = ["fakes.fixtures"]

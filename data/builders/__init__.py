"""Builders for the embedded snapshot: one module per family of raw files."""

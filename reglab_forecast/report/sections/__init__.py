"""The sections of the brief, one module each with ``build(ctx) -> Section``."""

"""Live data: SCB's PxWebApi 2.0 and Arbetsförmedlingen's JobTech APIs.

- ``scb.ScbClient``: config, search, metadata, code lists and ``data()`` → long frame, with
  selections split to the server's cell limit and calls paced to its call limit.
- ``jobtech.JobTechClient``: taxonomy, Yrkesprognos, Yrkesbarometer, historical ad counts.
- ``http``: the one transport both use (limiter, retries, disk cache, offline mode).
- ``catalogue.toml``: URLs, limits, citations and the tables the snapshot is built from;
  ``refresh.fetch`` (``reglab-forecast fetch``) downloads them and rebuilds the snapshot.
"""

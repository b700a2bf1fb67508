"""The dialogue app: a local web page with scenario levers for a dialogue session.

``reglab-forecast dialog`` serves the dashboard notebook ``dashboard.ipynb`` with Voilà (no code
visible, one kernel per browser tab). The parts, each usable on its own:

- ``engine``: ``DialogModel`` keeps what no lever touches and recomputes a scenario for all
  21 län in milliseconds; ``Levers`` are the values a session sets.
- ``view``: the figure (PNG) and the short table of one view.
- ``widgets``: the lever widgets (Swedish decimals, disabled states, debounced recompute).
- ``app``: ``DialogApp``, the page; ``downloads``: the PDF brief, the table package and the
  scenario file as bytes; ``server``: the Voilà command line.
"""

"""The dialogue app: a local web page with scenario levers for a dialogue session.

``reglab-forecast dialog`` serves the dashboard notebook ``dashboard.ipynb`` with Voilà (no code
visible, one kernel per browser tab). The parts, each usable on its own:

- ``engine``: ``DialogModel`` keeps what no lever touches and recomputes a scenario for all
  21 län in milliseconds; ``Levers`` are the values a session sets.
- ``view``: the figure (SVG) and the short table of the occupation views; ``panels``: those
  of the education view (``education``: the need by education level or field) and the
  population view (``people``: the demographic levers, population, labour supply, balance).
- ``widgets``: the lever widgets (Swedish decimals, disabled states, debounced recompute).
- ``app``: ``DialogApp``, the page; ``downloads``: the PDF brief, the table package and the
  scenario file as bytes; ``server``: the Voilà command line; ``kernels``: its kernel manager
  (closed pages' kernels culled, a handed-out warm kernel spared until its page connects).
"""

"""The ground every app stands on: what models, API modules and pages share, importing no app.

links (one way to build a link, http(s)-only URLs), api (the error shape, base classes, fields, parsers,
pagination), throttling and cache (limits shared across processes), login_limits (sign-in pauses).
`config` wires these into settings and URLs; the apps import them. Nothing here imports actors, statements or
ingest (tests/test_architecture.py checks it).
"""

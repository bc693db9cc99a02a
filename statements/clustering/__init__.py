"""Clusters: one speaker's one utterance, however many statements carry it.

`text` turns a statement's words into what is compared (pure Python, no Django); `services` assigns statements to
clusters as they are stored, keeps each cluster's first appearance and counts, marks reprints, and carries out
editors' splits and merges; `selectors` reads clusters for pages and the API.
"""

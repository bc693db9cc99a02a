"""What the analysts' pages of every app share: the statement filter form, pagination, exports and feeds.

The actor page (actors) and the statement, topic and source pages (statements) list statements the same way; the
parts they share live here rather than in one app's views or forms, so that no app's pages import another's.
Reads go through the apps' selectors; nothing here writes.
"""

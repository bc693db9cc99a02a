"""What the actors app tells apps that depend on it (it imports none of them)."""
from django.dispatch import Signal

# Sent by services.merge_actors once `merged` (an Actor) was folded into `keep`, inside the merge's transaction:
# apps holding data keyed by an actor (statements' clusters) bring it up to date.
actors_merged = Signal()

"""Scripts that learn the extraction core's small data files from annotated corpora (run by hand)."""

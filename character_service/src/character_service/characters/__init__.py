"""Characters: the stored build and play state; the sheet is computed on read."""

"""Notes and manual corrections: the dock, the note dialog and their controller."""

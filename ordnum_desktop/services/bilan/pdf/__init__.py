"""Pieces of the printed bilan: fonts, styles, the page frame, and the sections."""

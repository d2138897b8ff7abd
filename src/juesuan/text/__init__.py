"""Text handling shared by readers and the outline: normalisation and heading patterns."""
